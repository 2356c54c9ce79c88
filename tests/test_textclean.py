"""The plain-text cleaner: what it keeps, why it removes the rest, what metadata it finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archiver import rules
from archiver.document import Field
from archiver.metanorm import find_date
from archiver.textclean import _match_rule, _split, clean_text, template_key
from archiver.textclean.pipeline import Page, tidy_author
from archiver.textmeta.kinds import (
    byline_names,
    date_line,
    dates_read_as,
    header_meta,
    says_little,
    text_date,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds are not here")


def read_seed(name: str) -> str:
    """A seed page, read in place: third-party text is never copied into the repository."""
    return (SEEDS / name).read_text(encoding="utf-8")


def reasons(result) -> dict[int, str]:
    return {line.lineno: line.reason for line in result.removed}


def assert_accounted_for(text: str, result) -> None:
    """Every non-blank line is either kept or removed, once; blank lines are not recorded."""
    kept = result.text.split("\n\n") if result.text else []
    removed = [line.lineno for line in result.removed]
    assert len(removed) == len(set(removed))
    source = text.splitlines()
    for line in result.removed:
        assert line.text == source[line.lineno - 1].strip()
        assert line.text
    assert len(kept) + len(removed) == sum(1 for line in source if line.strip())


# --- The seeds ------------------------------------------------------------------------------


@needs_seeds
def test_seed_000_keeps_the_fifteen_paragraphs():
    text = read_seed("000_65920ad7e18d557e.txt")
    result = clean_text(text)
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("Kabul, Afghanistan –"))
    last = next(i for i, line in enumerate(lines) if line.rstrip().endswith("40 million citizens."))
    body = [line.strip() for line in lines[first : last + 1] if line.strip()]
    assert len(body) == 15
    assert result.text == "\n\n".join(body)
    assert result.extractor == "archiver-text"
    assert result.extractor_version == "1"
    assert_accounted_for(text, result)


@needs_seeds
def test_seed_000_says_why_each_line_went():
    text = read_seed("000_65920ad7e18d557e.txt")
    why = {line.text: line.reason for line in clean_text(text).removed}
    by_start = {text[:12]: reason for text, reason in why.items()}
    assert why["Sunday, March 3, 2024"] == "header-date"
    assert why["ISIS Trying to Regroup in Afghanistan: Gen. Milley"] == "title"
    assert why["Immigration News"] == "section"
    assert why["Arif Ahmadi"] == "author-line"
    assert by_start["Arif Ahmadi "] == "author-bio"
    assert by_start["FILE: Chairm"] == "photo-caption"
    assert why["- Advertisement -"] == "ad-marker"
    assert why["More articles"] == "related-list"
    assert why["Please enter your comment!"] == "comment-form"
    assert why["Please enter your name here"] == "comment-form"
    assert why["Captcha verification failed!"] == "captcha"
    assert why["CAPTCHA user score failed. Please contact us!"] == "captcha"
    assert why["The World News"] == "site-name"
    removed = clean_text(text).removed
    assert [line.lineno for line in removed if line.text == "Arif Ahmadi"] == [7, 8]
    assert [line.lineno for line in removed if line.text == "- Advertisement -"] == [42, 52]


@needs_seeds
def test_seed_000_metadata():
    meta = clean_text(read_seed("000_65920ad7e18d557e.txt")).metadata
    assert meta["title"].value == "ISIS Trying to Regroup in Afghanistan: Gen. Milley"
    assert meta["title"].source == "text-line"
    assert meta["author"].value == "Arif Ahmadi"
    assert meta["author"].source == "text-line"
    # The tagDiv header date is more often the crawl date: kept, but barely trusted.
    assert meta["published"].value == "2024-03-03"
    assert meta["published"].source == "header-date"
    assert meta["published"].confidence <= 0.3
    assert meta["dateline"].value == "Kabul, Afghanistan"
    assert meta["section"].value == "Immigration News"
    assert meta["outlet"].value == "Khaama Press"
    assert meta["outlet"].source == "author-bio"
    assert 0.3 < meta["outlet"].confidence < 0.8
    assert meta["caption"].value.startswith("FILE: Chairman of the Joint Chiefs")


@needs_seeds
def test_seed_002_keeps_the_body_between_title_and_disclaimer():
    text = read_seed("002_a7c30fd0709b2e7d.txt")
    result = clean_text(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines[1:-2]) == 15
    assert result.text == "\n\n".join(lines[1:-2])
    why = reasons(result)
    assert why == {1: "title", 17: "disclaimer", 18: "loading"}
    assert_accounted_for(text, result)


@needs_seeds
def test_seed_002_metadata():
    meta = clean_text(read_seed("002_a7c30fd0709b2e7d.txt")).metadata
    assert meta["title"].value.startswith("U.N.: ISIS Present in Every Province of Afghanistan")
    assert meta["outlet"].value == "Conservative News Daily"
    assert meta["outlet"].source == "disclaimer"
    assert meta["republished"].value == "true"


# --- Handmade pages ---------------------------------------------------------------------------

PARAGRAPHS = [
    "GLENBROOK, Ontario – The town council of Glenbrook voted on Tuesday evening to close the "
    "old river bridge to cars for the whole of the winter, after an inspection found that two "
    "of its supports had rusted far more than the engineers had expected.",
    "The decision means that drivers who cross the river every morning will have to take the "
    "long way round by the ring road, which the council says adds about twelve minutes to the "
    "journey for most of them.",
    "What the inspectors found",
    "According to the report, which was published on the council's website on Monday, the "
    "worst of the damage is under the eastern end of the bridge, where water has been getting "
    "into the steel for several years without anybody noticing it.",
    "“We would rather be careful now than sorry later,” said the mayor, who added that the "
    "repairs should be finished in time for the spring and that the bridge would then be "
    "open again to all traffic.",
]

PAGE = "\n".join(
    [
        "Skip to content",
        "Home",
        "Local News",
        "Weather",
        "Glenbrook Closes Old River Bridge for the Winter",
        "By Jane Doe, Staff Writer",
        "Published May 12, 2024 at 9:14 am",
        "",
        PARAGRAPHS[0],
        "",
        PARAGRAPHS[1],
        "Advertisement",
        PARAGRAPHS[2],
        PARAGRAPHS[3],
        PARAGRAPHS[4],
        "Share this:",
        "Facebook",
        "Related Stories",
        "Council approves new budget for parks",
        "Ring road works to start in June",
        "3 Comments",
        "Tom Smith says:",
        "I drive across that bridge every single day and I had no idea that it was in such a bad "
        "state, thank you for letting us know about the closure before it happened.",
        "Copyright © 2024 The Glenbrook Courier. All rights reserved.",
    ]
)


def test_handmade_page_keeps_the_article_and_drops_the_rest():
    result = clean_text(PAGE)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert_accounted_for(PAGE, result)
    why = {line.text: line.reason for line in result.removed}
    assert why["Glenbrook Closes Old River Bridge for the Winter"] == "title"
    assert why["By Jane Doe, Staff Writer"] == "author-line"
    assert why["Advertisement"] == "ad-marker"
    assert why["Share this:"] == "share-bar"
    assert why["Related Stories"] == "related-list"
    assert why["3 Comments"] == "comment-form"
    assert why["Skip to content"] == "navigation"
    assert why["Copyright © 2024 The Glenbrook Courier. All rights reserved."] == "copyright"


def test_handmade_page_metadata():
    meta = clean_text(PAGE).metadata
    assert meta["title"].value == "Glenbrook Closes Old River Bridge for the Winter"
    assert meta["author"].value == "Jane Doe"
    # A date beside the byline says when the article appeared: trusted more than a header.
    assert meta["published"].value == "2024-05-12"
    assert meta["published"].source == "text-line"
    assert meta["published"].confidence >= 0.6
    assert meta["dateline"].value == "GLENBROOK, Ontario"


def test_line_numbers_count_blank_lines():
    text = "\n\nAdvertisement\n\n" + "\n\n".join(PARAGRAPHS[:2]) + "\n"
    result = clean_text(text)
    assert reasons(result) == {3: "ad-marker"}
    assert result.text == "\n\n".join(PARAGRAPHS[:2])


def test_empty_text():
    result = clean_text("  \n\n \n")
    assert result.text == ""
    assert result.removed == []
    assert result.extractor == "archiver-text"


def test_trailing_whitespace_is_stripped_from_kept_lines():
    result = clean_text("\n".join(p + "   " for p in PARAGRAPHS[:2]))
    assert result.text == "\n\n".join(PARAGRAPHS[:2])


def test_republishing_disclaimer_names_both_outlets():
    text = "\n".join([*PARAGRAPHS[:2], "This article originally appeared on The Harbour Gazette."])
    result = clean_text(text)
    assert reasons(result) == {3: "disclaimer"}
    assert result.metadata["original_outlet"].value == "The Harbour Gazette"
    assert result.metadata["republished"].value == "true"


def test_opinion_disclaimer_names_the_publishing_outlet():
    text = "\n".join(
        [
            *PARAGRAPHS[:2],
            "Riverside Daily does not always share or support the views "
            "expressed here; they are just those of the writer.",
        ]
    )
    meta = clean_text(text).metadata
    assert meta["outlet"].value == "Riverside Daily"
    assert meta["outlet"].source == "disclaimer"
    assert meta["republished"].value == "true"


def test_wire_dateline_gives_place_and_credit():
    text = "WASHINGTON (AP) — " + PARAGRAPHS[1] + "\n" + PARAGRAPHS[3]
    meta = clean_text(text).metadata
    assert meta["dateline"].value == "WASHINGTON"
    assert meta["credit"].value == "AP"


def test_header_date_is_kept_with_low_confidence():
    text = "\n".join(["Monday, January 8, 2024", "Bridge Closed for Winter", *PARAGRAPHS[:2]])
    published = clean_text(text).metadata["published"]
    assert published.value == "2024-01-08"
    assert published.source == "header-date"
    assert published.confidence <= 0.3


def test_template_lines_seen_in_other_articles_are_removed():
    text = "\n".join(["The Glenbrook Courier", *PARAGRAPHS[:2], "Support local journalism"])
    template = {
        template_key("The Glenbrook Courier"): 5,
        template_key("Support local journalism"): 1,
    }
    result = clean_text(text, template=template)
    why = reasons(result)
    assert why[1] == "site-template"
    assert why.get(4) != "site-template"  # seen in one other article only


def test_template_does_not_remove_a_long_paragraph_inside_the_article():
    # A long paragraph that recurs is more likely reused text than template.
    text = "\n".join(PARAGRAPHS[:3] + PARAGRAPHS[3:])
    template = {template_key(PARAGRAPHS[1]): 3}
    assert PARAGRAPHS[1] in clean_text(text, template=template).text.split("\n\n")


def test_template_key_ignores_case_spacing_and_digits():
    assert template_key("  5 Comments ") == template_key("12   comments")
    assert template_key("– Advertisement –") == template_key("advertisement")


def test_a_template_line_written_with_soft_hyphens_is_still_the_template():
    """The outlet's template is counted from the page's lines as written and looked up with
    the cleaner's lines, which have lost their soft hyphens: both must name the same line."""
    from archiver.templates import as_template, line_hashes

    menu = "Wirt\u00adschaft Po\u00adli\u00adtik Kul\u00adtur"
    text = "\n".join([menu, *PARAGRAPHS])
    keys = line_hashes(text)
    template = as_template({h: 3 for h in keys if keys[h] == template_key(menu)}, keys)
    assert reasons(clean_text(text, template=template))[1] == "site-template"


