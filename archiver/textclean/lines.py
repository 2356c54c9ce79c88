"""The line model: a page's text as numbered, non-blank lines, and their template key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archiver import rules
from archiver.language import word_count
from archiver.textmeta.kinds import DIGITS, EDGE_PUNCT, SPACE

# Han, kana and hangul: one character says about what three Latin letters do.
CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_WEIGHT = 3


#: A hyphenation hint that shows nowhere: it leaves the text (:func:`split_lines`).
SOFT_HYPHEN = "\u00ad"


def template_key(line: str) -> str:
    """The form under which a line is counted in an outlet's template.

    Case, spacing, edge punctuation, soft hyphens and the digits themselves do not matter:
    "5 comments" and "12 Comments" are the same template line.
    """
    text = SPACE.sub(" ", line.replace(SOFT_HYPHEN, "")).strip(EDGE_PUNCT).casefold()
    return DIGITS.sub("0", text)


@dataclass
class Line:
    """One non-blank line of the page, and what the passes found it to be."""

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
    rule_id: str | None = None  # the id of the rule that removed it, when one did
    repeated: bool = False  # the same words stand on 3+ lines of the page (a photo caption)


_NEWLINE = re.compile(r"\r\n|\r|\n")

#: Characters that show nothing and are not whitespace to str.split(): a line of only these
#: is blank (editors write empty paragraphs as a zero-width space; Korean and Japanese blogs
#: are full of them).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def count_chars(char_class: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` a one-character pattern matches, without making a
    string of each (ten million CJK characters would take 760 MB as a findall list)."""
    return len(text) - len(char_class.sub("", text))


#: What prose is mostly made of (a line of script or CSS is not): letters and spaces.
_LETTER_OR_SPACE = re.compile(r"[^\W\d_]|\s")


def letters_mostly(text: str) -> bool:
    return count_chars(_LETTER_OR_SPACE, text) >= 0.8 * len(text)


#: A space a scraper left where a link or an emphasis ended, before the punctuation that
#: followed it: "Hernández , hacia", "Frankreich .“", "geprüft werden , ob".
_GAP_BEFORE_STOP = re.compile(r"(?:(?<=[^\W_])|(?<=[)\"”’»])) (?=[,.](?:\s(?![.,])|$|[\"”“’»)]))")
#: ... and before a colon, a semicolon, "!" or "?", except in French, which spaces them.
_GAP_BEFORE_MARK = re.compile(r"(?<=[^\W_]) (?=[:;!?](?:\s|$))")
#: Spaces inside brackets around a link: "( PDF )", "(§ 315 BGB )".
_GAP_IN_BRACKETS = re.compile(r"\( ?([^()\s][^()]*?) ?\)")
_SPACED_MARKS = ("fr",)


def close_gaps(text: str, language: str | None = None) -> str:
    """``text`` without the spaces a scraper's dump leaves where inline markup ended.

    A dump made by joining an HTML page's text nodes with spaces writes "nach § 315 BGB )"
    and "Hernández , hacia" for a link followed by punctuation; the article wrote neither.
    French sets a space before ":", ";", "!" and "?", which stays.
    """
    if " " not in text:
        return text
    text = _GAP_BEFORE_STOP.sub("", _GAP_IN_BRACKETS.sub(r"(\1)", text))
    if (language or "").split("-")[0] not in _SPACED_MARKS:
        text = _GAP_BEFORE_MARK.sub("", text)
    return text


def split_lines(text: str) -> list[Line]:
    # Lines end at \n, \r\n or \r only: str.splitlines() would also split at form feeds and
    # Unicode separators inside a paragraph, and the line numbers would disagree with editors.
    cjk = CJK.search(text) is not None
    # A soft hyphen only says where a word may be broken, and shows nowhere else: left in,
    # "Mes\u00adsen\u00adger" is no word that search, the rules or the reuse finder know.
    text = text.replace(SOFT_HYPHEN, "")
    lines = []
    for lineno, raw in enumerate(_NEWLINE.split(text), 1):
        words = raw.split()
        if words and (line := " ".join(words)).strip(INVISIBLE + " "):
            size, count = len(line), len(words)
            if cjk:
                size += (CJK_WEIGHT - 1) * count_chars(CJK, line)
                # Chinese and Japanese write no spaces: a line's words are counted from its
                # characters, so that a paragraph is not taken for a one-word label.
                count = max(count, word_count(line))
            lines.append(Line(lineno, raw.strip(), line, count, size))
    return lines
