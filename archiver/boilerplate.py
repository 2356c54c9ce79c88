"""Boilerplate learned from the archive: text articles share for other reasons than copying.

A site's template (an "About us" block, an author's bio, a "Follow us" footer) and a
publishing network's standing text (a group footer, a paywall notice, a newsletter promo)
recur word for word in articles that otherwise tell different stories. Copies do not: a copied
paragraph comes with its story. Each verified pair is judged here (pure functions), a block
judged boilerplate is remembered as the hashes of its word shingles (``boilerplate_shingles``),
and the lines made of it are removed from every article that holds it afterwards, with the
reason ``shared-boilerplate``. It never makes a reuse pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

import numpy as np
from sqlalchemy import Connection

from .align import Alignment, Span, align
from .document import Extraction, RemovedLine
from .passages import (
    _CJK,
    DEFAULT,
    ReuseSettings,
    Tokens,
    is_member,
    resolve,
    shingle_hashes,
    tokenize,
)
from .storage import storage_for

#: The reason given to lines removed as learned boilerplate (``show --removed``).
REASON = "shared-boilerplate"

#: Languages whose function words never tell two titles apart (jusText's stoplists).
_TITLE_STOPLISTS = (
    "English", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Polish",
    "Swedish", "Russian",
)  # fmt: skip
_WORD = re.compile(r"\w+")
#: Runs of Han ideographs and kana (passages.py's characters), and where they start and end.
_CJK_RUN = re.compile(f"{_CJK.pattern}+")
_CJK_SPLIT = re.compile(f"({_CJK.pattern}+)")
_POSSESSIVE = re.compile(r"['’]s$")
#: A capitalised word after a lowercase word, a comma or a closing bracket: a name, not the
#: first word of a sentence.
_NAME = re.compile(r"(?<=[a-zà-ÿ0-9,;)]\s)([A-ZÀ-ÖØ-Þ][\w'’-]+)")
#: Weekdays are capitalised in several languages and name no story.
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch "
    "donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì "
    "venerdì sabato".split()
)


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What the judgement reads of one article: its title, outlet and clean text."""

    id: int
    title: str | None = None
    outlet: str | None = None
    text: str = ""


@dataclass
class Judgement:
    """Which spans of each candidate's alignment are boilerplate, and who holds them."""

    spans: dict[int, set[int]]  # candidate id -> indexes into its alignment's spans
    holders: set[int]  # candidate ids holding a boilerplate span

    def __bool__(self) -> bool:
        return any(self.spans.values())


# ---------------------------------------------------------------------------------------------
# Stories and sites
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from justext.utils import get_stoplist

    return frozenset().union(*(get_stoplist(name) for name in _TITLE_STOPLISTS), _WEEKDAYS)


def _title_words(text: str) -> list[str]:
    """The casefolded words of a title or a name; a run of Han ideographs or kana (written
    without spaces) gives its character bigrams, most Chinese words being two characters."""
    out = []
    for word in _WORD.findall(text.casefold()):
        if _CJK_RUN.search(word) is None:
            out.append(word)
            continue
        for part in _CJK_SPLIT.split(word):
            if part and _CJK_RUN.fullmatch(part):
                out += [part[i : i + 2] for i in range(max(len(part) - 1, 1))]
            elif part:
                out.append(part)
    return out


def _name_words(*names: str | None) -> set[str]:
    return {w for name in names if name for w in _title_words(name)}


def title_words(page: Page, other: Page, exclude: frozenset[str] = frozenset()) -> set[str]:
    """The words of a page's title that can tell its story: no function words, no numbers,
    none of the words naming either outlet (nor the ``exclude`` words)."""
    if not page.title:
        return set()
    names = _name_words(page.outlet, other.outlet) | exclude
    stop = _stop_words()
    return {
        w
        for w in map(_base, _title_words(page.title))
        if len(w) > 1 and not w.isdigit() and w not in stop and w not in names
    }


def _base(word: str) -> str:
    """A word without its possessive: "ascom’s" is "ascom"."""
    return _POSSESSIVE.sub("", word)