def test_a_page_cleaned_again_with_its_template_is_cleaned_as_if_read_afresh():
    """``add`` cleans a page, then again with its outlet's template: the second cleaning
    starts from what the first read (rules, language, stoplist), never from its marks."""
    from archiver.textclean import pipeline

    text = "\n".join(["The Glenbrook Courier", *PARAGRAPHS, "Support local journalism"])
    template = {template_key("The Glenbrook Courier"): 5, template_key(PARAGRAPHS[0]): 5}

    def result(extraction):
        return extraction.text, extraction.removed, extraction.metadata, extraction.notes

    first = result(clean_text(text))
    again = result(clean_text(text, template=template))
    german = result(clean_text(text, language="de", template=template))
    pipeline._last_read.clear()
    assert result(clean_text(text, template=template)) == again
    pipeline._last_read.clear()
    assert result(clean_text(text, language="de", template=template)) == german
    pipeline._last_read.clear()
    assert result(clean_text(text)) == first
    assert again != first  # the template did change the cleaning
    assert reasons(clean_text(text, template=template))[1] == "site-template"
    assert reasons(clean_text(text))[1] != "site-template"  # nothing left from the template


@pytest.mark.parametrize("language", ["en", "English", "xx", None])
def test_language_names_codes_and_unknowns(language):
    assert clean_text(PAGE, language=language).text == "\n\n".join(PARAGRAPHS)


def test_language_without_a_stoplist_falls_back_to_shape():
    body = [
        "이 문장은 시험을 위해 만든 긴 한국어 문단입니다. 기사 본문처럼 충분히 길게 이어지는 "
        "문장들을 여러 개 넣어서 분류기가 본문으로 인식할 수 있도록 합니다.",
        "두 번째 문단도 마찬가지로 충분히 길게 작성합니다. 짧은 메뉴 항목과 달리 본문 문단은 "
        "여러 문장으로 이루어져 있고 길이가 깁니다.",
    ]
    text = "\n".join(["홈", "뉴스", "로그인", *body, "구독하기"])
    assert clean_text(text).text == "\n\n".join(body)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sunday, March 3, 2024", "2024-03-03"),
        ("Published May 12, 2024 at 9:14 am", "2024-05-12"),
        ("12 May 2024", "2024-05-12"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("2019-11-20T10:00", "2019-11-20T10:00:00"),
        ("05/12/2024", "2024-05-12"),  # page text: the American order when nothing tells
        ("February 30, 2024", None),
        ("no date here", None),
    ],
)
def test_date_lines_are_read_with_metanorm(text, iso):
    found = find_date(text, month_first=True)
    assert (found[0] if found else None) == iso


def test_rules_are_data_with_reasons_and_lowercase_patterns():
    assert rules.BOILERPLATE_RULES
    for rule in rules.BOILERPLATE_RULES:
        assert re.fullmatch(r"[a-z-]+", rule.name)
        # Lines are lowercased before matching, so an uppercase letter could never match.
        assert not re.search(r"(?<!\\)[A-Z]", rule.pattern.pattern), rule.pattern.pattern


def test_comments_after_the_article_are_not_article():
    comment = (
        "I have lived next to that river for thirty years and I have never seen the council "
        "move this quickly on anything, so I suppose we should all be grateful for it."
    )
    text = "\n".join([*PARAGRAPHS, "2 Comments", "riverwatcher says:", comment, "Reply"])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    why = reasons(result)
    assert why[6] == "comment-form"
    assert why[7] == "comment-thread"
    assert {8, 9} <= set(why)  # the comment and its reply link


def test_headlines_under_a_related_header_go_with_it():
    text = "\n".join(
        [
            *PARAGRAPHS[:2],
            "Related:",
            "Council approves new budget for parks",
            "Ring road works to start in June",
            *PARAGRAPHS[3:],
        ]
    )
    result = clean_text(text)
    assert reasons(result) == {3: "related-list", 4: "related-list", 5: "related-list"}
    assert result.text == "\n\n".join(PARAGRAPHS[:2] + PARAGRAPHS[3:])


def test_a_list_closing_the_article_stays_with_it():
    dates = [
        "The repair works will go on in stages:",
        "January 8 – Closing of the eastern lane",
        "February 12 – Replacement of the two supports",
        "March 20 – Painting and reopening of the bridge",
    ]
    text = "\n".join([*PARAGRAPHS, *dates, "Home", "Weather", "Contact us"])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS + dates)


def test_lines_of_only_zero_width_spaces_are_blank():
    """Blog editors write empty paragraphs as a zero-width space: they are not lines of
    the page, neither kept nor listed as removed."""
    text = "\n\u200b\n".join(PARAGRAPHS) + "\n\ufeff \u200b\n"
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.removed == []


CAPTION = "Glenbrook Council Photo Series: The Old River Bridge in Winter"


def test_a_caption_repeated_between_the_paragraphs_does_not_cut_the_article():
    """A photo story repeats one caption under each picture: it is removed, and the article
    run goes on past it instead of stopping at the first three pictures in a row."""
    text = "\n".join(
        [
            "Home",
            "News",
            PARAGRAPHS[0],
            CAPTION,
            PARAGRAPHS[1],
            CAPTION,
            CAPTION,
            CAPTION,
            PARAGRAPHS[3],
            PARAGRAPHS[4],
            "Contact us",
        ]
    )
    result = clean_text(text)
    kept = result.text.split("\n\n")
    assert PARAGRAPHS[0] in kept and PARAGRAPHS[4] in kept
    why = reasons(result)
    assert {why[n] for n in (4, 6, 7, 8)} <= {"repeated-line", "title"}


FACT_BOX = [
    "The Glenbrook Winter Concert",
    "December 14, 2024 – 7:30 PM",
    "St. Andrew's Hall, 12 Mill Street",
    "Tickets: adults $25, children $10",
    "Box office: 555-0142",
]


MORE = [
    "The concert's organisers said that the hall had been booked a year ago and that they saw "
    "no reason to move it, although some of the choir's members live on the far side of the "
    "river and will now have a longer drive to the rehearsals.",
    "The choir has sung in the hall every December since it was founded, and its director "
    "said that this year's programme would end, as it always does, with a carol that the "
    "audience is invited to sing along with the singers.",
]


def test_an_event_box_before_the_share_buttons_stays_with_the_article():
    article = PARAGRAPHS + MORE
    text = "\n".join([*article, *FACT_BOX, "Share on Facebook", "Share on Twitter"])
    result = clean_text(text)
    assert result.text == "\n\n".join(article + FACT_BOX)


