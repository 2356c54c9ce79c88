"""The report in every format, on the samples archived through the real CLI: complete (every
pair names both of its articles), counted in right English, and saying where it came from."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape

import pytest
from click.testing import CliRunner

from archiver.cli import main

from .conftest import SAMPLES

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The samples archived once through the CLI; returns (db path, report as JSON)."""
    db = tmp_path_factory.mktemp("formats") / "samples.db"
    runner = CliRunner()
    added = runner.invoke(main, ["--db", str(db), "add", str(SAMPLES)])
    assert added.exit_code == 0, added.output
    report = runner.invoke(main, ["--db", str(db), "report", "--format", "json"])
    assert report.exit_code == 0, report.output
    return db, json.loads(report.output)


def _report(db, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), "report", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _label(data: dict, article_id: int) -> str:
    return f"#{article_id} {data['articles'][str(article_id)]['outlet']}"


def test_the_samples_have_pairs_with_and_without_a_source(samples):
    _, data = samples
    assert any(p["source"] is None for p in data["pairs"])
    assert any(p["source"] is not None for p in data["pairs"])


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_every_pair_names_both_articles_in_its_row(samples, fmt):
    """Each pair's line names both articles with their outlets, whether or not its source is
    known (the Markdown report once gave only the id of the first article of an undetermined
    pair, without its outlet)."""
    db, data = samples
    lines = _report(db, "--format", fmt).splitlines()
    for p in data["pairs"]:
        a, b = _label(data, p["a"]), _label(data, p["b"])
        words = f"{p['shared_words']} "
        assert any(a in line and b in line and words in line for line in lines), (fmt, a, b)


def test_every_pair_names_both_articles_in_html(samples):
    db, data = samples
    page = _report(db, "--format", "html")
    blocks = page.split("<div class=pair>")[1:]
    assert len(blocks) == len(data["pairs"])
    for p, block in zip(data["pairs"], blocks, strict=True):
        assert escape(_label(data, p["a"])) in block and escape(_label(data, p["b"])) in block


def test_every_pair_names_both_articles_in_csv(samples):
    db, data = samples
    rows = list(csv.DictReader(io.StringIO(_report(db, "--format", "csv"))))
    assert [(int(r["a"]), int(r["b"])) for r in rows] == [(p["a"], p["b"]) for p in data["pairs"]]
    for r in rows:
        assert r["a_outlet"] == data["articles"][r["a"]]["outlet"]
        assert r["b_outlet"] == data["articles"][r["b"]]["outlet"]


def test_every_pair_names_both_articles_in_json(samples):
    _, data = samples
    for p in data["pairs"]:
        assert str(p["a"]) in data["articles"] and str(p["b"]) in data["articles"]
        assert p["a"] != p["b"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_counts_are_in_right_english(samples, fmt):
    db, data = samples
    assert len(data["clusters"]) == 1
    out = _report(db, "--format", fmt)
    assert "1 cluster," in out and "1 clusters" not in out
    assert f"{len(data['pairs'])} pairs" in out
    one = _report(db, "--format", fmt, "--outlet", "Liberty Signal Daily")
    assert "1 pair," in one and "1 pairs" not in one and "0 clusters" in one


def _run(db, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--json"),
        ("search", "harborton", "--json"),
        ("trace", "--id", "11", "--json"),
        ("show", "12", "--json"),
        ("stats", "--json"),
        ("export",),
    ],
)
def test_every_json_output_is_one_object_a_line(samples, args):
    """Scripts read every ``--json`` output the same way: one JSON object per line (streams
    one per article or result; ``show``, ``stats`` and ``trace`` one line in all)."""
    db, _ = samples
    lines = _run(db, *args).splitlines()
    assert lines
    for line in lines:
        assert isinstance(json.loads(line), dict), line[:80]
    if args[0] in ("show", "stats", "trace"):
        assert len(lines) == 1


def test_add_json_is_one_object_a_line(tmp_path):
    db = tmp_path / "one.db"
    out = _run(db, "add", "--json", str(SAMPLES / "11-ledger-wind-farm.html"))
    out += _run(db, "add", "--json", str(SAMPLES / "11-ledger-wind-farm.html"))
    statuses = [json.loads(line)["status"] for line in out.splitlines()]
    assert statuses == ["added", "duplicate"]


