"""Memory and time are bounded by design, whatever the input: sizes are checked before reading,
no more than the limit is ever read (files, devices, standard input), and nothing that is not a
regular file is ever opened, so a named pipe in a folder cannot hang a batch."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

from .conftest import article_text

MB = 1_000_000
#: The bound on a single input's peak memory (resident set) that these tests hold the
#: command to, start-up and imports included.
RSS_LIMIT = 500 * MB
#: Address space the child gets: a regression runs out of memory fast instead of eating the
#: machine.
ADDRESS_SPACE = 3_000 * MB


@dataclass
class Run:
    """How one run of the command went: exit status, output, peak RSS in bytes, seconds."""

    status: int
    out: str
    err: str
    rss: int
    seconds: float

    def bounded(self, seconds: float) -> None:
        print(f"peak RSS {self.rss / MB:.0f} MB, {self.seconds:.1f} s")  # shown with -s
        assert self.rss < RSS_LIMIT, f"peak RSS {self.rss / MB:.0f} MB"
        assert self.seconds < seconds, f"{self.seconds:.1f} s"


def _archiver(*args, cwd, stdin=subprocess.DEVNULL, timeout=120) -> Run:
    """Run the real command and measure it.

    The child is reaped with wait4, which gives its own peak resident set size (getrusage's
    RUSAGE_CHILDREN would give the largest of every child this test process ever had)."""
    env = {**os.environ, "ARCHIVER_DB": str(cwd / "archive.db")}

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))

    out_path, err_path = cwd / "stdout.log", cwd / "stderr.log"
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "archiver", *map(str, args)],
            cwd=cwd,
            env=env,
            stdin=stdin,
            stdout=out,
            stderr=err,
            preexec_fn=limit,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                pytest.fail(f"archiver {' '.join(map(str, args))} still ran after {timeout} s")
            time.sleep(0.02)
    seconds = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * 1024  # kilobytes on Linux
    return Run(proc.returncode, out_path.read_text(), err_path.read_text(), rss, seconds)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(3_000 * MB)  # sparse: 3 GB that take no disk
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 1, run.err
    assert run.err.endswith(
        f"error: {path}: the file is larger than 50 MB; split it or raise --max-size\n"
    )
    run.bounded(seconds=30)


def test_an_endless_device_is_refused_without_reading_it(tmp_path):
    run = _archiver("add", "/dev/zero", cwd=tmp_path, timeout=60)
    assert run.status == 1, run.err
    assert run.err.endswith(
        "error: /dev/zero: is a device, not a file; archiver reads regular files only "
        "(use - for standard input)\n"
    )


def test_endless_standard_input_stops_at_the_size_limit(tmp_path):
    with open("/dev/zero", "rb") as zeros:  # `yes | archiver add -`, but faster
        run = _archiver("add", "--max-size", "5", "-", cwd=tmp_path, stdin=zeros, timeout=60)
    assert run.status == 1, run.err
    assert run.err.endswith(
        "error: -: the input is larger than 5 MB; split it or raise --max-size\n"
    )
    assert run.rss < RSS_LIMIT, f"peak RSS {run.rss / MB:.0f} MB"


def test_standard_input_under_the_limit_is_archived(cli):
    result = cli("add", "-", input=article_text())
    assert result.exit_code == 0, result.output
    assert "added     #1     Council Weighs New Harbour Plan" in result.output


def test_a_named_pipe_in_a_folder_is_named_and_never_opened(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text("harbour"), encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody ever writes to it: opening it would block forever
    (folder / "c.txt").write_text(article_text("bridge"), encoding="utf-8")
    run = _archiver("add", folder, cwd=tmp_path, timeout=60)
    assert run.status == 1, run.err
    assert (
        f"error: {folder / 'b.txt'}: is a named pipe (FIFO), not a file; archiver reads "
        "regular files only\n"
    ) in run.err
    assert run.err.endswith("2 added, 0 already archived, 1 failed.\n")
    assert len(run.out.splitlines()) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_an_unreadable_subfolder_is_named_and_counted_as_failed(write, cli, tmp_path):
    write("inbox/a.txt", article_text("harbour"))
    write("inbox/locked/b.txt", article_text("bridge"))
    write("inbox/z.txt", article_text("tunnel"))
    locked = tmp_path / "inbox" / "locked"
    locked.chmod(0)
    try:
        result = cli("add", tmp_path / "inbox")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert (
        f"error: {locked}: the folder cannot be read (permission denied), so the files in it "
        "were not added; check its permissions\n"
    ) in result.output
    assert "2 added, 0 already archived, 1 failed." in result.output
