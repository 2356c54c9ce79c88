"""Datasette and sqlite-utils read an archive made from the samples: they find the full-text
index of ``articles`` by themselves (migration 0007 declared it as they expect), search
returns the right articles, and the metadata's canned queries run."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archiver.datasette import metadata

sqlite_utils = pytest.importorskip("sqlite_utils")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def samples_archive(tmp_path_factory) -> Path:
    """The samples archived by the real command, once for this module (read only here)."""
    db = tmp_path_factory.mktemp("datasette") / "archive.db"
    added = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(db), "add", "--quiet", str(SAMPLES)],
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    return db


@pytest.fixture
def archive_copy(samples_archive, tmp_path) -> Path:
    db = tmp_path / "archive.db"
    shutil.copy(samples_archive, db)
    return db


def _archiver_ids(db: Path, query: str) -> list[int]:
    result = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(db), "search", "--json", query],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_sqlite_utils_finds_the_index_and_searches_it(samples_archive):
    db = sqlite_utils.Database(samples_archive)
    try:
        assert db["articles"].detect_fts() == "articles_fts"
        found = {row["id"] for row in db["articles"].search("dockworkers", columns=["id"])}
        assert found == set(_archiver_ids(samples_archive, "dockworkers")) == {1, 2, 3}
        sardines = [row["id"] for row in db["articles"].search("sardinas OR sardina")]
        assert sardines == _archiver_ids(samples_archive, "sardinas OR sardina")
        assert len(sardines) == 1
        title = db["articles"].get(sardines[0])["title"]
        assert "Sardina" in title or "sardina" in title.lower()
    finally:
        db.close()
    # And its command line, which failed with the old declaration.
    command = Path(sys.executable).with_name("sqlite-utils")
    if command.exists():
        result = subprocess.run(
            [str(command), "search", str(samples_archive), "articles", "ferry", "-c", "id"],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert {row["id"] for row in json.loads(result.stdout)} == set(
            _archiver_ids(samples_archive, "ferry")
        )


def test_an_archive_of_the_old_declaration_is_readable_once_upgraded(archive_copy):
    """Downgraded to 0006 (content='articles'), sqlite-utils does not see the index; the
    upgrade makes it visible, with every article still found."""
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.store import alembic_config

    engine = create_engine(f"sqlite:///{archive_copy}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    engine.dispose()
    old = sqlite_utils.Database(archive_copy)
    try:
        assert old["articles"].detect_fts() is None
    finally:
        old.close()
    upgraded = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(archive_copy), "db", "upgrade"],
        capture_output=True,
        text=True,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    new = sqlite_utils.Database(archive_copy)
    try:
        assert new["articles"].detect_fts() == "articles_fts"
        assert {r["id"] for r in new["articles"].search("dockworkers")} == {1, 2, 3}
    finally:
        new.close()
    checked = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(archive_copy), "db", "check"],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _datasette_get(db: Path, paths: list[str], meta: dict | None = None) -> list:
    from datasette.app import Datasette

    async def fetch():
        ds = Datasette([str(db)], metadata=meta)
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(fetch())


def test_datasette_search_filters_the_articles(samples_archive):
    pytest.importorskip("datasette")
    everything, searched = _datasette_get(
        samples_archive,
        [
            "/archive/articles.json?_shape=array&_col=id&_size=max",
            "/archive/articles.json?_shape=array&_col=id&_search=dockworkers",
        ],
    )
    assert searched.status_code == 200, searched.text
    ids = {row["id"] for row in searched.json()}
    assert ids == {1, 2, 3}
    assert len(everything.json()) > len(ids)


def test_the_metadata_titles_the_tables_and_its_queries_run(samples_archive):
    pytest.importorskip("datasette")
    meta = metadata(samples_archive)
    assert set(meta["databases"]) == {"archive"}
    pairs, copies, whom, removed, page, table = _datasette_get(
        samples_archive,
        [
            "/archive/article_pairs.json?_shape=array&id=3",
            "/archive/uncredited_copies.json?_shape=array&outlet=coastline+today",
            "/archive/who_copies_whom.json?_shape=array",
            "/archive/removed_by_rule.json?_shape=array",
            "/archive",
            "/archive/reuse_pairs",
        ],
        meta,
    )
    for response in (pairs, copies, whom, removed, page, table):
        assert response.status_code == 200, response.text
    # Article 3 (Coastline Today) shares the wire story with 1 and 2: both texts shown.
    rows = pairs.json()
    assert sorted((r["a"], r["b"]) for r in rows) == [(1, 3), (2, 3)]
    assert all(r["a_text"] and r["b_text"] and json.loads(r["spans"]) for r in rows)
    # It copied the agency's story without crediting it.
    assert [(r["copy_id"], r["source_id"]) for r in copies.json()] == [(3, 1)]
    assert copies.json()[0]["source_outlet"] == "Meridian Press Agency"
    assert {"source_outlet", "copying_outlet", "copies", "uncredited"} <= set(whom.json()[0])
    assert sum(r["lines"] for r in removed.json()) > 0
    listed = page.text.rsplit("hidden tables", 1)[0]
    for shown in ("News archive", "Pairs of an article, with both texts", "Who copies whom"):
        assert shown in listed
    for name in ("articles", "article_fields", "removed_lines", "reuse_pairs"):
        assert f'href="/archive/{name}"' in listed
    assert "lsh_bands" not in listed  # the internal indexes are behind "hidden tables"
    assert "Pairs: articles that share verified passages" in table.text
    assert "the article judged to be first" in table.text


def test_metadata_is_written_for_any_archive_name(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "archiver.datasette", str(tmp_path / "news.db")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    meta = json.loads(result.stdout)
    assert list(meta["databases"]) == ["news"]
    assert meta["databases"]["news"]["tables"]["articles"]["fts_table"] == "articles_fts"
    refused = subprocess.run(
        [sys.executable, "-m", "archiver.datasette", "a.db", "b.db"], capture_output=True
    )
    assert refused.returncode == 2