def names_in(text: str, exclude: set[str]) -> set[str]:
    """The capitalised words of a text that do not start a sentence: the names of the people,
    places and organisations a story is about (casefolded; function words, weekdays and the
    ``exclude`` words left out)."""
    stop = _stop_words()
    found = {_base(m.group(1).casefold()) for m in _NAME.finditer(text)}
    return {name for name in found if name not in stop and name not in exclude}


def _share(x: set[str], y: set[str], least: int) -> float | None:
    """Shared items over the smaller set, or None when either set is too small to tell. One
    item in common says nothing (two local stories name the same town): it counts as none."""
    if len(x) < least or len(y) < least:
        return None
    shared = len(x & y)
    return shared / min(len(x), len(y)) if shared > 1 else 0.0


@dataclass(frozen=True)
class Relation:
    """How far two articles tell the same story: the share of title words and of names they
    have in common (None: too few to tell)."""

    titles: float | None
    names: float | None

    def same_story(self, settings: ReuseSettings) -> bool:
        return (self.titles or 0.0) >= settings.title_share or (
            self.names or 0.0
        ) >= settings.names_share

    def different(self, settings: ReuseSettings) -> bool:
        """Different stories: the titles say so (and the names do not say otherwise) or,
        without titles to compare, the names barely overlap (names alone are weak evidence:
        two reports of one story may name different people)."""
        if self.same_story(settings):
            return False
        if self.titles is not None:
            return True
        return self.names is not None and self.names < settings.unrelated_share

    def unrelated(self, settings: ReuseSettings) -> bool:
        """Clearly different stories: something to compare, and every measure low."""
        known = [v for v in (self.titles, self.names) if v is not None]
        return bool(known) and max(known) < settings.unrelated_share


def relation(
    a: Page,
    b: Page,
    rest_a: str,
    rest_b: str,
    settings: ReuseSettings = DEFAULT,
    exclude: frozenset[str] = frozenset(),
) -> Relation:
    """Compare two articles' titles, and the names in the text they do not share (``rest_a``,
    ``rest_b``): what they have in common beyond the shared block itself. The outlets' own
    names and the ``exclude`` words never count."""
    titles = _share(title_words(a, b, exclude), title_words(b, a, exclude), settings.title_words)
    words = _name_words(a.outlet, b.outlet) | exclude
    names = _share(names_in(rest_a, words), names_in(rest_b, words), settings.names_least)
    return Relation(titles, names)


def same_story(a: Page, b: Page, settings: ReuseSettings = DEFAULT) -> bool:
    """Whether two articles tell the same story, judged on their whole texts."""
    return relation(a, b, a.text, b.text, settings).same_story(settings)


def outlet_key(outlet: str | None) -> str | None:
    if not outlet:
        return None
    return " ".join(_WORD.findall(re.sub(r"^the\s+", "", outlet.strip(), flags=re.I).casefold()))


def same_outlet(a: Page, b: Page) -> bool:
    """Both outlets known and the same."""
    ka = outlet_key(a.outlet)
    return ka is not None and ka == outlet_key(b.outlet)


def may_share_site(a: Page, b: Page) -> bool:
    """Whether two articles may come from one site: the same outlet, or an unknown one."""
    ka, kb = outlet_key(a.outlet), outlet_key(b.outlet)
    return ka is None or kb is None or ka == kb


# ---------------------------------------------------------------------------------------------
# Judging shared spans
# ---------------------------------------------------------------------------------------------


def _words(span: Span, side: int) -> tuple[int, int]:
    return span.a_words if side == 0 else span.b_words


