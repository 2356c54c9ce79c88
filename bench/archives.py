"""The large synthetic archives the benchmarks share, built once and kept in bench/out/ (ignored
by git) under a name that carries the corpus version (bench/newslike.py), so an archive of
older text is never reused: news-like pages of bench/newspages.py's stream, cleaned by the real
cleaner with each outlet's template learned as `add` learns it, stored through the real schema
(full-text rows through its triggers, template line counts), then every article signed and
added to the LSH band index by the real code.

    archive = synthetic_archive(100_000)   # bench/out/news-100000-newslike1-aeb.db
    python bench/archives.py 10000         # build one ahead of time
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import newspages
from newslike import corpus_version

from archiver.archive import Archive

OUT = Path(__file__).resolve().parent / "out"
BATCH = 1000


#: How the reuse index of a benchmark archive is built (part of its name): the first
#: LEARN_FIRST articles through find_reuse as `add` runs it (pairs found, boilerplate learned
#: and removed), the rest indexed with what was learned removed first, as `add` would.
INDEX_VERSION = "learned2"
LEARN_FIRST = 2000


def archive_path(n: int) -> Path:
    return OUT / f"news-{n}-{corpus_version()}-{INDEX_VERSION}.db"


class Cleaner:
    """The plain-text cleaning `add` does, with each outlet's template counted in memory (the
    archive's template_lines table gets the same counts, written with each batch)."""

    def __init__(self) -> None:
        from archiver.options import DEFAULTS
        from archiver.templates import as_template, line_hashes, outlet_hash
        from archiver.textclean import clean_text

        self.clean_text, self.line_hashes, self.outlet_hash = clean_text, line_hashes, outlet_hash
        self.as_template, self.min_count = as_template, DEFAULTS.cleaning.template_min_count
        self.counts: dict[int, Counter[int]] = {}

    def __call__(self, page: str):
        """(extraction, outlet, the outlet's hash and the page's line hashes or None)."""
        extraction = self.clean_text(page)
        outlet = extraction.metadata.get("outlet")
        if outlet is None:
            return extraction, None, None
        keys = self.line_hashes(page)
        seen = self.counts.setdefault(self.outlet_hash(outlet.value), Counter())
        template = self.as_template({h: seen[h] for h in keys if h in seen}, keys)
        if any(n >= self.min_count for n in template.values()):
            extraction = self.clean_text(page, template=template)
            outlet = extraction.metadata.get("outlet") or outlet
        owner = self.outlet_hash(outlet.value)
        self.counts.setdefault(owner, Counter()).update(keys.keys())
        return extraction, outlet.value, (owner, tuple(keys))


def build(db: Path, n: int) -> None:
    """Articles, their full-text rows and template counts, written to a temporary file renamed
    at the end (an interrupted build leaves no archive that looks complete)."""
    if db.exists():
        return
    from archiver.templates import TemplateLines
    from archiver.templates import count as count_template_lines

    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    Archive.open(str(partial), create=True).close()
    clean = Cleaner()
    started = time.perf_counter()
    for start in range(0, n, BATCH):
        rows, templates = [], []
        for i in range(start, min(start + BATCH, n)):
            page = newspages.page(i)
            extraction, outlet, lines = clean(page)
            data = page.encode()
            value = {k: f.value for k, f in extraction.metadata.items()}
            rows.append(
                (
                    hashlib.sha256(data).hexdigest(),
                    data,
                    extraction.text,
                    value.get("title"),
                    value.get("author"),
                    outlet,
                    value.get("published"),
                )
            )
            if lines:
                templates.append(TemplateLines(*lines))
        with Archive.open(str(partial)) as archive, archive.db.writing() as conn:
            conn.exec_driver_sql(
                "INSERT INTO originals VALUES (?, length(?), ?)", [(r[0], r[1], r[1]) for r in rows]
            )
            conn.exec_driver_sql(
                "INSERT INTO articles (sha256, source_path, ingested_at, format, encoding, "
                "extractor, extractor_version, clean_text, title, author, outlet, published) "
                "VALUES (?, 'bench', '2024-01-01 00:00:00', 'text', 'utf-8', 'archiver-text', "
                "'1', ?, ?, ?, ?, ?)",
                [(r[0], *r[2:]) for r in rows],
            )
            for lines in templates:
                count_template_lines(conn, lines, +1)
        done = min(start + BATCH, n)
        rate = done / (time.perf_counter() - started)
        print(f"\r  {db.name}: {done:,}/{n:,} pages cleaned and stored ({rate:.0f}/s)", end="")
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    partial.rename(db)
    print(f"\n  built {n:,} articles in {time.perf_counter() - started:.0f} s")


