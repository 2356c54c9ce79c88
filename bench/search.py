"""Search latency over a large archive: selective and common-term queries, median and p95.

    python bench/search.py                   # an archive of 100,000 synthetic articles
    python bench/search.py --articles 20000  # quicker

The archive is built once through the real schema (FTS5 triggers included) and kept in
bench/out/ for later runs.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import time
from pathlib import Path

from corpus import page

from archiver.archive import Archive
from archiver.fts import search

OUT = Path(__file__).resolve().parent / "out"
SYLLABLES = "ka lo mi ne ru sa te vo zi ba de fu go hi ju".split()


def rare_word(i: int) -> str:
    """A made-up name; each one is in about five articles of the archive."""
    rng = random.Random(i)
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


def build(db: Path, n: int) -> None:
    if db.exists():
        return
    Archive.open(str(db), create=True).close()
    conn = sqlite3.connect(db)
    started = time.perf_counter()
    batch = []
    for i in range(n):
        text = page(i, paragraphs=6).replace("council", f"council {rare_word(i // 5)}", 1)
        data = text.encode()
        sha = hashlib.sha256(data).hexdigest()
        batch.append(
            (sha, data, text, f"Story {i} {rare_word(i // 5)}", f"2024-{1 + i % 12:02}-01")
        )
        if len(batch) == 5000 or i == n - 1:
            conn.executemany(
                "INSERT INTO originals VALUES (?, length(?), ?)",
                [(b[0], b[1], b[1]) for b in batch],
            )
            conn.executemany(
                "INSERT INTO articles (sha256, source_path, ingested_at, format, encoding, "
                "extractor, extractor_version, clean_text, title, published) VALUES "
                "(?, 'bench', '2024-01-01 00:00:00', 'text', 'utf-8', 'archiver-text', '1', "
                "?, ?, ?)",
                [(b[0], b[2], b[3], b[4]) for b in batch],
            )
            conn.commit()
            batch = []
    conn.close()
    print(f"built {n:,} articles in {time.perf_counter() - started:.0f} s")


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
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = OUT / f"search-{args.articles}.db"
    build(db, args.articles)
    rng = random.Random(7)
    rare = [rare_word(rng.randrange(args.articles // 5)) for _ in range(args.queries)]
    with Archive.open(str(db)) as archive:
        search(archive, "warmup")
        cases = {
            "selective word": (rare, {}),
            "selective prefix": ([w[:6] + "*" for w in rare], {}),
            "selective + common word": ([f"{w} council" for w in rare], {}),
            "common word, top 20": (["council", "harbour", "budget", "strike"] * 50, {}),
            "common phrase, top 20": (['"the council"', '"said the"'] * 100, {}),
            "common word, newest first": (["council"] * 50, {"order": "date"}),
        }
        print(f"search over {args.articles:,} articles, {args.queries} queries a case")
        print(f"{'case':<28} {'median ms':>10} {'p95 ms':>8} {'hits':>6}")
        for name, (queries, options) in cases.items():
            median, p95, hits = timed(archive, queries, **options)
            print(f"{name:<28} {median:>10.2f} {p95:>8.2f} {hits:>6.1f}")


if __name__ == "__main__":
    main()
