"""The storage interface: every operation of ``archiver.storage.Storage`` does the same on an
SQLite file and on a PostgreSQL database (real databases, made by the real migrations)."""

from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest

from archiver.document import Field, RemovedLine
from archiver.storage import (
    KEYS_PER_QUERY,
    ArticleFilter,
    PostgresStorage,
    SearchRequest,
    SQLiteStorage,
    Storage,
    storage_for,
)
from archiver.store import open_database

BOTH_BACKENDS = True


@pytest.fixture
def db(archive_url):
    database = open_database(archive_url, create=True)
    yield database
    database.close()


def _row(title: str, outlet: str | None = None, published: str | None = None, **more) -> dict:
    return {
        "source_path": f"/in/{title}.txt",
        "ingested_at": datetime(2026, 1, 2, 3, 4, 5),
        "format": "text",
        "encoding": "utf-8",
        "extractor": "archiver-text",
        "extractor_version": "1",
        "clean_text": more.pop("clean_text", f"The story of {title}."),
        "title": title,
        "outlet": outlet,
        "published": published,
        **more,
    }


def _add(db, title: str, **row) -> int:
    with db.writing() as conn:
        return storage_for(conn).add_article(
            f"{title:0<64}"[:64], title.encode(), _row(title, **row)
        )


def test_each_backend_has_its_implementation(db, archive_backend):
    with db.reading() as conn:
        storage = storage_for(conn)
    expected = SQLiteStorage if archive_backend == "sqlite" else PostgresStorage
    assert type(storage) is expected
    assert isinstance(storage, Storage)
    assert storage.dialect == archive_backend


def test_articles_originals_fields_and_removed_lines(db):
    first = _add(db, "alpha", outlet="The Ledger", published="2024-03-03T10:00")
    with db.writing() as conn:
        storage = storage_for(conn)
        assert storage.article_id("alpha".ljust(64, "0")) == first
        assert storage.article_id("b" * 64) is None
        storage.add_details(
            first,
            {"author": Field("Ann Lee", "byline", 0.9), "title": Field("alpha", "header", 0.8)},
            [
                RemovedLine(4, "Subscribe now", "newsletter", "en-subscribe"),
                RemovedLine(2, "Ad", "ad"),
            ],
        )
    with db.reading() as conn:
        storage = storage_for(conn)
        assert storage.original_of(first) == b"alpha"
        assert storage.original_of(first + 100) is None
        assert storage.fields_of(first) == {
            "author": Field("Ann Lee", "byline", 0.9),
            "title": Field("alpha", "header", 0.8),
        }
        assert [r.lineno for r in storage.removed_of(first)] == [2, 4]
        assert storage.removed_of(first)[1] == RemovedLine(
            4, "Subscribe now", "newsletter", "en-subscribe"
        )
        assert storage.clean_text(first) == "The story of alpha."
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.update_article(first, {"clean_text": "Cleaned again."})
        storage.drop_details(first)
    with db.reading() as conn:
        storage = storage_for(conn)
        assert storage.clean_texts([first]) == {first: "Cleaned again."}
        assert storage.fields_of(first) == {} and storage.removed_of(first) == []


def test_listing_filters_and_orders_articles(db):
    ids = {
        "old": _add(db, "old", outlet="The Ledger", published="2023-01-05"),
        "new": _add(db, "new", outlet="the ledger", published="2024-03-03T10:00"),
        "undated": _add(db, "undated", outlet="Other Paper"),
    }
    with db.reading() as conn:
        storage = storage_for(conn)

        def titles(filters=None, **options):
            return [r["title"] for r in storage.articles(filters, **options)]

        assert titles() == ["new", "old", "undated"]
        assert titles(newest_first=False) == ["old", "new", "undated"]
        assert titles(ArticleFilter(outlet="THE LEDGER")) == ["new", "old"]
        # A date and time is still on its day: "until" compares the date.
        assert titles(ArticleFilter(until="2024-03-03")) == ["new", "old"]
        assert titles(ArticleFilter(since="2024-01-01")) == ["new"]
        assert titles(limit=1) == ["new"]
        assert titles(ids=[ids["old"], ids["undated"]]) == ["old", "undated"]
        assert storage.article_ids(ArticleFilter(outlet="other paper")) == [ids["undated"]]
        assert storage.count_articles() == 3
        summary = storage.summary()
    assert summary["articles"] == 3
    assert (summary["first_published"], summary["last_published"]) == (
        "2023-01-05",
        "2024-03-03T10:00",
    )
    assert summary["original_bytes"] == len(b"old" + b"new" + b"undated")
    assert summary["formats"] == [("text", 3)]


