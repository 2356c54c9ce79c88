"""Titles of plain-text page dumps: which line is the headline."""

from __future__ import annotations

import pytest

from archiver import rules
from archiver.textclean import clean_text, pipeline
from archiver.textclean.lines import split_lines
from archiver.textmeta.kinds import headline_like
from tests.test_languages import GERMAN_BODY
from tests.test_textclean import PARAGRAPHS

NAV = ["Startseite", "Politik", "Kultur"]
TITLE = "Glenbrook council closes the river bridge to cars"


def _title(*lines: str) -> str | None:
    found = clean_text("\n".join(lines)).metadata.get("title")
    return found.value if found is not None else None


def test_an_at_sign_between_words_may_stand_in_a_headline():
    title = "KI @ Glenbrook (Teil 2): Wie die Stadt ihre Brücken prüft"
    assert _title(*NAV, title, "Von Jana Keller", "24. Oktober 2018", *PARAGRAPHS) == title


def test_an_email_address_is_never_the_title():
    contact = "Tips for the newsroom to news@glenbrook-courier.example"
    assert _title(*NAV, contact, "Von Jana Keller", "24. Oktober 2018", *PARAGRAPHS) is None


@pytest.mark.parametrize(
    "title",
    [
        "Why is the council of Glenbrook closing the old river bridge for the whole winter?",
        "The council of Glenbrook is closing the old river bridge for the whole of the winter!",
    ],
)
def test_a_question_or_exclamation_opening_the_article_is_its_headline(title):
    """Nothing but menu items stands above: the question is not the article's first
    sentence but its headline."""
    assert _title(*NAV, title, *PARAGRAPHS) == title


def test_a_question_opening_the_article_yields_to_the_headline_over_a_byline():
    question = "Will the drivers of Glenbrook ever forgive the council for this?"
    assert _title(*NAV, TITLE, "By Jane Doe", question, *PARAGRAPHS) == TITLE


def test_a_headline_over_its_byline_under_a_stray_sentence_is_found():
    """A notice in sentences stands above the headline and is taken for the first prose."""
    notice = "You are using an older browser version. Please update it for the best experience."
    lines = [*NAV, notice, "Previous Next", TITLE, "02/10/2020 Jane Doe", *PARAGRAPHS]
    assert _title(*lines) == TITLE


def test_a_headline_over_a_standfirst_and_its_byline_is_found():
    notice = "You are using an older browser version. Please update it for the best experience."
    standfirst = "Two of its supports have rusted far more than the engineers had expected."
    lines = [*NAV, notice, TITLE, standfirst, "By Jane Doe", *PARAGRAPHS]
    assert _title(*lines) == TITLE


def test_the_last_line_of_a_post_over_its_posted_by_line_is_no_headline():
    """A blog's meta line closes the post: the line above it, under a paragraph, ends the
    post."""
    post = [PARAGRAPHS[0], "We hope you enjoy the detour!", PARAGRAPHS[1]]
    assert _title("Home", "Blog", *post, "Posted by Jane Doe at 5:11 AM") is None


def test_a_quoted_post_over_its_date_deep_in_the_article_is_no_headline():
    """Read with the whole page as the article: a quoted post over its date, under more
    paragraphs than a header holds, is the article's, not its headline."""
    quote = "Five years ago: the bridge was rusting and nobody knew"
    lines = [TITLE, *PARAGRAPHS[:5], quote, "14. Juni 2018", *PARAGRAPHS[5:]]
    text = "\n".join(lines)
    page = pipeline.Page(split_lines(text), text=text)
    for step in pipeline.CLEAN_PASSES[: pipeline.CLEAN_PASSES.index(pipeline.read_header)]:
        step(page)
    page.start, page.end = 1, len(page.lines)
    pipeline.read_header(page)
    assert page.metadata["title"].value == TITLE


def test_a_headline_of_two_words_over_the_article_is_its_title():
    """No headline of three words or more: two standing right over the article (a lower-case
    label between) whose words the article repeats are its title."""
    assert _title(*NAV, "Glenbrook Bridge", *PARAGRAPHS) == "Glenbrook Bridge"
    assert _title(*NAV, "Glenbrook Bridge", "blog", *PARAGRAPHS) == "Glenbrook Bridge"


@pytest.mark.parametrize("label", ["Weather Forecast", "Sport", "Glenbrook."])
def test_a_short_label_the_article_does_not_repeat_is_no_title(label):
    assert _title(*NAV, label, *PARAGRAPHS) is None


def test_a_short_label_yields_to_a_headline():
    assert _title(*NAV, TITLE, "By Jane Doe", "Bridges", *PARAGRAPHS) == TITLE


CREDIT = "© Jane Doe / Glenbrook Courier"


def test_a_caption_over_its_photo_credit_is_no_headline():
    title = "Winter closure for Glenbrook bridge"
    caption = "Drivers at the old river bridge of Glenbrook on Tuesday"
    assert _title(*NAV, title, caption, CREDIT, *PARAGRAPHS) == title


def test_a_headline_over_a_photo_credit_is_still_the_headline():
    title = "Winter closure for Glenbrook bridge"
    assert _title(*NAV, title, CREDIT, *PARAGRAPHS) == title


SHARE_BAR = ["Facebook", "Twitter", "LinkedIn", "Email", "Print"] * 3


def test_a_headline_over_a_long_share_bar_is_found():
    """Fifteen share buttons stand between the headline and the article: the lines a rule
    took do not count in how far up the headline is looked for."""
    title = "A costly surprise under the water"
    lines = [*NAV, title, "Photo: Jane Doe", *SHARE_BAR, "WASHINGTON —", *PARAGRAPHS]
    assert _title(*lines) == title


