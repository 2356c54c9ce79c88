"""Dates through the CLI: a copyright year is never a publication date, a site header date is
marked wherever a date is printed, and close dates decide which came first only weakly."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import article_text

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

#: A page as a tagDiv theme prints it: today's date in the site header, above the headline.
HEADER_DATED = (
    "Sunday, March 3, 2024\n\nCouncil Weighs New Harbour Plan\n\nImmigration News\n\n"
    + "\n\n".join(
        f"Paragraph {i} about the harbour: the city council met on Tuesday evening to discuss "
        "the harbour plans, and several residents spoke at length about what the changes would "
        f"mean for their streets, their jobs and the schools nearby in year {2000 + i}."
        for i in range(1, 6)
    )
    + "\n\nThe Harbour Times\n"
)


def _json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def header_dated(write, cli):
    """Two articles sharing their text: #1 with a trusted date, #2 with only a header date."""
    first = write("first.txt", article_text())
    assert cli("add", first, "--published", "2024-03-01", "--outlet", "A Paper").exit_code == 0
    second = write("second.txt", HEADER_DATED)
    return cli("add", "--json", second)


def test_add_marks_a_header_date_on_its_line_and_in_json(header_dated, write, cli):
    added = _json_lines(header_dated.output)[0]
    assert (added["published"], added["published_source"]) == ("2024-03-03", "header-date")
    again = cli("add", write("copy.txt", HEADER_DATED + "\n"))
    assert "2024-03-03 (header date, maybe the day it was scraped)" in again.output
    dated = cli("add", write("dated.txt", article_text("bridge")), "--published", "2024-03-02")
    assert "— 2024-03-02 (5 lines removed" in dated.output
    assert "header date" not in dated.output


def test_list_marks_a_header_date_and_explains_the_mark(header_dated, cli):
    lines = cli("list").output.splitlines()
    assert lines[0].startswith("    2  2024-03-03* ")
    assert lines[1].startswith("    1  2024-03-01  A Paper")
    assert lines[-1] == (
        "* a date from the site's header, often the day the page was scraped rather than when "
        "it was published"
    )
    listed = _json_lines(cli("list", "--json").output)
    assert listed[0]["published_source"] == "header-date"
    assert listed[0]["fields"]["published"]["source"] == "header-date"


def test_list_has_no_footnote_without_a_header_date(write, cli):
    cli("add", write("a.txt", article_text()), "--published", "2024-03-01")
    assert "*" not in cli("list").output


def test_export_carries_the_date_source(header_dated, cli, tmp_path):
    exported = _json_lines(cli("export").output)
    assert [r["published_source"] for r in exported] == ["cli", "header-date"]
    cli("export", "--format", "csv", "-o", tmp_path / "out.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text())))
    assert [r["published_source"] for r in rows] == ["cli", "header-date"]


def test_every_report_format_marks_a_header_date(header_dated, cli):
    text = cli("report").output
    assert "(2024-03-03, header date)" in text
    assert "(header date: a date from the site's header, often the day the page was scraped" in text
    markdown = cli("report", "--format", "markdown").output
    assert "(2024-03-03, header date)" in markdown
    assert "_header date: a date from the site's header" in markdown
    html = cli("report", "--format", "html").output
    assert "(2024-03-03, header date)" in html
    assert "header date: a date from the site&#x27;s header" in html
    data = json.loads(cli("report", "--format", "json").output)
    assert data["articles"]["2"]["published_source"] == "header-date"
    assert data["articles"]["1"]["published_source"] == "cli"
    rows = list(csv.DictReader(io.StringIO(cli("report", "--format", "csv").output)))
    assert [(r["a_published_source"], r["b_published_source"]) for r in rows] == [
        ("cli", "header-date")
    ]


def test_cli_dates_one_day_apart_decide_with_low_confidence(write, cli):
    for outlet, day in (("A Paper", "2024-03-04"), ("B Paper", "2024-03-03")):
        page = write(f"{outlet}.txt", f"{article_text()}\n{outlet} news desk\n")
        result = cli("add", page, "--outlet", outlet, "--published", day)
        assert result.exit_code == 0, result.output
    (pair,) = json.loads(cli("report", "--format", "json").output)["pairs"]
    assert (pair["source"], pair["confidence"]) == (2, "low")
    assert not any("same day" in e or "same time" in e for e in pair["evidence"])
    assert any("one day apart" in e for e in pair["evidence"])


def test_cli_dates_on_the_same_day_do_not_decide(write, cli):
    for outlet in ("A Paper", "B Paper"):
        page = write(f"{outlet}.txt", f"{article_text()}\n{outlet} news desk\n")
        cli("add", page, "--outlet", outlet, "--published", "2024-03-03")
    (pair,) = json.loads(cli("report", "--format", "json").output)["pairs"]
    assert (pair["source"], pair["confidence"]) == (None, "undetermined")
    assert "dates do not decide: they give the same day" in pair["evidence"]


# --- a copyright year is never a publication date --------------------------------------------

PARAGRAPHS = "".join(
    f"<p>Paragraph {i}: the city council met on Tuesday evening to discuss the harbour plans, "
    "and several residents spoke at length about what the changes would mean for them.</p>"
    for i in range(1, 6)
)


@pytest.mark.parametrize(
    "footer",
    [
        "<footer>© 2019 Harbour Media Ltd. All rights reserved.</footer>",
        "<footer>Copyright 2017 The Harbour Times</footer>",
        "<footer><p>Serving the valley since 2015</p></footer>",
    ],
)
def test_a_year_on_an_html_page_is_not_its_publication_date(write, cli, footer):
    page = (
        "<!DOCTYPE html><html><head><title>Harbour plan</title></head><body><article>"
        f"<h1>Harbour plan</h1>{PARAGRAPHS}</article>{footer}</body></html>"
    )
    cli("add", write("page.html", page))
    record = _json_lines(cli("export").output)[0]
    assert record["published"] is None
    assert "published" not in record["fields"]


def test_a_page_that_says_new_years_day_keeps_that_date(write, cli):
    page = (
        "<!DOCTYPE html><html><head><title>Harbour plan</title></head><body><article>"
        f"<h1>Harbour plan</h1><p class=date>January 1, 2018</p>{PARAGRAPHS}</article>"
        "<footer>© 2019 Harbour Media Ltd.</footer></body></html>"
    )
    cli("add", write("page.html", page))
    assert _json_lines(cli("export").output)[0]["published"] == "2018-01-01"


@pytest.mark.parametrize(
    "lines",
    [
        "© 2019 Harbour Media Ltd. All rights reserved.",
        "Copyright 2019-2024 The Harbour Times",
        "2019 © The Harbour Times",
        "(c) 2019, 2020 Harbour Media",
    ],
)
def test_a_copyright_line_in_a_text_dump_gives_no_date(write, cli, lines):
    text = f"{lines}\n\n{article_text()}\n{lines}\n"
    cli("add", write("dump.txt", text))
    record = _json_lines(cli("export").output)[0]
    assert record["published"] is None, record["fields"].get("published")


def test_search_marks_a_header_date(header_dated, cli):
    output = cli("search", "harbour", "--order", "date").output.splitlines()
    assert output[0].startswith("    2  2024-03-03* ")
    assert output[2].startswith("    1  2024-03-01  A Paper: ")
    assert output[-1].startswith("* a date from the site's header")
    hits = _json_lines(cli("search", "harbour", "--json").output)
    assert {h["id"]: h["published_source"] for h in hits} == {1: "cli", 2: "header-date"}
