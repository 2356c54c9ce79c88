"""The boilerplate rules as data: every rule has a unique id, a category and a reason, matches
its examples and leaves its near misses alone; the cleaner's passes are listed in one place
and a removed line keeps the id of the rule that matched it (tests/test_removed_rules.py: in
the archive and in `show`)."""

from __future__ import annotations

import pytest

from archiver import rules
from archiver.textclean import CLEAN_PASSES, EXTRACTED_PASSES, clean_extracted, clean_text
from archiver.textclean.lines import split_lines
from archiver.textclean.pipeline import Page, run

from .test_languages import EXAMPLES as EUROPEAN_EXAMPLES

#: Lines each rule must match, and near misses (prose using the same words) it must not.
EXAMPLES = {
    "sponsored-header": (
        ["Sponsored content", "— Promoted Stories —", "More from our partners"],
        ["Sponsored content creators were paid by the council."],
    ),
    "ad-label": (
        ["Advertisement", "- Advertisement -", "Story continues below advertisement"],
        ["Advertisement spending fell by a fifth last year."],
    ),
    "affiliate-notice": (
        [
            "This article contains affiliate links.",
            "We may earn a commission from links.",
            "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um "
            "Affiliate Links / Bilder von der Amazon Product Advertising API",
        ],
        [
            "Reporters say affiliate stations carried the broadcast.",
            "The blog earned most of its money from affiliate links, the report found.",
        ],
    ),
    "shop-button": (["Buy now", "Check price", "Supported by"], ["Buy now, pay later is growing."]),
    "captcha": (
        ["Please verify you are a human", "Are you a robot?"],
        ["The robot vacuum was tested for a week."],
    ),
    "comments-begin": (
        [
            "Leave a comment",
            "12 Comments",
            "Join the conversation",
            "Comments are closed.",
            "{ 38 comments… read them below or add one }",
        ],
        ["Comments from the mayor came late on Tuesday."],
    ),
    "comment-form": (
        ["Your email address will not be published.", "Cancel reply", "Reply"],
        ["Reply letters from readers filled two pages."],
    ),
    "commenter-says": (
        ["Jane Doe says:", "Marlene K · 1 hour ago"],
        ["The minister says the plan will cost more than expected."],
    ),
    "posted-filed-under": (
        [
            "This entry was posted on Wednesday, November 27th, 2019 at 3:21 pm and is filed "
            "under News, Harbour. You can follow any responses through the RSS 2.0 feed.",
            "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht "
            "und wurde unter Allgemein, Hafen abgelegt.",
            "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Hafen, Stadt.",
        ],
        [
            "The report was posted on the council's website on Monday and is the first of three.",
            "Der Antrag wurde am Montag eingereicht und unter den Abgeordneten verteilt.",
        ],
    ),
    "browser-notice": (
        [
            "Thank you for visiting the Harborton Daily. You are using a browser version with "
            "limited support for CSS.",
            "Please enable JavaScript to view the comments.",
            "Bitte aktivieren Sie JavaScript, um diese Seite zu sehen.",
            "Der Browser wird leider nicht mehr unterstützt!",
        ],
        [
            "The suspect was using a browser to search for the port's timetable, police said.",
            "JavaScript developers met in Harborton on Saturday for the third time.",
        ],
    ),
    "comment-tools": (
        ["Report abuse", "3 likes", "Sort by: Newest"],
        ["Like many towns, Harborton has a port."],
    ),
    "newsletter-prompt": (
        ["Sign up", "Subscribe to our newsletter", "Subscribe to Harborton Daily on YouTube"],
        ["Sign up rates for the course doubled this spring."],
    ),
    "newsletter-inbox": (
        [
            "Missing out on our news? Enter your email below to receive future announcements.",
            "If you’re running an ad-blocker it’s costing us money.",
            "The day's top stories, delivered straight to your inbox.",
            "No time to read every post? Receive a daily list of must-read stories.",
            "Get the Harborton Daily's morning edition by email and never miss our top stories",
            "Want to hear about our campaigns? Sign up here",
            "Join the developers who get new links delivered to their inboxes every week.",
            "Sign up to get the best content of the week, as picked by the editors.",
            "Get the latest news straight to your phone with the Harborton Daily app.",
            "Immediate online access to all issues. Subscription will auto renew annually.",
            "Instant access to the full article PDF.",
            "We want to hear what you think about this article. Submit a letter to the editor.",
            "For breaking news as it happens, download the Harborton Daily apps for iOS and "
            "Android.",
            "To view the full story, please subscribe to the Harborton Daily. A weekly pass "
            "costs $5.",
        ],
        [
            "Letters were delivered to the wrong house.",
            "Residents receive a daily update from the port, the mayor said.",
            "Will the council sign up? Nobody knows yet.",
            "Sign up to get the vaccine opened on Monday, the health office said.",
            "Riders can download the port's ferry app for their tickets, the council said.",
            "To view the full story of the flood, the museum asks visitors to climb to the "
            "second floor.",
        ],
    ),
    "cookie-notice": (
        ["This website uses cookies to improve your experience.", "Accept all cookies"],
        ["The bakery sells cookies every morning."],
    ),
    "share-button": (
        ["Share this article", "Facebook", "Tweet", "Click to share on X (Opens in new window)"],
        ["Facebook said it would appeal the ruling."],
    ),
    "share-row": (
        [
            "Email This BlogThis! Share to Twitter Share to Facebook",
            "Facebook Twitter Email",
            "Share | Print",
        ],
        ["Facebook and Twitter both fell."],
    ),
    "loading": (["Loading...", "Load more", "Please wait…"], ["Loading the ships took days."]),
    "related-heading": (
        [
            "Related stories",
            "You may also like",
            "Read more: Port strike ends",
            "More from Business",
        ],
        ["Related research suggests the port will grow."],
    ),
    "author-bio": (
        ["About the author", "Jane Doe is a staff reporter for the Courier."],
        ["The editor of the paper resigned on Monday."],
    ),
    "reporting-credit": (
        [
            "(Reporting by Priya Raman; Editing by Tomasz Keller)",
            "Additional reporting by Lee Park",
        ],
        ["Reporting the news takes time."],
    ),
    "disclaimer": (
        [
            "The views expressed here are those of the author.",
            "This article was originally published on The Conversation.",
        ],
        ["The book was originally published in 1966."],
    ),
    "copyright-footer": (
        ["© 2024 Meridian Press Agency. All rights reserved.", "Copyright Harborton Daily"],
        ["The copyright lawsuit was filed in the spring."],
    ),
    "copyright-notice": (
        ["Text © 2019 Harborton Daily", "This material may not be published, broadcast."],
        ["The 2019 copyright reform changed little."],
    ),
    "image-credit": (
        [
            "Photograph by Ed Marshall, Restoration Programme",
            "Photo credit: Jane Doe",
            "Image 3 of 12",
            "(AP Photo/John Smith)",
            "Getty Images",
        ],
        ["Photographs of the harbour hang in the hall."],
    ),
    "photo-caption": (
        [
            "File photo: The port at dawn.",
            "Ships wait at anchor. (Photo: Leon Vasquez / MPA)",
            "Dockworkers march on Monday. Kathrin Ziegler/Getty",
        ],
        ["The photo shows the port at dawn."],
    ),
    "tags": (
        ["Tags: port, strike, shipping", "Filed under: Business"],
        ["Tags on the containers were checked by hand."],
    ),
    "relative-date": (
        ["3 hours ago", "Updated:", "2024-05-12T08:14:00Z"],
        ["3 hours ago the port was still open."],
    ),
    "bare-link": (
        ["https://example.com/news/port-strike", "www.example.com"],
        ["Read it at https://example.com/news today."],
    ),
    "html-markup": (
        ['<script src="https://example.com/a.js"></script>', "<img src=x>"],
        ["<The Palace: Tale of Jang Noksu> opens on Friday."],
    ),
    "server-error": (
        [
            "Deprecated : preg_replace(): The /e modifier is deprecated, use "
            "preg_replace_callback instead in /www/htdocs/site/wp-includes/functions.php on "
            "line 1234",
            "Strict Standards : Redefining already defined constructor for class wpdb in "
            "/www/htdocs/site/wp-includes/wp-db.php on line 52",
        ],
        ["Warning: the river is rising in Glenbrook, the council said on Monday."],
    ),
    "navigation": (
        [
            "Empfohlener redaktioneller Inhalt",
            "Dieses Skript als PDF herunterladen",
            "Über Jane Doe 257 Artikel",
            "Explore further",
            "READ FULL ARTICLE",
            "Skip to main content",
            "Home > Business > Shipping",
            "Next article: Port reopens",
        ],
        ["Home owners near the port complained."],
    ),
    "footer-links": (
        ["Privacy Policy", "Terms of Use", "Contact us"],
        ["Contact us if you saw the crash, police said."],
    ),
    "social-handle": (
        [
            "@davidehrlich",
            "Nishant Kumar @Nishantopines",
            "Follow Jane Doe on Twitter",
        ],
        ["Email the desk at tips@example.com for more."],
    ),
    "cms-comments-begin": (
        ["Deixe um comentário", "Laisser un commentaire", "3 Kommentare"],
        ["Kommentatoren lobten den Plan."],
    ),
    "cms-comment-form": (
        [
            "Cancelar resposta",
            "Votre adresse e-mail ne sera pas publiée.",
            "Trage deine Daten unten ein oder klicke ein Icon um dich einzuloggen:",
            "You are commenting using your WordPress.com account. ( Log Out / Change )",
        ],
        [
            "Antworten auf diese Fragen gab es nicht.",
            "Fill in the form at the town hall before Friday.",
        ],
    ),
    "cms-related": (
        ["Artigos relacionados", "Baca juga: Pelabuhan ditutup"],
        ["Relacionados con el puerto, dos hombres fueron detenidos."],
    ),
    "cms-share": (["Compartilhe:", "Partager ceci"], ["Teilen Sie Ihre Meinung mit uns."]),
    "click-here": (
        ["Click here to read more", "Clique aqui e saiba mais"],
        ["The click of the camera was the only sound."],
    ),
    "comment-moderation": (
        [
            "Please understand that comments are moderated and not all can be published.",
            "Submit your letter to the editor via this form.",
            "Atenção: comentários ofensivos não serão aprovados.",
            "Comments that insult others will not be published.",
        ],
        ["Comments on the plan were published on Monday."],
    ),
}

