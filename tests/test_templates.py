"""An outlet's template is learned from its articles, stored, and used by add and reclean."""

from __future__ import annotations

import json

import pytest

from archiver.archive import Archive
from archiver.storage import storage_for

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

TEMPLATE = ("Riverside Courier — your town, your paper", "Get the Courier app for your phone today")


def _page(topic: str) -> str:
    paragraphs = [
        f"Paragraph {i} on {topic}: the council met on Tuesday evening to discuss the {topic} "
        f"plans, and several residents spoke at length about what the changes would mean for "
        f"their streets, their jobs and the schools nearby in year {2000 + i}."
        for i in range(1, 5)
    ]
    # The plug sits between paragraphs, where the page's shape alone would keep it.
    body = "\n\n".join([*paragraphs[:2], TEMPLATE[1], *paragraphs[2:]])
    return f"{TEMPLATE[0]}\n\n{topic.title()} Plan Splits Council\n\n{body}\n"


def _removed(cli, article_id: int) -> dict[str, str]:
    data = json.loads(cli("show", article_id, "--json", "--removed").output)
    return {r["text"]: r["reason"] for r in data["removed"]}


@pytest.fixture
def courier(write, cli):
    """Four articles of one outlet sharing two template lines no rule knows."""
    for i, topic in enumerate(("harbour", "bridge", "tunnel", "library"), 1):
        result = cli("add", write(f"{i}.txt", _page(topic)), "--outlet", "Riverside Courier")
        assert result.exit_code == 0, result.output


def test_template_lines_are_learned_and_removed_from_later_articles(courier, cli):
    # The first article knew no template: its app plug stayed in the text.
    assert TEMPLATE[1] in json.loads(cli("show", "1", "--json").output)["clean_text"]
    # By the fourth, both lines were seen in two earlier articles of the outlet.
    removed = _removed(cli, 4)
    assert removed[TEMPLATE[1]] == "site-template"
    assert TEMPLATE[1] not in json.loads(cli("show", "4", "--json").output)["clean_text"]


def _template_counts(location: str) -> tuple[int, int]:
    """All the outlets' template counts added up, and how many lines are counted."""
    with Archive.open(location) as archive, archive.db.reading() as conn:
        rows = storage_for(conn).template_rows(1)
    return sum(r.articles for r in rows), len(rows)


def test_reclean_uses_what_was_learned_without_counting_the_article_itself(
    courier, cli, archive_url
):
    counts_before = _template_counts(archive_url)
    result = cli("reclean", "1", "--json")
    assert result.exit_code == 0
    line = json.loads(result.output)
    assert line["status"] == "updated" and "text" in line["changed"]
    assert line["removed_after"] > line["removed_before"]
    assert _removed(cli, 1)[TEMPLATE[1]] == "site-template"
    # The article's own lines were taken out and put back: the counts are unchanged.
    counts_after = _template_counts(archive_url)
    assert counts_after == counts_before
    # A second run finds nothing to change.
    again = json.loads(cli("reclean", "1", "--json").output)
    assert again["status"] == "unchanged"


def test_reclean_keeps_what_the_user_gave_and_the_original_bytes(courier, cli, tmp_path):
    cli("reclean", "--all")
    data = json.loads(cli("show", "2", "--json").output)
    assert data["fields"]["outlet"] == {
        "value": "Riverside Courier",
        "source": "cli",
        "confidence": 1.0,
    }
    assert cli("show", "2", "--raw").stdout_bytes == (tmp_path / "2.txt").read_bytes()


def test_reclean_by_outlet_and_its_usage_errors(courier, cli):
    result = cli("reclean", "--outlet", "riverside courier")
    assert result.exit_code == 0
    # The first two were added before the template was known; the last two already used it.
    assert [line.split()[1] for line in result.output.splitlines()[:-1]] == ["#1", "#2"]
    assert result.output.endswith("2 updated, 2 unchanged, 0 failed.\n")
    assert cli("reclean").exit_code == 2
    assert "give article IDs, or --outlet NAME, or --all" in cli("reclean", "1", "--all").output
    missing = cli("reclean", "--outlet", "Nobody")
    assert missing.exit_code == 2
    assert "no article of the outlet 'Nobody'" in missing.output
    unknown = cli("reclean", "99")
    assert unknown.exit_code == 3


def test_other_outlets_do_not_share_a_template(courier, write, cli):
    result = cli("add", write("other.txt", _page("ferry")), "--outlet", "Valley Ledger")
    assert result.exit_code == 0
    assert "site-template" not in _removed(cli, 5).values()
