"""Database passwords are never printed: every message, listing and JSON output that names
the archive shows its URL with the password masked (``postgresql://editor:***@host/news``);
file paths are shown as given. Checked against real servers where one can be started (a
throw-away PostgreSQL on a Unix socket), and against servers that cannot be reached."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from archiver.store import hide_password, scrub

SECRET = "s3cretPass"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args], capture_output=True, text=True, timeout=120
    )


def _shown(result) -> str:
    return result.stdout + result.stderr


def test_urls_are_masked_and_paths_kept():
    assert hide_password(f"postgresql://editor:{SECRET}@db.example.org:5432/news") == (
        "postgresql://editor:***@db.example.org:5432/news"
    )
    assert hide_password("postgresql://editor@db/news") == "postgresql://editor@db/news"
    assert hide_password("sqlite:////srv/news/archive.db") == "sqlite:////srv/news/archive.db"
    assert hide_password("news/archive.db") == "news/archive.db"
    # A URL SQLAlchemy cannot read (a port that is not a number) is masked all the same.
    assert hide_password(f"postgresql://editor:{SECRET}@db:port/news") == (
        "postgresql://editor:***@db:port/news"
    )
    # Drivers repeat passwords in their own words, URL-encoded or not.
    url = "postgresql://editor:p%40ss%2Fword@db/news"
    assert scrub(f"failed for {url}: password 'p@ss/word' rejected", url) == (
        "failed for postgresql://editor:***@db/news: password '***' rejected"
    )


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        (
            f"postgresql+psycopg://editor:{SECRET}@127.0.0.1:1/news",
            "cannot connect to the database postgresql+psycopg://editor:***@127.0.0.1:1/news (",
        ),
        (
            f"postgresql://editor:{SECRET}@db.example.org:port/news",
            "postgresql://editor:***@db.example.org:port/news is neither a file path nor a "
            "database URL",
        ),
        (
            f"mysql://editor:{SECRET}@db.example.org/news",
            "mysql://editor:***@db.example.org/news needs the database driver",
        ),
        (
            f"nosuchdb://editor:{SECRET}@db.example.org/news",
            "nosuchdb://editor:***@db.example.org/news cannot be opened",
        ),
    ],
)
@pytest.mark.parametrize("command", [("stats",), ("db", "check"), ("search", "port")])
def test_errors_about_a_database_never_show_its_password(url, sentence, command):
    if "psycopg" in url:
        pytest.importorskip("psycopg")
    result = _run("--db", url, *command)
    assert result.returncode == 3, _shown(result)
    assert SECRET not in _shown(result)
    assert result.stdout == ""
    assert result.stderr.startswith("Error: " + sentence), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_sqlite_archive_is_named_by_its_path(tmp_path, write):
    from .conftest import article_text

    page = write("page.txt", article_text())
    db = tmp_path / "news" / "archive.db"
    db.parent.mkdir()
    added = _run("--db", str(db), "add", str(page))
    assert added.returncode == 0, added.stderr
    assert f"Created the archive {db}." in added.stderr
    stats = _run("--db", f"sqlite:///{db}", "stats")
    assert f"Archive      sqlite:///{db}\n" in stats.stdout


# -- a real PostgreSQL server, started for these tests only ------------------------------------

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


@pytest.fixture(scope="module")
def postgres_url():
    """A URL (user, password and all) of a throw-away PostgreSQL server listening only on a
    Unix socket; the tests are skipped when none can be started here."""
    pytest.importorskip("psycopg")
    initdb, pg_ctl = _pg_tool("initdb"), _pg_tool("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL is not installed here (no initdb/pg_ctl)")
    # Not under pytest's folder (private to this user): the server's user must reach it, and
    # a Unix socket's path must stay short.
    home = Path(tempfile.mkdtemp(prefix="archiver-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser: cannot start PostgreSQL")
        shutil.chown(home, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = home / "data"
    made = subprocess.run(
        [*as_user, initdb, "-A", "trust", "-U", "editor", "-D", str(data)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"initdb failed: {made.stderr.strip()[:200]}")
    started = subprocess.run(
        [
            *as_user,
            pg_ctl,
            "-D",
            str(data),
            "-o",
            f"-k {home} -c listen_addresses=''",
            "-l",
            str(home / "log"),
            "-w",
            "start",
        ],
        capture_output=True,
        text=True,
    )
    if started.returncode != 0:
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {started.stderr.strip()[:200]}")
    try:
        yield f"postgresql+psycopg://editor:{SECRET}@/postgres?host={home}"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(home, ignore_errors=True)


def test_a_postgresql_archive_is_named_without_its_password(postgres_url, write):
    from .conftest import article_text

    masked = hide_password(postgres_url)
    assert SECRET not in masked and "editor:***@" in masked
    page = write("page.txt", article_text())
    outputs = [_run("--db", postgres_url, "add", str(page))]  # creates the archive
    assert f"Created the archive {masked}." in outputs[0].stderr, outputs[0].stderr
    for command in (
        ("stats",),
        ("stats", "--json"),
        ("db", "upgrade"),
        ("db", "check"),
        ("report", "--format", "json"),
        ("show", "999"),
    ):
        result = _run("--db", postgres_url, *command)
        assert "Traceback" not in result.stderr, result.stderr
        outputs.append(result)
    shown = "".join(_shown(r) for r in outputs)
    assert SECRET not in shown
    assert f"Archive      {masked}\n" in outputs[1].stdout
    assert f"{masked} is up to date" in outputs[3].stdout
    assert f"Archive     {masked}\n" in outputs[4].stdout