def _verbatim(a_text: str, b_text: str, span: Span, settings: ReuseSettings) -> bool:
    """Templates are reproduced word for word but for a date or a count, the name of the site
    filled in ("You can unsubscribe from Prairie Local emails"), and lines only some pages
    show ("No comments yet"); a copy is edited within its sentences. Compared on the words
    themselves (the alignment's runs break where learned boilerplate was left out, which is
    no edit): words replaced (but for names by names), and words added or dropped a few at a
    time, are edits; at most ``1 - settings.verbatim_share`` of the words may be."""
    ta = tokenize(a_text[span.a_start : span.a_end], settings.unit)
    tb = tokenize(b_text[span.b_start : span.b_end], settings.unit)
    names_a = _capitalised(a_text, span.a_start, ta)
    names_b = _capitalised(b_text, span.b_start, tb)
    edited = 0
    matcher = SequenceMatcher(None, ta.words, tb.words, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        changed = max(a1 - a0, b1 - b0)
        if op == "replace" and all(names_a[a0:a1]) and all(names_b[b0:b1]):
            continue  # one name for another: the template's slot for the site
        if op == "replace" or (op != "equal" and changed < settings.seed_words):
            edited += changed
    return edited <= (1 - settings.verbatim_share) * max(len(ta), len(tb))


def _capitalised(text: str, offset: int, tokens: Tokens) -> list[bool]:
    return [text[offset + int(start)].isupper() for start in tokens.starts]


def _outside(total: int, spans: Sequence[tuple[int, int]]) -> int:
    covered, reach = 0, 0
    for start, end in sorted(spans):
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return total - covered


def _edges(
    words: tuple[int, int], total: int, others: list[tuple[int, int]], settings: ReuseSettings
) -> set[str]:
    """The edges of the page the span stands at: "head" when at most a few words of other
    text stand before it, "tail" when after it (both when it is nearly the whole page); words
    of the other shared spans do not count (a bio and a footer may follow each other)."""
    slack = max(settings.edge_words, settings.edge_share * total)
    before = words[0] - sum(min(e, words[0]) - s for s, e in others if s < words[0])
    after = (total - words[1]) - sum(e - max(s, words[1]) for s, e in others if e > words[1])
    return {edge for edge, beyond in (("head", before), ("tail", after)) if beyond <= slack}


def _same_edge(
    ranges: list[list[tuple[int, int]]], totals: tuple[int, int], index: int, settings
) -> set[str]:
    """The edges (head, tail) of both pages span ``index`` stands at."""
    at = [
        _edges(
            ranges[side][index],
            totals[side],
            ranges[side][:index] + ranges[side][index + 1 :],
            settings,
        )
        for side in (0, 1)
    ]
    return at[0] & at[1]


def _same_region(
    ranges: list[list[tuple[int, int]]],
    totals: tuple[int, int],
    index: int,
    settings,
    furniture: Sequence[np.ndarray] | None = None,
) -> set[str]:
    """The outer parts of both pages span ``index`` lies in: the first or the last
    ``settings.outer_share`` of their words, where a page's furniture stands (a site's footer
    blocks come in varying order and number, so the span need not end the page). Only each
    page's own text is counted: not the other spans the two pages share, nor the words of
    ``furniture`` (one mask per side: boilerplate already learned), which stack at a page's
    foot with the block judged."""
    at = []
    for side in (0, 1):
        start, end = ranges[side][index]
        own = np.ones(totals[side], dtype=bool)
        if furniture is not None:
            own[: len(furniture[side])] &= ~furniture[side][: totals[side]]
        for other, (s, e) in enumerate(ranges[side]):
            if other != index:
                own[s:e] = False
        before, after = int(own[:start].sum()), int(own[end:].sum())
        length = end - start
        cut = settings.outer_share * (before + length + after)
        at.append(
            {
                e
                for e, inside in (("head", before + length <= cut), ("tail", after + length <= cut))
                if inside
            }
        )
    return at[0] & at[1]


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    shared = min(x[1], y[1]) - max(x[0], y[0])
    return shared > 0 and shared * 2 >= min(x[1] - x[0], y[1] - y[0])


def _rest(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text outside the character ranges."""
    out, at = [], 0
    for start, end in sorted(ranges):
        out.append(text[at:start])
        at = max(at, end)
    out.append(text[at:])
    return "\n".join(out)


def judge(
    me: Page,
    alignments: dict[int, Alignment],
    pages: dict[int, Page],
    settings: ReuseSettings = DEFAULT,
    template: np.ndarray | None = None,
    known: np.ndarray | None = None,
) -> Judgement:
    """Which spans the article ``me`` shares with each candidate are boilerplate.

    ``alignments`` are keyed by candidate id and aligned with the lower id as side a (as
    pairs are stored). Only a verbatim span counts, between articles that keep
    ``settings.rest_share`` of their words outside what they share and do not tell the same
    story (:func:`relation`). It is boilerplate when

    - ``me``'s outlet repeats its lines across its articles (``template``: the words of
      ``me`` on lines counted in the archive under its outlet);
    - the two articles are one known outlet's different stories and it lies in the outer
      third of both pages, counting only their own text (not what else they share, nor
      learned boilerplate): an outlet's template;
    - it stands at the same edge (head or tail) of two pages that may be of one site: an
      unknown outlet's, about clearly unrelated stories (at the tail: once the block's own
      names are left out), or one known outlet's when neither titles nor names can be
      compared;
    - or the same stretch of ``me`` is held by ``settings.recurrence`` articles (``me``
      included), all clearly unrelated, whatever their outlets and wherever it stands (a
      publishing network's footer, a paywall notice on several papers).

    ``known``: shingles already learned to be boilerplate, whose words tell no story.
    """
    boiler: dict[int, set[int]] = {c: set() for c in alignments}
    learned = {i: known_ranges(page.text, known, settings) for i, page in pages.items()}
    furniture = {i: known_words(tokenize(page.text), known, settings) for i, page in pages.items()}
    # Spans that are boilerplate if they recur: (candidate, span index, my word range, the
    # candidate's text outside what it shares with me).
    recurring: list[tuple[int, int, tuple[int, int], str]] = []
    for other_id, alignment in alignments.items():
        other = pages.get(other_id)
        if other is None:
            continue
        mine, theirs = (0, 1) if me.id < other_id else (1, 0)
        totals = (alignment.words_a, alignment.words_b)
        ranges = [[_words(s, side) for s in alignment.spans] for side in (0, 1)]
        # A template is a minor part of each page. Articles sharing more are a republication,
        # an update, a story carried with some text of each outlet's, however the rest compares.
        if any(
            _outside(totals[side], ranges[side]) < settings.rest_share * totals[side]
            for side in (0, 1)
        ):
            continue
        chars = (
            [[s.a_start, s.a_end] for s in alignment.spans],
            [[s.b_start, s.b_end] for s in alignment.spans],
        )
        # Each article's own text: what it does not share with the other, nor with the
        # archive's known boilerplate (a block learned elsewhere tells no story).
        rest_me = _rest(me.text, [*map(tuple, chars[mine]), *learned[me.id]])
        rest_other = _rest(other.text, [*map(tuple, chars[theirs]), *learned[other_id]])
        related = relation(me, other, rest_me, rest_other, settings)
        if related.same_story(settings):
            continue
        different = related.different(settings)
        unrelated = related.unrelated(settings)
        unknown = related.titles is None and related.names is None
        own_outlet = same_outlet(me, other)
        # At the same edge of both pages (its head or its foot) when they may be of one site:
        # one outlet's when nothing can be compared, or an unknown site's that tell clearly
        # unrelated stories. At the foot only when they are unrelated once the names the
        # shared block holds are left out: a footer names its site ("Ascom is headquartered
        # in Baar"), whose stories name it too, but so does a copied lead name its story,
        # which the page that copied it names again. At the foot of both pages whatever
        # their sites, when the stories are clearly unrelated: a publishing group's footer
        # and promos on its papers (a copied lead stands at the head).
        edges: set[str] = set()
        if own_outlet and unknown:
            edges = {"head", "tail"}
        elif different and may_share_site(me, other):
            if unrelated:
                edges = {"head", "tail"}
            else:
                block = frozenset(
                    names_in(" ".join(me.text[s:e] for s, e in map(tuple, chars[mine])), set())
                )
                if relation(me, other, rest_me, rest_other, settings, block).unrelated(settings):
                    edges = {"tail"}
        regions: set[str] = {"tail"} if unrelated else set()
        masks = (furniture[min(me.id, other_id)], furniture[max(me.id, other_id)])
        for index, span in enumerate(alignment.spans):
            a_text, b_text = (me.text, other.text) if mine == 0 else (other.text, me.text)
            if not _verbatim(a_text, b_text, span, settings):
                continue
            start, end = ranges[mine][index]
            if template is not None and template[start:end].sum() >= settings.line_share * (
                end - start
            ):
                boiler[other_id].add(index)  # the outlet's counted template
            elif own_outlet and different and _same_region(ranges, totals, index, settings, masks):
                boiler[other_id].add(index)  # one outlet's different stories share template
            elif edges & _same_edge(ranges, totals, index, settings):
                boiler[other_id].add(index)
            elif regions & _same_region(ranges, totals, index, settings, masks):
                boiler[other_id].add(index)  # a group's blocks at the foot of its papers
            elif unrelated:
                recurring.append((other_id, index, ranges[mine][index], rest_other))
    _recurrences(recurring, pages, boiler, settings)
    return Judgement(boiler, {c for c, spans in boiler.items() if spans})


def _unrelated(a: Page, b: Page, rests: dict[int, str], settings: ReuseSettings) -> bool:
    """Whether two holders of a block are clearly unrelated, on their texts outside the block
    and outside whatever else they share (their outlet's template, when it is one)."""
    rest_a, rest_b = rests[a.id], rests[b.id]
    shared = align(rest_a, rest_b, settings)
    if shared:
        rest_a = _rest(rest_a, [(s.a_start, s.a_end) for s in shared.spans])
        rest_b = _rest(rest_b, [(s.b_start, s.b_end) for s in shared.spans])
    return relation(a, b, rest_a, rest_b, settings).unrelated(settings)


def _recurrences(
    recurring: list[tuple[int, int, tuple[int, int], str]],
    pages: dict[int, Page],
    boiler: dict[int, set[int]],
    settings: ReuseSettings,
) -> None:
    """Mark the spans whose stretch of the new article enough unrelated articles hold."""
    for _, _, words, _ in recurring:
        group = [item for item in recurring if _overlaps(words, item[2])]
        rests = {item[0]: item[3] for item in group}
        if len(rests) + 1 < settings.recurrence:
            continue
        # Articles telling one story (a wire story carried by several outlets) are no
        # evidence of a template: keep only holders clearly unrelated to each other, judged
        # on what they share with neither the new article nor each other.
        distinct: list[int] = []
        for holder in sorted(rests):
            if all(_unrelated(pages[holder], pages[d], rests, settings) for d in distinct):
                distinct.append(holder)
        if len(distinct) + 1 >= settings.recurrence:
            for other_id, index, _, _ in group:
                if other_id in distinct:
                    boiler[other_id].add(index)


# ---------------------------------------------------------------------------------------------
# Lines and shingles
# ---------------------------------------------------------------------------------------------


def line_ranges(text: str) -> list[tuple[int, int]]:
    """Character range of each non-blank line of a clean text, in order."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def word_mask(tokens: Tokens, ranges: Iterable[tuple[int, int]]) -> np.ndarray:
    """Words lying inside any of the word ranges."""
    mask = np.zeros(len(tokens), dtype=bool)
    for start, end in ranges:
        mask[start:end] = True
    return mask


def shingles_inside(tokens: Tokens, mask: np.ndarray, settings: ReuseSettings) -> np.ndarray:
    """Hashes of the shingles whose words all lie under ``mask`` (sorted, unique)."""
    k = settings.shingle
    if len(tokens) < k or not mask.any():
        return np.zeros(0, dtype=np.uint64)
    inside = np.lib.stride_tricks.sliding_window_view(mask, k).all(axis=1)
    return np.unique(shingle_hashes(tokens, k)[inside])


def lines_under(
    text: str, tokens: Tokens, mask: np.ndarray, settings: ReuseSettings = DEFAULT
) -> list[int]:
    """Indexes of the lines of ``text`` with ``settings.line_share`` of their words under
    ``mask``."""
    out = []
    for index, (start, end) in enumerate(line_ranges(text)):
        inside = (tokens.starts >= start) & (tokens.ends <= end)
        words = int(inside.sum())
        if words and mask[inside].sum() >= settings.line_share * words:
            out.append(index)
    return out


def known_lines(
    text: str, tokens: Tokens, known: np.ndarray, settings: ReuseSettings = DEFAULT
) -> list[int]:
    """Indexes of the lines of ``text`` made of known boilerplate: ``settings.line_share`` of
    their words lie in known shingles, counting the few words (``settings.name_gap``)
    between two known stretches: the name a network fills into its template ("Send it to
    the Tidewater Newspapers newsroom" once "Send it to the Northfield Press newsroom" is
    known). Lines of fewer words than a shingle are never judged."""
    k = settings.shingle
    mask = known_words(tokens, known, settings)
    if not mask.any():
        return []
    words = np.flatnonzero(mask)
    for left, right in zip(words[:-1].tolist(), words[1:].tolist(), strict=True):
        if 1 < right - left <= settings.name_gap + 1:
            mask[left:right] = True
    out = []
    for index, (start, end) in enumerate(line_ranges(text)):
        inside = (tokens.starts >= start) & (tokens.ends <= end)
        count = int(inside.sum())
        if count >= k and mask[inside].sum() >= settings.line_share * count:
            out.append(index)
    return out


def known_ranges(
    text: str, known: np.ndarray | None, settings: ReuseSettings = DEFAULT
) -> list[tuple[int, int]]:
    """Character ranges of ``text`` covered by known boilerplate shingles."""
    if known is None or not len(known):
        return []
    tokens, settings = resolve(text, settings)
    k = settings.shingle
    if len(tokens) < k:
        return []
    hits = np.flatnonzero(is_member(shingle_hashes(tokens, k), np.unique(known)))
    return [(int(tokens.starts[i]), int(tokens.ends[i + k - 1])) for i in hits]


def known_words(
    tokens: Tokens, known: np.ndarray | None, settings: ReuseSettings = DEFAULT
) -> np.ndarray:
    """Which of these words lie in known boilerplate shingles."""
    k = settings.shingle
    mask = np.zeros(len(tokens), dtype=bool)
    if known is None or not len(known) or len(tokens) < k:
        return mask
    hit = np.flatnonzero(is_member(shingle_hashes(tokens, k), np.unique(known)))
    covered = np.zeros(len(tokens) + 1, dtype=np.int32)
    np.add.at(covered, hit, 1)
    np.add.at(covered, hit + k, -1)
    return np.cumsum(covered[:-1]) > 0


def strip_lines(extraction: Extraction, indexes: Iterable[int]) -> Extraction:
    """The extraction without the given lines of its text, each listed in ``removed`` as
    learned boilerplate. Never strips every line: an article is not all boilerplate."""
    lines = [line for line in extraction.text.split("\n") if line.strip()]
    drop = {i for i in indexes if 0 <= i < len(lines)}
    if not drop or len(drop) == len(lines):
        return extraction
    # Line numbers of a text given without them (a library caller's plain text): its own.
    known = len(extraction.linenos) == len(lines)
    linenos = extraction.linenos if known else list(range(1, len(lines) + 1))
    removed = [RemovedLine(linenos[i], lines[i], REASON) for i in sorted(drop)]
    return replace(
        extraction,
        text="\n\n".join(line for i, line in enumerate(lines) if i not in drop),
        removed=sorted([*extraction.removed, *removed], key=lambda r: r.lineno),
        linenos=[n for i, n in enumerate(linenos) if i not in drop],
    )


def strip_known(
    conn: Connection, extraction: Extraction, settings: ReuseSettings = DEFAULT
) -> Extraction:
    """Remove from a new cleaning the lines the archive has learned to be boilerplate."""
    tokens, settings = resolve(extraction.text, settings)
    known = known_shingles(conn, shingle_hashes(tokens, settings.shingle))
    return strip_lines(extraction, known_lines(extraction.text, tokens, known, settings))


# ---------------------------------------------------------------------------------------------
# The archive's table
# ---------------------------------------------------------------------------------------------


def _signed(hashes: np.ndarray) -> list[int]:
    # SQL integers are signed 64-bit: store the same bits.
    return np.asarray(hashes, dtype=np.uint64).view(np.int64).tolist()


def known_shingles(conn: Connection, hashes: np.ndarray) -> np.ndarray:
    """Which of these shingle hashes are learned boilerplate (sorted, unique uint64)."""
    unique = _signed(np.unique(np.asarray(hashes, dtype=np.uint64)))
    found = storage_for(conn).known_shingles(unique)
    return np.unique(np.array(found, dtype=np.int64).view(np.uint64))


def learn(
    conn: Connection,
    hashes: np.ndarray,
    articles: int,
    learned_by: int = 0,
    known_to_learner: bool = False,
) -> None:
    """Remember shingles as boilerplate held by ``articles`` more articles, learned while
    adding the article ``learned_by``; ``known_to_learner`` when that article's reuse is
    found again knowing them. A shingle keeps the first article that taught it."""
    storage_for(conn).learn_shingles(_signed(hashes), articles, learned_by, known_to_learner)