def test_a_headline_over_as_many_lines_of_links_is_not_taken_from_that_far():
    title = "A costly surprise under the water"
    links = [f"Weather link {n}" for n in range(15)]
    assert _title(*NAV, title, "Photo: Jane Doe", *links, "WASHINGTON —", *PARAGRAPHS) != title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Why I still love the old bridge of Glenbrook.", True),
        # An abbreviation's dot opens no sentence.
        ("Frost forecast for Wed. after Tues. alert.", True),
        ("The bridge is closed. Take the ring road.", False),  # two sentences
        ("Wait for it...", False),  # an ellipsis
    ],
)
def test_a_headline_closing_with_a_full_stop_over_its_meta_line(line, title):
    """Blogs write some headlines as a sentence; with no other headline, one over the post's
    meta line is the title."""
    found = _title(*NAV, line, "Jane Doe – 14.09.2022 – Kolumne , Allgemein", *PARAGRAPHS)
    assert (found == line) == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("iPhone owners in Glenbrook queue at the bridge", True),  # a brand's small letter
        ("eBay sellers in Glenbrook: the bridge is closed", True),
        ("a bridge is closed in Glenbrook for the winter", False),  # a sentence's fragment
        ("ibridge closes in Glenbrook for the winter", False),
    ],
)
def test_a_headline_may_open_with_a_brand_written_in_small_letters(line, title):
    found = _title(*NAV, line, "By Jane Doe", *PARAGRAPHS)
    assert (found == line) == title


def test_a_question_opening_the_article_is_its_title_and_stays_in_its_text():
    """The question may be the article's first sentence as well as its headline."""
    question = "Why is the council of Glenbrook closing the old river bridge for the whole winter?"
    result = clean_text("\n".join([*NAV, question, *PARAGRAPHS]))
    assert result.metadata["title"].value == question
    assert result.text.startswith(question)


def test_a_headline_over_its_byline_is_not_kept_in_the_text():
    result = clean_text("\n".join([*NAV, TITLE, "By Jane Doe", *PARAGRAPHS]))
    assert result.metadata["title"].value == TITLE
    assert TITLE not in result.text


MENU_HEADLINE = "Unsere Angebote im Winter"  # a menu's line, reading as a headline


def test_a_short_headline_over_the_article_beats_a_menu_line_further_up():
    """One word right over the article, which the article repeats, is its headline; the
    headline-like line further up has no byline or date under it and speaks less of it."""
    lines = ["Startseite", MENU_HEADLINE, "Kontakt", "Impressum", "Glenbrook", PARAGRAPHS[0]]
    result = clean_text("\n".join([*lines, "Inspection Findings", *PARAGRAPHS[1:]]))
    assert result.metadata["title"].value == "Glenbrook"
    # Under the short headline and the first paragraph, a subheading, not the byline.
    assert "author" not in result.metadata


@pytest.mark.parametrize(
    ("teaser", "title"),
    [
        # Another article's teaser over its date, sharing no word with this one.
        ("Summer fair draws thousands to the park", TITLE),
        # The article's own header over its date, links between it and the article.
        ("Summer fair draws thousands to Glenbrook", "Summer fair draws thousands to Glenbrook"),
    ],
)
def test_the_one_headline_over_a_date_is_the_title_when_it_speaks_of_the_article(teaser, title):
    lines = ["Startseite", teaser, "24.10.2018", "Kontakt", "Impressum", TITLE]
    assert _title(*lines, *PARAGRAPHS) == title


@pytest.mark.parametrize(
    ("cut", "title"),
    [
        # Teasers cut short stand over it: one of a list of other articles' teasers.
        ("...", TITLE),
        # Near miss: whole headlines over it; the one over a date is the article's header.
        ("", "Summer fair draws thousands to Glenbrook"),
    ],
)
def test_the_one_headline_over_a_date_in_a_list_of_teasers_is_not_the_title(cut, title):
    teasers = [
        f"Harbour strike: ships wait off the coast{cut}",
        "Jane Doe",
        f"Council votes on the new budget for the port{cut}",
        "John Roe",
    ]
    lines = ["Startseite", *teasers, "Summer fair draws thousands to Glenbrook", "24.10.2018"]
    assert _title(*lines, "Kontakt", "Impressum", TITLE, *PARAGRAPHS) == title


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        (
            "3 thoughts on “Winter closure for Glenbrook bridge”",
            "Winter closure for Glenbrook bridge",
        ),
        ("Ein Gedanke zu „Nebelsuppe.“", "Nebelsuppe."),
        ("12 Kommentare zu “Brücke bleibt gesperrt”", "Brücke bleibt gesperrt"),
        ("2 réponses à « Le pont reste fermé »", "Le pont reste fermé"),
        ('One response to "Winter closure"', "Winter closure"),
        ("2 Kommentare zu Brücke bleibt gesperrt", "Brücke bleibt gesperrt"),
        # Near misses: no headline named.
        ("3 Kommentare zu diesem Artikel", None),
        ("10 Antworten auf die wichtigsten Fragen", None),
        ("12 responses to this post", None),
        ("5 Kommentare", None),
        ("Thoughts on “Winter closure”", None),
    ],
)
def test_a_comments_heading_quotes_the_headline(line, quoted):
    assert rules.named_title(line) == quoted


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Lokales / Verkehr / Glenbrook / Brücke bleibt im Winter gesperrt",
            "Brücke bleibt im Winter gesperrt",
        ),
        # A breadcrumb opening with a small letter reads as no headline; its last part does.
        (
            "home / Lokales / Verkehr / Glenbrook: Die alte Brücke über den Fluss bleibt den "
            "ganzen Winter gesperrt!",
            "Glenbrook: Die alte Brücke über den Fluss bleibt den ganzen Winter gesperrt!",
        ),
        # Near miss: two parts are no breadcrumb.
        (
            "Rad / Fuß: Brücke bleibt im Winter gesperrt",
            "Rad / Fuß: Brücke bleibt im Winter gesperrt",
        ),
        # Near miss: a breadcrumb ending in a label of one word gives no title from it (a long
        # one, which no menu rule takes).
        (
            "home / Lokales / Verkehr und Mobilität im Landkreis Glenbrook an der Küste / Brücken",
            None,
        ),
    ],
)
def test_a_breadcrumb_of_slashes_ending_in_the_headline_gives_the_headline(line, title):
    assert _title("Startseite", line, "Von Jana Keller", *GERMAN_BODY) == title


