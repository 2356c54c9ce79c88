"""Finding reuse among 100,000 and 1,000,000 stored passages: time per new article and memory.

    python bench/reuse_scale.py                    # archives of 100k and 1M passages
    python bench/reuse_scale.py --sizes 100000     # quicker
    python bench/reuse_scale.py --pragmas mmap_size=4294967296   # try SQLite settings
    python bench/reuse_scale.py --datasketch       # + datasketch MinHashLSH in memory, 100k

The archives hold news-like articles (bench/newslike.py, stories of one to five articles) of
ten 60-word paragraphs, built once through the real schema and the real index code
(``archiver.reuse.index_article``: signatures and LSH band rows) and kept in bench/out/ under
a name that carries the corpus version. Each archive is then queried in its own subprocess, so
that its peak RSS is its own: ~200 new articles, half holding a 60-word paragraph copied from a
stored article (in an article about the same story, as copies are), half about new stories. For
each: ``candidates`` (the LSH lookup) alone, then the real ``find_reuse`` (candidates, index,
verify) inside a transaction that is rolled back, so the archive never changes. Prints medians
and p95 in ms, and the peak RSS before and after the queries.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newslike
from newslike import body, corpus_version, story, story_of

OUT = Path(__file__).resolve().parent / "out"
#: Words of a stored article, and of the passage a query article copies from one.
ARTICLE_WORDS, COPIED_WORDS = 600, 60
BATCH = 500  # articles per build transaction
QUERY_SEED = 10_000_000

_INSERT_ORIGINAL = "INSERT INTO originals (sha256, size, data) VALUES (?, ?, ?)"
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, sha256, source_path, ingested_at, format, encoding, extractor, "
    "extractor_version, clean_text, title, published) VALUES (?, ?, 'bench', "
    "'2024-01-01 00:00:00', 'text', 'utf-8', 'archiver-text', '1', ?, ?, '2024-01-01')"
)


# ---------------------------------------------------------------------------------------------
# Texts
# ---------------------------------------------------------------------------------------------


def stored_paragraphs(i: int) -> list[str]:
    """The body of stored article ``i`` (deterministic, so queries can copy from it)."""
    rng = random.Random(i)
    return body(story(story_of(i)), rng, ARTICLE_WORDS)


def copied_passage(i: int, rng: random.Random) -> str:
    """Consecutive paragraphs of stored article ``i``, 50 words or more (a lifted passage)."""
    paragraphs = stored_paragraphs(i)
    start = rng.randrange(len(paragraphs))
    out: list[str] = []
    for p in paragraphs[start:] + paragraphs[:start]:
        out.append(p)
        if sum(len(x.split()) for x in out) >= COPIED_WORDS:
            break
    return "\n\n".join(out)


def query_texts(count: int, stored: int) -> list[tuple[str, int | None]]:
    """New articles: (text, the stored article it copies a passage from, or None)."""
    out = []
    for q in range(count):
        rng = random.Random(QUERY_SEED + q)
        source = None
        if q % 2 == 0:
            source = rng.randrange(stored) + 1  # article ids start at 1
            topic = story(story_of(source - 1))
        else:
            topic = story(QUERY_SEED + q)  # a story nothing stored is about
        own = body(topic, rng, ARTICLE_WORDS - COPIED_WORDS)
        if source is not None:
            own.insert(rng.randrange(len(own) + 1), copied_passage(source - 1, rng))
        out.append(("\n\n".join(own), source))
    return out


def row(article_id: int, text: str) -> tuple[tuple, tuple]:
    data = f"{article_id}\n{text}".encode()
    sha = hashlib.sha256(data).hexdigest()
    return (sha, len(data), data), (article_id, sha, text, f"Story {article_id}")


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


def passages_per_article() -> float:
    """Passages of a stored article, on average over the first hundred."""
    from archiver.passages import split_passages, tokenize

    texts = ("\n\n".join(stored_paragraphs(i)) for i in range(100))
    return statistics.mean(len(split_passages(tokenize(t))) for t in texts)


def db_path(passages: int) -> Path:
    return OUT / f"reuse-{passages}-{corpus_version()}.db"


def build(passages: int) -> dict:
    """Build (once) an archive of ``passages`` stored passages; returns its build figures."""
    from archiver.minhash import scheme
    from archiver.reuse import index_article
    from archiver.store import open_database

    path = db_path(passages)
    meta = path.with_suffix(".json")
    current = scheme()
    if path.exists() and meta.exists():
        figures = json.loads(meta.read_text())
        if figures.get("scheme") == current:
            return figures
        print(f"  {path.name}: built with another signature scheme, rebuilding", file=sys.stderr)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    OUT.mkdir(exist_ok=True)
    articles = int(passages / passages_per_article()) + 1
    db = open_database(str(path), create=True)
    started = time.perf_counter()
    for start in range(0, articles, BATCH):
        with db.writing() as conn:
            # Room for the band index's hot pages while building (queries use the defaults).
            conn.exec_driver_sql("PRAGMA cache_size = -2000000")
            ids = range(start + 1, min(start + BATCH, articles) + 1)
            texts = ["\n\n".join(stored_paragraphs(i - 1)) for i in ids]
            rows = [row(i, t) for i, t in zip(ids, texts, strict=True)]
            conn.exec_driver_sql(_INSERT_ORIGINAL, [r[0] for r in rows])
            conn.exec_driver_sql(_INSERT_ARTICLE, [r[1] for r in rows])
            for i, text in zip(ids, texts, strict=True):
                index_article(conn, i, text)
        done = ids[-1]
        rate = done / (time.perf_counter() - started)
        print(
            f"\r  {path.name}: {done:,}/{articles:,} articles ({rate:.0f}/s)",
            end="",
            file=sys.stderr,
            flush=True,
        )
    db.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - started
    print(file=sys.stderr)
    stored = conn.execute("SELECT sum(passages) FROM reuse_signatures").fetchone()[0]
    bands = conn.execute("SELECT count(*) FROM lsh_bands").fetchone()[0]
    conn.close()
    figures = {
        "articles": articles,
        "passages": stored,
        "band_rows": bands,
        "build_s": seconds,
        "scheme": current,
    }
    meta.write_text(json.dumps(figures))
    return figures


def sizes_on_disk(path: Path) -> dict[str, int]:
    """Bytes of the file, and of each table and index (SQLite's dbstat)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        per = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    except sqlite3.OperationalError:  # dbstat not compiled in
        per = {}
    conn.close()
    return {"file": path.stat().st_size, **per}


# ---------------------------------------------------------------------------------------------
# Queries (in a subprocess per archive)
# ---------------------------------------------------------------------------------------------


def rss_mb() -> float:
    """Peak RSS of this process. /proc's VmHWM starts afresh at exec; ru_maxrss does not (a
    child inherits its parent's peak), so it is only the fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"median": statistics.median(values), "p95": values[int(0.95 * (len(values) - 1))]}


def run_queries(path: Path, count: int, pragmas: list[str]) -> dict:
    from archiver import reuse
    from archiver.store import open_database

    db = open_database(str(path))
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()
        next_id = conn.exec_driver_sql("SELECT max(id) FROM articles").scalar() + 1
    queries = query_texts(count, stored)
    rss_open = rss_mb()
    times: dict[str, list[float]] = {"candidates": [], "index": [], "verify": [], "whole": []}
    found = {"copies": 0, "copies_found": 0, "unrelated_pairs": 0, "candidates": []}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            times[name].append(1000 * (time.perf_counter() - started))
            return result

        return wrapper

    # Verification is reuse.verify, or one reuse._align per candidate where there is no verify.
    verify_name = "verify" if hasattr(reuse, "verify") else "_align"
    real = reuse.candidates, reuse.index_article, getattr(reuse, verify_name)

    def install(functions) -> None:
        reuse.candidates, reuse.index_article, verify = functions
        setattr(reuse, verify_name, verify)

    with db.engine.connect() as conn:
        for pragma in pragmas:
            conn.exec_driver_sql(f"PRAGMA {pragma}")
        conn.commit()  # SQLAlchemy began a transaction for the pragmas
        # 1. The LSH lookup alone, as a reader (nothing written).
        lookups = []
        for text, _ in queries:
            with conn.begin():
                started = time.perf_counter()
                hits = reuse.candidates(conn, next_id, text)
                lookups.append(1000 * (time.perf_counter() - started))
                found["candidates"].append(len(hits))
        # 2. The whole path, in a write transaction that is rolled back; its steps timed too.
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        install(
            [
                timed(name, f)
                for name, f in zip(("candidates", "index", "verify"), real, strict=True)
            ]
        )
        try:
            for text, source in queries:
                trans = conn.begin()
                try:
                    original, article = row(next_id, text)
                    conn.exec_driver_sql(_INSERT_ORIGINAL, original)
                    conn.exec_driver_sql(_INSERT_ARTICLE, article)
                    started = time.perf_counter()
                    pairs = reuse.find_reuse(conn, next_id, text)
                    pairs = getattr(pairs, "pairs", pairs)  # newer versions return a Found
                    times["whole"].append(1000 * (time.perf_counter() - started))
                finally:
                    trans.rollback()
                others = {p.other(next_id) for p in pairs}
                if source is None:
                    found["unrelated_pairs"] += len(others)
                else:
                    found["copies"] += 1
                    found["copies_found"] += source in others
        finally:
            install(real)
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT passage FROM lsh_bands WHERE key IN (?, ?, ?)", (1, 2, 3)
        ).all()
        settings = {
            p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("cache_size", "mmap_size", "page_size")
        }
    db.close()
    return {
        "lookup": percentiles(lookups),
        **{name: percentiles(values) for name, values in times.items()},
        "rss_open_mb": rss_open,
        "rss_peak_mb": rss_mb(),
        "found": {**found, "candidates": statistics.mean(found["candidates"])},
        "plan": [r[-1] for r in plan],
        "settings": settings,
    }


def datasketch_baseline(passages: int) -> dict:
    """datasketch MinHashLSH in memory over the same signatures (the 100k archive's)."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from archiver.minhash import SCHEME, from_bytes
    from archiver.passages import DEFAULT
    from archiver.reuse import signatures
    from archiver.store import open_database

    rss_before = rss_mb()
    lsh = MinHashLSH(num_perm=DEFAULT.num_perm, params=(DEFAULT.bands, DEFAULT.rows))
    db = open_database(str(db_path(passages)))
    started = time.perf_counter()
    inserted = 0
    with db.engine.connect() as conn:
        for article_id, data in conn.exec_driver_sql(
            "SELECT article_id, data FROM reuse_signatures"
        ):
            for index, sig in enumerate(np.atleast_2d(from_bytes(data))):
                m = LeanMinHash(seed=DEFAULT.seed, hashvalues=sig, scheme=SCHEME)
                lsh.insert(article_id << 16 | index, m, check_duplication=False)
                inserted += 1
        stored = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()
    db.close()
    build_s = time.perf_counter() - started
    rss_built = rss_mb()
    times = []
    for text, _ in query_texts(200, stored):
        started = time.perf_counter()
        hits = set()
        for sig in signatures(text):
            hits.update(lsh.query(LeanMinHash(seed=DEFAULT.seed, hashvalues=sig, scheme=SCHEME)))
        times.append(1000 * (time.perf_counter() - started))
    return {
        "passages": inserted,
        "build_s": build_s,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_mb(),
        "rss_built_mb": rss_built,
        "query": percentiles(times),
    }


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def subprocess_json(*args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="stored passages, comma list")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pragmas", default="", help="e.g. cache_size=-65536,mmap_size=2e9")
    parser.add_argument("--datasketch", action="store_true", help="in-memory baseline at 100k")
    parser.add_argument("--query-only", help=argparse.SUPPRESS)  # the subprocess's archive
    parser.add_argument("--datasketch-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    pragmas = [p for p in args.pragmas.split(",") if p]
    if args.query_only:
        print(json.dumps(run_queries(Path(args.query_only), args.queries, pragmas)))
        return
    if args.datasketch_only:
        print(json.dumps(datasketch_baseline(args.datasketch_only)))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    texts = ["\n\n".join(stored_paragraphs(i)) for i in range(1500)]
    print(newslike.stats_report(texts, [story_of(i) for i in range(1500)], label="stored articles"))
    for size in sizes:
        figures = build(size)
        disk = sizes_on_disk(db_path(size))
        bands = disk.get("lsh_bands", 0)
        print(
            f"archive of {figures['passages']:,} passages ({figures['articles']:,} articles, "
            f"{figures['band_rows']:,} band rows): built in {figures['build_s']:.0f} s, "
            f"{disk['file'] / 1e6:,.0f} MB on disk, lsh_bands {bands / 1e6:,.0f} MB "
            f"({bands / disk['file']:.0%}), signatures "
            f"{disk.get('reuse_signatures', 0) / 1e6:,.0f} MB",
            flush=True,
        )
        extra = ["--pragmas", args.pragmas] if pragmas else []
        print(f"  querying {args.queries} new articles...", file=sys.stderr, flush=True)
        results[size] = r = subprocess_json(
            "--query-only", str(db_path(size)), "--queries", str(args.queries), *extra
        )
        print(
            f"  plan: {'; '.join(r['plan'])}; {r['settings']}"
            + (f"; pragmas {pragmas}" if pragmas else "")
        )
        for label, key in (
            ("candidates (LSH lookup), read-only", "lookup"),
            ("find_reuse, whole (rolled back)", "whole"),
            ("  its candidates step", "candidates"),
            ("  its index_article step", "index"),
            ("  its verify step", "verify"),
        ):
            print(f"  {label:38} median {r[key]['median']:7.2f} ms   p95 {r[key]['p95']:7.2f} ms")
        f = r["found"]
        print(
            f"  copies found {f['copies_found']}/{f['copies']}, pairs with unrelated articles "
            f"{f['unrelated_pairs']}, candidates per article {f['candidates']:.1f}"
        )
        print(
            f"  peak RSS {r['rss_peak_mb']:.0f} MB (after opening the archive "
            f"{r['rss_open_mb']:.0f} MB)",
            flush=True,
        )
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        print(
            f"{sizes[-1] // sizes[0]}x the passages: lookup median x"
            f"{large['lookup']['median'] / small['lookup']['median']:.2f}, whole x"
            f"{large['whole']['median'] / small['whole']['median']:.2f}, peak RSS "
            f"{small['rss_peak_mb']:.0f} -> {large['rss_peak_mb']:.0f} MB"
        )
    if args.datasketch:
        size = sizes[0]
        print("  datasketch in memory...", file=sys.stderr, flush=True)
        d = subprocess_json("--datasketch-only", str(size))
        print(
            f"datasketch MinHashLSH in memory, {d['passages']:,} passages: built in "
            f"{d['build_s']:.0f} s, RSS {d['rss_before_mb']:.0f} -> {d['rss_built_mb']:.0f} MB "
            f"(+{d['rss_built_mb'] - d['rss_before_mb']:.0f} MB for the index; DESIGN.md: "
            f"10.6 GB at 1M), query median {d['query']['median']:.2f} ms "
            f"p95 {d['query']['p95']:.2f} ms"
        )


if __name__ == "__main__":
    main()
