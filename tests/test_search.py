"""`archiver search`: FTS5 ranking, filters, snippets, query syntax and malformed queries."""

from __future__ import annotations

import json

import pytest

from archiver.archive import Archive
from archiver.fts import soften

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

BODY = (
    "The {topic} council met on Tuesday evening and residents spoke at length about what the "
    "changes would mean for their streets, their jobs and the schools nearby. {extra}"
)
ARTICLES = (
    # name, title, outlet, author, date, topic, extra
    (
        "ferry.txt",
        "Ferry Fares Rise Again",
        "Riverside Courier",
        "Dana Whitfield",
        "2024-05-01",
        "harbour",
        "The ferry operator blamed fuel costs for the increase.",
    ),
    (
        "wind.txt",
        "Wind Farm Approved Off the Coast",
        "Valley Ledger",
        "Sam Reyes",
        "2024-05-03",
        "energy",
        "The offshore wind farm will power homes; fishing crews objected.",
    ),
    (
        "farm.txt",
        "Harvest Fails on the Plains",
        "Valley Ledger",
        "Maya Lind",
        "2024-05-05",
        "farm",
        "A wind storm flattened the wheat; the ferry was not mentioned.",
    ),
    (
        "sao.txt",
        "Protesto em São Paulo",
        "Jornal do Porto",
        "João Araújo",
        "2024-05-07",
        "city",
        "Milhares marcharam em São Paulo contra a reforma da previdência.",
    ),
)


@pytest.fixture
def archive_with_news(write, cli):
    for name, title, outlet, author, date, topic, extra in ARTICLES:
        path = write(
            name, f"{title}\n\n" + "\n\n".join([BODY.format(topic=topic, extra=extra)] * 3)
        )
        result = cli(
            "add",
            path,
            "--title",
            title,
            "--outlet",
            outlet,
            "--author",
            author,
            "--published",
            date,
        )
        assert result.exit_code == 0, result.output


def _ids(cli, *args) -> list[int]:
    result = cli("search", "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.output.splitlines()]


def test_title_matches_rank_above_body_matches(archive_with_news, cli):
    # "ferry" is in the title of 1 and only in the body of 3.
    assert _ids(cli, "ferry") == [1, 3]
    assert _ids(cli, "wind") == [2, 3]


def test_scores_follow_the_ranking_in_either_order(archive_with_news, archive_url):
    import archiver

    ranked = archiver.search(archive_url, "ferry")
    assert [h.id for h in ranked] == [1, 3]
    assert ranked[0].score < ranked[1].score < 0  # BM25, lower is better; title weighted
    by_date = archiver.search(archive_url, "ferry", order="date")
    assert [h.id for h in by_date] == [3, 1]
    assert {h.id: h.score for h in by_date} == {h.id: h.score for h in ranked}


def test_phrase_prefix_boolean_near_and_column(archive_with_news, cli, archive_backend):
    assert _ids(cli, '"wind farm"') == [2]
    assert _ids(cli, "harv*") == [3]
    assert _ids(cli, "wind NOT storm") == [2]
    assert sorted(_ids(cli, "ferry OR offshore")) == [1, 2, 3]
    assert _ids(cli, "title:ferry") == [1]
    if archive_backend == "sqlite":  # PostgreSQL has no NEAR (tests/test_backends.py)
        assert _ids(cli, "NEAR(wind storm, 2)") == [3]


def test_filters_and_order(archive_with_news, cli):
    assert _ids(cli, "council", "--outlet", "valley ledger") == [2, 3]
    assert _ids(cli, "council", "--author", "reyes") == [2]
    assert _ids(cli, "council", "--since", "2024-05-03", "--order", "date") == [4, 3, 2]
    assert _ids(cli, "council", "--until", "2024-05-03", "--order", "date") == [2, 1]
    assert len(_ids(cli, "council", "--limit", "2")) == 2


def test_snippets_are_plain_in_json_and_bold_on_a_terminal(archive_with_news, cli):
    from click.testing import CliRunner

    from archiver.cli import main

    line = json.loads(cli("search", "--json", '"fuel costs"').output)
    assert "fuel costs" in line["snippet"]
    assert "\ue000" not in line["snippet"] and "\x1b" not in line["snippet"]
    coloured = CliRunner().invoke(main, ["search", '"fuel costs"'], color=True)
    assert "blamed \x1b[1mfuel costs\x1b[0m for" in coloured.output
    plain = cli("search", '"fuel costs"').output
    assert "\x1b" not in plain and "blamed fuel costs for" in plain


def test_accents_are_folded_and_other_scripts_found(archive_with_news, cli):
    assert _ids(cli, "Sao Paulo") == [4]
    assert _ids(cli, "são paulo") == [4]
    assert _ids(cli, "previdencia") == [4]
    assert _ids(cli, "Araújo") == []  # authors are filtered with --author, not searched
    assert _ids(cli, "council", "--author", "Araújo") == [4]


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ('"unbalanced', "unterminated string"),
        ("AND", 'syntax error near "AND"'),
        ("wind OR", 'syntax error near ""'),
        ("*", "unknown special query: "),
        ("nocolumn:ferry", "no such column: nocolumn"),
        ("(wind", 'syntax error near ""'),
        ("NEAR(wind", 'syntax error near ""'),
    ],
)
def test_a_malformed_query_gets_one_sentence_and_the_quote_hint(
    archive_with_news, cli, query, detail, sqlite_only
):
    result = cli("search", query)
    assert result.exit_code == 2
    assert result.output == (
        f"Error: the query {query!r} is not valid search syntax ({detail}); "
        "retry with --quote to search for the words literally\n"
    )