@pytest.mark.parametrize(
    "block",
    [
        # A menu has no numbers.
        ["Weather", "Sport", "Business", "Culture", "Contact us"],
        # Teasers with their dates repeat themselves.
        ["Most read", "Jul 3, 2024", "Bridge closes for winter", "Jul 3, 2024", "Jul 3, 2024"],
        # Three short lines are no box.
        ["Page 1", "Page 2", "Next page"],
    ],
)
def test_what_is_no_event_box_stays_outside_the_article(block):
    text = "\n".join([*PARAGRAPHS, *block, "Share on Facebook", "Share on Twitter"])
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


def test_teasers_above_the_article_header_are_dropped():
    teasers = [
        "Mayor opens new library in the old post office and promises longer opening hours for "
        "everyone who lives in the town centre and its villages.",
        "Local football club wins its third cup in a row after a dramatic penalty shoot-out that "
        "kept the whole stadium on its feet until the very last kick.",
    ]
    text = "\n".join(
        [
            *teasers,
            "Menu",
            "Local News",
            "Glenbrook Closes Old River Bridge for the Winter",
            "May 12, 2024",
            *PARAGRAPHS,
        ]
    )
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.metadata["title"].value == "Glenbrook Closes Old River Bridge for the Winter"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Jane Doe and John Roe, Staff Writers | Updated May 2, 2024", "Jane Doe; John Roe"),
        # Shouted bylines are names: written as HTML bylines are, by metanorm.clean_author.
        ("By JANE DOE", "Jane Doe"),
        ("By Steve Peoples, AP", "Steve Peoples"),
        ("Written by Jane Doe, a deputy editor who covers transport for the paper", "Jane Doe"),
        ("Posted by Jane Doe on May 2, 2024 at 9:14 am", "Jane Doe"),
    ],
)
def test_bylines_are_cleaned_of_roles_and_dates(byline, author):
    text = "\n".join(["Glenbrook Closes Old River Bridge for the Winter", byline, *PARAGRAPHS])
    result = clean_text(text)
    assert result.metadata["author"].value == author
    assert reasons(result)[2] == "author-line"


def test_unspaced_language_is_measured_in_characters():
    body = [
        "先日、古い橋が冬の間は車で通れなくなるという発表が市からありました。点検で支柱の錆が"
        "予想よりもひどいことがわかったためです。",
        "市によると、修理は春までに終わる予定で、その後はすべての車が再び通れるようになるとの"
        "ことです。住民は遠回りをしなければなりません。",
    ]
    text = "\n".join(
        ["ホーム", "ニュース", "天気予報", "お問い合わせ", *body, "関連記事", "人気記事"]
    )
    assert clean_text(text).text == "\n\n".join(body)


@pytest.mark.parametrize(
    "caption",
    [
        "The road to retiring early isn't easy. Kathrin Ziegler/Getty",
        "Rep. Jane Doe speaks at the Capitol on July 25, 2019. J. Scott Applewhite / AP file",
        "The house where the mayor was born. Leonhard Foeger / Reuters",
    ],
)
def test_a_caption_closed_by_a_photographers_credit_is_a_caption(caption):
    body = [
        "Dockworkers walked out on Monday over a plan to automate the cranes at the terminal, "
        "halting traffic at the port for the first time in a decade, union leaders said.",
        "The strike is expected to last until Friday, when talks resume with the port "
        "authority and the shipping companies that run the terminal on the north quay.",
    ]
    result = clean_text("\n\n".join(["Dockworkers strike at Harborton", caption, *body]))
    assert result.text == "\n\n".join(body)
    assert [(r.reason, r.text) for r in result.removed][-1] == ("photo-caption", caption)
    # A sentence that only mentions an agency is prose.
    (prose,) = _split("The figures were first reported by the AP and by Reuters.")
    assert _match_rule(prose) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Christopher Tays Submitted photo", "photo-caption"),
        ("Image copyright @BigMachine", "image-credit"),
        ("Read Later", "share-bar"),
        ("Follow Us", "share-bar"),
        ("How to retire early,Early retirement,Retiring early,Personal Finance", "tags"),
        ("Mensagens » Mensagens de Autoestima » Só quem se Ama…", "navigation"),
        ("» Horários dos Treinos e Corridas da F1", "navigation"),
        ("Subscribe to 9to5Mac on YouTube for more Apple news:", "newsletter"),
    ],
)
def test_more_boilerplate_lines_seen_in_scraped_pages(line, reason):
    (parsed,) = _split(line)
    assert _match_rule(parsed).name == reason
    # Prose with commas and a thousands separator is not a keyword list.
    (prose,) = _split("Of 2,300 paintings, 1,200 were found, the police said, in a locker.")
    assert _match_rule(prose) is None


def test_rule_table_answers_as_trying_each_rule_in_order():
    # The matcher joins the rules' patterns for speed; it must name the same first rule.
    samples = [
        "Advertisement",
        "- Advertisement -",
        "Share this:",
        "Facebook",
        "3 Comments",
        "Tom Smith says:",
        "Copyright © 2024 The Courier. All rights reserved.",
        "© John Brecher A needle in the arm",
        "Photo: Jane Doe, AP",
        "Related Stories",
        "We use cookies to improve your experience on our site.",
        "Now loading...",
        "Leave a Reply",
        "Deixe uma resposta",
        "https://example.com/a",
        "2 hours ago",
        "Captcha verification failed!",
        PARAGRAPHS[0],
        "Home",
        "Sign up for our newsletter",
        "Tags: bridge, council",
        "Image 1 of 8",
        "The views expressed are those of the author.",
        "Jonathan P. Blair Submitted photo",
        "The house where he was born. Leonhard Foeger / Reuters file",
        "10 things in tech,10 things in tech,SAI,Tech",
        "News » Local » Harbour",
        "Subscribe to The Courier on YouTube for more",
    ]
    for line in _split("\n".join(samples)):
        lower = line.text.lower()
        expected = next(
            (
                rule
                for rule in rules.BOILERPLATE_RULES
                if line.words <= rule.max_words and rule.pattern.search(lower)
            ),
            None,
        )
        assert _match_rule(line) is expected, line.text


# --- Titles and bylines of text dumps in the page's language ------------------------------------


def _page(*header: str) -> str:
    return "\n".join(["Startseite", "Politik", "Kultur", *header, *PARAGRAPHS, "Impressum"])


def _meta(text: str) -> dict[str, str]:
    return {key: field.value for key, field in clean_text(text).metadata.items()}


@pytest.mark.parametrize(
    "title",
    [
        "„Die Brücke bleibt im Winter für Autos gesperrt“",
        "»Glenbrook schließt die alte Flussbrücke«",
        "¿Por qué cierra Glenbrook el puente del río?",
    ],
)
def test_a_headline_may_open_with_a_quotation_mark(title):
    assert _meta(_page(title, "Von Heike Buchter"))["title"] == title


def test_the_headline_is_the_line_whose_words_the_article_repeats():
    """A prompt stands nearer the body than the headline; the headline's words come back in
    the article's paragraphs."""
    title = "Glenbrook closes its river bridge for the winter"
    header = (title, "share", "print", "email", "Send us your tips today")
    assert _meta(_page(*header))["title"] == title


@pytest.mark.parametrize("stamp", ["Mo, 11:41 Uhr", "15 августа 2016, 13:43", "Di, 10:19 Uhr"])
def test_a_date_or_time_alone_is_never_the_title(stamp):
    title = "Glenbrook bridge closes"
    assert _meta(_page(title, stamp))["title"] == title


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("VON MORITZ GATHMANN am 21. April 2020", "Moritz Gathmann"),
        ("Geschrieben von Cooper am 25.08.2015 22:30 ( 1599 x gelesen )", "Cooper"),
        ("Sara Zinnecker Stand: 05. Februar 2020", "Sara Zinnecker"),
        ("Par Matthieu Hy le 07 Mai 2020", "Matthieu Hy"),
        ("Richard Adams Education editor", "Richard Adams"),
        ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),
        ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", "Ulrike Stockhausen"),
        ("6. Dezember 2022 von Fatima in Gefühle , Popkultur", "Fatima"),
        ("von Jana Rein Veröffentlicht am 11. Juni 2019", "Jana Rein"),
    ],
)
def test_bylines_in_the_pages_language_give_the_names_alone(byline, author):
    title = "Glenbrook council closes the river bridge to cars"
    assert _meta(_page(title, byline))["author"] == author


def test_a_name_over_the_writers_role_is_the_author():
    title = "Glenbrook council closes the river bridge to cars"
    header = (title, "Politics", "Analysis", "Andrew Woodcock", "Political Editor")
    assert _meta(_page(*header))["author"] == "Andrew Woodcock"


def test_an_author_label_alone_names_the_author_on_the_next_line():
    text = (
        _page("Glenbrook council closes the river bridge to cars")
        + "\n"
        + "\n".join(["Autor*in", "Brit Weirich (Medizinredakteurin)", "Quellen"])
    )
    assert _meta(text)["author"] == "Brit Weirich"


