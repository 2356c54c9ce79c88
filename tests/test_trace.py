"""`archiver trace`: a passage (typed, from a file, or an archived article) traced to every
article containing it, earliest first, edited copies included."""

from __future__ import annotations

import json
import random

import pytest

import archiver

#: Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
BOTH_BACKENDS = True

WIRE = (
    "The port authority said on Monday that the new container terminal would open in "
    "September, two years later than planned, after a long dispute with the dredging "
    "contractor over the depth of the channel and the cost of moving the old breakwater "
    "stones to the northern shore of the bay."
)


VOCABULARY = (
    "rents buses schools council market river bridge station harvest clinic museum library "
    "budget tenants drivers nurses teachers farmers storm flood parade festival election"
).split()


def _body(lead: str, outlet: str) -> str:
    """The shared lead, then text of the outlet's own (random words, seeded by the outlet)."""
    rng = random.Random(outlet)
    own = " ".join(
        f"{rng.choice(VOCABULARY).title()} and {rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)} "
        f"{rng.choice(VOCABULARY)} near the {rng.choice(VOCABULARY)}."
        for _ in range(20)
    )
    return f"Terminal Delayed Again\n\n{lead}\n\n{own}\n"


@pytest.fixture
def archive_with_copies(write, cli):
    """The wire paragraph in three articles: the wire (earliest), a verbatim copy, an edited one."""
    edited = WIRE.replace("on Monday", "this week").replace("September", "the autumn")
    for name, outlet, date, lead in (
        ("copy.txt", "Valley Ledger", "2024-05-03", WIRE),
        ("wire.txt", "Meridian Press Agency", "2024-05-01", WIRE),
        ("edited.txt", "Coastline Today", "2024-05-04", edited),
        ("other.txt", "Riverside Courier", "2024-05-02", "An unrelated lead about the ferry."),
    ):
        result = cli(
            "add", write(name, _body(lead, outlet)), "--outlet", outlet, "--published", date
        )
        assert result.exit_code == 0, result.output


def test_a_typed_passage_is_found_in_every_copy_earliest_first(archive_with_copies, cli):
    result = cli("trace", "--json", WIRE)
    data = json.loads(result.output)
    assert data["passage_words"] == len(WIRE.split())
    assert [h["outlet"] for h in data["hits"]] == [
        "Meridian Press Agency",
        "Valley Ledger",
        "Coastline Today",
    ]
    wire, copy, edited = data["hits"]
    assert wire["coverage"] == copy["coverage"] == 1.0
    assert 0.8 < edited["coverage"] < 1.0
    assert wire["published"] == "2024-05-01" and wire["published_source"] == "cli"
    text = archiver.Archive.open(None).get(wire["id"]).clean_text
    start, end = wire["spans"][0][2:]
    assert text[start:end] == WIRE.rstrip(".") or text[start:end] == WIRE


def test_an_edited_passage_finds_the_originals(archive_with_copies, cli):
    edited = WIRE.replace("two years later", "a year and a half later")
    hits = json.loads(cli("trace", "--json", edited).output)["hits"]
    assert len(hits) == 3


def test_trace_from_a_file_and_from_an_article(archive_with_copies, cli, write):
    path = write("passage.txt", WIRE)
    from_file = json.loads(cli("trace", "--json", "--file", path).output)
    assert len(from_file["hits"]) == 3
    by_id = json.loads(cli("trace", "--json", "--id", "1").output)
    assert sorted(h["id"] for h in by_id["hits"]) == [2, 3]


def test_text_output_and_nothing_found(archive_with_copies, cli):
    result = cli("trace", WIRE)
    lines = result.output.splitlines()
    assert lines[0] == f"Passage of {len(WIRE.split())} words: found in 3 articles, earliest first."
    assert lines[1].startswith(
        "    2  2024-05-01 (as given when it was archived)  Meridian Press Agency: "
    )
    none = cli(
        "trace", "A sentence about lighthouses and cormorants nesting on the old pier today."
    )
    assert none.output == "Passage of 12 words: found in no archived article.\n"
    first = cli("trace", WIRE, "--limit", "1").output.splitlines()
    assert first[0] == (
        f"Passage of {len(WIRE.split())} words: found in 3 articles, earliest first "
        "(the first 1 shown)."
    )
    assert first[1] == lines[1] and len(first) == 3
    limited = json.loads(cli("trace", "--json", WIRE, "--limit", "2").output)
    assert (limited["total"], len(limited["hits"])) == (3, 2)


def test_usage_errors(archive_with_copies, cli):
    assert cli("trace").exit_code == 2
    both = cli("trace", WIRE, "--id", "1")
    assert both.exit_code == 2
    assert "give the passage as TEXT, or --file FILE, or --id ID (one of them)" in both.output
    short = cli("trace", "too short")
    assert short.exit_code == 2
    assert short.output == "Error: the passage has 2 words; give at least 8 to trace it\n"
    assert cli("trace", "--id", "99").exit_code == 3
