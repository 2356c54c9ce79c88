"""Word-level alignment: shared spans, merging across edits, nothing from boilerplate."""

from __future__ import annotations

from archiver.align import align
from archiver.passages import ReuseSettings

PARAGRAPH = (
    "The Sallow River ferry carried 1.9 million passengers last year, up from 1.6 million in "
    "2022, and the operator expects demand to keep rising as new housing opens along the east "
    "bank. Fares have not changed since 2019, but the county now covers almost half of the "
    "running cost, a share that the finance committee wants to cut to a third by 2026, according "
    "to budget papers released on Wednesday."
)  # 70 words

BEFORE_A = (
    "Transit funding dominated the council meeting on Thursday as members argued over bus routes "
    "and the timetable for the new tram depot in the north of the city."
)
AFTER_A = "Council members will vote on the plan next month after a public consultation closes."
BEFORE_B = (
    "Commuters who rely on the river crossing say they were never asked about the changes, "
    "and several of them wrote to the mayor this week."
)
AFTER_B = (
    "A spokesperson for the operator declined to comment on the figures or on future timetables."
)


def test_embedded_paragraph_found_with_exact_spans():
    a = f"{BEFORE_A}\n\n{PARAGRAPH}\n\n{AFTER_A}"
    b = f"{BEFORE_B} {PARAGRAPH} {AFTER_B}"
    result = align(a, b)
    assert len(result.spans) == 1
    span = result.spans[0]
    assert span.offsets() == [
        a.index(PARAGRAPH),
        a.index(PARAGRAPH) + len(PARAGRAPH) - 1,  # the closing period is not a word
        b.index(PARAGRAPH),
        b.index(PARAGRAPH) + len(PARAGRAPH) - 1,
    ]
    assert span.shared_words == result.shared_words == 70
    assert result.coverage_a == 70 / (70 + len(BEFORE_A.split()) + len(AFTER_A.split()))


def test_lightly_edited_copy_merges_into_one_span():
    edited = (
        PARAGRAPH.replace("1.9 million", "1.8 million")
        .replace("demand", "traffic")
        .replace("passengers last year", "travellers last year")
        .replace("the finance committee wants", "the committee on finance wants")
    )
    result = align(f"{BEFORE_A} {PARAGRAPH}", f"{edited} {AFTER_B}")
    assert len(result.spans) == 1
    span = result.spans[0]
    assert span.a_words[1] - span.a_words[0] == 70
    assert 55 <= span.shared_words < 70
    assert result.spans[0].b_start == 0


def test_reordered_words_stay_in_one_span():
    reordered = PARAGRAPH.replace(
        "according to budget papers released on Wednesday",
        "budget papers released on Wednesday show",
    )
    result = align(PARAGRAPH, reordered)
    assert len(result.spans) == 1


def test_bylines_datelines_disclaimers_and_short_quotes_yield_nothing():
    byline = "By Staff Reporter\n\nHARBORTON, May 12 (MPA) —"
    quote = '"We are not against machines," union secretary Hollis Achebe said.'
    disclaimer = (
        "This article originally appeared on The National Ledger and is republished with "
        "permission."
    )
    form = "Save my name, email, and website in this browser for the next time I comment."
    # Each is shorter than min_words; the quote and the disclaimer together (23 words) too.
    a = f"{byline} {BEFORE_A}\n\n{form}\n\n{AFTER_A}\n\n{quote}\n\n{disclaimer}"
    b = f"{byline} {BEFORE_B}\n\n{form}\n\n{AFTER_B}\n\n{quote}\n\n{disclaimer}"
    result = align(a, b)
    assert result.spans == []
    assert not result
    assert result.coverage_a == 0.0


def test_min_words_is_configurable():
    a = f"{BEFORE_A} {PARAGRAPH}"
    b = f"{PARAGRAPH} {AFTER_B}"
    assert align(a, b, ReuseSettings(min_words=71)).spans == []
    assert len(align(a, b, ReuseSettings(min_words=70)).spans) == 1


def test_two_separate_passages_are_two_spans():
    a = f"{PARAGRAPH}\n\n{BEFORE_A}\n\n{AFTER_A}\n\n{BEFORE_B}\n\n{AFTER_B}\n\n{PARAGRAPH}"
    b = f"{PARAGRAPH}\n\n{BEFORE_A} {AFTER_A}"
    result = align(b, a)
    assert [s.b_start for s in result.spans] == [0, a.rindex(PARAGRAPH)]
