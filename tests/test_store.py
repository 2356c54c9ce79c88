"""The archive's database: migrations (on both backends), automatic upgrades with backups,
refusing what is not ours (an SQLite file)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from archiver.archive import Archive
from archiver.fts import search
from archiver.minhash import band_keys, scheme_json, to_bytes
from archiver.passages import DEFAULT, ReuseSettings
from archiver.reuse import signatures
from archiver.store import (
    APPLICATION_ID,
    SCHEMA_HEAD,
    alembic_config,
    head_revision,
    open_database,
)

from .conftest import article_text

EXPECTED_SCHEMA = {
    "originals": ["sha256", "size", "data"],
    "articles": [
        "id",
        "sha256",
        "source_path",
        "ingested_at",
        "format",
        "encoding",
        "extractor",
        "extractor_version",
        "clean_text",
        "title",
        "author",
        "outlet",
        "url",
        "published",
        "language",
    ],
    "article_fields": ["article_id", "name", "value", "source", "confidence"],
    "removed_lines": ["id", "article_id", "lineno", "text", "reason", "rule"],
    "template_lines": ["outlet_hash", "line_hash", "articles"],
    "reuse_signatures": ["article_id", "scheme", "passages", "data"],
    "lsh_bands": ["segment", "key", "passage"],
    "lsh_segments": ["id", "tier", "rows", "state", "merge_into", "slices", "done"],
    "archive_state": ["name", "value"],
    "boilerplate_shingles": ["hash", "articles", "learned_by", "known_to_learner"],
    "pair_shingles": ["hash", "article_id"],
    "reuse_pairs": [
        "a",
        "b",
        "shared_words",
        "coverage_a",
        "coverage_b",
        "spans",
        "source",
        "confidence",
        "attributed",
        "evidence",
        "kind",
    ],
    "alembic_version": ["version_num"],
    # FTS5 (external content: the text stays in articles) and its shadow tables.
    "articles_fts": ["title", "clean_text"],
    "articles_fts_config": ["k", "v"],
    "articles_fts_data": ["id", "block"],
    "articles_fts_docsize": ["id", "sz"],
    "articles_fts_idx": ["segid", "term", "pgno"],
    # The trigram index of the articles in Chinese and Japanese (external content too).
    "articles_cjk_fts": ["title", "clean_text"],
    "articles_cjk_fts_config": ["k", "v"],
    "articles_cjk_fts_data": ["id", "block"],
    "articles_cjk_fts_docsize": ["id", "sz"],
    "articles_cjk_fts_idx": ["segid", "term", "pgno"],
}
EXPECTED_TRIGGERS = {
    f"articles_{index}fts_{event}"
    for index in ("", "cjk_")
    for event in ("insert", "delete", "update")
}
EXPECTED_INDEXES = {
    "articles": {"ix_articles_outlet", "ix_articles_published"},
    "removed_lines": {"ix_removed_lines_reason"},
}


def _schema(location) -> tuple[dict, dict]:
    """Tables (their columns) and indexes of an SQLite file or a database URL."""
    engine = create_engine(str(location) if "://" in str(location) else f"sqlite:///{location}")
    insp = inspect(engine)
    tables = {t: [c["name"] for c in insp.get_columns(t)] for t in insp.get_table_names()}
    indexes = {t: {i["name"] for i in insp.get_indexes(t)} for t in tables}
    engine.dispose()
    return tables, indexes


ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def _make_first_revision_archive(path) -> None:
    """An archive as the first migration left it, with one article in it."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        # The SHA-256 of b"abc": `db check` hashes every original again.
        conn.exec_driver_sql(f"INSERT INTO originals VALUES ('{ABC_SHA256}', 3, x'616263')")
        conn.exec_driver_sql(
            "INSERT INTO articles (id, sha256, source_path, ingested_at, format, encoding, "
            "extractor, extractor_version, clean_text, title) VALUES (7, "
            f"'{ABC_SHA256}', '/in.txt', '2024-01-01 00:00:00', 'text', 'utf-8', "
            "'archiver-text', '1', 'Old text', 'Old')"
        )
    engine.dispose()


@pytest.mark.both_backends
def test_new_archive_has_the_expected_schema(archive_url, archive_backend):
    open_database(archive_url, create=True).close()
    tables, indexes = _schema(archive_url)
    for table, names in EXPECTED_INDEXES.items():
        assert names <= indexes[table]
    if archive_backend == "postgresql":
        # Search is a weighted tsvector column of articles (GIN-indexed), not FTS5 tables.
        expected = {t: c for t, c in EXPECTED_SCHEMA.items() if not t.startswith("articles_")}
        expected["articles"] = [*expected["articles"], "search_vector"]
        assert tables == expected
        assert "articles_search" in indexes["articles"]
        return
    assert tables == EXPECTED_SCHEMA
    conn = sqlite3.connect(archive_url)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert triggers == EXPECTED_TRIGGERS