def test_template_counts_go_up_and_down(db):
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.count_template(7, [1, 2], +1)
        storage.count_template(7, [2, 3], +1)
        storage.count_template(8, [2], +1)
    with db.writing() as conn:
        storage = storage_for(conn)
        assert storage.template_counts(7, [1, 2, 3, 4]) == {1: 1, 2: 2, 3: 1}
        assert storage.template_counts(7, []) == {}
        assert sorted(tuple(r) for r in storage.template_rows(2)) == [(7, 2, 2)]
        storage.count_template(7, [1, 2], -1)
        # A line no article holds any more is forgotten.
        assert storage.template_counts(7, [1, 2, 3]) == {2: 1, 3: 1}
        assert storage.template_counts(8, [2]) == {2: 1}


def test_learned_shingles_add_up_and_keep_their_first_teacher(db):
    hashes = [-(2**63), -5, 0, 2**63 - 1]  # signed 64-bit, both ends
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.learn_shingles(hashes[:3], 2, learned_by=11, known_to_learner=True)
        storage.learn_shingles(hashes[1:], 3, learned_by=12, known_to_learner=False)
    with db.reading() as conn:
        storage = storage_for(conn)
        assert sorted(storage.known_shingles([*hashes, 42])) == hashes
        assert storage.known_shingles([]) == []
        learned = {r[0]: (r[1], bool(r[2])) for r in storage.learned_shingles()}
    assert learned == {-(2**63): (11, True), -5: (11, True), 0: (11, True), 2**63 - 1: (12, False)}


def test_the_band_index_answers_many_keys_and_forgets_an_article(db):
    article = _add(db, "indexed")
    other = _add(db, "other")
    passage = article << 16
    # More keys than one query takes, to go through the chunks.
    keys = list(range(-KEYS_PER_QUERY, KEYS_PER_QUERY + 500))
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.add_signature(article, "scheme-1", 2, b"\x01\x02")
        storage.add_signature(other, "scheme-2", 1, b"\x03")
        storage.add_bands([(k, passage) for k in keys] + [(keys[0], passage + 1)])
        storage.add_pairs([_pair(article, other)])
    with db.reading() as conn:
        storage = storage_for(conn)
        postings = storage.band_postings([*keys, 10**12])
        assert len(postings) == len(keys)
        assert sorted(postings[keys[0]]) == [passage, passage + 1]
        assert storage.signature(article).scheme == "scheme-1"
        assert bytes(storage.signature(article).data) == b"\x01\x02"
        assert storage.signature_scheme(article).clean_text == "The story of indexed."
        signed = storage.signatures_of([article, other], "scheme-1")
        assert [r.article_id for r in signed] == [article]
        assert storage.count_signed_otherwise(["scheme-1"]) == 1
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.drop_bands([(keys[1], passage)])
        assert keys[1] not in storage.band_postings([keys[1]])
        storage.unindex(article, [(k, passage) for k in keys] + [(keys[0], passage + 1)])
    with db.reading() as conn:
        storage = storage_for(conn)
        assert storage.band_postings(keys) == {}
        assert storage.signature(article) is None
        assert storage.signature(other) is not None
        assert storage.pairs_of([article]) == []


def _pair(a: int, b: int, words: int = 40) -> dict:
    return {
        "a": a,
        "b": b,
        "shared_words": words,
        "coverage_a": 0.5,
        "coverage_b": 0.25,
        "spans": "[[0, 10, 5, 15]]",
        "source": a,
        "confidence": "high",
        "attributed": False,
        "evidence": '["earlier"]',
        "kind": "copy",
    }


def test_pairs_and_the_shingles_in_their_spans(db):
    one, two, three = (_add(db, name) for name in ("one", "two", "three"))
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.add_pairs([_pair(one, two, 40), _pair(two, three, 80)])
        storage.add_pairs([])
        storage.add_pair_shingles([(-1, one), (5, two)])
        storage.add_pair_shingles([(5, two), (5, three)])  # one held already: left as it is
    with db.reading() as conn:
        storage = storage_for(conn)
        assert [(r.a, r.b) for r in storage.pairs_of([two])] == [(one, two), (two, three)]
        assert [(r.a, r.b) for r in storage.all_pairs(min_words=50)] == [(two, three)]
        assert storage.articles_with_pair_shingles([5]) == {two, three}
        # More articles than one query takes (two parameters each).
        many = [*range(10**6, 10**6 + 4 * KEYS_PER_QUERY), three]
        assert [(r.a, r.b) for r in storage.pairs_of(many)] == [(two, three)]
        assert storage.articles_with_pair_shingles([-1, 6]) == {one}
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.drop_pair(one, two)
        assert [(r.a, r.b) for r in storage.all_pairs()] == [(two, three)]
        storage.drop_all_pairs()
        assert list(storage.all_pairs()) == []
        assert storage.articles_with_pair_shingles([-1, 5]) == set()


