"""Where `add`'s time goes, stage by stage in ms per article, as the archive grows.

    python bench/stages.py                                  # 0, 10,000 and 100,000 articles
    python bench/stages.py --prefill 10000 --articles 100 --runs 1   # quick

The pages are bench/ingest.py's: news-like page dumps of bench/newspages.py, the next ones of
the stream each archive was built from, added one by one through the library
(``archiver.ingest.add_input``, one transaction a page) into a fresh copy of bench/archives.py's
synthetic archive of that size (prefill 0: a new archive). Each stage is timed by wrapping the
function that does it (archiver itself is left as it is); nested stages are shown under the
stage holding them, and "other" is what the listed ones leave of their parent. Medians over
the runs of each stage's total, per article.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archives import synthetic_archive
from ingest import write_pages
from newslike import corpus_version
from sqlalchemy.engine import Connection

from archiver import archive as archive_module
from archiver import ingest, reuse
from archiver.archive import Archive
from archiver.ingest import Added, Input, Overrides, add_input, add_many
from archiver.settings import Settings
from archiver.store import Database

#: (name, parent, owner, attribute): the function ``owner.attribute`` is the stage ``name``.
STAGES = (
    ("prepare: decode and clean", None, ingest, "prepare"),
    # With workers: waiting for a page they prepare, and checking their lookups still hold.
    ("wait for the workers", None, ingest._Workers, "result"),
    ("check lookups made ahead", None, Archive, "ahead_holds"),
    ("strip learned boilerplate", None, Archive, "strip_boilerplate"),
    ("store (one transaction)", None, Archive, "store"),
    ("find reuse", "store (one transaction)", archive_module, "_find_reuse"),
    ("known boilerplate lookup", "find reuse", reuse, "known_shingles"),
    ("LSH lookup (candidates)", "find reuse", reuse, "candidates"),
    ("LSH lookup of segments since (ahead)", "find reuse", reuse, "_candidates_ahead"),
    ("read candidates (facts)", "find reuse", reuse, "facts"),
    ("align candidates", "find reuse", reuse, "_align"),
    ("judge shared spans", "find reuse", reuse, "judge"),
    ("write signature and bands", "find reuse", reuse, "index_article"),
    ("write pairs' shingles", "find reuse", reuse, "index_pair_spans"),
    # After the commit: merging the band index's segments (archiver/storage/bands.py).
    ("merge band index segments", "store (one transaction)", Database, "_compact"),
    # Every transaction's commit, wherever it is (in store: the article's pages written).
    ("commits, within the above", "", Connection, "_commit_impl"),
)


class Timers:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def installed(self):
        with ExitStack() as stack:
            for name, _, owner, attribute in STAGES:
                stack.enter_context(self._wrap(name, owner, attribute))
            yield self

    @contextmanager
    def _wrap(self, name, owner, attribute):
        real = getattr(owner, attribute)
        seconds = self.seconds

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                seconds[name] += time.perf_counter() - started

        setattr(owner, attribute, timed)
        try:
            yield
        finally:
            setattr(owner, attribute, real)


def run_once(
    base: Path | None, files: list[Path], tmp: Path, jobs: int = 0
) -> tuple[float, dict[str, float]]:
    db = tmp / "stages.db"
    if base is not None:
        shutil.copyfile(base, db)
    timers = Timers()
    with Archive.open(str(db), create=True) as archive, timers.installed():
        started = time.perf_counter()
        if jobs:
            settings = Settings(commit_every=16)
            inputs = [Input(str(path)) for path in files]
            for event in add_many(archive, inputs, Overrides(), settings=settings, jobs=jobs):
                if isinstance(event, Added):
                    assert event.result.status == "added", event.result
        else:
            for path in files:
                result = add_input(archive, Input(str(path)), Overrides())
                assert result.status == "added", result
        total = time.perf_counter() - started
    for stale in tmp.glob("stages.db*"):
        stale.unlink()
    return total, dict(timers.seconds)


def report(prefill: int, n: int, runs: list[tuple[float, dict[str, float]]], jobs: int = 0) -> None:
    def ms(name: str) -> float:
        return statistics.median(1000 * seconds.get(name, 0.0) / n for _, seconds in runs)

    total = statistics.median(1000 * t / n for t, _ in runs)
    print(f"into an archive of {prefill:,} articles ({n} pages, median of {len(runs)} runs)")
    how = f"add --jobs {jobs} (the writer)" if jobs else "add, one by one"
    print(f"  {how:<34} {total:7.2f} ms an article ({1000 / total:.1f}/s)")
    for name, parent, _, _ in STAGES:
        if parent is None:
            print(f"  {name:<34} {ms(name):7.2f}")
            children = [c for c, p, _, _ in STAGES if p == name]
            _children(children, name, ms, "    ")
    outside = total - sum(ms(name) for name, parent, _, _ in STAGES if parent is None)
    print(f"  {'other (reads, checks, results)':<34} {outside:7.2f}")
    for name, parent, _, _ in STAGES:
        if parent == "":
            print(f"  {name:<34} {ms(name):7.2f}")


def _children(children: list[str], parent: str, ms, indent: str) -> None:
    if not children:
        return
    for child in children:
        print(f"{indent}{child:<{36 - len(indent)}} {ms(child):7.2f}")
        grandchildren = [c for c, p, _, _ in STAGES if p == child]
        _children(grandchildren, child, ms, indent + "  ")
    rest = ms(parent) - sum(ms(c) for c in children)
    print(f"{indent}{'other':<{36 - len(indent)}} {rest:7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefill", default="0,10000,100000", help="archive sizes, commas")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--jobs", type=int, default=0, help="add as `add --jobs N` does (0: one by one)"
    )
    args = parser.parse_args()
    print(f"corpus {corpus_version()}: news-like page dumps of bench/newspages.py")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for prefill in (int(x) for x in args.prefill.split(",")):
            files = write_pages(tmp / f"in-{prefill}", prefill, args.articles)
            base = synthetic_archive(prefill) if prefill else None
            runs = [run_once(base, files, tmp, args.jobs) for _ in range(args.runs)]
            report(prefill, args.articles, runs, args.jobs)


if __name__ == "__main__":
    main()
