"""Limits that are not bugs: numbers too large for the archive are usage errors (status 2, one
sentence); Ctrl-C at any moment, even during start-up or pressed twice, ends with status 130
and one line, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from .conftest import article_text, ctrl_c_delivered

TOO_BIG = "9223372036854775808"  # 2**63: one more than SQLite's largest integer
HUGE = "99999999999999999999"


@pytest.fixture
def one(write, cli):
    assert cli("add", write("a.txt", article_text())).exit_code == 0


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("show", TOO_BIG), "'ID'"),
        (("show", HUGE, "--json"), "'ID'"),
        (("trace", "--id", TOO_BIG), "'--id'"),
        (("reclean", TOO_BIG), "'[ID...]'"),
    ],
)
def test_an_id_too_large_for_the_archive_is_a_usage_error(one, cli, args, option):
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"Error: Invalid value for {option}: {args[1] if args[0] != 'trace' else TOO_BIG} "
        "is not an article id; ids are whole numbers from 1 to 9,223,372,036,854,775,807 "
        "(`archiver list` shows them)"
    )


@pytest.mark.parametrize(
    ("args", "option", "largest"),
    [
        (("list", "--limit", HUGE), "'--limit'", "9,223,372,036,854,775,807"),
        (("search", "harbour", "--limit", HUGE), "'--limit'", "9,223,372,036,854,775,807"),
        (("trace", "--id", "1", "--limit", TOO_BIG), "'--limit'", "9,223,372,036,854,775,807"),
        (("report", "--min-words", TOO_BIG), "'--min-words'", "9,223,372,036,854,775,807"),
        (("add", "--max-size", HUGE, "a.txt"), "'--max-size'", "9,223,372,036,854"),
    ],
)
def test_a_limit_too_large_is_a_usage_error(one, cli, args, option, largest):
    value = args[args.index(option.strip("'")) + 1]
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1] == (
        f"Error: Invalid value for {option}: {value} is out of range; give a whole number "
        f"from 1 to {largest}"
    )


def test_the_largest_id_is_still_an_id(one, cli, db_path):
    result = cli("show", "9223372036854775807")
    assert result.exit_code == 3
    assert "there is no article 9223372036854775807" in result.output
    assert cli("list", "--limit", "9223372036854775807").exit_code == 0


def test_a_word_is_not_an_id(one, cli):
    result = cli("show", "seven")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for 'ID': 'seven' is not a whole number"
    )


def _start(*args, tmp_path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "ARCHIVER_DB": str(tmp_path / "archive.db")}
    return subprocess.Popen(
        [sys.executable, "-m", "archiver", *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_delivered,
        **kwargs,
    )


def _burst(proc: subprocess.Popen, start: float, every: float = 0.01) -> tuple[str, str]:
    """Press Ctrl-C again and again (from ``start`` seconds on) until the command ends."""
    time.sleep(start)
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        proc.send_signal(signal.SIGINT)
        time.sleep(every)
    return proc.communicate(timeout=60)


#: What may be said, one line, however many times Ctrl-C was pressed and whenever.
INTERRUPTED = (
    "Interrupted before anything was done.",
    "Interrupted; whatever was written before is kept whole (each article is stored in its "
    "own transaction).",
    "Interrupted again: stopped at once; everything archived before is kept whole.",
)


@pytest.mark.parametrize("start", [0.2, 0.3, 0.4])
def test_ctrl_c_during_start_up_is_one_line_and_status_130(tmp_path, start):
    """Interrupted while importing, before the command runs: no traceback."""
    proc = _start("list", tmp_path=tmp_path)
    _, err = _burst(proc, start, every=0.05)
    if proc.returncode == 3:
        pytest.skip("the command ended before the first Ctrl-C")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted" not in err
    (line,) = err.strip().splitlines()
    assert line in INTERRUPTED


@pytest.mark.parametrize("every", [0.001, 0.01])
def test_ctrl_c_pressed_again_and_again_while_adding(write, tmp_path, every):
    """A second Ctrl-C while the first is being handled, the summary printed or the archive
    closed is no traceback either: status 130, at most one line more."""
    first = write("first.txt", article_text("harbour"))
    proc = _start("add", first, "-", tmp_path=tmp_path, stdin=subprocess.PIPE)
    assert proc.stdout.readline().startswith("added     #1 ")  # now it waits on stdin
    _, err = _burst(proc, 0, every=every)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted" not in err and "Exception" not in err
    lines = [line for line in err.splitlines() if not line.startswith("Created the archive")]
    assert 1 <= len(lines) <= 2, err
    assert lines[0].startswith("Interrupted after 1 of 2 inputs") or lines[0] in INTERRUPTED
    assert lines[1:] in ([], [INTERRUPTED[2]])


def test_trace_reads_no_more_of_a_file_than_a_page_holds(one, tmp_path):
    env = {**os.environ, "ARCHIVER_DB": str(tmp_path / "archive.db")}
    done = subprocess.run(
        [sys.executable, "-m", "archiver", "trace", "--file", "/dev/zero"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        "Error: the passage in /dev/zero is longer than 4,000,000 characters; trace a "
        "paragraph of it, or an archived article with --id\n"
    )
