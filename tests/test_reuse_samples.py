"""Reuse detection end to end on the bundled samples: the exact pairs of samples/README.md,
their spans, sources and attribution, through the real CLI and a real archive."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import SAMPLES

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

# (original file, copy file, first words of the shared text, last words, credited)
CASES = {
    ("01", "02"): (
        "Dockworkers at the Port of Harborton walked",
        "delayed more than 80 vessels.",
        True,
    ),
    ("01", "03"): (
        "Dockworkers at the Port of Harborton walked",
        "delayed more than 80 vessels.",
        False,
    ),
    ("04", "05"): (
        "The Sallow River ferry carried 1.9",
        "budget papers released on Wednesday.",
        True,
    ),
    ("06", "07"): (
        "Parking has been the most common complaint",
        "between 7 a.m. and 9 p.m.",
        False,
    ),
    ("09", "10"): (
        "The agriculture ministry now expects the national",
        "monthly crop outlook",
        False,
    ),
    ("11", "12"): (
        "The national energy regulator on Friday approved",
        "too little weight to the local economy.",
        True,
    ),
}
#: Both copies of the wire story: neither is the other's source.
UNDETERMINED = ("02", "03")
#: Both quote the ferry operator's statement, in three pieces: a shared quotation.
QUOTATION = ("16", "18")
#: The Riverside Courier's subscription appeal, at the foot of 16 and 17.
APPEAL = "Support local journalism. The Riverside Courier is owned by nobody but its readers"
#: Chinese (read in characters): 22 copies two paragraphs of 21 without credit; 23 is another
#: story of 22's site. The first and last characters of each copied paragraph.
CHINESE = ("21", "22")
CHINESE_COPIED = (
    ("港务集团去年宣布投资18亿元", "其中多数是从业十年以上的熟练工人"),
    ("临江港是华东地区吞吐量增长最快的港口之一", "运价也会随之上涨"),
)
#: How far (characters) a reported span may start or end from the passage's true edges.
TOLERANCE = 40


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """The samples archived once, through the CLI; returns (db path, report JSON, ids by file)."""
    from click.testing import CliRunner

    from archiver.cli import main

    db = tmp_path_factory.mktemp("samples") / "samples.db"
    runner = CliRunner()
    added = runner.invoke(main, ["--db", str(db), "add", "--json", str(SAMPLES)])
    assert added.exit_code == 0, added.output
    lines = [json.loads(line) for line in added.output.splitlines() if line.startswith("{")]
    ids = {re.match(r"\d\d", line["path"].rsplit("/", 1)[1]).group(): line["id"] for line in lines}
    report = runner.invoke(main, ["--db", str(db), "report", "--format", "json"])
    assert report.exit_code == 0, report.output
    return db, json.loads(report.output), ids, lines


def _texts(db) -> dict[int, str]:
    import sqlite3

    return dict(sqlite3.connect(db).execute("SELECT id, clean_text FROM articles"))


def test_exactly_the_reuse_cases_are_found(archive):
    _, report, ids, _ = archive
    names = {v: k for k, v in ids.items()}
    found = {tuple(sorted((names[p["a"]], names[p["b"]]))) for p in report["pairs"]}
    assert found == {*CASES, UNDETERMINED, QUOTATION, CHINESE}


def test_a_statement_both_quote_is_a_shared_quotation(archive):
    db, report, ids, _ = archive
    texts = _texts(db)
    a, b = sorted((ids["16"], ids["18"]))
    pair = next(p for p in report["pairs"] if (p["a"], p["b"]) == (a, b))
    assert pair["kind"] == "quotation" and pair["confidence"] in ("low", "undetermined")
    quoted = [texts[a][s[0] : s[1]] for s in pair["spans"]]
    assert len(quoted) == 3 and all(q[0].isupper() for q in quoted)
    assert any(q.startswith("We have not taken this decision lightly") for q in quoted)
    assert all(p["kind"] == "copy" for p in report["pairs"] if (p["a"], p["b"]) != (a, b))


def test_the_courier_appeal_is_learned_as_boilerplate_and_removed(archive):
    """16 and 17 end with the same appeal and tell different stories: the Courier's standing
    text, removed from 17 when it is added, never a pair."""
    from click.testing import CliRunner

    from archiver.cli import main

    db, report, ids, _ = archive
    texts = _texts(db)
    assert APPEAL in texts[ids["16"]] and APPEAL not in texts[ids["17"]]
    shown = CliRunner().invoke(main, ["--db", str(db), "show", str(ids["17"]), "--removed"])
    # Learned, not a rule's: its rule column is "-".
    assert re.search(rf"  shared-boilerplate  -\s+{re.escape(APPEAL)}", shown.output)
    pairs = {(p["a"], p["b"]) for p in report["pairs"]}
    assert tuple(sorted((ids["16"], ids["17"]))) not in pairs


def test_sources_attribution_and_spans(archive):
    db, report, ids, _ = archive
    texts = _texts(db)
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    for (original, copy), (first, last, credited) in CASES.items():
        a, b = sorted((ids[original], ids[copy]))
        pair = pairs[(a, b)]
        assert pair["source"] == ids[original], (original, copy, pair["evidence"])
        assert pair["attributed"] is credited, (original, copy, pair["evidence"])
        assert pair["confidence"] in ("high", "medium"), (original, copy)
        assert len(pair["spans"]) == 1, (original, copy, pair["spans"])
        a_start, a_end, b_start, b_end = pair["spans"][0]
        for article, start, end in ((a, a_start, a_end), (b, b_start, b_end)):
            text = texts[article]
            true_start = text.index(first)
            true_end = text.index(last, true_start) + len(last)
            assert abs(start - true_start) <= TOLERANCE, (
                original,
                copy,
                article,
                start,
                true_start,
            )
            assert abs(end - true_end) <= TOLERANCE, (original, copy, article, end, true_end)


def test_two_copies_of_one_wire_story_are_undetermined(archive):
    _, report, ids, _ = archive
    a, b = sorted((ids["02"], ids["03"]))
    pair = next(p for p in report["pairs"] if (p["a"], p["b"]) == (a, b))
    assert (pair["source"], pair["confidence"]) == (None, "undetermined")


def test_the_wire_story_forms_one_cluster_with_its_origin(archive):
    _, report, ids, _ = archive
    assert len(report["clusters"]) == 1
    cluster = report["clusters"][0]
    assert sorted(cluster["articles"]) == sorted((ids["01"], ids["02"], ids["03"]))
    assert cluster["source"] == ids["01"]


def test_add_reports_what_each_article_reuses(archive):
    _, _, ids, lines = archive
    by_file = {re.match(r"\d\d", line["path"].rsplit("/", 1)[1]).group(): line for line in lines}
    assert by_file["03"]["reused_from"] == sorted((ids["01"], ids["02"]))
    assert by_file["12"]["reused_from"] == [ids["11"]]
    assert by_file["18"]["reused_from"] == [ids["16"]]
    for unrelated in ("08", "13", "14", "15", "17"):
        assert by_file[unrelated]["reused_from"] == []


def test_outlet_summary_and_matrix(archive):
    _, report, _, _ = archive
    outlets = {o["outlet"]: o for o in report["outlets"]}
    assert outlets["Liberty Signal Daily"]["reused_share"] > 0.9
    assert outlets["Liberty Signal Daily"]["copies_attributed"] == 1
    assert outlets["Meridian Press Agency"]["original_share"] == 1.0
    assert outlets["Meridian Press Agency"]["copied_by_others"] == 3
    assert report["matrix"]["Coastline Today"] == {"Meridian Press Agency": 338}


def test_every_report_format(archive, tmp_path):
    from click.testing import CliRunner

    from archiver.cli import main

    db = archive[0]
    runner = CliRunner()
    for fmt, marker in (
        ("text", "Who copies whom"),
        ("markdown", "| source | copy |"),
        ("csv", "a,b,a_outlet,b_outlet"),
        ("html", "<mark>"),
    ):
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(main, ["--db", str(db), "report", "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert marker in out.read_text(encoding="utf-8"), fmt
    filtered = runner.invoke(
        main, ["--db", str(db), "report", "--format", "json", "--outlet", "Liberty Signal Daily"]
    )
    assert len(json.loads(filtered.output)["pairs"]) == 1
    # Only the long passages: the three copies of the wire story and the republished article.
    long = runner.invoke(
        main, ["--db", str(db), "report", "--format", "json", "--min-words", "100"]
    )
    kept = json.loads(long.output)
    assert sorted((p["a"], p["b"]) for p in kept["pairs"]) == [(1, 2), (1, 3), (2, 3), (11, 12)]
    assert [c["articles"] for c in kept["clusters"]] == [[1, 2, 3]]
    refused = runner.invoke(main, ["--db", str(db), "report", "--min-words", "0"])
    assert refused.exit_code == 2 and "--min-words" in refused.output


def test_the_html_report_is_self_contained_and_escapes_articles(write, cli, tmp_path):
    hostile = (
        "The mayor said <script>alert('x')</script> & <b>nothing</b> about the harbour plan, "
        "which the council approved on Tuesday after a long debate about the costs of dredging "
        "the channel, the height of the new sea wall and the future of the old fish market."
    )
    for name, outlet, date in (
        ("a.txt", "First Outlet", "2024-05-01"),
        ("b.txt", "Second Outlet", "2024-05-03"),
    ):
        body = f"Harbour Plan Passes <i>Again</i>\n\n{hostile}\n\nOther news from {outlet}: " + (
            f"{outlet} staff wrote this closing paragraph themselves, with different words. " * 3
        )
        assert cli("add", write(name, body), "--outlet", outlet, "--published", date).exit_code == 0
    out = tmp_path / "r.html"
    assert cli("report", "--format", "html", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>nothing" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    # The shared span on each side, escaped inside its highlight; the outlets' own names, the
    # only words the two versions do not share, marked as changed.
    assert page.count("<mark>The mayor said &lt;script&gt;alert(") == 2
    assert set(re.findall(r"class=changed>([^<]*)<", page)) == {"First", "Second"}


def test_two_copied_chinese_paragraphs_are_one_pair_with_both_spans(archive):
    db, report, ids, lines = archive
    texts = _texts(db)
    a, b = ids["21"], ids["22"]
    pair = next(p for p in report["pairs"] if (p["a"], p["b"]) == (a, b))
    assert (pair["source"], pair["attributed"], pair["kind"]) == (a, False, "copy")
    assert pair["confidence"] in ("high", "medium")
    assert len(pair["spans"]) == 2, pair["spans"]
    for (a_start, a_end, b_start, b_end), (first, last) in zip(
        pair["spans"], CHINESE_COPIED, strict=True
    ):
        # Character offsets into each clean text, exact to the paragraph's last character.
        for article, start, end in ((a, a_start, a_end), (b, b_start, b_end)):
            text = texts[article]
            assert text.index(first) == start
            assert text.index(last, start) + len(last) == end
        assert texts[a][a_start:a_end] == texts[b][b_start:b_end]
    # Characters count as half a word: two paragraphs of 87 and 88 characters.
    assert 80 <= pair["shared_words"] <= 90
    by_file = {re.match(r"\d\d", line["path"].rsplit("/", 1)[1]).group(): line for line in lines}
    assert by_file["22"]["reused_from"] == [a]
    # Another story of 22's site shares only its template with it: never a pair.
    assert by_file["23"]["reused_from"] == []


def test_show_and_trace_a_chinese_copy(archive):
    from click.testing import CliRunner

    from archiver.cli import main

    db, _, ids, _ = archive
    runner = CliRunner()
    shown = runner.invoke(main, ["--db", str(db), "show", str(ids["22"])]).output
    assert f"with #{ids['21']}; #{ids['21']} was first (high, not credited)" in shown
    sentence = "临江港是华东地区吞吐量增长最快的港口之一，去年完成集装箱吞吐量约410万标准箱"
    traced = runner.invoke(main, ["--db", str(db), "trace", "--json", sentence])
    assert traced.exit_code == 0, traced.output
    result = json.loads(traced.output)
    assert (result["unit"], result["passage_length"], result["total"]) == ("char", 36, 2)
    assert [h["id"] for h in result["hits"]] == [ids["21"], ids["22"]]  # earliest first
    texts = _texts(db)
    for hit in result["hits"]:
        (_, _, start, end) = hit["spans"][0]
        assert texts[hit["id"]][start:end] == sentence
        assert hit["coverage"] == 1.0
    shown = runner.invoke(main, ["--db", str(db), "trace", sentence]).output
    assert shown.startswith("Passage of 36 characters: found in 2 articles")
    short = runner.invoke(main, ["--db", str(db), "trace", "临江港是华东地区"])
    assert short.exit_code != 0
    assert "the passage has 8 characters; give at least 16" in short.output
    assert "Traceback" not in short.output


def test_show_lists_the_reuse(archive):
    from click.testing import CliRunner

    from archiver.cli import main

    db, _, ids, _ = archive
    shown = CliRunner().invoke(main, ["--db", str(db), "show", str(ids["12"])]).output
    assert f"shares 317 words with #{ids['11']}; #{ids['11']} was first (high, credited)" in shown


def test_reclean_finds_the_same_reuse_again(tmp_path):
    """Re-cleaning rebuilds each article's signatures, index entries and pairs."""
    from click.testing import CliRunner

    from archiver.cli import main

    db = str(tmp_path / "r.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "add", str(SAMPLES)]).exit_code == 0
    before = json.loads(runner.invoke(main, ["--db", db, "report", "--format", "json"]).output)
    import sqlite3

    # As if two articles had been cleaned by an older, worse cleaner.
    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET clean_text = 'stale text' WHERE id IN (1, 12)")
    conn.commit()
    conn.close()
    result = runner.invoke(main, ["--db", db, "reclean", "--all", "--json"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    # 16 loses the Courier's appeal, learned from 17 after 16 was added. (Others of the
    # Courier and Coastline Today only see lines the later pages taught as their template
    # change reason: no text changes.)
    assert [line["id"] for line in lines if "text" in line["changed"]] == [1, 12, 16]
    assert APPEAL not in _texts(db)[16]
    after = json.loads(runner.invoke(main, ["--db", db, "report", "--format", "json"]).output)
    assert [(p["a"], p["b"], p["source"]) for p in after["pairs"]] == [
        (p["a"], p["b"], p["source"]) for p in before["pairs"]
    ]
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM reuse_signatures").fetchone()[0] == articles
    bands = conn.execute("SELECT count(DISTINCT passage >> 16) FROM lsh_bands").fetchone()[0]
    assert bands == articles