def test_the_publication_date_is_read_before_the_last_change():
    header = (
        "Glenbrook closes its river bridge for the winter",
        "Letzte Änderung: 31.10.2023 - 14:49",
        "Erschienen am: 01.11.2023",
    )
    assert _meta(_page(*header))["published"] == "2023-11-01"


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        # A forum's or German news site's stamp with a two-digit year.
        (("Veröffentlicht am 19.10.19 um 14:34 Uhr",), "2019-10-19"),
        # The byline gives the date.
        (("By Jane Doe - January 10, 2020",), "2020-01-10"),
        (("By Jane Doe | Published: 23. Juli 2017 | Kommentare geschlossen",), "2017-07-23"),
        # A teaser's stamp above; the byline's labelled date is the article's.
        (
            (
                "WOCHENSCHAU — 02.01.23 09:51",
                "von Lena Brandt, Redaktion Veröffentlicht: 26.12.2022",
            ),
            "2022-12-26",
        ),
    ],
)
def test_the_publication_date_in_a_header_line(lines, published):
    meta = _meta(_page("Glenbrook council closes the river bridge to cars", *lines))
    assert meta["published"] == published
    assert meta["title"] == "Glenbrook council closes the river bridge to cars"


@pytest.mark.parametrize(
    ("line", "published", "author"),
    [
        # The categories a blog theme lists after the date and the author.
        (
            "1. Mai 2022 Lena Brandt , Katzen , Spielzeug , Ratgeber für Katzen 0",
            "2022-05-01",
            "Lena Brandt",
        ),
        # What separators set apart after the date that opens the line.
        (
            "28.04.2021 - 07:18 | Quelle: Agentur | Lesedauer etwa 4 min. | Text vorlesen Stop",
            "2021-04-28",
            None,
        ),
        (
            "Dezember 10, 2019 · von stadtkind1984 · in Allgemein · Hinterlasse einen Kommentar",
            "2019-12-10",
            "stadtkind1984",
        ),
        # After "Tags:", the parts are its items.
        (
            "Veröffentlicht: 05.01.2020 | Autor: jdoe | Abgelegt unter: Fotografie , Reisen | "
            "Tags: Abendhimmel , Gegenlicht , Silhouette | 5 Kommentare",
            "2020-01-05",
            "jdoe",
        ),
    ],
)
def test_a_long_meta_line_under_the_title_gives_date_and_author(line, published, author):
    meta = _meta(_page("Glenbrook council closes the river bridge to cars", line))
    assert (meta.get("published"), meta.get("author")) == (published, author)


@pytest.mark.parametrize(
    "text",
    [
        "26. Mai 2020 von Jana Kategorien: Allgemein | Hinterlasse einen Kommentar",
        "Mittwoch, März 7, 2018 21 Allgemein , Haare , Color-Shampoo , Pflege",
    ],
)
def test_a_line_opening_with_its_date_and_listing_meta_is_a_meta_line(text):
    line = _split(text)[0]
    found = date_line(line)
    assert found is not None and says_little(line, found[1])


def test_a_date_in_an_address_is_no_date_line():
    line = _split("Idea for a sign blog.example.com/2017/07/15/idea… 2 years ago")[0]
    assert date_line(line) is None


@pytest.mark.parametrize(
    "text",
    [
        "In: Science ; Vol. 371, Issue 6526, pp. 260 - 264, 15. Januar 2021, DOI 10.1/abc",
        "01.02.2022 Der Markt ist gut in das Jahr gestartet, sagt die Agentur heute.",
        "23.01.2022 - Glenbrook council closes the old river bridge to all cars",
    ],
)
def test_a_citation_a_sentence_or_a_dated_headline_is_no_meta_line(text):
    line = _split(text)[0]
    found = date_line(line)
    assert found is None or not says_little(line, found[1])


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        # A day of the month without its year, in Spanish with its "de", after its label.
        ("Publicado el 11 de mayo", True),
        ("Published on May 11", True),
        ("Veröffentlicht am 11. Mai", True),
        # Near misses: the label without a date, a date in a sentence.
        ("Publicado el día de la madre", False),
        ("Publicado el 11 de mayo por la tarde en la plaza", False),
    ],
)
def test_a_labelled_day_without_its_year_is_a_meta_line(text, meta):
    assert (header_meta(_split(text)[0]) is not None) is meta


PARRAFOS = [
    "El ayuntamiento de Glenbrook decidió el martes por la noche cerrar el viejo puente del "
    "río a los coches durante todo el invierno, después de que una inspección encontrara que "
    "dos de sus soportes estaban mucho más oxidados de lo que esperaban los ingenieros.",
    "La decisión significa que los conductores que cruzan el río cada mañana tendrán que dar "
    "la vuelta por la carretera de circunvalación, lo que según el ayuntamiento añade unos doce "
    "minutos al trayecto de la mayoría de ellos.",
    "Según el informe, que se publicó el lunes en la página web del ayuntamiento, la peor parte "
    "de los daños está bajo el extremo oriental del puente, donde el agua lleva varios años "
    "entrando en el acero sin que nadie se diera cuenta.",
]


@pytest.mark.parametrize("language", [None, "es"])
def test_numeric_dates_are_read_as_the_pages_language_writes_them(language):
    """Spanish writes the day first (the language detected, or given)..."""
    title = "El ayuntamiento cierra el puente del río a los coches"
    text = "\n".join(["Inicio", title, "Publicado el 03/05/2022 a las 22h03", *PARRAFOS])
    assert clean_text(text, language=language).metadata["published"].value == "2022-05-03"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (None, "2022-03-05"),
        ("en", "2022-03-05"),
        ("en-US", "2022-03-05"),
        ("en_GB", "2022-05-03"),
        ("de", "2022-05-03"),
        ("German", "2022-05-03"),
    ],
)
def test_the_order_of_numeric_dates_follows_the_language(language, expected):
    with dates_read_as(language):
        assert text_date("03/05/2022")[0] == expected


def test_numeric_dates_of_english_pages_are_read_month_first():
    """... English pages are more often American than not."""
    meta = _meta(_page("Glenbrook closes its river bridge", "Published 03/05/2022 at 10:03"))
    assert meta["published"] == "2022-03-05"


def test_a_line_under_the_headline_that_holds_a_date_is_its_meta_line():
    meta_line = (
        "Lena Brandt Politik und Gesellschaft 20 janvier 2020 20 janvier 2020 Verkehr , "
        "Brücken 0 Comment"
    )
    meta = _meta(_page("Glenbrook council closes the river bridge to cars", meta_line))
    assert meta["published"] == "2020-01-20"


def _far_page(*top: str) -> str:
    """A page whose undated article stands far under its top lines."""
    menu = [f"Menu item number {n}" for n in range(90)]
    title = "Glenbrook council closes the river bridge to cars"
    return "\n".join(["Home", "News", "Sport", "Culture", *top, *menu, title, *PARAGRAPHS])


def test_the_date_under_a_lone_headline_far_from_the_article_is_the_last_resort():
    text = _far_page("Bridges: the county plans its winter closures", "10 April 2020")
    published = clean_text(text).metadata["published"]
    assert (published.value, published.confidence) == ("2020-04-10", 0.3)


@pytest.mark.parametrize(
    "top",
    [
        # A list of teasers, each with its date.
        (
            "Bridges: the county plans its winter closures",
            "10 April 2020",
            "Harvest festival draws record crowds to the square",
            "9 April 2020",
        ),
    ],
)
def test_no_last_resort_date_from_teasers(top):
    assert "published" not in clean_text(_far_page(*top)).metadata


def test_no_last_resort_date_from_a_readers_comment():
    """Under the line that opens the comments, a headline-like line over a date is a
    reader's comment."""
    title = "Glenbrook council closes the river bridge to cars"
    related = ["Related stories", *(f"Story number {n} about the county" for n in range(20))]
    comment = ("Leave a comment", "Thanks for the news about the bridges", "10 April 2020")
    text = "\n".join(["Home", "News", "Sport", title, *PARAGRAPHS, *related, *comment])
    assert "published" not in clean_text(text).metadata


DECK = (
    "The town council of Glenbrook voted on Tuesday to close the old river bridge to cars for "
    "the whole winter"
)


@pytest.mark.parametrize(
    ("above", "title"),
    [
        # The headline over its deck, though the deck says more of what the article says.
        ("A costly surprise under the water", "A costly surprise under the water"),
        # A list of categories or a short label over a long headline is no headline.
        ("Verkehr , Politik , Stadt", DECK),
        ("Eye on Money", DECK),
        # A menu of five words, none of which the article says, is no headline either.
        ("Wetter Verkehr Freizeit Reisen Ratgeber", DECK),
    ],
)
def test_a_long_line_under_a_shorter_headline_is_its_deck(above, title):
    meta = _meta(_page(above, DECK, "By Jane Doe"))
    assert meta["title"] == title
    assert (meta.get("description") == DECK) == (title != DECK)


