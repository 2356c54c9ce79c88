"""File names and titles that are not plain text: names that are not UTF-8, names and titles
holding newlines or terminal escape sequences. They are archived (names kept losslessly), and
every command prints them escaped, never raw, while JSON stays valid JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from archiver.printable import name_bytes, name_text, printable

from .conftest import article_text

LATIN1_NAME = b"caf\xe9.txt"  # "café.txt" written in latin-1: not UTF-8
NEWLINE_NAME = "two\nlines.txt"
ESCAPE_NAME = "red\x1b[31mtitle.txt"
#: What must never reach a terminal from an input: ESC, a bare newline inside a line, CR.
RAW = ("\x1b", "\r")


def _run(*args, cwd, db) -> subprocess.CompletedProcess:
    """The real command in a subprocess, its output as bytes (a terminal sees bytes)."""
    env = {**os.environ, "ARCHIVER_DB": str(db), "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args], cwd=cwd, env=env, capture_output=True
    )


@pytest.fixture
def odd_folder(tmp_path):
    """A folder holding articles under the three odd names and one plain name."""
    folder = tmp_path / "odd"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/" + LATIN1_NAME, "wb") as f:
        f.write(article_text("harbour").encode())
    (folder / NEWLINE_NAME).write_text(article_text("bridge"), encoding="utf-8")
    (folder / ESCAPE_NAME).write_text(article_text("tunnel"), encoding="utf-8")
    (folder / "plain.txt").write_text(article_text("market"), encoding="utf-8")
    return folder


def test_printable_escapes_what_would_act_on_a_terminal():
    assert printable("caf\udce9.txt") == "caf\\xe9.txt"
    assert printable("two\nlines") == "two\\nlines"
    assert printable("red\x1b[31mtitle\r") == "red\\x1b[31mtitle\\r"
    assert printable("tab\there\x7f\x9b\u202e") == "tab\\there\\x7f\\x9b\\u202e"
    assert printable("São Paulo — “quoted” 東京") == "São Paulo — “quoted” 東京"
    assert printable("line one\nline\ttwo\x1b", multiline=True) == "line one\nline\ttwo\\x1b"
    assert printable(None) == ""


def test_a_name_that_is_not_utf8_is_stored_losslessly():
    name = os.fsdecode(b"/news/caf\xe9 \\ 1.txt")
    stored = name_text(name)
    assert stored == "/news/caf\\xe9 \\\\ 1.txt"
    stored.encode("utf-8")  # storable as text
    assert name_bytes(stored) == b"/news/caf\xe9 \\ 1.txt"
    assert name_text("/news/café \\ 1.txt") == "/news/café \\ 1.txt"  # UTF-8 names as they are


def test_a_folder_with_odd_names_is_archived_whole(odd_folder, tmp_path, cli):
    db = tmp_path / "archive.db"  # the archive `cli` uses too
    added = _run("add", str(odd_folder), cwd=tmp_path, db=db)
    assert added.returncode == 0, added.stderr.decode()
    out, err = added.stdout.decode(), added.stderr.decode()
    assert "Traceback" not in err and "report it" not in err
    assert "4 added, 0 already archived, 0 failed." in err
    assert len(out.splitlines()) == 4
    for raw in (*RAW, "\udce9"):
        assert raw not in out + err

    listed = cli("list").output
    assert len(listed.splitlines()) == 4 and "\x1b" not in listed

    exported = [json.loads(line) for line in cli("export").output.splitlines()]
    paths = {os.path.basename(r["path"]): r for r in exported}
    assert set(paths) == {"caf\\xe9.txt", NEWLINE_NAME, ESCAPE_NAME, "plain.txt"}
    latin1 = paths["caf\\xe9.txt"]
    assert "name is not UTF-8" in latin1["fields"]["reading"]["value"]

    shown = cli("show", paths[NEWLINE_NAME]["id"]).output
    assert f"  path             {odd_folder}/two\\nlines.txt\n" in shown
    shown = cli("show", paths[ESCAPE_NAME]["id"]).output
    assert f"  path             {odd_folder}/red\\x1b[31mtitle.txt\n" in shown
    shown = cli("show", latin1["id"]).output
    assert f"  path             {odd_folder}/caf\\xe9.txt\n" in shown


def test_json_lines_of_odd_names_are_valid_json(odd_folder, tmp_path):
    added = _run("add", "--json", str(odd_folder), cwd=tmp_path, db=tmp_path / "a.db")
    assert added.returncode == 0, added.stderr.decode()
    records = [json.loads(line) for line in added.stdout.decode("utf-8").splitlines()]
    assert sorted(os.path.basename(r["path"]) for r in records) == sorted(
        ["caf\\xe9.txt", NEWLINE_NAME, ESCAPE_NAME, "plain.txt"]
    )
    assert all(r["status"] == "added" for r in records)


def test_a_failing_file_with_an_odd_name_is_named_escaped(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/empty-caf\xe9.txt", "wb"):
        pass
    (folder / "empty\x1b[2J.txt").write_bytes(b"")
    (folder / "good.txt").write_text(article_text(), encoding="utf-8")
    added = _run("add", str(folder), cwd=tmp_path, db=tmp_path / "a.db")
    err = added.stderr.decode()
    assert added.returncode == 1, err
    assert f"error: {folder}/empty-caf\\xe9.txt: the file is empty" in err
    assert f"error: {folder}/empty\\x1b[2J.txt: the file is empty" in err
    assert "1 added, 0 already archived, 2 failed." in err
    assert "\x1b" not in err


def test_titles_and_outlets_with_escape_sequences_are_printed_escaped(write, cli):
    page = article_text("harbour").replace(
        "Council Weighs New Harbour Plan", "Council \x1b[31mWeighs\x1b[0m Harbour Plan"
    )
    path = write("red.txt", page)
    added = cli("add", path, "--outlet", "Evil\x1b]0;owned\x07 Times", "--author", "A\nB")
    assert added.exit_code == 0, added.output
    assert "Council \\x1b[31mWeighs\\x1b[0m Harbour Plan" in added.output
    assert "Evil\\x1b]0;owned\\x07 Times" in added.output
    for args in (("list",), ("show", "1"), ("show", "1", "--removed"), ("stats",)):
        out = cli(*args).output
        assert "\x1b" not in out and "\x07" not in out, args
    assert "  author           A\\nB  [cli, 1.00]" in cli("show", "1").output
    found = cli("search", "harbour").output
    assert "Evil\\x1b]0;owned\\x07 Times: Council \\x1b[31mWeighs" in found
    data = json.loads(cli("show", "1", "--json").output)
    assert data["outlet"] == "Evil\x1b]0;owned\x07 Times"  # JSON keeps the value exactly


def test_report_and_trace_print_outlets_and_titles_escaped(write, cli):
    shared = article_text("harbour")
    for name, outlet, title in (
        ("a.txt", "First\x1b[31m Wire", "Harbour \x1b[1mplan"),
        ("b.txt", "Second\nPaper", "Harbour plan\x1b[0m copied"),
    ):
        added = cli("add", write(name, shared + name), "--outlet", outlet, "--title", title)
        assert added.exit_code == 0
    report = cli("report").output
    assert "First\\x1b[31m Wire" in report and "Second\\nPaper" in report
    markdown = cli("report", "--format", "markdown").output
    traced = cli("trace", "--id", "1").output
    assert "Second\\nPaper: Harbour plan\\x1b[0m copied" in traced
    for out in (report, markdown, traced):
        assert "\x1b" not in out


def test_an_option_value_that_is_not_utf8_is_a_usage_error(write, cli, db_path):
    result = cli("add", write("a.txt", article_text()), "--title", os.fsdecode(b"caf\xe9"))
    assert result.exit_code == 2
    assert result.output == (
        "Error: the value of --title is not UTF-8 text; give it in UTF-8 (as the terminal "
        "types it)\n"
    )
    assert not db_path.exists()
