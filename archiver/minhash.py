"""MinHash signatures of passages in one numpy pass, their LSH band keys, and their bytes."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import datasketch
import numpy as np

from archiver.passages import (
    DEFAULT,
    FOLD_MULTIPLIER,
    TOKEN_SEED,
    Passage,
    ReuseSettings,
    fmix64,
    is_member,
)

# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------

#: datasketch's permutation scheme: a 32-bit input hash, pre-mixed with MurmurHash3's fmix32,
#: then ``a * h + b mod 2**32``. 32-bit values halve the stored bytes of the 64-bit scheme, and
#: passages hold tens of shingles, far below the sizes where 32 bits saturate.
SCHEME = "affine32"
DTYPE = np.uint32
#: Stored byte order of signatures: explicit little-endian, like ``LeanMinHash.serialize("<")``.
BYTE_FORMAT = "<u4"
EMPTY = np.uint32(0xFFFFFFFF)  # datasketch's initial value: a passage that saw no shingle
LOW32 = np.uint64(0xFFFFFFFF)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
# Mixed into every band key so equal values in different bands never share a key.
_BAND_SALT = np.uint64(0x5BD1E9955BD1E995)


# ---------------------------------------------------------------------------------------------
# Scheme
# ---------------------------------------------------------------------------------------------


def scheme(settings: ReuseSettings = DEFAULT) -> dict[str, Any]:
    """What produced a signature; store it beside the signatures and refuse to mix schemes."""
    return {
        "algorithm": "minhash",
        "datasketch": datasketch.__version__,
        "scheme": SCHEME,
        "num_perm": settings.num_perm,
        "seed": settings.seed,
        "hash": f"low 32 bits of fmix64(fold of xxh3_64(word, seed={TOKEN_SEED}), "
        f"multiplier={int(FOLD_MULTIPLIER):#x})",
        "tokens": "casefolded \\w+ words, inner ' . , kept",
        "shingle": settings.shingle,
        "window": settings.window,
        "stride": settings.stride,
        "bands": settings.bands,
        "rows": settings.rows,
        "byte_format": BYTE_FORMAT,
    }


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own ``a`` and ``b`` parameters, built once (its constructor rebuilds them)."""
    a, b = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return a.astype(DTYPE), b.astype(DTYPE)


def datasketch_hashfunc(value: int) -> int:
    """The ``hashfunc`` that makes ``datasketch.MinHash`` agree with :func:`sign`: it is fed
    the low 32 bits of each shingle hash, already hashed."""
    return value


# ---------------------------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------------------------


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s1)


def _permuted(shingles: np.ndarray, settings: ReuseSettings) -> np.ndarray:
    a, b = permutations(settings.num_perm, settings.seed)
    low = (shingles & LOW32).astype(DTYPE)
    with np.errstate(over="ignore"):
        return _fmix32(low)[:, None] * a[None, :] + b[None, :]


def sign_documents(
    documents: Sequence[tuple[np.ndarray, Sequence[Passage]]],
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
) -> np.ndarray:
    """Signatures of every passage of several documents at once, in order.

    ``documents`` holds each text's shingle hashes (:func:`passages.shingle_hashes`) and its
    passages. The result has one uint32 row of ``num_perm`` values per passage, equal to what
    ``datasketch.MinHash(num_perm, seed, hashfunc=datasketch_hashfunc)`` gives after
    ``update_batch`` of the passage's shingles (low 32 bits). ``ignore`` is a sorted array
    (:func:`passages.common_set`) of shingle hashes that must not count (common across the
    archive, from removed lines).

    Every shingle is permuted once, however many passages share it; each passage's minimum is
    then the minimum of the few blocks between passage boundaries.
    """
    k = settings.shingle
    arrays, bounds, ranges, offset = [], [], [], 0
    for shingles, passages in documents:
        arrays.append(shingles)
        for p in passages:
            lo, hi = offset + p.word_start, offset + max(p.word_end - k + 1, p.word_start)
            ranges.append((lo, hi))
            bounds.extend((lo, hi))
        offset += len(shingles)
    out = np.full((len(ranges), settings.num_perm), EMPTY, dtype=DTYPE)
    if not ranges or offset == 0:
        return out
    everything = np.concatenate(arrays)
    permuted = _permuted(everything, settings)
    if ignore is not None and len(ignore):
        permuted[is_member(everything, ignore)] = EMPTY
    cuts = np.unique(np.array([*bounds, offset], dtype=np.int64))
    cuts = cuts[cuts < offset]
    blocks = np.minimum.reduceat(permuted, cuts, axis=0)
    # Block i covers [cuts[i], cuts[i+1]): a passage [lo, hi) is blocks first..last.
    first = np.searchsorted(cuts, [lo for lo, _ in ranges])
    last = np.searchsorted(cuts, [hi for _, hi in ranges])
    filled = np.array([hi > lo for lo, hi in ranges])
    # Passages span a few blocks each: fold block by block for all passages at once.
    out[filled] = blocks[first[filled]]
    for step in range(1, int((last - first).max(initial=1))):
        more = filled & (first + step < last)
        out[more] = np.minimum(out[more], blocks[first[more] + step])
    return out


