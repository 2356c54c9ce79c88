"""Inputs of many records: WARC (plain and gzipped), WACZ, JSON lines and JSON arrays.

Every WARC here is written by warcio's own writer, every JSON-lines file by json.dumps: real
files under tmp_path, read by the real CLI.
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import EVAL, SAMPLES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from warc import write_warc

STORIES = {
    "harbour": "The harbour authority approved a new breakwater for the fishing fleet",
    "library": "The central library will open on Sunday afternoons from next month",
    "tram": "Tram drivers voted to accept a pay offer after three weeks of talks",
}


def paragraphs(topic: str, n: int = 5) -> list[str]:
    lead = STORIES[topic]
    return [
        f"{lead}, officials said on Tuesday, in paragraph {i} of a story about the {topic}. "
        f"Residents who spoke at the meeting said the {topic} decision would change their "
        f"streets, their jobs and the schools nearby, and asked for a vote in year {2000 + i}."
        for i in range(1, n + 1)
    ]


def page(topic: str, *, charset_meta: bool = True) -> str:
    """An HTML article page with a menu and a footer around the story, and no outlet name."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs(topic))
    meta = '<meta charset="utf-8">' if charset_meta else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{STORIES[topic]}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{STORIES[topic]}</h1>\n{body}\n</article>"
        "<footer><p>Subscribe to our newsletter</p><p>All rights reserved.</p></footer>"
        "</body></html>"
    )


THREE = [
    ("https://www.harbour-news.example/2024/breakwater", "harbour"),
    ("https://citydesk.example/library-sundays", "library"),
    ("https://tram.gazette.example/pay-deal", "tram"),
]


def three_pages() -> list[tuple[str, bytes, str]]:
    return [(url, page(t).encode(), "text/html; charset=utf-8") for url, t in THREE]


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def show(cli, article_id: int) -> dict:
    return json.loads(cli("show", "--json", article_id).output)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_warc_gives_one_article_per_html_response(tmp_path, cli, name):
    warc = write_warc(tmp_path / name, three_pages(), gzipped=name.endswith(".gz"))
    result = cli("add", "--json", warc)
    assert result.exit_code == 0, result.output
    lines = json_lines(result.output)
    assert [line["status"] for line in lines] == ["added"] * 3
    # Hosts become outlets, as with --url; each result names its record.
    assert [line["outlet"] for line in lines] == [
        "harbour-news.example",
        "citydesk.example",
        "tram.gazette.example",
    ]
    assert all(line["record"].startswith(f"{warc}#") for line in lines)
    assert all(line["path"] == str(warc) for line in lines)
    for line, (url, topic) in zip(lines, THREE, strict=True):
        article = show(cli, line["id"])
        assert article["url"] == url
        assert article["fields"]["url"]["source"] == "warc-header"
        assert article["title"] == STORIES[topic]
        assert "Subscribe to our newsletter" not in article["clean_text"]
        assert paragraphs(topic)[0] in article["clean_text"]
        # WARC-Date is when the page was captured, never its publication date.
        assert article["fields"]["captured"]["source"] == "warc-header"
        assert article["published"] is None
        assert "WARC record <urn:uuid:" in article["fields"]["record"]["value"]
    # The requests, the metadata and the warcinfo record are skipped and counted.
    plain = cli("add", warc)
    assert "skipped 7 records that hold no HTML or text page" in plain.stderr


def test_a_warc_is_recognised_by_content_whatever_its_name(tmp_path, cli):
    warc = write_warc(tmp_path / "crawl.dat", three_pages(), gzipped=True)
    result = cli("add", "--json", warc)
    assert [line["status"] for line in json_lines(result.output)] == ["added"] * 3


def test_readding_a_warc_adds_nothing(tmp_path, cli):
    warc = write_warc(tmp_path / "crawl.warc.gz", three_pages(), gzipped=True)
    first = json_lines(cli("add", "--json", warc).output)
    again = cli("add", "--json", warc)
    assert again.exit_code == 0
    lines = json_lines(again.output)
    assert [line["status"] for line in lines] == ["duplicate"] * 3
    assert [line["id"] for line in lines] == [line["id"] for line in first]
    summary = cli("add", warc).stderr
    assert "0 added, 3 already archived, 0 failed." in summary


