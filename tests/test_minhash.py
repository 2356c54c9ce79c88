"""MinHash signatures: agreement with datasketch, bytes, Jaccard estimate, LSH band keys."""

from __future__ import annotations

import random

import datasketch
import numpy as np

from archiver import minhash
from archiver.passages import (
    DEFAULT,
    Passage,
    ReuseSettings,
    common_set,
    shingle_hashes,
    split_passages,
    tokenize,
)

VOCAB = [f"word{i}" for i in range(400)]


def text(seed: int, words: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words))


def signed(body: str, settings: ReuseSettings = DEFAULT):
    tokens = tokenize(body)
    passages = split_passages(tokens, settings)
    return (
        shingle_hashes(tokens, settings.shingle),
        passages,
        minhash.sign(shingle_hashes(tokens, settings.shingle), passages, settings),
    )


def test_signatures_equal_datasketch_fed_the_same_shingles():
    shingles, passages, sigs = signed(text(1))
    assert sigs.shape == (len(passages), DEFAULT.num_perm) and sigs.dtype == np.uint32
    for passage, row in zip(passages, sigs, strict=False):
        m = datasketch.MinHash(
            num_perm=DEFAULT.num_perm, seed=1, hashfunc=minhash.datasketch_hashfunc
        )
        m.update_batch(
            (shingles[passage.word_start : passage.word_end - 4] & minhash.LOW32).tolist()
        )
        assert m.hashvalues.tolist() == row.tolist()


def test_many_documents_in_one_pass_equal_one_by_one():
    docs = [signed(text(s)) for s in (1, 2, 3)]
    together = minhash.sign_documents([(sh, ps) for sh, ps, _ in docs])
    assert together.tolist() == np.vstack([sig for _, _, sig in docs]).tolist()


def test_signatures_round_trip_through_little_endian_bytes():
    _, _, sigs = signed(text(2))
    data = minhash.to_bytes(sigs[0])
    assert len(data) == 4 * DEFAULT.num_perm
    assert data[:4] == int(sigs[0][0]).to_bytes(4, "little")
    assert minhash.from_bytes(data).tolist() == sigs[0].tolist()
    assert minhash.from_bytes(minhash.to_bytes(sigs)).tolist() == sigs.tolist()


def test_estimate_approximates_true_jaccard():
    settings = ReuseSettings(window=200, stride=100, num_perm=256, bands=64)
    a_words = text(3, 100).split()
    b_words = a_words[:60] + text(4, 40).split()
    sets = []
    sigs = []
    for words in (a_words, b_words):
        shingles, _passages, sig = signed(" ".join(words), settings)
        sets.append(set(shingles.tolist()))
        sigs.append(sig[0])
    true = len(sets[0] & sets[1]) / len(sets[0] | sets[1])
    assert abs(minhash.estimate_jaccard(*sigs) - true) < 0.1
    assert minhash.estimate_jaccard(sigs[0], sigs[0]) == 1.0


def test_band_keys_are_63_bit_and_shared_by_equal_passages():
    _, _, a = signed(text(5))
    _, _, b = signed(text(5) + " " + text(6))
    keys_a, keys_b = minhash.band_keys(a), minhash.band_keys(b)
    assert keys_a.shape == (len(a), DEFAULT.bands) and keys_a.dtype == np.int64
    assert (keys_a >= 0).all()
    assert keys_a[0].tolist() == keys_b[0].tolist()
    # Equal band values in different bands still give different keys.
    same = np.zeros((1, DEFAULT.num_perm), dtype=np.uint32)
    assert len(set(minhash.band_keys(same)[0].tolist())) == DEFAULT.bands


def test_ignored_shingles_do_not_count_and_empty_passages_are_flagged():
    shingles, passages, _ = signed(text(7, 20))
    sigs = minhash.sign(shingles, passages, ignore=common_set(shingles))
    assert minhash.is_empty(sigs).all()


def test_scheme_names_what_is_needed_to_reproduce():
    scheme = minhash.scheme()
    assert scheme["datasketch"] == datasketch.__version__
    assert (scheme["num_perm"], scheme["seed"], scheme["shingle"]) == (16, 1, 5)
    assert scheme["scheme"] == "affine32" and scheme["byte_format"] == "<u4"


def test_every_kind_of_passage_equals_datasketch():
    # Windows whose shingles are whole stride periods, periods plus a head, or less than one
    # period; tails moved back; short texts; passages out of order, repeated or made up; several
    # documents at once, with ignored shingles.
    rng = random.Random(9)
    for settings in (
        DEFAULT,
        ReuseSettings(window=20, stride=10),
        ReuseSettings(window=9, stride=4, shingle=5),
        ReuseSettings(window=7, stride=3, shingle=3),
        ReuseSettings(window=6, stride=6, shingle=2),
        ReuseSettings(window=6, stride=8, shingle=3),
    ):
        documents = []
        for words in (4, 5, 7, 23, 24, 25, 61, 130):
            tokens = tokenize(text(words, words))
            passages = split_passages(tokens, settings)
            if words == 61:
                passages = rng.sample(passages, len(passages)) + passages[:2]
                passages.append(Passage(len(passages), 3, 14, 0, 0))
            documents.append((shingle_hashes(tokens, settings.shingle), passages))
        everything = np.concatenate([shingles for shingles, _ in documents])
        ignore = common_set(everything[::3])
        for ignored in (None, ignore):
            sigs = minhash.sign_documents(documents, settings, ignored)
            skip = set() if ignored is None else set(ignored.tolist())
            rows = iter(sigs)
            for shingles, passages in documents:
                for p in passages:
                    hi = max(p.word_end - settings.shingle + 1, p.word_start)
                    kept = [int(h) for h in shingles[p.word_start : hi] if int(h) not in skip]
                    m = datasketch.MinHash(
                        num_perm=settings.num_perm, seed=1, hashfunc=minhash.datasketch_hashfunc
                    )
                    m.update_batch([h & 0xFFFFFFFF for h in kept])
                    assert next(rows).tolist() == m.hashvalues.tolist(), (settings, p)


def test_known_permutations_are_datasketchs_own():
    # Signing with the defaults uses permutations written in the code, not datasketch's
    # constructor: they must be exactly what datasketch builds.
    checked = 0
    for (version, num_perm, seed), (a, b) in minhash._KNOWN_PERMUTATIONS.items():
        if version != datasketch.__version__:
            continue
        built = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme=minhash.SCHEME)
        assert built.permutations[0].tolist() == list(a)
        assert built.permutations[1].tolist() == list(b)
        checked += 1
    assert checked >= 1, "no known permutations for the installed datasketch"
    a, b = minhash.permutations(DEFAULT.num_perm, DEFAULT.seed)
    assert a.dtype == b.dtype == np.uint32 and len(a) == DEFAULT.num_perm
