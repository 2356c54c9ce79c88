"""Provenance of verified pairs, clusters from verified pairs, and the bundled samples."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from archiver.align import align
from archiver.html import extract_html
from archiver.provenance import (
    ArticleFacts,
    build_clusters,
    decide,
    decide_cluster,
    find_credits,
    names_outlet,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BODY = (
    "Dockworkers at the Port of Harborton walked off the job early on Sunday, halting container "
    "traffic at the country's third-busiest harbour after talks over a plan to automate two of "
    "its terminals broke down overnight, union leaders said. About 2,300 members of the Allied "
    "Harbour Workers Union stopped work at 6 a.m., leaving at least 14 cargo ships waiting."
)


def facts(id: int, outlet: str, text: str, published=None, confidence=0.0, source=None, **kw):
    return ArticleFacts(id, outlet, text, published, confidence, source, **kw)


def test_dated_original_beats_a_later_copy_with_only_a_header_date():
    original = facts(1, "The National Ledger", BODY, "2024-05-10T12:05:00+01:00", 0.9, "json-ld")
    copy = facts(2, "Liberty Signal Daily", BODY, "2024-05-14", 0.2, "header-date")
    verdict = decide(original, copy, align(original.text, copy.text))
    # The header date is after the original: it cannot decide alone, and nothing else speaks.
    assert verdict.source is None
    assert verdict.confidence == "undetermined"
    assert any("too uncertain" in e or "do not decide" in e for e in verdict.evidence)


def test_header_date_before_a_trusted_date_bounds_the_copy():
    early = facts(1, "Coastline Today", BODY, "2024-05-09", 0.2, "header-date")
    late = facts(2, "Riverside Courier", BODY, "2024-05-14T07:00:00+01:00", 0.9, "json-ld")
    verdict = decide(early, late)
    assert (verdict.source, verdict.confidence) == (1, "medium")


def test_trusted_dates_decide():
    a = facts(1, "Meridian Press Agency", BODY, "2024-05-12T08:14:00+00:00", 0.9, "json-ld")
    b = facts(2, "Coastline Today", BODY, "2024-05-14T07:02:00+01:00", 0.9, "json-ld")
    verdict = decide(b, a)
    assert (verdict.source, verdict.confidence, verdict.attributed) == (1, "high", False)


def test_mpa_dateline_credit_makes_attributed():
    original = facts(1, "Meridian Press Agency", f"HARBORTON, May 12 (MPA) — {BODY}")
    copy = facts(
        2,
        "The National Ledger",
        f"HARBORTON, May 12 (MPA) — {BODY}\n\nBy Priya Raman, Meridian Press Agency",
    )
    verdict = decide(original, copy)
    assert (verdict.source, verdict.confidence, verdict.attributed) == (1, "high", True)
    assert any("wire-dateline" in e for e in verdict.evidence)


def test_credit_by_name_and_disclaimer():
    original = facts(1, "The National Ledger", BODY)
    copy = facts(
        2,
        "Liberty Signal Daily",
        f"{BODY}\nThis article originally appeared on The National Ledger and is republished "
        "with permission.",
    )
    verdict = decide(copy, original)
    assert (verdict.source, verdict.attributed) == (1, True)
    quoted = facts(3, "The National Ledger", f"according to the Riverside Courier. {BODY}")
    courier = facts(4, "Riverside Courier", BODY)
    assert decide(quoted, courier).source == 4


def test_no_evidence_is_undetermined():
    verdict = decide(facts(1, "A Paper", BODY), facts(2, "B Paper", BODY))
    assert (verdict.source, verdict.confidence, verdict.attributed) == (None, "undetermined", False)
    assert verdict.evidence


def test_ingest_order_only_when_far_apart():
    a = facts(1, "A Paper", BODY, ingested=1_000_000.0)
    b = facts(2, "B Paper", BODY, ingested=1_000_000.0 + 10)
    assert decide(a, b).source is None
    b.ingested = 1_000_000.0 + 3 * 86_400
    assert (decide(a, b).source, decide(a, b).confidence) == (1, "low")


def test_two_copies_of_one_wire_story_are_not_each_others_source():
    wire_copy = facts(
        2,
        "The National Ledger",
        f"HARBORTON, May 12 (MPA) — {BODY}",
        "2024-05-12T16:40:00+01:00",
        0.9,
        "json-ld",
    )
    other = facts(3, "Coastline Today", f"Harborton – {BODY}", "2024-05-14T07:02:00", 0.6)
    verdict = decide(wire_copy, other)
    assert verdict.source is None
    assert any("copy too" in e for e in verdict.evidence)


@pytest.mark.parametrize(
    ("name", "outlet", "text", "expected"),
    [
        ("the National Ledger's", "The National Ledger", "", True),
        ("NATIONAL LEDGER", "National Ledger", "", True),
        ("MPA", "Meridian Press Agency", "(MPA) — by Meridian Press Agency", True),
        ("MPA", "Meridian Press Agency", "(MPA) —", False),  # never defined
        ("AP", "Associated Press", "", True),
        ("Riverside", "Riverside Courier", "", False),
    ],
)
def test_outlet_names_match(name, outlet, text, expected):
    assert names_outlet(name, outlet, text) is expected


def test_credit_patterns_are_found():
    rules = [
        c.rule
        for c in find_credits(
            "PARIS, May 3 (AP) — Text. Reuters reported that. First published by The Ledger. "
            "according to Khaama Press"
        )
    ]
    assert rules == ["wire-dateline", "reported", "first-published", "according-to"]


def test_clusters_only_from_overlapping_verified_spans():
    pairs = [
        (1, 2, [[0, 100, 0, 100]]),
        (1, 3, [[10, 100, 50, 140]]),
        (4, 5, [[0, 50, 0, 50]]),
        (2, 6, [[500, 600, 0, 100]]),  # another passage of 2: no chaining through it
    ]
    clusters = build_clusters(pairs)
    assert [c.articles for c in clusters] == [[1, 2, 3]]
    assert clusters[0].spans[1] == [(0, 100)]
    assert clusters[0].pairs == [0, 1]


def test_cluster_source_beats_every_member():
    a = facts(1, "Meridian Press Agency", BODY, "2024-05-12T08:14:00+00:00", 0.9)
    b = facts(2, "The National Ledger", BODY, "2024-05-12T16:40:00+01:00", 0.9)
    c = facts(3, "Coastline Today", BODY, "2024-05-14T07:02:00+01:00", 0.9)
    verdicts = {(x.id, y.id): decide(x, y) for x, y in itertools.combinations((a, b, c), 2)}
    assert decide_cluster([a, b, c], verdicts).source == 1
    assert decide_cluster([b, c], {}).source is None


# ---------------------------------------------------------------------------------------------
# The bundled samples, through the pure modules
# ---------------------------------------------------------------------------------------------

#: Outlet of each sample (samples/README.md), used to drop lines repeated within one outlet: a
#: stand-in for the archive's template learning, which the text cleaner does for real.
OUTLETS = {
    "01": "MPA",
    "09": "MPA",
    "02": "Ledger",
    "05": "Ledger",
    "10": "Ledger",
    "11": "Ledger",
    "03": "Coastline",
    "15": "Coastline",
    "04": "Courier",
    "06": "Courier",
    "08": "Courier",
    "16": "Courier",
    "17": "Courier",
    "18": "Coastline",
    "07": "Notes",
    "13": "Notes",
    "12": "Liberty",
    "14": "Faro",
    "21": "Haigang",
    "22": "Donghai",
    "23": "Donghai",
    "24": "Hafenbote",
}


def _sample_texts() -> dict[str, str]:
    lines: dict[str, list[str]] = {}
    for path in sorted(SAMPLES.iterdir()):
        key = path.name[:2]
        if path.suffix == ".html":
            lines[key] = extract_html(path.read_text(encoding="utf-8")).text.splitlines()
        elif path.suffix == ".txt":
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
            lines[key] = [line for line in text.splitlines() if len(line.split()) >= 20]
    texts = {}
    for key, own in lines.items():
        others = {
            line
            for k, ls in lines.items()
            if k != key and OUTLETS[k] == OUTLETS[key]
            for line in ls
        }
        texts[key] = "\n".join(line for line in own if line not in others)
    return texts


def test_samples_reuse_cases_found_and_template_pairs_not():
    texts = _sample_texts()
    found = {}
    for a, b in itertools.combinations(sorted(texts), 2):
        result = align(texts[a], texts[b])
        if result:
            found[(a, b)] = result
    assert set(found) == {
        ("01", "02"),
        ("01", "03"),
        ("02", "03"),  # case 1: whole wire story
        ("04", "05"),  # case 2: credited paragraph
        ("06", "07"),  # case 3: uncredited paragraph
        ("09", "10"),  # case 4: lightly edited paragraph
        ("11", "12"),  # case 5: aggregator republication
        ("16", "18"),  # case 9: a statement both quote
        ("21", "22"),  # two Chinese paragraphs, aligned in characters
    }
    for pair in (("04", "05"), ("06", "07"), ("09", "10")):
        assert len(found[pair].spans) == 1
    span = found[("04", "05")].spans[0]
    a_text = texts["04"][span.a_start : span.a_end]
    assert a_text.startswith("The Sallow River ferry carried 1.9")
    assert a_text.endswith("according to budget papers released on Wednesday")
    assert len(a_text.split()) == 72  # the README counts whitespace-separated words
    assert found[("04", "05")].shared_words == 73  # and "long-term" is two words here
    assert found[("06", "07")].shared_words == 68
    edited = found[("09", "10")].spans[0]
    assert texts["09"][edited.a_start : edited.a_end].startswith("The agriculture ministry")
    assert texts["09"][edited.a_start : edited.a_end].endswith("monthly crop outlook")
    assert sorted(r.words for r in edited.runs)[-3:] == [11, 14, 43]
    assert found[("01", "03")].spans[0].shared_words >= 320


def test_samples_attribution():
    texts = _sample_texts()
    ledger = facts(11, "The National Ledger", texts["11"], "2024-05-10T12:05:00+01:00", 0.9)
    # The disclaimer line is short: the cleaner turns it into the original_outlet field.
    signal = facts(
        12,
        "Liberty Signal Daily",
        texts["12"],
        "2024-05-14",
        0.2,
        "header-date",
        extra={"original_outlet": "The National Ledger"},
    )
    verdict = decide(signal, ledger, align(texts["12"], texts["11"]))
    assert (verdict.source, verdict.confidence, verdict.attributed) == (11, "high", True)
    raw = (SAMPLES / "12-libertysignal-wind-farm.txt").read_text(encoding="utf-8")
    signal = facts(12, "Liberty Signal Daily", raw, "2024-05-14", 0.2, "header-date")
    assert decide(ledger, signal).source == 11
    courier = facts(4, "Riverside Courier", texts["04"], "2024-05-09T06:30:00+01:00", 0.9)
    ledger5 = facts(5, "The National Ledger", texts["05"], "2024-05-13T07:00:00+01:00", 0.9)
    assert decide(courier, ledger5).attributed is True
    mpa = facts(1, "Meridian Press Agency", texts["01"], "2024-05-12T08:14:00+00:00", 0.6)
    ledger2 = facts(2, "The National Ledger", texts["02"], "2024-05-12T16:40:00+01:00", 0.9)
    coast = facts(3, "Coastline Today", texts["03"], "2024-05-14T07:02:00", 0.6)
    assert (decide(mpa, ledger2).source, decide(mpa, ledger2).attributed) == (1, True)
    assert (decide(mpa, coast).source, decide(mpa, coast).attributed) == (1, False)
    assert decide(ledger2, coast).source is None


# --- How far apart two dates must be, for each kind of date ----------------------------------

#: (source, confidence) of the date kinds extraction and the command line give.
CLI = ("cli", 1.0)
JSON_LD = ("json-ld", 0.9)
LABELLED_LINE = ("text-line", 0.8)  # "Published March 3, 2024"
TEXT_LINE = ("text-line", 0.7)
HTMLDATE = ("htmldate", 0.5)
HEADER = ("header-date", 0.2)


def _dated(id: int, value: str, kind: tuple[str, float]) -> ArticleFacts:
    return facts(id, f"Paper {id}", BODY, value, kind[1], kind[0])


@pytest.mark.parametrize(
    ("kind_a", "kind_b", "a", "b", "expected"),
    [
        # Sure dates: the same day says nothing, one day apart is a weak sign, two decide.
        (CLI, CLI, "2024-03-03", "2024-03-03", "undetermined"),
        (CLI, CLI, "2024-03-03", "2024-03-04", "low"),
        (CLI, CLI, "2024-03-03", "2024-03-05", "high"),
        (JSON_LD, CLI, "2024-03-03", "2024-03-04", "low"),
        (LABELLED_LINE, JSON_LD, "2024-03-03", "2024-03-04", "low"),
        (LABELLED_LINE, LABELLED_LINE, "2024-03-01", "2024-03-09", "high"),
        # Exact times with offsets: an hour or more apart decides, less is a weak sign.
        (JSON_LD, JSON_LD, "2024-03-03T08:00:00+00:00", "2024-03-03T11:00:00+00:00", "high"),
        (JSON_LD, JSON_LD, "2024-03-03T08:00:00+00:00", "2024-03-03T08:30:00+00:00", "low"),
        (
            JSON_LD,
            JSON_LD,
            "2024-03-03T08:00:00+01:00",
            "2024-03-03T07:00:00+00:00",
            "undetermined",
        ),
        # Times without offsets are local: only the day counts.
        (CLI, CLI, "2024-03-03T08:00", "2024-03-03T20:00", "undetermined"),
        (CLI, CLI, "2024-03-03T23:00", "2024-03-04T01:00", "low"),
        # Page-text and guessed dates: one day apart does not decide, two days do, less surely.
        (TEXT_LINE, TEXT_LINE, "2024-03-03", "2024-03-04", "undetermined"),
        (TEXT_LINE, CLI, "2024-03-03", "2024-03-04", "undetermined"),
        (TEXT_LINE, TEXT_LINE, "2024-03-03", "2024-03-05", "medium"),
        (HTMLDATE, JSON_LD, "2024-03-03", "2024-03-09", "medium"),
        # A site header date (often the crawl date) never decides which came first.
        (HEADER, HEADER, "2024-03-01", "2024-03-09", "undetermined"),
        (JSON_LD, HEADER, "2024-03-01", "2024-03-09", "undetermined"),
    ],
)
def test_the_date_ladder(kind_a, kind_b, a, b, expected):
    first, second = _dated(1, a, kind_a), _dated(2, b, kind_b)
    for x, y in ((first, second), (second, first)):
        verdict = decide(x, y)
        assert verdict.confidence == expected, verdict.evidence
        assert verdict.source == (None if expected == "undetermined" else 1)


def test_cli_dates_one_day_apart_say_so_not_the_same_day():
    verdict = decide(_dated(1, "2024-03-03", CLI), _dated(2, "2024-03-04", CLI))
    assert (verdict.source, verdict.confidence) == (1, "low")
    assert verdict.evidence == [
        "#1 (Paper 1) dated 2024-03-03 [cli, 1.0], before #2 (Paper 2) dated 2024-03-04 "
        "[cli, 1.0]: one day apart, close enough for time zones or clocks to reverse them, so "
        "a weak sign"
    ]
    assert not any("same day" in e or "same time" in e for e in verdict.evidence)


def test_the_same_day_is_said_as_such():
    verdict = decide(_dated(1, "2024-03-03", CLI), _dated(2, "2024-03-03", CLI))
    assert verdict.evidence == ["dates do not decide: they give the same day"]
    stamps = decide(
        _dated(1, "2024-03-03T08:00:00Z", JSON_LD), _dated(2, "2024-03-03T09:00:00+01:00", JSON_LD)
    )
    assert stamps.evidence == ["dates do not decide: they give the same time"]


def test_a_close_page_date_tips_other_weak_evidence():
    long_text = (
        BODY + " " + " ".join(f"Another sentence number {i} of the story." for i in range(40))
    )
    whole = _dated(1, "2024-03-03", TEXT_LINE)
    whole.text = long_text
    part = _dated(2, "2024-03-04", TEXT_LINE)
    alone = decide(whole, part)
    assert alone.confidence == "undetermined"
    with_containment = decide(whole, part, align(whole.text, part.text))
    assert (with_containment.source, with_containment.confidence) == (1, "low")