BLOG_HEADER = [
    "Startseite",
    "Blog",
    "Das Leben, der Meister und ich",
    "Nebelsuppe",
    "24. Januar 2020",
]


def test_the_headline_the_comments_heading_quotes_is_the_title():
    """The blog's tagline stands over a one-word headline and wins alone; the heading of the
    comments quotes the headline."""
    assert _title(*BLOG_HEADER, *GERMAN_BODY, "Impressum") == "Das Leben, der Meister und ich"
    lines = [*BLOG_HEADER, *GERMAN_BODY, "3 Gedanken zu „Nebelsuppe“", "Impressum"]
    assert _title(*lines) == "Nebelsuppe"


def test_a_comments_heading_quoting_the_headline_leaves_its_kicker_out():
    headline = "Glenbrook: Brücke bleibt im Winter gesperrt"
    comments = "2 Kommentare zu „Brücke bleibt im Winter gesperrt“"
    lines = ["Startseite", "Blog", headline, "Von Jana Keller", *GERMAN_BODY, comments]
    result = clean_text("\n".join(lines))
    assert result.metadata["title"].value == "Brücke bleibt im Winter gesperrt"
    assert result.metadata["author"].value == "Jana Keller"
    assert headline not in result.text


def test_a_star_ratings_buttons_name_the_title():
    """A recipe's ingredient stands nearer the text than its headline; the rating's buttons
    name the recipe."""
    rating = [f"Bewerte Apfelkuchen vom Blech {n}/5" for n in range(1, 6)]
    lines = ["Startseite", "Rezepte", "Apfelkuchen vom Blech", *rating, "Zutaten", "Äpfel"]
    assert _title(*lines, *GERMAN_BODY) == "Apfelkuchen vom Blech"
    assert rules.named_title("Bewerte uns auf Google") is None


def test_two_comments_headings_quoting_two_posts_name_no_title():
    """A blog's front page: each post has its comments heading; neither names the page."""
    other = "1 Gedanke zu „Das Leben, der Meister und ich“"
    lines = [*BLOG_HEADER, *GERMAN_BODY, "3 Gedanken zu „Nebelsuppe“", "Schön!", other]
    assert _title(*lines) == "Das Leben, der Meister und ich"


def test_a_compound_headline_whose_parts_the_article_uses_is_its_title():
    """German writes "Brückensperrung" as one word; the article says "Brücke": the headline's
    word is found in it, and the one-word headline beats the menu's line further up."""
    lines = ["Startseite", MENU_HEADLINE, "Kontakt", "Impressum", "Brückensperrung"]
    assert _title(*lines, *GERMAN_BODY) == "Brückensperrung"


def test_a_word_sharing_only_a_few_letters_with_the_article_is_not_found_in_it():
    """ "Rost" is in the article, but four letters held in a word match by chance."""
    lines = ["Startseite", MENU_HEADLINE, "Kontakt", "Impressum", "Rostschutz"]
    assert _title(*lines, *GERMAN_BODY) == MENU_HEADLINE


def test_a_short_line_over_the_article_yields_to_a_headline_over_its_byline():
    title = "Winter closure for Glenbrook bridge"
    lines = ["Startseite", title, "By Jane Doe", "Kontakt", "Glenbrook", *PARAGRAPHS]
    assert _title(*lines) == title


def test_a_short_line_over_the_article_yields_to_a_headline_saying_as_much_of_it():
    title = "The Glenbrook bridge"
    lines = ["Startseite", title, "Kontakt", "Impressum", "Glenbrook", *PARAGRAPHS]
    assert _title(*lines) == title


def test_a_short_line_naming_a_topic_of_the_headline_further_up_is_no_title():
    """ "Glenbrook" under the topics' label says what the headline above says already."""
    lines = ["Startseite", TITLE, "Kontakt", "Topics of this article", "Glenbrook"]
    assert _title(*lines, *PARAGRAPHS) == TITLE


def test_a_short_line_under_a_photo_caption_is_its_credit_not_the_title():
    caption = "The old bridge at dawn (Photo: Glenbrook Courier)"
    lines = ["Startseite", MENU_HEADLINE, "Kontakt", "Impressum", caption, "Glenbrook"]
    assert _title(*lines, *PARAGRAPHS) != "Glenbrook"


@pytest.mark.parametrize(
    "caption",
    [
        "Drivers wait at the closed bridge of Glenbrook on Tuesday. Foto: Jana Keller",
        "Cars queue at the bridge. (Symbolbild)",
    ],
)
def test_a_caption_closing_with_its_credit_is_no_headline(caption):
    """The caption stands right over the article, a date line under its first paragraph."""
    lines = [*NAV, TITLE, "Kontakt", "Mehr", caption, PARAGRAPHS[0], "24.10.2018"]
    assert _title(*lines, *PARAGRAPHS[1:]) == TITLE


def test_a_headline_naming_a_photo_is_still_a_headline():
    """Not a caption: no sentence closes before the word."""
    title = "Foto-Ausstellung: Glenbrook bridge in pictures"
    assert _title(*NAV, title, "By Jane Doe", *PARAGRAPHS) == title


