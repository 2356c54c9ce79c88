"""How fast `archiver add` archives plain-text pages, how many LSH candidates each new article
brings, and `add samples/` end to end.

    python bench/ingest.py                              # 1,000 pages into an archive of 10,000
    python bench/ingest.py --prefill 0,10000,100000     # empty, 10k and 100k (DESIGN.md)
    python bench/ingest.py --prefill 2000 --articles 200 --runs 2   # quick

The pages are news-like page dumps (bench/newspages.py): the next ones of the stream the
archive was built from, so some continue its stories and copy its wire articles. The archive
added to is a fresh copy, for each run, of bench/archives.py's synthetic archive of that size
(its pages cleaned, stored and indexed by the real code); prefill 0 is a new, empty archive.
Each page goes through the library: read, clean with the outlet's learned template, store,
sign, index, find reuse. Three ways, each on a fresh copy, in the same run: as `add` runs
today (archiver.ingest.add_many: 16 pages a transaction, in one process, and with
`--jobs 2`: a worker process prepares pages while this one stores them), and one page a
transaction in one process (the baseline: how `add` ran before).

Prints medians of several runs; LSH candidates per new article (articles sharing a band with
one of its passages, before verification: what archiver.reuse.candidates returns inside the
article's transaction) and the time spent verifying them; baselines measured in the same run
(cleaning alone, a raw sqlite3 insert of the same rows); and, once, the 5-gram statistic of
the corpus beside real news.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newspages
from archives import synthetic_archive
from newslike import corpus_version

from archiver import reuse
from archiver.archive import Archive
from archiver.ingest import Added, Input, Overrides, add_input, add_many
from archiver.settings import Settings
from archiver.textclean import clean_text

REPO = Path(__file__).resolve().parent.parent


class Probe:
    """Counts the candidates archiver.reuse.find_reuse gets for each article and times their
    verification, by wrapping the module's functions (archiver itself is left as it is).

    Candidates: what ``reuse.candidates`` returns on an article's first lookup (a version of
    find_reuse that looks up again after removing boilerplate lines counts once). Verification:
    ``reuse.verify``, or ``reuse._align`` (one candidate at a time) where there is no verify.
    """

    def __init__(self) -> None:
        self.candidates: list[int] = []
        self.found: list[tuple[int, list[int]]] = []  # (article id, its candidates)
        self.verify_s = 0.0

    def __enter__(self) -> Probe:
        self.verify_name = "verify" if hasattr(reuse, "verify") else "_align"
        self.real = reuse.candidates, getattr(reuse, self.verify_name)
        real_candidates, real_verify = self.real
        seen: set[int] = set()

        def candidates(conn, article_id, *args, **kwargs):
            found = real_candidates(conn, article_id, *args, **kwargs)
            if article_id not in seen:
                seen.add(article_id)
                self.candidates.append(len(found))
                self.found.append((article_id, list(found)))
            return found

        def verify(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real_verify(*args, **kwargs)
            finally:
                self.verify_s += time.perf_counter() - started

        reuse.candidates = candidates
        setattr(reuse, self.verify_name, verify)
        return self

    def __exit__(self, *exc) -> None:
        reuse.candidates = self.real[0]
        setattr(reuse, self.verify_name, self.real[1])


def time_add(db: Path, files: list[Path]) -> tuple[float, Probe, int]:
    """Seconds to add the files one by one; the probe's counts; pairs found."""
    with Archive.open(str(db), create=True) as archive, Probe() as probe:
        pairs = 0
        started = time.perf_counter()
        for path in files:
            result = add_input(archive, Input(str(path)), Overrides())
            assert result.status == "added", result
            pairs += len(result.reused_from)
        return time.perf_counter() - started, probe, pairs


def time_add_many(db: Path, files: list[Path], jobs: int, commit_every: int) -> float:
    """Seconds for `add` as the command runs it (archiver.ingest.add_many): ``commit_every``
    pages per transaction, prepared in ``jobs`` - 1 worker processes when jobs > 1 (their start-up
    included)."""
    with Archive.open(str(db), create=True) as archive:
        settings = Settings(commit_every=commit_every)
        inputs = [Input(str(path)) for path in files]
        started = time.perf_counter()
        for event in add_many(archive, inputs, Overrides(), settings=settings, jobs=jobs):
            if isinstance(event, Added):
                assert event.result.status == "added", event.result
        return time.perf_counter() - started


def candidate_kinds(probe: Probe, prefill: int) -> dict[str, float]:
    """Candidates per new article by what relates them to it: the same story, the same
    outlet, the same publishing network (or no outlet on one side: a network's blocks travel on
    such pages too), nothing of these. Archive id ``i`` is page ``i - 1`` of the stream (the
    archive and the added pages are the stream in order)."""
    kinds = {"same story": 0, "same outlet": 0, "same network or no outlet": 0, "other": 0}
    for article_id, found in probe.found:
        new = newspages.stream_article(article_id - 1)
        for other_id in found:
            old = newspages.stream_article(other_id - 1)
            if old.story == new.story:
                kinds["same story"] += 1
            elif old.outlet is not None and old.outlet == new.outlet:
                kinds["same outlet"] += 1
            elif (
                old.outlet is None
                or new.outlet is None
                or (old.outlet.network and old.outlet.network == new.outlet.network)
            ):
                kinds["same network or no outlet"] += 1
            else:
                kinds["other"] += 1
    return {k: v / max(len(probe.found), 1) for k, v in kinds.items()}


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


