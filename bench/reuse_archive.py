"""Reuse detection through a real archive: the SQLite LSH index, verification, stored pairs.

The same labelled corpus and scoring as bench/reuse_quality.py (which runs the pure pipeline
in memory), but every article goes through archiver.reuse.find_reuse inside a write
transaction, as `archiver add` does, and the pairs are read back from reuse_pairs.

    python bench/reuse_archive.py                  # 400 articles
    python bench/reuse_archive.py --articles 2000
    NEWSLIKE_SOURCE=synthetic python bench/reuse_archive.py   # the text CI's gate sees

The corpus's text comes from bench/newslike.py's model: trained on the AEB bodies when
../shared is there, synthetic otherwise (CI); the two give different figures.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))
from newslike import corpus_version  # noqa: E402
from reuse_corpus import build, corpus_stats  # noqa: E402
from reuse_quality import print_errors, score  # noqa: E402

from archiver import reuse, templates  # noqa: E402
from archiver.store import open_database  # noqa: E402
from archiver.templates import TemplateLines, line_hashes  # noqa: E402

FLOORS = ROOT / "floors.json"


def outlet_hash(outlet: str | None) -> int | None:
    return templates.outlet_hash(outlet) if outlet else None


def count_template_lines(conn, lines: TemplateLines, step: int) -> None:
    """As `add` does: an article's lines count into its outlet's template only when it has
    an outlet (the corpus has articles without one)."""
    if lines.outlet_hash is not None:
        templates.count(conn, lines, step)


def find_reuse(conn, article_id: int, text: str):
    """archiver.reuse.find_reuse as `add` calls it: versions that take the article's outlet
    get the one stored in its row, later ones read what they need themselves."""
    if "outlet" in inspect.signature(reuse.find_reuse).parameters:
        outlet = conn.exec_driver_sql(
            "SELECT outlet FROM articles WHERE id = ?", (article_id,)
        ).scalar()
        return reuse.find_reuse(conn, article_id, text, outlet)
    return reuse.find_reuse(conn, article_id, text)


def run(corpus: dict, db_path: Path) -> dict:
    """Add every corpus article (clean text as given, with its outlet or none) as `add`
    stores it: the article row, its lines counted into the outlet's template (when it has an
    outlet), then find_reuse."""
    db = open_database(str(db_path), create=True)
    offset = 1 - min(a["id"] for a in corpus["articles"])  # archive ids start at 1
    times = []
    try:
        for article in corpus["articles"]:
            article_id = article["id"] + offset
            outlet = article["outlet"]
            # Pages of two outlets differ even when the story is the same word for word.
            data = f"{outlet}\n{article_id}\n{article['text']}".encode()
            sha = hashlib.sha256(data).hexdigest()
            started = time.perf_counter()
            with db.writing() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO originals VALUES (?, ?, ?)", (sha, len(data), data)
                )
                conn.exec_driver_sql(
                    "INSERT INTO articles (id, sha256, source_path, ingested_at, format, encoding,"
                    " extractor, extractor_version, clean_text, outlet, title) VALUES (?, ?, "
                    "'corpus', ?, 'text', 'utf-8', 'corpus', '1', ?, ?, ?)",
                    (
                        article_id,
                        sha,
                        datetime(2024, 1, 1),
                        article["text"],
                        outlet,
                        article.get("title"),
                    ),
                )
                lines = TemplateLines(outlet_hash(outlet), tuple(line_hashes(article["text"])))
                count_template_lines(conn, lines, +1)
                find_reuse(conn, article_id, article["text"])
            times.append(1000 * (time.perf_counter() - started))
        with db.reading() as conn:
            rows = conn.exec_driver_sql("SELECT a, b, spans FROM reuse_pairs").all()
            stored = dict(conn.exec_driver_sql("SELECT id, clean_text FROM articles").all())
    finally:
        db.close()
    # Lines found to be shared boilerplate are removed from the stored text: spans are offsets
    # into it, and the labels into the corpus text.
    given = {a["id"] + offset: a["text"] for a in corpus["articles"]}
    back = {i: _positions(stored[i], given[i]) for i in stored if stored[i] != given[i]}
    found = {}
    for a, b, spans in rows:
        found[(a - offset, b - offset)] = [
            [*_moved(back.get(a), s[0], s[1]), *_moved(back.get(b), s[2], s[3])]
            for s in json.loads(spans)
        ]
    times.sort()
    return {
        "found": found,
        "ms_median": statistics.median(times),
        "ms_p95": times[int(0.95 * (len(times) - 1))],
    }


def _positions(stored: str, given: str) -> list[tuple[int, int]]:
    """(offset in stored, offset in given) of each line of the stored text."""
    out, at = [], 0
    for line in stored.split("\n"):
        if line.strip():
            at = given.index(line, at)
            out.append((stored.index(line, out[-1][0] if out else 0), at))
            at += len(line)
    return out


def _moved(lines: list[tuple[int, int]] | None, start: int, end: int) -> list[int]:
    if not lines:
        return [start, end]
    here, there = max((p for p in lines if p[0] <= start), default=lines[0])
    shift = there - here
    return [start + shift, end + shift]


def measure(articles: int = 400, seed: int = 1) -> dict:
    corpus = build(articles, seed)
    with tempfile.TemporaryDirectory() as tmp:
        result = run(corpus, Path(tmp) / "reuse.db")
    return {**score(corpus, result.pop("found")), **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--corpus-seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as one object")
    args = parser.parse_args()
    figures = measure(args.articles, args.corpus_seed)
    if args.json:
        keys = ("precision", "recall", "spans_within_10", "pairs_true", "pairs_found")
        print(json.dumps({"text": corpus_version(), **{k: figures[k] for k in keys}}))
        return
    # The floors are pinned for the gate's corpus (tests/test_reuse_gate.py): 400 articles, seed 1.
    gated = (args.articles, args.corpus_seed) == (400, 1)
    floors = json.loads(FLOORS.read_text()).get("reuse", {}) if gated else {}
    print(
        f"corpus: {args.articles} articles, seed {args.corpus_seed}, text {corpus_version()}; "
        f"pairs sharing 40+ words: {figures['pairs_true']} true, {figures['pairs_found']} found"
    )
    for key in ("precision", "recall", "spans_within_10"):
        floor = floors.get(key)
        note = (
            f"   floor {floor:.3f}" + ("   BELOW" if figures[key] < floor else "") if floor else ""
        )
        print(f"  {key:<18} {figures[key]:.3f}{note}")
    print(f"  span error         {figures['span_error_chars']:.1f} characters on average")
    print(
        f"  per article        {figures['ms_median']:.1f} ms median, "
        f"{figures['ms_p95']:.1f} ms p95 "
        "(index, candidates, verification, pairs stored; one transaction)"
    )
    print_errors(figures)
    print(corpus_stats(build(args.articles, args.corpus_seed)))


if __name__ == "__main__":
    main()