def test_a_bylines_date_at_the_top_of_the_page_is_no_site_header_date():
    """The page opens with the headline and a dated byline: the date is the article's (high
    confidence), not the site header's date of the day."""
    title = "Glenbrook council closes the river bridge to cars"
    text = "\n".join([title, "By Jane Doe - January 10, 2020", *PARAGRAPHS])
    metadata = clean_text(text).metadata
    assert (metadata["published"].value, metadata["published"].source) == (
        "2020-01-10",
        "text-line",
    )
    assert metadata["title"].value == title


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        (
            "This entry was posted on Wednesday, November 27th, 2019 at 3:21 pm and is filed "
            "under Bridges.",
            "2019-11-27",
        ),
        ("Der Beitrag wurde am 27. November 2019 um 15:21 Uhr veröffentlicht.", "2019-11-27"),
        # Not a sentence about the post.
        ("The bridge was opened on 27 November 1919 by the mayor of the time.", None),
    ],
)
def test_a_themes_posted_on_sentence_is_the_last_resort(sentence, published):
    filler = [f"Menu item number {n}" for n in range(60)]
    text = "\n".join([*PARAGRAPHS, *filler, sentence])
    assert _meta(text).get("published") == published


def test_a_labelled_date_far_from_the_article_is_the_last_resort():
    """A page whose date stands in its header, far above the article run."""
    filler = [f"Menu item number {n}" for n in range(60)]
    text = "\n".join(["Veröffentlicht am 06.12.2022", *filler, *PARAGRAPHS])
    published = clean_text(text).metadata["published"]
    assert (published.value, published.confidence) == ("2022-12-06", 0.4)


def test_a_byline_split_over_two_lines_names_the_author():
    text = (
        _page("Glenbrook closes its river bridge for the winter")
        + "\n"
        + "\n".join(["10.12.2022 18:27 von", "Hinrich Neumann", "Schreiben Sie uns"])
    )
    assert _meta(text)["author"] == "Hinrich Neumann"


@pytest.mark.parametrize(
    "line", ["Donnerstag, 4. November 2021 Donnerstag, 4. November 2021", "Fr It En"]
)
def test_weekdays_and_language_switchers_are_no_authors(line):
    assert "author" not in _meta(_page("Glenbrook closes its river bridge for the winter", line))


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted 11. April 2018 by Walter von Aachen", "Walter von Aachen"),
        ("Posted by Günter W. Kienitz at 18:52 Tagged with: bildung", "Günter W. Kienitz"),
        ("AUTOR/IN: Julius Richter", "Julius Richter"),
        ("Interview: Julia Lauter", "Julia Lauter"),
        ("Autoren Jelko Djuren und Jutta Klaukien", "Jelko Djuren; Jutta Klaukien"),
        ("Escribe Camila Méndez en Territorio", "Camila Méndez"),
        ("Text von Jonas Berger Illustration von Mia Roth", "Jonas Berger"),
        ("Publiziert am 13. Januar 2014 von uriebe", "uriebe"),
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", "rasos"),
        ("von Berlin nach Hamburg", None),
        ("---- by Kenneth Surin", "Kenneth Surin"),
        ("Text & Fotos: Lena Brandt", "Lena Brandt"),
        ("Gespeichert von kater99 am 24. Juli 2017", "kater99"),
        ("Par Jeanne Le Roux le 3 mars 2020", "Jeanne Le Roux"),
        ("von Lena Brandt Erstellt am 01.01.23 um 08:35 , geändert am 02.01.23", "Lena Brandt"),
        ("责任编辑：王小明", "王小明"),
        ("作者： 李华", "李华"),
        ("编辑：这篇文章由本站整理发布", None),  # a sentence, no name
    ],
)
def test_bylines_of_many_shapes_and_languages(line, names):
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("line", "author"),
    [
        # A blog theme's meta line: published and updated, then the author and the rest.
        ("3. März 2021 4. März 2021 Lena Brandt 2 Kommentare Verkehr , Stadt", "Lena Brandt"),
        ("Posted on 3. März 2021 3. März 2021 Author Lena Brandt 4 Kommentare", "Lena Brandt"),
        # The name ends at the separator, and a labelled byline may stand after a crumb.
        ("Lena Brandt | 3. März 2021 | Stadt-Leben", "Lena Brandt"),
        ("Startseite | Par Jeanne Morel | 3 mars 2021", "Jeanne Morel"),
        # A login is a name no language writes; a section's word is none.
        ("12 Mai, 2009 | JoNa_77 | Kommentare 5", "JoNa_77"),
        ("12 Mai, 2009 | Politik | Kommentare 5", None),
        ("Hamburg | 12 Mai, 2009", None),
        ("WoB | 12 Mai, 2009", None),  # an abbreviation, not a login
        ("Meldung Energiewende | 12 Mai, 2009", None),
    ],
)
def test_the_author_beside_a_date_on_a_meta_line(line, author):
    title = "Glenbrook council closes the river bridge to cars"
    assert _meta(_page(title, line)).get("author") == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("(last edited 2019-11-10 13:28:18 by JaneRoe )", "JaneRoe"),
        ("Seite erstellt am 10.11.2019 von Karl Weber", "Karl Weber"),
        # Unlabelled, a name beside a date under the article is a commenter's or a label.
        ("Jane Roe · 10. Mai 2019", None),
        ("Letzte Aktualisierung: 28.01.2022", None),
    ],
)
def test_a_labelled_date_line_under_the_article_names_its_author(line, author):
    text = "\n".join([_page("Glenbrook council closes the river bridge to cars"), line, "Kontakt"])
    assert _meta(text).get("author") == author


def test_a_labelled_byline_outranks_a_name_beside_the_date():
    """A section's name beside the date looks like a name; the byline under it says who."""
    title = "Glenbrook council closes the river bridge to cars"
    header = (title, "Digitale Welt · 3. März 2021", "Von Karl Weber")
    assert _meta(_page(*header))["author"] == "Karl Weber"


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (("Jana Keller", "27.04.2020 - 18:50 Uhr 3 Kommentare"), "Jana Keller"),
        # A book's publisher over its edition's date is no byline.
        (("Kunstanstifter Verlag", "Auflage: 1 (27. Mai 2013)"), None),
    ],
)
def test_a_name_over_a_date_line_in_the_article_is_its_byline(lines, author):
    """The run starts at a teaser's paragraph; the article's header (a name over a date
    line) stands in it."""
    teaser = "Drivers will have to take the ring road this winter, the council said on Monday."
    title = "Glenbrook council closes the river bridge to cars"
    text = "\n".join(["Startseite", teaser, title, *lines, *PARAGRAPHS, "Impressum"])
    assert _meta(text).get("author") == author


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Verfasst von: stadtkind | 31. Dezember 2008", "stadtkind"),
        ("am 23. Januar 2020 von Jana Keller in Allgemeines", "Jana Keller"),
        ("Von: Jana Keller Am: 29.12.2014", "Jana Keller"),
        # A bare "von" far from the article may be anything's: "von Berlin nach Hamburg".
        ("von Jana Keller", None),
    ],
)
def test_a_labelled_byline_far_from_the_article_is_the_last_resort(line, author):
    menu = [f"Menu item number {n}" for n in range(90)]
    title = "Glenbrook council closes the river bridge to cars"
    text = "\n".join(["Home", line, *menu, title, *PARAGRAPHS])
    assert _meta(text).get("author") == author


def test_a_far_bylines_date_is_the_pages_when_no_other_is_found():
    menu = [f"Menu item number {n}" for n in range(90)]
    title = "Glenbrook council closes the river bridge to cars"
    byline = "Verfasst von: stadtkind | 31. Dezember 2008"
    published = clean_text("\n".join(["Home", byline, *menu, title, *PARAGRAPHS])).metadata[
        "published"
    ]
    assert (published.value, published.confidence) == ("2008-12-31", 0.3)


def test_no_last_resort_byline_from_a_readers_comment():
    title = "Glenbrook council closes the river bridge to cars"
    related = ["Related stories", *(f"Story number {n} about the county" for n in range(30))]
    comment = ("Leave a comment", "Verfasst von: stadtkind | 31. Dezember 2008")
    text = "\n".join(["Home", "News", "Sport", title, *PARAGRAPHS, *related, *comment])
    assert "author" not in _meta(text)


@pytest.mark.parametrize(
    ("box", "author"),
    [
        (("Lena Brandt", "Alle Beiträge von der Autorin"), "Lena Brandt"),
        (("Lena Brandt", "View author publications"), "Lena Brandt"),
        (("stadtkind_77", "+ posts"), "stadtkind_77"),
        # A menu's heading over its next item is no author box.
        (("Unsere Themen", "Alle Artikel"), None),
        (("Lena Brandt", "Weitere Themen"), None),
    ],
)
def test_an_author_box_under_the_article_names_the_author(box, author):
    text = "\n".join([_page("Glenbrook council closes the river bridge to cars"), *box])
    assert _meta(text).get("author") == author


@pytest.mark.parametrize(
    ("found", "tidy"),
    [
        ("von Markus Steinrisser", "Markus Steinrisser"),
        ("Eine Kolumne von Nils Pickert", "Nils Pickert"),
        ("Marco Kratzenberg Kommentare", "Marco Kratzenberg"),
        ("Yirou Chen Alle Autoren", "Yirou Chen"),
        ("Gunter Frank Foto Achgut.com", "Gunter Frank"),
        ("Alexa von Heyden", "Alexa von Heyden"),
    ],
)
def test_the_author_loses_the_words_its_byline_wrapped_it_in(found, tidy):
    page = Page([], metadata={"author": Field(found, "text-line", 0.6)})
    tidy_author(page)
    assert page.metadata["author"].value == tidy


