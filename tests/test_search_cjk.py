"""`archiver search` in Chinese and Japanese: words inside sentences written without spaces are
found (a trigram index for three characters or more, the text itself for one or two), ranked
and shown as in every other search. The articles are short invented news pages."""

from __future__ import annotations

import json
import sqlite3

import pytest

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="{author}"></head>
<body><article><h1>{title}</h1>
{paragraphs}
</article></body></html>
"""

ARTICLES = (
    # name, language, title, outlet, date, paragraphs
    (
        "harbour.html",
        "zh",
        "港口扩建工程明年开工",
        "Binhai Daily",
        "2024-04-02",
        (
            "市政府周二宣布，新的港口扩建工程将于明年春天开工，预计三年内完成。",
            "负责工程的公司表示，扩建后的码头可以同时停靠六艘大型货船，"
            "每年的吞吐量将比现在增加一倍。",
            "不少码头工人对这个消息表示欢迎，他们希望新的岗位能够优先招聘本地居民。",
            "也有市民担心施工期间的噪音和交通问题，市政府承诺会在下个月举行公开听证会。",
        ),
    ),
    (
        "fishers.html",
        "zh",
        "渔民担心近海鱼群减少",
        "Coastal Herald",
        "2024-04-05",
        (
            "附近村庄的渔民说，他们最担心的是港口扩建工程会影响近海的鱼群。",
            "一位在这片海域捕鱼三十年的老渔民告诉记者，每到春天，鱼群都会游到浅水区产卵，"
            "如果施工船只整天来回，今年的收成可能会大大减少。",
            "渔民们已经联名写信，要求政府在动工以前公开完整的环境评估报告。",
            "环保团体也表示，会派志愿者在海边记录施工前后的水质变化。",
        ),
    ),
    (
        "tokyo.html",
        "ja",
        "漁業協同組合が新しい市場を開設",
        "Minato Shimbun",
        "2024-04-07",
        (
            "地元の漁業協同組合は今週、港の近くに新しい魚市場を開設したと発表した。",
            "市場では毎朝六時から、その日に水揚げされた魚を市民が直接買うことができる。",
            "組合の担当者は、若い世代にも地元の魚のおいしさを知ってもらいたいと話している。",
            "開設初日には多くの家族連れが訪れ、用意した魚は昼前にすべて売り切れた。",
        ),
    ),
    (
        "ferry.html",
        "en",
        "Ferry Fares Rise Again",
        "Riverside Courier",
        "2024-04-09",
        (
            "The ferry operator raised fares for the second time this year, blaming fuel.",
            "Commuters who cross the bay every morning said the increase would cost them "
            "more than a week of lunches each month, and asked the council to step in.",
            "The operator said a new timetable would follow in the summer.",
        ),
    ),
)


@pytest.fixture
def archive_in_three_languages(write, cli):
    for name, lang, title, outlet, date, paragraphs in ARTICLES:
        html = PAGE.format(
            lang=lang,
            title=title,
            author="Staff",
            paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs),
        )
        path = write(name, html)
        result = cli("add", path, "--outlet", outlet, "--published", date, "--title", title)
        assert result.exit_code == 0, result.output


def _hits(cli, *args) -> list[dict]:
    result = cli("search", "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def _ids(cli, *args) -> list[int]:
    return [hit["id"] for hit in _hits(cli, *args)]


def test_a_two_character_chinese_word_finds_both_articles(archive_in_three_languages, cli):
    hits = _hits(cli, "港口")
    assert sorted(h["id"] for h in hits) == [1, 2]
    for hit in hits:
        assert "港口" in hit["snippet"] and "\ue000" not in hit["snippet"]
        assert set(hit) == {
            "id",
            "title",
            "outlet",
            "author",
            "published",
            "published_source",
            "score",
            "rank",
            "relevance",
            "snippet",
        }
    # The title holds it in article 1: it ranks first, as title matches do in English.
    assert [h["id"] for h in hits] == [1, 2]
    assert [h["rank"] for h in hits] == [1, 2]
    assert hits[0]["relevance"] == 1.0 > hits[1]["relevance"] > 0
    assert _ids(cli, "港") == [1, 2, 3]  # one character: the Japanese article has it too
    assert _ids(cli, "鱼群") == [2]
    assert _ids(cli, "港%") == _ids(cli, "港_") == []  # LIKE's wildcards are plain characters


def test_longer_words_use_the_trigram_index_with_ranking_and_snippets(
    archive_in_three_languages, cli
):
    hits = _hits(cli, "港口扩建")
    assert [h["id"] for h in hits] == [1, 2]  # in article 1's title, in 2's text
    # BM25 of a word in most of three articles is tiny (rounded to 0 in JSON); relevance
    # still tells the title match from the body match.
    assert hits[0]["relevance"] == 1.0 > hits[1]["relevance"] > 0
    assert "港口扩建工程" in hits[1]["snippet"]
    assert _ids(cli, "环境评估报告") == [2]
    assert _ids(cli, "漁業協同組合") == [3]
    assert _ids(cli, "魚市場") == [3]
    assert sorted(_ids(cli, "码头工人 OR 漁業協同組合")) == [1, 3]
    assert _ids(cli, '"港口扩建" NOT 老渔民') == [1]
    assert _ids(cli, "港口扩建", "--outlet", "coastal herald") == [2]
    assert _ids(cli, "港口扩建", "--order", "date") == [2, 1]
    assert _ids(cli, "没有这个词语") == []


def test_terminal_output_marks_the_match(archive_in_three_languages, cli):
    from click.testing import CliRunner

    from archiver.cli import main

    coloured = CliRunner().invoke(main, ["search", "鱼群"], color=True)
    assert coloured.exit_code == 0, coloured.output
    assert "\x1b[1m鱼群\x1b[0m" in coloured.output
    assert "Coastal Herald: 渔民担心近海鱼群减少" in coloured.output
    assert "港口扩建" in cli("search", "鱼群").output  # the snippet's context


def test_short_words_with_operators_are_refused_in_one_sentence(archive_in_three_languages, cli):
    result = cli("search", "港口 OR 码头")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    message = result.output.strip().splitlines()
    assert (
        len(message) == 1 and "'港口' is too short to combine with search operators" in (message[0])
    )
    column = cli("search", "title:港口")
    assert column.exit_code == 2 and "'港口' is too short" in column.output
    assert _ids(cli, "NEAR(港口扩建 工程将于, 5)") == [1]  # NEAR's distance is no word
    assert _ids(cli, "title:港口扩建") == [1]
    # Literally, with --quote: both words must appear.
    assert _ids(cli, "--quote", "港口 码头") == [1]


def test_english_search_is_unchanged_and_skips_the_trigram_index(
    archive_in_three_languages, cli, db_path
):
    assert _ids(cli, "ferry") == [4]
    conn = sqlite3.connect(db_path)
    try:
        indexed = [r[0] for r in conn.execute("SELECT id FROM articles_cjk_fts_docsize")]
    finally:
        conn.close()
    assert indexed == [1, 2, 3]  # only the articles written in those scripts


def test_the_index_follows_edits_and_deletions(archive_in_three_languages, cli, db_path):
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(
            "UPDATE articles SET clean_text = replace(clean_text, '码头工人', '装卸工人') "
            "WHERE id = 1"
        )
        conn.execute("UPDATE articles SET clean_text = 'No longer in Chinese.' WHERE id = 2")
        conn.execute("DELETE FROM articles WHERE id = 3")
        conn.commit()
    finally:
        conn.close()
    assert _ids(cli, "码头工人") == []
    assert _ids(cli, "装卸工人") == [1]
    assert _ids(cli, "港口") == [1]
    assert _ids(cli, "漁業協同組合") == []
    conn = sqlite3.connect(db_path)
    try:
        indexed = [r[0] for r in conn.execute("SELECT id FROM articles_cjk_fts_docsize")]
    finally:
        conn.close()
    assert indexed == [1, 2]  # 2 by its title
    assert _ids(cli, "渔民担心") == [2]


def test_db_check_finds_and_repairs_a_stale_chinese_index(
    archive_in_three_languages, cli, db_path, write
):
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("DROP TRIGGER articles_cjk_fts_insert")
        conn.commit()
    finally:
        conn.close()
    paragraphs = (
        "台风周日晚上经过本市，港口暂停作业一天，所有渔船都已回港避风。",
        "气象部门说，这是今年第一个直接影响本市的台风，最大风力达到十二级。",
        "市区部分道路积水，公交公司临时调整了十几条线路，周一早上已经恢复正常。",
        "港务局表示，受影响的货船将在本周内陆续进港，不会影响节前的物资供应。",
    )
    path = write(
        "typhoon.html",
        PAGE.format(
            lang="zh",
            title="台风过境",
            author="Staff",
            paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs),
        ),
    )
    added = cli("add", str(path), "--outlet", "Binhai Daily")
    assert added.exit_code == 0, added.output
    assert _ids(cli, "台风") == []  # the trigger that would index it is gone
    check = cli("db", "check")
    assert check.exit_code != 0
    assert "the trigger articles_cjk_fts_insert is missing" in check.output
    repaired = cli("db", "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "the Chinese and Japanese search index was filled again" in repaired.output
    assert _ids(cli, "台风") == [5]
    assert sorted(_ids(cli, "港口")) == [1, 2, 5]
    assert cli("db", "check").exit_code == 0


def test_an_older_archive_is_upgraded_with_its_chinese_articles_searchable(
    archive_in_three_languages, cli, db_path
):
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.store import alembic_config, head_revision

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    engine.dispose()
    conn = sqlite3.connect(db_path)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        declared = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert "articles_cjk_fts" not in names and "content='articles'" in declared
    upgraded = cli("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert f"from schema 0006 to {head_revision()}" in upgraded.output
    assert _ids(cli, "港口扩建") == [1, 2]
    assert sorted(_ids(cli, "港口")) == [1, 2]
    assert _ids(cli, "ferry") == [4]
    assert cli("db", "check").exit_code == 0


def test_db_check_makes_a_lost_chinese_index_again(archive_in_three_languages, cli, db_path):
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("DROP TABLE articles_cjk_fts")
        conn.commit()
    finally:
        conn.close()
    check = cli("db", "check")
    assert check.exit_code != 0
    assert "the Chinese and Japanese search index (table articles_cjk_fts) is missing" in (
        check.output
    )
    repaired = cli("db", "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert sorted(_ids(cli, "港口")) == [1, 2]
    assert _ids(cli, "漁業協同組合") == [3]
    assert cli("db", "check").exit_code == 0


def test_the_datasette_query_for_chinese_and_japanese_runs(archive_in_three_languages, db_path):
    from archiver.datasette import metadata

    queries = metadata(db_path)["databases"]["archive"]["queries"]
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(queries["search_chinese_japanese"]["sql"], {"words": "港口扩建"})
        found = [(row[0], row[4]) for row in rows]
    finally:
        conn.close()
    assert [i for i, _ in found] == [1, 2]
    assert "[港口扩建]" in found[1][1]
