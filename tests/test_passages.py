"""Words with offsets, passage windows and shingle hashes."""

from __future__ import annotations

import random

import numpy as np
import xxhash

from archiver.passages import (
    TOKEN_SEED,
    WORD,
    ReuseSettings,
    shingle_hashes,
    split_passages,
    tokenize,
)


def test_words_are_lowercased_without_punctuation_and_keep_offsets():
    text = "Harborton, the “Port” — don't; 2,300 workers at 6.5% Ça."
    tokens = tokenize(text)
    assert tokens.words == [
        "harborton",
        "the",
        "port",
        "don't",
        "2,300",
        "workers",
        "at",
        "6.5",
        "ça",
    ]
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends, strict=False)] == [
        "Harborton",
        "the",
        "Port",
        "don't",
        "2,300",
        "workers",
        "at",
        "6.5",
        "Ça",
    ]


def test_punctuation_and_case_do_not_change_shingles():
    first = shingle_hashes(tokenize("Harborton, the port of Harborton said."))
    second = shingle_hashes(tokenize("harborton the PORT of — harborton said"))
    assert first.tolist() == second.tolist()
    assert len(first) == 2


def test_shingles_are_order_sensitive():
    assert shingle_hashes(tokenize("a b c d e"))[0] != shingle_hashes(tokenize("e d c b a"))[0]


def test_windows_cover_the_text_with_overlap_and_char_ranges():
    text = " ".join(f"w{i}" for i in range(50))
    tokens = tokenize(text)
    passages = split_passages(tokens, ReuseSettings(window=20, stride=10))
    assert [(p.word_start, p.word_end) for p in passages] == [(0, 20), (10, 30), (20, 40), (30, 50)]
    assert text[passages[1].char_start : passages[1].char_end].split() == [
        f"w{i}" for i in range(10, 30)
    ]


def test_tail_window_is_moved_back_and_short_texts():
    tokens = tokenize(" ".join(f"w{i}" for i in range(45)))
    passages = split_passages(tokens, ReuseSettings(window=20, stride=10))
    assert [(p.word_start, p.word_end) for p in passages][-1] == (25, 45)
    assert [
        (p.word_start, p.word_end) for p in split_passages(tokenize("one two three four five six"))
    ] == [(0, 6)]
    assert split_passages(tokenize("too short")) == []


def _reference(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """What tokenize must equal: WORD's matches over the casefolded text (over the text itself,
    casefolding each word, when casefolding changes the length)."""
    lowered = text.casefold()
    if len(lowered) == len(text):
        matches = list(WORD.finditer(lowered))
        return [m.group() for m in matches], [m.span() for m in matches]
    matches = list(WORD.finditer(text))
    return [m.group().casefold() for m in matches], [m.span() for m in matches]


def test_tokenize_equals_the_word_pattern_on_any_text():
    rng = random.Random(4)
    pool = list("ab1_ '’.,;:-—\n\t\x00“”") + list("ßİΣσςﬁŉǅé́Ça٣中\u0301\u200b\U0001d7d8\ud800")
    texts = ["", " ", "...", "a", "don't'", "x'y'z", "a..b", "a'.b", "2,300.5,", "'quoted'"]
    texts += ["Straße in İstanbul", "ﬁnance", "A\x00B", "a\ud800b"]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        tokens = tokenize(text)
        words, spans = _reference(text)
        assert tokens.words == words, repr(text)
        assert list(zip(tokens.starts.tolist(), tokens.ends.tolist(), strict=True)) == spans
        assert tokens.starts.dtype == tokens.ends.dtype == np.int64
        assert tokens.hashes.dtype == np.uint64
        assert tokens.hashes.tolist() == [
            xxhash.xxh3_64_intdigest(w.encode("utf-8"), TOKEN_SEED) for w in words
        ]
