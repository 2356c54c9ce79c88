"""Which archived articles are aligned with a new one: the LSH candidates and their filter."""

from __future__ import annotations

import hashlib
import random
from datetime import datetime

from archiver.archive import Archive
from archiver.reuse import COMMON_BAND_ARTICLES, candidates, index_article
from archiver.storage import storage_for

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

STOCK = (
    "spoke on condition of anonymity because they were not authorized to discuss the matter "
    "publicly, according to people familiar with it"
)


def _words(rng: random.Random, count: int) -> str:
    return " ".join(f"w{rng.randrange(50_000)}" for _ in range(count))


def _archive(location: str, texts: list[str]) -> Archive:
    """An archive of these clean texts, indexed for reuse (pairs are not looked for: a
    candidate is what this tests)."""
    archive = Archive.open(location, create=True)
    with archive.db.writing() as conn:
        storage = storage_for(conn)
        for text in texts:
            row = {
                "source_path": "page.txt",
                "ingested_at": datetime(2024, 6, 1),
                "format": "text",
                "encoding": "utf-8",
                "extractor": "test",
                "extractor_version": "1",
                "clean_text": text,
            }
            digest = hashlib.sha256(text.encode()).hexdigest()
            article_id = storage.add_article(digest, text.encode(), row)
            index_article(conn, article_id, text)
    return archive


def test_a_stock_phrase_many_articles_hold_makes_few_candidates(archive_url):
    rng = random.Random(7)
    # Each band key of the phrase's windows is held by the articles whose windows drew their
    # smallest values from the phrase: a share of those holding it.
    many = 6 * COMMON_BAND_ARTICLES
    texts = [f"{_words(rng, 100)} Officials {STOCK}. {_words(rng, 100)}" for _ in range(many)]
    with _archive(archive_url, texts) as archive, archive.db.reading() as conn:
        new = f"{_words(rng, 100)} Two aides {STOCK}. {_words(rng, 100)}"
        collided = candidates(conn, 0, new, min_similarity=0)  # what trace looks at
        assert len(collided) >= COMMON_BAND_ARTICLES
        # A few whose windows drew the phrase's rarer band keys stay (the filter works per key).
        assert len(candidates(conn, 0, new)) < len(collided) / 4


def test_a_passage_as_widely_carried_is_still_a_candidate_of_each(archive_url):
    rng = random.Random(8)
    many = COMMON_BAND_ARTICLES + 20
    wire = _words(rng, 80)
    texts = [f"{_words(rng, 100)} {wire} {_words(rng, 100)}" for _ in range(many)]
    with _archive(archive_url, texts) as archive, archive.db.reading() as conn:
        found = candidates(conn, 0, f"{_words(rng, 60)} {wire} {_words(rng, 60)}")
        assert len(found) == many


def test_a_stock_phrase_few_articles_hold_is_judged_by_its_window_likeness(archive_url):
    rng = random.Random(9)
    texts = [f"{_words(rng, 100)} Officials {STOCK}. {_words(rng, 100)}" for _ in range(3)]
    texts.append(f"{_words(rng, 100)} {_words(rng, 30)} {_words(rng, 100)}")
    with _archive(archive_url, texts) as archive, archive.db.reading() as conn:
        copy = f"{_words(rng, 50)} {texts[3].split(' ', 100)[-1][:400]}"
        assert 4 in candidates(conn, 0, copy)