ALL_EXAMPLES = {**EXAMPLES, **EUROPEAN_EXAMPLES}
RULES = {rule.id: rule for rule in rules.BOILERPLATE_RULES}


def _matches(rule_id: str, line: str) -> bool:
    rule = RULES[rule_id]
    text = " ".join(line.split())
    return len(text.split()) <= rule.max_words and rule.pattern.search(text.lower()) is not None


def test_every_rule_has_a_unique_id_a_category_and_a_reason():
    ids = [rule.id for rule in rules.BOILERPLATE_RULES]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for rule in rules.BOILERPLATE_RULES:
        assert rule.id and rule.name and rule.why, rule
        assert rule.starts or rule.anywhere, rule.id


def test_every_rule_has_examples_and_near_misses():
    assert set(ALL_EXAMPLES) == set(RULES)
    for matches, misses in ALL_EXAMPLES.values():
        assert matches and misses


@pytest.mark.parametrize(
    ("rule_id", "line"), [(r, x) for r, (xs, _) in EXAMPLES.items() for x in xs]
)
def test_a_rule_matches_its_examples(rule_id, line):
    assert _matches(rule_id, line)


@pytest.mark.parametrize(
    ("rule_id", "line"), [(r, x) for r, (_, xs) in EXAMPLES.items() for x in xs]
)
def test_a_rule_leaves_its_near_misses_alone(rule_id, line):
    assert not _matches(rule_id, line)


