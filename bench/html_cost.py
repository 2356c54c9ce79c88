"""CPU per HTML page: archiver's reading and extraction (decode, trafilatura, metadata
clean-up) against a plain `trafilatura.extract` loop over the same real pages, in one process.

    python bench/html_cost.py              # the 181 AEB HTML pages, 3 runs
    python bench/html_cost.py --pages 60
    python bench/html_cost.py --throughput   # whole `archiver add` runs, pages/s

``--throughput`` compares pages per second of wall time: `archiver add` of the pages into a
new archive (a new process: start, cleaning, metadata, storage and reuse included), with one
process and with ``--jobs 2``, against one process running `trafilatura.extract` over the same
pages (its imports not counted).

One-time set-up (imports, the date library's patterns) is paid once before timing, as a
long `archiver add` pays it once; `--cold` also times a new process archiving one page beside
one importing trafilatura and extracting the same page. Needs ../shared/eval (real pages are
never copied into the repository).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PAGES = REPO.parent / "shared" / "eval" / "aeb" / "html"


def _pages(limit: int) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted(PAGES.iterdir())[:limit]:
        data = path.read_bytes()
        out.append((path.name, gzip.decompress(data) if path.suffix == ".gz" else data))
    return out


def _cold(path: Path) -> tuple[float, float]:
    """Seconds of a new process: archiver reading one page; trafilatura extracting it."""
    ours = (
        "import sys; from archiver.reading import decode; from archiver.ingest import "
        "extract_decoded; p = sys.argv[1]; d = open(p, 'rb').read(); "
        "import gzip; d = gzip.decompress(d) if p.endswith('.gz') else d; "
        "extract_decoded(decode(d, name=p), p)"
    )
    theirs = (
        "import sys, gzip, trafilatura; p = sys.argv[1]; d = open(p, 'rb').read(); "
        "d = gzip.decompress(d) if p.endswith('.gz') else d; "
        "trafilatura.extract(d.decode('utf-8', 'replace'))"
    )
    times = []
    for code in (ours, theirs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=REPO)
        times.append(time.perf_counter() - started)
    return times[0], times[1]


def _loop_seconds(texts: list[str]) -> float:
    """Wall seconds of one process extracting every page with trafilatura, warm."""
    import trafilatura

    trafilatura.extract(texts[0])
    started = time.perf_counter()
    for text in texts:
        trafilatura.extract(text)
    return time.perf_counter() - started


def _add_seconds(paths: list[Path], jobs: int) -> float:
    """Wall seconds of `archiver add --jobs N` of the pages into a new archive."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "archiver", "--db", f"{tmp}/html.db", "add", "--quiet",
             "--format", "html", "--jobs", str(jobs), *map(str, paths)],
            check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return time.perf_counter() - started


def throughput(limit: int, runs: int) -> None:
    paths = sorted(PAGES.iterdir())[:limit]
    texts = [data.decode("utf-8", "replace") for _, data in _pages(limit)]
    loop, one, two = [], [], []
    for _ in range(runs):
        loop.append(_loop_seconds(texts))
        one.append(_add_seconds(paths, 1))
        two.append(_add_seconds(paths, 2))
    n = len(paths)
    base = n / statistics.median(loop)
    print(f"{n} AEB HTML pages, pages/s of wall time, median of {runs} runs")
    print(f"  trafilatura.extract loop, one process   {base:6.1f}")
    for name, seconds in (("archiver add", one), ("archiver add --jobs 2", two)):
        rate = n / statistics.median(seconds)
        print(f"  {name:<40}{rate:6.1f}   ({rate / base:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="also time new processes")
    parser.add_argument("--throughput", action="store_true", help="whole `add` runs, pages/s")
    args = parser.parse_args()
    if not PAGES.is_dir():
        print("../shared/eval is not here: nothing to measure.")
        return
    if args.throughput:
        throughput(args.pages, args.runs)
        return
    import trafilatura

    from archiver.ingest import extract_decoded
    from archiver.reading import decode

    pages = _pages(args.pages)
    texts = [data.decode("utf-8", "replace") for _, data in pages]
    extract_decoded(decode(pages[0][1], name=pages[0][0]), pages[0][0])
    trafilatura.extract(texts[0])
    ours, theirs = [], []
    for _ in range(args.runs):
        started = time.process_time()
        for text in texts:
            trafilatura.extract(text)
        theirs.append(time.process_time() - started)
        started = time.process_time()
        for name, data in pages:
            extract_decoded(decode(data, name=name), name)
        ours.append(time.process_time() - started)
    n = len(pages)
    a, t = statistics.median(ours), statistics.median(theirs)
    print(f"{n} AEB HTML pages, CPU per page, median of {args.runs} runs (one process, warm)")
    print(f"  trafilatura.extract          {1000 * t / n:6.1f} ms")
    print(f"  archiver decode + extract    {1000 * a / n:6.1f} ms   ({a / t:.2f}x)")
    if args.cold:
        cold = [_cold(PAGES / pages[0][0]) for _ in range(args.runs)]
        mine, plain = (statistics.median(c[i] for c in cold) for i in (0, 1))
        print(
            f"  a new process, one page: archiver {mine:.2f} s, trafilatura {plain:.2f} s "
            f"({mine / plain:.2f}x)"
        )


if __name__ == "__main__":
    main()
