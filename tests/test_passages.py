"""Words with offsets, passage windows and shingle hashes."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
import xxhash

from archiver.passages import (
    _CJK,
    CHARS,
    CHARS_PER_WORD,
    DEFAULT,
    REMEMBERED_CHARS,
    REMEMBERED_TOTAL,
    TOKEN_SEED,
    WORD,
    WORDS,
    ReuseSettings,
    in_unit,
    shingle_hashes,
    split_passages,
    tokenize,
    unit_of,
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
        tokens = tokenize(text, WORDS)
        words, spans = _reference(text)
        assert tokens.words == words, repr(text)
        assert list(zip(tokens.starts.tolist(), tokens.ends.tolist(), strict=True)) == spans
        assert tokens.starts.dtype == tokens.ends.dtype == np.int64
        assert tokens.hashes.dtype == np.uint64
        assert tokens.hashes.tolist() == [
            xxhash.xxh3_64_intdigest(w.encode("utf-8"), TOKEN_SEED) for w in words
        ]


#: What tokenize must equal in characters: each Han ideograph or kana that is a word
#: character alone, other word characters as WORD matches them.
_IDEOGRAPHS = _CJK.pattern[1:-1]
_CHAR_WORD = re.compile(rf"(?=\w)[{_IDEOGRAPHS}]|[^\W{_IDEOGRAPHS}]+(?:['’.,][^\W{_IDEOGRAPHS}]+)*")


def test_tokenize_in_characters_equals_its_pattern_on_any_text():
    rng = random.Random(5)
    pool = list("ab1_ '’.,;:-\n“”。，、") + list("ßﬁŉé中港口の・ー々ｱ\u0301\U00020000\ud800")
    texts = ["", "中", "港口工人", "罢工, 2,300 名工人", "a中b", "中'国", "ﬁ中"]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        tokens = tokenize(text, CHARS)
        lowered = text.casefold()
        source = lowered if len(lowered) == len(text) else text
        matches = list(_CHAR_WORD.finditer(source))
        assert tokens.words == [m.group().casefold() for m in matches], repr(text)
        assert list(zip(tokens.starts.tolist(), tokens.ends.tolist(), strict=True)) == [
            m.span() for m in matches
        ]
        assert tokens.unit == CHARS


def test_the_unit_follows_the_script_of_the_text():
    chinese = "哈伯顿港的码头工人周三开始罢工，抗议自动化计划。"
    assert unit_of(chinese) == CHARS
    assert unit_of("東京の港湾労働者は水曜日にストライキを始めた。") == CHARS
    # A few Latin words and figures in a Chinese article: still Chinese.
    assert unit_of("据 Reuters 报道，MPA 称 2,300 名码头工人参加了罢工。") == CHARS
    # An English article quoting a Chinese name, and a Korean one (written with spaces): words.
    english = "Dockworkers at the Port of Harborton walked out, said 李明 of the union. " * 3
    assert unit_of(english) == WORDS
    assert unit_of("부산항 노동자들이 수요일 파업에 들어갔다") == WORDS
    assert tokenize(english).words == tokenize(english, WORDS).words
    assert tokenize(chinese).words[:4] == ["哈", "伯", "顿", "港"]


def test_character_settings_scale_every_count_of_words():
    chars = in_unit(DEFAULT, CHARS)
    assert chars.unit == CHARS and in_unit(chars, WORDS) == DEFAULT
    assert chars.shingle == DEFAULT.shingle * CHARS_PER_WORD
    assert chars.min_words == DEFAULT.min_words * CHARS_PER_WORD
    assert (chars.window, chars.stride) == (48, 24)
    # Shares and counts of articles or permutations are the same in both units.
    assert (chars.num_perm, chars.bands, chars.recurrence) == (16, 8, 3)
    assert chars.candidate_similarity == DEFAULT.candidate_similarity


def test_texts_tokenised_again_are_remembered_read_only_and_unchanged():
    text = "Harborton's ferry fares rise again, the council said on Monday."
    first = tokenize(text)
    assert tokenize(text) is first  # remembered
    assert tokenize(text, WORDS) is first  # the text's own unit, named
    assert first.words == [m.group().casefold() for m in WORD.finditer(text)]
    with pytest.raises(ValueError):
        first.starts[0] = 5  # shared: nobody may change it
    chars = tokenize("港口工人罢工", CHARS)
    assert chars is not tokenize("港口工人罢工", WORDS)  # another unit, other tokens
    long = "harborton " * (REMEMBERED_CHARS // 10 + 1)
    assert tokenize(long) is not tokenize(long)  # a very long text is not kept
    assert tokenize(long).words == tokenize(long).words


def test_remembered_texts_are_bounded_by_their_length_in_all():
    from archiver import passages

    text = "ferry " * (REMEMBERED_CHARS // 6)  # as long as a remembered text may be
    for i in range(2 * REMEMBERED_TOTAL // len(text)):
        tokenize(f"{i} {text}")
    assert passages._remembered_chars <= REMEMBERED_TOTAL
    assert sum(len(t) for t, _ in passages._remembered) == passages._remembered_chars
    assert (f"0 {text}", WORDS) not in passages._remembered  # the least recent went first
    assert (f"{i} {text}", WORDS) in passages._remembered


def test_a_long_text_read_a_slice_at_a_time_gives_the_tokens_of_one_reading(monkeypatch):
    """A long page's words, offsets and hashes are read into Python a slice at a time (to bound
    memory): the tokens are those of reading it whole, at a slice's edge too."""
    from archiver import passages

    rng = random.Random(11)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 500)] + list("，。 ab1")
    latin = ["bridge", "Harbor", "’s", "2,300", "Straße", ",", ".", "ﬁre"]
    texts = {
        CHARS: "".join(rng.choice(han) for _ in range(5_000)),
        WORDS: " ".join(rng.choice(latin) for _ in range(3_000)),
    }
    for unit, text in texts.items():
        monkeypatch.setattr(passages, "_OFFSETS_AT_ONCE", 1 << 30)
        whole = passages._tokenize(text, unit)
        monkeypatch.setattr(passages, "_OFFSETS_AT_ONCE", 7)
        sliced = passages._tokenize(text, unit)
        assert len(whole) > 100
        assert sliced.words == whole.words
        assert np.array_equal(sliced.starts, whole.starts)
        assert np.array_equal(sliced.ends, whole.ends)
        assert np.array_equal(sliced.hashes, whole.hashes)