def test_a_headline_far_above_the_article_is_found_by_its_words():
    """Twenty links stand between the headline and the article: nothing in the window says
    what the article says, the headline further up does."""
    title = "Glenbrook council closes the river bridge for the winter"
    links = [f"Weather Sport Culture Link {n}" for n in range(20)]
    text = "\n".join(["Home", title, *links, *PARAGRAPHS])
    assert _meta(text)["title"] == title


TEASERS = [
    "Harvest festival draws record crowds to the market square",
    "Montag | 22. Juli 2019",
    "Ring road works will start in June, the council says",
    "Montag | 15. Juli 2019",
    "Two new buses for the northern villages of the county",
    "Freitag | 12. Juli 2019",
    "The library will open longer on Saturdays from next month, after a survey of readers "
    "found that most of them would like to come in at the weekend rather than after work.",
]


def test_dated_teasers_after_the_article_are_not_its_header_nor_its_text():
    """The last teaser of a list, a headline over a date over a paragraph, looks like an
    article's header: the article above it is still the article, and the list is left out."""
    text = "\n".join(
        ["Glenbrook closes its river bridge for the winter", *PARAGRAPHS, "Related", *TEASERS]
    )
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)


def test_a_menus_label_over_its_next_item_names_nobody():
    menu = ["Redaktion", "Unterstützen", "Newsletter", "Redaktion", "Unterstützen"]
    text = "\n".join([*menu, "Glenbrook closes its river bridge for the winter", *PARAGRAPHS])
    assert "author" not in _meta(text)


def test_a_paragraph_repeated_three_times_is_still_the_article():
    paragraph = PARAGRAPHS[0]
    result = clean_text("\n".join(["A Quiet Harbour", paragraph, paragraph, paragraph]))
    assert result.text == "\n\n".join([paragraph] * 3)


OPENING = (
    "Die Stadt Glenbrook sperrt die alte Brücke über den Fluss für den ganzen Winter, weil "
    "die Prüfer an zwei ihrer Pfeiler viel mehr Rost gefunden haben, als die Ingenieure es "
    "erwartet hatten, und die Reparatur nicht vor dem Frühjahr beendet sein wird."
)
BODY_DE = [
    "Für die Pendler, die jeden Morgen über den Fluss fahren, bedeutet das einen Umweg über "
    "die Ringstraße, der nach Angaben der Stadt für die meisten von ihnen etwa zwölf Minuten "
    "länger dauert als die Fahrt über die Brücke.",
    "Der Bericht der Prüfer, den die Stadt am Montag auf ihrer Internetseite veröffentlicht "
    "hat, zeigt, dass der Schaden am östlichen Ende der Brücke am größten ist, wo seit Jahren "
    "Wasser in den Stahl eindringt, ohne dass es jemand bemerkt hätte.",
    "„Wir sind lieber jetzt vorsichtig als später traurig“, sagte die Bürgermeisterin, die "
    "hinzufügte, dass die Brücke nach der Reparatur im Frühjahr wieder für den ganzen Verkehr "
    "geöffnet werden soll und dass die Stadt die Kosten selbst tragen wird.",
    "Die Arbeiten sollen in der nächsten Woche beginnen, sobald die Absperrungen an beiden "
    "Enden der Brücke stehen und die Umleitung für die Busse ausgeschildert ist, wie die "
    "Verwaltung am Dienstag mitteilte.",
]
LINK_BOX = [
    "Teilen",
    "Drucken",
    "Mehr zum Thema",
    "Neue Radwege für die Innenstadt geplant",
    "Busse fahren im Winter seltener",
    "Der Stadtrat streitet über den Haushalt",
    "Hochwasser: Was Anwohner jetzt wissen müssen",
    "Die Fähre fährt wieder nach Fahrplan",
]


def test_an_opening_paragraph_cut_off_by_a_box_of_links_is_kept():
    """A paragraph of prose above the article's run, beyond its share buttons and a box of
    links to other articles, is the article's own opening."""
    text = "\n".join(
        ["Startseite", "Glenbrook sperrt die alte Brücke", OPENING, *LINK_BOX, *BODY_DE]
    )
    result = clean_text(text)
    assert result.text == "\n\n".join([OPENING, *BODY_DE])


def test_long_teasers_under_a_headlines_header_above_the_article_are_not_kept():
    """Under "Latest headlines", long lines are other articles' teasers, and a headline run
    into a summary's dateline is one even without the header."""
    teasers = [
        "Glenbrook library reopens after repairs HARBORTON: The town's library opened its "
        "doors again on Monday after a summer of repairs to the roof, and the librarians said "
        "that readers had queued outside long before the doors were opened at nine.",
        "Ferry timetable changes for the winter months as the operator cuts the number of "
        "crossings on weekdays and says that the evening boats will only run when the weather "
        "is good enough for the small ferry to leave the harbour safely.",
    ]
    for above in (["Latest headlines", teasers[1]], teasers[:1]):
        text = "\n".join(
            [
                "Home",
                *above,
                "Menu",
                "News",
                "Sport",
                "Weather",
                "Business",
                "Culture",
                "Travel",
                "Opinion",
                "Obituaries",
                "Podcasts",
                "Puzzles",
                "Letters",
                "Glenbrook Closes Old River Bridge for the Winter",
                "Share",
                "Print",
                *PARAGRAPHS,
            ]
        )
        assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("pattern", [rules.PAGE_BYLINE, rules.META_BYLINE])
def test_a_gender_neutral_author_label_names_nobody(pattern):
    """ "Autor:innen" is the label over an author box (German, gender-neutral), not a byline
    naming "innen"; "Autor: Jana Keller" still names her."""
    assert pattern.match("Autor:innen") is None
    match = pattern.match("Autor: Jana Keller")
    assert match is not None and "Jana Keller" in match.groups()


# --- Where the article run lies ---------------------------------------------------------------

NEWSLETTER_BOX = [
    "Newsletter",
    "Join the thousands of readers who get the morning's local news from all of the river "
    "towns in their inbox every day of the week, with the weather, the roadworks, the sports "
    "results and all of the council's decisions in one place.",
    "We will store your e-mail address for as long as you want to receive the newsletter, and "
    "you can unsubscribe at any time with the link that stands at the bottom of every one of "
    "the letters that we send to you in the morning.",
]


def test_a_comment_button_beside_the_share_buttons_does_not_end_the_article():
    """ "Write a comment" in the article's toolbar, beside "Share this article", is a button,
    not the start of the comments: the article under it is still the article."""
    toolbar = ["Write a comment", "Share this article:"]
    text = "\n".join(
        [
            *NEWSLETTER_BOX,
            "Glenbrook Closes Old River Bridge for the Winter",
            "By Jane Doe",
            *toolbar,
            *PARAGRAPHS,
            *toolbar,
            "Bridges",
            "Local politics",
        ]
    )
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


def test_a_comment_form_alone_still_ends_the_article():
    """The near miss: "Write a comment" with no share buttons beside it opens the comments,
    and a reader's long comment under it is not the article."""
    comment = (
        "I have lived next to that river for thirty years and I have never seen the council "
        "move this quickly on anything, so I suppose we should all be grateful for it, even "
        "if the ring road will be full of lorries all winter long and nobody will sleep."
    )
    text = "\n".join([*PARAGRAPHS[:2], "Write a comment", comment, comment.upper()])
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS[:2])


SHORT_POST = (
    "This year the podcast recorded live at the knowledge camp in Berlin again: three guests "
    "talked about how a small company keeps what its people know when they leave, and what "
    "the camp's visitors asked them afterwards."
)
AUTHOR_BOX = [
    "Related posts",
    "Filed under Podcast",
    "About Sam Keller",
    "An engineer by training, he worked for many years as a consultant for "
    "large companies in the energy sector, before he founded a small academy that teaches "
    "people how to share what they know. He writes about learning at work, hosts the podcast "
    "and organises the camp every autumn with a handful of friends and many volunteers.",
    "Show all posts by Sam Keller",
]


def test_a_short_post_under_its_header_beats_a_longer_sidebar():
    """A single paragraph right under a headline and its date line is the article, even when
    a longer box of text (the author's bio) stands further down, past the related posts."""
    text = "\n".join(
        [
            "Knowledge on the Air",
            "Home",
            "Subscribe",
            "Episode 39: Live From the Knowledge Camp",
            "Published on December 17, 2019 by Sam Keller",
            SHORT_POST,
            "Share this:",
            "Twitter",
            *AUTHOR_BOX,
        ]
    )
    result = clean_text(text)
    assert result.text == SHORT_POST
    assert result.metadata["title"].value == "Episode 39: Live From the Knowledge Camp"


def test_a_teaser_under_read_this_next_does_not_take_the_article_away():
    """The near miss: a headline with its byline and summary under "Read this next" is
    another article's teaser, and the article above it stays the article."""
    teaser = [
        "Read this next",
        "Ferry Timetable Changes for the Winter Months",
        "By Tom Reed",
        "The ferry operator cuts the number of crossings on weekdays and says that the evening "
        "boats will only run when the weather is good enough for the small ferry to leave.",
    ]
    text = "\n".join(["Glenbrook Closes Old River Bridge for the Winter", *PARAGRAPHS, *teaser])
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


