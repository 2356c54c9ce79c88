"""The archive on both backends: SQLite (a file) and PostgreSQL (a real server, started by
.ci/run; skipped, saying so, without one). The same inputs give the same archive: articles,
clean texts, fields, pairs with their spans and sources, clusters, traces."""

from __future__ import annotations

import json

import pytest

from .conftest import SAMPLES


def _json(cli, *args) -> dict:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lines(cli, *args) -> list[dict]:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def _archive(cli, url: str) -> dict:
    """Everything a user can read back from an archive built from the samples, minus what
    names the archive or the time (report meta, ingestion times)."""
    added = cli("--db", url, "add", "--json", SAMPLES)
    assert added.exit_code == 0, added.output
    report = _json(cli, "--db", url, "report", "--format", "json")
    report.pop("meta")
    articles = _lines(cli, "--db", url, "list", "--json")
    shown = {
        a["id"]: _json(cli, "--db", url, "show", a["id"], "--json", "--removed") for a in articles
    }
    for record in shown.values():
        record.pop("ingested_at", None)
    for record in articles:
        record.pop("ingested_at", None)
    trace = _json(
        cli,
        "--db",
        url,
        "trace",
        "--json",
        "Dockworkers at the Port of Harborton walked off the job early on Sunday",
    )
    return {"report": report, "list": articles, "show": shown, "trace": trace}


def test_the_samples_give_the_same_archive_on_sqlite_and_postgresql(cli, tmp_path, postgres_url):
    on_sqlite = _archive(cli, str(tmp_path / "samples.db"))
    on_postgres = _archive(cli, postgres_url)
    assert on_sqlite["report"]["pairs"], "the samples share passages"
    assert on_sqlite["report"]["clusters"]
    for part in ("list", "show", "report", "trace"):
        assert on_postgres[part] == on_sqlite[part], part


@pytest.mark.parametrize("archive_backend", ["sqlite", "postgresql"], indirect=True)
def test_add_and_reuse_on_each_backend(cli, write):
    story = (
        "Harborton's port authority said on Monday that the strike by crane operators had "
        "halted all container traffic for a third day, and that ships were waiting outside the "
        "breakwater for a berth. The union said its members would not return before the "
        "authority agreed to talks on the new automated gantries and the shift rosters."
    )
    first = write("a.txt", f"Port Strike Enters Third Day\n\n{story}\n\nMore on the docks soon.\n")
    second = write(
        "b.txt",
        "Dock Dispute Drags On\n\nBy Ana Lopes\n\n"
        f"{story}\n\nLocal shops near the quay said trade had fallen by half since Friday.\n",
    )
    results = _lines(cli, "add", "--json", first, second)
    assert [r["status"] for r in results] == ["added", "added"]
    assert results[1]["reused_from"] == [results[0]["id"]]
    report = _json(cli, "report", "--format", "json")
    assert [(p["a"], p["b"]) for p in report["pairs"]] == [(results[0]["id"], results[1]["id"])]
    # Adding the same bytes again is reported, not stored twice.
    again = _lines(cli, "add", "--json", first)
    assert again[0]["status"] == "duplicate" and again[0]["id"] == results[0]["id"]
    check = cli("db", "check")
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize("command", [("stats",), ("db", "check"), ("list",)])
def test_a_password_in_the_url_is_never_printed(cli, postgres_url, command):
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url).set(password="s3cret-word").render_as_string(hide_password=False)
    created = cli("--db", url, "add", SAMPLES / "01-mpa-port-strike.txt")
    assert created.exit_code == 0, created.output
    assert "s3cret-word" not in created.output
    shown = cli("--db", url, *command)
    assert shown.exit_code == 0, shown.output
    assert "s3cret-word" not in shown.output


