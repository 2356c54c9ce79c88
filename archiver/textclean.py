"""Clean a scraped page's plain text: keep the article, say why every other line went."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from justext.core import PathInfo, classify_paragraphs, revise_paragraph_classification
from justext.paragraph import Paragraph
from justext.utils import get_stoplist, get_stoplists

from archiver import rules
from archiver.document import Extraction, Field, RemovedLine
from archiver.language import language_field, word_count
from archiver.metanorm import (
    MONTHS,
    UI_VERBS,
    WIRE_SERVICES,
    clean_author,
    find_date,
    is_company_name,
    is_media_group,
    matches_site,
    names_host,
    outlet_from_copyright,
    site_key,
)

EXTRACTOR = "archiver-text"
EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class CleanOptions:
    """The cleaner's tunables, with their defaults in one place."""

    # jusText's context-free thresholds (characters, stop-word densities). Its defaults are
    # tuned for HTML blocks; a line of page text is often shorter, so the low bar is lower.
    length_low: int = 50
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    max_heading_distance: int = 200
    # Stop-word density (in the page's long lines) under which a stoplist is judged wrong.
    stoplist_min_density: float = 0.12
    # The article run, a maximum-sum segment. A jusText-good line weighs its length; others:
    neargood_weight: float = 1.0  # text-like alone, dropped for its neighbours: per char
    bad_cap: int = 80  # boilerplate weighs minus its length up to this...
    bad_base: float = 10.0  # ...plus this, so that a menu of short items adds up
    short_good_factor: float = 0.5  # short lines jusText let in beside text: half as bad
    end_penalty: float = 200.0  # a line that usually closes the article ("Related")
    # Good text needed above a comments/footer line before it is taken as the article's end.
    barrier_min_chars: int = 300
    # How many lines before the article are searched for the title, byline and date.
    header_window: int = 14
    # How many leading lines of the article may still be header (byline, date, caption...).
    header_inside: int = 8
    # How far above the window a headline with a byline or date under it is still looked for.
    title_reach: int = 60
    # A date this near the top of the page, before the title, is the site's header date.
    header_date_lines: int = 4
    # Under a "Sponsored content" header: at most this many teasers, each this short.
    teaser_lines: int = 6
    teaser_max_words: int = 20
    # Lines from the article's end searched for the author's bio ("Jane Doe covers...").
    bio_lines: int = 4
    bio_max_words: int = 90
    # A line of the outlet's template recurs in at least this many of its other articles.
    template_min_count: int = 2
    # Inside the article a recurring line this long is more likely reused prose (a wire
    # paragraph the reuse finder must see) than template, so it is kept.
    template_max_words: int = 25


DEFAULT_OPTIONS = CleanOptions()


# --- Lines -------------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_EDGE_PUNCT = " \t\"'“”‘’«»()[]{}-–—|•·:;,.!?…*_"
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
_PROSE_END = re.compile(r"[.!?…][\"”’)]?\s*$")

# Han, kana and hangul: one character says about what three Latin letters do.
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_WEIGHT = 3


def template_key(line: str) -> str:
    """The form under which a line is counted in an outlet's template.

    Case, spacing, edge punctuation and the digits themselves do not matter: "5 comments" and
    "12 Comments" are the same template line.
    """
    text = _SPACE.sub(" ", line).strip(_EDGE_PUNCT).casefold()
    return _DIGITS.sub("0", text)