def sign(
    shingles: np.ndarray,
    passages: Sequence[Passage],
    settings: ReuseSettings = DEFAULT,
    ignore: np.ndarray | None = None,
) -> np.ndarray:
    """Signatures of the passages of one text: shape (len(passages), num_perm), uint32."""
    return sign_documents([(shingles, passages)], settings, ignore)


def is_empty(signatures: np.ndarray) -> np.ndarray:
    """True for each signature that saw no shingle: it must not be indexed."""
    return np.all(np.atleast_2d(signatures) == EMPTY, axis=1)


def estimate_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    """The share of equal values: the MinHash estimate of the two passages' Jaccard."""
    if first.shape != second.shape:
        raise ValueError("signatures of different lengths cannot be compared")
    return float(np.count_nonzero(first == second)) / first.shape[-1]


# ---------------------------------------------------------------------------------------------
# LSH band keys
# ---------------------------------------------------------------------------------------------


def band_keys(signatures: np.ndarray, settings: ReuseSettings = DEFAULT) -> np.ndarray:
    """One key per band per signature: shape (n, bands), int64, each in [0, 2**63).

    Two passages are LSH candidates when they share any key; the band index is mixed in, so a
    plain ``lsh_bands(key INTEGER, passage_id INTEGER)`` table with an index on ``key`` answers
    the query. Keys fit SQLite's signed 64-bit INTEGER.
    """
    if settings.bands * settings.rows != settings.num_perm:
        raise ValueError("bands x rows must equal num_perm")
    sigs = np.atleast_2d(signatures)
    values = sigs.reshape(len(sigs), settings.bands, settings.rows).astype(np.uint64)
    band = np.arange(settings.bands, dtype=np.uint64)
    with np.errstate(over="ignore"):
        keys = np.broadcast_to(fmix64(band ^ _BAND_SALT), values.shape[:2]).copy()
        for j in range(settings.rows):
            keys = (keys * FOLD_MULTIPLIER) ^ values[:, :, j]
        return (fmix64(keys) >> np.uint64(1)).astype(np.int64)


# ---------------------------------------------------------------------------------------------
# Bytes
# ---------------------------------------------------------------------------------------------


def to_bytes(signature: np.ndarray) -> bytes:
    """A signature (or a stack of them) as little-endian uint32 bytes."""
    return np.ascontiguousarray(signature, dtype=BYTE_FORMAT).tobytes()


def from_bytes(data: bytes, num_perm: int = DEFAULT.num_perm) -> np.ndarray:
    """The signature(s) stored by :func:`to_bytes`: 1-D for one, (n, num_perm) for several."""
    if len(data) % (4 * num_perm):
        raise ValueError(f"{len(data)} bytes is not a whole number of {num_perm}-value signatures")
    values = np.frombuffer(data, dtype=BYTE_FORMAT).astype(DTYPE)
    return values if len(values) == num_perm else values.reshape(-1, num_perm)