def test_search_json_gives_a_rank_and_a_relevance_besides_the_raw_score(samples):
    db, _ = samples
    hits = [json.loads(line) for line in _run(db, "search", "harborton", "--json").splitlines()]
    assert len(hits) >= 3
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert hits[0]["relevance"] == 1.0
    relevances = [h["relevance"] for h in hits]
    assert relevances == sorted(relevances, reverse=True) and all(0 < r <= 1 for r in relevances)
    assert all("score" in h for h in hits)  # the raw BM25 is kept for scripts that read it
    by_date = [
        json.loads(x)
        for x in _run(db, "search", "harborton", "--json", "--order", "date").splitlines()
    ]
    assert [h["rank"] for h in by_date] == list(range(1, len(hits) + 1))
    assert {h["id"]: h["relevance"] for h in by_date} == {h["id"]: h["relevance"] for h in hits}


def test_every_report_says_where_it_came_from(samples):
    """A report handed on names its archive, when it was made, by which archiver, and with
    which filters and settings, so that it can be made again."""
    from archiver import __version__

    db, _ = samples
    data = json.loads(_report(db, "--format", "json", "--since", "2024-05-10"))
    meta = data["meta"]
    assert meta["archive"] == str(db)
    assert meta["archiver_version"] == __version__
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta["generated_at"])
    assert meta["filters"] == {
        "outlet": None,
        "since": "2024-05-10",
        "until": None,
        "min_words": None,
    }
    assert meta["reuse_settings"]["min_words"] == 25 and meta["reuse_settings"]["shingle"] == 5
    chars = meta["reuse_settings_characters"]
    assert (chars["unit"], chars["min_words"], chars["shingle"]) == ("char", 50, 10)
    assert meta["command"] == f"archiver --db {db} report --since 2024-05-10"
    for fmt in ("text", "markdown", "html"):
        out = _report(db, "--format", fmt, "--since", "2024-05-10")
        tail = out[-1500:]
        assert str(db) in tail and f"archiver {__version__}" in tail, fmt
        assert meta["generated_at"][:10] in tail and "since 2024-05-10" in tail, fmt
        assert "25 words or more" in tail, fmt
    # The command in the meta makes the same report again.
    again = json.loads(_report(db, *meta["command"].split()[4:], "--format", "json"))
    assert [(p["a"], p["b"]) for p in again["pairs"]] == [(p["a"], p["b"]) for p in data["pairs"]]


def test_a_report_never_shows_the_archive_password():
    from archiver.report import report_meta, shown_location

    url = "postgresql://editor:s3cret@db.example.org:5432/news"
    assert shown_location(url) == "postgresql://editor:***@db.example.org:5432/news"
    meta = report_meta(url, outlet="The National Ledger")
    assert "s3cret" not in json.dumps(meta)
    assert meta["command"] == (
        "archiver --db 'postgresql://editor:***@db.example.org:5432/news' report "
        "--outlet 'The National Ledger'"
    )
    assert shown_location("archive.db").endswith("/archive.db")


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_report_explains_its_words_and_its_evidence_in_sentences(samples, fmt):
    db, _ = samples
    out = _report(db, "--format", fmt)
    assert "How to read this report" in out
    for term in ("high", "medium", "low", "undetermined", "credited", "original share", "dates"):
        assert re.search(rf"(\*\*|<dt>){term}(\*\*|</dt>)", out), term
    # The evidence in sentences, not the names and weights of the rules inside.
    for internal in ("[text-line", "[header-date", "[json-ld", "0.2]", "wire-dateline"):
        assert internal not in out, internal
    assert "12 May 2024, 16:40 (in the page&#x27;s structured data)" in out.replace("'", "&#x27;")
    assert "14 May 2024 (a date in the site" in out and "likely the day the page was scraped" in out


