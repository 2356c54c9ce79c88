"""`archiver batch` in local mode against one-machine `add`, on N news-like articles.

The corpus is bench/reuse_corpus.py's (news-like text with copies, updates, network footers,
outlet templates and stock phrases). It is added one article at a time as `add` adds it
(bench/reuse_archive.py: the article row, its template lines, then find_reuse: the reuse
stage of `add`, without reading and cleaning files, which batch does not redo either); then the
whole reuse analysis is recomputed by `archiver batch`: in one process (--engine local) and on
Spark in local mode with 1 and 2 cores (local[1], local[2]). Each batch run starts from a
fresh copy of the archive and includes reading it and writing the pairs back; Spark's start-up
(JVM and session, once per core count) is reported apart. Medians of --repeat runs.

    python bench/batch.py                      # 1,000 articles
    python bench/batch.py --articles 3000 --repeat 3
    python bench/batch.py --articles 100000 --repeat 1 --skip-local

The summary gives each time as articles per second and Spark's speed-up from 1 to 2 cores
(local[1] time / local[2] time); every Spark run uses the same number of partitions
(--partitions), so only the cores differ.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import reuse_archive  # noqa: E402
from reuse_corpus import build  # noqa: E402

from archiver import batch  # noqa: E402
from archiver.archive import Archive  # noqa: E402


def _timed_batch(
    source: Path, work: Path, engine: str, spark=None, partitions: int | None = None
) -> tuple[float, dict]:
    copy = work / f"batch-{engine}.db"
    shutil.copy(source, copy)
    with Archive.open(str(copy)) as archive:
        started = time.perf_counter()
        result = batch.run(engine=engine, archive=archive, spark=spark, partitions=partitions)
        seconds = time.perf_counter() - started
    copy.unlink()
    return seconds, result.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cores", default="1,2", help="Spark local[N] core counts")
    parser.add_argument("--skip-local", action="store_true", help="no --engine local run")
    parser.add_argument("--partitions", type=int, default=8, help="Spark partitions, every run")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--archive",
        type=Path,
        help="keep the archive `add` built here; if it exists, time the batch runs on it "
        "without adding again (it must hold --articles articles of --seed)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    figures: dict = {"articles": args.articles, "seed": args.seed, "repeat": args.repeat}
    try:
        started = time.perf_counter()
        archive = args.archive or work / "archive.db"
        if archive.exists():
            figures["add_s"] = 0.0  # added by an earlier run
        else:
            corpus = build(args.articles, args.seed)
            figures["generate_s"] = round(time.perf_counter() - started, 1)
            started = time.perf_counter()
            reuse_archive.run(corpus, archive)
            figures["add_s"] = round(time.perf_counter() - started, 1)
            print(
                f"add, one article at a time (one core): {figures['add_s']:.1f} s "
                f"({args.articles / figures['add_s']:.1f} articles/s)",
                file=sys.stderr,
            )
        if not args.skip_local:
            runs = [_timed_batch(archive, work, "local") for _ in range(args.repeat)]
            figures["local_s"] = round(statistics.median(s for s, _ in runs), 1)
            figures["result"] = runs[0][1]
            print(
                f"batch --engine local: {figures['local_s']:.1f} s  {runs[0][1]}", file=sys.stderr
            )
        for cores in [int(c) for c in args.cores.split(",") if c]:
            started = time.perf_counter()
            spark = batch.spark_session(f"local[{cores}]", partitions=args.partitions)
            startup = time.perf_counter() - started
            runs = [
                _timed_batch(archive, work, "spark", spark, args.partitions)
                for _ in range(args.repeat)
            ]
            spark.stop()
            figures[f"spark_{cores}_s"] = round(statistics.median(s for s, _ in runs), 1)
            figures[f"spark_{cores}_startup_s"] = round(startup, 1)
            figures.setdefault("result", runs[0][1])
            print(
                f"batch --engine spark local[{cores}]: {figures[f'spark_{cores}_s']:.1f} s "
                f"(+{startup:.1f} s start-up)  {runs[0][1]}",
                file=sys.stderr,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
        return
    n = args.articles

    def rate(seconds: float) -> str:
        return f"{n / seconds:>7.1f} articles/s" if seconds else ""

    print(f"\n{n:,} news-like articles (seed {args.seed}), medians of {args.repeat}:")
    if figures["add_s"]:
        add_s = figures["add_s"]
        print(f"  add, one article at a time      {add_s:>8.1f} s  {rate(add_s)}")
    else:
        print(f"  add: not timed (the archive {args.archive} was added by an earlier run)")
    if "local_s" in figures:
        print(
            f"  batch --engine local            {figures['local_s']:>8.1f} s  "
            f"{rate(figures['local_s'])}"
        )
    cores_run = [int(c) for c in args.cores.split(",") if c]
    for cores in cores_run:
        seconds = figures[f"spark_{cores}_s"]
        print(
            f"  batch --engine spark local[{cores}]  {seconds:>8.1f} s  {rate(seconds)} "
            f"(+{figures[f'spark_{cores}_startup_s']:.1f} s start-up)"
        )
    if {1, 2} <= set(cores_run) and figures["spark_2_s"]:
        figures["speedup_1_to_2"] = round(figures["spark_1_s"] / figures["spark_2_s"], 2)
        print(f"  Spark speed-up from 1 to 2 cores: {figures['speedup_1_to_2']:.2f}x")
    print(f"  result: {figures.get('result')}")


if __name__ == "__main__":
    main()
