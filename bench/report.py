"""`archiver report` over a large archive: build and render time, median of several runs.

    python bench/report.py                     # 100,000 articles, ~40,000 verified pairs
    python bench/report.py --articles 20000    # quicker

Each format is also run as `archiver report` in its own process: wall time and peak memory.

The archive is a copy of bench/archives.py's synthetic archive of news-like pages (without its
reuse index, which a report does not read) with verified pairs written straight into
``reuse_pairs``: wire
stories each run by two to six outlets (every two copies a pair, as detection stores them, so
the copies form clusters) and single pairs between two articles. Then the real
``build_report`` and ``render`` run, for each format, through the library as the CLI calls
them; the text format is also timed through the CLI, process start included.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import newspages
from archives import synthetic_archive

from archiver.archive import Archive
from archiver.render import FORMATS, render
from archiver.report import build_report

CLUSTER_SHARE = 0.05  # articles that are wire sources
PAIR_SHARE = 0.10  # articles with one plain copy


def add_pairs(db: Path, articles: int, seed: int = 3) -> tuple[int, int]:
    """Write verified pairs into the archive; returns (pairs, clusters of 3+ articles)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    lengths = dict(conn.execute("SELECT id, length(clean_text) FROM articles"))
    ids = list(lengths)
    rng.shuffle(ids)
    pool = iter(ids)
    rows, clusters = [], 0

    def pair(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        end_a, end_b = min(lengths[a], 1500), min(lengths[b], 1500)
        rows.append(
            (
                a,
                b,
                250,
                end_a / lengths[a],
                end_b / lengths[b],
                json.dumps([[0, end_a, 0, end_b]]),
                a,
                rng.choice(("high", "medium", "low", "undetermined")),
                rng.random() < 0.5,
                json.dumps(["dates: the source is older"]),
            )
        )

    for _ in range(int(articles * CLUSTER_SHARE / 4)):
        members = [next(pool) for _ in range(rng.randint(3, 7))]
        clusters += 1
        for a, b in itertools.combinations(members, 2):
            pair(a, b)
    for _ in range(int(articles * PAIR_SHARE / 2)):
        pair(next(pool), next(pool))
    conn.executemany(
        "INSERT OR REPLACE INTO reuse_pairs (a, b, shared_words, coverage_a, coverage_b, spans,"
        " source, confidence, attributed, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.commit()
    conn.close()
    return len(rows), clusters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base = synthetic_archive(args.articles, reuse_index=False)
    print(newspages.stats_line(min(args.articles, 1500)))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "report.db"
        shutil.copyfile(base, db)
        pairs, clusters = add_pairs(db, args.articles)
        print(f"report over {args.articles:,} articles, {pairs:,} pairs, {clusters:,} clusters")
        print(f"{'format':<10} {'build s':>8} {'render s':>9} {'size MB':>8}")
        with Archive.open(str(db)) as archive:
            for fmt in FORMATS:
                builds, renders = [], []
                for _ in range(args.runs):
                    started = time.perf_counter()
                    report = build_report(archive, with_texts=fmt in ("html", "markdown"))
                    built = time.perf_counter()
                    out = render(report, fmt)
                    builds.append(built - started)
                    renders.append(time.perf_counter() - built)
                print(
                    f"{fmt:<10} {statistics.median(builds):>8.2f} "
                    f"{statistics.median(renders):>9.2f} {len(out.encode()) / 1e6:>8.1f}"
                )
        print(f"{'`archiver report`':<20} {'wall s':>7} {'peak RSS MB':>12}")
        for fmt in FORMATS:
            walls, peaks = [], []
            for _ in range(args.runs):
                wall, peak = cli_report(db, fmt, Path(tmp) / f"r.{fmt}")
                walls.append(wall)
                peaks.append(peak)
            print(
                f"{'--format ' + fmt:<20} {statistics.median(walls):>7.2f} "
                f"{statistics.median(peaks):>12.0f}"
            )


def cli_report(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one `archiver report` process: its
    VmHWM, read by the process itself as it exits (Linux; ru_maxrss would count this
    process's memory at the fork)."""
    script = (
        "import sys, runpy; sys.argv = ['archiver', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('archiver', run_name='__main__')\n"
        "finally:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "    print(status, file=sys.stderr)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(db), "report", "--format", fmt, "-o", str(out)],
        check=True,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    return wall, int(done.stderr.split()[-1]) / 1024


if __name__ == "__main__":
    main()