@pytest.mark.parametrize("filters", [[], ["--outlet", "no such outlet"], ["--min-words", "60"]])
def test_the_json_report_written_piece_by_piece_is_the_whole_report_dumped(samples, filters):
    """``report --format json`` writes articles and pairs one at a time (bounded memory); the
    text is the one ``json.dumps`` makes of the whole report, empty sections included."""
    from archiver.archive import Archive
    from archiver.render import as_json
    from archiver.report import build_report

    db, _ = samples
    options = {"--outlet": "outlet", "--min-words": "min_words"}
    given = {
        options[k]: (int(v) if v.isdigit() else v)
        for k, v in zip(filters[::2], filters[1::2], strict=True)
    }
    with Archive.open(str(db)) as archive:
        report = build_report(archive, **given)
    assert as_json(report) == json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    written = json.loads(_report(db, "--format", "json", *filters))
    assert written["pairs"] == report.to_json()["pairs"]
    with Archive.open(str(db)) as archive:
        listed = [a.id for a in build_report(archive, **given).listing()]
    assert (
        list(written["articles"])
        == [str(i) for i in listed]
        == sorted(written["articles"], key=int)
    )
    # Only the articles in a pair are held in memory; the others are read as they are written.
    assert set(report.articles) == {i for p in report.pairs for i in (p.a, p.b)} <= set(listed)
    if filters[:1] == ["--outlet"]:
        assert written["pairs"] == [] and written["clusters"] == []
    else:
        assert written["pairs"] and written["articles"]


def test_json_pairs_keep_the_evidence_and_add_it_in_sentences(samples):
    _, data = samples
    for p in data["pairs"]:
        assert len(p["reasons"]) == len(p["evidence"]) > 0
        assert all(r.endswith(".") and "[" not in r for r in p["reasons"])
    signal = next(p for p in data["pairs"] if p["b"] == 12)
    assert any("[header-date, 0.2]" in e for e in signal["evidence"])
    assert (
        "The dates do not decide: #12 Liberty Signal Daily has only 14 May 2024 (a date in the "
        "site's header, likely the day the page was scraped)." in signal["reasons"]
    )
    assert data["clusters"][0]["reasons"]


def test_explain_words_the_kinds_of_evidence():
    from archiver.provenance import explain

    assert explain("#1 (A) was archived first (ingest order)") == (
        "#1 A was archived first (the order in which they were added to the archive)."
    )
    assert explain("#3 (C) date 2024-05-14 [header-date, 0.2] is too uncertain to decide") == (
        "The date of #3 C, 14 May 2024 (a date in the site's header, likely the day the page "
        "was scraped), is too uncertain to decide."
    )
    assert explain("#5 (E) credits #4 (D): according-to 'according to D'") == (
        "#5 E credits #4 D, with an 'according to' credit: “according to D”."
    )


def _sides(page: str) -> list[str]:
    """The text of each side of each pair in the HTML report, tags removed, entities read."""
    from html import unescape

    sides = []
    for block in page.split("<div class=side>")[1:]:
        body = block.split("</div>", 1)[1].split("</div>", 1)[0]
        sides.append(unescape(re.sub(r"<[^>]+>", "", body)))
    return sides


def test_html_marks_the_words_an_edited_copy_changed(samples):
    """The grain-outlook copy (#10) changed "14" to "15" percent and "Farmers" to "Growers":
    those words are shown as changed, not highlighted like the words both share."""
    db, _ = samples
    page = _report(db, "--format", "html")
    assert "<del class=changed>14</del>" in page and "<ins class=changed>15</ins>" in page
    assert "<del class=changed>Farmers</del>" in page
    assert "<ins class=changed>Growers</ins>" in page
    assert "<mark>14</mark>" not in page and "<mark>Growers" not in page
    # A verbatim copy has nothing marked as changed: the republished wind-farm story.
    wind = page.split("<div class=pair>")[7]
    assert "#11 The National Ledger" in wind and "class=changed" not in wind


def test_html_excerpts_are_cut_between_words(samples):
    import sqlite3

    db, _ = samples
    texts = [t for (t,) in sqlite3.connect(db).execute("SELECT clean_text FROM articles")]
    sides = _sides(_report(db, "--format", "html"))
    assert sides
    cut = 0
    for side in sides:
        for piece in (p.strip() for p in side.split("…")):
            if not piece:
                continue
            where = next((t, t.find(piece)) for t in texts if piece in t)
            text, at = where
            end = at + len(piece)
            assert at == 0 or not text[at - 1].isalnum(), piece[:40]
            assert end == len(text) or not text[end].isalnum(), piece[-40:]
            cut += 1
    assert cut > len(sides)  # excerpts were cut somewhere, and each cut falls between words


def test_word_diff_tells_identical_from_changed_words():
    from archiver.render import word_diff

    left, right = word_diff("Farmers expect 14 percent more", "Growers expect 15 percent more")
    assert [same for *_, same in left] == [False, True, False, True, True]
    assert [same for *_, same in right] == [False, True, False, True, True]


