"""Words with their character offsets, passages of words, and hashed word n-gram shingles.

Text in a script written without spaces between words (Chinese, Japanese) is read in
characters instead: each ideograph or kana is one token, and every setting that counts words
counts :data:`CHARS_PER_WORD` times as many characters (:func:`in_unit`). The unit is chosen
per text (:func:`unit_of`), so English and every other space-delimited text is tokenised,
shingled and signed exactly as before.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import itemgetter

import numpy as np
import xxhash

# ---------------------------------------------------------------------------------------------
# Tunables and patterns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReuseSettings:
    """Knobs of reuse detection, defaults in one place (see bench/reuse_quality.py for why)."""

    #: Words per shingle. 5 keeps common phrases ("said on Wednesday that") from matching.
    shingle: int = 5
    #: Passage windows: ``window`` words every ``stride`` words. Stride = window / 2 puts every
    #: word in two windows, which is what lets a 40-word paragraph be found wherever it sits.
    #: Measured (bench/reuse_quality.py, 1000 articles): recall 0.983 at 40/20, 0.991 at
    #: 30/15, 0.998 at 24/12, for 31, 42 and 53 passages per article.
    window: int = 24
    stride: int = 12
    #: MinHash permutations and their seed (datasketch's own a/b parameters, scheme affine32).
    num_perm: int = 16
    seed: int = 1
    #: LSH: ``bands`` x ``rows`` must equal ``num_perm``. Each band is a row of the archive's
    #: index for every passage, and each row costs a page write when an article is added, so
    #: bands are few. 8 x 2 finds a window pair with Jaccard 0.5 (windows half overlapping) at
    #: 0.90 and 0.3 at 0.53; unverified candidates cost one alignment each. Measured against
    #: 32 x 4 (128 perms) through a real archive (bench/reuse_archive.py, 400 and 2,000
    #: articles): recall 0.957 and 0.954 (32 x 4: 0.954, 0.953), precision 1.0 for both, and
    #: 12-14 ms an article instead of 21-26; among the 181 unrelated AEB pages, 24 candidate
    #: pairs instead of 22.
    bands: int = 8
    rows: int = 2
    #: A candidate from the index is aligned only when one of its passages is estimated this
    #: alike to one of the new text's (the share of equal MinHash values of two windows that
    #: collided in a band: windows sharing only a stock phrase score about 0.25, windows of
    #: one copied paragraph 0.6 and more), or when two or more of the new text's windows
    #: collide with it (a statement quoted in pieces: each piece alone looks like a phrase).
    candidate_similarity: float = 0.4
    #: Alignment: the shortest shared span reported, in words (bylines and quotes are shorter).
    min_words: int = 25
    #: Alignment seeds: runs of at least this many identical words.
    seed_words: int = 4
    #: A span must hold one identical run this long: stock phrases scattered near each other
    #: never add up to a passage.
    anchor_words: int = 8
    #: Largest gap (words, on either side) bridged when merging runs across small edits.
    max_gap: int = 12
    #: Largest shift of the diagonal bridged between two runs (inserted or reordered words).
    max_shift: int = 8
    #: A seed n-gram this frequent in one text is boilerplate-like repetition, not evidence.
    max_seed_repeats: int = 8
    #: A statement quoted in pieces: runs of ``fragment_words`` identical words or more that do
    #: not chain into one span (narration between them, the pieces in another order) still
    #: make a passage when there are ``fragment_count`` pieces (passages shorter than twice
    #: ``min_words`` among them) with ``fragment_total`` words. Measured on the 181 AEB pages:
    #: the BBC and Fox News quoting one statement share five such runs (79 words); no two
    #: unrelated pages share more than one run of 10 words; three short facts (40 words) two
    #: reports of one story both give are not a passage.
    fragment_words: int = 10
    fragment_count: int = 3
    fragment_total: int = 50
    #: Boilerplate learned from the archive (boilerplate.py). A shared span is boilerplate, not
    #: reuse, only when it is verbatim and both articles keep ``rest_share`` of their words
    #: outside it, and either it stands at the head or tail of both pages of one site
    #: (at most ``edge_words`` words, or ``edge_share`` of the article, beyond it) or it
    #: recurs in ``recurrence`` articles, of any sites, wherever it stands; and the articles
    #: that hold it tell different stories.
    edge_words: int = 30
    edge_share: float = 0.1
    #: ... or, for two pages of one known outlet, within their first or last third.
    outer_share: float = 0.34
    rest_share: float = 0.5
    #: A span is verbatim when this share of its words (on the longer side) is identical.
    verbatim_share: float = 0.95
    recurrence: int = 3
    #: Two articles tell the same story when their titles share ``title_share`` of the shorter
    #: one's content words (``title_words`` at least; the outlets' own names do not count), or
    #: the names (capitalised words inside sentences) in the text they do not share overlap by
    #: ``names_share`` (each holding ``names_least``). Measured on the 181 AEB pages: the
    #: same-story pairs of different outlets share 0.20-0.92 of their names, two pages of one
    #: site about different stories 0-0.39; titles share 0.57 for two posts about one show,
    #: under 0.25 for every pair of different stories. A block recurring across sites counts
    #: only between articles clearly unrelated: every measure under ``unrelated_share``.
    title_words: int = 2
    title_share: float = 0.4
    names_least: int = 3
    names_share: float = 0.4
    unrelated_share: float = 0.2
    #: A line with this share of its words (or of its shingles) in boilerplate is removed.
    line_share: float = 0.8
    #: ... counting the words between two stretches of known boilerplate up to this many:
    #: a name filled into a network's template (measured on its pages: gaps of 2-8 words).
    name_gap: int = 8
    #: A window with this share of its shingles learned to be boilerplate is neither indexed
    #: nor looked up: what is left of it is mostly the name a network fills into its
    #: template ("You have 1 free Tidewater Newspapers article left"), which would make every
    #: page of the network a candidate of every other (measured on the news-like corpus:
    #: 2,105 candidates an article for one network's paywall block at 10,000 articles).
    boilerplate_window: float = 0.3
    #: What every count above counts: ``"word"``, or ``"char"`` for a text in a script
    #: without word spaces (:func:`in_unit` makes those settings from these).
    unit: str = "word"


DEFAULT = ReuseSettings()

# ---------------------------------------------------------------------------------------------
# Units: words, or characters for scripts without word spaces
# ---------------------------------------------------------------------------------------------

#: The two units a text is read in.
WORDS, CHARS = "word", "char"
#: Characters that stand for one word of a space-delimited language, the one ratio every
#: word count is turned into characters with (shingles, windows, the shortest passage,
#: trace's shortest passage, a pair's ``shared_words``). Segmented Chinese news text has
#: 1.5-1.7 characters a word and Japanese a little more; 2 keeps every scaled setting whole
#: and errs on the side of longer passages (a 25-word passage is 50 characters).
CHARS_PER_WORD = 2
#: A text is read in characters when Han ideographs and kana make at least this share of its
#: letters and digits: a Chinese article quoting a few English names or words (or giving
#: figures in Arabic numerals) still is, an English article quoting a Chinese name is not.
CJK_SHARE = 0.3
#: Settings that count words (or shingles, windows, gaps, pieces measured in words); the
#: others are shares and counts of articles, the same in both units.
_WORD_COUNTS = (
    "shingle", "window", "stride", "min_words", "seed_words", "anchor_words", "max_gap",
    "max_shift", "fragment_words", "fragment_total", "edge_words", "name_gap",
)  # fmt: skip
#: Han ideographs (unified, extension A, compatibility, the supplementary planes' extensions),
#: the iteration marks 々 〆 〇, hiragana, katakana (with its phonetic extensions and the
#: half-width forms): code point ranges, inclusive.
_CJK_RANGES = (
    (0x3005, 0x3007), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF66, 0xFF9F), (0x20000, 0x323AF),
)  # fmt: skip
_CJK = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]")
#: A text read in characters is read up to this many characters: the 500,000 words an article
#: may hold (``Settings.max_words``) in characters. Only a page longer than any real article
#: is cut (the limits let in 4 million characters): its reuse is looked for in its first
#: million characters, in bounded memory, and its passages stay numbered in the reuse index.
CHARS_READ = 500_000 * CHARS_PER_WORD
#: Scaled settings -> the word settings they were made from.
_BASES: dict[ReuseSettings, ReuseSettings] = {}


def in_unit(settings: ReuseSettings, unit: str) -> ReuseSettings:
    """``settings`` for texts read in ``unit``: every count of words times
    :data:`CHARS_PER_WORD` for characters (shares and article counts unchanged)."""
    if settings.unit == unit:
        return settings
    if unit == CHARS and settings.unit == WORDS:
        scaled = replace(
            settings,
            unit=CHARS,
            **{name: getattr(settings, name) * CHARS_PER_WORD for name in _WORD_COUNTS},
        )
        _BASES[scaled] = settings
        return scaled
    if unit == WORDS and settings in _BASES:
        return _BASES[settings]
    raise ValueError(f"no {unit} settings can be made from {settings.unit} settings")


def words_equivalent(count: int, unit: str) -> int:
    """A count of tokens as words: characters / :data:`CHARS_PER_WORD`, rounded up."""
    return count if unit == WORDS else -(-count // CHARS_PER_WORD)


def _cjk_mask(codes: np.ndarray) -> np.ndarray:
    """Which code points are Han ideographs or kana (:data:`_CJK_RANGES`)."""
    mask = np.zeros(len(codes), dtype=bool)
    for lo, hi in _CJK_RANGES:
        mask |= (codes >= lo) & (codes <= hi)
    return mask


def unit_of(text: str) -> str:
    """The unit ``text`` is read in: :data:`CHARS` when Han ideographs and kana make
    :data:`CJK_SHARE` of its letters and digits, else :data:`WORDS`. Text with no such
    character is known to be words at the cost of one scan."""
    if text.isascii() or _CJK.search(text) is None:
        return WORDS
    cjk = letters = 0
    for start, end in _pieces(text):
        codes = _codes(text[start:end])
        cjk += int(_cjk_mask(codes).sum())
        letters += int((_char_classes(codes) == 1).sum())
    return CHARS if letters and cjk >= CJK_SHARE * letters else WORDS


#: A word: letters or digits in any script, keeping inner apostrophes and inner number
#: punctuation together ("don't", "2,300", "6.5"), so punctuation around words never matters.
WORD = re.compile(r"\w+(?:['’.,]\w+)*")
#: What :func:`tokenize` computes WORD's matches from: the ``\w`` class and the joiners that
#: may sit inside a word, and a table of each code point's class (0 other, 1 word, 2 joiner),
#: filled in as code points are first seen.
_WORD_CHAR = re.compile(r"\w")
_JOINERS = "'’.,"
_UNKNOWN = 255
_CLASSES = np.full(sys.maxunicode + 1, _UNKNOWN, dtype=np.uint8)

#: Seeds of the 64-bit word-token hash and of the shingle fold (fixed: they are part of the
#: stored scheme, changing them invalidates every stored signature).
TOKEN_SEED = 0
FOLD_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))

# Token hashes repeat across articles (news vocabulary is small), so they are cached; the cache
# is cleared when it grows past this many entries to bound memory.
_CACHE_LIMIT = 500_000
#: How many words are read into Python objects at once (their offsets, their hashes): a
#: million at once would take a hundred megabytes while they are read.
_OFFSETS_AT_ONCE = 1 << 16
_token_cache: dict[str, bytes] = {}


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass
class Tokens:
    """The words of one clean text: lowercased forms, character offsets and 64-bit hashes.
    In :data:`CHARS` unit each Han ideograph or kana is a word of its own."""

    words: list[str]
    starts: np.ndarray  # int64, offset of each word's first character
    ends: np.ndarray  # int64, offset just past each word's last character
    hashes: np.ndarray  # uint64, xxh3_64 of each lowercased word
    unit: str = WORDS

    def __len__(self) -> int:
        return len(self.words)


@dataclass(slots=True)
class Passage:
    """A run of words of one text: word range [word_start, word_end) and its character range."""

    index: int
    word_start: int
    word_end: int
    char_start: int
    char_end: int

    @property
    def words(self) -> int:
        return self.word_end - self.word_start


# ---------------------------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------------------------


def _token_hash(word: str) -> bytes:
    """xxh3_64 of the word's UTF-8 as 8 little-endian bytes, cached: bytes join in C."""
    value = _token_cache.get(word)
    if value is None:
        if len(_token_cache) >= _CACHE_LIMIT:
            _token_cache.clear()
        digest = xxhash.xxh3_64_intdigest(word.encode("utf-8"), TOKEN_SEED)
        value = _token_cache[word] = digest.to_bytes(8, "little")
    return value


