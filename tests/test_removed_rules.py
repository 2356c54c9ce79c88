"""The id of the rule that removed each line, in the archive: stored in removed_lines (schema
0009), shown by `show --removed` and its --json, filled in by `reclean` for older articles."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from archiver.store import SCHEMA_HEAD

from .test_rules import PAGE

#: Run on SQLite and on PostgreSQL (skipped without a server).
BOTH_BACKENDS = True


@pytest.fixture
def page_added(write, cli):
    result = cli("add", write("port.txt", PAGE), "--outlet", "Harborton Daily")
    assert result.exit_code == 0, result.output


def test_show_removed_gives_each_line_its_rule_id(page_added, cli):
    result = cli("show", "1", "--removed")
    assert result.exit_code == 0, result.output
    rows = {
        line.split(None, 3)[3]: line.split(None, 3)[1:3]
        for line in result.output.split("Removed lines (", 1)[1].splitlines()[1:]
    }
    assert rows["Advertisement"] == ["ad-marker", "ad-label"]
    assert rows["Leave a comment"] == ["comment-form", "comments-begin"]
    assert rows["By Priya Raman"] == ["author-line", "-"]


def test_show_removed_json_gives_the_rule_id_or_null(page_added, cli):
    data = json.loads(cli("show", "1", "--removed", "--json").output)
    by_text = {r["text"]: r for r in data["removed"]}
    assert by_text["Advertisement"]["rule"] == "ad-label"
    assert by_text["By Priya Raman"]["rule"] is None


def _engine(archive_url: str):
    """An engine on this test's archive, whichever backend it is on."""
    from sqlalchemy import create_engine

    return create_engine(archive_url if "://" in archive_url else f"sqlite:///{archive_url}")


def test_the_rule_id_is_a_column_of_removed_lines(page_added, archive_url):
    engine = _engine(archive_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT text, rule FROM removed_lines")).all())
    engine.dispose()
    assert stored["Advertisement"] == "ad-label"
    assert stored["By Priya Raman"] is None


def test_reclean_fills_in_rule_ids_of_lines_removed_before_there_were_any(
    page_added, cli, archive_url
):
    """An archive upgraded to schema 0009 has no rule ids for lines removed before; `reclean`
    cleans those articles again and stores them."""
    engine = _engine(archive_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE removed_lines SET rule = NULL"))
    engine.dispose()
    before = json.loads(cli("show", "1", "--removed", "--json").output)["removed"]
    assert {r["rule"] for r in before} == {None}
    result = cli("reclean", "1")
    assert result.exit_code == 0, result.output
    data = json.loads(cli("show", "1", "--removed", "--json").output)
    assert {r["text"]: r["rule"] for r in data["removed"]}["Advertisement"] == "ad-label"


def test_an_archive_of_schema_0008_gains_the_rule_column_empty(page_added, cli, archive_url):
    from alembic import command
    from sqlalchemy import inspect

    from archiver.store import alembic_config

    engine = _engine(archive_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0008")
    with engine.connect() as conn:
        columns = [c["name"] for c in inspect(conn).get_columns("removed_lines")]
        count = conn.execute(text("SELECT count(*) FROM removed_lines")).scalar()
    engine.dispose()
    assert "rule" not in columns and count == 10
    upgraded = cli("db", "upgrade")
    assert upgraded.exit_code == 0, upgraded.output
    assert f"from schema 0008 to {SCHEMA_HEAD}" in upgraded.output
    data = json.loads(cli("show", "1", "--removed", "--json").output)
    assert len(data["removed"]) == 10 and {r["rule"] for r in data["removed"]} == {None}