def test_the_bio_under_an_about_the_author_heading_goes_with_it():
    """The author's name and bio under "Über den Autor" are the author's box, even when the
    page gave no byline to know the name by."""
    bio = (
        "Studierte Geschichte in Leipzig, schreibt seit zehn Jahren über Verkehr und Städtebau "
        "und fährt jeden Morgen mit dem Rad über die alte Brücke, solange sie noch offen ist."
    )
    text = "\n".join([*PARAGRAPHS, "Über den Autor", "Katrin Vogel", bio, "Suchen"])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert {reasons(result)[n] for n in (7, 8)} == {"author-bio"}


@pytest.mark.parametrize("heading", ["Über den Autor/ die Autorin", "Autoreninfo"])
def test_more_headings_of_the_authors_box(heading):
    bio = "Katrin Vogel schreibt seit zehn Jahren über Verkehr und Städtebau in der Stadt."
    text = "\n".join([*PARAGRAPHS, heading, bio, "Suchen"])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    heading_line = len(PARAGRAPHS) + 1
    assert reasons(result)[heading_line] == reasons(result)[heading_line + 1] == "author-bio"


def test_the_bio_under_the_bylines_name_and_role_closes_the_article():
    """The byline's name closing the article, its role under it, then the bio: all three
    are the author's box."""
    box = [
        "Dana Whitlock",
        "Reporter for business and the port",
        "Writes for the Glenbrook Courier since 2008. Covers shipping, energy and the long "
        "quarrel between the port and the town.",
    ]
    text = "\n".join(["Glenbrook Closes Old River Bridge", "By Dana Whitlock", *PARAGRAPHS, *box])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    first = len(PARAGRAPHS) + 3  # the box's first line
    assert {reasons(result)[n] for n in range(first, first + 3)} == {"author-bio"}


def test_a_name_over_a_paragraph_opening_with_it_closes_the_article_as_its_bio():
    """Without a byline, a name alone over a paragraph that opens with it, closing the run,
    is the author's box; the same pair followed by more of the article is a subheading."""
    name = "Dana Whitlock"
    bio = (
        "Dana Whitlock is a shipping expert with twenty years in the trade and writes about "
        "the port for several papers along the coast."
    )
    text = "\n".join(["Glenbrook Closes Old River Bridge", *PARAGRAPHS, name, bio])
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS)
    # Near miss: a profile's subheading inside the article, which goes on after it.
    profile = (
        "Dana Whitlock stood in the council chamber last April and argued for the bridge for "
        "two hours, and she came back every week until the vote."
    )
    text = "\n".join(
        ["Glenbrook Closes Old River Bridge", *PARAGRAPHS[:3], name, profile, *PARAGRAPHS[3:]]
    )
    kept = clean_text(text).text.split("\n\n")
    assert profile in kept and PARAGRAPHS[-1] in kept


def test_a_ui_label_is_no_authors_name():
    from archiver.textmeta.kinds import name_like

    assert not name_like("Full Bio")
    assert name_like("Marisa Figat")


@pytest.mark.parametrize(
    ("under_date", "title", "author"),
    [
        # German capitalises its nouns: a headline of two nouns looks like a name, but the
        # article goes on to use its words
        ("Faltboote von Hansen", "Faltboote von Hansen", None),
        # the near miss: a name the article does not use is its author
        ("Katrin Vogel", None, "Katrin Vogel"),
    ],
)
def test_a_name_like_line_under_the_date_is_the_headline_when_the_article_uses_it(
    under_date, title, author
):
    text = "\n".join(
        [
            "Startseite",
            "Freizeit",
            "Freizeit | 12.03.2024",
            under_date,
            "Faltboote von Hansen sind leicht genug, um sie im Rucksack zum Fluss zu "
            "tragen, und stabil genug für eine Fahrt über den See, sagt der Bootsbauer.",
            "Seit dem Frühjahr baut die kleine Werkstatt am Hafen wieder jede Woche zwei Boote, "
            "und die Warteliste reicht nach seinen Angaben bis in den Herbst.",
        ]
    )
    metadata = clean_text(text).metadata
    assert (metadata["title"].value if "title" in metadata else None) == title
    assert (metadata["author"].value if "author" in metadata else None) == author


def test_a_numbered_list_the_article_goes_on_into_stays_with_it():
    """A list of deals numbered one after the other, each with its shop link, is the
    article's, though its items are short; the links are the items' own, kept with them."""
    items = [
        "1) A folding kayak for two, with paddles and a dry bag",
        "https://shop.example/kayak",
        "2) Waterproof boots for the river path",
        "https://shop.example/boots",
        "3) A thermos that keeps tea hot for a day",
        "https://shop.example/thermos",
    ]
    text = "\n".join([*PARAGRAPHS[:2], "Here are the deals for river walkers:", *items, "Home"])
    kept = clean_text(text).text.split("\n\n")
    assert kept == [*PARAGRAPHS[:2], "Here are the deals for river walkers:", *items]


def test_a_numbered_list_under_most_read_is_not_the_articles():
    """The near miss: the site's numbered list of most-read articles under its header."""
    most_read = [
        "Most read",
        "1. Council approves new budget for parks",
        "2. Ring road works to start in June",
        "3. Ferry timetable changes for the winter",
    ]
    text = "\n".join([*PARAGRAPHS, *most_read])
    assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize("between", [[], ["Share", "Print"]])
def test_an_opening_sentence_under_the_byline_is_the_articles(between):
    """A terse opening sentence jusText finds no text (few stop words), between the byline
    and the paragraphs, opens the article; share buttons may stand between."""
    opening = "Glenbrook bridge closure: commuters face twelve extra minutes, repairs until spring."
    text = "\n".join(
        [
            "Home",
            "Local News",
            "Glenbrook Closes Old River Bridge for the Winter",
            "By Jane Doe",
            opening,
            *between,
            *PARAGRAPHS,
        ]
    )
    assert clean_text(text).text == "\n\n".join([opening, *PARAGRAPHS])


def test_a_deck_cut_off_from_the_article_by_a_sign_up_box_is_not_its_opening():
    """The near miss: a sentence under the byline with a newsletter's box between it and the
    paragraphs belongs to the page's furniture, not to the article."""
    deck = "Glenbrook bridge closure: commuters face twelve extra minutes, repairs until spring."
    text = "\n".join(
        [
            "Glenbrook Closes Old River Bridge for the Winter",
            "By Jane Doe",
            deck,
            "Breaking News Emails",
            "Get breaking news alerts and special reports delivered every weekday morning.",
            "SUBSCRIBE",
            *PARAGRAPHS,
        ]
    )
    assert deck not in clean_text(text).text


def test_a_line_repeated_down_the_page_counts_once_for_its_language():
    """Twenty copies of an English notice do not outvote a German article."""
    notice = (
        "Please note that this page was printed from an old version of the website and some "
        "of its pictures may be missing."
    )
    text = "\n".join([*[notice] * 20, OPENING, *BODY_DE])
    assert clean_text(text).metadata["language"].value == "de"


def test_server_errors_are_removed_and_do_not_count_for_the_language():
    errors = [
        "Deprecated : preg_replace(): The /e modifier is deprecated, use preg_replace_callback "
        f"instead in /www/htdocs/site/wp-includes/functions-{n}.php on line {n}"
        for n in range(8)
    ]
    result = clean_text("\n".join([*errors, OPENING, *BODY_DE]))
    assert result.metadata["language"].value == "de"
    assert {line.rule for line in result.removed[:8]} == {"server-error"}
    assert result.text == "\n\n".join([OPENING, *BODY_DE])


LONG_COMMENT = (
    "Die Stadt hätte die Brücke schon vor Jahren prüfen lassen müssen, denn jeder, der jeden "
    "Morgen darüber fährt, konnte den Rost an den Pfeilern mit bloßem Auge sehen, und niemand "
    "im Rathaus wollte davon etwas wissen, bis es jetzt zu spät ist und alle Pendler den Umweg "
    "über die Ringstraße fahren müssen."
)


def test_a_one_word_comment_heading_over_a_paragraph_does_not_end_the_article():
    """ "Kommentar" right over a paragraph is the heading of the paper's opinion, which goes on
    the article: comments open with a name, a date or a form."""
    text = "\n".join([OPENING, *BODY_DE, "Kommentar", LONG_COMMENT])
    assert clean_text(text).text == "\n\n".join([OPENING, *BODY_DE, LONG_COMMENT])


def test_comments_under_a_one_word_heading_still_end_the_article():
    """The near miss: under "Kommentare", a reader's name and date, then the comment."""
    text = "\n".join([OPENING, *BODY_DE, "Kommentare", "Beate", "19. Juni 2019", LONG_COMMENT])
    assert clean_text(text).text == "\n\n".join([OPENING, *BODY_DE])