def test_trace_says_where_each_date_came_from_and_cuts_excerpts_between_words(samples):
    import sqlite3

    db, _ = samples
    out = _run(db, "trace", "--id", "11")
    assert "(a date in the site's header, likely the day the page was scraped)" in out
    assert "[header-date" not in out
    out = _run(db, "trace", "--id", "1")
    texts = dict(sqlite3.connect(db).execute("SELECT id, clean_text FROM articles"))
    excerpts = re.findall(r'^\s+\d+% .*?: "(.*) …"$', out, flags=re.M)
    assert len(excerpts) == 2
    for excerpt in excerpts:
        text = next(t for t in texts.values() if excerpt in " ".join(t.split()))
        flat = " ".join(text.split())
        end = flat.find(excerpt) + len(excerpt)
        assert not flat[end].isalnum(), excerpt[-30:]


def test_cluster_timelines_draw_header_and_missing_dates_as_such(tmp_path):
    """A cluster of the Ledger's story (a publication date), the Signal's copy (only a header
    date) and an undated copy: the HTML report draws one timeline with a filled dot, a hollow
    dashed ring and a "?", inline (no network), and the matrix as a shaded heat map."""
    db = tmp_path / "wind.db"
    _run(
        db, "add", SAMPLES / "11-ledger-wind-farm.html", SAMPLES / "12-libertysignal-wind-farm.txt"
    )
    text = json.loads(_run(db, "show", "1", "--json"))["clean_text"]
    copy = tmp_path / "copy.txt"
    copy.write_text(f"Wind Farm Approved, Fishermen Angry\n\n{text}\n", encoding="utf-8")
    _run(db, "add", copy, "--outlet", "Bay Gazette")
    data = json.loads(_report(db, "--format", "json"))
    assert [c["articles"] for c in data["clusters"]] == [[1, 2, 3]]
    page = _report(db, "--format", "html")
    svg = page.split("<div class=cluster>")[1].split("</svg>")[0]
    assert svg.count("<circle class='dated'") == 1
    assert svg.count("<circle class='crawl'") == 1 and "stroke-dasharray" in svg
    assert svg.count("class='undated'") == 1 and ">undated</text>" in svg
    assert "#2 Liberty Signal Daily" in svg and "#3 Bay Gazette" in svg
    assert "10 May" in svg and "14 May" in svg
    assert "http" not in page.lower().replace("http-equiv", "")
    heat = page.split("<table class=heat>")[1].split("</table>")[0]
    assert "background:rgba(163,18,42,0.90)" in heat and ">317</td>" in heat


def test_a_sample_timeline_puts_the_articles_in_date_order(samples):
    db, _ = samples
    svg = _report(db, "--format", "html").split("<div class=cluster>")[1].split("</svg>")[0]
    xs = [float(x) for x in re.findall(r"<circle class='dated' cx='([\d.]+)'", svg)]
    assert len(xs) == 3 and xs[0] == xs[1] < xs[2]  # 12, 12 and 14 May
    assert "font-weight='bold'>#1 Meridian Press Agency" in svg


def test_markdown_lists_the_words_an_edited_copy_changed(samples):
    db, _ = samples
    out = _report(db, "--format", "markdown")
    line = next(x for x in out.splitlines() if x.startswith("- **#9 → #10**"))
    assert "Words changed in the shared text: “14” → “15”; “Farmers” → “Growers”" in line
    verbatim = next(x for x in out.splitlines() if x.startswith("- **#11 → #12**"))
    assert "Words changed" not in verbatim


def test_edits_name_changed_added_and_dropped_words():
    from archiver.render import edits

    assert edits("Farmers expect 14 percent more grain", "Growers expect 15 percent grain now") == [
        ("Farmers", "Growers"),
        ("14", "15"),
        ("more", ""),
        ("", "now"),
    ]
    assert edits("same words here", "Same words here") == []


def test_trace_as_html_draws_a_timeline(samples):
    db, _ = samples
    page = _run(db, "trace", "--id", "11", "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    svg = page.split("<svg", 1)[1].split("</svg>")[0]
    assert svg.count("<circle class='crawl'") == 1 and "#12 Liberty Signal Daily" in svg
    assert page.count("<tr><td>#") == 1
    assert "likely the day the page was scraped" in page and str(db) in page
    assert "http" not in page