def _token_hashes(words: list[str]) -> np.ndarray:
    """xxh3_64 of each word: one C-level lookup of every word when all are cached. A long
    list is hashed a slice at a time: joining bytes costs 80 bytes a word while it runs."""
    if len(words) > _OFFSETS_AT_ONCE:
        return np.concatenate(
            [
                _token_hashes(words[lo : lo + _OFFSETS_AT_ONCE])
                for lo in range(0, len(words), _OFFSETS_AT_ONCE)
            ]
        )
    hashes: Iterable[bytes]
    try:
        hashes = itemgetter(*words)(_token_cache) if len(words) > 1 else map(_token_hash, words)
    except KeyError:
        hashes = map(_token_hash, words)
    return np.frombuffer(b"".join(hashes), dtype="<u8").astype(np.uint64)


def _char_classes(codes: np.ndarray) -> np.ndarray:
    """The class of each code point: 1 a word character (``\\w``), 2 a joiner (``' ’ . ,``),
    0 anything else. Classes come from a table filled in the first time a code point is seen,
    by asking ``re`` itself, so ``\\w`` means exactly what it means in :data:`WORD`."""
    classes = _CLASSES.take(codes)
    if (classes == _UNKNOWN).any():
        for code in np.unique(codes[classes == _UNKNOWN]).tolist():
            char = chr(code)
            _CLASSES[code] = 1 if _WORD_CHAR.match(char) else 2 if char in _JOINERS else 0
        classes = _CLASSES.take(codes)
    return classes


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _chars(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:func:`_words` in :data:`CHARS` unit: each Han ideograph or kana is a word of its own,
    other word characters make words as :data:`WORD` does (joiners join only those)."""
    codes = _codes(text)
    classes = _char_classes(codes)
    word = classes == 1
    cjk = word & _cjk_mask(codes)
    plain = word & ~cjk
    inside = np.zeros(len(codes) + 2, dtype=bool)
    inside[1:-1] = plain
    joins = classes[1:-1] == 2
    if joins.any():
        inside[2:-2] |= joins & plain[:-2] & plain[2:]
    edges = np.diff(inside.view(np.int8))
    singles = np.flatnonzero(cjk)
    starts = np.concatenate((np.flatnonzero(edges == 1), singles))
    ends = np.concatenate((np.flatnonzero(edges == -1), singles + 1))
    order = np.argsort(starts, kind="stable")
    starts, ends = starts[order].astype(np.int64), ends[order].astype(np.int64)
    # Ideographs repeat (a few thousand make a newspaper): one string object for each. The
    # offsets are read as Python ints a slice at a time: a million of them take 36 MB.
    seen: dict[str, str] = {}
    keep = seen.setdefault
    words: list[str] = []
    for lo in range(0, len(starts), _OFFSETS_AT_ONCE):
        hi = lo + _OFFSETS_AT_ONCE
        cuts = map(slice, starts[lo:hi].tolist(), ends[lo:hi].tolist())
        words.extend(keep(w, w) for w in map(text.__getitem__, cuts))
    return words, starts, ends


def _words(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The :data:`WORD` matches of ``text`` and their start and end offsets, without a regex.

    A word is a maximal run of word characters and of joiners that sit between two word
    characters: exactly what ``\\w+(?:['’.,]\\w+)*`` matches, computed over the text's code
    points as arrays. The words themselves come from one ``str.split`` of the text with every
    gap turned into a single NUL (never inside a word): no Python call per word.
    """
    codes = _codes(text)
    classes = _char_classes(codes)
    word = classes == 1
    inside = np.zeros(len(codes) + 2, dtype=bool)
    inside[1:-1] = word
    joins = classes[1:-1] == 2
    if joins.any():
        inside[2:-2] |= joins & word[:-2] & word[2:]
    edges = np.diff(inside.view(np.int8))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    # Keep the words' characters and the first character of each gap after a word, as NUL.
    within = inside[1:-1]
    kept = np.where(within, codes, 0)[within | (edges[:-1] == -1)]
    joined = kept.tobytes().decode("utf-32-le", "surrogatepass")
    words = joined.split("\0")[: len(starts)]
    return words, starts.astype(np.int64, copy=False), ends.astype(np.int64, copy=False)


#: Texts are tokenised in pieces of about this many characters, cut where no word can
#: continue: the arrays of one pass cost about 16 bytes a character.
TOKENIZE_CHUNK = 1 << 20
#: Where a piece may end: after a character that is neither a word character nor a joiner.
_CUT = re.compile(r"[^\w'’.,]")


#: Texts up to this long are remembered once tokenised (:func:`tokenize`), up to
#: ``REMEMBERED_TOTAL`` characters of them in all: about 20 bytes of tokens a character, so
#: about 40 MB at most, a few hundred news articles.
REMEMBERED_CHARS = 100_000
REMEMBERED_TOTAL = 2_000_000


def tokenize(text: str, unit: str | None = None) -> Tokens:
    """Split ``text`` into lowercased words with offsets: ``"Harborton,"`` gives ``harborton``.

    The last few texts tokenised are remembered: finding an article's reuse reads it and
    each candidate several times (signed, aligned with every candidate, judged, indexed), and
    an outlet's earlier articles are candidates again and again. The tokens returned may be
    shared, and their arrays are read-only.

    ``unit``: :data:`WORDS` or :data:`CHARS` (each Han ideograph or kana a word of its own;
    the first :data:`CHARS_READ` characters are read); by default the text's own
    (:func:`unit_of`).

    Equal to ``WORD.finditer`` over the casefolded text (over the text itself, casefolding each
    word, when casefolding moves characters, as "ß" -> "ss" does). A long text is read in
    pieces of about :data:`TOKENIZE_CHUNK` characters, each cut after a character no word
    holds, so that memory stays bounded; only a run of a million characters with no such
    character in it (no text has one) is cut where it stands.
    """
    unit = unit_of(text) if unit is None else unit
    if len(text) > REMEMBERED_CHARS:
        return _tokenize(text, unit)
    key = (text, unit)
    with _remembering:
        tokens = _remembered.get(key)
        if tokens is not None:
            _remembered.move_to_end(key)
            return tokens
    tokens = _tokenize(text, unit)
    for array in (tokens.starts, tokens.ends, tokens.hashes):
        array.flags.writeable = False
    global _remembered_chars
    with _remembering:
        if key not in _remembered:
            _remembered[key] = tokens
            _remembered_chars += len(text)
        while _remembered_chars > REMEMBERED_TOTAL:
            (old, _), _ = _remembered.popitem(last=False)
            _remembered_chars -= len(old)
    return tokens


#: The texts tokenised last, least recently used first, and their length in all.
_remembered: OrderedDict[tuple[str, str], Tokens] = OrderedDict()
_remembered_chars = 0
_remembering = threading.Lock()


def _tokenize(text: str, unit: str) -> Tokens:
    split = _chars if unit == CHARS else _words
    if unit == CHARS and len(text) > CHARS_READ:
        text = text[:CHARS_READ]
    pieces = []
    for start, end in _pieces(text):
        piece = text[start:end] if (start, end) != (0, len(text)) else text
        lowered = piece.casefold()
        if len(lowered) == len(piece):
            # Casefolding kept every character in place: one pass gives words and offsets.
            words, starts, ends = split(lowered)
        else:
            words, starts, ends = split(piece)
            words = [w.casefold() for w in words]
        pieces.append((words, starts + start, ends + start))
    if len(pieces) == 1:
        words, starts, ends = pieces[0]
    else:
        words = [w for piece in pieces for w in piece[0]]
        starts = np.concatenate([piece[1] for piece in pieces])
        ends = np.concatenate([piece[2] for piece in pieces])
    return Tokens(words, starts, ends, _token_hashes(words), unit)


def resolve(text: str | Tokens, settings: ReuseSettings = DEFAULT) -> tuple[Tokens, ReuseSettings]:
    """A text's tokens and the settings for their unit. A string is read in its own unit
    when ``settings`` are for words (the defaults), else in the settings' unit."""
    if isinstance(text, Tokens):
        tokens = text
    else:
        tokens = tokenize(text, None if settings.unit == WORDS else settings.unit)
    return tokens, in_unit(settings, tokens.unit)


def _pieces(text: str, size: int = TOKENIZE_CHUNK) -> list[tuple[int, int]]:
    """(start, end) of the pieces :func:`tokenize` reads; one piece for a short text."""
    out, start = [], 0
    while len(text) - start > size:
        cut = _CUT.search(text, start + size, start + 2 * size)
        end = cut.end() if cut is not None else start + size
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser, element-wise: spreads every input bit over the output."""
    shift, m1, m2 = _FMIX64
    values = values ^ (values >> shift)
    values = values * m1
    values = values ^ (values >> shift)
    values = values * m2
    return values ^ (values >> shift)


def shingle_hashes(tokens: Tokens, size: int = DEFAULT.shingle) -> np.ndarray:
    """64-bit hashes of every word ``size``-gram, in order: element i covers words i..i+size-1.

    Each n-gram is an order-sensitive fold of its words' xxh3_64 hashes finished by fmix64, in
    one numpy pass: hashing each joined n-gram string would cost a Python call per shingle.
    """
    hashes = tokens.hashes
    count = len(hashes) - size + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        folded = hashes[:count].copy()
        for j in range(1, size):
            folded = (folded * FOLD_MULTIPLIER) ^ hashes[j : j + count]
        return fmix64(folded)


def common_set(hashes: np.ndarray) -> np.ndarray:
    """Shingle hashes to ignore, as the sorted unique uint64 array :func:`is_member` needs."""
    return np.unique(np.asarray(hashes, dtype=np.uint64))


def is_member(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """``values`` found in the sorted array ``members`` (np.isin re-sorts both on every call)."""
    if not len(members) or not len(values):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(members, values), len(members) - 1)
    return members[at] == values


def split_passages(tokens: Tokens, settings: ReuseSettings = DEFAULT) -> list[Passage]:
    """Overlapping windows of ``settings.window`` words every ``settings.stride`` words.

    The last window is moved back to end at the last word, so the tail is covered in full; a
    text shorter than a window is one passage; a text shorter than a shingle has none.
    """
    total = len(tokens)
    if total < settings.shingle:
        return []
    window, stride = settings.window, settings.stride
    starts = list(range(0, max(total - window, 0) + 1, stride))
    if starts[-1] + window < total:
        starts.append(total - window)
    ends = [min(start + window, total) for start in starts]
    first = np.array(starts, dtype=np.intp)
    last = np.array(ends, dtype=np.intp) - 1
    return list(
        map(
            Passage,
            range(len(starts)),
            starts,
            ends,
            tokens.starts[first].tolist(),
            tokens.ends[last].tolist(),
        )
    )
