"""The LSH band index in sorted segments (archiver/storage/bands.py): merges never lose,
duplicate or hide a row, whatever step they stopped at, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import random

import pytest
from alembic import command
from sqlalchemy import create_engine

from archiver.storage import bands, storage_for
from archiver.store import alembic_config, open_database

from .conftest import article_text

BOTH_BACKENDS = True


@pytest.fixture
def small_steps(monkeypatch):
    """Merges of a few slices each, driven by the test (no upkeep after commits)."""
    monkeypatch.setattr(bands, "SLICE_ROWS", 5)
    monkeypatch.setattr(bands, "DEBT_PER_ROW", 0)


def _segment(rng: random.Random, article: int, shared: list[int]) -> list[tuple[int, int]]:
    keys = {rng.getrandbits(63) for _ in range(9)} | set(rng.sample(shared, 3))
    return [(key, (article << 16) + i) for i, key in enumerate(sorted(keys))]


def _postings(rows) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for key, passage in sorted(rows):
        found.setdefault(key, []).append(passage)
    return found


def _add(database, rows) -> None:
    with database.writing() as conn:
        storage_for(conn).add_bands(rows)


def _lookup(database, keys) -> dict[int, list[int]]:
    with database.reading() as conn:
        return {k: sorted(v) for k, v in storage_for(conn).band_postings(keys).items()}


def _states(database) -> list[tuple[int, str]]:
    with database.reading() as conn:
        return [(tier, state) for _, tier, _, state in storage_for(conn).band_segments()]


def _step(database) -> int:
    with database.writing() as conn:
        return storage_for(conn).compact_step()


def test_merges_keep_every_row_findable_once_at_every_step(archive_url, small_steps):
    rng = random.Random(7)
    shared = [rng.getrandbits(63) for _ in range(6)] + [-5, 0]  # any 64-bit key is kept
    database = open_database(archive_url, create=True)
    added: list[tuple[int, int]] = []
    for article in range(1, 18):  # 17 segments: four merges into tier 1, one into tier 2
        rows = _segment(rng, article, shared)
        _add(database, rows)
        added += rows
    expected = _postings(added)
    keys = [*expected, 12345]
    assert _lookup(database, keys) == expected
    steps = 0
    while _step(database):
        steps += 1
        assert _lookup(database, keys) == expected, f"after step {steps}"
        if steps == 7:  # another process takes over the merge where it stopped
            database.close()
            database = open_database(archive_url)
    assert steps > 5 * 2  # merges of several slices each, then deletions
    states = _states(database)
    assert all(state == "live" for _, state in states)
    assert sorted(tier for tier, _ in states) == [0, 2]
    with database.reading() as conn:
        stored = conn.exec_driver_sql("SELECT count(*) FROM lsh_bands").scalar()
    assert stored == len(added)  # the merged segments' rows went
    database.close()


def test_rows_dropped_or_added_during_a_merge(archive_url, small_steps):
    rng = random.Random(11)
    shared = [rng.getrandbits(63) for _ in range(4)]
    database = open_database(archive_url, create=True)
    added: list[tuple[int, int]] = []
    for article in range(1, 5):
        rows = _segment(rng, article, shared)
        _add(database, rows)
        added += rows
    assert _step(database)  # the merge starts
    assert _step(database)  # its first slice (the lowest keys) is written
    dropped = sorted(added)[:2] + sorted(added)[-2:]  # one copied, one not yet
    with database.writing() as conn:
        storage_for(conn).drop_bands(dropped)
    late = _segment(rng, 9, shared)
    _add(database, late)
    while _step(database):
        pass
    kept = [row for row in added if row not in dropped] + late
    expected = _postings(kept)
    assert _lookup(database, [*expected, *(key for key, _ in dropped)]) == expected
    assert sorted(tier for tier, _ in _states(database)) == [0, 1]
    database.close()


def test_adding_articles_keeps_the_index_in_few_segments(archive_url, cli, write):
    for topic in ("harbour", "budget", "transit", "schools", "weather", "hospital", "museum"):
        for outlet in range(3):
            path = write(f"{topic}-{outlet}.txt", article_text(f"{topic} {outlet}", 3 + outlet))
            assert cli("add", str(path)).exit_code == 0
    database = open_database(archive_url)
    states = _states(database)
    database.close()
    # 21 articles, each written as a segment of its own: merged as `add` went.
    assert len(states) < 10
    assert max(tier for tier, _ in states) >= 1
    assert cli("db", "check").exit_code == 0


def test_an_upgrade_makes_the_rows_one_live_segment(archive_url):
    database = open_database(archive_url, create=True)
    rows = [(key * 7919, (1 << 16) + key % 5) for key in range(1, 300)]
    _add(database, rows[:150])
    _add(database, rows[150:])
    database.close()
    engine = create_engine(archive_url if "://" in archive_url else f"sqlite:///{archive_url}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0010")
        assert conn.exec_driver_sql("SELECT count(*) FROM lsh_bands").scalar() == len(rows)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()
    database = open_database(archive_url)
    assert _states(database) == [(0, "live")]
    assert _lookup(database, [key for key, _ in rows]) == _postings(rows)
    database.close()


@pytest.mark.parametrize("slices", [1, 2, 3, 10, 39])
def test_the_slices_of_a_merge_tile_the_key_space(slices, sqlite_only):
    ranges = [bands.key_range(i, slices) for i in range(slices)]
    assert ranges[0][0] is None and ranges[-1][1] is None  # any key out of the space too
    for (_, high), (low, _) in itertools.pairwise(ranges):
        assert high == low  # each key in exactly one slice: high excluded, low included
    assert all(low < high for low, high in ranges[1:-1])


def test_band_rows_as_an_array_are_the_rows_of_every_signed_window(archive_url, monkeypatch):
    """An article's band rows are built as an array and written a slice at a time: the same
    (key, passage) rows, in the same order, as one per band of every window that saw a
    shingle; the index finds each of them once, from an array or from a list."""
    import numpy as np

    from archiver import reuse
    from archiver.minhash import EMPTY, band_keys
    from archiver.passages import DEFAULT
    from archiver.storage import sqlite

    monkeypatch.setattr(sqlite, "_ROWS_AT_ONCE", 5)
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 2**32 - 1, size=(6, DEFAULT.num_perm), dtype=np.uint64)
    sigs = sigs.astype(np.uint32)
    sigs[2] = EMPTY  # a window that saw no shingle is not indexed
    keys = band_keys(sigs, DEFAULT)
    base = 7 << reuse.PASSAGE_BITS
    expected = [(int(k), base + i) for i in (0, 1, 3, 4, 5) for k in keys[i]]
    assert reuse._band_rows(7, sigs, DEFAULT) == expected
    rows = reuse._band_array(7, sigs, DEFAULT)
    assert rows.dtype == np.int64 and rows.tolist() == [list(row) for row in expected]
    database = open_database(archive_url, create=True)
    _add(database, rows)
    _add(database, [(key, passage + 1) for key, passage in expected[:4]])
    found = _lookup(database, sorted({key for key, _ in expected}))
    assert found == _postings(expected + [(k, p + 1) for k, p in expected[:4]])