def test_non_html_payloads_are_skipped_and_a_text_payload_kept(tmp_path, cli):
    text = "\n\n".join([STORIES["tram"], *paragraphs("tram")]).encode()
    pages = [
        ("https://img.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        ("https://tram.example/story.txt", text, "text/plain; charset=utf-8"),
        ("https://feeds.example/data.json", b'{"a": 1}', "application/json"),
    ]
    warc = write_warc(tmp_path / "mixed.warc.gz", pages, gzipped=True)
    result = cli("add", "--json", warc)
    assert result.exit_code == 0, result.stderr
    (line,) = json_lines(result.output)
    assert line["status"] == "added" and line["outlet"] == "tram.example"
    assert "skipped 9 records" in result.stderr  # warcinfo, 3 requests, 3 metadata, 2 payloads


def test_the_http_charset_reads_the_page(tmp_path, cli):
    """A KOI8-R page that declares nothing: the HTTP header's charset reads it."""
    russian = (
        "Городской совет утвердил новый план строительства набережной в центре города. "
        "Жители, выступившие на собрании, сказали, что решение изменит их улицы и школы."
    )
    html = (
        "<html><head><title>Совет утвердил план</title></head><body><article>"
        + "".join(f"<p>{russian} Абзац {i}.</p>" for i in range(6))
        + "</article></body></html>"
    )
    pages = [("https://gorod.example/plan", html.encode("koi8-r"), "text/html; charset=KOI8-R")]
    warc = write_warc(tmp_path / "ru.warc.gz", pages, gzipped=True)
    (line,) = json_lines(cli("add", "--json", warc).output)
    article = show(cli, line["id"])
    assert article["encoding"] == "koi8-r"
    assert russian in article["clean_text"]
    assert article["fields"]["charset"] == {
        "value": "KOI8-R",
        "source": "http-header",
        "confidence": 1.0,
    }


def test_size_limits_apply_per_record_not_to_the_container(tmp_path, cli):
    """A WARC larger than --max-size is read; only the record over the limit is refused."""
    big = page("harbour").replace("</article>", "<!--" + "x" * 1_100_000 + "--></article>")
    pages = three_pages()
    pages[0] = (pages[0][0], big.encode(), "text/html")
    warc = write_warc(tmp_path / "big.warc", pages, gzipped=False)
    assert warc.stat().st_size > 1_000_000
    result = cli("add", "--json", "--max-size", "1", warc)
    assert result.exit_code == 1
    lines = json_lines(result.output)
    assert [line["status"] for line in lines] == ["error", "added", "added"]
    assert lines[0]["error"] == (
        f"{lines[0]['record']}: the record is larger than 1 MB; raise --max-size to add it"
    )
    assert "Traceback" not in result.stderr


def test_a_damaged_warc_keeps_the_records_before_the_damage(tmp_path, cli):
    warc = write_warc(tmp_path / "cut.warc", three_pages(), gzipped=False)
    data = warc.read_bytes()
    cut = data.index(b"WARC/1", data.index(b"tram.gazette.example")) - 1
    warc.write_bytes(data[:cut] + b"WARC/1.0\r\nGarbage-Header\r\n\r\nnot a record")
    result = cli("add", "--json", warc)
    assert result.exit_code == 1
    statuses = [line["status"] for line in json_lines(result.output)]
    assert statuses[:2] == ["added", "added"] and statuses[-1] == "error"
    assert "Traceback" not in result.stderr
    assert "the WARC file is damaged after" in result.stderr


def test_a_wacz_gives_the_pages_of_the_warcs_inside(tmp_path, cli):
    warc = write_warc(tmp_path / "data.warc.gz", three_pages(), gzipped=True)
    wacz = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(wacz, "w") as z:
        z.write(warc, "archive/data.warc.gz")
        z.writestr("datapackage.json", json.dumps({"profile": "data-package", "resources": []}))
        z.writestr("indexes/index.cdx", "")
    result = cli("add", "--json", wacz)
    assert result.exit_code == 0, result.stderr
    lines = json_lines(result.output)
    assert [line["outlet"] for line in lines] == [
        "harbour-news.example",
        "citydesk.example",
        "tram.gazette.example",
    ]
    assert all(line["record"].startswith(f"{wacz}#archive/data.warc.gz#") for line in lines)


# ---------------------------------------------------------------------------------------------
# JSON lines
# ---------------------------------------------------------------------------------------------

NEWS_PLEASE = {
    "authors": ["Dana Whitfield", "Owen Pritchard"],
    "date_download": "2024-05-20 11:02:13",
    "date_publish": "2024-05-14 09:30:00",
    "description": "The library will open on Sundays.",
    "language": "en",
    "maintext": "\n".join(paragraphs("library")),
    "source_domain": "citydesk.example",
    "title": "Library to open on Sunday afternoons",
    "url": "https://citydesk.example/library-sundays",
}
TRAFILATURA = {
    "title": "Tram drivers accept pay offer",
    "author": "Sam Okafor",
    "hostname": "tram.gazette.example",
    "date": "2024-05-18",
    "sitename": "The Tram Gazette",
    "source": "https://tram.gazette.example/pay-deal",
    "source-hostname": "The Tram Gazette",
    "text": "\n".join(paragraphs("tram")),
    "language": "en",
}


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_news_please_and_trafilatura_records_keep_their_metadata(tmp_path, cli):
    jsonl = write_jsonl(tmp_path / "scraped.jsonl", [NEWS_PLEASE, TRAFILATURA])
    result = cli("add", "--json", jsonl)
    assert result.exit_code == 0, result.stderr
    first, second = json_lines(result.output)
    assert (first["record"], second["record"]) == (f"{jsonl}:1", f"{jsonl}:2")
    a, b = show(cli, first["id"]), show(cli, second["id"])
    assert (a["title"], a["author"], a["published"]) == (
        "Library to open on Sunday afternoons",
        "Dana Whitfield, Owen Pritchard",
        "2024-05-14T09:30:00",
    )
    assert (a["url"], a["outlet"], a["language"]) == (NEWS_PLEASE["url"], "citydesk.example", "en")
    assert (b["title"], b["author"], b["published"]) == (
        "Tram drivers accept pay offer",
        "Sam Okafor",
        "2024-05-18",
    )
    assert (b["url"], b["outlet"]) == (TRAFILATURA["source"], "The Tram Gazette")
    for article in (a, b):
        for name in ("title", "author", "published", "url", "outlet"):
            assert article["fields"][name]["source"] == "json-field"
        assert article["published_source"] == "json-field"
    assert a["clean_text"].split("\n\n") == paragraphs("library")


def test_a_text_record_still_goes_through_the_cleaner(tmp_path, cli):
    text = "\n".join([*paragraphs("harbour"), "- Advertisement -", "Leave a Reply"])
    jsonl = write_jsonl(tmp_path / "a.jsonl", [{"url": "https://h.example/a", "text": text}])
    (line,) = json_lines(cli("add", "--json", jsonl).output)
    assert line["removed_lines"] == 2
    removed = cli("show", "--removed", line["id"]).output
    assert "Advertisement" in removed and "ad-marker" in removed


def test_url_html_records_are_extracted_from_their_html(tmp_path, cli):
    records = [{"url": url, "html": page(topic)} for url, topic in THREE]
    jsonl = write_jsonl(tmp_path / "pages.jsonl", records)
    result = cli("add", "--json", jsonl)
    lines = json_lines(result.output)
    assert [line["status"] for line in lines] == ["added"] * 3
    for line, (url, topic) in zip(lines, THREE, strict=True):
        article = show(cli, line["id"])
        assert article["format"] == "html"
        assert article["url"] == url and article["title"] == STORIES[topic]
        assert "<p>" not in article["clean_text"] and "\\n" not in article["clean_text"]
        assert "Subscribe to our newsletter" not in article["clean_text"]
        assert paragraphs(topic)[-1] in article["clean_text"]


def test_a_json_array_gives_one_article_per_element(tmp_path, cli):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([NEWS_PLEASE, TRAFILATURA], indent=2), encoding="utf-8")
    lines = json_lines(cli("add", "--json", path).output)
    assert [line["title"] for line in lines] == [NEWS_PLEASE["title"], TRAFILATURA["title"]]
    assert lines[1]["record"] == f"{path}[2]"


