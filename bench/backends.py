"""`add` throughput and `search` latency on SQLite and on PostgreSQL, same pages, same run.

    python bench/backends.py                          # 300 pages, 3 runs; starts a server
    python bench/backends.py --pages 1000 --runs 3
    ARCHIVER_TEST_POSTGRES=postgresql+psycopg://me@host/db python bench/backends.py

The pages are news-like page dumps (bench/newspages.py), added one by one through the library
as `add` does (one transaction each) into a new archive on each backend: a new SQLite file, a
new database on the PostgreSQL server (``$ARCHIVER_TEST_POSTGRES``, or a throwaway server
started with .ci/postgres). Then each query of QUERIES is searched 20 times on each. Prints
medians; the ratio PostgreSQL / SQLite is measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import newspages

from archiver.archive import Archive
from archiver.fts import search
from archiver.ingest import Input, Overrides, add_input

REPO = Path(__file__).resolve().parent.parent
QUERIES = ("council", "port strike", '"said on monday"', "energy*", "title:police")


def _server() -> tuple[str, str | None]:
    """A PostgreSQL server's URL, and the data folder of one started here (to stop)."""
    if url := os.environ.get("ARCHIVER_TEST_POSTGRES"):
        return url, None
    out = subprocess.run(
        [str(REPO / ".ci" / "postgres")], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0], out[1]


def _new_database(server: str) -> str:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _add(url: str, files: list[Path]) -> float:
    with Archive.open(url, create=True) as archive:
        started = time.perf_counter()
        for path in files:
            result = add_input(archive, Input(str(path)), Overrides())
            assert result.status == "added", result
        return time.perf_counter() - started


def _search_ms(url: str) -> dict[str, float]:
    out = {}
    with Archive.open(url) as archive:
        for query in QUERIES:
            times = []
            for _ in range(20):
                started = time.perf_counter()
                search(archive, query)
                times.append(1000 * (time.perf_counter() - started))
            out[query] = statistics.median(times)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    server, started = _server()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "pages"
            folder.mkdir()
            files = []
            for i in range(args.pages):
                path = folder / f"{i:06}.txt"
                path.write_text(newspages.page(i), encoding="utf-8")
                files.append(path)
            seconds: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
            searched: dict[str, dict[str, float]] = {}
            for run in range(args.runs):
                for backend in seconds:
                    url = (
                        str(Path(tmp) / f"run{run}.db")
                        if backend == "sqlite"
                        else _new_database(server)
                    )
                    seconds[backend].append(_add(url, files))
                    if run == 0:
                        searched[backend] = _search_ms(url)
    finally:
        if started:
            subprocess.run([str(REPO / ".ci" / "postgres"), "stop", started], check=False)
    n = args.pages
    print(f"{n} news-like page dumps into a new archive, median of {args.runs} runs")
    rates = {b: n / statistics.median(s) for b, s in seconds.items()}
    for backend, rate in rates.items():
        runs = ", ".join(f"{n / s:.1f}" for s in seconds[backend])
        print(f"  add on {backend:<11} {rate:7.1f} articles/s  (runs {runs})")
    print(f"  PostgreSQL / SQLite    {rates['postgresql'] / rates['sqlite']:.2f}x the throughput")
    print(f"search over those {n} articles, median of 20 ({', '.join(QUERIES)}):")
    for backend, times in searched.items():
        figures = ", ".join(f"{ms:.1f}" for ms in times.values())
        print(f"  {backend:<11} {statistics.median(times.values()):6.1f} ms  ({figures} ms)")


if __name__ == "__main__":
    main()
