"""Search and trace latency over a large archive: median and p95.

    python bench/search.py                   # an archive of 100,000 news-like articles
    python bench/search.py --articles 20000  # quicker
    python bench/search.py --no-trace        # search only (no reuse index to build)

The archive (bench/archives.py) is built once through the real schema and code, FTS5 rows
and LSH band index included, and kept in bench/out/ for later runs. Search cases: selective
queries (a story's own name, in the few articles about that story) and common ones (the words
and phrases in the most articles of a sample). Trace: 60-word passages, half lifted from an
archived article's body with two words changed (it must be found; copies of that article are
found too), half never archived (nothing must be).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newslike
import newspages
from archives import synthetic_archive

from archiver.archive import Archive
from archiver.fts import search
from archiver.tracing import trace


def trace_passages(count: int, total: int) -> list[tuple[str, int | None]]:
    """(passage, the archive id of the article it was lifted from, or None): half lifted
    from an article's body with two words changed, half made up about a story never archived."""
    rng = random.Random(11)
    out: list[tuple[str, int | None]] = []
    for q in range(count):
        if q % 2:
            topic = newslike.story(10**8 + q)
            out.append((newslike.paragraph(topic, random.Random(10**7 + q), 60), None))
            continue
        source = rng.randrange(total)
        body = newspages.stream_article(source).text.split()
        start = rng.randrange(max(len(body) - 60, 0) + 1)
        words = body[start : start + 60]
        for at in rng.sample(range(5, len(words) - 5), 2):
            words[at] = "edited"
        out.append((" ".join(words), source + 1))  # archive ids start at 1
    return out


def common_terms(count: int = 500) -> tuple[list[str], list[str]]:
    """The four words and two two-word phrases in the most articles of a sample of the
    stream (lower case, words of four letters or more)."""
    words: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for i in range(count):
        tokens = re.findall(r"[a-z]+", newspages.stream_article(i).text.lower())
        words.update({t for t in tokens if len(t) >= 4})
        phrases.update({f"{a} {b}" for a, b in itertools.pairwise(tokens)})
    return [w for w, _ in words.most_common(4)], [p for p, _ in phrases.most_common(2)]


def time_trace(archive: Archive, count: int, total: int) -> None:
    passages = trace_passages(count, total)
    trace(archive, passages[0][0])  # warm-up
    times: dict[bool, list[float]] = {True: [], False: []}
    found = strays = 0
    for text, source in passages:
        started = time.perf_counter()
        hits = trace(archive, text).hits
        times[source is not None].append(1000 * (time.perf_counter() - started))
        ids = {h.id for h in hits}
        found += source in ids
        strays += len(ids - {source})
    for lifted, label in ((True, "trace, 60-word edited copy"), (False, "trace, 60 unseen words")):
        values = sorted(times[lifted])
        median, p95 = statistics.median(values), values[int(0.95 * (len(values) - 1))]
        print(f"{label:<28} {median:>10.2f} {p95:>8.2f}")
    print(
        f"trace found the source of {found}/{len(times[True])} edited copies; "
        f"{strays} other articles reported (copies of the source among them)"
    )


def timed(archive: Archive, queries: list[str], **options) -> tuple[float, float, float]:
    times, found = [], 0
    for query in queries:
        started = time.perf_counter()
        hits = search(archive, query, **options)
        times.append(1000 * (time.perf_counter() - started))
        found += len(hits)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], found / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-trace", action="store_true", help="skip the trace benchmark")
    args = parser.parse_args()
    db = synthetic_archive(args.articles, reuse_index=not args.no_trace)
    print(newspages.stats_line(min(args.articles, 1500)))
    rng = random.Random(7)
    stories = {newslike.story_of(i) for i in range(args.articles)}
    rare = [newslike.story_name(s) for s in rng.sample(sorted(stories), args.queries)]
    (common, *others), phrases = common_terms()
    with Archive.open(str(db)) as archive:
        search(archive, "warmup")
        cases = {
            "selective word": (rare, {}),
            "selective prefix": ([w[:6] + "*" for w in rare], {}),
            "selective + common word": ([f"{w} {common}" for w in rare], {}),
            "common word, top 20": ([common, *others] * 50, {}),
            "common phrase, top 20": ([f'"{p}"' for p in phrases] * 100, {}),
            "common word, newest first": ([common] * 50, {"order": "date"}),
        }
        print(f"common words {[common, *others]}, phrases {phrases}")
        print(f"search over {args.articles:,} articles, {args.queries} queries a case")
        print(f"{'case':<28} {'median ms':>10} {'p95 ms':>8} {'hits':>6}")
        for name, (queries, options) in cases.items():
            median, p95, hits = timed(archive, queries, **options)
            print(f"{name:<28} {median:>10.2f} {p95:>8.2f} {hits:>6.1f}")
        if not args.no_trace:
            time_trace(archive, args.queries, args.articles)


if __name__ == "__main__":
    main()
