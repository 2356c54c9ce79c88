"""Signature throughput: the shingling floor, archiver's numpy signatures, datasketch one by one.

News-like pages (bench/newslike.py), one core. The floor and archiver's signatures are
timed in alternation, run after run, so both see the same machine; the figures are medians
over the runs, and the ratio is the median of the runs' ratios.

The floor is what any signature must do before hashing anything: find the words (the same
``WORD`` pattern, one ``findall`` over the casefolded text) and build the set of word 5-gram
shingles, as the space-joined strings a datasketch user would feed to ``update``. For
reference the bench also times the same shingles kept as tuples of words (no string built per
shingle), a stricter floor.

    python bench/signatures.py [--docs 300] [--runs 9]
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
import newslike  # noqa: E402

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

    return [
        "\n\n".join(newslike.body(newslike.story(i), random.Random(7 + i), words))
        for i in range(count)
    ]


def floor(text: str) -> int:
    """Tokenise and build the word 5-gram shingles as strings: the least any signature costs."""
    words = WORD.findall(text.casefold())
    k = DEFAULT.shingle
    return len({" ".join(words[i : i + k]) for i in range(len(words) - k + 1)})


def floor_tuples(text: str) -> int:
    """The same shingles as tuples of words: no string built per shingle."""
    words = WORD.findall(text.casefold())
    return len(set(zip(*(words[i:] for i in range(DEFAULT.shingle)), strict=False)))


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


def timings(funcs: dict[str, Callable[[str], int]], docs: list[str], runs: int) -> dict:
    """Seconds per run of each function over ``docs``, the functions alternating run by run
    (in turn forwards and backwards) after one warm-up pass each."""
    for func in funcs.values():
        for doc in docs:
            func(doc)
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for run in range(runs):
        order = list(funcs.items())
        for name, func in order if run % 2 == 0 else reversed(order):
            start = time.perf_counter()
            for doc in docs:
                func(doc)
            times[name].append(time.perf_counter() - start)
    return times


def rate(seconds: list[float], docs: int) -> float:
    return docs / statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    docs = make_docs(args.docs)
    print(newslike.stats_report(docs, list(range(len(docs))), label="these pages"))
    words = statistics.mean(len(WORD.findall(d)) for d in docs)
    passages = statistics.mean(len(split_passages(tokenize(d))) for d in docs)
    print(
        f"{len(docs)} docs of {words:.0f} words, {passages:.0f} passages each "
        f"(window {DEFAULT.window}/{DEFAULT.stride}), {DEFAULT.num_perm} perms, median of "
        f"{args.runs} alternating runs"
    )
    print("floor: WORD.findall(text.casefold()), then the set of space-joined word 5-gram strings")
    times = timings({"floor": floor, "tuples": floor_tuples, "ours": ours}, docs, args.runs)
    base, strict, mine = (rate(times[name], len(docs)) for name in ("floor", "tuples", "ours"))
    ratio = statistics.median(o / f for o, f in zip(times["ours"], times["floor"], strict=True))
    ratio_strict = statistics.median(
        o / f for o, f in zip(times["ours"], times["tuples"], strict=True)
    )
    few = docs[: max(10, len(docs) // 10)]
    batch = rate(timings({"bulk": bulk}, docs, max(1, args.runs // 3))["bulk"], len(docs))
    slow = rate(timings({"slow": one_at_a_time}, few, max(1, args.runs // 3))["slow"], len(few))
    print(f"tokenise + shingle (floor)        {base:9.0f} docs/s")
    print(f"  the same, shingles as tuples    {strict:9.0f} docs/s")
    print(
        f"archiver signatures (numpy pass)  {mine:9.0f} docs/s   ours/floor {ratio:.2f}x "
        f"(target <= 2x; {ratio_strict:.2f}x the tuple floor)"
    )
    print(f"datasketch update_batch/passage   {batch:9.0f} docs/s   ours/this {mine / batch:.1f}x")
    print(f"datasketch update one at a time   {slow:9.0f} docs/s   ours/this {mine / slow:.1f}x")


if __name__ == "__main__":
    main()