@pytest.mark.both_backends
def test_models_match_the_migrations(archive_url):
    db = open_database(archive_url, create=True)
    try:
        assert db.schema_differences() == []
    finally:
        db.close()


def test_an_archive_of_the_first_migration_is_backed_up_and_upgraded(db_path):
    _make_first_revision_archive(db_path)
    with Archive.open(str(db_path)) as archive:
        old, new, backup = archive.db.upgraded
        assert (old, new) == ("0001", head_revision())
        record = archive.get(7)
        assert (record.title, record.clean_text) == ("Old", "Old text")
        assert archive.get(7, removed=True).removed == []
        # Articles from before the search index existed are indexed by the upgrade.
        assert [hit.id for hit in search(archive, "old")] == [7]
    assert backup.exists() and backup.name.startswith("archive.db.0001-")
    backup_tables, _ = _schema(backup)
    assert "removed_lines" not in backup_tables
    assert sqlite3.connect(backup).execute("SELECT title FROM articles").fetchall() == [("Old",)]
    tables, _ = _schema(db_path)
    assert tables == EXPECTED_SCHEMA


def test_db_upgrade_command_reports_the_upgrade_and_check_passes(db_path, cli):
    _make_first_revision_archive(db_path)
    result = cli("db", "check")
    assert result.exit_code == 1
    assert "Problem     the schema is older: run `archiver db upgrade`" in result.output
    result = cli("db", "upgrade")
    assert result.exit_code == 0
    assert (
        f"from schema 0001 to {head_revision()} and indexed 1 article archived before for "
        "reuse; the old file is kept at"
    ) in result.output
    result = cli("db", "upgrade")
    assert result.output == f"{db_path} is up to date (schema {head_revision()}).\n"
    # Articles archived before the reuse index existed were indexed by the upgrade.
    result = cli("db", "check")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == ["Integrity   ok", "OK"]


def test_db_check_finds_articles_indexed_under_another_scheme(db_path, cli, write):
    assert cli("add", str(write("a.txt", article_text("harbour")))).exit_code == 0
    assert cli("add", str(write("b.txt", article_text("budget")))).exit_code == 0
    assert cli("db", "check").exit_code == 0
    # Article 1 as an older archiver indexed it: 32 bands of 4 rows over 128 permutations.
    old = ReuseSettings(num_perm=128, bands=32, rows=4)
    conn = sqlite3.connect(db_path)
    text = conn.execute("SELECT clean_text FROM articles WHERE id = 1").fetchone()[0]
    conn.execute("DELETE FROM lsh_bands WHERE passage >> 16 = 1")
    sigs = signatures(text, old)
    conn.execute(
        "UPDATE reuse_signatures SET scheme = ?, data = ? WHERE article_id = 1",
        (scheme_json(old), to_bytes(sigs)),
    )
    keys = band_keys(sigs, old)
    conn.executemany(
        "INSERT INTO lsh_bands VALUES (1, ?, ?)",  # article 1's segment
        [(int(k), (1 << 16) + i) for i, row in enumerate(keys) for k in row],
    )
    conn.commit()
    result = cli("db", "check")
    assert result.exit_code == 1
    assert (
        "Problem     1 article was indexed for reuse by another version and not matched "
        "against new ones: run `archiver reclean --all`"
    ) in result.output
    result = cli("reclean", "--all")
    assert result.exit_code == 0, result.output
    assert cli("db", "check").exit_code == 0
    # The old band rows went with the old index; the new ones are this version's.
    rows = conn.execute("SELECT key FROM lsh_bands WHERE passage >> 16 = 1").fetchall()
    conn.close()
    new_keys = band_keys(signatures(text), DEFAULT).ravel().tolist()
    assert sorted(k for (k,) in rows) == sorted(new_keys)


