"""Words with offsets, passage windows and shingle hashes."""

from __future__ import annotations

from archiver.passages import ReuseSettings, shingle_hashes, split_passages, tokenize


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
