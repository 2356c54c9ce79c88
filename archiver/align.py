"""Exact word-level alignment of two texts: the maximal shared spans, merged across small edits."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from archiver.passages import (
    CHARS,
    DEFAULT,
    WORDS,
    ReuseSettings,
    Tokens,
    in_unit,
    is_member,
    shingle_hashes,
    tokenize,
    unit_of,
)

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A maximal run of identical words: a[a_start:a_start+words] == b[b_start:b_start+words]."""

    a_start: int
    b_start: int
    words: int

    @property
    def a_end(self) -> int:
        return self.a_start + self.words

    @property
    def b_end(self) -> int:
        return self.b_start + self.words

    @property
    def diagonal(self) -> int:
        return self.a_start - self.b_start


@dataclass
class Span:
    """One shared passage: character ranges in both texts, word ranges, and the runs in it."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_words: tuple[int, int]  # word range [start, end) in a
    b_words: tuple[int, int]
    shared_words: int  # words inside identical runs (edited words are not counted)
    runs: list[Run] = field(default_factory=list, repr=False)

    def offsets(self) -> list[int]:
        """``[a_start, a_end, b_start, b_end]``, as in the report's JSON."""
        return [self.a_start, self.a_end, self.b_start, self.b_end]


@dataclass
class Alignment:
    """Every shared span of two texts with the totals a report shows."""

    spans: list[Span]
    shared_a: int  # distinct words of a inside the spans' identical runs
    shared_b: int
    words_a: int
    words_b: int
    #: What the counts count: words, or characters (each Han ideograph or kana one word).
    unit: str = WORDS

    @property
    def shared_words(self) -> int:
        return min(self.shared_a, self.shared_b)

    @property
    def coverage_a(self) -> float:
        return self.shared_a / self.words_a if self.words_a else 0.0

    @property
    def coverage_b(self) -> float:
        return self.shared_b / self.words_b if self.words_b else 0.0

    def __bool__(self) -> bool:
        return bool(self.spans)


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------


def _seed_pairs(ha: np.ndarray, hb: np.ndarray, repeats: int) -> tuple[np.ndarray, np.ndarray]:
    """All (i, j) with ha[i] == hb[j], leaving out n-grams repeated more than ``repeats`` times
    in either text (lists and chants would make the pairs quadratic and mean nothing)."""
    order = np.argsort(ha, kind="stable")
    sorted_a = ha[order]
    lo = np.searchsorted(sorted_a, hb, "left")
    count = np.searchsorted(sorted_a, hb, "right") - lo
    if repeats:
        _, inverse, b_counts = np.unique(hb, return_inverse=True, return_counts=True)
        count[(count > repeats) | (b_counts[inverse] > repeats)] = 0
    total = int(count.sum())
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    j = np.repeat(np.arange(len(hb)), count)
    within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
    i = order[np.repeat(lo, count) + within]
    return i.astype(np.int64), j.astype(np.int64)


def _masked_seeds(
    tokens: Tokens, settings: ReuseSettings, ignore: np.ndarray | None, side: int
) -> np.ndarray:
    """Seed n-gram hashes, with seeds touching an ignored shingle made unique (never match)."""
    seeds = shingle_hashes(tokens, settings.seed_words)
    if ignore is None or not len(ignore) or not len(seeds):
        return seeds
    k = settings.shingle
    hit = is_member(shingle_hashes(tokens, k), ignore)
    if not hit.any():
        return seeds
    # Words covered by an ignored shingle, then seeds covering any such word.
    words = np.convolve(hit.astype(np.int32), np.ones(k, dtype=np.int32))[: len(tokens)] > 0
    bad = np.convolve(words.astype(np.int32), np.ones(settings.seed_words, dtype=np.int32))
    bad = bad[settings.seed_words - 1 : settings.seed_words - 1 + len(seeds)] > 0
    seeds = seeds.copy()
    # Distinct per text (side) and position, so masked seeds never match anything.
    marks = np.flatnonzero(bad).astype(np.uint64) * np.uint64(2) + np.uint64(side)
    seeds[bad] = np.uint64(1 << 63) | marks
    return seeds


def find_runs(
    a: Tokens, b: Tokens, settings: ReuseSettings = DEFAULT, ignore: np.ndarray | None = None
) -> list[Run]:
    """Maximal runs of at least ``settings.seed_words`` identical words, ordered along b.

    ``ignore`` is the sorted array (:func:`passages.common_set`) of shingle hashes (of
    ``settings.shingle`` words) common across the archive: words under them never match.
    """
    k = settings.seed_words
    ha, hb = _masked_seeds(a, settings, ignore, 0), _masked_seeds(b, settings, ignore, 1)
    i, j = _seed_pairs(ha, hb, settings.max_seed_repeats)
    if not len(i):
        return []
    diagonal = i - j
    order = np.lexsort((j, diagonal))
    i, j, diagonal = i[order], j[order], diagonal[order]
    # A run breaks where the diagonal changes or b skips a position.
    breaks = np.flatnonzero((np.diff(diagonal) != 0) | (np.diff(j) != 1)) + 1
    starts = np.concatenate(([0], breaks))
    lengths = np.diff(np.concatenate((starts, [len(i)])))
    runs = [
        Run(int(i[s]), int(j[s]), int(n) + k - 1)
        for s, n in zip(starts, lengths, strict=True)
        # 64-bit hash collisions are rare but cheap to rule out.
        if a.words[i[s] : i[s] + k] == b.words[j[s] : j[s] + k]
    ]
    runs.sort(key=lambda r: (r.b_start, r.a_start))
    return runs


