"""What the Chinese and Japanese index costs and how fast it answers: median and p95.

    python bench/search_cjk.py                              # 6,000 English + 1,000 Chinese
    python bench/search_cjk.py --english 20000 --chinese 2000

Builds a throw-away archive through the real schema (its triggers fill both indexes): English
articles of made-up words drawn from a Zipf vocabulary, and Chinese ones of two-character words
drawn from a Zipf vocabulary of common ideographs. Prints the cost of inserting English
articles with and without the trigram index's triggers (they only test for Han and kana
characters), the trigram index's size next to the Chinese text's, and search latency through
``archiver.fts.search``: an English word, Chinese words of three characters or more (trigram
index) and of two characters (looked up in the text of the Chinese articles).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.archive import Archive
from archiver.fts import search

QUERIES = 100


def zipf_choice(rng: random.Random, items: list[str], k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights=weights, k=k)


def english_text(rng: random.Random, vocab: list[str]) -> str:
    return " ".join(zipf_choice(rng, vocab, 400)) + "."


def chinese_text(rng: random.Random, vocab: list[str]) -> str:
    sentences = ["".join(zipf_choice(rng, vocab, 12)) + "。" for _ in range(25)]
    return "".join(sentences)


def insert(conn: sqlite3.Connection, texts: list[str], offset: int) -> float:
    start = time.perf_counter()
    conn.execute("BEGIN")
    for i, text in enumerate(texts):
        data = f"{offset + i}\n{text}".encode()
        sha = hashlib.sha256(data).hexdigest()
        conn.execute("INSERT INTO originals VALUES (?, ?, ?)", (sha, len(data), data))
        conn.execute(
            "INSERT INTO articles (sha256, source_path, ingested_at, format, encoding, extractor,"
            " extractor_version, clean_text, title) VALUES (?, ?, '2024-06-01 10:00:00', 'text',"
            " 'utf-8', 'bench', '1', ?, ?)",
            (sha, f"/bench/{offset + i}.txt", text, text[:12]),
        )
    conn.execute("COMMIT")
    return time.perf_counter() - start


def _slice(rng: random.Random, text: str, n: int) -> str:
    while True:
        start = rng.randrange(len(text) - n)
        if "。" not in text[start : start + n]:
            return text[start : start + n]


def latency(archive: Archive, queries: list[str]) -> tuple[float, float, float]:
    times, found = [], 0
    for query in queries:
        start = time.perf_counter()
        found += len(search(archive, query, limit=20))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], found / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--english", type=int, default=6_000)
    parser.add_argument("--chinese", type=int, default=1_000)
    args = parser.parse_args()
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    en_vocab = ["".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(20_000)]
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    zh_vocab = ["".join(rng.choices(han, k=2)) for _ in range(8_000)]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        Archive.open(str(db), create=True).close()
        conn = sqlite3.connect(db, isolation_level=None)
        half = args.english // 2
        english = [english_text(rng, en_vocab) for _ in range(args.english)]
        with_triggers = insert(conn, english[:half], 0)
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name LIKE 'articles_cjk_fts_%' "
            "AND type = 'trigger'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        without = insert(conn, english[half:], half)
        for _, sql in triggers:
            conn.execute(sql)
        print(
            f"English articles inserted: {half / with_triggers:,.0f}/s with the trigram "
            f"index's triggers, {half / without:,.0f}/s without"
        )
        chinese = [chinese_text(rng, zh_vocab) for _ in range(args.chinese)]
        took = insert(conn, chinese, args.english)
        text_bytes = sum(len(t.encode()) for t in chinese)
        index_bytes = conn.execute(
            "SELECT sum(length(block)) FROM articles_cjk_fts_data"
        ).fetchone()[0]
        print(
            f"Chinese articles inserted: {args.chinese / took:,.0f}/s; trigram index "
            f"{index_bytes / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB of Chinese text"
        )
        conn.close()
        qrng = random.Random(3)
        cases = {
            "English word (rank ~1000 of 20,000)": [en_vocab[1000 + i] for i in range(QUERIES)],
            "Chinese 4 characters, common (two top words)": [
                zh_vocab[i % 10] + zh_vocab[(i + 1) % 10] for i in range(QUERIES)
            ],
            "Chinese 4 characters from one article (selective)": [
                _slice(qrng, qrng.choice(chinese), 4) for _ in range(QUERIES)
            ],
            "Chinese 2 characters, common (LIKE)": [zh_vocab[i % 20] for i in range(QUERIES)],
            "Chinese 2 characters, rare (LIKE)": [
                qrng.choice(zh_vocab[5000:]) for _ in range(QUERIES)
            ],
        }
        with Archive.open(str(db)) as archive:
            for name, queries in cases.items():
                median, p95, hits = latency(archive, queries)
                print(f"{name}: median {median:.2f} ms, p95 {p95:.2f} ms, {hits:.1f} hits")


if __name__ == "__main__":
    main()