def test_a_rule_matches_anywhere_only_what_it_lists_as_such():
    """``starts`` patterns must match at the line's start, not inside it."""
    rule = RULES["ad-label"]
    assert rule.pattern.search("advertisement")
    assert not rule.pattern.search("the advertisement")


# --- The passes -------------------------------------------------------------------------------

PAGE = (
    "Harborton Daily\n\nHome > Business > Shipping\n\n"
    "Dockworkers walk out over automation plan\n\nBy Priya Raman\n\n"
    "Advertisement\n\n"
    "Dockworkers at the Port of Harborton walked off the job on Sunday, halting container "
    "traffic at the region's busiest terminal as talks over an automation plan collapsed.\n\n"
    "The union said the plan would cut hundreds of jobs over five years, and that the port "
    "authority had refused to put any guarantee in writing before the vote.\n\n"
    "Port officials said they expected ships to queue in the bay for several days while the "
    "two sides tried to agree on a mediator acceptable to both.\n\n"
    "Related stories\n\nShipping rates climb\n\nFerry fares rise again\n\n"
    "Leave a comment\n\n© 2024 Harborton Daily. All rights reserved.\n"
)


def test_the_passes_are_listed_in_order_in_one_place():
    assert [step.__name__ for step in CLEAN_PASSES] == [
        "match_rules",
        "take_sponsored_teasers",
        "read_language",
        "mark_template",
        "classify_lines",
        "mark_repeated_lines",
        "find_article_run",
        "read_header",
        "find_page_metadata",
        "take_author_bio",
        "find_page_url",
        "find_outlet",
        "take_related_lists",
        "name_reasons",
        "keep_prose_before_article",
        "take_repeated_title",
        "keep_text_when_no_article",
        "find_dateline",
        "find_site_name",
        "tidy_author",
    ]
    assert [step.__name__ for step in EXTRACTED_PASSES] == [
        "match_rules_after_extraction",
        "take_sponsored_teasers",
        "name_rule_reasons",
        "report_disclaimers",
        "keep_original_credits",
    ]
    for step in (*CLEAN_PASSES, *EXTRACTED_PASSES):
        assert step.__doc__, step.__name__


