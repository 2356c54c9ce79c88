"""Limits that are not bugs: numbers too large for the archive are usage errors (status 2, one
sentence), and no passage file is read past what a page may hold."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import article_text

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
