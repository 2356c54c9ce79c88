"""`archiver db check` on real damage: copies of an archive of the samples, built by the real
CLI, each damaged one way (SQL on the file as a careless tool would, or bytes of the file
itself), then checked, repaired and checked again through the real CLI."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .conftest import SAMPLES, run_on_terminal

PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """An archive of the samples, built by `archiver add` in its own process."""
    db = tmp_path_factory.mktemp("pristine") / "samples.db"
    run = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(db), "add", str(SAMPLES)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert not Path(f"{db}-wal").exists()
    return db


def originals(db: Path) -> dict[str, bytes]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT sha256, data FROM originals"))
    finally:
        conn.close()


def _sql(db: Path, *statements, foreign_keys: bool = True) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    if not foreign_keys:
        conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(*statement) if isinstance(statement, tuple) else conn.execute(statement)
    conn.close()


def _text(db: Path, article_id: int) -> tuple[str, str]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT title, clean_text FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    finally:
        conn.close()


def _original_of(db: Path, article_id: int) -> tuple[str, bytes]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT o.sha256, o.data FROM originals o JOIN articles a ON a.sha256 = o.sha256 "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
    finally:
        conn.close()


# -- the damage -----------------------------------------------------------------------------


def original_altered(db: Path) -> None:
    """A tool rewrote an original's bytes (one bit of article 4's page)."""
    sha, data = _original_of(db, 4)
    changed = bytearray(data)
    changed[100] ^= 0x01
    _sql(db, ("UPDATE originals SET data = ? WHERE sha256 = ?", (bytes(changed), sha)))


def original_bit_rot(db: Path) -> None:
    """A bit of article 7's original flipped in the file itself (the disk, not SQLite)."""
    _, data = _original_of(db, 7)
    raw = bytearray(db.read_bytes())
    needle = data[200:240]
    at = raw.find(needle)
    assert at > 0 and raw.find(needle, at + 1) < 0
    raw[at + 5] ^= 0x20
    db.write_bytes(raw)


def search_rows_deleted(db: Path) -> None:
    for article_id in (2, 5):
        title, text = _text(db, article_id)
        _sql(
            db,
            (
                "INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) "
                "VALUES ('delete', ?, ?, ?)",
                (article_id, title, text),
            ),
        )


def search_row_stale(db: Path) -> None:
    """Article 3 indexed with words it no longer has (as if a trigger had not run)."""
    title, text = _text(db, 3)
    _sql(
        db,
        (
            "INSERT INTO articles_fts(articles_fts, rowid, title, clean_text) "
            "VALUES ('delete', 3, ?, ?)",
            (title, text),
        ),
        (
            "INSERT INTO articles_fts(rowid, title, clean_text) VALUES (3, ?, ?)",
            (title, text.replace(" the ", " a ")),
        ),
    )


def search_row_extra(db: Path) -> None:
    _sql(db, "INSERT INTO articles_fts(rowid, title, clean_text) VALUES (999, 'Ghost', 'gone')")


def search_index_scrambled(db: Path) -> None:
    """The search index's own blocks overwritten (its data, not the articles')."""
    _sql(db, "UPDATE articles_fts_data SET block = randomblob(length(block)) WHERE id > 10")


def search_index_emptied(db: Path) -> None:
    """Every block of the search index deleted, its structure record too: FTS5 cannot even
    open the table."""
    _sql(db, "DELETE FROM articles_fts_data")


def search_index_dropped(db: Path) -> None:
    _sql(db, "DROP TABLE articles_fts")


def signatures_deleted(db: Path) -> None:
    _sql(db, "DELETE FROM reuse_signatures WHERE article_id IN (1, 6)")


def signature_truncated(db: Path) -> None:
    _sql(
        db,
        "UPDATE reuse_signatures SET data = substr(data, 1, length(data) - 3) WHERE article_id = 8",
    )


def band_rows_deleted(db: Path) -> None:
    _sql(db, "DELETE FROM lsh_bands WHERE passage >> 16 = 2 AND key % 3 = 0")


def band_rows_orphaned(db: Path) -> None:
    _sql(
        db,
        (
            "INSERT INTO lsh_bands VALUES "
            "((SELECT max(id) FROM lsh_segments WHERE state = 'live'), ?, ?)",
            (123456789, (999 << 16) + 2),
        ),
    )


def pair_orphaned(db: Path) -> None:
    _sql(
        db,
        "INSERT INTO reuse_pairs (a, b, shared_words, coverage_a, coverage_b, spans, source, "
        "confidence, attributed, evidence, kind) VALUES (1, 999, 50, 0.1, 0.2, "
        "'[[0, 10, 0, 10]]', 1, 'high', 0, '[]', 'copy')",
        foreign_keys=False,
    )


def pair_spans_broken(db: Path) -> None:
    _sql(db, "UPDATE reuse_pairs SET spans = '[[0, 90000, 5, 90005]]' WHERE a = 4 AND b = 5")


