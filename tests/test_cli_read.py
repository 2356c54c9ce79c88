"""show, list, export and stats on a real archive."""

from __future__ import annotations

import csv
import io
import json

import pytest

from archiver.store import hide_password

from .conftest import article_text

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True


@pytest.fixture
def three(write, cli):
    """An archive with three articles from two outlets on three dates."""
    for name, topic, outlet, date in (
        ("a.txt", "harbour", "Riverside Courier", "2024-05-01"),
        ("b.txt", "bridge", "Valley Ledger", "2024-05-03"),
        ("c.txt", "tunnel", "Riverside Courier", "2024-05-05"),
    ):
        result = cli(
            "add", write(name, article_text(topic)), "--outlet", outlet, "--published", date
        )
        assert result.exit_code == 0, result.output


def test_show_lists_fields_with_sources(three, cli):
    result = cli("show", "2")
    lines = result.output.splitlines()
    assert lines[0] == "Article 2: Council Weighs New Bridge Plan"
    assert "  outlet           Valley Ledger  [cli, 1.00]" in lines
    assert "  published        2024-05-03  [cli, 1.00]" in lines
    assert result.output.rstrip().endswith(
        "for their streets, their jobs and the schools nearby in year 2005."
    )


def test_show_removed_lists_lines_with_reasons(three, cli):
    result = cli("show", "1", "--removed")
    assert "Paragraph 1" not in result.output
    removed = result.output.split("Removed lines (", 1)[1]
    assert "- Advertisement -" in removed
    assert "Please enter your comment!" in removed
    rows = [line.split() for line in removed.splitlines()[1:]]
    assert all(row[0].isdigit() for row in rows)


def test_show_raw_gives_back_the_original_bytes(three, cli, tmp_path):
    result = cli("show", "3", "--raw")
    assert result.stdout_bytes == (tmp_path / "c.txt").read_bytes()


def test_show_json(three, cli):
    data = json.loads(cli("show", "1", "--json", "--removed").output)
    assert data["id"] == 1 and data["outlet"] == "Riverside Courier"
    assert {"line", "reason", "rule", "text"} == set(data["removed"][0])


def test_show_a_missing_id(three, cli, archive_url):
    result = cli("show", "99")
    assert result.exit_code == 3
    assert (
        result.output == f"Error: there is no article 99 in {hide_password(archive_url)}; "
        "`archiver list` shows the ids\n"
    )


def test_list_newest_first_and_filters(three, cli):
    ids = lambda out: [int(line.split()[0]) for line in out.splitlines()]  # noqa: E731
    assert ids(cli("list").output) == [3, 2, 1]
    assert ids(cli("list", "--outlet", "riverside courier").output) == [3, 1]
    assert ids(cli("list", "--since", "2024-05-02").output) == [3, 2]
    assert ids(cli("list", "--until", "2024-05-03").output) == [2, 1]
    assert ids(cli("list", "--limit", "1").output) == [3]
    rows = [json.loads(line) for line in cli("list", "--json").output.splitlines()]
    assert [r["id"] for r in rows] == [3, 2, 1]
    assert "clean_text" not in rows[0]


def test_list_rejects_a_bad_filter_date(three, cli):
    result = cli("list", "--since", "May 2024")
    assert result.exit_code == 2
    assert "'May 2024' is not a valid date" in result.output


def test_export_jsonl_and_csv(three, cli, tmp_path):
    rows = [json.loads(line) for line in cli("export").output.splitlines()]
    assert [r["id"] for r in rows] == [1, 2, 3]
    for key in (
        "id",
        "path",
        "url",
        "outlet",
        "title",
        "author",
        "published",
        "sha256",
        "clean_text",
    ):
        assert key in rows[0]
    out = tmp_path / "out.csv"
    assert cli("export", "--format", "csv", "-o", out, "--outlet", "Valley Ledger").exit_code == 0
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(table) == 1
    assert table[0]["title"] == "Council Weighs New Bridge Plan"
    assert table[0]["clean_text"] == rows[1]["clean_text"]


def test_stats(three, cli):
    data = json.loads(cli("stats", "--json").output)
    assert data["articles"] == 3
    assert data["outlets"] == [
        {"outlet": "Riverside Courier", "articles": 2},
        {"outlet": "Valley Ledger", "articles": 1},
    ]
    assert (data["first_published"], data["last_published"]) == ("2024-05-01", "2024-05-05")
    assert data["removed_lines"] == sum(data["removed_by_reason"].values()) > 0
    text = cli("stats").output
    assert "Articles     3 (3 text)" in text
    assert "Published    2024-05-01 to 2024-05-05" in text


def test_every_command_has_help_with_an_example(cli):
    from archiver.cli import main

    def commands(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from commands(command, (*prefix, name))
            else:
                yield (*prefix, name)

    for path in commands(main):
        result = cli(*path, "--help")
        assert result.exit_code == 0, path
        assert "Example" in result.output, path
