"""Reuse and trace in scripts written without word spaces (Chinese, Japanese): passages,
shingles and alignment in characters, chosen per article; English left exactly as it was."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from archiver.minhash import scheme_json, to_bytes
from archiver.passages import CHARS, DEFAULT, in_unit, tokenize
from archiver.reuse import signatures

#: An English text with curly quotes and a Chinese name in it: read in words, as before.
ENGLISH = (
    "Dockworkers at the Port of Harborton walked off the job on Sunday, halting container "
    "traffic at the region’s busiest terminal, said union leader 李明 (Li Ming). “We will not "
    "accept cranes run from an office,” he said, as 2,300 workers joined the strike and 80 "
    "vessels waited at anchor. Ça va. "
) * 4
#: What the version before characters existed (main at 2c211a2) made of ENGLISH and stored as
#: the scheme: SHA-256 of its signatures' bytes and of its words joined by NUL.
ENGLISH_SIGNATURES = "379ab7aa69b337587c88615005587ca6840e78564d23313fe8bbf3a8e0574e5b"
ENGLISH_WORDS = "aa78931dab264f40052f13334d983b956f30f48e8775cc3db6bab09ae8a3bd59"
OLD_SCHEME = {
    "algorithm": "minhash",
    "bands": 8,
    "byte_format": "<u4",
    "hash": "low 32 bits of fmix64(fold of xxh3_64(word, seed=0), multiplier=0x9e3779b97f4a7c15)",
    "num_perm": 16,
    "rows": 2,
    "scheme": "affine32",
    "seed": 1,
    "shingle": 5,
    "stride": 12,
    "tokens": "casefolded \\w+ words, inner ' . , kept",
    "window": 24,
}

#: A paragraph mixing Latin names and figures into Chinese, copied by the second article.
MIXED = (
    "据 Reuters 和 MPA 报道，Harborton 港约2,300名码头工人周日起停止作业，抗议港务集团引进远程操控"
    "岸桥的计划。工会代表 Li Ming 表示，如果公司不公布培训和安置方案，罢工将持续到下周三。"
)


#: Paragraphs of each article's own.
OWN_A = (
    "港务集团当天发表声明称，自动化改造不会导致强制裁员，受影响的员工将获得转岗培训，"
    "集团愿意在劳动部门的协调下恢复谈判。"
)
OWN_B = "随着智能港口建设加快，沿海多个港口正在推进码头自动化改造，用工转型带来的矛盾逐渐显现。"


def _page(title: str, site: str, date: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{date}'></head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _texts(db) -> dict[int, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, clean_text FROM articles"))
    finally:
        conn.close()


def test_english_words_signatures_and_scheme_are_unchanged():
    assert tokenize(ENGLISH).unit == "word"
    words = "\0".join(tokenize(ENGLISH).words).encode()
    assert hashlib.sha256(words).hexdigest() == ENGLISH_WORDS
    assert hashlib.sha256(to_bytes(signatures(ENGLISH))).hexdigest() == ENGLISH_SIGNATURES
    stored = json.loads(scheme_json(DEFAULT))
    assert {k: v for k, v in stored.items() if k != "datasketch"} == OLD_SCHEME
    chars = json.loads(scheme_json(in_unit(DEFAULT, CHARS)))
    assert (chars["unit"], chars["shingle"], chars["window"]) == ("char", 10, 48)


def test_a_mixed_chinese_paragraph_is_found_with_exact_spans(write, cli, db_path):
    first = _page(
        "哈伯顿港码头工人罢工",
        "海港日报",
        "2024-05-20T09:30:00+08:00",
        [MIXED, OWN_A],
    )
    second = _page(
        "港口自动化引发劳资矛盾",
        "东海新闻网",
        "2024-05-21T15:10:00+08:00",
        [
            OWN_B,
            MIXED,
            "业内人士认为，自动化可以降低运营成本，但人员安置必须提前规划，否则容易引发冲突。",
        ],
    )
    english = (
        "Harbour Dredging Delayed\n\nThe harbour board said on Monday that dredging of the "
        "outer channel would start in the autumn, a year later than planned, because the "
        "contract had to be tendered again after the first bidder withdrew its offer.\n"
    )
    for name, content in (("a.html", first), ("b.html", second), ("c.txt", english)):
        result = cli("add", write(name, content))
        assert result.exit_code == 0, result.output
    report = json.loads(cli("report", "--format", "json").output)
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [(1, 2)]
    pair = report["pairs"][0]
    texts = _texts(db_path)
    (a_start, a_end, b_start, b_end) = pair["spans"][0]
    assert len(pair["spans"]) == 1
    assert texts[1][a_start:a_end] == texts[2][b_start:b_end] == MIXED.rstrip("。")
    assert pair["source"] == 1
    # Each article is signed in its own unit; the English one with the scheme of old.
    conn = sqlite3.connect(db_path)
    schemes = dict(conn.execute("SELECT article_id, scheme FROM reuse_signatures"))
    conn.close()
    assert json.loads(schemes[1])["unit"] == json.loads(schemes[2])["unit"] == "char"
    assert schemes[3] == scheme_json(DEFAULT)
    checked = cli("db", "check")
    assert checked.exit_code == 0, checked.output
    assert checked.output.endswith("OK\n")


def test_a_japanese_sentence_is_traced_and_a_short_one_refused(write, cli):
    story = (
        "東京都の港湾労働者約二千人が水曜日からストライキに入り、自動化クレーンの導入計画に抗議した。"
        "組合は会社側が雇用と研修の方針を示すまで作業を再開しないとしている。"
    )
    pages = (
        ("a.html", _page("港湾スト", "港湾新聞", "2024-05-20T09:00:00+09:00", [story])),
        ("b.html", _page("自動化と雇用", "海事ニュース", "2024-05-22T09:00:00+09:00", [story])),
    )
    for name, content in pages:
        assert cli("add", write(name, content)).exit_code == 0
    sentence = "東京都の港湾労働者約二千人が水曜日からストライキに入り"
    result = json.loads(cli("trace", "--json", sentence).output)
    assert result["unit"] == "char" and result["total"] == 2
    assert [h["id"] for h in result["hits"]] == [1, 2]
    assert all(h["excerpt"] == sentence for h in result["hits"])
    refused = cli("trace", "東京都の港湾")
    assert refused.exit_code != 0 and "6 characters; give at least 16" in refused.output


def test_a_chinese_article_signed_in_words_by_an_older_version_is_indexed_again(
    write, cli, db_path
):
    """An archive made before characters existed signed Chinese in words: reclean sees the
    article's reuse index is not this version's and makes it again in characters."""
    page = _page("哈伯顿港码头工人罢工", "海港日报", "2024-05-20T09:30:00+08:00", [MIXED] * 2)
    assert cli("add", write("a.html", page)).exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE reuse_signatures SET scheme = ?", (scheme_json(DEFAULT),))
    conn.commit()
    conn.close()
    result = cli("reclean", "1")
    assert result.exit_code == 0, result.output
    assert "reuse index" in result.output
    conn = sqlite3.connect(db_path)
    (scheme,) = conn.execute("SELECT scheme FROM reuse_signatures").fetchone()
    conn.close()
    assert json.loads(scheme)["unit"] == "char"


def test_db_check_finds_a_chinese_article_signed_in_words_and_repair_signs_it_again(
    write, cli, db_path
):
    first = _page("码头工人罢工", "海港日报", "2024-05-20T09:30:00+08:00", [MIXED, OWN_A])
    second = _page("港口自动化", "东海新闻网", "2024-05-21T09:30:00+08:00", [OWN_B, MIXED])
    assert cli("add", write("a.html", first), write("b.html", second)).exit_code == 0
    assert cli("db", "check").output.endswith("OK\n")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE reuse_signatures SET scheme = ? WHERE article_id = 2", (scheme_json(),))
    conn.commit()
    conn.close()
    checked = cli("db", "check")
    assert checked.exit_code == 1
    assert "1 article was indexed for reuse by another version" in checked.output
    repaired = cli("db", "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert cli("db", "check").output.endswith("OK\n")
    conn = sqlite3.connect(db_path)
    schemes = [json.loads(s) for (s,) in conn.execute("SELECT scheme FROM reuse_signatures")]
    pairs = conn.execute("SELECT a, b FROM reuse_pairs").fetchall()
    conn.close()
    assert [s["unit"] for s in schemes] == ["char", "char"]
    assert pairs == [(1, 2)]


def test_chinese_titles_tell_one_story_from_another_by_character_bigrams():
    """Learned boilerplate needs different stories: a Chinese title is one or two runs of
    characters, compared in bigrams (most Chinese words are two characters)."""
    from archiver.boilerplate import Page, relation, title_words

    strike = Page(1, "临江港码头工人罢工 抗议自动化吊机计划", "海港日报")
    same = Page(2, "临江港工人罢工抗议自动化吊机", "东海新闻网")
    typhoon = Page(3, "台风逼近 东海六条客运航线明起停航", "东海新闻网")
    assert {"罢工", "码头", "自动"} <= title_words(strike, typhoon)
    assert "东海" not in title_words(typhoon, strike)  # the outlet's own name never counts
    assert relation(strike, same, "", "").same_story(DEFAULT)
    assert relation(strike, typhoon, "", "").unrelated(DEFAULT)
    english = Page(4, "Regulator approves Calder Bay wind farm", "The National Ledger")
    assert title_words(english, strike) == set("regulator approves calder bay wind farm".split())


def test_an_outlets_follow_up_keeps_the_background_paragraph_it_repeats(write, cli):
    """Two stories of one outlet about one strike end with the same background paragraph:
    their titles share their words (in character bigrams), so it is the outlet's own reuse,
    not its template (read as whole runs of characters, the titles shared nothing)."""
    first = _page(
        "临江港码头工人罢工 抗议自动化吊机计划",
        "海港日报",
        "2024-05-20T09:30:00+08:00",
        [OWN_A, "工会表示，罢工将持续至少三天，目前已有40多艘货轮在锚地等候靠泊。", MIXED],
    )
    second = _page(
        "临江港码头罢工第二天 自动化吊机计划仍无进展",
        "海港日报",
        "2024-05-21T09:30:00+08:00",
        [OWN_B, "业内人士认为，自动化可以降低运营成本，但人员安置必须提前规划。", MIXED],
    )
    assert cli("add", write("a.html", first), write("b.html", second)).exit_code == 0
    report = json.loads(cli("report", "--format", "json").output)
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [(1, 2)]


def test_tables_keep_their_columns_with_chinese_outlet_names():
    from archiver.printable import fit

    assert fit("海港日报", 10) == "海港日报  "  # four wide characters take eight columns
    assert fit("东海新闻网东海新闻网", 9, ellipsis=True) == "东海新闻…"
    assert fit("东海新闻网", 5) == "东海 "  # a wide character never straddles the edge
    assert fit("The National Ledger", 10) == "The Nation"
    assert fit("riversidecourier.example", 12, ellipsis=True) == "riversideco…"
    assert fit("El Faro Costero", 16) == "El Faro Costero "


def test_the_report_outlet_table_lines_up_chinese_and_latin_names(write, cli):
    import unicodedata

    pages = (
        ("a.html", _page("码头工人罢工", "海港日报", "2024-05-20T09:30:00+08:00", [MIXED, OWN_A])),
        ("b.html", _page("港口自动化", "东海新闻网", "2024-05-21T09:30:00+08:00", [OWN_B, MIXED])),
    )
    for name, content in pages:
        assert cli("add", write(name, content)).exit_code == 0
    out = cli("report").output
    rows = out[out.index("Outlets:") :].split("\n\n")[0].splitlines()[2:]
    assert len(rows) == 2

    def columns(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)

    # Every row ends its last column at the same terminal column.
    assert len({columns(line) for line in rows}) == 1, rows


def test_the_edits_of_a_chinese_copy_are_the_characters_changed():
    """The report names and marks what an edited copy changed: in Chinese the characters,
    not the whole clause between two commas."""
    from archiver.render import edits, word_diff

    a = "临江港去年完成集装箱吞吐量约410万标准箱，同比增长百分之九。"
    b = "临江港去年完成集装箱吞吐量约420万标准箱，同比增长百分之十。"
    assert edits(a, b) == [("410", "420"), ("九", "十")]
    changed = [b[start:end] for start, end, same in word_diff(a, b)[1] if not same]
    assert changed == ["420", "十"]
    # English is compared in words, as before.
    assert edits("Farmers said 14 percent", "Growers said 15 percent") == [
        ("Farmers", "Growers"),
        ("14", "15"),
    ]


def test_a_statement_two_japanese_articles_quote_is_a_shared_quotation(write, cli):
    said = (
        "「子どもへの体罰は、しつけのためであっても決して許されない。法律の改正によって、"
        "すべての家庭で子どもの権利が守られるよう、国として全力で取り組んでいく」"
    )
    first = _page(
        "体罰禁止の法律が成立",
        "港湾新聞",
        "2024-06-19T09:00:00+09:00",
        [f"厚生労働大臣は十九日の記者会見で{said}と述べた。", "改正法は来年四月に施行される。"],
    )
    second = _page(
        "改正児童虐待防止法が成立 大臣がコメント",
        "海事ニュース",
        "2024-06-20T09:00:00+09:00",
        [f"法律の成立を受けて、大臣は{said}と話した。", "専門家からは支援の強化を求める声も出た。"],
    )
    assert cli("add", write("a.html", first), write("b.html", second)).exit_code == 0
    (pair,) = json.loads(cli("report", "--format", "json").output)["pairs"]
    assert pair["kind"] == "quotation"
    assert pair["confidence"] in ("low", "undetermined")


def test_a_chinese_copy_that_credits_its_source_is_attributed(write, cli):
    """'据海港日报报道' (according to Haigang Daily) before the copied paragraph credits it;
    the same copy without the credit is not attributed."""
    first = _page("码头工人罢工", "海港日报", "2024-05-20T09:30:00+08:00", [MIXED, OWN_A])
    credited = _page(
        "港口自动化",
        "东海新闻网",
        "2024-05-22T09:30:00+08:00",
        [OWN_B, f"据海港日报报道，{MIXED}"],
    )
    silent = _page("港口自动化引发争议", "南湾晚报", "2024-05-23T09:30:00+08:00", [OWN_B, MIXED])
    for name, content in (("a.html", first), ("b.html", credited), ("c.html", silent)):
        assert cli("add", write(name, content)).exit_code == 0
    report = json.loads(cli("report", "--format", "json").output)
    pairs = {(p["a"], p["b"]): p for p in report["pairs"]}
    assert (pairs[(1, 2)]["source"], pairs[(1, 2)]["attributed"]) == (1, True)
    assert any("据海港日报报道" in e for e in pairs[(1, 2)]["evidence"])
    assert (pairs[(1, 3)]["source"], pairs[(1, 3)]["attributed"]) == (1, False)