def band_table_dropped(db: Path) -> None:
    _sql(db, "DROP TABLE lsh_bands")


def segment_table_dropped(db: Path) -> None:
    _sql(db, "DROP TABLE lsh_segments")


def state_table_dropped(db: Path) -> None:
    _sql(db, "DROP TABLE archive_state")


def pair_table_dropped(db: Path) -> None:
    _sql(db, "DROP TABLE reuse_pairs")


def trigger_dropped(db: Path) -> None:
    _sql(db, "DROP TRIGGER articles_fts_insert")


def index_dropped(db: Path) -> None:
    _sql(db, "DROP INDEX ix_articles_outlet")


def version_older(db: Path) -> None:
    _sql(db, "UPDATE alembic_version SET version_num = '0005'")


def version_unknown(db: Path) -> None:
    _sql(db, "UPDATE alembic_version SET version_num = 'ffff'")


def article_row_deleted(db: Path) -> None:
    """Article 9's row deleted with foreign keys off: its fields, pairs, index rows and
    original bytes stay behind."""
    _sql(db, "DELETE FROM articles WHERE id = 9", foreign_keys=False)


def file_truncated(db: Path) -> None:
    os.truncate(db, db.stat().st_size // 2)


def pages_overwritten(db: Path) -> None:
    raw = bytearray(db.read_bytes())
    pages = len(raw) // PAGE
    rng = random.Random(7)
    for page in (pages // 2, pages // 2 + 1, pages // 3):
        raw[page * PAGE : (page + 1) * PAGE] = rng.randbytes(PAGE)
    db.write_bytes(raw)


def header_zeroed(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.write(bytes(100))


def garbage_file(db: Path) -> None:
    db.write_bytes(random.Random(1).randbytes(16 * PAGE))


@dataclass
class Damage:
    make: object
    #: What `db check` must say (substrings of its output).
    says: list[str]
    #: Its exit status: 1 a problem found, 3 an archive too damaged to use.
    status: int | tuple[int, ...] = 1
    #: Whether `--repair` makes the archive whole again (only derived data was damaged).
    repairable: bool = True
    #: Whether the original bytes can still be read to compare them.
    readable: bool = True
    ids: list[str] = field(default_factory=list)


DAMAGE = {
    "original-altered": Damage(
        original_altered, ["no longer matches its SHA-256", "article 4"], repairable=False
    ),
    "original-bit-rot": Damage(
        original_bit_rot, ["no longer matches its SHA-256", "article 7"], repairable=False
    ),
    "search-rows-deleted": Damage(
        search_rows_deleted, ["missing from the search index", "articles 2 and 5"]
    ),
    "search-row-stale": Damage(search_row_stale, ["search index", "article 3"]),
    "search-row-extra": Damage(search_row_extra, ["search index", "999"]),
    "search-index-scrambled": Damage(search_index_scrambled, ["search index"]),
    "search-index-emptied": Damage(search_index_emptied, ["search index"]),
    "search-index-dropped": Damage(search_index_dropped, ["articles_fts"]),
    "signatures-deleted": Damage(signatures_deleted, ["no reuse signature", "articles 1 and 6"]),
    "signature-truncated": Damage(signature_truncated, ["signature", "article 8"]),
    "band-rows-deleted": Damage(band_rows_deleted, ["band", "article 2"]),
    "band-rows-orphaned": Damage(band_rows_orphaned, ["band", "999"]),
    "pair-orphaned": Damage(pair_orphaned, ["pair", "999"]),
    "pair-spans-broken": Damage(pair_spans_broken, ["pair", "4-5"]),
    "band-table-dropped": Damage(band_table_dropped, ["lsh_bands"]),
    "segment-table-dropped": Damage(segment_table_dropped, ["lsh_segments"]),
    "state-table-dropped": Damage(state_table_dropped, ["archive_state", "workers"]),
    "pair-table-dropped": Damage(pair_table_dropped, ["reuse_pairs"]),
    "trigger-dropped": Damage(trigger_dropped, ["articles_fts_insert"]),
    "index-dropped": Damage(index_dropped, ["ix_articles_outlet"]),
    "version-older": Damage(version_older, ["0005"]),
    "version-unknown": Damage(version_unknown, ["ffff"], status=3, repairable=False),
    "article-row-deleted": Damage(article_row_deleted, ["article 9"], repairable=False),
    "file-truncated": Damage(
        file_truncated, ["restore"], status=(1, 3), repairable=False, readable=False
    ),
    "pages-overwritten": Damage(
        pages_overwritten, ["restore"], status=(1, 3), repairable=False, readable=False
    ),
    "header-zeroed": Damage(
        header_zeroed, ["not an SQLite database"], status=3, repairable=False, readable=False
    ),
    "garbage-file": Damage(
        garbage_file, ["not an SQLite database"], status=3, repairable=False, readable=False
    ),
}


def _no_crash(result) -> None:
    assert result.exit_code not in (0, 70), result.output
    assert "Traceback" not in result.output
    assert "unexpected failure" not in result.output


def _statuses(status) -> tuple[int, ...]:
    return status if isinstance(status, tuple) else (status,)


def test_an_undamaged_archive_checks_ok(pristine, tmp_path, cli):
    db = tmp_path / "copy.db"
    shutil.copy(pristine, db)
    result = cli("--db", db, "db", "check")
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Integrity   ok\nOK\n")
    assert "Originals   24 of 24 match their SHA-256" in result.output
    assert "Search      24 articles indexed" in result.output
    repaired = cli("--db", db, "db", "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "Repaired" not in repaired.output


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_check_finds_damage_and_repair_rebuilds_only_what_is_derived(kind, pristine, tmp_path, cli):
    damage = DAMAGE[kind]
    db = tmp_path / "damaged.db"
    shutil.copy(pristine, db)
    damage.make(db)
    damaged_originals = originals(db) if damage.readable else None

    checked = cli("--db", db, "db", "check")
    _no_crash(checked)
    assert checked.exit_code in _statuses(damage.status), checked.output
    for words in damage.says:
        assert words in checked.output, checked.output
    assert not checked.output.endswith("OK\n")
    # Each problem is one sentence on one line, however many rows it concerns.
    problems = [line for line in checked.output.splitlines() if line.startswith("Problem")]
    assert len(problems) <= 6, checked.output
    assert all(len(line) < 400 for line in problems), checked.output

    repaired = cli("--db", db, "db", "check", "--repair")
    if damage.repairable:
        assert repaired.exit_code == 0, repaired.output
        assert "Repaired" in repaired.output
        again = cli("--db", db, "db", "check")
        assert again.exit_code == 0, again.output
        assert again.output.endswith("OK\n")
        assert originals(db) == originals(pristine)
    else:
        _no_crash(repaired)
        assert repaired.exit_code in _statuses(damage.status), repaired.output
    if damaged_originals is not None:
        # Repair never touches originals: an altered one stays as it was found.
        assert originals(db) == damaged_originals


def test_repair_finds_the_pairs_of_articles_indexed_again(pristine, tmp_path, cli):
    """With every signature, band row and pair gone, repair signs and indexes every article
    again and finds the same pairs (with a progress bar on a terminal)."""
    db = tmp_path / "emptied.db"
    shutil.copy(pristine, db)
    conn = sqlite3.connect(db)
    before = conn.execute("SELECT a, b, spans, source FROM reuse_pairs ORDER BY a, b").fetchall()
    conn.close()
    assert len(before) >= 5
    _sql(db, "DELETE FROM reuse_pairs", "DELETE FROM lsh_bands", "DELETE FROM reuse_signatures")
    checked = cli("--db", db, "db", "check")
    assert checked.exit_code == 1
    assert "24 articles have no reuse signature" in checked.output
    repaired = cli("--db", db, "db", "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    conn = sqlite3.connect(db)
    after = conn.execute("SELECT a, b, spans, source FROM reuse_pairs ORDER BY a, b").fetchall()
    conn.close()
    assert after == before


def test_many_problems_of_one_kind_are_one_sentence(pristine, tmp_path, cli):
    db = tmp_path / "many.db"
    shutil.copy(pristine, db)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT sha256, data FROM originals").fetchall()
    conn.executemany(
        "UPDATE originals SET data = ? WHERE sha256 = ?", [(d + b" ", s) for s, d in rows]
    )
    conn.commit()
    conn.close()
    checked = cli("--db", db, "db", "check")
    assert checked.exit_code == 1
    problems = [line for line in checked.output.splitlines() if line.startswith("Problem")]
    assert len(problems) == 1, checked.output
    assert (
        "24 originals no longer match their SHA-256 (articles 1, 2, 3, 4, 5, ..." in (problems[0])
    )


def test_the_digest_check_reads_every_byte(pristine, tmp_path):
    # The damage helpers work on what they claim to: article 7's bytes really differ.
    db = tmp_path / "rot.db"
    shutil.copy(pristine, db)
    original_bit_rot(db)
    sha, data = _original_of(db, 7)
    assert hashlib.sha256(data).hexdigest() != sha


def test_repair_shows_a_progress_bar_on_a_terminal(pristine, tmp_path):
    db = tmp_path / "unsigned.db"
    shutil.copy(pristine, db)
    _sql(db, "DELETE FROM reuse_pairs", "DELETE FROM lsh_bands", "DELETE FROM reuse_signatures")
    status, stdout, terminal = run_on_terminal("--db", str(db), "db", "check", "--repair")
    assert status == 0, stdout
    assert b"Indexing for reuse" in terminal and b"100%" in terminal
    assert stdout.endswith("OK\n")