def test_gzipped_json_lines_are_read(tmp_path, cli):
    path = tmp_path / "scraped.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(NEWS_PLEASE) + "\n").encode()))
    (line,) = json_lines(cli("add", "--json", path).output)
    assert line["status"] == "added" and line["title"] == NEWS_PLEASE["title"]


def test_readding_json_lines_adds_nothing(tmp_path, cli):
    jsonl = write_jsonl(tmp_path / "scraped.jsonl", [NEWS_PLEASE, TRAFILATURA])
    cli("add", jsonl)
    again = cli("add", "--json", jsonl)
    assert [line["status"] for line in json_lines(again.output)] == ["duplicate"] * 2
    assert again.exit_code == 0


def test_a_bad_record_is_reported_and_the_rest_goes_on(tmp_path, cli):
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        json.dumps(NEWS_PLEASE) + "\n{not json\n" + '{"id": 7}\n' + json.dumps(TRAFILATURA) + "\n",
        encoding="utf-8",
    )
    result = cli("add", jsonl)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {jsonl}:2: the line is not valid JSON (Expecting property name enclosed in "
        "double quotes at line 1, column 2); fix or remove the line",
        f"error: {jsonl}:3: the JSON record holds no article (no text, maintext or html field); "
        "give each record its article's text or HTML",
    ]
    assert "2 added, 0 already archived, 2 failed." in result.stderr


