"""Titles of text dumps, through the CLI: never a post's meta line, a button or notice, a
section label; the meta line under a headline gives its date and author."""

from __future__ import annotations

import json

import pytest

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

BODY = "\n".join(
    f"Paragraph {i}: the theatre staged the palace story again this autumn, and visitors who "
    "booked their tickets online came back to tell us what they thought of the show, the "
    f"costumes and the music in review number {i}."
    for i in range(1, 6)
)


def _record(cli, write, text: str, name: str = "page.txt") -> dict:
    result = cli("add", write(name, text))
    assert result.exit_code == 0, result.output
    return json.loads(cli("export").output.splitlines()[-1])


def test_a_wordpress_meta_line_gives_date_and_author_and_the_title_is_above_it(write, cli):
    text = (
        "Home\nAbout\nBlog - Latest News\n"
        "More Reviews from KLOOK Visitors\n"
        "October 12, 2018 / 0 Comments / in Jeongdong Promotion / by jdadmin\n"
        f"{BODY}\n"
    )
    record = _record(cli, write, text)
    assert record["title"] == "More Reviews from KLOOK Visitors"
    assert record["fields"]["published"] == {
        "value": "2018-10-12",
        "source": "text-line",
        "confidence": 0.7,
    }
    assert record["author"] == "jdadmin"
    assert "0 Comments" not in record["clean_text"]
    removed = json.loads(cli("show", "1", "--removed", "--json").output)["removed"]
    reasons = {r["text"]: r["reason"] for r in removed}
    assert reasons["More Reviews from KLOOK Visitors"] == "title"
    assert reasons["October 12, 2018 / 0 Comments / in Jeongdong Promotion / by jdadmin"] == (
        "date-line"
    )


@pytest.mark.parametrize(
    "noise",
    [
        "Zurück zur Übersicht",
        "Share to linkedin",
        "We've detected you are on Internet Explorer. For the best Barrons.com experience, "
        "please update to a modern browser.",
        "Beauty & Lifestyle",
        "Lesedauer etwa 2 Min",
        "Foto: Christof Stache",
        "Youtube Twitter Facebook",
        "Hinterlasse jetzt einen Kommentar",
    ],
)
def test_a_ui_string_label_or_meta_line_is_never_the_title(write, cli, noise):
    text = f"Palace Tale Returns for Its Autumn Season\nBy Dana Whitfield\n{noise}\n{BODY}\n"
    record = _record(cli, write, text)
    assert record["title"] == "Palace Tale Returns for Its Autumn Season"


@pytest.mark.parametrize(
    ("meta", "author", "published"),
    [
        ("Von Fiona Bornhöft und Mariam Hofbeck", "Fiona Bornhöft; Mariam Hofbeck", None),
        ("Marco Kratzenberg, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit", "Marco Kratzenberg",
         "2017-12-01"),
        ("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Theater", "gnaddrig",
         "2020-01-05"),
        ("Por Rodolfo Costa", "Rodolfo Costa", None),
        ("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM", None, None),
    ],
)  # fmt: skip
def test_meta_lines_in_other_forms_and_languages(write, cli, meta, author, published):
    text = f"Menu\nPalace Tale Returns for Its Autumn Season\n{meta}\n{BODY}\n"
    record = _record(cli, write, text)
    assert record["title"] == "Palace Tale Returns for Its Autumn Season"
    assert record["author"] == author
    assert record["published"] == published
    assert meta not in record["clean_text"]


def test_a_date_opening_the_headline_is_the_date_not_part_of_the_title(write, cli):
    text = f"Menu\n23.01.2022 - Palace Tale Returns for Its Autumn Season\n{BODY}\n"
    record = _record(cli, write, text)
    assert record["title"] == "Palace Tale Returns for Its Autumn Season"
    assert record["published"] == "2022-01-23"


def test_a_breadcrumb_ending_in_the_headline_gives_the_headline(write, cli):
    text = (
        f"Forum > Theatre > Palace Tale Returns for Its Autumn Season\nBy Dana Whitfield\n{BODY}\n"
    )
    assert _record(cli, write, text)["title"] == "Palace Tale Returns for Its Autumn Season"


def test_the_headline_above_a_see_also_list_is_found_and_the_list_goes(write, cli):
    # As on the New York Post: the headline and byline, then a comment form, a gallery and
    # a "see also" list of other articles' headlines, then the article.
    furniture = "\n".join(
        ["View author archive", "Most Popular Today", "Name (required)", "Submit"]
        + ["Enlarge Image", "Shutterstock", "More On:", "theatre"]
        + [f"Teaser headline number {i} about another show in town" for i in range(1, 9)]
        + ["see also", "Another theatre reopens its doors after a long renovation"]
    )
    text = (
        f"Menu\nPalace Tale Returns for Its Autumn Season\nBy Dana Whitfield\n{furniture}\n{BODY}\n"
    )
    record = _record(cli, write, text)
    assert record["title"] == "Palace Tale Returns for Its Autumn Season"
    assert record["author"] == "Dana Whitfield"
    assert "Another theatre reopens" not in record["clean_text"]
    assert record["clean_text"].startswith("Paragraph 1:")
