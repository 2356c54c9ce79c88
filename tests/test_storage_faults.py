"""Storage faults are not bugs: a read-only file, folder or disk, a full disk, a write lock held
too long, write-ahead files that cannot be written or that vanish. Each is one sentence saying
what happened, that the archive is intact and what to do, with its own exit status (4, or 5
for a busy archive); nothing archived is lost, and `add` stops its batch saying how far it got.

Every fault is real: archives on a real file system, permissions taken away with chmod (in a
process without the capability that lets root ignore them), a read-only bind mount and a 2 MB
tmpfs when the tests run as root (else the file size limit, RLIMIT_FSIZE, stands in for the
full disk), a second process holding the write lock.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import archive_schema_0001, article_text

PR_CAPBSET_DROP = 24
#: Capabilities that let root read and write whatever the permission bits say.
DAC_CAPABILITIES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
IS_ROOT = os.geteuid() == 0
BUSY = "ARCHIVER_BUSY_TIMEOUT"


def _without_root_powers() -> None:  # pragma: no cover - runs in the child before exec
    """Drop the capabilities that make root ignore permission bits (for the exec'd program)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in DAC_CAPABILITIES:
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _start(args, *, cwd, env=None, unprivileged=False, limit_file_size=None, **popen):
    """The real command line in a new process (as a user that chmod binds when asked)."""
    preexec = None
    if unprivileged and IS_ROOT:
        preexec = _without_root_powers
    if limit_file_size is not None:

        def preexec():  # pragma: no cover - runs in the child before exec
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.Popen(
        [sys.executable, "-m", "archiver", *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        preexec_fn=preexec,
        text=True,
        **popen,
    )


def run(args, *, cwd, input=None, **options) -> subprocess.CompletedProcess:
    proc = _start(
        args,
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **options,
    )
    out, err = proc.communicate(input, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture(scope="session")
def chmod_bites(tmp_path_factory) -> None:
    """Skip (visibly) when permission bits cannot be made to bind: running as root in a place
    where the capability to ignore them cannot be dropped."""
    if not IS_ROOT:
        return
    probe = tmp_path_factory.mktemp("probe") / "read-only"
    probe.write_text("x")
    probe.chmod(0o444)
    code = f"open({str(probe)!r}, 'a')"
    try:
        result = subprocess.run(
            [sys.executable, "-c", code], preexec_fn=_without_root_powers, capture_output=True
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("running as root and unable to drop CAP_DAC_OVERRIDE: chmod does not bite")
    if result.returncode == 0:
        pytest.skip("running as root and unable to drop CAP_DAC_OVERRIDE: chmod does not bite")


def _mount(*args: str) -> bool:
    result = subprocess.run(["mount", *args], capture_output=True)
    return result.returncode == 0


def _unmount(point: Path) -> None:
    if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _articles(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, source_path FROM articles ORDER BY id").fetchall()
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _error_lines(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.startswith("Error: ")]
    assert "Traceback" not in stderr, stderr
    assert "report it" not in stderr, stderr
    assert "restore it from a backup" not in stderr, stderr
    return lines


def _pages(write, folder: str, count: int, topic: str = "harbour") -> list[Path]:
    return [write(f"{folder}/{i:02}.txt", article_text(f"{topic} {i}")) for i in range(count)]


# -- read-only files and folders ------------------------------------------------------------


def test_a_read_only_archive_file_stops_add_and_nothing_is_lost(
    chmod_bites, tmp_path, db_path, cli, write
):
    first, second, third = _pages(write, "in", 3)
    assert cli("add", first).exit_code == 0
    db_path.chmod(0o444)
    try:
        result = run(["add", second, third], cwd=tmp_path, unprivileged=True)
        assert result.returncode == 4, result.stderr
        assert _error_lines(result.stderr) == [
            f"Error: cannot write to the archive {db_path}: the file is read-only for you; "
            "nothing in it was changed or lost; make it writable (chmod u+w) or point --db "
            "at a copy you can write, then run the command again"
        ]
        assert (
            f"Stopped at {second}, input 1 of 2: 0 added, 0 already archived, 0 failed; "
            "the 1 input after it was not tried. Everything listed is archived and nothing is "
            "half-written; run the same command again to go on"
        ) in result.stderr
        # Reading needs no write permission.
        listed = run(["list"], cwd=tmp_path, unprivileged=True)
        assert listed.returncode == 0, listed.stderr
        assert "Council Weighs New Harbour 0 Plan" in listed.stdout
    finally:
        db_path.chmod(0o644)
    assert _articles(db_path) == [(1, str(first))]
    again = run(["add", second, third], cwd=tmp_path, unprivileged=True)
    assert again.returncode == 0, again.stderr
    assert [p for _, p in _articles(db_path)] == [str(first), str(second), str(third)]


def test_a_folder_the_user_cannot_write(chmod_bites, tmp_path, cli, write):
    folder = tmp_path / "shelf"
    folder.mkdir()
    db = folder / "archive.db"
    page = write("a.txt", article_text())
    assert cli("--db", db, "add", page).exit_code == 0
    folder.chmod(0o555)
    try:
        sentence = (
            f"Error: cannot use the archive {db}: its folder {folder} is not writable for you, "
            f"and SQLite must create {db}-wal and {db}-shm beside the archive, even to read "
            "it; nothing in the archive was changed or lost; make the folder writable, or copy "
            "the archive to a folder you can write and point --db at the copy"
        )
        for args in (["list"], ["add", write("b.txt", article_text("budget"))]):
            result = run(["--db", db, *args], cwd=tmp_path, unprivileged=True)
            assert result.returncode == 4, (args, result.stderr)
            assert _error_lines(result.stderr) == [sentence], args
        new = folder / "new.db"
        result = run(["--db", new, "add", page], cwd=tmp_path, unprivileged=True)
        assert result.returncode == 4, result.stderr
        assert _error_lines(result.stderr) == [
            f"Error: cannot create the archive {new}: the folder {folder} is not writable for "
            "you; nothing was written; choose a folder you can write, or make this one writable"
        ]
        assert not new.exists()
    finally:
        folder.chmod(0o755)
    assert _articles(db) == [(1, str(page))]


#: A process that archives a page and dies without closing the archive: its article is then
#: only in archive.db-wal, and archive.db-shm is left too.
CRASH_AFTER_ADDING = (
    "import os, sys, archiver; from archiver.ingest import add_paths; "
    "a = archiver.Archive.open(sys.argv[1]); list(add_paths(a, [sys.argv[2]])); os._exit(0)"
)


@pytest.mark.parametrize("companion", ["-wal", "-shm"])
def test_write_ahead_files_the_user_cannot_write(
    chmod_bites, tmp_path, db_path, cli, write, companion
):
    first, second, third = _pages(write, "in", 3)
    assert cli("add", first).exit_code == 0
    subprocess.run([sys.executable, "-c", CRASH_AFTER_ADDING, db_path, second], check=True)
    held = Path(f"{db_path}{companion}")
    assert held.stat().st_size > 0
    held.chmod(0o444)
    keep = " (never delete it: it may hold the latest articles)" if companion == "-wal" else ""
    try:
        result = run(["add", third], cwd=tmp_path, unprivileged=True)
        assert result.returncode == 4, result.stderr
        assert _error_lines(result.stderr) == [
            f"Error: cannot write to the archive {db_path}: the file SQLite keeps beside it, "
            f"{held}, is read-only for you (it belongs to another user, or its permissions were "
            "changed); nothing in the archive was changed or lost; give yourself write "
            f"permission on {held}{keep}, then run the command again"
        ]
        listed = run(["list"], cwd=tmp_path, unprivileged=True)
        assert listed.returncode == 0, listed.stderr
        assert "Council Weighs New Harbour 1 Plan" in listed.stdout
    finally:
        held.chmod(0o644)
    assert [p for _, p in _articles(db_path)] == [str(first), str(second)]
    assert run(["add", third], cwd=tmp_path, unprivileged=True).returncode == 0
    assert len(_articles(db_path)) == 3


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder and a read-only bind mount of it (root only)."""
    if not IS_ROOT:
        pytest.skip("a read-only bind mount needs root")
    source, view = tmp_path / "disk", tmp_path / "read-only"
    source.mkdir()
    view.mkdir()
    if not _mount("--bind", str(source), str(view)):
        pytest.skip("mount --bind is not permitted here")
    try:
        if not _mount("-o", "remount,ro,bind", str(view)):
            pytest.skip("remounting read-only is not permitted here")
        yield source, view
    finally:
        _unmount(view)


def test_an_archive_on_a_read_only_mount(read_only_mount, tmp_path, cli, write):
    source, view = read_only_mount
    page = write("a.txt", article_text())
    assert cli("--db", source / "archive.db", "add", page).exit_code == 0
    db = view / "archive.db"
    sentence = (
        f"Error: the archive {db} is on a read-only file system, so archiver cannot write it "
        "(nor create the files SQLite keeps beside it while it reads); nothing in the archive "
        "was changed or lost; copy it to a writable disk and point --db at the copy, or "
        "remount the disk read-write, then run the command again"
    )
    for args in (["list"], ["add", write("b.txt", article_text("budget"))]):
        result = run(["--db", db, *args], cwd=tmp_path)
        assert result.returncode == 4, (args, result.stderr)
        assert _error_lines(result.stderr) == [sentence], args
    assert _articles(source / "archive.db") == [(1, str(page))]


# -- a full disk -----------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """("tmpfs", folder) on a 2 MB tmpfs when mounting is allowed (root), else
    ("rlimit", folder) on the ordinary disk: the file size limit then stands in."""
    folder = tmp_path / "small"
    folder.mkdir()
    if IS_ROOT and _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        try:
            yield "tmpfs", folder
        finally:
            _unmount(folder)
    else:
        yield "rlimit", folder


def _fill(folder: Path, leave: int) -> Path:
    """Fill the file system holding ``folder`` up to ``leave`` free bytes."""
    filler = folder / "filler"
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with filler.open("wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    return filler


def _disk_full_sentence(kind: str, db: Path, limit: int | None) -> str:
    if kind == "tmpfs":
        return (
            f"Error: cannot write to the archive {db}: the disk holding it is full; what was "
            "being written was rolled back and nothing archived before was lost; free some "
            "space there, then run the command again"
        )
    return (
        f"Error: cannot write to the archive {db}: a file reached this process's file size "
        f"limit ({limit} bytes, `ulimit -f`); what was being written was rolled back and "
        "nothing archived before was lost; raise the limit, then run the command again"
    )


@pytest.mark.parametrize("commit_every", [1, 3])
def test_a_full_disk_stops_add_cleanly_and_a_rerun_goes_on(
    small_disk, tmp_path, cli, write, commit_every
):
    """A group of pages stored together is stored whole or not at all: the stop is at the
    first page of the group that did not fit, and what was reported is archived."""
    kind, folder = small_disk
    db = folder / "archive.db"
    pages = [
        write(f"in/{i:02}.txt", article_text(f"{word} {i}", paragraphs=12))
        for i, word in enumerate(
            ["harbour", "budget", "schools", "bridge", "library", "transit", "housing", "ferry"]
        )
    ]
    assert cli("--db", db, "add", pages[0]).exit_code == 0
    args = ["--db", db, "add", "--commit-every", commit_every, *pages]
    if kind == "tmpfs":
        filler, limit = _fill(folder, 300_000), None  # each article adds ~120 kB to the log
    else:
        filler = None
        limit = max(p.stat().st_size for p in folder.iterdir()) + 250_000
    result = run(args, cwd=tmp_path, limit_file_size=limit)
    sentence = _disk_full_sentence(kind, db, limit)
    assert result.returncode == 4, result.stderr
    assert _error_lines(result.stderr) == [sentence]
    stopped = [line for line in result.stderr.splitlines() if line.startswith("Stopped at ")]
    assert len(stopped) == 1, result.stderr
    kept = _articles(db)
    assert 2 <= len(kept) < len(pages), result.stderr
    assert (
        f"input {len(kept) + 1} of {len(pages)}: {len(kept) - 1} added, 1 already archived, "
        "0 failed;"
    ) in stopped[0]
    # Every article listed as added is archived whole.
    added = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("added")]
    assert added == [f"#{i}" for i in range(2, len(kept) + 1)]
    if filler is not None:
        filler.unlink()
    again = run(args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert [p for _, p in _articles(db)] == [str(p) for p in pages]
    assert _integrity(db) == "ok"


def test_a_disk_too_full_for_the_shared_memory_file(small_disk, tmp_path, cli, write):
    """SQLite's -shm file is made (32 kB) when the archive is opened: with no room for it
    SQLite reports an I/O error, which is still a full disk."""
    kind, folder = small_disk
    db = folder / "archive.db"
    first, second = _pages(write, "in", 2)
    assert cli("--db", db, "add", first).exit_code == 0
    if kind == "tmpfs":
        filler, limit = _fill(folder, 8_000), None
    else:
        filler, limit = None, 16_000
    result = run(["--db", db, "add", second], cwd=tmp_path, limit_file_size=limit)
    assert result.returncode == 4, result.stderr
    assert _error_lines(result.stderr) == [_disk_full_sentence(kind, db, limit)]
    if filler is not None:
        filler.unlink()
    assert run(["--db", db, "add", second], cwd=tmp_path).returncode == 0
    assert len(_articles(db)) == 2


def test_a_full_disk_during_an_upgrade_changes_nothing(small_disk, tmp_path):
    kind, folder = small_disk
    db = folder / "old.db"
    shutil.copy(archive_schema_0001(), db)
    before = db.read_bytes()
    if kind == "tmpfs":
        filler, limit = _fill(folder, 60_000), None
    else:
        filler, limit = None, db.stat().st_size + 15_000
    result = run(["--db", db, "db", "upgrade"], cwd=tmp_path, limit_file_size=limit)
    assert result.returncode == 4, result.stderr
    assert _error_lines(result.stderr) == [_disk_full_sentence(kind, db, limit)]
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["old.db", *(["filler"] if filler else [])]
    )
    if filler is not None:
        filler.unlink()
    again = run(["--db", db, "db", "upgrade"], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert len(_articles(db)) == 5


# -- a write lock held by another process ----------------------------------------------------


def _hold_write_lock(db: Path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read(); "
            "c.execute('ROLLBACK')",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_write_lock_held_past_the_busy_timeout(tmp_path, db_path, cli, write):
    first, second, third = _pages(write, "in", 3)
    assert cli("add", first).exit_code == 0
    holder = _hold_write_lock(db_path)
    try:
        started = time.monotonic()
        result = run(["add", "--json", second, third], cwd=tmp_path, env={BUSY: "0.5"})
        elapsed = time.monotonic() - started
    finally:
        holder.communicate("")
    assert result.returncode == 5, result.stderr
    assert _error_lines(result.stderr) == [
        f"Error: the archive {db_path} is busy: another process has held its write lock for "
        "more than 0.5 seconds; nothing was changed or lost; run the command again when that "
        "process has finished ($ARCHIVER_BUSY_TIMEOUT sets how many seconds to wait)"
    ]
    assert f"Stopped at {second}, input 1 of 2: 0 added" in result.stderr
    # Scripts reading --json see the input that failed, with the same sentence.
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {
            "id": None,
            "path": str(second),
            "status": "error",
            "title": None,
            "outlet": None,
            "published": None,
            "published_source": None,
            "removed_lines": 0,
            "reused_from": [],
            "error": _error_lines(result.stderr)[0].removeprefix("Error: "),
            "record": None,
        }
    ]
    assert elapsed < 20
    assert _articles(db_path) == [(1, str(first))]
    again = run(["add", second, third], cwd=tmp_path, env={BUSY: "0.5"})
    assert again.returncode == 0, again.stderr
    assert len(_articles(db_path)) == 3


def test_an_upgrade_waiting_for_the_write_lock_changes_nothing(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(archive_schema_0001(), db)
    holder = _hold_write_lock(db)
    try:
        result = run(["--db", db, "db", "upgrade"], cwd=tmp_path, env={BUSY: "0.3"})
    finally:
        holder.communicate("")
    assert result.returncode == 5, result.stderr
    assert _error_lines(result.stderr) == [
        f"Error: the archive {db} is busy: another process has held its write lock for more "
        "than 0.3 seconds; nothing was changed or lost; run the command again when that "
        "process has finished ($ARCHIVER_BUSY_TIMEOUT sets how many seconds to wait)"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]
    assert run(["--db", db, "db", "upgrade"], cwd=tmp_path).returncode == 0


def test_an_old_read_only_archive_is_not_upgraded_and_leaves_no_backup(chmod_bites, tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(archive_schema_0001(), db)
    db.chmod(0o444)
    before = db.read_bytes()
    try:
        result = run(["--db", db, "list"], cwd=tmp_path, unprivileged=True)
    finally:
        db.chmod(0o644)
    assert result.returncode == 4, result.stderr
    assert _error_lines(result.stderr) == [
        f"Error: cannot write to the archive {db}: the file is read-only for you; nothing in "
        "it was changed or lost; make it writable (chmod u+w) or point --db at a copy you can "
        "write, then run the command again"
    ]
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("old.db.*bak*"))  # the backup went with the failed upgrade


def test_a_bad_busy_timeout_is_a_usage_error(tmp_path, write):
    result = run(
        ["add", write("a.txt", article_text())], cwd=tmp_path, env={"ARCHIVER_BUSY_TIMEOUT": "soon"}
    )
    assert result.returncode == 2, result.stderr
    assert _error_lines(result.stderr) == [
        "Error: $ARCHIVER_BUSY_TIMEOUT must be a number of seconds, such as 30; it is 'soon'"
    ]


# -- write-ahead files deleted while archiver runs --------------------------------------------


@pytest.mark.parametrize("other", ["list", "add"])
def test_write_ahead_files_deleted_while_adding(tmp_path, db_path, cli, write, other):
    """Someone deletes archive.db-wal and -shm while `add` runs, and another archiver opens the
    archive: what `add` wrote to the deleted log is saved into the archive file, and it stops
    saying so (and, when the other one wrote too, that its work may be overwritten: SQLite
    itself would write this process's log over it when this process closes the archive)."""
    first, second, last = _pages(write, "in", 3)
    stdin_page = article_text("budget")
    assert cli("add", first).exit_code == 0
    adding = _start(
        ["add", second, "-", last],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert adding.stdout.readline().startswith("added     #2 ")
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink()
        # Another process opens the archive meanwhile: it sees what the file itself holds.
        args = ["list"] if other == "list" else ["add", write("x.txt", article_text("ferry"))]
        result = run(args, cwd=tmp_path)
        assert result.returncode in (0, 4), result.stderr
        assert len(_error_lines(result.stderr)) == (result.returncode != 0)
        _out, err = adding.communicate(stdin_page, timeout=120)
    finally:
        if adding.poll() is None:
            adding.kill()
    assert adding.returncode == 4, err
    never = f"never delete {db_path.name}-wal or {db_path.name}-shm while archiver runs"
    if other == "list":
        sentence = (
            f"Error: the archive's write-ahead log {db_path}-wal was deleted or replaced while "
            f"archiver had the archive open; what archiver had written to it has been saved "
            f"into {db_path} itself; stopped before writing more: run the command again to go "
            f"on, and {never}"
        )
    else:
        sentence = (
            f"Error: the archive's write-ahead log {db_path}-wal was deleted or replaced while "
            f"archiver had the archive open, and another process wrote to {db_path} meanwhile; "
            "what this archiver had written has been saved into the archive file, over what "
            "the other one wrote since the log was deleted; stopped: run `archiver db check`, "
            f"add what `archiver list` does not show again, and {never}"
        )
    assert _error_lines(err) == [sentence]
    assert "Stopped at -, input 2 of 3: 1 added, 0 already archived, 0 failed;" in err, err
    assert [p for _, p in _articles(db_path)] == [str(first), str(second)]
    assert _integrity(db_path) == "ok"
    again = run(["add", second, "-", last], cwd=tmp_path, input=stdin_page)
    assert again.returncode == 0, again.stderr
    assert [p for _, p in _articles(db_path)][-2:] == ["-", str(last)]


def test_a_missing_shared_memory_file_after_a_crash_loses_nothing(tmp_path, db_path, cli, write):
    first, second = _pages(write, "in", 2)
    assert cli("add", first).exit_code == 0
    subprocess.run([sys.executable, "-c", CRASH_AFTER_ADDING, db_path, second], check=True)
    assert Path(f"{db_path}-wal").stat().st_size > 0
    Path(f"{db_path}-shm").unlink()
    result = run(["list"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p for _, p in _articles(db_path)] == [str(first), str(second)]


def test_a_storage_error_is_an_archive_error_with_its_own_status():
    from archiver.errors import (
        ArchiveBusyError,
        ArchiveError,
        ArchiverError,
        DiskFullError,
        InputError,
        ReadOnlyError,
        StorageError,
        UsageError,
    )

    assert issubclass(StorageError, ArchiveError)
    statuses = {
        cls.__name__: cls.exit_status
        for cls in (
            ArchiverError,
            InputError,
            UsageError,
            ArchiveError,
            StorageError,
            ReadOnlyError,
            DiskFullError,
            ArchiveBusyError,
        )
    }
    assert statuses == {
        "ArchiverError": 1,
        "InputError": 1,
        "UsageError": 2,
        "ArchiveError": 3,
        "StorageError": 4,
        "ReadOnlyError": 4,
        "DiskFullError": 4,
        "ArchiveBusyError": 5,
    }