def test_a_section_with_its_own_byline_inside_the_article_does_not_cut_its_opening():
    """A story's second part under its own heading and correspondent's byline ("A town
    holds its breath" / "By Sam Field, in Glenbrook") right after a paragraph is a header
    inside the article: the paragraphs above it stay, and the story's headline is the title."""
    opening = [
        "Drivers in Glenbrook queued for almost an hour on Wednesday morning as the ring road "
        "took the traffic of the old river bridge, closed for the winter since Tuesday.",
        "The council had warned that the first days would be the hardest, and asked those who "
        "could to work from home or to leave before seven.",
        "Buses kept their timetable only on the northern routes, the transport company said, "
        "and it added two vehicles to the line that serves the hospital.",
        "Shops on the eastern bank said they had seen fewer customers than on any weekday since "
        "the floods of 2019.",
        "Cyclists and walkers may still cross, on a narrow lane the workers fenced off along "
        "the western side of the deck.",
        "The fire brigade has moved one of its engines to the eastern bank for the winter, so "
        "that no call there waits for the ring road.",
        "Parents of the children at the riverside school were told to expect a later start to "
        "the school day until the bridge opens again.",
    ]
    part = [
        "A town holds its breath",
        "By Sam Field, in Glenbrook",
        "The bridge has stood since 1911, and many here cannot remember a winter without it; "
        "an old ferryman says he would gladly bring his boat back for the season.",
        "The engineers will start on the eastern supports next week, weather permitting, and "
        "expect to finish before the end of March.",
    ]
    title = "Glenbrook drivers queue for an hour as river bridge closes"
    text = "\n".join(["Menu", "Local News", title, "May 12, 2024", *opening, *part, "Impressum"])
    result = clean_text(text)
    assert result.text.startswith(opening[0])
    assert all(paragraph in result.text for paragraph in [*opening, *part[2:]])
    assert result.metadata["title"].value == title


def _run_start_moved_to_header(lines_text: list[str]) -> int:
    """Where ``shape.anchor`` puts the start of a run that begins at the page's first line."""
    from archiver.textclean import pipeline
    from archiver.textclean.shape import anchor

    page = pipeline._read("\n".join(lines_text), None, pipeline.DEFAULT_OPTIONS)
    pipeline.run_passes(page, (pipeline.classify_lines,))
    return anchor(page.lines, 0, len(page.lines))


def test_an_article_header_under_teasers_that_end_in_a_paragraph_still_moves_the_run():
    """The near miss: teasers of other articles above the article's header, the last one a
    paragraph right over it, but fewer paragraphs above it than an article's opening: the
    run's start moves to the header. With the story's opening above it, it does not."""
    teasers = [
        "Local football club wins its third cup in a row after a dramatic penalty shoot-out "
        "that kept the whole stadium on its feet.",
        "Mayor opens new library in the old post office and promises longer opening hours for "
        "everyone who lives in the town centre.",
    ]
    header = ["Glenbrook Closes Old River Bridge for the Winter", "By Sam Field", *PARAGRAPHS]
    assert _run_start_moved_to_header([*teasers, *header]) == len(teasers)
    opening = [
        *teasers,
        "Three more teams have entered the regional cup this spring, the league "
        "said on Monday, after a winter of talks with the clubs.",
    ]
    assert _run_start_moved_to_header([*opening, *header]) == 0
    text = "\n".join([*teasers, header[0], "May 12, 2024", *PARAGRAPHS])
    result = clean_text(text)
    assert result.text == "\n\n".join(PARAGRAPHS)
    assert result.metadata["title"].value == header[0]


RECIPE_STEPS = [
    "Heat the oven to 180 °C and butter a round tin of about 24 cm, then dust it lightly "
    "with flour so that the cake comes out in one piece.",
    "Beat the butter and the sugar until pale, add the eggs one at a time, then fold in the "
    "flour, the baking powder and the grated zest of the lemon.",
    "Pour the batter into the tin and bake for about 40 minutes, until a skewer pushed into "
    "the middle comes out clean; let the cake cool in the tin.",
]


@pytest.mark.parametrize(
    ("heading", "items"),
    [
        ("Ingredients", ["200 g butter", "180 g sugar", "3 eggs", "250 g flour", "1 lemon"]),
        ("Zutaten für 8 Stücke", ["200 g", "Butter", "180 g", "Zucker", "3", "Eier"]),
    ],
)
def test_a_recipes_ingredients_above_its_steps_are_kept(heading, items):
    """A recipe's ingredients are short lines, which no run of text takes in: under their
    heading, with quantities among them, right above the steps, they are the recipe's, and
    none of them is its title."""
    title = "Glenbrook Lemon Cake with a Crumble"
    text = "\n".join(["Home", "Recipes", title, "Share", heading, *items, *RECIPE_STEPS])
    result = clean_text(text)
    assert result.text == "\n\n".join([heading, *items, *RECIPE_STEPS])
    assert result.metadata["title"].value == title


def test_short_lines_above_an_article_without_an_ingredients_heading_stay_out():
    """The near miss: numbered short lines (a menu of scores, a ticker) over the article,
    under no ingredients heading, or under one with no quantities in its list."""
    for block in (
        ["Scores", "3 Glenbrook", "1 Riverside", "2 Northfield", "0 Eastwood"],
        ["Ingredients", "Butter", "Sugar", "Eggs", "Flour"],
    ):
        text = "\n".join(["Home", *block, *PARAGRAPHS])
        assert clean_text(text).text == "\n\n".join(PARAGRAPHS)


@pytest.mark.parametrize(
    ("headline", "deck"),
    [
        (
            "Glenbrook closes its old river bridge",
            "Rust in two supports: drivers take the ring road until spring",
        ),
        (
            "Old bridge shut for the winter",
            "Engineers found more rust in the supports than they had expected",
        ),
    ],
)
def test_a_headline_right_under_the_date_line_beats_its_deck(headline, deck):
    """ "12.03.2024 | Press office" over the headline, its deck under it: the headline is the
    title, though the deck stands nearer the article and is longer. (The site's own date over
    its masthead, at the top of the page, gives no such bonus.)"""
    menu = ["Home", "News", "Roads", "Contact"]
    text = "\n".join(
        [*menu, "12.03.2024 | Press office", headline, deck, "Share on Facebook", *PARAGRAPHS]
    )
    assert clean_text(text).metadata["title"].value == headline


def test_the_spaces_a_dump_leaves_where_links_ended_are_closed():
    """A dump that joined a page's text nodes with spaces writes "Glenbrook , Ontario" and
    "( PDF )" where a link ended; the article stored reads as the outlet wrote it."""
    gapped = (
        "The report ( PDF ) was published on the council's website , and the mayor "
        "said the repairs would follow in spring ( see the timetable ) . The engineers "
        "agreed : the supports had rusted ."
    )
    result = clean_text("\n".join([PARAGRAPHS[0], gapped, *PARAGRAPHS[1:]]))
    assert (
        "The report (PDF) was published on the council's website, and the mayor said the "
        "repairs would follow in spring (see the timetable). The engineers agreed: the "
        "supports had rusted." in result.text.split("\n\n")
    )


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("Hernández , hacia Estados Unidos", "es", "Hernández, hacia Estados Unidos"),
        ("nach § 315 BGB ). Vor", "de", "nach § 315 BGB ). Vor"),  # no "(" opened it here
        ("(nach § 315 BGB ). Vor", "de", "(nach § 315 BGB). Vor"),
        ("Frankreich .“ Die Zuhörer", "de", "Frankreich.“ Die Zuhörer"),
        ("über eine Ladestation ( PDF ) , die", "de", "über eine Ladestation (PDF), die"),
        ("Wildschutzgebiete : Sie bieten", "de", "Wildschutzgebiete: Sie bieten"),
        # French sets a space before ":", ";", "!" and "?": it stays; before a comma, never.
        ("Le maire a dit : « non » ! Pourquoi ?", "fr", "Le maire a dit : « non » ! Pourquoi ?"),
        ("la mairie , dit-il", "fr", "la mairie, dit-il"),
        # Ellipses, spaced dots, an address's dot and an empty pair are written so on purpose.
        ("Now loading ...", "en", "Now loading ..."),
        ("and then . . . nothing", "en", "and then . . . nothing"),
        ("the .com boom", "en", "the .com boom"),
        ("( )", "en", "( )"),
    ],
)
def test_closing_link_gaps_touches_only_the_gaps(line, language, expected):
    from archiver.textclean.lines import close_gaps

    assert close_gaps(line, language) == expected


@pytest.mark.parametrize(
    ("above", "found"),
    [
        ("Glenbrook council closes the river bridge to cars", True),
        # A post's meta line says the article's words as often, and is never its headline.
        ("Posted by Glenbrook Council on 12 March 2024 about the river bridge", False),
    ],
)
def test_a_headline_echoed_above_the_window_is_never_a_meta_line(above, found):
    from archiver.textclean.lines import split_lines
    from archiver.textclean.options import CleanOptions
    from archiver.textmeta.header import Header, _content_words

    lines = split_lines("\n".join([above, *[f"Menu item {n}" for n in range(30)], *PARAGRAPHS]))
    start = len(lines) - len(PARAGRAPHS)
    header = Header(lines, start, len(lines), {}, CleanOptions())
    body = set(_content_words(" ".join([*PARAGRAPHS, "posted", "march"])))
    assert (header._title_echoed_above(body) == 0) == found
