"""`archiver add` beside two pipelines a team might write instead, on the same news-like pages
in the same run: throughput and peak memory of each, and archiver's ratio to the batch peer.

    python bench/peers.py                         # 2,000 pages into empty archives, 3 runs
    python bench/peers.py --pages 500 --runs 1    # quick

The pages are bench/ingest.py's news-like page dumps (bench/newspages.py: outlets' furniture,
networks' shared blocks, wire copies and updates). Each contender runs in its own process,
started by this one (process start included, as a user meets it), into a new database:

- ``archiver``: ``archiver add --quiet PAGES`` with its defaults (``--jobs``: the machine's
  cores; 16 pages a transaction): cleaning with the outlet's template, metadata, passages
  signed, the LSH index, candidates verified by alignment, provenance, learned boilerplate.
- ``archiver --jobs 1``: the same in one process.
- ``afternoon``: what an afternoon's script does: jusText over each page's lines (the English
  stoplist), word 5-gram shingles, one datasketch ``MinHash`` per page updated shingle by
  shingle, an in-memory ``MinHashLSH`` (threshold 0.5) queried then inserted into, and sqlite3
  (a transaction a page) for the text and the candidate pairs.
- ``batch peer``: as text-dedup's MinHash deduplication runs: every page cleaned the same
  way, ``MinHash.bulk`` over all of them, one LSH insertion session, every page queried, and
  one transaction for the texts and pairs.

The peers find near-duplicate pages (unverified candidates, whole pages); archiver finds
verified shared passages with their spans, sources and credits, so it does more per page.
Memory is the peak resident set of the contender's whole process tree (workers included),
sampled every 50 ms from /proc. Medians of the runs.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

NUM_PERM = 128
THRESHOLD = 0.5
SHINGLE = 5
WORD = re.compile(r"\w+")


# --- the peers -------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """jusText over the page's lines, each a paragraph; what it keeps, a line each."""
    import justext

    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    paragraphs = justext.justext(f"<html><body>{body}</body></html>", _stoplist())
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


_STOPLIST: frozenset[str] | None = None


def _stoplist() -> frozenset[str]:
    global _STOPLIST
    if _STOPLIST is None:
        import justext

        _STOPLIST = frozenset(justext.get_stoplist("English"))
    return _STOPLIST


def _shingles(text: str) -> list[bytes]:
    words = WORD.findall(text.casefold())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    return [g.encode() for g in grams if g]


def _database(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT, text TEXT)")
    conn.execute("CREATE TABLE pairs (a INTEGER, b INTEGER, PRIMARY KEY (a, b))")
    return conn


def afternoon(files: list[Path], db: Path) -> None:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    conn = _database(db)
    for number, path in enumerate(files):
        text = _clean(path.read_text(encoding="utf-8"))
        signature = MinHash(num_perm=NUM_PERM)
        for shingle in _shingles(text):
            signature.update(shingle)
        found = lsh.query(signature)
        lsh.insert(number, signature)
        with conn:
            conn.execute("INSERT INTO articles VALUES (?, ?, ?)", (number, str(path), text))
            conn.executemany("INSERT INTO pairs VALUES (?, ?)", [(o, number) for o in found])
    conn.close()


def batch_peer(files: list[Path], db: Path) -> None:
    from datasketch import MinHash, MinHashLSH

    texts = [_clean(path.read_text(encoding="utf-8")) for path in files]
    signatures = MinHash.bulk([_shingles(text) for text in texts], num_perm=NUM_PERM)
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for number, signature in enumerate(signatures):
            session.insert(number, signature)
    pairs = {
        (min(number, other), max(number, other))
        for number, signature in enumerate(signatures)
        for other in lsh.query(signature)
        if other != number
    }
    conn = _database(db)
    with conn:
        conn.executemany(
            "INSERT INTO articles VALUES (?, ?, ?)",
            [(n, str(p), t) for n, (p, t) in enumerate(zip(files, texts, strict=True))],
        )
        conn.executemany("INSERT INTO pairs VALUES (?, ?)", sorted(pairs))
    conn.close()


PEERS = {"afternoon": afternoon, "batch peer": batch_peer}


# --- running and measuring -------------------------------------------------------------------


def _tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and every process under it, in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, parent = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of the command's process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if code:
        raise SystemExit(f"{' '.join(command)} failed with status {code}")
    return seconds, peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--run", choices=sorted(PEERS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:  # one peer, in this process
        PEERS[args.run](sorted(args.folder.iterdir()), args.db)
        return

    from ingest import write_pages

    python = sys.executable
    contenders = {
        "archiver add": lambda folder, db: [
            python, "-m", "archiver", "--db", str(db), "add", "--quiet", str(folder)
        ],
        "archiver add --jobs 1": lambda folder, db: [
            python, "-m", "archiver", "--db", str(db), "add", "--quiet", "--jobs", "1",
            str(folder),
        ],
        **{
            name: lambda folder, db, name=name: [
                python, __file__, "--run", name, "--folder", str(folder), "--db", str(db)
            ]
            for name in PEERS
        },
    }  # fmt: skip
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        folder = tmp / "pages"
        write_pages(folder, 0, args.pages)
        for run in range(args.runs):
            for name, command in contenders.items():
                db = tmp / f"{run}-{name.replace(' ', '-')}.db"
                figures[name].append(measure(command(folder, db)))
                print(f"run {run + 1}: {name}: {figures[name][-1][0]:.1f} s", file=sys.stderr)
    n = args.pages
    rates = {name: n / statistics.median(s for s, _ in runs) for name, runs in figures.items()}
    print(f"{n:,} news-like pages into a new database, medians of {args.runs} runs:")
    print(f"  {'':<24} {'articles/s':>10} {'peak MB':>8}")
    for name, runs in figures.items():
        peak = statistics.median(mb for _, mb in runs)
        print(f"  {name:<24} {rates[name]:>10.1f} {peak:>8.0f}")
    ratio = rates["archiver add"] / rates["batch peer"]
    print(f"  archiver add / batch peer: {ratio:.2f}x (target 3x)")
    print(f"  archiver add / afternoon:  {rates['archiver add'] / rates['afternoon']:.2f}x")


if __name__ == "__main__":
    main()
