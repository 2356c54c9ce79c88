"""Reuse looked up ahead of the writer (an `add` worker's ``Ahead``): used at commit, it gives
exactly what looking everything up at commit gives, on SQLite and PostgreSQL; a rewrite of the
index or boilerplate learned since makes the writer look up again."""

from __future__ import annotations

import sys
from pathlib import Path

from archiver import ingest
from archiver.archive import Archive
from archiver.ingest import Page, Preparing, commit, prepare, reclean_article
from archiver.textclean import clean_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import newspages

BOTH_BACKENDS = True
#: How many pages a worker runs ahead of the writer here: each page is looked up while the
#: LAG pages before it are not stored yet.
LAG = 8


#: Pages into whose article the longest paragraph of the page two before them is copied: the
#: copy is stored after the lookup of the page copying it was made, whatever text the stream
#: is made of.
COPIERS = (20, 41, 62, 83)


def _longest_paragraph(text: str) -> str:
    return max(clean_text(text).text.splitlines(), key=len)


def _pages(count: int) -> list[Page]:
    texts = [newspages.page(i) for i in range(count)]
    for i in COPIERS:
        if i < count:
            own = _longest_paragraph(texts[i])
            copied = _longest_paragraph(texts[i - 2])
            texts[i] = texts[i].replace(own, f"{own}\n\n{copied}", 1)
    return [
        Page(text.encode(), f"page-{i:03}.txt", f"page-{i:03}.txt", {}, "text")
        for i, text in enumerate(texts)
    ]


def _snapshot(archive: Archive) -> list:
    """Every article as stored (but when it was added) with its pairs, in id order."""
    out = []
    for article_id in range(1, archive.count() + 1):
        record = archive.get(article_id, removed=True).to_dict()
        del record["ingested_at"]
        out.append((record, [p.to_json() for p in archive.pairs(article_id)]))
    return out


def _one_by_one(location: str, pages: list[Page]) -> list:
    with Archive.open(location, create=True) as archive:
        settings = archive.options.limits
        for page in pages:
            with archive.db.together():
                commit(archive, page, prepare(archive, page, settings), settings)
        return _snapshot(archive)


def test_lookups_made_ahead_store_what_looking_up_at_commit_stores(archive_url, tmp_path):
    pages = _pages(90)
    expected = _one_by_one(str(tmp_path / "one-by-one.db"), pages)
    preparing = Preparing()
    used_by: dict[int, bool] = {}
    with Archive.open(archive_url, create=True) as archive:
        settings = archive.options.limits
        ready: dict[int, ingest.Prepared] = {}
        for i in range(len(pages) + LAG):
            if i < len(pages):  # looked up while pages i - LAG .. i - 1 are not stored yet
                ready[i] = prepare(archive, pages[i], settings, ahead=True)
            j = i - LAG
            if j >= 0:
                before = preparing.ahead_used
                with archive.db.together():
                    commit(archive, pages[j], ready.pop(j), settings, preparing)
                used_by[j + 1] = preparing.ahead_used > before
        stored = _snapshot(archive)
    assert stored == expected
    assert preparing.ahead_used > len(pages) // 2
    # Boilerplate learned between a lookup and its commit: the writer looked up again.
    assert preparing.ahead_stale > 0
    # Pairs whose older article was stored after the newer one was looked up, found from the
    # segments written since (the case the lookup ahead cannot see).
    late = [
        (p["a"], p["b"])
        for _, pairs in stored
        for p in pairs
        if p["b"] - LAG <= p["a"] < p["b"] and used_by[p["b"]]
    ]
    assert late


def test_a_rewrite_of_the_index_since_makes_the_writer_look_up_again(archive_url, tmp_path):
    pages = _pages(30)
    with Archive.open(archive_url, create=True) as archive:
        settings = archive.options.limits
        for page in pages[:-1]:
            with archive.db.together():
                commit(archive, page, prepare(archive, page, settings), settings)
        last = prepare(archive, pages[-1], settings, ahead=True)
        assert last.ahead is not None
        recleaned = _reclean_one(archive)
        preparing = Preparing()
        with archive.db.together():
            commit(archive, pages[-1], last, settings, preparing)
        stored = _snapshot(archive)
    assert (preparing.ahead_used, preparing.ahead_stale) == (0, 1)
    expected_location = str(tmp_path / "expected.db")
    with Archive.open(expected_location, create=True) as archive:
        settings = archive.options.limits
        for page in pages[:-1]:
            with archive.db.together():
                commit(archive, page, prepare(archive, page, settings), settings)
        assert reclean_article(archive, recleaned).status == "updated"
        with archive.db.together():
            commit(archive, pages[-1], prepare(archive, pages[-1], settings), settings)
        assert _snapshot(archive) == stored


def _reclean_one(archive: Archive) -> int:
    """Clean again the first article that its outlet's template now cleans otherwise: its
    passages are taken out of the index and put back (a rewrite)."""
    for article_id in range(1, archive.count() + 1):
        if reclean_article(archive, article_id).status == "updated":
            return article_id
    raise AssertionError("no article is cleaned otherwise now")


def test_a_lookup_made_ahead_is_not_used_outside_the_transaction_that_stores_it(tmp_path):
    pages = _pages(3)
    with Archive.open(str(tmp_path / "a.db"), create=True) as archive:
        settings = archive.options.limits
        for page in pages[:-1]:
            ingest.commit(archive, page, prepare(archive, page, settings), settings)
        preparing = Preparing()
        ready = prepare(archive, pages[-1], settings, ahead=True)
        result = commit(archive, pages[-1], ready, settings, preparing)
    assert result.status == "added"
    assert (preparing.ahead_used, preparing.ahead_stale) == (0, 1)
