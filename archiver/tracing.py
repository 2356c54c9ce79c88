"""Trace a passage: every archived article containing a reuse of it, earliest first."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .align import align
from .archive import Archive
from .errors import UsageError
from .passages import CHARS_PER_WORD, DEFAULT, WORDS, ReuseSettings, resolve, words_equivalent
from .reuse import candidates, facts

#: A passage shorter than this many words (or ``CHARS_PER_WORD`` times as many characters in
#: a script without word spaces) matches too much to be traced.
MIN_PASSAGE_WORDS = 8
#: A match must cover this share of a short passage (a long one needs settings.min_words).
MIN_SHARE = 0.4


@dataclass
class TraceHit:
    """One archived article holding (part of) the passage."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    published_confidence: float
    published_source: str | None
    spans: list[list[int]]  # [passage_start, passage_end, article_start, article_end]
    matched_words: int  # as words (characters / CHARS_PER_WORD in Chinese or Japanese)
    coverage: float  # share of the passage's words found in this article
    excerpt: str
    matched_length: int = 0  # in the trace's unit: words, or characters

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "published_confidence": self.published_confidence,
            "published_source": self.published_source,
            "spans": self.spans,
            "matched_words": self.matched_words,
            "matched_length": self.matched_length,
            "coverage": round(self.coverage, 4),
            "excerpt": self.excerpt,
        }


@dataclass
class Trace:
    passage_words: int  # as words (characters / CHARS_PER_WORD in Chinese or Japanese)
    hits: list[TraceHit]  # earliest first, at most ``limit``
    total: int  # articles found, shown or not
    #: What the passage was read in: "word", or "char" for a script without word spaces
    #: (each Han ideograph or kana one token), and its length in that unit.
    unit: str = WORDS
    passage_length: int = 0

    def length(self, count: int | None = None) -> str:
        """``count`` (by default the passage's length) with its unit: "17 words"."""
        count = self.passage_length if count is None else count
        noun = "word" if self.unit == WORDS else "character"
        return f"{count} {noun}{'' if count == 1 else 's'}"

    def to_json(self) -> dict:
        return {
            "passage_words": self.passage_words,
            "unit": self.unit,
            "passage_length": self.passage_length,
            "total": self.total,
            "hits": [h.to_json() for h in self.hits],
        }


def trace(
    archive: Archive | str | None,
    text: str | None = None,
    *,
    article_id: int | None = None,
    limit: int | None = None,
    settings: ReuseSettings = DEFAULT,
) -> Trace:
    """Where else does this passage appear? Give ``text``, or ``article_id`` to trace an
    archived article (it is left out of the answer). Lightly edited copies are found too:
    the same signatures and alignment as reuse detection. ``archive`` is an open Archive or
    a path/URL opened for this call only."""
    if not isinstance(archive, Archive):
        with Archive.open(archive) as opened:
            return trace(opened, text, article_id=article_id, limit=limit, settings=settings)
    if (text is None) == (article_id is None):
        raise UsageError("give a passage to trace, or an article id, not both")
    if article_id is not None:
        text = archive.get(article_id).clean_text
    # Chinese or Japanese is read in characters, with every count of words scaled to them.
    tokens, settings = resolve(text or "", settings)
    words = tokens.unit == WORDS
    least = MIN_PASSAGE_WORDS if words else MIN_PASSAGE_WORDS * CHARS_PER_WORD
    if len(tokens) < least:
        noun = "words" if words else "characters"
        raise UsageError(f"the passage has {len(tokens)} {noun}; give at least {least} to trace it")
    # A short passage may match in full with fewer words than a reused passage needs.
    needed = min(settings.min_words, max(least, math.ceil(MIN_SHARE * len(tokens))))
    local = replace(settings, min_words=needed, anchor_words=min(settings.anchor_words, needed))
    exclude = article_id if article_id is not None else -1
    with archive.db.reading() as conn:
        # Every collision: a short passage is one window, alike to the article's only in part.
        found = candidates(conn, exclude, tokens, settings, min_similarity=0)
        known = facts(conn, found)
    hits = []
    for other_id in found:
        other = known.get(other_id)
        if other is None:
            continue
        alignment = align(tokens, other.text, local, unit=tokens.unit)
        if not alignment:
            continue
        info = archive.get(other_id)
        first = alignment.spans[0]
        hits.append(
            TraceHit(
                other_id,
                info.title,
                info.outlet,
                info.published,
                other.published_confidence,
                other.published_source,
                [s.offsets() for s in alignment.spans],
                words_equivalent(alignment.shared_b, tokens.unit),
                alignment.coverage_a,
                other.text[first.b_start : first.b_end],
                alignment.shared_b,
            )
        )
    hits.sort(key=lambda h: (h.published is None, h.published or "", h.id))
    return Trace(
        words_equivalent(len(tokens), tokens.unit),
        hits[:limit] if limit else hits,
        len(hits),
        tokens.unit,
        len(tokens),
    )
