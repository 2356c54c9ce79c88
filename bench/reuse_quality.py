"""Reuse detection quality and timings on the labelled corpus of bench/reuse_corpus.py.

Runs the pure pipeline in memory: passages -> MinHash signatures -> a dict from LSH band key to
passages (standing in for the SQL table lsh_bands) -> candidate articles -> alignment -> pairs.
Articles are added one by one and each is queried against the ones before it, like `add`.

    python bench/reuse_quality.py                       # 400 articles, defaults
    python bench/reuse_quality.py --articles 2000 --window 40 --stride 20
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))
from newslike import corpus_version  # noqa: E402
from reuse_corpus import build, shared_kinds  # noqa: E402

from archiver import minhash  # noqa: E402
from archiver.align import align  # noqa: E402
from archiver.passages import (  # noqa: E402
    ReuseSettings,
    common_set,
    shingle_hashes,
    split_passages,
    tokenize,
)

#: A shingle in more articles than this is template text (bios, disclaimers), not reuse. The
#: archive keeps these counts; here they are counted over the corpus first.
COMMON_DF = 12


def common_shingles(texts: list[str], settings: ReuseSettings, limit: int) -> np.ndarray:
    counts: Counter[int] = Counter()
    for text in texts:
        counts.update(set(shingle_hashes(tokenize(text), settings.shingle).tolist()))
    return common_set(np.array([h for h, n in counts.items() if n > limit], dtype=np.uint64))


def run(corpus: dict, settings: ReuseSettings, common_df: int) -> dict:
    articles = corpus["articles"]
    texts = [a["text"] for a in articles]
    ignore = common_shingles(texts, settings, common_df)
    index: dict[int, list[int]] = {}
    tokens = {}
    found: dict[tuple[int, int], list[list[int]]] = {}
    t_sign = t_query = t_align = 0.0
    aligned = passages_total = 0
    for art in articles:
        aid = art["id"]
        t0 = time.perf_counter()
        toks = tokenize(art["text"])
        passages = split_passages(toks, settings)
        sigs = minhash.sign(shingle_hashes(toks, settings.shingle), passages, settings, ignore)
        keys = minhash.band_keys(sigs, settings)[~minhash.is_empty(sigs)]
        t1 = time.perf_counter()
        candidates: set[int] = set()
        for key in set(keys.ravel().tolist()):
            candidates.update(index.get(key, ()))
        t2 = time.perf_counter()
        for other in sorted(candidates):
            result = align(tokens[other], toks, settings, ignore=ignore)
            aligned += 1
            if result:
                found[(other, aid)] = [s.offsets() for s in result.spans]
        t3 = time.perf_counter()
        for key in set(keys.ravel().tolist()):
            index.setdefault(key, []).append(aid)
        tokens[aid] = toks
        passages_total += len(passages)
        t_sign, t_query, t_align = t_sign + t1 - t0, t_query + t2 - t1, t_align + t3 - t2
    n = len(articles)
    return {
        "found": found,
        "ms_sign": 1e3 * t_sign / n,
        "ms_query": 1e3 * t_query / n,
        "ms_align": 1e3 * t_align / n,
        "ms_per_alignment": 1e3 * t_align / max(aligned, 1),
        "candidates_per_article": aligned / n,
        "passages_per_article": passages_total / n,
        "common_shingles": len(ignore),
    }


def score(corpus: dict, found: dict[tuple[int, int], list[list[int]]]) -> dict:
    truth = {(p["a"], p["b"]): p for p in corpus["pairs"]}
    long = {k for k, p in truth.items() if p["long"]}
    predicted = set(found)
    true_positive = predicted & long
    false_positive = predicted - set(truth)  # short true overlaps are neither right nor wrong
    errors, within = [], []
    for key in true_positive:
        for label in truth[key]["spans"]:
            best = max(found[key], key=lambda s: _overlap(s, label))
            if _overlap(best, label) <= 0:
                continue
            diffs = [abs(x - y) for x, y in zip(best, label, strict=True)]
            errors.append(statistics.mean(diffs))
            within.append(max(diffs) <= 10)
    return {
        "pairs_true": len(long),
        "pairs_found": len(predicted),
        "precision": len(true_positive) / max(len(true_positive) + len(false_positive), 1),
        "recall": len(true_positive) / max(len(long), 1),
        "missed": sorted(long - predicted)[:10],
        "false": sorted(false_positive)[:10],
        "missed_kinds": _by_kind(corpus, sorted(long - predicted), truth, "spans"),
        "false_kinds": _by_kind(corpus, sorted(false_positive), found),
        "span_error_chars": statistics.mean(errors) if errors else float("nan"),
        "spans_within_10": sum(within) / max(len(within), 1),
    }


def _by_kind(corpus: dict, pairs: list, spans: dict, key: str | None = None) -> dict:
    """Pairs grouped by what they share (reuse_corpus.shared_kinds) and whether their two
    articles have one outlet, two or none: {"network-comments; two outlets": [(a, b), ...]}."""
    articles = {a["id"]: a for a in corpus["articles"]}
    out: dict[str, list] = {}
    for a, b in pairs:
        found = spans[(a, b)][key] if key else spans[(a, b)]
        outlets = {articles[a]["outlet"], articles[b]["outlet"]}
        where = (
            "no outlet"
            if outlets == {None}
            else "one outlet"
            if len(outlets) == 1
            else "an outlet and none"
            if None in outlets
            else "two outlets"
        )
        label = f"{shared_kinds(corpus, a, b, found)}; {where}"
        out.setdefault(label, []).append((a, b))
    return out


def _overlap(x: list[int], y: list[int]) -> int:
    return min(x[1], y[1]) - max(x[0], y[0]) + min(x[3], y[3]) - max(x[2], y[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--corpus-seed", type=int, default=1)
    parser.add_argument("--common-df", type=int, default=COMMON_DF)
    for name, value in dataclasses.asdict(ReuseSettings()).items():
        parser.add_argument("--" + name.replace("_", "-"), type=int, default=value)
    args = parser.parse_args()
    fields = {f.name for f in dataclasses.fields(ReuseSettings)}
    settings = ReuseSettings(**{k: v for k, v in vars(args).items() if k in fields})
    corpus = build(args.articles, args.corpus_seed)
    result = run(corpus, settings, args.common_df)
    quality = score(corpus, result.pop("found"))
    kinds = Counter(a["kind"] for a in corpus["articles"])
    print(
        f"corpus: {len(corpus['articles'])} articles {dict(kinds)}, seed {args.corpus_seed}, "
        f"text {corpus_version()}"
    )
    print(
        f"settings: shingle {settings.shingle}, window {settings.window}/{settings.stride}, "
        f"{settings.num_perm} perms = {settings.bands} bands x {settings.rows} rows, "
        f"min_words {settings.min_words}, common-df > {args.common_df}"
    )
    print(
        f"pairs (40+ words): {quality['pairs_true']} true, {quality['pairs_found']} found; "
        f"precision {quality['precision']:.3f}, recall {quality['recall']:.3f}"
    )
    print(
        f"spans: mean abs offset error {quality['span_error_chars']:.1f} chars, "
        f"{quality['spans_within_10']:.1%} within 10 chars"
    )
    print(
        f"per article: sign {result['ms_sign']:.2f} ms, query {result['ms_query']:.3f} ms, "
        f"align {result['ms_align']:.2f} ms ({result['candidates_per_article']:.1f} candidates, "
        f"{result['ms_per_alignment']:.3f} ms each); "
        f"{result['passages_per_article']:.1f} passages; "
        f"{result['common_shingles']} common shingles"
    )
    print_errors(quality)


def print_errors(figures: dict, limit: int = 12) -> None:
    """Missed and false pairs, counted by what they share, with a few examples of each."""
    for name, label in (("missed_kinds", "missed pairs"), ("false_kinds", "false pairs")):
        kinds = sorted(figures[name].items(), key=lambda kv: -len(kv[1]))
        if not kinds:
            continue
        print(f"  {label} ({sum(len(v) for _, v in kinds)}), by what they share:")
        for kind, examples in kinds[:limit]:
            print(f"    {len(examples):5}  {kind:<52} e.g. {examples[:3]}")
        if len(kinds) > limit:
            rest = sum(len(v) for _, v in kinds[limit:])
            print(f"    {rest:5}  in {len(kinds) - limit} other kinds")


if __name__ == "__main__":
    main()
