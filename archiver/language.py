"""The language of an article's text, and how to count its words whatever its script.

The detector is py3langid (langid.py's model, 97 languages, a few milliseconds a page). Its
model takes about a second to load, so it is loaded on the first article that needs it.
"""

from __future__ import annotations

import functools
import math
import re

from archiver.document import Field

#: How much text the detector reads: a page's first few thousand characters say its language.
SAMPLE_CHARS = 6000
#: Under this many letters the detector is guessing.
MIN_LETTERS = 20
#: Under this probability (among the languages the detector knows) the guess is not kept.
MIN_PROBABILITY = 0.5

# Han, kana and hangul: scripts written without spaces between words (hangul has spaces
# between phrases, but its phrases are short).
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: How many characters of an unspaced script make about one word of a spaced one.
CHARS_PER_WORD = 2

_LETTER = re.compile(r"[^\W\d_]")
#: What the detector should not read: addresses, e-mail addresses, handles, numbers.
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|@\w+|[\d_]+")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the language ``text`` is written in, or None when
    there is too little text to tell or the detector is unsure."""
    sample = _NOISE.sub(" ", text[:SAMPLE_CHARS])
    # A Chinese or Japanese character says about what two letters of a spaced script do.
    letters = count(_LETTER, sample)
    if letters + count(UNSPACED, sample) < MIN_LETTERS:
        return None
    if (by_script := _by_script(sample, letters)) is not None:
        return by_script
    code, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return None
    return code, float(probability)


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\uac00-\ud7af]")


def _by_script(sample: str, letters: int) -> tuple[str, float] | None:
    """Chinese, Japanese or Korean told by their scripts alone, without loading the model
    (about 120 MB at its peak): Han with kana is Japanese, Han alone Chinese, hangul Korean."""
    han, kana, hangul = count(_HAN, sample), count(_KANA, sample), count(_HANGUL, sample)
    if hangul * 2 > letters:
        return "ko", 0.9
    if (han + kana) * 2 <= letters:
        return None
    return ("ja", 0.9) if kana * 10 > han + kana else ("zh", 0.9)


def language_field(text: str) -> Field | None:
    """The detected language as a metadata field (source ``detector``)."""
    found = detect(text)
    if found is None:
        return None
    code, probability = found
    return Field(code, "detector", round(min(0.9, probability), 2))


def count(char_class: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` a one-character pattern matches, without making a
    string of each (ten million CJK characters would take 760 MB as a findall list)."""
    return len(text) - len(char_class.sub("", text))


def word_count(text: str) -> int:
    """About how many words ``text`` holds: its space-separated words, where a run of Chinese
    or Japanese characters counts one word for every ``CHARS_PER_WORD`` characters."""
    unspaced = count(UNSPACED, text)
    if not unspaced:
        return len(text.split())
    spaced = len(UNSPACED.sub(" ", text).split())
    return spaced + math.ceil(unspaced / CHARS_PER_WORD)