@pytest.mark.parametrize(
    "invitation",
    ["Besucht uns auf Youtube", "Folge uns auf Facebook | Instagram", "Síguenos en Google News"],
)
def test_an_invitation_to_follow_the_site_is_no_headline(invitation):
    """It stands over the date line; the headline, further up, has nothing under it."""
    lines = [*NAV, TITLE, "Kontakt", "Impressum", invitation, "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == TITLE


def test_a_headline_opening_like_an_invitation_is_still_a_headline():
    title = "Findet auf Instagram kein Ende: der Streit um die Brücke von Glenbrook"
    assert _title(*NAV, title, "By Jane Doe", *PARAGRAPHS) == title


MUSEUM = "Ein Besuch im kleinen Museum der Altstadt heute"  # eight words, two lines up


def test_of_two_lines_that_score_alike_the_one_nearer_the_article_is_the_title():
    """The line further up is longer by as much as it stands further: the nearer one wins."""
    nearer = "Neue Bänke für den alten Stadtpark"
    assert _title("Startseite", "Kontakt", MUSEUM, nearer, *PARAGRAPHS) == nearer


def test_a_line_further_up_that_scores_higher_is_still_the_title():
    nearer = "Neue Bänke für den Stadtpark"
    assert _title("Startseite", "Kontakt", MUSEUM, nearer, *PARAGRAPHS) == MUSEUM


def test_a_short_menu_item_repeated_in_the_footer_is_not_the_headline_named_again():
    """ "The river bridge" stands in the header's menu and again in the footer's: a line of
    three words the page repeats is a menu's item as often as a headline, and gains nothing."""
    menu = "The river bridge"
    lines = ["Startseite", menu, TITLE, "By Jane Doe", "24.10.2018", *PARAGRAPHS, menu]
    assert _title(*lines, "Impressum") == TITLE


def test_a_headline_of_four_words_the_page_repeats_is_still_named_again():
    headline = "The old river bridge"
    lines = ["Startseite", headline, TITLE, "By Jane Doe", "24.10.2018", *PARAGRAPHS, headline]
    assert _title(*lines, "Impressum") == headline


TAGLINE = "Your guide to everything happening around lovely lakeside towns"


def test_a_tagline_sharing_no_word_with_the_article_yields_to_the_headline():
    """The tagline stands nearer the article and is longer, but none of its words comes
    back in the article: the headline further up, whose words do, is the title."""
    headline = "Glenbrook waits for the spring"
    assert _title("Startseite", headline, "Kontakt", TAGLINE, *PARAGRAPHS) == headline


def test_a_line_sharing_a_word_with_the_article_keeps_its_place():
    tagline = TAGLINE.replace("towns", "Glenbrook")
    lines = ["Startseite", "Glenbrook waits for the spring", "Kontakt", tagline]
    assert _title(*lines, *PARAGRAPHS) == tagline


DECK = "Drivers Will Take the Ring Road Every Morning"
SHORT_TITLE = "Glenbrook council will close river bridge"


def test_a_headline_over_its_deck_is_the_title():
    """Two headline-like lines over the byline: the lower one, nearer and longer, is the
    headline's deck; the upper one speaks of the article as much and is the title."""
    lines = [*NAV, SHORT_TITLE, DECK, "By Jane Doe", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == SHORT_TITLE


CAPTION = (
    "Commuters wait at the old river bridge in Glenbrook on Tuesday morning as the council "
    "announces that it will close to cars"
)


def test_a_headline_over_its_deck_and_a_caption_is_the_title():
    """As on the Boston Herald: headline, deck, then the photo's long caption, then the
    byline. The caption is no third headline of a list, and the pair stands over the byline
    though the deck is nearer it."""
    lines = [*NAV, SHORT_TITLE, DECK, CAPTION, "By Jane Doe", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == SHORT_TITLE


def test_a_kicker_speaking_less_of_the_article_stays_over_the_headline():
    lines = [*NAV, "Glenbrook news of the week", DECK, "By Jane Doe", "24.10.2018"]
    assert _title(*lines, *PARAGRAPHS) == DECK


def test_three_headlines_in_a_row_make_a_list_not_a_headline_over_its_deck():
    teaser = "Weekend Markets Open Around the Lake"
    lines = [*NAV, teaser, SHORT_TITLE, DECK, "By Jane Doe", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == DECK


DATED = "1. Februar 2022 Glenbrook council will close the old river bridge to cars for the winter"


def test_a_dated_headline_taken_for_text_is_still_the_title():
    """jusText takes the long headline for the article's first line; the date opening it
    says it is a headline, as lists of news write them. The deck under it is no title."""
    deck = "Drivers will take the ring road every morning"
    lines = [*NAV, "Barrierefreiheit", "Kontakt zur Redaktion", DATED, deck, *PARAGRAPHS]
    found = clean_text("\n".join(lines)).metadata
    assert found["title"].value == DATED.removeprefix("1. Februar 2022 ")
    assert found["published"].value.startswith("2022-02-01")


def test_the_same_headline_without_a_date_read_as_text_is_passed_over():
    deck = "Drivers will take the ring road every morning"
    headline = DATED.removeprefix("1. Februar 2022 ")
    lines = [*NAV, "Barrierefreiheit", "Kontakt zur Redaktion", headline, deck, *PARAGRAPHS]
    assert _title(*lines) == deck


@pytest.mark.parametrize(
    "link",
    [
        "The river bridge diary, part three: the ring road →",
        "Vorheriger Artikel Drivers will take the ring road every morning",
    ],
)
def test_a_link_to_the_next_or_previous_post_is_no_headline(link):
    """It stands right over the byline, nearer than the headline: the arrow or the label
    says it leads to another post."""
    lines = [*NAV, TITLE, "Kontakt", link, "By Jane Doe", *PARAGRAPHS]
    assert _title(*lines) == TITLE


@pytest.mark.parametrize(
    "headline",
    [
        "Next winter the river bridge opens to cars again",
        "Glenbrook bridge diary » the river and the ring road",
    ],
)
def test_a_headline_opening_with_next_or_holding_an_arrow_is_still_one(headline):
    lines = [*NAV, TITLE, "Kontakt", headline, "By Jane Doe", *PARAGRAPHS]
    assert _title(*lines) == headline


def _title_and_author(*lines: str) -> tuple[str | None, str | None]:
    found = clean_text("\n".join(lines)).metadata
    return (
        found["title"].value if "title" in found else None,
        found["author"].value if "author" in found else None,
    )


def test_a_list_of_people_over_the_date_is_the_byline_not_the_headline():
    """Three names joined by commas and "&" over the date: the post's authors."""
    lines = [*NAV, TITLE, "Kontakt", "Jane Doe, John Roe & Ann Poe", "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (TITLE, "Jane Doe; John Roe; Ann Poe")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Dana Whitfield , Staff Attorney, Glenbrook Legal Aid Society", "Dana Whitfield"),
        ("Wirtschaftsredakteurin Jana Keller", "Jana Keller"),
    ],
)
def test_a_name_with_its_role_over_the_date_is_the_byline_not_the_headline(line, author):
    """One person and their role ("Staff Attorney"; in German before the name, as a
    compound: "Wirtschaftsredakteurin") over the date: the byline."""
    lines = [*NAV, TITLE, "Kontakt", line, "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (TITLE, author)


@pytest.mark.parametrize(
    "headline",
    [
        "Glenbrook Bridge Closes for Winter, Director Says",  # who said it, not a byline
        "Redakteurin verlässt Glenbrook",  # a role, then a verb: no name
    ],
)
def test_a_headline_naming_a_role_is_still_a_headline(headline):
    lines = [*NAV, TITLE, "Kontakt", headline, "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (headline, None)


def test_a_headline_naming_two_people_is_still_a_headline():
    headline = "Jane Doe and John Roe reopen the bridge"
    lines = [*NAV, TITLE, "Kontakt", headline, "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (headline, None)


SHARE_BAR = ["Facebook", "Twitter", "Share", "Email", "Print"] * 2 + ["Facebook", "Twitter"]


def test_a_byline_over_the_date_above_the_header_window_is_no_headline():
    """A share bar stands between the date and the article: the byline, right over the date,
    is above the lines read for bylines, and was taken for the headline over its date."""
    headline = "Glenbrook shuts its river bridge for the winter months"
    byline = "By Jane Doe Staff Writer"
    lines = [*NAV, headline, "The bridge at dawn.", byline, "24.10.2018", "4 AM", *SHARE_BAR]
    assert _title_and_author(*lines, *PARAGRAPHS) == (headline, "Jane Doe")


def test_a_headline_opening_with_by_over_the_date_is_still_a_headline():
    headline = "By the river, a long winter"
    lines = [*NAV, TITLE, "The bridge at dawn.", headline, "24.10.2018", "4 AM", *SHARE_BAR]
    assert _title_and_author(*lines, *PARAGRAPHS) == (headline, None)


def test_a_title_case_headline_with_a_comma_is_no_list_of_people():
    headline = "First Looks Praise New Keyboard, Bigger Screen"
    lines = [*NAV, TITLE, "Kontakt", headline, "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (headline, None)


def test_a_headline_under_the_date_keeps_its_place_over_a_short_line():
    """ "Ring Road" right over the article, whose words the article repeats, is taken for a
    short headline over a line with no byline or date under it; here the date stands over
    the headline."""
    headline = "Glenbrook waits for the spring"
    assert _title(*NAV, "24.10.2018", headline, "Ring Road", *PARAGRAPHS) == headline


def test_a_short_line_over_the_article_still_beats_a_headline_with_no_date_beside_it():
    headline = "Glenbrook waits for the spring"
    assert _title(*NAV, "Kontakt", headline, "Ring Road", *PARAGRAPHS) == "Ring Road"


#: A long menu between a teaser with its date and the article: the teaser stands above the
#: lines read for the header.
LONG_MENU = [f"Rubrik {n}" for n in "ABCDEFGHIJKLMNOP"]
TEASER = ["Glenbrook fair opens its doors", "24.10.2018"]


def test_a_headline_opening_the_run_over_its_standfirst_beats_a_dated_line_further_up():
    """The run opens with the headline (long enough to read as text), the standfirst right
    under it: the article's own header, though a teaser with its date stands further up,
    over the menu."""
    standfirst = (
        "The council voted on Tuesday night to shut the old river bridge to cars for the whole "
        "of the winter, after an inspection found rust in two of its supports."
    )
    headline = "Glenbrook council closes the old river bridge to cars for the whole winter"
    lines = [*NAV, *TEASER, *LONG_MENU, headline, standfirst, *PARAGRAPHS]
    assert _title(*lines) == headline


def test_a_line_opening_the_run_over_a_caption_leaves_the_dated_headline_further_up():
    """Near miss: under the run's first line stands a caption, no paragraph. The headline
    with its date above the menu stays the title, as the article's header stands over a
    gallery."""
    headline = "Glenbrook council closes the old river bridge to cars for the whole winter"
    lines = [*NAV, *TEASER, *LONG_MENU, headline, "The bridge at dawn", *PARAGRAPHS]
    assert _title(*lines) == TEASER[0]


def test_a_french_headline_opening_with_a_spaced_quotation_mark_is_a_headline():
    headline = "« Le pont restera fermé tout l’hiver » : Glenbrook vote la fermeture"
    assert _title(*NAV, headline, "Par Jeanne Martin", "24.10.2018", *PARAGRAPHS) == headline


def test_a_previous_post_link_opening_with_a_quotation_mark_is_no_headline():
    """Near miss: a blog's link to the previous post opens with "« " and never closes it."""
    line = split_lines("« Speicher via SSHFS mounten und verschlüsseln")[0]
    assert not headline_like(line)


@pytest.mark.parametrize("label", ["Cover", "Auteur", "Foto:"])
def test_the_line_under_a_label_is_its_value_not_the_headline(label):
    """As Le Grand Continent sets its header: "Cover" over the picture's credit, "Date" over
    the date. The credit stands nearest the date, yet is no headline."""
    lines = [*NAV, TITLE, label, "Collège de Glenbrook", "Date", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == TITLE


def test_a_line_under_a_section_name_may_be_the_headline():
    """Near miss: "Coverstory" names a section, not a field: the line under it, over the
    date, is the headline."""
    headline = "Glenbrook closes its river bridge"
    lines = [*NAV, TITLE, "Coverstory", headline, "Date", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == headline


def test_a_name_under_an_author_label_is_the_author():
    """As on Le Grand Continent: a section's name right under the headline reads as a lone
    name, but "Auteur" over a name says who wrote the article."""
    labelled = ["Auteur", "Jeanne Martin", "Cover", "Collège de Glenbrook", "Date", "24.10.2018"]
    lines = [*NAV, TITLE, "Entretiens Glenbrook", *labelled, *PARAGRAPHS]
    assert _title_and_author(*lines) == (TITLE, "Jeanne Martin")


def test_a_menu_link_to_the_authors_is_no_label():
    """Near miss: "AUTOREN" in a menu links to the outlet's authors; the headline under it
    stays the headline."""
    lines = [*NAV, "AUTOREN", TITLE, "24.10.2018", *PARAGRAPHS]
    assert _title_and_author(*lines) == (TITLE, None)


def test_a_headline_opening_with_a_name_in_small_letters_over_the_date_is_the_title():
    """As "creditshelf kooperiert mit finleap": the name is written in small letters in the
    article too."""
    headline = "glenlink warns commuters of the closed river bridge"
    opening = (
        "Commuters who use glenlink, the town's own travel app, were told on Tuesday night that "
        "the old river bridge will stay shut to cars for the whole of the winter."
    )
    assert _title(*NAV, headline, "24.10.2018", opening, *PARAGRAPHS) == headline


@pytest.mark.parametrize(
    "line", ["von Jana Keller und Tom Roe", "mehr zum Thema Brücken und Verkehr"]
)
def test_a_byline_or_link_in_small_letters_over_the_date_is_no_title(line):
    """Near misses: a byline, a "see also" link, both in small letters over the date."""
    assert _title(*NAV, line, "24.10.2018", *PARAGRAPHS) is None


QUESTIONS = ["How long will the bridge stay shut?", "Which roads go round the river?"]


def test_an_entry_of_the_table_of_contents_is_never_the_title():
    """As on a magazine's guide: the headline, then "Inhalt" and the questions the article
    answers in its sections, the last right over the date."""
    lines = [*NAV, TITLE, "Inhalt", *QUESTIONS, "24.10.2018"]
    text = [PARAGRAPHS[0], QUESTIONS[0], PARAGRAPHS[1], QUESTIONS[1], *PARAGRAPHS[2:]]
    assert _title(*lines, *text) == TITLE


def test_a_line_under_a_contents_label_is_the_headline_when_no_section_repeats_it():
    """Near miss: "Inhalt:" heads the page's content as a whole; the line under it names no
    section of the article, and is the headline."""
    headline = "Glenbrook closes its river bridge"
    lines = [*NAV, TITLE, "Inhalt:", "Foto von Jane Doe", headline, "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == headline


def test_a_line_ending_on_of_over_a_name_is_no_headline():
    """As on a blog's header: "SHOW ALL ARTICLES OF" over the author's name is a link
    naming what follows, not a headline; the headline over the byline and date stands."""
    headline = "Glenbrook Council Closes the River Bridge"
    lines = [*NAV, headline, "Jane Doe", "24.10.2018", "Jane Doe is a professor of law."]
    lines += [
        "SHOW ALL ARTICLES OF",
        "Jane Doe",
        "Politics: Where Does the Council Stand on the Bridge?",
    ]
    assert _title(*lines, *PARAGRAPHS) == headline


@pytest.mark.parametrize("ending", ["Built For", "Gone For Good"])
def test_a_headline_ending_on_another_small_word_is_still_a_headline(ending):
    """Near misses: "of" closes no headline, but other small words may."""
    headline = f"What Glenbrook Bridges Are {ending}"
    assert _title(*NAV, headline, "By Jane Doe", "24.10.2018", *PARAGRAPHS) == headline


@pytest.mark.parametrize(
    "headline",
    [
        "Glenbrook's mayor on the bridge: “We will not open it again before the spring”",
        "„Wir öffnen die Brücke erst wieder im Frühjahr, wenn alles geprüft ist“",
    ],
)
def test_a_quotation_opening_the_article_is_its_headline(headline):
    """A quotation, or a speaker and their words, heads the run: no full stop closes it, so
    it is a headline, not the article's first sentence."""
    assert _title(*NAV, headline, *PARAGRAPHS) == headline


def test_a_sentence_closing_on_a_quotation_is_no_headline():
    """Near miss: a sentence opening the article that ends on a quoted phrase."""
    sentence = "The mayor of Glenbrook said on Tuesday that the bridge would “stay shut all winter”"
    assert _title(*NAV, sentence, *PARAGRAPHS) is None


SAID_TWICE = "Glenbrook im Winter: Besser als sein Ruf?"
TEASER_BETWEEN = "Council closes the old river bridge to cars"
DATE_LINE = "Veröffentlicht am 24.10.2018 von Jana Keller"


def test_a_headline_set_twice_around_a_teaser_is_the_title():
    """As on Reiterrevue: the headline, a teaser for another article (named again at the
    page's foot), the headline again over the date line."""
    lines = [*NAV, SAID_TWICE, TEASER_BETWEEN, SAID_TWICE, DATE_LINE, *PARAGRAPHS]
    assert _title(*lines, "Mehr zum Thema", TEASER_BETWEEN) == SAID_TWICE


def test_a_line_said_twice_far_apart_leaves_the_line_found():
    """Near miss: the two copies stand five lines apart, a menu between, not around one
    line: the line over the date stays the title."""
    menu = ["Kontakt", "Impressum", "Suche"]
    lines = [*NAV, SAID_TWICE, *menu, TEASER_BETWEEN, SAID_TWICE, DATE_LINE, *PARAGRAPHS]
    assert _title(*lines, "Mehr zum Thema", TEASER_BETWEEN) == TEASER_BETWEEN


NOTICE = "Hier können Sie mittels unseres Formulars diese Seite einer Freundin empfehlen."
UNDER_DATE = "Glenbrook sperrt die alte Brücke über den Fluss für den ganzen Winter"


def test_a_headline_right_under_the_date_past_a_stray_sentence_is_the_title():
    """As on a press office's page: a sentence of the page's tools, then the date and the
    section, then the headline over the article; the sentence reads as the first prose."""
    lines = [*NAV, "Tag der offenen Tür 2019", NOTICE, "24. April 2020 | Pressemitteilungen"]
    assert _title(*lines, UNDER_DATE, *GERMAN_BODY) == UNDER_DATE


@pytest.mark.parametrize(
    "caption",
    [
        "Die Brücke im Oktober. Seit dem Sommer rosten die Pfeiler schneller als erwartet",
        "Die alte Brücke über den Fluss im Oktober (Foto: Jana Keller)",
    ],
)
def test_a_caption_right_under_the_date_past_a_stray_sentence_is_no_title(caption):
    """Near misses: where the headline stood, a caption of two sentences, or one naming its
    photo's credit, is no headline."""
    lines = [*NAV, NOTICE, "24. April 2020 | Pressemitteilungen", caption, *GERMAN_BODY]
    assert _title(*lines) != caption


EVENT = [
    "Februar 2020",
    "Termin: 21.02.2020, 19 Uhr",
    "Ort: Gasthaus zur Brücke, Flussweg 10, Glenbrook",
    "Thema: Winterbier mit 3-Gang Menü",
    "Die Brauerei am Fluss stellt an diesem Abend ihre Winterbiere vor, jedes mit einem Gang "
    "aus der Küche des Gasthauses.",
    "Eintritt: 45,00 €/Person",
]


def test_a_line_opening_with_a_field_label_is_never_the_headline():
    """As on a page of events: "Ort: ..." right under the event's date line, past a quoted
    saying read as prose, gives where the event takes place, not the headline."""
    saying = "Man muss dem Winter immer um mindestens ein Bier voraus sein (Jana Keller)"
    headline = "Termine Bierproben Januar – Mai 2020 in Glenbrook"
    title = _title(*NAV, saying, headline, *EVENT, *GERMAN_BODY)
    assert title is not None and not title.startswith("Ort:")


TAGS = ["Verkehr", "Brücken", "Winterdienst"]


def test_a_headline_set_twice_beats_a_tag_over_the_article():
    """As on a parliament group's page: the breadcrumb ends in the headline, a kicker, the
    headline again, then the article's tags; the last tag, one word the article repeats,
    stands right over it but is no headline."""
    headline = "Brücke in Glenbrook"
    tag_body = [GERMAN_BODY[0] + " Der Winterdienst räumt die Brücken.", *GERMAN_BODY[1:]]
    lines = [*NAV, headline, "Stadtrat", headline, *TAGS, *tag_body]
    assert _title(*lines) == headline


def test_a_short_headline_beats_a_line_set_once_over_it():
    """Near miss: the line above stands once; the short headline right over the article,
    whose word the article repeats, is the title."""
    tag_body = [GERMAN_BODY[0] + " Der Winterdienst räumt die Brücken.", *GERMAN_BODY[1:]]
    lines = [*NAV, "Brücke in Glenbrook", "Stadtrat", "Winterdienst", *tag_body]
    assert _title(*lines) == "Winterdienst"


CUT_SHORT = "Glenbrook closes its bridge: 10 detours"
RUN_ON = "Winter roads Glenbrook closes its bridge: 10 detours for the winter months"


def test_a_headline_cut_short_is_taken_whole_from_the_line_under_it():
    """As on a magazine: the headline cut short, then the kicker run into the whole
    headline; the title is the whole headline, the kicker left out."""
    lines = [*NAV, CUT_SHORT, RUN_ON, *PARAGRAPHS]
    assert _title(*lines) == "Glenbrook closes its bridge: 10 detours for the winter months"


def test_a_kicker_run_into_the_headline_is_left_out_when_the_page_sets_it_alone():
    """As on a local paper: "Lokales Glenbrook" run into the headline over the date, the
    headline alone further down, over the article."""
    lines = [*NAV, f"Lokales Glenbrook {TITLE}", "18:34 19.10.2019", "Free to read", TITLE]
    assert _title(*lines, *PARAGRAPHS) == TITLE


def test_a_rating_after_the_headline_is_no_part_of_it():
    """Near miss: the line repeating the headline adds its star rating, not words."""
    lines = [*NAV, TITLE, f"{TITLE} 3.17 5 12", "24.10.2018", *PARAGRAPHS]
    assert _title(*lines) == TITLE


def test_a_breadcrumb_ending_in_a_one_word_headline_gives_that_word():
    """As on a blog: "Durchsuchen: Home » Unbefriedigt" over the headline alone, one word,
    and the post's meta line: the title is the headline, not the breadcrumb."""
    meta = "8. Januar 2020 · by Jane Doe · in Reisen"
    lines = [*NAV, "Durchsuchen: Home » Brückentage", "Brückentage", meta, *PARAGRAPHS]
    assert _title(*lines) == "Brückentage"


def test_a_breadcrumb_ending_in_a_word_set_elsewhere_stays_whole():
    """Near miss: the word the breadcrumb ends in stands far from it, in the page's menu."""
    meta = "8. Januar 2020 · by Jane Doe · in Reisen"
    crumb = "Durchsuchen: Home » Brückentage"
    lines = ["Brückentage", *NAV, "Kontakt", "Impressum", "Suche", crumb, meta, *PARAGRAPHS]
    assert _title(*lines) == crumb


def test_a_star_ratings_summary_after_the_headline_is_left_out():
    """As a blog's rating plugin sets it: "<headline> , 5.0 out of 5 based on 2 ratings"."""
    rated = f"{TITLE} , 5.0 out of 5 based on 2 ratings"
    assert _title(*NAV, rated, "24.10.2018", *PARAGRAPHS) == TITLE


def test_a_headline_ending_on_a_score_keeps_it():
    """Near miss: a headline that gives a score in words of its own."""
    headline = "Glenbrook beats Riverton, 3 out of 4 games won"
    assert _title(*NAV, headline, "24.10.2018", *PARAGRAPHS) == headline


def _title_and_date(*lines: str) -> tuple[str | None, str | None]:
    found = clean_text("\n".join(lines)).metadata
    title, published = found.get("title"), found.get("published")
    return (title.value if title else None, str(published.value)[:10] if published else None)


MINUTES = "Protokoll der Gemeinderatssitzung vom 10. Oktober 2019"


def test_a_headline_naming_a_date_over_the_posts_meta_line_is_the_headline():
    """As a club posts its minutes: the headline names the meeting's day, the meta line
    under it says when the post went up and who wrote it."""
    lines = [*NAV, MINUTES, "26/12/2019 von Jana Keller", *GERMAN_BODY]
    assert _title_and_date(*lines) == (MINUTES, "2019-12-26")


def test_a_meta_line_opening_with_its_date_over_another_stays_a_date_line():
    """Near miss: as a blog sets it, the post's date, author and comment link, then when it
    was updated: the upper line names no date at its end, and gives the date."""
    meta = ["26. September 2019 Jana Keller Schreibe einen Kommentar", "Aktualisiert am 19.02.2020"]
    assert _title_and_date(*NAV, UNDER_DATE, *meta, *GERMAN_BODY) == (UNDER_DATE, "2019-09-26")


def test_a_line_naming_a_date_alone_over_the_headline_stays_a_date_line():
    """Near miss: a meta line of a few words ending in its date, with no meta line under it
    but the headline: it gives the date, and the headline stays the title."""
    lines = [*NAV, "Aktualisiert am Donnerstag, 10. Oktober 2019", UNDER_DATE, *GERMAN_BODY]
    assert _title_and_date(*lines) == (UNDER_DATE, "2019-10-10")


ELECTION = "Gemeinderatswahlen in Glenbrook"
ELECTION_BODY = [
    "Die Gemeinderatswahlen in Glenbrook brachten den Kandidaten der Grünen einen "
    "Erdrutschsieg, wie ihn die Stadt am Fluss seit vielen Jahren nicht gesehen hat.",
    "5. November 2021 Bestellinformationen",
    *GERMAN_BODY,
]


def _election_page(crumb: str) -> list[str]:
    """As a foundation sets a country report: a breadcrumb ending in the headline, the
    headline over its byline, a subtitle over the first paragraph and the date; headline
    and subtitle score alike."""
    return [
        *NAV,
        "Länderberichte",
        crumb,
        "detail",
        "Pressestelle",
        "Länderberichte",
        ELECTION,
        "von Jana Keller, Tom Roe",
        "Erdrutschsieg grüner Kandidaten",
        *ELECTION_BODY,
    ]


def test_of_two_lines_scoring_alike_the_one_set_twice_is_the_headline():
    assert _title(*_election_page(ELECTION)) == ELECTION


def test_of_two_lines_scoring_alike_the_nearer_wins_when_neither_is_set_twice():
    """Near miss: the breadcrumb ends in another word, and the page's other copy of the
    headline stands at its top, a menu away; the subtitle, nearer the article, is taken, as
    before."""
    menu = ["Kontakt", "Impressum", "Suche", "Presse", "Jobs", "Newsletter"]
    page = [ELECTION, *menu, *_election_page("Wahlen")]
    assert _title(*page) == "Erdrutschsieg grüner Kandidaten"


@pytest.mark.parametrize(
    "tagline",
    [
        "Glenbrooks Blog über das Leben in einer Stadt am Fluss",
        "Das Infoportal der Glenbrooker Verkehrsbetriebe",
        "RiverLife für die Familie am Fluss und in der Stadt",
    ],
)
def test_a_sites_tagline_over_the_date_is_never_the_title(tagline):
    """As a blog sets its header: the site's name, its tagline, the post's title over the
    date; the tagline stands as near the date as the headline."""
    lines = [*NAV, "the town by the river", tagline, UNDER_DATE, "1. November 2016", *GERMAN_BODY]
    assert _title(*lines) == UNDER_DATE


def test_a_headline_about_a_blog_is_still_a_headline():
    """Near miss: the headline tells of a blog the town starts; it is no site's tagline."""
    headline = "Glenbrook startet Blog für Pendler"
    assert _title(*NAV, headline, "1. November 2016", *GERMAN_BODY) == headline


def test_a_headline_right_under_a_date_without_its_year_is_found_past_a_blurb():
    """As on a blog: the site's blurb reads as the first prose, then the post's date
    without its year ("Jun 17") and the post's title, dated again, over its author."""
    blurb = (
        "Wann, wenn nicht jetzt, ist es Zeit für alles, was das Leben am Fluss reicher macht: "
        "für Reisen, für Bücher, für gute Gespräche und für die Menschen in Glenbrook."
    )
    lines = [*NAV, blurb, "Jun 17", f"Jun 17 {UNDER_DATE}", "Jana Keller", *GERMAN_BODY[1:]]
    title = _title(*lines)
    assert title is not None and title.endswith(UNDER_DATE)
