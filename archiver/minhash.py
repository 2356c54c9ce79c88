"""MinHash signatures of passages in one numpy pass, their LSH band keys, and their bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import version
from operator import attrgetter
from typing import Any

import numpy as np

from archiver.passages import (
    CHARS,
    CHARS_PER_WORD,
    DEFAULT,
    FOLD_MULTIPLIER,
    TOKEN_SEED,
    WORDS,
    Passage,
    ReuseSettings,
    fmix64,
    in_unit,
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
    """What produced a signature; store it beside the signatures and refuse to mix schemes.

    Signatures of texts read in characters (Chinese, Japanese) name their unit; those of
    words name none, so the scheme stored by archives made before characters existed is
    still this version's."""
    described = {
        "algorithm": "minhash",
        "datasketch": _datasketch_version(),
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
    if settings.unit != WORDS:
        described["tokens"] += "; each Han ideograph and kana one token"
        described["unit"] = settings.unit
        described["chars_per_word"] = CHARS_PER_WORD
    return described


def schemes(settings: ReuseSettings = DEFAULT) -> frozenset[str]:
    """Every scheme this version signs with: one per unit (:func:`scheme_json`)."""
    base = in_unit(settings, WORDS)
    return frozenset({scheme_json(base), scheme_json(in_unit(base, CHARS))})


@lru_cache(maxsize=8)
def scheme_json(settings: ReuseSettings = DEFAULT) -> str:
    """:func:`scheme` as stored in ``reuse_signatures.scheme`` (keys sorted), built once."""
    return json.dumps(scheme(settings), sort_keys=True)


@lru_cache(maxsize=1)
def _datasketch_version() -> str:
    # Read from the installed metadata: importing datasketch costs 0.4 s (it loads SciPy for
    # its LSH), which commands that sign nothing should not pay.
    return version("datasketch")


#: datasketch's permutations (``a``, ``b``; scheme affine32) for the default settings, as its
#: version named here builds them, so that signing with the defaults needs no datasketch
#: import. tests/test_minhash.py checks them against datasketch itself.
_KNOWN_PERMUTATIONS = {
    ("2.0.0", 16, 1): (
        (3582191691, 4270784983, 1892572953, 3715639441, 982527, 1100580627, 2597016983,
         4286725387, 1260623519, 2027988865, 793182497, 3406602499, 1599963033, 3332127887,
         2968344027, 1458107385),
        (1704103302, 4018109721, 2314200242, 3634877716, 1800426750, 1345499493, 2942995346,
         2252917204, 878115723, 1904615676, 3771485674, 986026652, 117628829, 2295290254,
         2879636018, 3925436996),
    ),
}  # fmt: skip


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own ``a`` and ``b`` parameters, built once (its constructor rebuilds them)."""
    known = _KNOWN_PERMUTATIONS.get((_datasketch_version(), num_perm, seed))
    if known is not None:
        return np.array(known[0], dtype=DTYPE), np.array(known[1], dtype=DTYPE)
    import datasketch

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


def _permuted(low: np.ndarray, settings: ReuseSettings) -> np.ndarray:
    """``a * fmix32(h) + b mod 2**32`` for every 32-bit shingle hash ``h`` and permutation:
    shape (len(low), num_perm), computed in uint32 so the wraparound is the modulo."""
    a, b = permutations(settings.num_perm, settings.seed)
    permuted = np.multiply.outer(_fmix32(low), a)
    return np.add(permuted, b, out=permuted)


def _layout(
    documents: Sequence[tuple[np.ndarray, Sequence[Passage]]], settings: ReuseSettings
) -> tuple[list[tuple[int, int, int]], np.ndarray, np.ndarray]:
    """Where each document's shingles go in one padded buffer, and each passage's rows.

    Each document starts on a multiple of ``stride`` rows and is followed by at least one
    window of padding (rows that will hold EMPTY), so a window starting on a multiple of
    ``stride`` is always whole stride periods plus a head of the next one, even when it is cut
    short by the end of its text. Returns each document's (start, shingles, padded size), the
    passages' absolute [lo, hi) shingle rows (P x 2), and which passages are such windows.
    """
    k, stride = settings.shingle, max(settings.stride, 1)
    span = max(settings.window - k + 1, 1)
    bounds = attrgetter("word_start", "word_end")
    placed, rows, regular, base = [], [], [], 0
    for shingles, passages in documents:
        n = len(shingles)
        size = -(-(n + span) // stride) * stride if n else 0
        placed.append((base, n, size))
        if passages:
            words = np.array(list(map(bounds, passages)), dtype=np.int64).reshape(-1, 2)
            lo = words[:, 0]
            hi = np.maximum(words[:, 1] - (k - 1), lo)
            length = hi - lo
            rows.append(np.stack((lo, hi), axis=1) + base)
            regular.append((lo % stride == 0) & ((length == span) | ((hi == n) & (length < span))))
        base += size
    if not rows:
        return placed, np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=bool)
    return placed, np.concatenate(rows), np.concatenate(regular)


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

    Every shingle is permuted once, however many passages share it. Windows start every
    ``stride`` words and hold ``span = window - shingle + 1`` shingles: ``q`` whole stride
    periods and a head of ``r`` rows of the next. So the permuted rows are folded once, with
    no per-passage work, into each period's minimum over its head rows and over the rest, and
    each window is the minimum of ``q`` period minima and one head minimum. The rows are
    permuted in (row within its period, period) order, which makes that fold a reduction over
    the outer axis (long inner loops). Any other passage (the last window, moved back to end
    at the end of its text) is folded directly from its rows.
    """
    num_perm, stride = settings.num_perm, max(settings.stride, 1)
    span = max(settings.window - settings.shingle + 1, 1)
    placed, rows, regular = _layout(documents, settings)
    size = sum(padded for _, _, padded in placed)
    if not len(rows) or not size:
        return np.full((len(rows), num_perm), EMPTY, dtype=DTYPE)
    low = np.zeros(size, dtype=DTYPE)
    dead = np.ones(size, dtype=bool)  # padding and ignored shingles: never a minimum
    for (base, n, _), (shingles, _) in zip(placed, documents, strict=True):
        low[base : base + n] = shingles & LOW32
        dead[base : base + n] = (
            is_member(shingles, ignore) if ignore is not None and len(ignore) else False
        )
    # Rows go in (row within its stride period, period) order: folding the periods' rows is
    # then a reduction over the outer axis of (stride, periods, num_perm), long inner loops.
    periods = size // stride
    with np.errstate(over="ignore"):
        permuted = _permuted(low.reshape(periods, stride).T.ravel(), settings)
    permuted[dead.reshape(periods, stride).T.ravel()] = EMPTY
    folded = permuted.reshape(stride, periods, num_perm)
    filled = rows[:, 1] > rows[:, 0]
    regular &= filled
    if regular.all():
        return _windows(folded, rows[:, 0] // stride, span)
    out = np.full((len(rows), num_perm), EMPTY, dtype=DTYPE)
    if regular.any():
        out[regular] = _windows(folded, rows[regular, 0] // stride, span)
    for i in np.flatnonzero(filled & ~regular).tolist():
        at = np.arange(rows[i, 0], rows[i, 1])
        out[i] = folded[at % stride, at // stride].min(axis=0)
    return out


def _windows(folded: np.ndarray, first: np.ndarray, span: int) -> np.ndarray:
    """Minima of the ``span`` rows from the start of period ``first[i]`` on, for each i, from
    ``folded`` of shape (stride, periods, num_perm), as :func:`sign_documents` describes."""
    q, r = divmod(span, len(folded))
    rest = np.minimum.reduce(folded[r:], axis=0)
    head = np.minimum.reduce(folded[:r], axis=0) if r else None
    whole = np.minimum(head, rest) if head is not None else rest
    # Consecutive periods (one text's windows, in order) are slices, not gathers.
    if (np.diff(first) == 1).all():
        at = int(first[0])
        parts = [whole[at + j : at + j + len(first)] for j in range(q)]
        if head is not None:
            parts.append(head[at + q : at + q + len(first)])
    else:
        parts = [whole[first + j] for j in range(q)]
        if head is not None:
            parts.append(head[first + q])
    out = parts[0].copy()
    for part in parts[1:]:
        np.minimum(out, part, out=out)
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
