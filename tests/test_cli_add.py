"""`archiver add` end to end: inputs of every kind, bad inputs, metadata options, JSON lines."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from .conftest import SEEDS, article_text, ctrl_c_delivered, run_on_terminal


def _json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_add_a_text_file_then_show_list_and_export(write, cli, db_path):
    path = write("council.txt", article_text())
    result = cli("add", path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Created the archive")
    assert "added     #1     Council Weighs New Harbour Plan" in result.output
    listed = cli("list")
    assert (
        listed.output
        == "    1  -           -                         Council Weighs New Harbour Plan\n"
    )
    shown = cli("show", "1")
    assert shown.output.startswith("Article 1: Council Weighs New Harbour Plan\n")
    assert "Paragraph 5 about the harbour" in shown.output
    assert "Leave a Reply" not in shown.output.split("\n\n", 1)[1]
    exported = _json_lines(cli("export").output)
    assert len(exported) == 1
    record = exported[0]
    assert record["path"] == str(path)
    assert record["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record["title"] == "Council Weighs New Harbour Plan"
    assert record["author"] == "Dana Whitfield"
    assert record["clean_text"].startswith("Paragraph 1 about the harbour")


def test_add_json_lines_follow_the_contract(write, cli):
    path = write("council.txt", article_text())
    result = cli("add", "--json", path, path)
    assert result.exit_code == 0
    first, second = _json_lines(result.output)
    assert set(first) == {
        "id",
        "path",
        "status",
        "title",
        "outlet",
        "published",
        "published_source",
        "removed_lines",
        "reused_from",
        "error",
        "record",
    }
    assert first["status"] == "added" and first["id"] == 1 and first["error"] is None
    assert first["record"] is None  # a page, not a record of a WARC or JSON-lines file
    assert first["removed_lines"] >= 3  # byline, ad marker, comment form
    assert second == {**first, "status": "duplicate", "removed_lines": 0}


def test_adding_the_same_bytes_again_stores_nothing_new(write, cli, db_path):
    path = write("council.txt", article_text())
    cli("add", path)
    copy = write("copy-of-council.txt", path.read_bytes())
    result = cli("add", "--json", copy)
    (line,) = _json_lines(result.output)
    assert (line["status"], line["id"]) == ("duplicate", 1)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM originals").fetchone() == (1,)


def test_metadata_options_override_and_record_their_source(write, cli):
    path = write("council.txt", article_text())
    result = cli(
        "add",
        path,
        "--outlet",
        "Riverside Courier",
        "--url",
        "https://courier.example/a",
        "--published",
        "2024-05-12",
        "--author",
        "Sam Reyes",
        "--title",
        "Given Title",
    )
    assert result.exit_code == 0
    record = _json_lines(cli("export").output)[0]
    assert (
        record["outlet"],
        record["url"],
        record["published"],
        record["author"],
        record["title"],
    ) == (
        "Riverside Courier",
        "https://courier.example/a",
        "2024-05-12",
        "Sam Reyes",
        "Given Title",
    )
    assert record["fields"]["published"] == {
        "value": "2024-05-12",
        "source": "cli",
        "confidence": 1.0,
    }


def test_outlet_is_guessed_from_the_url_with_lower_confidence(write, cli):
    path = write("council.txt", article_text())
    cli("add", path, "--url", "https://www.courier.example/news/a")
    record = _json_lines(cli("export").output)[0]
    assert record["fields"]["outlet"] == {
        "value": "courier.example",
        "source": "url",
        "confidence": 0.5,
    }


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "12/05/2024", "2024-02-30"])
def test_a_bad_date_is_a_usage_error(write, cli, db_path, value):
    path = write("council.txt", article_text())
    result = cli("add", path, "--published", value)
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: Invalid value for '--published': {value!r} is not a valid date; use YYYY-MM-DD "
        "(e.g. 2024-03-03) or YYYY-MM-DDTHH:MM (e.g. 2024-03-03T14:30)\n"
    )
    assert not db_path.exists()


def test_timestamps_are_accepted(write, cli):
    path = write("council.txt", article_text())
    assert cli("add", path, "--published", "2024-05-12T09:14").exit_code == 0
    assert _json_lines(cli("export").output)[0]["published"] == "2024-05-12T09:14:00"


def test_stdin_is_read_with_dash(cli):
    result = cli("add", "--json", "-", input=article_text("bridge"))
    (line,) = _json_lines(result.output)
    assert (line["status"], line["path"]) == ("added", "-")
    assert _json_lines(cli("export").output)[0]["path"] == "-"


def test_gzip_and_html_by_content(write, cli):
    gz = write("story.txt.gz", gzip.compress(article_text("tunnel").encode()))
    html = write(
        "page.txt",
        "<!DOCTYPE html><html><head><title>Tunnel Opens | Valley Post</title></head><body>"
        "<article><h1>Tunnel Opens</h1>"
        + "".join(
            f"<p>Paragraph {i}: the long-awaited tunnel under the ridge opened to traffic on "
            "Friday morning, cutting the drive between the two valley towns by half an hour "
            "for thousands of commuters.</p>"
            for i in range(6)
        )
        + "</article></body></html>",
    )
    result = cli("add", "--json", gz, html)
    first, second = _json_lines(result.output)
    assert first["status"] == second["status"] == "added"
    records = {r["path"]: r for r in _json_lines(cli("export").output)}
    assert records[str(gz)]["clean_text"].startswith("Paragraph 1 about the tunnel")
    assert records[str(html)]["format"] == "html"
    assert records[str(html)]["extractor"] == "trafilatura"
    assert "Paragraph 0: the long-awaited tunnel" in records[str(html)]["clean_text"]


def test_folders_are_walked_and_other_extensions_skipped(write, cli, tmp_path):
    write("in/a.txt", article_text("harbour"))
    write("in/sub/b.html.gz", gzip.compress(b"<html><body><p>" + b"Long text. " * 50 + b"</p>"))
    write("in/notes.md", "# not an article")
    write("in/.hidden.txt", article_text("secret"))
    result = cli("add", "--json", tmp_path / "in")
    paths = [line["path"] for line in _json_lines(result.output)]
    assert paths == [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "sub" / "b.html.gz")]
    assert "Skipped 1 file in folders whose extension is not .txt/.html" in result.output


def test_globs_are_expanded(write, cli, tmp_path):
    write("g/one.txt", article_text("one"))
    write("g/two.txt", article_text("two"))
    result = cli("add", "--json", str(tmp_path / "g" / "*.txt"))
    assert [line["status"] for line in _json_lines(result.output)] == ["added", "added"]
    result = cli("add", str(tmp_path / "g" / "*.none"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'g' / '*.none'}: no file matches this pattern" in result.output


def test_a_folder_mixing_good_and_bad_files(write, cli, tmp_path, db_path):
    good = write("mixed/1-good.txt", article_text("harbour"))
    write("mixed/2-empty.txt", b"")
    write("mixed/3-blank.txt", "  \n\t\n  ")
    write("mixed/4-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    write("mixed/5-nothing.html", "<html><body><nav>Home</nav></body></html>")
    write("mixed/6-undecodable.txt", bytes(range(0x80, 0x100)) * 8)
    write("mixed/7-good.txt", article_text("bridge"))
    result = cli("add", "--json", tmp_path / "mixed")
    assert result.exit_code == 1
    statuses = [
        (os.path.basename(line["path"]), line["status"]) for line in _json_lines(result.output)
    ]
    assert statuses == [
        ("1-good.txt", "added"),
        ("2-empty.txt", "error"),
        ("3-blank.txt", "error"),
        ("4-binary.txt", "error"),
        ("5-nothing.html", "error"),
        ("6-undecodable.txt", "error"),
        ("7-good.txt", "added"),
    ]
    folder = tmp_path / "mixed"
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {folder}/2-empty.txt: the file is empty; there is nothing to archive",
        f"error: {folder}/3-blank.txt: the file holds only whitespace; there is nothing to archive",
        f"error: {folder}/4-binary.txt: the file looks like a PNG image, not text or HTML; "
        "archive the article's text or its saved page",
        f"error: {folder}/5-nothing.html: no article text was found in this HTML page; check "
        "that it is an article page, or add its text with --format text",
        f"error: {folder}/6-undecodable.txt: the bytes are not text in any encoding archiver "
        "recognises; convert the file to UTF-8 and add it again",
    ]
    assert "Traceback" not in result.output
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone() == (2,)
    # What was archived stays when a later batch fails entirely.
    again = cli("add", folder / "2-empty.txt")
    assert again.exit_code == 1
    assert cli("show", "1").output.count("Paragraph") == 5
    assert _json_lines(cli("export").output)[0]["path"] == str(good)


def test_a_file_over_the_size_limit(write, cli):
    path = write("big.txt", article_text() * 800)
    result = cli("add", "--max-size", "1", path)
    assert result.exit_code == 1
    assert result.output.endswith(
        f"error: {path}: the file is larger than 1 MB; split it or raise --max-size\n"
    )


def test_missing_paths_are_reported_and_the_batch_goes_on(write, cli, tmp_path):
    good = write("good.txt", article_text())
    result = cli("add", tmp_path / "nope.txt", good)
    assert result.exit_code == 1
    assert (
        f"error: {tmp_path / 'nope.txt'}: no such file or folder; check the path\n" in result.output
    )
    assert "added     #1" in result.output
    assert "1 added, 0 already archived, 1 failed." in result.output


def test_a_dangling_link_is_reported(tmp_path, cli):
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    result = cli("add", link)
    assert result.exit_code == 1
    assert result.output == (
        f"Created the archive {tmp_path / 'archive.db'}.\n"
        f"error: {link}: cannot be read (No such file or directory); check the path\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its mode")
def test_an_unreadable_file_is_reported(write, cli):
    path = write("secret.txt", article_text())
    path.chmod(0)
    result = cli("add", path)
    assert result.exit_code == 1
    assert (
        f"error: {path}: cannot be read (permission denied); check its permissions" in result.output
    )


def test_seed_pages_are_cleaned_and_audited(cli):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    result = cli("add", "--json", SEEDS)
    first, second = _json_lines(result.output)
    assert first["title"] == "ISIS Trying to Regroup in Afghanistan: Gen. Milley"
    assert second["outlet"] == "Conservative News Daily"
    removed = cli("show", str(first["id"]), "--removed").output
    assert "Removed lines (" in removed
    for reason in ("ad-marker", "captcha", "comment-form", "author-bio", "header-date"):
        assert f"  {reason}" in removed
    shown = cli("show", str(first["id"])).output
    assert (
        "published        2024-03-03  [header-date, 0.20] (low confidence: a site header date"
        in shown
    )


def test_interrupting_a_batch_keeps_every_finished_article(write, tmp_path, db_path):
    """A process killed mid-batch leaves whole articles only (one transaction each)."""
    for i in range(30):
        write(f"many/{i:02}.txt", article_text(f"topic{i}"))
    env = {**os.environ, "ARCHIVER_DB": str(db_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "archiver", "add", str(tmp_path / "many")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    proc.stdout.readline()  # the first article is in
    proc.kill()
    proc.wait()
    conn = sqlite3.connect(db_path)
    n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n >= 1
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM article_fields f WHERE f.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_ctrl_c_says_what_was_archived_and_how_to_go_on(write, tmp_path, db_path):
    """Ctrl-C while `add` waits on standard input: one summary, status 130, the first kept."""
    import signal

    first = write("first.txt", article_text("harbour"))
    last = write("last.txt", article_text("budget"))
    env = {**os.environ, "ARCHIVER_DB": str(db_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "archiver", "add", str(first), "-", str(last)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_delivered,
    )
    assert proc.stdout.readline().startswith("added     #1 ")  # then it reads stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate()
    assert proc.returncode == 130
    assert err.splitlines()[-1] == (
        "Interrupted after 1 of 3 inputs: 1 added, 0 already archived, 0 failed. Everything "
        "listed is archived and nothing is half-written; run the same command again to go on "
        "(what is archived is reported as already archived)."
    )
    assert "Traceback" not in err
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT source_path FROM articles").fetchall() == [(str(first),)]


def test_two_processes_add_to_one_archive_at_once(write, tmp_path, db_path):
    for i in range(12):
        write(f"a/{i:02}.txt", article_text(f"alpha{i}"))
        write(f"b/{i:02}.txt", article_text(f"beta{i}"))
    env = {**os.environ, "ARCHIVER_DB": str(db_path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "archiver", "add", str(tmp_path / d)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for d in ("a", "b")
    ]
    outputs = [p.communicate()[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM articles").fetchone() == (24,)


def test_a_progress_bar_on_a_terminal_for_many_files(write, tmp_path, db_path):
    """stderr on a pseudo-terminal gets a progress bar; stdout still gets one line an article."""
    for i in range(12):
        write(f"bar/{i:02}.txt", article_text(f"topic{i}"))
    status, stdout, terminal = run_on_terminal(
        "add", str(tmp_path / "bar"), env={"ARCHIVER_DB": str(db_path)}
    )
    assert status == 0
    assert len(stdout.splitlines()) == 12
    assert b"Archiving" in terminal and b"100%" in terminal
    assert b"12 added, 0 already archived, 0 failed." in terminal


def test_no_progress_bar_when_stderr_is_not_a_terminal(write, cli, tmp_path):
    for i in range(12):
        write(f"nobar/{i:02}.txt", article_text(f"topic{i}"))
    result = cli("add", tmp_path / "nobar")
    assert "Archiving" not in result.output
