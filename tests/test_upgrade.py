"""Upgrades leave the archive fully working: an archive of the first schema (checked in as
an archive built as schema 0001 left it by tests/data/make_archive_schema_0001.py) comes out
with every article intact, searchable and indexed for reuse; a backup is never named like one
before it is complete."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archiver.archive import Archive
from archiver.fts import search
from archiver.store import SCHEMA_HEAD, head_revision

from .conftest import archive_schema_0001, run_on_terminal

#: A word only each article of the data file holds.
UNIQUE_WORDS = {1: "Dunmore", 2: "Wheelers", 3: "Brandt", 4: "pumpkins", 5: "saddlery"}


def _old_archive(tmp_path) -> Path:
    db = tmp_path / "old.db"
    shutil.copy(archive_schema_0001(), db)
    return db


def _rows(db: Path) -> dict[int, tuple]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.clean_text, a.sha256, o.data "
            "FROM articles a JOIN originals o ON o.sha256 = a.sha256 ORDER BY a.id"
        ).fetchall()
    finally:
        conn.close()
    return {row[0]: row[1:] for row in rows}


def _revision(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_the_first_schema_upgrades_to_a_fully_working_archive(tmp_path, cli, write):
    db = _old_archive(tmp_path)
    assert _revision(db) == "0001"
    before = _rows(db)
    assert len(before) == 5
    result = cli("--db", db, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert (
        f"Upgraded the archive {db} from schema 0001 to {head_revision()} and indexed 5 "
        "articles archived before for reuse; the old file is kept at"
    ) in result.output
    with Archive.open(str(db)) as archive:
        assert archive.db.upgraded is None  # nothing left to do
        for article_id, (title, outlet, published, text, sha, data) in before.items():
            record = archive.get(article_id)
            assert (record.title, record.outlet, record.published) == (title, outlet, published)
            assert record.clean_text == text
            assert record.sha256 == sha
            raw = archive.raw(article_id)
            assert raw == data
            assert hashlib.sha256(raw).hexdigest() == sha
            hits = [hit.id for hit in search(archive, UNIQUE_WORDS[article_id])]
            assert hits == [article_id], (article_id, hits)
        # The two footbridge stories share the wire paragraph.
        pairs = {(p.a, p.b): p for p in archive.pairs(1)}
        assert list(pairs) == [(1, 2)]
        assert pairs[(1, 2)].shared_words >= 80
        assert [(p.a, p.b) for p in archive.pairs(3)] == []
        # Each outlet's template counts its old articles' lines, as adding them would have.
        from archiver.templates import line_hashes, outlet_hash

        lines = line_hashes("News | Sport | Weather\nShare this article\nBy Nell Okafor")
        counts = archive.template_counts(outlet_hash("Riverside Courier"), lines)
        assert sorted(counts.values()) == [2, 2, 2]
    check = cli("--db", db, "db", "check")
    assert check.exit_code == 0, check.output
    # A new article copying the library story is found as reuse of the old one.
    library = before[3][3].split("\n\n")[0]
    copy = write(
        "copy.txt",
        "Eastgate Weekly\n\nBooks are back in Hillcrest\n\nBy Lee Park\n\n"
        "Readers queued in the rain to get back into their library this week.\n\n"
        f"{library}\n\nThe town council has promised to pay for a new pump.\n",
    )
    added = cli("--db", db, "add", "--json", copy)
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["reused_from"] == [3]


def test_db_upgrade_indexes_what_an_earlier_upgrade_left_unindexed(tmp_path, cli):
    """Archives upgraded before upgrades indexed old articles are at the newest schema with
    those articles unindexed: `db upgrade` indexes them."""
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.store import alembic_config

    db = _old_archive(tmp_path)
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # the schema alone, as earlier upgrades did
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()
    result = cli("--db", db, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Indexed 5 articles of {db} for reuse that an earlier upgrade had left unindexed.\n"
        f"{db} is up to date (schema {head_revision()}).\n"
    )
    with Archive.open(str(db)) as archive:
        assert [(p.a, p.b) for p in archive.pairs(2)] == [(1, 2)]
    again = cli("--db", db, "db", "upgrade")
    assert again.output == f"{db} is up to date (schema {head_revision()}).\n"


def test_a_backup_killed_while_being_written_is_never_named_like_a_backup(tmp_path):
    db = _old_archive(tmp_path)
    conn = sqlite3.connect(db)
    # Enough bytes that copying them takes a while (about a quarter of a second here).
    conn.execute("INSERT INTO originals VALUES ('padding', 48000000, zeroblob(48000000))")
    conn.commit()
    conn.close()
    upgrading = subprocess.Popen(
        [sys.executable, "-m", "archiver", "--db", str(db), "db", "upgrade"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob("old.db.0001-*")):
            assert upgrading.poll() is None, "the upgrade ended before its backup was seen"
            assert time.monotonic() < deadline
            time.sleep(0.001)
        upgrading.send_signal(signal.SIGKILL)
    finally:
        upgrading.wait()
    left = sorted(p.name for p in tmp_path.glob("old.db.0001-*"))
    assert left and all(".bak.partial" in name for name in left), left
    assert _revision(db) == "0001"
    # The next upgrade clears what the killed one left, and keeps one whole backup.
    result = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(db), "db", "upgrade"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    left = sorted(tmp_path.glob("old.db.0001-*"))
    assert [p.suffix for p in left] == [".bak"]
    assert _revision(left[0]) == "0001"
    assert _revision(db) == head_revision()


def test_an_upgrade_shows_a_progress_bar_on_a_terminal(tmp_path):
    db = _old_archive(tmp_path)
    conn = sqlite3.connect(db)
    page, clean = conn.execute(
        "SELECT o.data, a.clean_text FROM articles a JOIN originals o USING (sha256) WHERE a.id = 4"
    ).fetchone()
    for i in range(8):  # more articles, each with its own bytes
        data = page + f"\n{i}\n".encode()
        sha = hashlib.sha256(data).hexdigest()
        conn.execute("INSERT INTO originals VALUES (?, ?, ?)", (sha, len(data), data))
        conn.execute(
            "INSERT INTO articles (sha256, source_path, ingested_at, format, encoding, "
            "extractor, extractor_version, clean_text) VALUES (?, ?, '2024-06-02 10:00:00', "
            "'text', 'utf-8', 'archiver-text', '1', ?)",
            (sha, f"/scraped/{i}.txt", clean + f" Note {i}."),
        )
    conn.commit()
    conn.close()
    status, _, terminal = run_on_terminal("--db", str(db), "db", "upgrade")
    assert status == 0, terminal
    assert b"Indexing for the upgrade" in terminal and b"100%" in terminal
    assert b"and indexed 13 articles archived before for reuse" in terminal


def test_an_upgrade_to_0010_indexes_the_shingles_of_every_stored_pair(tmp_path, cli):
    """Archives made before `pair_shingles` existed get, on upgrade, the shingles reaching into
    every stored pair's spans: the rows storing those pairs today would write."""
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.reuse import Pair, pair_span_rows
    from archiver.store import alembic_config

    from .conftest import SAMPLES

    db = tmp_path / "archive.db"
    assert cli("--db", db, "add", "--quiet", SAMPLES).exit_code == 0
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009")
    engine.dispose()
    result = cli("--db", db, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"from schema 0009 to {SCHEMA_HEAD}" in result.output
    conn = sqlite3.connect(db)
    try:
        rows = set(conn.execute("SELECT hash, article_id FROM pair_shingles"))
        pairs = [
            Pair(a, b, 0, 0.0, 0.0, json.loads(spans), None, "", False)
            for a, b, spans in conn.execute("SELECT a, b, spans FROM reuse_pairs")
        ]
        texts = dict(conn.execute("SELECT id, clean_text FROM articles"))
        learned_by = conn.execute(
            "SELECT count(*) FROM boilerplate_shingles WHERE learned_by != 0 OR known_to_learner"
        ).fetchone()
    finally:
        conn.close()
    assert len(pairs) >= 5
    assert rows == pair_span_rows(pairs, texts)
    assert {article for _, article in rows} == {i for p in pairs for i in (p.a, p.b)}
    assert learned_by == (0,)  # who taught the archive its boilerplate was not kept: 0
    assert cli("--db", db, "db", "check").exit_code == 0
