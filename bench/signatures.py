"""Signature throughput: the shingling floor, archiver's numpy signatures, datasketch one by one.

Synthetic news-like pages (bench/corpus.py), medians of several runs, one core.

    python bench/signatures.py [--docs 300] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))
import datasketch  # noqa: E402
from corpus import paragraph  # noqa: E402

from archiver import minhash  # noqa: E402
from archiver.passages import (  # noqa: E402
    DEFAULT,
    WORD,
    shingle_hashes,
    split_passages,
    tokenize,
)


def make_docs(count: int, words: int = 600) -> list[str]:
    import random

    rng = random.Random(7)
    return ["\n\n".join(paragraph(rng, words // 8) for _ in range(8)) for _ in range(count)]


def floor(text: str) -> int:
    """Tokenise and build the word 5-gram shingles as strings: the least any signature costs."""
    words = [w.casefold() for w in WORD.findall(text)]
    k = DEFAULT.shingle
    return len({" ".join(words[i : i + k]) for i in range(len(words) - k + 1)})


def ours(text: str) -> int:
    tokens = tokenize(text)
    passages = split_passages(tokens)
    return len(minhash.sign(shingle_hashes(tokens), passages))


_PERMS = datasketch.MinHash(num_perm=DEFAULT.num_perm, seed=DEFAULT.seed).permutations


def one_at_a_time(text: str) -> int:
    """datasketch fed one shingle per ``update``, one MinHash per passage (permutations reused
    through ``permutations=``, so the constructor cost is not what is measured)."""
    tokens = tokenize(text)
    shingles = (shingle_hashes(tokens) & minhash.LOW32).tolist()
    k = DEFAULT.shingle
    for p in split_passages(tokens):
        m = datasketch.MinHash(
            num_perm=DEFAULT.num_perm,
            hashfunc=minhash.datasketch_hashfunc,
            permutations=_PERMS,
            scheme=minhash.SCHEME,
        )
        for h in shingles[p.word_start : p.word_end - k + 1]:
            m.update(h)
    return len(shingles)


def bulk(text: str) -> int:
    """datasketch's update_batch per passage: vectorised within a passage only."""
    tokens = tokenize(text)
    shingles = (shingle_hashes(tokens) & minhash.LOW32).tolist()
    k = DEFAULT.shingle
    for p in split_passages(tokens):
        m = datasketch.MinHash(
            num_perm=DEFAULT.num_perm,
            hashfunc=minhash.datasketch_hashfunc,
            permutations=_PERMS,
            scheme=minhash.SCHEME,
        )
        m.update_batch(shingles[p.word_start : p.word_end - k + 1])
    return len(shingles)


def rate(func: Callable[[str], int], docs: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for doc in docs:
            func(doc)
        times.append(time.perf_counter() - start)
    return len(docs) / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    docs = make_docs(args.docs)
    words = statistics.mean(len(WORD.findall(d)) for d in docs)
    passages = statistics.mean(len(split_passages(tokenize(d))) for d in docs)
    print(
        f"{len(docs)} docs of {words:.0f} words, {passages:.0f} passages each "
        f"(window {DEFAULT.window}/{DEFAULT.stride}), {DEFAULT.num_perm} perms, median of "
        f"{args.runs} runs"
    )
    base = rate(floor, docs, args.runs)
    mine = rate(ours, docs, args.runs)
    batch = rate(bulk, docs, max(1, args.runs // 2))
    slow = rate(one_at_a_time, docs[: max(10, len(docs) // 10)], max(1, args.runs // 2))
    print(f"tokenise + shingle (floor)        {base:9.0f} docs/s")
    print(f"archiver signatures (numpy pass)  {mine:9.0f} docs/s   floor/ours {base / mine:.2f}x")
    print(f"datasketch update_batch/passage   {batch:9.0f} docs/s   ours/this {mine / batch:.1f}x")
    print(f"datasketch update one at a time   {slow:9.0f} docs/s   ours/this {mine / slow:.1f}x")


if __name__ == "__main__":
    main()
