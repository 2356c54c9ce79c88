"""The large synthetic archives the benchmarks share, built once through the real schema and
kept in bench/out/ (ignored by git): articles (with their FTS5 rows, through the triggers),
then every article signed and added to the LSH band index by the real code.

    archive = synthetic_archive(100_000)   # bench/out/search-100000.db, built if missing
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import time
from pathlib import Path

from corpus import page

from archiver.archive import Archive

OUT = Path(__file__).resolve().parent / "out"
SYLLABLES = "ka lo mi ne ru sa te vo zi ba de fu go hi ju".split()


def rare_word(i: int) -> str:
    """A made-up name; each one is in about five articles of the archive."""
    rng = random.Random(i)
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


def build(db: Path, n: int) -> None:
    """Articles and their full-text rows, written to a temporary file renamed at the end (an
    interrupted build leaves no archive that looks complete)."""
    if db.exists():
        return
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    Archive.open(str(partial), create=True).close()
    conn = sqlite3.connect(partial)
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
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(db)
    print(f"built {n:,} articles in {time.perf_counter() - started:.0f} s")


def build_reuse_index(db: Path) -> None:
    """Sign and index every article not yet indexed, a batch per transaction (resumable)."""
    from archiver.minhash import scheme_json
    from archiver.reuse import index_article

    current = scheme_json()
    with Archive.open(str(db)) as archive:
        with archive.db.writing() as conn:
            stored = conn.exec_driver_sql("SELECT scheme FROM reuse_signatures LIMIT 1").scalar()
            if stored not in (None, current):
                print("  the reuse index was built with other settings: building it again")
                conn.exec_driver_sql("DELETE FROM lsh_bands")
                conn.exec_driver_sql("DELETE FROM reuse_signatures")
        with archive.db.reading() as conn:
            total = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()
            last = conn.exec_driver_sql(
                "SELECT coalesce(max(article_id), 0) FROM reuse_signatures"
            ).scalar()
        if last >= total:
            return
        started, done = time.perf_counter(), last
        while last < total:
            with archive.db.writing() as conn:
                rows = conn.exec_driver_sql(
                    "SELECT id, clean_text FROM articles WHERE id > ? ORDER BY id LIMIT 1000",
                    (last,),
                ).all()
                for article_id, text in rows:
                    index_article(conn, article_id, text)
            last = rows[-1][0]
            rate = (last - done) / (time.perf_counter() - started)
            print(f"\r  indexing passages: {last:,}/{total:,} articles ({rate:.0f}/s)", end="")
        print(f"\n  indexed in {time.perf_counter() - started:.0f} s")


def synthetic_archive(n: int, *, reuse_index: bool = True) -> Path:
    """An archive of ``n`` articles of about 400 words (each rare word in about five), with
    the reuse index unless ``reuse_index`` is false; built (or completed) when needed."""
    OUT.mkdir(exist_ok=True)
    db = OUT / f"search-{n}.db"
    build(db, n)
    if reuse_index:
        build_reuse_index(db)
    return db
