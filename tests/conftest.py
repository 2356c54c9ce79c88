"""Shared fixtures: every test gets its own archive path; nothing touches a real archive."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from archiver.cli import main

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def pytest_collection_modifyitems(config, items):
    """The files holding slow tests (marked ``slow``: minutes each) come first, so that the
    test runner's workers (setup.cfg: a file to a worker, in this order) start them at once
    instead of finishing on them one worker alone."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


def pytest_generate_tests(metafunc):
    """Tests of a module that sets ``BOTH_BACKENDS = True``, and tests marked
    ``both_backends``, run twice: on an SQLite file and on a new PostgreSQL database (skipped,
    saying so, without a server)."""
    marked = metafunc.definition.get_closest_marker("both_backends") is not None
    if marked or getattr(metafunc.module, "BOTH_BACKENDS", False):
        metafunc.parametrize("archive_backend", ["sqlite", "postgresql"], indirect=True)


@functools.cache
def archive_schema_0001() -> Path:
    """An archive as archiver's first schema left it (migration 0001, five articles stored as
    the code of that time stored them), built once per test run by
    tests/data/make_archive_schema_0001.py. Copy it before opening it: opening upgrades."""
    import importlib.util
    import tempfile

    maker = Path(__file__).resolve().parent / "data" / "make_archive_schema_0001.py"
    spec = importlib.util.spec_from_file_location("make_archive_schema_0001", maker)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = Path(tempfile.mkdtemp(prefix="archiver-schema-0001-"))
    atexit.register(shutil.rmtree, folder, True)
    target = folder / "archive-schema-0001.db"
    module.build(target)
    return target


@pytest.fixture(autouse=True)
def archive_backend(request) -> str:
    """Which backend this test's default archive ($ARCHIVER_DB) is on."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, archive_backend, request):
    """Point $ARCHIVER_DB at a temp file (or a new PostgreSQL database) and run from
    tmp_path, so no test can touch a real archive (or leave archive.db in the checkout)."""
    if archive_backend == "postgresql":
        monkeypatch.setenv("ARCHIVER_DB", request.getfixturevalue("postgres_url"))
    else:
        monkeypatch.setenv("ARCHIVER_DB", str(tmp_path / "archive.db"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The URL of a PostgreSQL server the tests may create databases on
    (``$ARCHIVER_TEST_POSTGRES``; .ci/run starts one); without it the test is skipped."""
    url = os.environ.get("ARCHIVER_TEST_POSTGRES")
    if not url:
        pytest.skip("PostgreSQL tests: no server (set $ARCHIVER_TEST_POSTGRES; .ci/run starts one)")
    return url


@pytest.fixture
def postgres_url(postgres_server) -> Iterator[str]:
    """A new, empty PostgreSQL database for this test, dropped after it."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"archiver_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def archive_url(archive_backend) -> str:
    """This test's default archive ($ARCHIVER_DB): a file path, or a PostgreSQL URL."""
    return os.environ["ARCHIVER_DB"]


@pytest.fixture
def sqlite_only(archive_backend) -> None:
    """For a test of what only SQLite does (FTS5's own syntax and messages, the file)."""
    if archive_backend != "sqlite":
        pytest.skip("SQLite only: FTS5's syntax and messages, or the archive file itself")


@pytest.fixture
def db_path(tmp_path) -> Path:
    """The archive the CLI uses by default in this test (not created yet)."""
    return tmp_path / "archive.db"


@pytest.fixture
def cli():
    """Run the real CLI in-process: ``cli("add", path)`` returns click's Result."""
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: ``write("a.txt", "text")`` or bytes; returns its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def article_text(topic: str = "harbour", paragraphs: int = 5) -> str:
    """A small invented page dump: a title, a byline, body paragraphs and boilerplate."""
    body = "\n\n".join(
        f"Paragraph {i} about the {topic}: the city council met on Tuesday evening to discuss "
        f"the {topic} plans, and several residents spoke at length about what the changes "
        f"would mean for their streets, their jobs and the schools nearby in year {2000 + i}."
        for i in range(1, paragraphs + 1)
    )
    return (
        f"Council Weighs New {topic.title()} Plan\n\nBy Dana Whitfield\n\n{body}\n\n"
        "- Advertisement -\n\nLeave a Reply\n\nPlease enter your comment!\n"
    )


def run_on_terminal(*args: str, env: dict | None = None) -> tuple[int, str, bytes]:
    """Run ``python -m archiver ARGS`` with stderr on a pseudo-terminal (as a person at a
    terminal sees it: progress bars appear) and stdout piped; returns the exit status, stdout
    and what the terminal received."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "archiver", *args],
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=follower,
    )
    os.close(follower)
    stdout, _ = proc.communicate(timeout=300)
    terminal = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        terminal += chunk
    os.close(leader)
    return proc.returncode, stdout.decode(), terminal


def ctrl_c_delivered() -> None:
    """``preexec_fn`` for a command a test presses Ctrl-C in: SIGINT as at a terminal, even
    when the tests themselves run as a background job (whose SIGINT is ignored, which the
    command keeps)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