def test_a_current_archive_opens_without_alembic(db_path):
    # SCHEMA_HEAD names the newest migration; then opening reads the revision with one query.
    assert head_revision() == SCHEMA_HEAD
    open_database(str(db_path), create=True).close()
    probe = (
        "import sys; from archiver.store import open_database; "
        f"open_database({str(db_path)!r}).close(); print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_newer_archive_is_refused(db_path, cli):
    open_database(str(db_path), create=True).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = cli("list")
    assert result.exit_code == 3
    assert result.output == (
        f"Error: {db_path} was written by a newer version of archiver (schema 9999); "
        "upgrade archiver to open it\n"
    )


def test_a_text_file_is_not_an_archive(write, cli):
    path = write("notes.db", "just some notes\n")
    result = cli("--db", path, "list")
    assert result.exit_code == 3
    assert result.output == (
        f"Error: {path} is not an archiver archive (it is not an SQLite database); "
        "point --db at an archive, or at a new file to create one\n"
    )
    assert path.read_text() == "just some notes\n"


def test_another_programs_database_is_not_an_archive(tmp_path, cli, write):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    source = write("a.txt", "Some words")
    result = cli("--db", path, "add", source)
    assert result.exit_code == 3
    assert result.output == (
        f"Error: {path} is a database but not an archiver archive; point --db at an archive, "
        "or at a new file to create one\n"
    )
    tables, _ = _schema(path)
    assert tables == {"contacts": ["name"]}


@pytest.mark.parametrize(
    ("journal", "application_id"), [("delete", 0), ("wal", 0), ("delete", 0x12345678)]
)
def test_another_programs_database_is_refused_before_anything_in_it_changes(
    tmp_path, cli, write, journal, application_id
):
    folder = tmp_path / "theirs"
    folder.mkdir()
    path = folder / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    source = write("a.txt", article_text())
    for args in (["add", source], ["list"], ["db", "upgrade"], ["db", "check"]):
        result = cli("--db", path, *args)
        assert result.exit_code == 3, (args, result.output)
        assert "not an archiver archive" in result.output, args
    assert path.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["contacts.db"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == (journal,)
    conn.close()


def test_read_only_commands_never_create_an_archive(db_path, cli):
    for args in (
        ["list"],
        ["show", "1"],
        ["stats"],
        ["export"],
        ["db", "check"],
        ["db", "upgrade"],
    ):
        result = cli(*args)
        assert result.exit_code == 3, args
        assert result.output == (
            f"Error: no archive at {db_path}; create one with `archiver add FILE...`, "
            "or point --db (or $ARCHIVER_DB) at an existing archive\n"
        )
    assert not db_path.exists()


def test_db_accepts_an_sqlalchemy_url(tmp_path, cli):
    path = tmp_path / "by-url.db"
    open_database(f"sqlite:///{path}", create=True).close()
    result = cli("--db", f"sqlite:///{path}", "stats", "--json")
    assert result.exit_code == 0, result.output
    assert '"articles": 0' in result.output


def test_db_after_the_command_name(tmp_path, cli):
    path = tmp_path / "after.db"
    open_database(str(path), create=True).close()
    assert cli("list", "--db", path).exit_code == 0
    assert cli("list", "--db", tmp_path / "missing.db").exit_code == 3


def test_missing_folder_for_a_new_archive(tmp_path, write, cli):
    source = write("a.txt", "words")
    result = cli("--db", tmp_path / "nope" / "a.db", "add", source)
    assert result.exit_code == 3
    assert result.output == (
        f"Error: cannot create the archive {tmp_path / 'nope' / 'a.db'}: "
        f"the folder {tmp_path / 'nope'} does not exist\n"
    )


def test_an_unknown_url_scheme_is_one_sentence(cli):
    result = cli("--db", "nosuchdb://x/y", "list")
    assert result.exit_code == 3
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.both_backends
def test_two_processes_create_and_migrate_the_same_archive_at_once(archive_url, archive_backend):
    script = (
        "import sys; from archiver.store import open_database; "
        "open_database(sys.argv[1], create=True).close()"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, archive_url], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [p.communicate()[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    tables, _ = _schema(archive_url)
    assert set(EXPECTED_SCHEMA) - tables.keys() <= {t for t in EXPECTED_SCHEMA if "fts" in t}
    if archive_backend == "sqlite":
        assert tables == EXPECTED_SCHEMA
    with Archive.open(archive_url) as archive:
        assert archive.db.revision() == head_revision()


@pytest.mark.both_backends
@pytest.mark.parametrize("revision", ["0001"])
def test_migrations_downgrade_and_upgrade_again(archive_url, revision):
    open_database(archive_url, create=True).close()
    before = _schema(archive_url)
    engine = create_engine(archive_url if "://" in archive_url else f"sqlite:///{archive_url}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    engine.dispose()
    assert _schema(archive_url) == before