def test_json_that_holds_no_article_is_refused_not_stored(tmp_path, cli, db_path):
    path = tmp_path / "config.json"
    path.write_text('{"name": "my-scraper", "version": 3}\n', encoding="utf-8")
    result = cli("add", path)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[1:] == [
        f"error: {path}:1: the JSON record holds no article (no text, maintext or html field); "
        "give each record its article's text or HTML"
    ]
    assert cli("list", "--json").output.strip() in ("", "[]")


def test_quiet_prints_failures_and_the_summary_only(tmp_path, cli):
    jsonl = write_jsonl(tmp_path / "scraped.jsonl", [NEWS_PLEASE, TRAFILATURA, {"x": 1}])
    result = cli("add", "--quiet", jsonl)
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "2 added, 0 already archived, 1 failed."


def test_reclean_keeps_what_the_record_said(tmp_path, cli):
    warc = write_warc(tmp_path / "crawl.warc.gz", three_pages(), gzipped=True)
    json_lines(cli("add", "--json", warc).output)
    jsonl = write_jsonl(tmp_path / "scraped.jsonl", [TRAFILATURA])
    (line,) = json_lines(cli("add", "--json", jsonl).output)
    before = [show(cli, i) for i in (1, line["id"])]
    assert cli("reclean", "--all").exit_code == 0
    after = [show(cli, i) for i in (1, line["id"])]
    for old, new in zip(before, after, strict=True):
        assert new["fields"] == old["fields"]


# ---------------------------------------------------------------------------------------------
# The 181 AEB pages packed into one WARC read as the same pages added one by one.
# ---------------------------------------------------------------------------------------------

AEB_HTML = EVAL / "aeb" / "html"