def test_quote_searches_the_words_literally(archive_with_news, cli):
    assert _ids(cli, "--quote", '"fuel costs') == [1]
    assert _ids(cli, "--quote", "wind AND") == [2, 3]


def test_words_with_punctuation_need_no_quoting(archive_with_news, cli):
    assert soften("don't COVID-19 U.N. title:co-op harb* NEAR(a b, 3)") == (
        '"don\'t" "COVID-19" "U.N." title:"co-op" harb* NEAR(a b, 3)'
    )
    assert _ids(cli, "storm;") == [3]


def test_reclean_and_updates_keep_the_index_in_step(archive_with_news, archive_url):
    with Archive.open(archive_url) as archive, archive.db.writing() as conn:
        conn.exec_driver_sql("UPDATE articles SET clean_text = 'zeppelin sighting' WHERE id = 1")
    with Archive.open(archive_url) as archive:
        from archiver.fts import search

        assert [h.id for h in search(archive, "zeppelin")] == [1]
        assert [h.id for h in search(archive, "fuel")] == []
        with archive.db.writing() as conn:
            conn.exec_driver_sql("DELETE FROM article_fields WHERE article_id = 1")
            conn.exec_driver_sql("DELETE FROM articles WHERE id = 1")
        assert search(archive, "zeppelin") == []


def test_an_empty_query_and_no_results(archive_with_news, cli):
    result = cli("search", "   ")
    assert result.exit_code == 2
    assert result.output == "Error: the query is empty; give words to search for\n"
    result = cli("search", "zeppelin")
    assert result.exit_code == 0
    assert result.output == "No article matches.\n"


def test_the_library_api(archive_with_news, archive_url):
    import archiver

    hits = archiver.search(archive_url, "ferry", limit=1)
    assert [(h.id, h.title) for h in hits] == [(1, "Ferry Fares Rise Again")]
    with archiver.Archive.open(archive_url) as archive:
        assert [h.id for h in archiver.search(archive, "wind", outlet="Valley Ledger")] == [2, 3]
    with pytest.raises(archiver.UsageError):
        archiver.search(archive_url, '"open')


def test_a_word_written_with_soft_hyphens_is_found_whole(write, cli):
    """Sites write soft hyphens into long words ("Mes\u00adsen\u00adger\u00addiens\u00adte")
    to say where they may break: they show nowhere, so they leave the archived text and the
    word is found as readers see it."""
    hyphenated = "Mes\u00adsen\u00adger\u00addiens\u00adte"
    body = (
        f"Die {hyphenated} sind kein rechtsfreier Raum, sagte die Behörde am Montag, und "
        "richtete eine eigene Gruppe ein, die Drohungen und Beleidigungen dort verfolgen soll."
    )
    path = write("messenger.txt", "\n\n".join([body] * 3))
    assert cli("add", path).exit_code == 0
    assert _ids(cli, "Messengerdienste") == [1]
    shown = json.loads(cli("show", "1", "--json").output)
    assert "\u00ad" not in shown["clean_text"]