def build_reuse_index(db: Path) -> None:
    """Sign and index every article not yet indexed, a batch per transaction (resumable).

    The first ``LEARN_FIRST`` articles go through ``reuse.find_reuse`` as `add` runs it: their
    pairs are found and the boilerplate they share is learned (and removed from them). Finding
    the reuse of 100,000 articles one by one would take hours; an archive that has seen a few
    thousand pages of each network has learned its blocks, so the others only have what was
    learned removed (``boilerplate.strip_known``, as `add` cleans) before they are indexed."""
    from archiver import reuse
    from archiver.boilerplate import REASON, known_shingles, strip_known
    from archiver.document import Extraction
    from archiver.minhash import scheme_json
    from archiver.passages import shingle_hashes, tokenize
    from archiver.storage import storage_for

    current = scheme_json()
    with Archive.open(str(db)) as archive:
        with archive.db.writing() as conn:
            stored = conn.exec_driver_sql("SELECT scheme FROM reuse_signatures LIMIT 1").scalar()
            if stored not in (None, current):
                print("  the reuse index was built with other settings: building it again")
                storage_for(conn).drop_all_bands()
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
            batch = 100 if last < LEARN_FIRST else 1000
            with archive.db.writing() as conn:
                rows = conn.exec_driver_sql(
                    "SELECT id, clean_text FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                    (last, batch),
                ).all()
                for article_id, text in rows:
                    if article_id <= LEARN_FIRST:
                        reuse.find_reuse(conn, article_id, text)
                        continue
                    stripped = strip_known(conn, Extraction(text=text))
                    if stripped.text != text:
                        conn.exec_driver_sql(
                            "UPDATE articles SET clean_text = ? WHERE id = ?",
                            (stripped.text, article_id),
                        )
                        conn.exec_driver_sql(
                            "INSERT INTO removed_lines (article_id, lineno, text, reason) "
                            "VALUES (?, ?, ?, ?)",
                            [(article_id, r.lineno, r.text, REASON) for r in stripped.removed],
                        )
                    tokens = tokenize(stripped.text)
                    ignore = known_shingles(conn, shingle_hashes(tokens))
                    reuse.index_article(
                        conn, article_id, tokens, ignore=ignore if len(ignore) else None
                    )
            last = rows[-1][0]
            rate = (last - done) / (time.perf_counter() - started)
            print(f"\r  indexing passages: {last:,}/{total:,} articles ({rate:.0f}/s)", end="")
        print(f"\n  indexed in {time.perf_counter() - started:.0f} s")


def synthetic_archive(n: int, *, reuse_index: bool = True) -> Path:
    """An archive of the first ``n`` pages of the stream, with the reuse index unless
    ``reuse_index`` is false; built (or completed) when needed."""
    OUT.mkdir(exist_ok=True)
    db = archive_path(n)
    build(db, n)
    if reuse_index:
        build_reuse_index(db)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the benchmarks' synthetic archives.")
    parser.add_argument("sizes", type=int, nargs="+", help="articles, e.g. 10000 100000")
    parser.add_argument("--no-index", action="store_true", help="skip the reuse index")
    args = parser.parse_args()
    for n in args.sizes:
        print(synthetic_archive(n, reuse_index=not args.no_index))


if __name__ == "__main__":
    main()