@pytest.mark.skipif(not AEB_HTML.is_dir(), reason="../shared/eval/aeb is absent")
def test_aeb_pages_in_a_warc_give_the_same_clean_texts_as_the_files(tmp_path, cli):
    files = sorted(AEB_HTML.glob("*.html.gz"))
    assert len(files) == 181
    # Each page under the address it was saved from (what a crawler's WARC says).
    gold = json.loads((EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (gold[f.name.removesuffix(".html.gz")]["url"], gzip.decompress(f.read_bytes()))
        for f in files
    ]
    warc = write_warc(
        tmp_path / "aeb.warc.gz", [(u, b, "text/html") for u, b in pages], gzipped=True
    )
    by_file = json_lines(cli("add", "--db", tmp_path / "files.db", "--json", *files).output)
    by_record = json_lines(cli("add", "--db", tmp_path / "warc.db", "--json", warc).output)
    assert len(by_record) == len(by_file) == 181
    assert [r["status"] for r in by_record] == [r["status"] for r in by_file]
    differ = []
    for file_line, record_line in zip(by_file, by_record, strict=True):
        if file_line["id"] is None:
            continue
        a = json.loads(cli("show", "--db", tmp_path / "files.db", "--json", file_line["id"]).output)
        b = json.loads(
            cli("show", "--db", tmp_path / "warc.db", "--json", record_line["id"]).output
        )
        if a["clean_text"] != b["clean_text"]:
            differ.append(file_line["path"])
    assert differ == []


# ---------------------------------------------------------------------------------------------
# The samples: samples/README.md and the README's session say what they give.
# ---------------------------------------------------------------------------------------------


def test_the_sample_warc_is_what_its_script_writes(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "crawl.warc.gz"
    script = SAMPLES.parent / "bench" / "sample_warc.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    written = gzip.decompress(out.read_bytes())
    assert written == gzip.decompress((SAMPLES / "19-crawl.warc.gz").read_bytes())


def test_the_sample_warc_and_json_lines_give_five_articles(cli):
    result = cli("add", "--json", SAMPLES / "19-crawl.warc.gz", SAMPLES / "20-scraped.jsonl")
    assert result.exit_code == 0, result.stderr
    lines = json_lines(result.stdout)
    assert [(line["record"].rsplit("/", 1)[-1], line["outlet"]) for line in lines] == [
        ("19-crawl.warc.gz#625", "The National Ledger"),
        ("19-crawl.warc.gz#5496", "Harborton Notes"),
        ("19-crawl.warc.gz#9541", "El Faro Costero"),
        ("20-scraped.jsonl:1", "riversidecourier.example"),
        ("20-scraped.jsonl:2", "Harborton Notes"),
    ]
    assert "skipped 9 records that hold no HTML or text page" in result.stderr
    courier = show(cli, lines[3]["id"])
    assert (courier["author"], courier["published"]) == ("Marisol Gant", "2024-05-20T18:05:00")
    # The same pages as files are the same originals: already archived.
    again = json_lines(
        cli(
            "add",
            "--json",
            SAMPLES / "02-ledger-port-strike.html",
            SAMPLES / "07-harbortonnotes-hospital-parking.html",
            SAMPLES / "14-faro-fiesta-sardina.html",
        ).stdout
    )
    assert [(line["status"], line["id"]) for line in again] == [
        ("duplicate", lines[0]["id"]),
        ("duplicate", lines[1]["id"]),
        ("duplicate", lines[2]["id"]),
    ]


def test_one_pretty_printed_json_object_is_one_record(tmp_path, cli):
    path = tmp_path / "article.json"
    path.write_text(json.dumps(TRAFILATURA, indent=2), encoding="utf-8")
    result = cli("add", "--json", path)
    assert result.exit_code == 0, result.stderr
    (line,) = json_lines(result.stdout)
    assert line["title"] == TRAFILATURA["title"] and line["record"] == f"{path}:1"


def test_broken_json_is_one_sentence(tmp_path, cli):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "Cut short",\n  "text": "The council', encoding="utf-8")
    result = cli("add", path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        f"error: {path}: the file looks like JSON but is not valid JSON ("
    )
    assert "Traceback" not in result.stderr


def test_a_warc_on_a_terminal_counts_its_records(tmp_path, db_path):
    from .conftest import run_on_terminal

    pages = [
        (f"https://site{i}.example/story", page(topic).encode(), "text/html")
        for i, topic in enumerate(["harbour", "library", "tram"] * 4)
    ]
    # Twelve pages, each once: the same page at another address is the same original.
    pages = [(url, body + f"<!-- {url} -->".encode(), kind) for url, body, kind in pages]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages, gzipped=True)
    status, stdout, terminal = run_on_terminal(
        "add", "--quiet", str(warc), env={"ARCHIVER_DB": str(db_path)}
    )
    assert status == 0
    assert stdout == ""
    assert b"Archiving" in terminal and b"10 articles" in terminal and b"/s" in terminal
    assert b"12 added, 0 already archived, 0 failed." in terminal


def test_newspaper4k_records_keep_their_metadata(tmp_path, cli):
    record = {
        "url": "https://citydesk.example/library-sundays",
        "title": "Library to open on Sunday afternoons",
        "authors": ["Dana Whitfield"],
        "publish_date": "2024-05-14T09:30:00+01:00",
        "text": "\n\n".join(paragraphs("library")),
        "meta_lang": "en",
        "top_image": "https://citydesk.example/library.jpg",
        "keywords": ["library"],
    }
    (line,) = json_lines(cli("add", "--json", write_jsonl(tmp_path / "n4k.jsonl", [record])).output)
    article = show(cli, line["id"])
    assert (article["title"], article["author"], article["published"]) == (
        "Library to open on Sunday afternoons",
        "Dana Whitfield",
        "2024-05-14T09:30:00+01:00",
    )
    assert article["outlet"] == "citydesk.example" and article["language"] == "en"


def test_a_warc_on_standard_input(tmp_path, cli):
    warc = write_warc(tmp_path / "crawl.warc.gz", three_pages(), gzipped=True)
    result = cli("add", "--json", "-", input=warc.read_bytes())
    lines = json_lines(result.stdout)
    assert [line["record"].split("#")[0] for line in lines] == ["-"] * 3
    assert [line["status"] for line in lines] == ["added"] * 3