# ---------------------------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------------------------


def _fits(last: Run, run: Run, settings: ReuseSettings) -> int | None:
    """How far ``run`` is from ``last`` (words of gap), or None when it cannot follow it."""
    gap_a, gap_b = run.a_start - last.a_end, run.b_start - last.b_end
    shift = settings.max_shift
    if not (-shift <= gap_a <= settings.max_gap and -shift <= gap_b <= settings.max_gap):
        return None
    if abs(run.diagonal - last.diagonal) > shift:
        return None
    return max(gap_a, 0) + max(gap_b, 0)


def chain_runs(runs: list[Run], settings: ReuseSettings = DEFAULT) -> list[list[Run]]:
    """Group runs that follow each other on nearly the same diagonal (small edits between)."""
    chains: list[list[Run]] = []
    for run in runs:
        best, best_gap = None, None
        for chain in chains:
            gap = _fits(chain[-1], run, settings)
            if gap is not None and (best_gap is None or gap < best_gap):
                best, best_gap = chain, gap
        if best is None:
            chains.append([run])
        else:
            best.append(run)
    return chains


def _covered(ranges: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for start, end in sorted(ranges):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def _span(chain: list[Run], a: Tokens, b: Tokens) -> Span:
    a0, a1 = min(r.a_start for r in chain), max(r.a_end for r in chain)
    b0, b1 = min(r.b_start for r in chain), max(r.b_end for r in chain)
    shared = min(
        _covered([(r.a_start, r.a_end) for r in chain]),
        _covered([(r.b_start, r.b_end) for r in chain]),
    )
    return Span(
        int(a.starts[a0]),
        int(a.ends[a1 - 1]),
        int(b.starts[b0]),
        int(b.ends[b1 - 1]),
        (a0, a1),
        (b0, b1),
        shared,
        sorted(chain, key=lambda r: r.b_start),
    )


def _crosses(x: Span, y: Span) -> bool:
    """Whether two spans share words on either side."""
    return (x.a_words[0] < y.a_words[1] and y.a_words[0] < x.a_words[1]) or (
        x.b_words[0] < y.b_words[1] and y.b_words[0] < x.b_words[1]
    )


def _unit(text: str | Tokens) -> str:
    return text.unit if isinstance(text, Tokens) else unit_of(text)


def align(
    a: str | Tokens,
    b: str | Tokens,
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
    *,
    unit: str | None = None,
) -> Alignment:
    """Every passage ``a`` and ``b`` share, as maximal spans of ``settings.min_words`` or more.

    Runs of identical words are merged across small edits (a changed number, a synonym, a few
    reordered words); a span must also hold one run of ``settings.anchor_words`` or more, so
    scattered stock phrases never add up to a passage. Bylines, datelines, disclaimers and short
    quotes are shorter than ``min_words`` and yield nothing; longer templates (bios, long
    disclaimers) recur across the archive and are passed in ``ignore`` as common shingles.
    A statement quoted piecemeal (several runs of ``settings.fragment_words`` that do not
    chain) is kept too, each piece a span, when the pieces together are long enough.

    Both texts are read in one ``unit``: by default the settings' when they are for
    characters, else characters when either text is written without word spaces (Chinese,
    Japanese), else words; the settings are scaled to it (:func:`passages.in_unit`).
    """
    if unit is None:
        unit = settings.unit
        if unit == WORDS and CHARS in (_unit(a), _unit(b)):
            unit = CHARS
    ta = tokenize(a, unit) if isinstance(a, str) else a
    tb = tokenize(b, unit) if isinstance(b, str) else b
    if ta.unit != unit or tb.unit != unit:
        raise ValueError(f"cannot align texts read in {ta.unit} and {tb.unit} in {unit}")
    settings = in_unit(settings, unit)
    spans, pieces = [], []
    for chain in chain_runs(find_runs(ta, tb, settings, ignore), settings):
        longest = max(r.words for r in chain)
        if longest < min(settings.anchor_words, settings.fragment_words):
            continue
        span = _span(chain, ta, tb)
        if longest >= settings.anchor_words and span.shared_words >= settings.min_words:
            spans.append(span)
        elif longest >= settings.fragment_words:
            pieces.append(span)
    # A piece overlapping a passage or another piece, on either side, is a phrase repeated
    # within a page, not another piece of the statement. The passages long enough alone
    # count among the pieces of a statement quoted in several.
    kept: list[Span] = []
    for piece in sorted(pieces, key=lambda p: -p.shared_words):
        if not any(_crosses(piece, other) for other in (*spans, *kept)):
            kept.append(piece)
    # A piece is a sentence or two: a long passage (a story, a footer) is no piece.
    quoted = [*kept, *(s for s in spans if s.shared_words < 2 * settings.min_words)]
    if (
        kept
        and len(quoted) >= settings.fragment_count
        and sum(p.shared_words for p in quoted) >= settings.fragment_total
    ):
        spans += kept
    spans.sort(key=lambda s: (s.a_start, s.b_start))
    runs = [r for s in spans for r in s.runs]
    return Alignment(
        spans,
        _covered([(r.a_start, r.a_end) for r in runs]),
        _covered([(r.b_start, r.b_end) for r in runs]),
        len(ta),
        len(tb),
        unit,
    )
