"""Upgrades: a backup is never named like one before it is complete (the archive of the
first schema is checked in as tests/data/archive-schema-0001.db, built by
tests/data/make_archive_schema_0001.py)."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archiver.store import head_revision

DATA = Path(__file__).resolve().parent / "data" / "archive-schema-0001.db"


def _old_archive(tmp_path) -> Path:
    db = tmp_path / "old.db"
    shutil.copy(DATA, db)
    return db


def _revision(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


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