@dataclass
class _Line:
    lineno: int
    raw: str  # as written, without the surrounding whitespace
    text: str  # whitespace collapsed, what the patterns see
    words: int
    size: int  # length in Latin-text characters: a CJK character counts as three
    rule: rules.Rule | None = None
    template: bool = False
    textlike: str = ""  # jusText's verdict on the line alone: good, neargood, short, bad
    good: bool = False  # jusText's verdict in context
    reason: str | None = None  # why it was removed; None while kept


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _count(char_class: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` a one-character pattern matches, without making a
    string of each (ten million CJK characters would take 760 MB as a findall list)."""
    return len(text) - len(char_class.sub("", text))


#: What prose is mostly made of (a line of script or CSS is not): letters and spaces.
_LETTER_OR_SPACE = re.compile(r"[^\W\d_]|\s")


def _letters_mostly(text: str) -> bool:
    return _count(_LETTER_OR_SPACE, text) >= 0.8 * len(text)


def _split(text: str) -> list[_Line]:
    # Lines end at \n, \r\n or \r only: str.splitlines() would also split at form feeds and
    # Unicode separators inside a paragraph, and the line numbers would disagree with editors.
    cjk = _CJK.search(text) is not None
    lines = []
    for lineno, raw in enumerate(_NEWLINE.split(text), 1):
        words = raw.split()
        if words:
            line = " ".join(words)
            size, count = len(line), len(words)
            if cjk:
                size += (_CJK_WEIGHT - 1) * _count(_CJK, line)
                # Chinese and Japanese write no spaces: a line's words are counted from its
                # characters, so that a paragraph is not taken for a one-word label.
                count = max(count, word_count(line))
            lines.append(_Line(lineno, raw.strip(), line, count, size))
    return lines


# --- Rules -------------------------------------------------------------------------------------


def _alternatives(pattern: str) -> list[str]:
    """Split a regular expression at its top-level ``|``."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class _RuleTable:
    """The first rule of the table that matches a line, found in few regex calls.

    Trying the patterns one by one on every line was most of the cleaner's time. The anchored
    alternatives of all rules are joined into one expression, tried at the line's start only
    (the first alternative that matches there names the rule, as the table's order would);
    the unanchored ones keep a search each.
    """

    def __init__(self, table: Sequence[rules.Rule]):
        self.table = tuple(table)
        anchored, self.free = [], []
        for index, rule in enumerate(self.table):
            parts = _alternatives(rule.pattern.pattern)
            heads = [part[1:] for part in parts if part.startswith("^")]
            rest = [part for part in parts if not part.startswith("^")]
            if heads:
                anchored.append(f"(?P<r{index}>{'|'.join(heads)})")
            if rest:
                self.free.append((index, re.compile("|".join(rest))))
        self.anchored = re.compile("^(?:" + "|".join(anchored) + ")")

    def first(self, lower: str, words: int) -> int:
        """The index of the first rule matching the lowercased line, or -1."""
        match = self.anchored.match(lower)
        limit = int(match.lastgroup[1:]) if match and match.lastgroup else len(self.table)
        for index, pattern in self.free:
            if index >= limit:
                break
            if words <= self.table[index].max_words and pattern.search(lower):
                return index
        if limit == len(self.table):
            return -1
        if words <= self.table[limit].max_words:
            return limit
        # Too long for that rule: rare enough to try the rest of the table one by one.
        for index in range(limit + 1, len(self.table)):
            rule = self.table[index]
            if words <= rule.max_words and rule.pattern.search(lower):
                return index
        return -1


_RULES = _RuleTable(rules.BOILERPLATE_RULES)


# Menus, share bars and footers repeat from page to page of an outlet, and within a page:
# remembering the verdict spares most of the matching.
@functools.lru_cache(maxsize=16384)
def _rule_index(lower: str, words: int) -> int:
    return _RULES.first(lower, words)


def _match_rule(line: _Line) -> rules.Rule | None:
    index = _rule_index(line.text.lower(), line.words)
    return None if index < 0 else _RULES.table[index]


# --- Stoplists ---------------------------------------------------------------------------------


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


def _prose_words(lines: Sequence[_Line]) -> list[str]:
    """The page's own prose, its long lines (all its lines when it has none), lowercased."""
    long = [line for line in lines if line.words >= 12 and _letters_mostly(line.text)]
    # A few hundred lines of prose tell the language; a huge page's words are not all copied.
    words = [w.lower() for line in long[:_STOPLIST_LINES] for w in line.text.split()]
    return words or [w.lower() for line in lines for w in line.text.split()]


def _choose_stoplist(
    lines: Sequence[_Line],
    language: str | None,
    options: CleanOptions,
    detected: str | None = None,
) -> frozenset[str]:
    """The stoplist for the page's language; empty when none fits (length alone decides).

    A language given by the caller is trusted; a detected one only when the page's prose
    is dense in its stop words (a detector reading a page of menus can be fooled)."""
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


# --- Shape: jusText on lines ---------------------------------------------------------------

# Every line is a <p> to jusText: a heading flag would pull menu items in above the article,
# and headlines are found separately.
_PARAGRAPH_PATH = PathInfo().append("body").append("p").dom

# Chinese and Japanese write no spaces, so stop-word density is measured in characters: the
# share of hiragana (Japanese particles and endings) and of the commonest Chinese function
# characters, which is high in running text and low in menus of nouns.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_UNSPACED_FUNCTION = re.compile(
    r"[\u3040-\u309f的了是在和有我他她这那也就不都一个们来到说要会对与为而及被从之其]"
)


# Running Chinese text has about one function character in eight (measured on news pages:
# 0.04 to 0.25 a paragraph), under half the stop-word density of a European language's prose;
# the share is scaled up to be read against the same thresholds. Menus of nouns have none.
_UNSPACED_DENSITY_SCALE = 2.5


class _LineParagraph(Paragraph):
    """A jusText paragraph made from one line, its text computed once.

    jusText's own ``Paragraph.text`` re-joins and re-normalises on every access, and its
    context pass reads it inside a loop: that alone made cleaning twenty times slower.
    """

    def __init__(self, line: _Line, unspaced_page: bool):
        # Paragraph.__init__ only wants the DOM path, which a line does not have.
        self.dom_path = _PARAGRAPH_PATH
        self.xpath = ""
        self.text_nodes = [line.text]
        self.chars_count_in_links = 0
        self.tags_count = 0
        self.class_type = ""
        self._text = line.text
        self._words = line.words
        self._size = line.size
        self._unspaced_page = unspaced_page

    @property
    def text(self) -> str:
        return self._text

    @property
    def words_count(self) -> int:
        return self._words

    def __len__(self) -> int:
        # jusText's length thresholds, in Latin characters.
        return self._size

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        if self._unspaced_page:
            unspaced = _count(_UNSPACED, self._text)
            if unspaced * 2 > len(self._text):
                share = _count(_UNSPACED_FUNCTION, self._text) / unspaced
                return min(1.0, share * _UNSPACED_DENSITY_SCALE)
        return super().stopwords_density(stopwords)


def _classify(
    lines: Sequence[_Line], stoplist: frozenset[str], unspaced: bool, options: CleanOptions
) -> None:
    """Mark each line good or bad with jusText, rule and template lines forced bad."""
    paragraphs = [_LineParagraph(line, unspaced) for line in lines]
    if stoplist or unspaced:
        low, high = options.stopwords_low, options.stopwords_high
    else:
        low = high = 0.0  # no stoplist fits the language: length alone decides
    classify_paragraphs(
        paragraphs,
        stoplist,
        length_low=options.length_low,
        length_high=options.length_high,
        stopwords_low=low,
        stopwords_high=high,
    )
    for line, paragraph in zip(lines, paragraphs, strict=True):
        if line.rule or (line.template and line.words < options.template_max_words):
            paragraph.cf_class = "bad"
    # jusText's context pass looks for each short paragraph's nearest neighbours one step at
    # a time, which is quadratic in a menu of a thousand short lines. Consecutive short lines
    # all get the same answer, so one stands for each run and passes its class on.
    runs: list[list[_LineParagraph]] = []
    for paragraph in paragraphs:
        if paragraph.cf_class == "short" and runs and runs[-1][0].cf_class == "short":
            runs[-1].append(paragraph)
        else:
            runs.append([paragraph])
    for segment in _segments([run[0] for run in runs]):
        revise_paragraph_classification(segment, options.max_heading_distance)
    for run in runs:
        for paragraph in run[1:]:
            paragraph.class_type = run[0].class_type
    for line, paragraph in zip(lines, paragraphs, strict=True):
        line.textlike = paragraph.cf_class
        line.good = paragraph.class_type == "good"


def _segments(
    paragraphs: list[_LineParagraph], size: int = 200, limit: int = 400
) -> list[list[_LineParagraph]]:
    """Cut a long page into pieces jusText's context pass can take one at a time.

    A good or bad paragraph keeps its class and every neighbour search stops at it, so
    cutting there (the paragraph ending one piece and starting the next) changes nothing.
    Only a stretch of ``limit`` paragraphs with no such wall, which no real page has, is cut
    anyway, to keep the pass from going quadratic.
    """
    pieces, begin = [], 0
    for i, paragraph in enumerate(paragraphs):
        wall = paragraph.cf_class in ("good", "bad")
        if (wall and i - begin >= size) or i - begin >= limit:
            pieces.append(paragraphs[begin : i + 1])
            begin = i
    pieces.append(paragraphs[begin:])
    return pieces


# --- Shape: the article run ----------------------------------------------------------------


def _weight(line: _Line, options: CleanOptions) -> float:
    """How much a line pulls the article run towards itself (negative: pushes it away)."""
    penalty = min(line.size, options.bad_cap) + options.bad_base
    if line.good and line.textlike == "short":
        # jusText lets short lines take their neighbours' class, which on a page of lines
        # pulls whole menus in beside a paragraph.
        return -options.short_good_factor * penalty
    if line.good:
        return float(line.size)
    if line.rule and line.rule.ends_article:
        return -options.end_penalty
    if line.rule is None and line.textlike in ("good", "neargood"):
        return options.neargood_weight * line.size
    return -penalty


def _barrier(lines: Sequence[_Line], options: CleanOptions) -> int:
    """Where the comments or the page footer begin: the article ends before it.

    A barrier near the top (a "Comments" menu item) is not one: some article-like text must
    come first.
    """
    text = 0
    for i, line in enumerate(lines):
        if line.rule and line.rule.barrier and text >= options.barrier_min_chars:
            return i
        if line.good:
            text += line.size
    return len(lines)


def _article_run(lines: Sequence[_Line], options: CleanOptions) -> tuple[int, int]:
    """The [start, end) of the densest run of text: a maximum-sum segment."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines[: _barrier(lines, options)]):
        if total <= 0:
            total, start = 0.0, i
        total += _weight(line, options)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _is_meta(line: _Line) -> bool:
    """A byline ("By Jane Doe", a lone "By") or a bare date line."""
    if line.rule is not None:
        return False
    match = rules.BYLINE.match(line.text)
    if line.text.lower() in ("by", "by:") or (
        match is not None and line.words <= 12 and match["who"][:1].isupper()
    ):
        return True
    date = _date_line(line)
    return date is not None and not date[1]


def _anchor(lines: Sequence[_Line], start: int, end: int) -> int:
    """Move the run's start to the article's own header when the run swallowed teasers.

    A headline followed by a byline or a bare date line (one short line may sit between),
    then prose, is how an article opens; lines of the run above it are the teasers and menus
    that preceded it. A list of headlines with dates and bylines is not a header.
    """
    for i in range(start + 2, end - 1):
        if not _is_meta(lines[i]):
            continue
        head = i - 1 if _headline_like(lines[i - 1]) else None
        if head is None and lines[i - 1].words <= 8 and _headline_like(lines[i - 2]):
            head = i - 2
        following = lines[i + 1 : min(end, i + 8)]
        if (
            head is not None
            and head > start
            and any(_is_prose(other) or _sentence_like(other) for other in following)
            and not any(_is_meta(other) for other in following[1:])
        ):
            return head
    return start


def _shape(text: str) -> tuple[str, ...]:
    """The kinds of a line's first two words: month, number, capitalised, lower, other."""
    kinds = []
    for word in text.split()[:2]:
        bare = word.strip(".,:;()[]-–—").lower()
        if bare in MONTHS:
            kinds.append("month")
        elif bare[:1].isdigit():
            kinds.append("number")
        elif word[:1].isupper():
            kinds.append("capital")
        elif word[:1].isalpha():
            kinds.append("lower")
        else:
            kinds.append("other")
    return tuple(kinds)


def _trailing_list(lines: Sequence[_Line], end: int) -> int:
    """Extend the article over a list that closes it (tour dates, results, a schedule).

    Its items are short, so the run stops above them; but three or more lines in a row of
    the same shape, each with a number in it, are one list, and menus have no numbers.
    """
    intro = end < len(lines) and lines[end].rule is None and lines[end].words <= 15
    if intro and (_headline_like(lines[end]) or lines[end].text.endswith(":")):
        first = end + 1
    else:
        first = end
    shape, count = None, 0
    for line in lines[first:]:
        if line.rule is not None or not _DIGITS.search(line.text) or line.words < 4:
            break
        if shape is None:
            shape = _shape(line.text)
        elif _shape(line.text) != shape:
            break
        count += 1
    return first + count if count >= 3 else end


def _sponsored_blocks(lines: Sequence[_Line], options: CleanOptions) -> None:
    """The teasers under a "Sponsored content" header are its own, wherever it stands.

    Found before the page's shape is read, so that a teaser is neither taken for the
    headline nor pulls the article run towards it. The block ends at a long line (prose), a
    byline or date (an article's header), another rule's line, or a blank line after a teaser.
    """
    for i, header in enumerate(lines):
        if header.rule is None or not header.rule.takes_following:
            continue
        previous = header
        for line in lines[i + 1 : i + 1 + options.teaser_lines]:
            blank_before = line.lineno > previous.lineno + 1
            if (
                line.rule is not None
                or line.words > options.teaser_max_words
                or (blank_before and previous is not header)
                or _is_meta(line)
            ):
                break
            line.rule = header.rule
            previous = line


def _related_blocks(lines: Sequence[_Line], body: int, end: int) -> None:
    """Inside the article, a "Related" header takes the headlines listed under it along."""
    inside_block = False
    for line in lines[body:end]:
        if line.rule is not None:
            inside_block = line.rule.name == "related-list" or (
                inside_block and line.rule.name != "ad-marker"
            )
        elif inside_block and line.reason is None:
            # Listed headlines do not end like sentences; the article's next paragraph does.
            if _is_prose(line) or (line.words >= 6 and _PROSE_END.search(line.text)):
                inside_block = False
            else:
                line.reason = "related-list"


# --- What a line is ------------------------------------------------------------------------

# Words a Title Case headline leaves in lower case.
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH_NAME})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}\.?\s+(?:{_MONTH_NAME})\b\.?",
    re.I,
)
_LIST_SEPARATOR = re.compile(r"\s[,|/•·>»›]\s")
_CRUMB = re.compile(r"\s[>»›]\s")
_MINOR_WORD = re.compile(r"a|an|and|as|at|by|for|from|in|of|on|or|the|to|with|vs")
_NAME_TOKEN = re.compile(r"[\w.'’-]+")
_READING_TIME = re.compile(r"\b\d+\s*min(ute)?s?( read)?\b", re.I)


def _nav_like(line: _Line) -> bool:
    """Menu-like: at most two words, or every word capitalised ("Real Estate Guide")."""
    words = [w for w in line.text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return True
    return all(w[:1].isupper() or _MINOR_WORD.fullmatch(w.lower()) for w in words)


def _sentence_like(line: _Line) -> bool:
    return line.rule is None and line.words >= 8 and bool(_PROSE_END.search(line.text))


def _is_prose(line: _Line) -> bool:
    """A paragraph of running text, as opposed to a headline, label or date."""
    if not line.good or line.rule is not None or line.words < 8:
        return False
    return line.words >= 30 or bool(_SENTENCE_END.search(line.text))


def _headline_like(line: _Line) -> bool:
    if not 3 <= line.words <= 30 or len(line.text) > 220:
        return False
    if line.rule or line.text.endswith((",", ";", ":")):
        return False
    if line.text.endswith(".") and not _nav_like(line):
        return False  # a sentence, unless every word is capitalised as in a headline
    first = line.text.lstrip("\"'“‘")[:1]
    return first.isupper() or first.isdigit()


def _name_like(text: str) -> bool:
    """Two to five capitalised words that are not a section or outlet ("Arif Ahmadi")."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5:
        return False
    names = 0
    for token in tokens:
        lower = token.lower()
        if lower in rules.NAME_PARTICLES:
            continue
        if lower in rules.NOT_NAME_WORDS or any(ch.isdigit() for ch in token):
            return False
        if not token[:1].isupper() or not _NAME_TOKEN.fullmatch(token):
            return False
        names += 1
    return names >= 2


def _single_name(word: str) -> bool:
    return (
        _NAME_TOKEN.fullmatch(word) is not None
        and word[:1].isupper()
        and word.lower() not in rules.NOT_NAME_WORDS
        and not any(ch.isdigit() for ch in word)
    )


def _date_line(line: _Line) -> tuple[str, str] | None:
    """(ISO date, what else the line says) when the line is mostly a date."""
    if line.words > 16:
        return None
    # Page text is more often American than not: "05/12/2024" is read as May 12.
    found = find_date(line.text, month_first=True)
    if not found:
        return None
    iso, start, end = found
    rest = line.text[:start] + " " + line.text[end:]
    rest = _SPACE.sub(" ", rules.DATE_LINE_FILLER.sub(" ", rest)).strip()
    return iso, rest


def _meta_line(line: _Line) -> tuple[str | None, str | None] | None:
    """(ISO date, author) when a line is a post's meta line, either possibly None: the date,
    author, category, comment count and reading time that blogs and CMSs print under the
    headline ("October 12, 2018 / 0 Comments / in Jeongdong Promotion / by jdadmin",
    "Marco Kratzenberg, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit", "Lesedauer etwa 2 Min",
    "Von Fiona Bornhöft und Mariam Hofbeck"). None when some part of the line is not one."""
    if line.rule is not None or line.words > 30 or not rules.META_HINT.search(line.text):
        return None
    text = line.text
    iso = None
    found = find_date(text, month_first=True)
    if found:
        iso = found[0]
        while found:  # "2. Februar 2020 2. Februar 2020": published and updated, both
            _, start, end = found
            text = f"{text[:start]} | {text[end:]}"
            found = find_date(text, month_first=True)
    else:
        # "29 / Dezember / 2022": a date written with separators between its parts.
        collapsed = " ".join(rules.META_SEPARATOR.sub(" ", text).split())
        whole = find_date(collapsed, month_first=True)
        if whole and whole[1] == 0 and whole[2] == len(collapsed):
            return whole[0], None
    # "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM": days without a year are meta too.
    text, days = _MONTH_DAY.subn(" | ", text)
    author = None
    names: list[str] = []
    strong = iso is not None or days > 0
    weak = 0
    for part in rules.META_SEPARATOR.split(text):
        part = part.strip(_EDGE_PUNCT + "/@~")
        if not part:
            continue
        byline = rules.META_BYLINE.match(part)
        if byline:
            who = byline["who"] or byline["who2"]
            name = _clean_author(who)
            if name is None and len(who.split()) == 1 and who[:1].isalnum():
                name = who  # "by jdadmin": a blog's login is still who wrote it
            if name is None:
                return None
            author = author or name
            strong = True
        elif rules.META_WEAK_PART.match(part):
            weak += 1
        elif rules.META_PART.match(part) or not rules.META_TOKENS.sub(" ", part).strip():
            strong = True
        elif _name_like(part):
            names.append(part)
        else:
            return None
    if not strong:
        return None  # a category alone ("In the courtroom") may be a subheading
    if author is None and names and (iso or weak or strong):
        author = names[0]  # "Marco Kratzenberg, 01. Dez. 2017": the name beside the date
    return iso, author


def _dated_headline(text: str) -> tuple[str, str] | None:
    """(ISO date, headline) for a headline that opens with its date: "23.01.2022 - Dorothea
    Wierer darf beim Antholz-Abschluss noch jubeln", "1. Februar 2022 Bundesministerin ..."."""
    found = find_date(text, month_first=True)
    if not found or found[1] != 0:
        return None
    rest = text[found[2] :].lstrip(" -–—|:,·•/")
    return (found[0], rest) if len(rest.split()) >= 4 and rest[:1].isupper() else None


def _header_meta(line: _Line) -> tuple[str | None, str | None] | None:
    """(ISO date, author) of a byline, a date line or a post's meta line; None for others."""
    if line.rule is not None:
        return None
    match = rules.BYLINE.match(line.text)
    if match and line.words <= 12 and (name := _clean_author(match["who"])):
        return None, name
    found = _date_line(line)
    if found and len(found[1].split()) <= 6:
        return found[0], None
    return _meta_line(line)


def _clean_author(who: str) -> str | None:
    """A byline's names ("Jane Doe; John Roe"), when they look like people's names.

    :func:`metanorm.clean_author` strips "By", roles, bios, handles and dates; a line of page
    text is only a byline when what is left looks like names, so the names are taken while
    they do and the first that does not (an agency, a phrase) ends them.
    """
    cleaned = clean_author(who)
    if not cleaned:
        return None
    parts = cleaned.split("; ")
    names = []
    for part in parts:
        if not _name_like(part):
            break
        names.append(part)
    if not names and len(parts) == 1 and _single_name(parts[0]):
        names = parts  # "By Regan": a blog's one-word author
    return "; ".join(names) if names else None


def _site_name(line: _Line) -> bool:
    """A short Title Case name ending like an outlet's ("The World News")."""
    return (
        line.words <= 5
        and not _SENTENCE_END.search(line.text)
        and bool(rules.OUTLET_WORDS.search(line.text))
        and all(w[:1].isupper() or _MINOR_WORD.fullmatch(w.lower()) for w in line.text.split())
    )


# --- The header: title, byline, dates, section ---------------------------------------------


class _Header:
    """Reads the lines around the article's start: what they say, and where the body begins.

    The lines searched are ``header_window`` lines above the run and ``header_inside`` lines
    into it. Each line found gets a role (the reason it is removed with); the metadata goes
    into ``metadata``.
    """

    def __init__(
        self,
        lines: list[_Line],
        start: int,
        end: int,
        metadata: dict[str, Field],
        options: CleanOptions,
    ):
        self.lines, self.start, self.end = lines, start, end
        self.metadata, self.options = metadata, options
        self.lo = max(0, start - options.header_window)
        self.hi = min(end, start + options.header_inside)
        self.roles: dict[int, str] = {}
        self.dates: dict[int, tuple[str, str]] = {}
        self.author: tuple[str, float] | None = None
        self.title: int | None = None
        self.title_far = False  # found above the window, over a gallery or a "see also" list
        self.bylines: set[str] = set()  # what the bylines say, names or roles
        self._texts: Counter[str] | None = None  # how often each line's text is on the page

    def read(self) -> int:
        """Find everything, mark the header lines removed, return where the body begins."""
        self._bylines()
        self._dates()
        self._bare_names()
        first_prose = next(
            (
                i
                for i in range(self.start, self.hi)
                if _is_prose(self.lines[i]) or _sentence_like(self.lines[i])
            ),
            self.hi,
        )
        self._title(first_prose)
        self._published()
        self._section()
        if self.author:
            self.metadata["author"] = Field(self.author[0], "text-line", self.author[1])
        return self._body(first_prose)

    def _free(self, i: int) -> bool:
        return (
            self.lo <= i < self.hi
            and i not in self.roles
            and i not in self.dates
            and self.lines[i].rule is None
        )

    def _found_author(self, i: int, name: str, confidence: float) -> None:
        self.roles[i] = "author-line"
        self.author = self.author or (name, confidence)

    def _bylines(self) -> None:
        """ "By X", a lone "By" followed by a name, "Name, Staff Writer"."""
        lines = self.lines
        for i in range(self.lo, self.hi):
            line = lines[i]
            if line.rule is not None:
                continue
            match = rules.BYLINE.match(line.text)
            if line.text.lower() in ("by", "by:") and i + 1 < len(lines):
                self.roles[i] = "author-line"
                name = _clean_author(lines[i + 1].text)
                if name:
                    self._found_author(i + 1, name, 0.8)
            elif match and line.words <= 40:
                name = _clean_author(match["who"])
                if name:
                    self._found_author(i, name, 0.8)
                    self.bylines.add(match["who"].strip())
                elif rules.ROLE_ONLY.fullmatch(match["who"].strip(_EDGE_PUNCT)):
                    # "By Staff Reporter": a byline, though it names nobody.
                    self.roles[i] = "author-line"
                    self.bylines.add(match["who"].strip(_EDGE_PUNCT))
            elif line.words <= 8 and "," in line.text and not line.good:
                name, _, role = line.text.partition(",")
                if _name_like(name) and rules.ROLE_WORDS.search(role):
                    self._found_author(i, name.strip(), 0.7)
        # A role alone beside a byline ("Staff Reporter" over "By Staff Reporter") is one too.
        for i in range(self.lo, self.hi):
            near = i - 1 in self.roles or i + 1 in self.roles
            if near and self._free(i) and rules.ROLE_ONLY.fullmatch(lines[i].text):
                self.roles[i] = "author-line"

    def _dates(self) -> None:
        """Date lines; one may carry the byline ("March 10, 2015 by Jane Doe"). A post's meta
        line gives the date and the author it holds, or is only marked as header."""
        for i in range(self.lo, self.hi):
            if not self._free(i):
                continue
            found = _date_line(self.lines[i])
            if not found or len(found[1].split()) > 6:
                meta = _meta_line(self.lines[i])
                if meta is None:
                    continue
                iso, author = meta
                if iso:
                    self.dates[i] = (iso, "")
                else:
                    self.roles[i] = "author-line" if author else "date-line"
                if author and self.author is None:
                    self.author = (author, 0.6)
                continue
            self.dates[i] = found
            if found[1] and self.author is None:
                match = rules.BYLINE.search(found[1])
                name = _clean_author(match["who"] if match else found[1])
                meta = _meta_line(self.lines[i])
                if meta is not None and meta[1]:
                    self.author = (meta[1], 0.6)  # "Veröffentlicht: ... | Autor: gnaddrig"
                elif name and (match or _name_like(name)):
                    self.author = (name, 0.6)

    def _bare_names(self) -> None:
        """A name alone on its line: the author when the page repeats it, a bio starts with
        it, or it sits beside a date line or a reading time."""
        lines = self.lines
        texts = [line.text for line in lines[self.lo : self.hi]]
        for i in range(self.lo, self.hi):
            line = lines[i]
            if not self._free(i) or not _name_like(line.text):
                continue
            repeated = texts.count(line.text) > 1
            has_bio = any(
                other.text.startswith(line.text + " ") and other.rule is not None
                for other in lines[self.lo : min(len(lines), self.hi + 3)]
            )
            beside = (i - 1 in self.dates or i + 1 in self.dates) or (
                i + 1 < len(lines) and _READING_TIME.search(lines[i + 1].text) is not None
            )
            if repeated or has_bio or beside:
                self._found_author(i, line.text, 0.7 if has_bio else 0.6)

    def _title(self, first_prose: int) -> None:
        """A headline-like line before the body: longer than a label, just above the byline
        or date, close to the body."""
        lines = self.lines
        candidates = [
            i
            for i in range(self.lo, min(self.hi, first_prose))
            if self._free(i)
            and _headline_like(lines[i])
            and not lines[i].template  # a title does not recur across the outlet's articles
            and not rules.NOT_TITLE.search(lines[i].text)
        ]
        meta = set(self.roles) | set(self.dates)

        def score(i: int) -> float:
            text = lines[i].text
            value = 0.5 * min(lines[i].words, 10) - abs(first_prose - i)
            if i + 1 in meta or i + 2 in meta:
                value += 8
            if i >= self.start and lines[i].good:
                value -= 4  # what jusText takes for text is less likely a headline
            if any(lines[j].text != text and text.endswith(lines[j].text) for j in candidates):
                value -= 10  # a breadcrumb ending in the headline: "Home News <headline>"
            dated = find_date(text, month_first=True)
            if (dated and not _dated_headline(text)) or len(_LIST_SEPARATOR.findall(text)) >= 2:
                value -= 6  # a date or a list of tags is a meta line more often than a headline
            if self._echoed(i):
                value += 3  # the page names it again: a breadcrumb's end, a share text
            return value

        self.title = max(candidates, key=score, default=None)
        with_meta = [i for i in candidates if {i + 1, i + 2} & meta]
        if self.title is not None and self.title not in with_meta and len(with_meta) == 1:
            # The one headline with a byline or date under it, though teasers stand nearer
            # the body: the article's header, above a gallery or a "see also" list.
            self.title = with_meta[0]
            self.title_far = self.title < self.start
        if self.title is None or not {self.title + 1, self.title + 2} & meta:
            # No headline in the window sits on a byline or date: the article's own header
            # may stand further up, above a gallery, a share bar or an ad block.
            far = self._title_above()
            if far is not None:
                self.title, self.title_far = far, True
        if self.title is None:
            return
        self.roles[self.title] = "title"
        title = lines[self.title].text
        crumbs = _CRUMB.split(title)
        if len(crumbs) > 2 and len(crumbs[-1].split()) >= 3:
            title = crumbs[-1]  # "Forum > iPhone > <headline>": a breadcrumb ending in it
        if dated := _dated_headline(title):
            # "23.01.2022 - Dorothea Wierer darf ...": the date is the line's, not the title's.
            self.dates[self.title] = (dated[0], "")
            title = dated[1]
        self.metadata["title"] = Field(title, "text-line", 0.8)
        # A lone name just under the headline is its byline.
        for i in (self.title + 1, self.title + 2):
            if self.author is None and self._free(i) and _name_like(lines[i].text):
                self._found_author(i, lines[i].text, 0.5)

    def _echoed(self, i: int) -> bool:
        """Whether the page repeats line ``i`` elsewhere, away from it: alone on a line, or
        ending a breadcrumb ("Startseite » Politik » <headline>"). A headline is repeated
        that way; a teaser or a caption seldom is; a menu item is, but is no candidate."""
        text = self.lines[i].text
        if self._texts is None:
            self._texts = Counter(line.text for line in self.lines)
        if self._texts[text] > 1:
            return True
        tails = (f"» {text}", f"> {text}", f"/ {text}", f"| {text}", f"› {text}")
        return any(line.text.endswith(tails) for line in self.lines if len(line.text) > len(text))

    def _title_above(self) -> int | None:
        """The nearest headline-like line above the window with a byline, date or post meta
        line just under it (the date and author it gives are taken too); none when another
        such pair stands just above it, as in a list of teasers."""
        lo = max(-1, self.lo - self.options.title_reach)
        found = self._headline_with_meta(self.lo - 1, lo)
        if found is None:
            return None
        i, j, (iso, author) = found
        if self._headline_with_meta(i - 1, max(lo, i - 12)) is not None:
            return None
        if iso:
            self.dates[j] = (iso, "")
        else:
            self.roles[j] = "author-line" if author else "date-line"
        if author and self.author is None:
            self.author = (author, 0.6)
        return i

    def _headline_with_meta(
        self, top: int, bottom: int
    ) -> tuple[int, int, tuple[str | None, str | None]] | None:
        """Going up from ``top`` to ``bottom`` (excluded): a headline-like line with a byline,
        date or post meta line one or two lines under it, as (headline, meta line, meta)."""
        lines = self.lines
        for i in range(top, bottom, -1):
            line = lines[i]
            if (
                line.rule is not None
                or line.template
                or not _headline_like(line)
                or rules.NOT_TITLE.search(line.text)
                or _header_meta(line) is not None
            ):
                continue
            for j in (i + 1, i + 2):
                if j < len(lines) and (meta := _header_meta(lines[j])) is not None:
                    return i, j, meta
        return None

    def _published(self) -> None:
        """Near the byline a date says when; at the very top of the page, when it was crawled
        more often than not (the tagDiv header date)."""
        for i, (iso, _rest) in sorted(self.dates.items()):
            text = self.lines[i].text
            top = i < self.options.header_date_lines and (self.title is None or i < self.title)
            self.roles[i] = "header-date" if top else "date-line"
            if top:
                field = Field(iso, "header-date", 0.2)
            elif rules.PUBLISHED_LABEL.search(text):
                field = Field(iso, "text-line", 0.8)
            elif rules.UPDATED_LABEL.search(text):
                field = Field(iso, "text-line", 0.5)
            else:
                field = Field(iso, "text-line", 0.7)
            current = self.metadata.get("published")
            if current is None or field.confidence > current.confidence:
                self.metadata["published"] = field

    def _section(self) -> None:
        """A short label right beside the title ("Immigration News")."""
        if self.title is None:
            return
        for i in (self.title + 1, self.title - 1, self.title + 2, self.title - 2):
            if not self.lo <= i < self.hi or i in self.roles:
                continue
            line = self.lines[i]
            label = line.words <= 4 and not _SENTENCE_END.search(line.text) and not line.good
            if label and (line.rule is None or line.rule.name == "navigation"):
                self.roles[i] = "section"
                self.metadata["section"] = Field(line.text, "text-line", 0.5)
                return

    def _body(self, first_prose: int) -> int:
        """Mark the header lines and return the first line of the body.

        The body begins after the last header line found inside the run. What else sits
        there is a standfirst under the title (kept as the description), labels ("Author:")
        or headlines of other articles; Title Case lines between the header and the first
        paragraph are other headlines too.
        """
        lines, start = self.lines, self.start
        body = start
        inside = [i for i in self.roles if start <= i < self.hi]
        if inside:
            last = max(inside)
            if sum(lines[i].size for i in range(start, last) if i not in self.roles) < 400:
                body = last + 1
        for i, reason in self.roles.items():
            lines[i].reason = reason
        standfirst = []
        for line_index in range(start, body):
            line = lines[line_index]
            if line.reason is not None or line.rule is not None:
                continue
            if self.title is not None and line_index > self.title and line.words >= 6:
                standfirst.append(line.text)
                line.reason = "standfirst"
            else:
                line.reason = "outside-article"
        if standfirst:
            self.metadata["description"] = Field(" ".join(standfirst), "text-line", 0.6)
        above = self.title_far
        for line in lines[body:first_prose]:
            headline = line.reason is None and line.rule is None and _headline_like(line)
            # With the headline above the run, what heads the run is other articles' headlines
            # (a "see also" list) whatever their case.
            if headline and (_nav_like(line) or above) and not _PROSE_END.search(line.text):
                line.reason = "outside-article"
        return body


# --- Metadata from the rest of the page --------------------------------------------------------


def _page_metadata(
    lines: list[_Line], lo: int, body: int, end: int, metadata: dict[str, Field]
) -> None:
    """The author and date the header did not find, from bylines and date lines elsewhere
    on the page; a byline standing outside the article is removed as one."""
    current = metadata.get("published")
    if current is None or current.source == "header-date":
        found = _page_date(lines, lo, body, end)
        if found is not None:
            metadata["published"] = Field(found[1], "text-line", 0.5)
    if "author" not in metadata:
        byline = _page_author(lines, lo, end)
        if byline is not None:
            metadata["author"] = Field(byline[1], "text-line", 0.5)
            line = lines[byline[0]]
            if line.reason is None and not body <= byline[0] < end:
                line.reason = "author-line"


def _page_author(lines: Sequence[_Line], lo: int, end: int) -> tuple[int, str] | None:
    """(line, names) of a byline in the page's language outside the header: under the
    article ("Gepostet von Katharina Volkwein | Wohnen"), above a gallery, in a post's footer.
    The article's own stretch is searched first, then the lines below it, then above it."""
    order = [*range(lo, min(len(lines), end + 20)), *range(lo - 1, max(-1, lo - 60), -1)]
    for i in order:
        line = lines[i]
        if line.rule is not None or line.words > 25:
            continue
        match = rules.PAGE_BYLINE.match(line.text)
        if match is None:
            continue
        who = match["who"] or match["who2"] or match["plain"]
        who = rules.BYLINE_NAME_END.sub("", who).strip(_EDGE_PUNCT)
        name = _clean_author(who)
        if name and (match["plain"] is None or _name_like(name.split("; ")[0])):
            return i, name
    # A link to the author's page ("Mehr über Jana Keller").
    for i in order:
        line = lines[i]
        if line.rule is not None or line.words > 8:
            continue
        if (match := rules.AUTHOR_LINK.match(line.text)) is not None:
            who = next(group for group in match.groups() if group)
            if _name_like(who):
                return i, who
    return None


def _page_date(lines: Sequence[_Line], lo: int, body: int, end: int) -> tuple[int, str] | None:
    """(line, ISO date) of the date nearest the article's start that the header did not
    take: a date or meta line in the article's stretch (or just under it), or the date
    opening its first paragraph ("31. Oktober 2023. Die ..."); else the nearest one above it
    (over a gallery or a share bar). Never the page's very top lines (the site header's
    date) nor a copyright line."""
    below = range(lo, min(len(lines), end + 15))
    for i in [*below, *range(lo - 1, max(-1, lo - 40), -1)]:
        line = lines[i]
        if line.rule is not None and line.rule.name != "date-line":
            continue
        opening = find_date(line.text, month_first=True) if body <= i < body + 3 else None
        if opening is not None and opening[1] == 0 and line.words >= 8:
            return i, opening[0]
        if line.words > 30 or i < DEFAULT_OPTIONS.header_date_lines:
            continue
        if line.rule is None and (meta := _header_meta(line)) is not None and meta[0]:
            return i, meta[0]
        date = _date_line(line)
        if date is not None and len(date[1].split()) <= 6:
            return i, date[0]
    return None


def _author_bio(
    lines: Sequence[_Line], body: int, end: int, names: set[str], options: CleanOptions
) -> None:
    """The author's bio closing the article: the byline's name alone on its line with the
    bio under it ("Staff Reporter" / "Coastline Today's staff reporters cover..."), or a
    paragraph that opens with the author's full name ("Dana Whitlock covers health...")."""
    full_names = [name for name in names if " " in name]
    for i in range(max(body, end - options.bio_lines), end):
        line = lines[i]
        if line.reason is not None or line.rule is not None:
            continue
        if line.text in names:
            line.reason = "author-bio"
            under = lines[i + 1] if i + 1 < len(lines) else None
            free = under is not None and under.reason is None and under.rule is None
            if free and under.words <= options.bio_max_words:
                under.reason = "author-bio"
        elif line.words <= options.bio_max_words and any(
            line.text.startswith(name + " ") and line.text[len(name) + 1 : len(name) + 2].islower()
            for name in full_names
        ):
            line.reason = "author-bio"


def _clean_outlet(text: str) -> str:
    return text.strip(_EDGE_PUNCT).removeprefix("the ").strip()


def _masthead(line: _Line) -> bool:
    """Short, Title Case and no sentence: how a site's name stands at the top or bottom."""
    return (
        line.rule is None
        and line.reason is None
        and 1 <= line.words <= 6
        and not _SENTENCE_END.search(line.text)
        and line.text[:1].isupper()
        and _nav_like(line)
    )


def _outlet_clues(
    lines: Sequence[_Line],
    body: int,
    end: int,
    metadata: dict[str, Field],
    host: Field | None = None,
) -> None:
    """Outlet, publisher, republishing and original outlet; the photo caption.

    The outlet is the site that published the page. When its host is known (``host``: from
    the URL given on the command line, or found in the page), the host decides: the outlet is
    the host's readable name when some clue plausibly names it ("The Guardian" for
    theguardian.com), else the host itself. Without a host, the clues decide, most trusted
    first: the masthead when the copyright line names the same company; a disclaimer naming
    the site that carries the article; a masthead that stands both at the top and at the
    bottom of the page; the author's bio; a site's domain written in the page's furniture
    ("For the best Barrons.com experience").

    The holder of a copyright line is the ``publisher``, never the outlet on its own: five
    papers of one group all say "© Hearst Communications". A news agency's copyright is a
    credit.
    """
    clues: list[Field] = []
    copyrights: list[str] = []  # the holders' names as mastheads would write them
    holders: dict[str, str] = {}  # ... and in full: "Riverside Courier Media"
    whole: set[str] = set()  # ... the names that the line does not cut short ("Bundesamt für")
    for line in lines:
        kind = line.rule.name if line.rule is not None else line.reason
        if kind == "disclaimer":
            match = rules.DISCLAIMER_OUTLET.search(line.text)
            if match:
                clues.append(Field(_clean_outlet(match["outlet"]), "disclaimer", 0.7))
                metadata["republished"] = Field("true", "disclaimer", 0.7)
            match = rules.ORIGINAL_OUTLET.search(line.text)
            if match:
                outlet = match["outlet"].strip(_EDGE_PUNCT)
                metadata["original_outlet"] = Field(outlet, "disclaimer", 0.7)
                metadata["republished"] = Field("true", "disclaimer", 0.7)
        elif kind == "copyright":
            match = rules.COPYRIGHT_OUTLET.search(line.text)
            name = outlet_from_copyright(match["outlet"]) if match else None
            if name:
                copyrights.append(name)
                holders[name] = outlet_from_copyright(match["outlet"], strip_group=False) or name
                at = line.text.find(name, match.start("outlet"))
                if at >= 0 and rules.COPYRIGHT_NAME_END.match(line.text[at + len(name) :]):
                    whole.add(name)
        elif kind == "author-bio":
            match = rules.BIO_OUTLET.search(line.text)
            if match:
                clues.append(Field(_clean_outlet(match["outlet"]), "author-bio", 0.4))
        elif kind == "photo-caption" and "caption" not in metadata:
            metadata["caption"] = Field(line.text, "text-line", 0.7)

    original = metadata.get("original_outlet")
    if original is not None:
        # Copied along with the article, the original's copyright line names the original.
        copyrights = [c for c in copyrights if site_key(c) != site_key(original.value)]
    for name in copyrights:
        if name.casefold() in WIRE_SERVICES:
            metadata.setdefault("credit", Field(name, "copyright", 0.5))
    copyrights = [c for c in copyrights if c.casefold() not in WIRE_SERVICES]
    if copyrights:
        metadata["publisher"] = Field(holders[copyrights[0]], "copyright", 0.6)

    top = [line for line in lines[: min(body, rules.MASTHEAD_LINES)] if _masthead(line)]
    bottom = [line for line in lines[max(end, len(lines) - rules.MASTHEAD_LINES) :]]
    bottom = [line for line in bottom if _masthead(line)]
    author = metadata["author"].value if "author" in metadata else None
    # A button ("Support The Guardian") or a group's name ("Vox Media") is no masthead.
    top = [line for line in top if line.text != author and _may_be_masthead(line.text)]
    bottom = [line for line in bottom if _may_be_masthead(line.text)]
    mastheads = [
        line for line in top + bottom if any(matches_site(line.text, c) for c in copyrights)
    ]
    if mastheads:
        clues.insert(0, Field(mastheads[0].text, "site-name", 0.8))
    else:
        # Repeated at both ends, but only when one line is: several are a menu and its footer.
        bottom_keys = {site_key(line.text) for line in bottom}
        # A name also looks like one: an outlet's word at its end, or the page's first lines.
        repeated = [
            line
            for line in top
            if site_key(line.text) in bottom_keys
            and line.words >= 2
            and (rules.OUTLET_WORDS.search(line.text) or line in lines[:3])
        ]
        if len({site_key(line.text) for line in repeated}) == 1:
            clues.append(Field(repeated[0].text, "site-name", 0.6))
            mastheads = repeated
    # The page calling itself by the copyright holder's name elsewhere in its furniture
    # ("CNBC Newsletters", "Contact CT Post", "About Examiner" beside "© CNBC LLC"): then
    # the holder's name is the site's, not only the company's. A group's name never is.
    called = _self_references(lines, body, end, [c for c in copyrights if c in whole])
    if called is not None:
        clues.append(Field(called, "site-name", 0.6))
    if host is None:
        host = _domain_clue(lines, body, end)
    if host is not None:
        # A name found anywhere at the page's ends is the host's if it names it; else the host.
        named = [c for c in clues if names_host(c.value, host.value)]
        named += [
            Field(line.text, "site-name", 0.7)
            for line in top + bottom
            if names_host(line.text, host.value, strict=True)
        ]
        named += [Field(c, "copyright", 0.6) for c in copyrights if names_host(c, host.value)]
        if named:
            best = max(named, key=lambda field: field.confidence)
            chosen = Field(best.value, best.source, max(best.confidence, host.confidence))
        else:
            chosen = host
        mastheads = [line for line in top + bottom if site_key(line.text) == site_key(chosen.value)]
        clues = [chosen]
    for line in mastheads:
        line.reason = "site-name"
    for line in bottom:
        if any(site_key(line.text) == site_key(masthead.text) for masthead in mastheads):
            line.reason = "site-name"
    if clues:
        # The highest confidence wins; among equals, the clue listed first.
        metadata["outlet"] = max(clues, key=lambda field: field.confidence)


def _host_field(url: Field | str | None, confidence: float) -> Field | None:
    """The outlet as a URL's host ("www.ctpost.com/news/..." -> "ctpost.com"), source ``url``."""
    value = url.value if isinstance(url, Field) else url
    host = urlsplit(value).hostname if value else None
    host = re.sub(r"^www\d*\.", "", host or "")
    return Field(host, "url", confidence) if host else None


def _self_references(
    lines: Sequence[_Line], body: int, end: int, copyrights: Sequence[str]
) -> str | None:
    """A copyright holder's name that the page also uses for itself in a short line of its
    furniture, outside the article and the copyright lines."""
    edges = [*lines[: min(body, rules.MASTHEAD_LINES)], *lines[max(end, len(lines) - 30) :]]
    edges = [
        line
        for line in edges
        if line.words <= 8 and not (line.rule is not None and line.rule.name == "copyright")
    ]
    for name in copyrights:
        if is_company_name(name) or not _may_be_masthead(name) or "." in name:
            continue
        if sum(c.isalpha() for c in name) < 3:
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        if any(pattern.search(line.text) for line in edges):
            return name
    return None


def _may_be_masthead(text: str) -> bool:
    first = text.split()[0].casefold() if text.split() else ""
    return first not in UI_VERBS and not is_media_group(text)


def _domain_clue(lines: Sequence[_Line], body: int, end: int) -> Field | None:
    """A site's own domain written in the page's furniture, outside the article: in a
    copyright line ("© 2019 NJ.com", the last one first), else in a browser notice ("For the
    best Barrons.com experience") or alone on a line above the article (a masthead written
    as "TheHill.com"). At the foot of a page a domain alone on its line is more often a link
    to a sister site (a group's list of its papers). Platforms (facebook.com...) never count."""
    top = lines[: min(body, rules.MASTHEAD_LINES)]
    edges = [*top, *lines[max(end, len(lines) - 20) :]]
    # The page's own copyright line is its last; those above may be an ad's or a widget's.
    copyright_lines = [line for line in lines if line.rule and line.rule.name == "copyright"]
    for group in (copyright_lines[::-1], edges):
        for line in group:
            if "." not in line.text:
                continue
            for match in rules.DOMAIN_NAME.finditer(line.text):
                alone = line in top and match.group(0) == line.text.strip(_EDGE_PUNCT)
                if group is edges and not (alone or rules.SITE_EXPERIENCE.search(line.text)):
                    continue
                domain = _site_domain(match["domain"])
                if not _is_platform(domain):
                    return Field(domain, "text-line", 0.3)
    return None


def _site_domain(domain: str) -> str:
    """A domain without the subdomains a page's markup may show ("navbar.site.backen.de" ->
    "backen.de"); two labels, or three under a country's "co.uk"-like second level."""
    labels = domain.lower().removeprefix("www.").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov") else 2
    return ".".join(labels[-keep:])


def _is_platform(host: str) -> bool:
    labels = [label for label in host.lower().split(".") if label]
    names = [label for label in labels[:-1] if label not in ("www", "co", "com", "org", "net")]
    return any(name in rules.PLATFORM_NAMES for name in names[-1:])


def _page_url(lines: Sequence[_Line], title: str | None) -> Field | None:
    """The page's own address written in its text: a labelled line ("URL: ...", "Permalink:
    ...", MediaWiki's "Retrieved from"), the Wayback Machine's copy, a share panel's "Copy this
    link" and the address under it, an address on the page's first line, right above the
    headline, or whose path spells the headline (a share link)."""
    found: list[tuple[float, int, str]] = []
    last = len(lines) - 1
    headline = next((i for i, line in enumerate(lines) if title and line.text == title), None)
    for i, line in enumerate(lines):
        text = line.raw
        if "://" not in text:
            continue
        if match := rules.WAYBACK_URL.search(text):
            found.append((0.8, i, match["url"]))
            continue
        if match := rules.PAGE_URL_LINE.match(text):
            found.append((0.8, i, match["url"]))
            continue
        at_edge = i < 3 or i > last - 3
        if at_edge and (match := rules.EDGE_URL_LINE.match(text)):
            found.append((0.7, i, match["url"]))
            continue
        match = rules.BARE_URL.match(text)
        if match is None:
            continue
        url = match["url"]
        labelled = i > 0 and rules.URL_LABEL_LINE.match(lines[i - 1].text) is not None
        if labelled or i == 0:
            found.append((0.7, i, url))
        elif _is_platform(urlsplit(url).hostname or ""):
            continue
        elif (
            i + 1 == headline
            or (title and _spells(url, title))
            or (i < last and _spells(url, lines[i + 1].text))
        ):
            # Right above the headline, or spelling it (or the line under it, a headline the
            # header did not take): the page's own link.
            found.append((0.6, i, url))
    if not found:
        return None
    confidence, _, url = max(found, key=lambda f: (f[0], -f[1]))
    return Field(url.rstrip(".,;)"), "text-line", confidence)


_SLUG_WORD = re.compile(r"[^\W_]{3,}")


def _spells(url: str, title: str) -> bool:
    """Whether an address's path spells the headline: "/article/New-SUVs-and-electric-
    vehicles-highlight-L-A-14848164.php" for "New SUVs and electric vehicles highlight L.A.
    Auto Show": three of its words or more, most of the headline's first six."""
    path = {w.casefold() for w in _SLUG_WORD.findall(urlsplit(url).path)}
    words = [w.casefold() for w in _SLUG_WORD.findall(title)][:6]
    shared = sum(w in path for w in words)
    return shared >= 3 and shared * 2 >= len(words)


def _dateline(line: _Line, metadata: dict[str, Field]) -> None:
    """ "Kabul, Afghanistan –", "WASHINGTON (AP) —" opening the first paragraph."""
    match = rules.DATELINE.match(line.text) or rules.CREDIT_OPENING.match(line.text)
    if not match:
        return
    place = match.groupdict().get("place")
    if place and len(place) <= 60:
        metadata["dateline"] = Field(place.strip(" ,"), "text-line", 0.7)
    if match["credit"]:
        metadata["credit"] = Field(match["credit"].strip(), "dateline", 0.6)


# --- The cleaner -------------------------------------------------------------------------------

#: Under this many words kept, the page had no article run (a paywalled teaser, a list, a
#: page of short lines) and the fallback keeps what is not known boilerplate.
_FEW_WORDS = 5
#: Where a line may come from when the fallback keeps it: not a rule's, a header's or a
#: template's line.
_FALLBACK_REASONS = (None, "outside-article", "section", "site-name")


def _fallback(lines: Sequence[_Line]) -> str:
    """Keep the page's text-like lines that no rule took, or failing those every such line;
    say so (the note goes into the article's ``reading`` field)."""
    free = [line for line in lines if line.rule is None and line.reason in _FALLBACK_REASONS]
    textlike = [line for line in free if line.textlike in ("good", "neargood")]
    chosen = (
        textlike if word_count(" ".join(line.text for line in textlike)) >= _FEW_WORDS else free
    )
    if not chosen:
        return ""
    for line in chosen:
        line.reason = None
    return (
        "no run of article text was found, so the lines that look like text and are no "
        "known boilerplate were kept"
    )


#: How many of a page's long lines vote on its language, and the most one line's vote weighs.
_LANGUAGE_VOTERS = 60
_LANGUAGE_VOTE_CAP = 600
#: The voters stop once they have read this many characters: the detector's cost grows with
#: the text it reads, and on the 1,471 pages of the AEB and trafilatura text dumps and 300
#: news-like pages, the first 2,500 characters of prose chose what all 60 lines chose on
#: every page, in half the time (3.4 ms a page instead of 7.1).
_LANGUAGE_BUDGET = 2500


def _detect_language(lines: Sequence[_Line]) -> Field | None:
    """The language of the page's prose: each of its long lines votes, weighed by its length
    (one block of another language, a script or a cookie notice, does not outvote the
    article); a page without long lines is read whole."""
    prose = [line.text for line in lines if line.words >= 12 and _letters_mostly(line.text)]
    prose = prose[:_LANGUAGE_VOTERS]
    if sum(len(text) for text in prose) < 200:
        return language_field("\n".join(line.text for line in lines))
    return _vote(tuple(prose))


@functools.lru_cache(maxsize=4)
def _vote(prose: tuple[str, ...]) -> Field | None:
    """The lines' vote (remembered: a page cleaned again with its outlet's template has
    the same prose lines, and the vote is most of the cost of its first cleaning)."""
    votes: Counter[str] = Counter()
    read = 0
    for text in prose:
        found = language_field(text)
        if found is not None:
            votes[found.value] += min(len(text), _LANGUAGE_VOTE_CAP)
        read += len(text)
        if read >= _LANGUAGE_BUDGET:
            break
    if not votes:
        return None
    code, weight = votes.most_common(1)[0]
    share = weight / sum(votes.values())
    return Field(code, "detector", round(min(0.9, share), 2)) if share >= 0.5 else None


def clean_text(
    text: str,
    *,
    language: str | None = None,
    template: Mapping[str, int] | None = None,
    url: str | None = None,
    options: CleanOptions = DEFAULT_OPTIONS,
) -> Extraction:
    """Split a page's visible text into the article and the boilerplate around it.

    ``text`` has one block per line. ``language`` (ISO 639-1 code or jusText stoplist name)
    picks the stoplist; without it the page's own words decide. ``template`` maps
    :func:`template_key` of a line to how many other articles of the same outlet contain it.
    ``url`` is where the page was fetched, if known: its host decides the outlet (else an
    address the page gives for itself does). Every non-blank line is either kept or listed
    in ``removed`` with the rule that removed it.
    """
    lines = _split(text)
    metadata: dict[str, Field] = {}
    for line in lines:
        line.rule = _match_rule(line)
        if template and template.get(template_key(line.text), 0) >= options.template_min_count:
            line.template = True
    _sponsored_blocks(lines, options)
    if lines:
        unspaced = _count(_UNSPACED, text) * 10 > len(text)
        detected = None if language else _detect_language(lines)
        if detected is not None:
            metadata["language"] = detected
        code = detected.value if detected is not None else None
        _classify(lines, _choose_stoplist(lines, language, options, code), unspaced, options)

    start, end = _article_run(lines, options)
    if end > start:
        start = _anchor(lines, start, end)
        end = _trailing_list(lines, end)
    header = _Header(lines, start, end, metadata, options)
    body = header.read() if end > start else start
    if end > start:
        _page_metadata(lines, max(0, start - options.header_window), body, end, metadata)
    if end > start:
        names = set(header.bylines)
        if "author" in metadata:
            names.update(metadata["author"].value.split("; "))
        _author_bio(lines, body, end, names, options)
    page_url = _page_url(lines, metadata["title"].value if "title" in metadata else None)
    if page_url is not None:
        metadata["url"] = page_url
    _outlet_clues(lines, body, end, metadata, _host_field(url, 0.5) or _host_field(page_url, 0.4))
    _related_blocks(lines, body, end)

    for i, line in enumerate(lines):
        if line.reason is not None:
            continue
        inside = body <= i < end
        if line.rule is not None:
            line.reason = line.rule.name
        elif line.template and not (inside and line.words >= options.template_max_words):
            line.reason = "site-template"
        elif not inside:
            at_edge = i in (0, len(lines) - 1)
            line.reason = "site-name" if at_edge and _site_name(line) else "outside-article"
    if "title" in metadata:
        for line in lines:
            if line.reason is None and line.text == metadata["title"].value:
                line.reason = "title"  # the headline repeated (breadcrumb, gallery)

    notes = []
    if word_count(" ".join(line.text for line in lines if line.reason is None)) < _FEW_WORDS:
        notes.append(_fallback(lines))
    kept = [line for line in lines if line.reason is None]
    if kept:
        _dateline(kept[0], metadata)
    for i in (0, len(lines) - 1):
        if lines and lines[i].reason == "site-name":
            metadata.setdefault("site_name", Field(lines[i].text, "text-line", 0.3))

    return Extraction(
        text="\n\n".join(line.raw for line in kept),
        removed=[RemovedLine(line.lineno, line.raw, line.reason) for line in lines if line.reason],
        metadata=metadata,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
        linenos=[line.lineno for line in kept],
        notes=[note for note in notes if note],
    )


def clean_extracted(text: str, *, options: CleanOptions = DEFAULT_OPTIONS) -> Extraction:
    """Remove the boilerplate lines an HTML extractor left in its output, by the rules alone.

    The page's shape is not read: the extractor already chose the article, and its short
    lines (subheadings, list items) would look like a menu's. What the rules catch (comment
    prompts, "Loading comments...", share lines, disclaimers, sponsored teasers...) is listed in
    ``removed`` with line numbers in ``text``; disclaimers give ``republished``,
    ``original_outlet`` and the outlet, as in :func:`clean_text`.
    """
    lines = _split(text)
    for line in lines:
        rule = _match_rule(line)
        line.rule = None if rule is None or rule.name in rules.NOT_AFTER_EXTRACTION else rule
    _sponsored_blocks(lines, options)
    metadata: dict[str, Field] = {}
    for line in lines:
        if line.rule is not None:
            line.reason = line.rule.name
    disclaimers = [line for line in lines if line.reason == "disclaimer"]
    _outlet_clues(disclaimers, len(disclaimers), len(disclaimers), metadata, host=None)
    for line in disclaimers:
        # A credit naming the original ("Originally published on Live Science.") is kept: in
        # HTML it stands inside the article, where provenance reads it and annotators count it.
        if rules.ORIGINAL_OUTLET.search(line.text):
            line.reason = None
    return Extraction(
        text="\n\n".join(line.raw for line in lines if line.reason is None),
        removed=[RemovedLine(line.lineno, line.raw, line.reason) for line in lines if line.reason],
        metadata=metadata,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
        linenos=[line.lineno for line in lines if line.reason is None],
    )