def write_pages(folder: Path, start: int, count: int) -> list[Path]:
    """Pages ``start..start+count-1`` of the stream, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(start, start + count):
        path = folder / f"{i:07}.txt"
        path.write_text(newspages.page(i), encoding="utf-8")
        files.append(path)
    return files


def run_size(prefill: int, articles: int, runs: int, tmp: Path) -> None:
    files = write_pages(tmp / f"in-{prefill}", prefill, articles)
    base = synthetic_archive(prefill) if prefill else None
    adds, cleans, raws, probes = [], [], [], []
    modes = {"grouped": (1, 16), "jobs 2": (2, 16)}
    by_mode: dict[str, list[float]] = {mode: [] for mode in modes}
    pairs = 0
    for run in range(runs):
        db = tmp / f"run{run}.db"
        for mode, (jobs, commit_every) in modes.items():
            if base:
                shutil.copyfile(base, db)
            by_mode[mode].append(time_add_many(db, files, jobs, commit_every))
            for stale in tmp.glob(f"run{run}.db*"):
                stale.unlink()
        if base:
            shutil.copyfile(base, db)
        seconds, probe, pairs = time_add(db, files)
        adds.append(seconds)
        probes.append(probe)
        cleans.append(time_clean(files))
        raws.append(time_raw_insert(tmp / f"raw{run}.db", files))
        for stale in tmp.glob(f"run{run}.db*"):
            stale.unlink()
        (tmp / f"raw{run}.db").unlink(missing_ok=True)
    add_s, clean_s, raw_s = (statistics.median(x) for x in (adds, cleans, raws))
    n = articles
    found = sorted(probes[0].candidates)
    verify_ms = statistics.median(1000 * p.verify_s / n for p in probes)
    print(f"into an archive of {prefill:,} articles ({n:,} pages, median of {runs} runs)")
    print(
        f"  add, one by one        {n / add_s:8.1f} articles/s  ({1000 * add_s / n:.2f} ms each;"
        f" runs {', '.join(f'{n / s:.1f}' for s in adds)})"
    )
    for mode, (jobs, commit_every) in modes.items():
        mode_s = statistics.median(by_mode[mode])
        print(
            f"  add, {commit_every} a transaction, {jobs} process{'es' if jobs > 1 else ''}"
            f"{' (workers and the writer)' if jobs > 1 else ''}: {n / mode_s:8.1f} articles/s  "
            f"({add_s / mode_s:.2f}x one by one; runs "
            f"{', '.join(f'{n / s:.1f}' for s in by_mode[mode])})"
        )
    if found:
        print(
            f"  LSH candidates/article {statistics.mean(found):8.1f} mean  (median "
            f"{statistics.median(found):.0f}, p95 {found[int(0.95 * (len(found) - 1))]}, max "
            f"{found[-1]}); verifying them {verify_ms:.2f} ms an article; "
            f"{pairs / n:.2f} verified pairs an article"
        )
        kinds = candidate_kinds(probes[0], prefill)
        print(
            "  candidates/article by relation: "
            + ", ".join(f"{k} {v:.2f}" for k, v in kinds.items())
        )
    else:
        print("  LSH candidates/article n/a (archiver.reuse.candidates was not called)")
    print(f"  cleaning alone         {n / clean_s:8.0f} articles/s  ({1000 * clean_s / n:.2f} ms)")
    print(f"  raw sqlite3 insert     {n / raw_s:8.0f} articles/s  ({1000 * raw_s / n:.2f} ms)")
    print(
        f"  ratios: add / cleaning {add_s / clean_s:.1f}x, add / raw insert {add_s / raw_s:.1f}x",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="pages added per run")
    parser.add_argument(
        "--prefill", default="10000", help="archive sizes, comma list (0: an empty archive)"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-samples", action="store_true", help="skip `add samples/`")
    args = parser.parse_args()
    sizes = [int(s) for s in args.prefill.split(",")]
    print(f"corpus {corpus_version()}: news-like page dumps of bench/newspages.py")
    print(newspages.stats_line(1500, max(sizes)), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for prefill in sizes:
            run_size(prefill, args.articles, args.runs, Path(tmp))
    if not args.no_samples:
        samples = statistics.median(time_samples_cli() for _ in range(args.runs))
        print(
            f"`archiver add samples/` {samples:.2f} s wall time "
            "(a new archive, process start included)"
        )


if __name__ == "__main__":
    main()
