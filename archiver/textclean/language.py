"""The page's language: a vote of its prose lines, and the jusText stoplist that fits it."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from justext.utils import get_stoplist, get_stoplists

from archiver.document import Field
from archiver.language import language_field
from archiver.textclean.lines import Line, letters_mostly
from archiver.textclean.options import CleanOptions


@functools.cache
def _language_names() -> dict[str, str]:
    # trafilatura's ISO 639-1 -> jusText stoplist table; imported late because loading
    # trafilatura costs a third of a second and most callers never name a language.
    from trafilatura.settings import JUSTEXT_LANGUAGES

    return dict(JUSTEXT_LANGUAGES)


@functools.cache
def _stoplist(name: str) -> frozenset[str]:
    return get_stoplist(name)


@functools.cache
def _stopword_index() -> dict[str, tuple[str, ...]]:
    # word -> the stoplists holding it, to guess a page's language from its own words.
    index: dict[str, list[str]] = {}
    for name in sorted(get_stoplists()):
        for word in _stoplist(name):
            index.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in index.items()}


def _density(words: Sequence[str], stoplist: frozenset[str]) -> float:
    return sum(word in stoplist for word in words) / len(words) if words else 0.0


def _named_stoplist(language: str) -> frozenset[str] | None:
    """jusText's stoplist for a language code ("de", "en-US") or stoplist name ("German")."""
    key = language.strip()
    code = re.split(r"[-_]", key)[0].lower()  # "en-US" -> "en"
    name = _language_names().get(code, key) if len(code) <= 3 else key
    name = name.replace(" ", "_")
    for candidate in (name, name.title()):
        if candidate in get_stoplists():
            return _stoplist(candidate)
    return None


#: How many of a page's long lines are read to choose its stoplist.
_STOPLIST_LINES = 400


def _prose_words(lines: Sequence[Line]) -> list[str]:
    """The page's own prose, its long lines (all its lines when it has none), lowercased."""
    long = [line for line in lines if line.words >= 12 and letters_mostly(line.text)]
    # A few hundred lines of prose tell the language; a huge page's words are not all copied.
    words = [w.lower() for line in long[:_STOPLIST_LINES] for w in line.text.split()]
    return words or [w.lower() for line in lines for w in line.text.split()]


def choose_stoplist(
    lines: Sequence[Line],
    language: str | None,
    options: CleanOptions,
    detected: str | None = None,
    *,
    unspaced: bool = False,
) -> frozenset[str]:
    """The stoplist for the page's language; empty when none fits (length alone decides).

    A language given by the caller is trusted; a detected one only when the page's prose
    is dense in its stop words (a detector reading a page of menus can be fooled). A page
    written without spaces between words (``unspaced``: Chinese, Japanese) is not guessed
    from every stoplist's words: it has none of them, and reading all the stoplists takes
    35 MB."""
    if language and (named := _named_stoplist(language)) is not None:
        return named
    words = _prose_words(lines)
    named = _named_stoplist(detected) if detected else None
    if named is not None and _density(words, named) >= options.stoplist_min_density:
        return named
    # Guess from the page's own prose; English first, as the commonest.
    english = _stoplist("English")
    if _density(words, english) >= options.stoplist_min_density * 2:
        return english
    if unspaced:
        return frozenset()
    counts: dict[str, int] = {}
    for word in words:
        for name in _stopword_index().get(word, ()):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return frozenset()
    best = max(counts, key=lambda name: (counts[name], name))
    if counts[best] / len(words) < options.stoplist_min_density:
        return frozenset()
    return _stoplist(best)


#: How many of a page's long lines are read for its language, and the most of one line read
#: (a long block of another language, a script or a cookie notice, weighs no more).
_LANGUAGE_LINES = 60
_LANGUAGE_LINE_CAP = 600
#: Reading stops at this many characters: the detector's cost grows with the text it reads,
#: and on the 1,471 pages of the AEB and trafilatura text dumps and 300 news-like pages, the
#: first 2,500 characters of prose chose what all 60 lines chose on every page, in half the
#: time. The lines are read in one call: one call per line (one vote each, weighed by its
#: length) cost 0.6 ms more a page and chose the same language but on 4 of those pages,
#: where one call was right (a German page quoting Steve Jobs in English) or no worse.
_LANGUAGE_BUDGET = 2500


def detect_language(lines: Sequence[Line]) -> Field | None:
    """The language of the page's prose, its long lines read together, each line once and
    none beyond a cap; a page without long lines is read whole."""
    # A line the page repeats is read once: eleven copies of a server's English warning do
    # not outweigh a German article.
    prose = list(
        dict.fromkeys(
            line.text
            for line in lines
            if line.words >= 12 and line.rule is None and letters_mostly(line.text)
        )
    )[:_LANGUAGE_LINES]
    if sum(len(text) for text in prose) < 200:
        return language_field("\n".join(line.text for line in lines))
    return _read(tuple(prose))


@functools.lru_cache(maxsize=4)
def _read(prose: tuple[str, ...]) -> Field | None:
    """The detector's verdict on the lines read together, each cut to the cap (remembered:
    a page cleaned again with its outlet's template has the same prose lines)."""
    sample, read = [], 0
    for text in prose:
        sample.append(text[:_LANGUAGE_LINE_CAP])
        read += len(text)
        if read >= _LANGUAGE_BUDGET:
            break
    return language_field("\n".join(sample))
