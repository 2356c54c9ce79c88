"""Text from scraped pages is data wherever it is written: a title that is a spreadsheet formula
stays text in CSV, markup in a title or an outlet's name stays text in the Markdown report."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from .conftest import SAMPLES

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

FORMULA = '=HYPERLINK("http://x","y")'
IMG = "<img src=x onerror=alert(1)> Wind farm approved"
SCRIPT_OUTLET = "<script>alert(1)</script> | Daily *News*"
#: What OWASP says a spreadsheet may take for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _page(title: str, site: str, day: int) -> str:
    """A saved HTML page around the body of the samples' wind-farm story (so that two pages
    built from it make a verified reuse pair)."""
    sample = (SAMPLES / "11-ledger-wind-farm.html").read_text(encoding="utf-8")
    body = re.search(
        r'<div class="story-body">(.*?)</div>\s*<div class="author-bio">', sample, re.S
    ).group(1)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title, quote=False)}</title>\n"
        f'<meta property="og:site_name" content="{html.escape(site)}">\n'
        f'<meta property="article:published_time" content="2024-05-{day:02d}T09:00:00+00:00">\n'
        f"</head><body><article><h1>{html.escape(title, quote=False)}</h1>{body}</article>"
        "</body></html>\n"
    )


@pytest.fixture
def hostile(cli, write):
    """Two real pages: one titled with a formula, its copy titled with an <img onerror> under
    an outlet whose name is a <script>."""
    first = write("gazette.html", _page(FORMULA, "The Formula Gazette", 10))
    second = write("daily.html", _page(IMG, SCRIPT_OUTLET, 13))
    result = cli("add", first, second)
    assert result.exit_code == 0, result.output
    assert "shares passages with #1" in result.output


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_export_csv_keeps_a_formula_title_as_text(hostile, cli, tmp_path):
    out = tmp_path / "articles.csv"
    assert cli("export", "--format", "csv", "-o", out).exit_code == 0
    written = out.read_text(encoding="utf-8")
    rows = _rows(written)
    assert rows[0]["title"] == "'" + FORMULA
    assert rows[0]["clean_text"].startswith("'" + FORMULA)
    assert rows[0]["id"] == "1"
    assert rows[1]["title"] == IMG  # nothing a spreadsheet runs: left as it is
    assert not [c for c in _cells(written) if c.startswith(FORMULA_STARTS)]
    # JSON lines are data for programs: the text stays exactly as it came.
    jsonl = cli("export").output
    assert '"title": "=HYPERLINK(\\"http://x\\",\\"y\\")"' in jsonl


def test_report_csv_keeps_a_formula_title_as_text_and_numbers_as_numbers(hostile, cli):
    result = cli("report", "--format", "csv")
    assert result.exit_code == 0
    (row,) = _rows(result.output)
    assert row["a_title"] == "'" + FORMULA
    assert row["b_outlet"] == SCRIPT_OUTLET
    assert (row["a"], row["b"], row["source"]) == ("1", "2", "1")
    assert row["shared_words"].isdigit()
    assert float(row["coverage_a"]) > 0.9
    assert not [c for c in _cells(result.output) if c.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-5 degrees in Harborton", "'-5 degrees in Harborton"),
        ("@channel", "'@channel"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Regulator approves wind farm", "Regulator approves wind farm"),
        ("", ""),
        (None, None),
        # Numbers the archive makes itself stay numbers, negative or not.
        (-3, -3),
        (-0.25, -0.25),
        (317, 317),
    ],
)
def test_csv_cells_from_pages_never_start_a_formula(value, cell):
    from archiver.spreadsheet import csv_cell

    assert csv_cell(value) == cell


def test_markdown_report_shows_markup_from_pages_as_text(hostile, cli):
    result = cli("report", "--format", "markdown")
    assert result.exit_code == 0
    out = result.output
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| Daily \\*News\\*" in out
    # Every row of a table has as many cells as its header: nothing from a page splits one.
    for table in re.findall(r"(?:^\|.*\|$\n?)+", out, re.M):
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in table.strip().splitlines()}
        assert len(widths) == 1, table


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ("A | B", "A \\| B"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("*bold* _it_ `code` ~~x~~", "\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~"),
        ("AT&amp;T", "AT&amp;amp;T"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two lines"),
        ("The National Ledger", "The National Ledger"),
    ],
)
def test_markdown_cells_escape_markup(value, cell):
    from archiver.render import markdown_cell

    assert markdown_cell(value) == cell


def test_html_report_shows_markup_from_pages_as_text(hostile, cli):
    result = cli("report", "--format", "html")
    assert result.exit_code == 0
    assert "<script>alert" not in result.output and "<img src=x" not in result.output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.output
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.output
