"""How fast `archiver add` archives plain-text articles, and `add samples/` end to end.

    python bench/ingest.py                     # 1,000 new articles into an archive of 10,000
    python bench/ingest.py --prefill 100000    # the DESIGN.md target: an archive of 100,000

The archive added to is a copy, made afresh for each run, of bench/archives.py's synthetic
archive: real articles with their full-text rows and their passages in the LSH band index, so
each new article is cleaned, stored, signed, indexed and checked for reuse against all of them.

Prints medians of several runs and ratios against baselines measured in the same run:
cleaning alone (no storage) and a raw sqlite3 insert of the same rows.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archives import synthetic_archive
from corpus import page

from archiver.archive import Archive
from archiver.ingest import Input, Overrides, add_input
from archiver.textclean import clean_text

REPO = Path(__file__).resolve().parent.parent


def time_add(db: Path, files: list[Path]) -> float:
    with Archive.open(str(db)) as archive:
        started = time.perf_counter()
        for path in files:
            result = add_input(archive, Input(str(path)), Overrides())
            assert result.status == "added", result
        return time.perf_counter() - started


def time_clean(files: list[Path]) -> float:
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.perf_counter()
    for text in texts:
        clean_text(text)
    return time.perf_counter() - started


def time_raw_insert(db: Path, files: list[Path]) -> float:
    """The floor: one raw sqlite3 transaction per article with the same bytes and text."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (sha TEXT PRIMARY KEY, data BLOB, text TEXT)")
    started = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO t VALUES (?, ?, ?)",
            (hashlib.sha256(data).hexdigest(), data, data.decode()),
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def time_samples_cli() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "archiver", "--db", f"{tmp}/s.db", "add", str(REPO / "samples")],
            check=False,
            capture_output=True,
        )
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--prefill", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = []
        for i in range(args.articles):
            path = tmp / "in" / f"{i:06}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text(page(1_000_000 + i), encoding="utf-8")
            files.append(path)
        base = synthetic_archive(args.prefill)
        adds, cleans, raws = [], [], []
        for run in range(args.runs):
            db = tmp / f"run{run}.db"
            shutil.copyfile(base, db)
            adds.append(time_add(db, files))
            cleans.append(time_clean(files))
            raws.append(time_raw_insert(tmp / f"raw{run}.db", files))
        add_s, clean_s, raw_s = (statistics.median(x) for x in (adds, cleans, raws))
        n = args.articles
        print(
            f"add, end to end        {n / add_s:8.0f} articles/s  ({1000 * add_s / n:.2f} ms each)"
            f"  into an archive of {args.prefill:,}"
        )
        print(
            f"cleaning alone         {n / clean_s:8.0f} articles/s  "
            f"({1000 * clean_s / n:.2f} ms each)"
        )
        print(
            f"raw sqlite3 insert     {n / raw_s:8.0f} articles/s  ({1000 * raw_s / n:.2f} ms each)"
        )
        print(f"ratio add / cleaning   {add_s / clean_s:8.2f}x")
        print(f"ratio add / raw insert {add_s / raw_s:8.2f}x")
    samples = statistics.median(time_samples_cli() for _ in range(args.runs))
    print(
        f"`archiver add samples/` {samples:.2f} s wall time (a new archive, process start included)"
    )


if __name__ == "__main__":
    main()
