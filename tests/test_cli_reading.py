"""Reading what is there, through the CLI: text dumps with stray markup stay text dumps, HTML
in which trafilatura finds nothing goes the text path, stray NUL bytes are removed and noted."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from archiver.reading import decode

from .conftest import EVAL, article_text

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

#: A tracking pixel, as scrapers leave it at the top of a page's text (AEB's text dumps do).
PIXEL = '<img height="1" width="1" style="display:none" src="http://b.example.com/p?c1=2">'
AD_SLOT = (
    '<div class="ad-slot"><script>'
    + "googletag.cmd.push(function(){googletag.display('div-gpt-ad');});" * 20
    + '</script><iframe src="https://ads.example.com/x"></iframe></div>\n'
)


def _export(cli) -> list[dict]:
    return [json.loads(line) for line in cli("export").output.splitlines()]


def test_a_text_dump_with_a_line_of_ad_markup_stays_text(write, cli):
    path = write("dump.txt", PIXEL + "\n" + article_text() + "<script>var a = 1;</script>\n")
    result = cli("add", path)
    assert result.exit_code == 0, result.output
    assert "added     #1     Council Weighs New Harbour Plan" in result.output
    shown = cli("show", "1", "--removed").output
    assert "read as          text, utf-8; extracted by archiver-text" in shown
    removed = [line.split(None, 3) for line in shown.split("Removed lines")[1].splitlines()[1:]]
    assert ["1", "markup", "html-markup", PIXEL] in removed
    assert ["21", "markup", "html-markup", "<script>var a = 1;</script>"] in removed
    assert "reading" not in _export(cli)[0]["fields"]


def test_a_show_title_in_angle_brackets_is_not_markup(write, cli):
    text = article_text().replace("Paragraph 2", "<The Palace: Tale of Jang Noksu>\n\nParagraph 2")
    cli("add", write("theatre.txt", text))
    assert "<The Palace: Tale of Jang Noksu>" in _export(cli)[0]["clean_text"]


def test_html_with_no_article_for_trafilatura_goes_the_text_path_and_says_so(write, cli):
    # A page dump full of ad markup: sniffed as HTML (most of it is markup), but its article
    # is lines of plain text that trafilatura does not take for one.
    body = article_text().replace("\n\n", "\n")
    path = write("mixed.txt", AD_SLOT + body + AD_SLOT)
    result = cli("add", "--json", path)
    assert result.exit_code == 0, result.output
    added = json.loads(result.output.splitlines()[-1])
    assert (added["status"], added["title"]) == ("added", "Council Weighs New Harbour Plan")
    record = _export(cli)[0]
    assert record["format"] == "html"
    assert record["extractor"] == "archiver-text"
    assert record["fields"]["reading"] == {
        "value": "HTML extraction found no article text, so the page's visible text was "
        "cleaned as a plain-text page",
        "source": "reading",
        "confidence": 1.0,
    }
    assert "Paragraph 5 about the harbour" in record["clean_text"]
    assert "googletag" not in record["clean_text"]
    assert "HTML extraction found no article text" in cli("show", "1").output
    # Cleaning it again from the original bytes gives the same article, note included.
    assert json.loads(cli("reclean", "--json", "1").output)["status"] == "unchanged"


def test_html_with_nothing_on_either_path_is_still_refused(write, cli):
    path = write("nav.html", "<html><body><nav>Home</nav><p>Subscribe</p></body></html>")
    result = cli("add", path)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"error: {path}: no article text was found in this HTML page; check that it is an "
        "article page, or add its text with --format text"
    )


def test_html_with_stray_nul_bytes_is_read_and_noted(write, cli):
    paragraphs = "".join(
        f"<p>{line}</p>" for line in article_text().split("\n\n")[2:7] if line.strip()
    )
    page = (
        "<!DOCTYPE html><html><head><title>Council Weighs New Harbour Plan</title></head>"
        f"<body><article>{paragraphs}</article>"
        '<div class="ad"><img src="ad.gif">\x00\x00\x00\x00\x00</div></body></html>'
    )
    path = write("page.html", page.encode())
    result = cli("add", path)
    assert result.exit_code == 0, result.output
    shown = cli("show", "1").output
    assert (
        "  reading          removed 5 stray NUL bytes that the file held (not text)  "
        "[reading, 1.00]" in shown
    )
    assert "Paragraph 3 about the harbour" in shown
    # The original bytes are kept as they came, NULs and all.
    assert cli("show", "1", "--raw").stdout_bytes == page.encode()


def test_nul_bytes_that_are_not_stray_still_mean_binary(write, cli):
    path = write("data.txt", b"Hello\x00World\x00" * 50)
    result = cli("add", path)
    assert result.exit_code == 1
    assert "the file looks like binary data (it contains NUL bytes)" in result.output


# --- real pages from ../shared/eval, copied under tmp_path (never into the repository) --------

needs_eval = pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not here")


@needs_eval
def test_every_real_text_dump_is_read_as_text_and_every_real_page_as_html():
    for folder, pattern, expected in (
        (EVAL / "aeb" / "textdump", "*.txt", "text"),
        (EVAL / "trafilatura" / "textdump", "*.txt", "text"),
        (EVAL / "aeb" / "html", "*.html.gz", "html"),
        (EVAL / "trafilatura" / "html", "*.gz", "html"),
    ):
        for path in sorted(folder.glob(pattern)):
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            if not data.strip():
                continue
            assert decode(data, name=str(path)).format == expected, path


@needs_eval
def test_a_real_dump_that_holds_a_tracking_pixel_is_archived_as_text(cli, tmp_path):
    dumps = [
        p
        for p in sorted((EVAL / "aeb" / "textdump").glob("*.txt"))
        if p.read_text(encoding="utf-8").startswith("<img ")
    ]
    assert dumps, "AEB holds text dumps that start with a tracking pixel"
    for dump in dumps:
        shutil.copy(dump, tmp_path / dump.name)
        result = cli("add", "--json", tmp_path / dump.name)
        assert json.loads(result.output.splitlines()[-1])["status"] == "added", result.output
    assert {r["format"] for r in _export(cli)} == {"text"}


@needs_eval
@pytest.mark.parametrize(
    "name", ["html/lostiempos.com-juicio.html.gz", "textdump/lostiempos.com-juicio.txt"]
)
def test_a_real_page_with_stray_nul_bytes_is_archived(cli, tmp_path, name):
    source = EVAL / "trafilatura" / name
    shutil.copy(source, tmp_path / source.name)
    result = cli("add", "--json", tmp_path / source.name)
    assert json.loads(result.output.splitlines()[-1])["status"] == "added", result.output
    record = _export(cli)[0]
    assert record["fields"]["reading"]["value"] == (
        "removed 22 stray NUL bytes that the file held (not text)"
    )
    assert "\x00" not in record["clean_text"]
    assert len(record["clean_text"].split()) > 100