def test_clean_text_is_its_passes_run_in_order():
    cleaned = clean_text(PAGE)
    rerun = run(Page(split_lines(PAGE), text=PAGE), CLEAN_PASSES)
    assert (rerun.text, rerun.removed, rerun.metadata) == (
        cleaned.text,
        cleaned.removed,
        cleaned.metadata,
    )
    # Without the rules pass, the advertisement's label is no rule's line.
    without = run(
        Page(split_lines(PAGE), text=PAGE), [p for p in CLEAN_PASSES if p.__name__ != "match_rules"]
    )
    assert "ad-label" not in {r.rule for r in without.removed}
    assert "ad-label" in {r.rule for r in cleaned.removed}


def test_a_removed_line_keeps_the_id_of_the_rule_that_matched_it():
    cleaned = clean_text(PAGE)
    by_text = {r.text: (r.reason, r.rule) for r in cleaned.removed}
    assert by_text["Advertisement"] == ("ad-marker", "ad-label")
    assert by_text["Leave a comment"] == ("comment-form", "comments-begin")
    assert by_text["Home > Business > Shipping"] == ("navigation", "navigation")
    assert by_text["© 2024 Harborton Daily. All rights reserved."] == (
        "copyright",
        "copyright-footer",
    )
    # What the page's shape or header removed has no rule.
    assert by_text["Dockworkers walk out over automation plan"] == ("title", None)
    assert by_text["By Priya Raman"] == ("author-line", None)
    assert by_text["Related stories"] == ("related-list", "related-heading")
    for reason, rule in by_text.values():
        assert rule is None or RULES[rule].name == reason


def test_headlines_listed_under_a_teaser_header_go_under_its_rule():
    page = PAGE.replace(
        "The union said",
        "Lesen Sie auch: Neue Radwege für die Innenstadt\n\nFerry operators warn of delays\n\n"
        "The union said",
    )
    by_text = {r.text: (r.reason, r.rule) for r in clean_text(page).removed}
    assert by_text["Ferry operators warn of delays"] == ("related-list", "eu-teaser-link")


def test_after_extraction_removed_lines_keep_their_rule_ids():
    cleaned = clean_extracted("A paragraph of the article.\n\nShare this article\n\nLoading...")
    assert [(r.reason, r.rule) for r in cleaned.removed] == [
        ("share-bar", "share-button"),
        ("loading", "loading"),
    ]