def test_search_ranks_the_title_first_and_filters(db):
    body = _add(db, "Quay news", clean_text="The harbour reopened on Monday.", author="Ann Lee")
    title = _add(db, "Harbour strike", clean_text="Dock workers walked out.", author="Bo Chen")
    with db.reading() as conn:
        storage = storage_for(conn)
        found = storage.search(SearchRequest("harbour"))
        assert [row[0] for row in found] == [title, body]
        assert found[0][7] < found[1][7]  # lower is better, on both
        assert "\ue000" in found[1][5]  # the match is marked in the snippet
        by_author = storage.search(SearchRequest("harbour", filters=ArticleFilter(author="ann")))
        assert [row[0] for row in by_author] == [body]
        assert storage.search(SearchRequest("harbour", limit=1))[0][0] == title


def test_cjk_text_is_found_for_character_reading(db):
    chinese = _add(db, "port", clean_text="港口今天重新开放。")
    _add(db, "latin", clean_text="Plain words only.")
    with db.reading() as conn:
        storage = storage_for(conn)
        assert [row[0] for row in storage.texts_holding_cjk()] == [chinese]
        # A percent sign means itself in SQL run without parameters, on both.
        assert storage.run_plain("SELECT '100%'").scalar() == "100%"


def test_ids_go_on_after_rows_copied_with_their_ids(db):
    with db.writing() as conn:
        storage = storage_for(conn)
        storage.add_article("c" * 64, b"c", {**_row("copied"), "id": 100})
        storage.after_copy()
    assert _add(db, "next") == 101


def test_writers_take_turns(db):
    """A second writer waits for the first to commit, whichever backend."""
    events: list[str] = []
    first_in = threading.Event()

    def first():
        with db.writing() as conn:
            storage_for(conn).count_template(1, [1], +1)
            events.append("first in")
            first_in.set()
            time.sleep(0.5)
            events.append("first out")

    def second():
        first_in.wait()
        with db.writing() as conn:
            events.append("second in")
            assert storage_for(conn).template_counts(1, [1]) == {1: 1}

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert events == ["first in", "first out", "second in"]


def test_pairs_are_read_a_page_at_a_time(db):
    ids = [_add(db, f"page{i}") for i in range(4)]
    with db.writing() as conn:
        storage_for(conn).add_pairs([_pair(a, b) for a in ids for b in ids if a < b])
    with db.reading() as conn:
        storage = storage_for(conn)
        seen, after = [], (-1, -1)
        while page := storage.pairs_after(after, 4):
            assert len(page) <= 4
            seen += [(r.a, r.b) for r in page]
            after = seen[-1]
    assert seen == [(a, b) for a in ids for b in ids if a < b]


def test_what_an_upgrade_reads(db):
    signed, unsigned = _add(db, "signed", outlet="Ledger"), _add(db, "unsigned")
    with db.writing() as conn:
        storage_for(conn).add_signature(signed, "scheme", 1, b"\x00")
    with db.reading() as conn:
        storage = storage_for(conn)
        assert storage.unsigned_article_ids() == [unsigned]
        row = storage.with_original(signed)
    assert (row.outlet, row.format, row.clean_text, bytes(row.data)) == (
        "Ledger",
        "text",
        "The story of signed.",
        b"signed",
    )


def test_tables_are_read_whole_in_chunks_and_written_back(db, tmp_path):
    for name in ("a", "b", "c"):
        _add(db, name)
    with db.reading() as conn:
        storage = storage_for(conn)
        tables = storage.tables()
        assert tables.index("originals") < tables.index("articles") < tables.index("reuse_pairs")
        chunks = list(storage.table_rows("articles", 2))
        assert [len(c) for c in chunks] == [2, 1]
        originals = [row for chunk in storage.table_rows("originals", 10) for row in chunk]
    copy = open_database(str(tmp_path / "copy.db"), create=True)
    try:
        with copy.writing() as conn:
            storage = storage_for(conn)
            storage.add_table_rows("originals", originals)
            storage.add_table_rows("articles", [row for chunk in chunks for row in chunk])
            storage.after_copy()
            assert storage.count_rows("articles") == 3
            assert storage.count_rows("reuse_pairs") == 0
        with copy.reading() as conn:
            assert [r["title"] for r in storage_for(conn).articles(newest_first=False)] == [
                "a",
                "b",
                "c",
            ]
    finally:
        copy.close()