def _everything(cli, url: str) -> dict:
    report = _json(cli, "--db", url, "report", "--format", "json")
    report.pop("meta")
    ids = [a["id"] for a in _lines(cli, "--db", url, "list", "--json")]
    return {
        "report": report,
        "show": {i: _json(cli, "--db", url, "show", i, "--json", "--removed") for i in ids},
        "raw": {i: cli("--db", url, "show", i, "--raw").stdout_bytes for i in ids},
    }


def test_db_copy_moves_everything_between_sqlite_files(cli, tmp_path):
    source, target = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert cli("--db", source, "add", SAMPLES).exit_code == 0
    copied = cli("db", "copy", source, target)
    assert copied.exit_code == 0, copied.output
    assert "Copied 24 articles" in copied.output and "Checked the copy: OK." in copied.output
    assert _everything(cli, target) == _everything(cli, source)
    # Search works on the copy: its index was filled as the articles arrived.
    found = cli("--db", target, "search", "dockworkers", "--json")
    assert found.exit_code == 0 and found.output.count('"id"') >= 2
    # A copy never mixes into an archive that holds articles.
    again = cli("db", "copy", source, target)
    assert again.exit_code != 0
    assert "already holds articles; copy into a new, empty archive" in again.output
    assert "Traceback" not in again.output


def test_db_copy_to_postgresql_and_back(cli, tmp_path, write, postgres_url):
    source, back = str(tmp_path / "a.db"), str(tmp_path / "back.db")
    assert cli("--db", source, "add", SAMPLES).exit_code == 0
    assert cli("db", "copy", source, postgres_url).exit_code == 0
    assert cli("db", "copy", postgres_url, back).exit_code == 0
    assert _everything(cli, postgres_url) == _everything(cli, source)
    assert _everything(cli, back) == _everything(cli, source)
    # New articles go on after the copied ones' ids.
    page = write(
        "new.txt", "Dredging Bids Delayed\n\n" + "The harbour board put off the vote. " * 9
    )
    added = _lines(cli, "--db", postgres_url, "add", "--json", page)
    assert added[0]["status"] == "added" and added[0]["id"] == 25


def test_two_add_processes_write_one_postgresql_archive_at_once(tmp_path, postgres_url):
    import os
    import subprocess
    import sys

    from sqlalchemy import create_engine

    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    halves = [files[0::2], files[1::2]]
    env = {**os.environ, "ARCHIVER_DB": postgres_url}
    # Both start on an empty database: one creates the archive, the other waits for it.
    create = [sys.executable, "-m", "archiver", "add", "--quiet"]
    runs = [subprocess.Popen([*create, *map(str, half)], env=env) for half in halves]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        paths = conn.exec_driver_sql("SELECT source_path FROM articles").scalars().all()
    engine.dispose()
    assert sorted(paths) == sorted(str(p) for p in files)


#: Queries in the syntax `search` documents, with what each should find in the samples.
QUERIES = ("dockworkers", "title:strike", "dock*", '"port of harborton"', "ferry NOT fares")


def test_search_finds_the_same_articles_on_both_backends(cli, tmp_path, postgres_url):
    found = {}
    for url in (str(tmp_path / "s.db"), postgres_url):
        assert cli("--db", url, "add", SAMPLES).exit_code == 0
        found[url] = {
            q: sorted(h["id"] for h in _lines(cli, "--db", url, "search", "--json", q))
            for q in QUERIES
        }
    on_sqlite, on_postgres = found.values()
    assert all(on_sqlite[q] for q in QUERIES), on_sqlite
    assert on_postgres == on_sqlite
    hits = _lines(cli, "--db", postgres_url, "search", "--json", "dockworkers")
    assert hits[0]["rank"] == 1 and hits[0]["relevance"] == 1.0
    assert all("dockworkers" in h["snippet"].lower() for h in hits)
    # Accents are folded both ways; NEAR, which PostgreSQL cannot search, is one sentence.
    assert _lines(cli, "--db", postgres_url, "search", "--json", "cofradia")
    near = cli("--db", postgres_url, "search", "NEAR(port strike)")
    assert near.exit_code == 2 and "NEAR" in near.output and "Traceback" not in near.output
