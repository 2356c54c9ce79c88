"""What holds with real processes: `archiver add` killed or interrupted at a random moment of a
batch resumes without losing, doubling or orphaning anything; four writers adding overlapping
folders while readers search, report and check lose nothing and fail nowhere.

The moments are random: the seed is printed (``ARCHIVER_TEST_SEED=...``) and a run is repeated
by setting that variable. These tests start a few dozen processes (about a minute in all on two
cores): ``-m "not slow"`` leaves them out.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PAGES = 200
STOP = (
    "the of and to in a that for on with as by at from was were is are has had have said would "
    "will after before over under about into than their its"
).split()
NOUNS = (
    "council harbour budget ferry storm school hospital bridge river farmers market port union "
    "strike tax housing rail airport museum library festival court police mayor minister election "
    "drought water energy wind solar grid factory workers teachers nurses doctors students "
    "tourists fishermen bakery bank loan rent pipeline forest fire flood beach road tunnel station "
    "bus tram theatre stadium league coach players fans contract tender inquiry report survey "
    "census audit charity volunteers church vendors prices wages"
).split()
VERBS = (
    "approved rejected delayed announced warned promised opened closed raised cut blocked praised "
    "criticised reviewed funded planned expanded reduced questioned defended"
).split()
ADJECTIVES = (
    "new old local regional national coastal northern southern rural urban public private annual "
    "early late small large long short"
).split()
OUTLETS = ("harbour-news", "valley-times", "coast-daily", "city-ledger", "river-post")


@pytest.fixture(scope="module")
def seed() -> int:
    value = int(os.environ.get("ARCHIVER_TEST_SEED") or random.SystemRandom().randrange(1 << 31))
    print(f"ARCHIVER_TEST_SEED={value}")
    return value


def _sentence(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(14, 24)):
        r = rng.random()
        pool = STOP if r < 0.35 else NOUNS if r < 0.65 else VERBS if r < 0.8 else ADJECTIVES
        words.append(str(rng.randint(2, 9999)) if r >= 0.92 else rng.choice(pool))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _story(i: int) -> tuple[str, list[str]]:
    rng = random.Random(i)
    words = (rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(VERBS), rng.choice(NOUNS))
    title = " ".join(w.capitalize() for w in words) + f" {i}"
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(3, 4))) for _ in range(5)]
    return title, paragraphs


def copies(i: int) -> int | None:
    """The page whose third paragraph page ``i`` carries in its middle (a follow-up of that
    story), or None: every tenth page, from the fifth on."""
    return i - 1 if i % 10 == 5 else None


def page(i: int) -> str:
    """A small plain-text page dump of an invented story; unrelated pages share no passage."""
    title, paragraphs = _story(i)
    source = copies(i)
    if source is not None:
        source_title, source_paragraphs = _story(source)
        title = f"{source_title}: a follow-up ({i})"
        paragraphs.insert(2, source_paragraphs[2])
    outlet = OUTLETS[i % len(OUTLETS)]
    return (
        f"URL: https://www.{outlet}.example/2024/05/story-{i}\n\n{title}\n\nBy Staff Reporter\n\n"
        f"May {1 + i % 28}, 2024\n\n" + "\n\n".join(paragraphs) + "\n\nShare this article\n"
    )


def write_pages(folder: Path, indexes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in indexes:
        (folder / f"page-{i:04d}.txt").write_text(page(i), encoding="utf-8")


def archiver(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        **kwargs,
    )


def start(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "archiver", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def contents(db: Path) -> list[tuple[int, str, str]]:
    """(id, sha256, source path) of every article; none when the archive's tables were not
    made yet (stopped while it was being created)."""
    conn = sqlite3.connect(db)
    try:
        made = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
        if made is None:
            return []
        return conn.execute("SELECT id, sha256, source_path FROM articles ORDER BY id").fetchall()
    finally:
        conn.close()


def pairs_by_page(db: Path) -> set[tuple[int, int]]:
    """The stored reuse pairs, as the indexes of the pages they join."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT x.source_path, y.source_path FROM reuse_pairs p "
            "JOIN articles x ON x.id = p.a JOIN articles y ON y.id = p.b"
        ).fetchall()
    finally:
        conn.close()

    def index(path: str) -> int:
        return int(Path(path).stem.split("-")[1])

    return {tuple(sorted((index(a), index(b)))) for a, b in rows}


def expected_pairs(indexes) -> set[tuple[int, int]]:
    present = set(indexes)
    return {(copies(i), i) for i in present if copies(i) in present}


def assert_checks_ok(db: Path, why: str) -> None:
    checked = archiver("--db", db, "db", "check")
    assert checked.returncode == 0, f"{why}\n{checked.stdout}{checked.stderr}"
    assert checked.stdout.endswith("OK\n"), why


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_add_stopped_at_a_random_moment_resumes_exactly(sig, seed, tmp_path):
    folder = tmp_path / "pages"
    write_pages(folder, range(PAGES))
    db = tmp_path / "archive.db"
    # `add` takes about 1 s to start and a few seconds for the batch: the signal lands anywhere
    # from the first articles to the last.
    delay = random.Random(seed * 31 + sig).uniform(1.5, 5.0)
    why = f"ARCHIVER_TEST_SEED={seed}: {sig.name} after {delay:.2f} s"
    print(why)
    proc = start("--db", db, "add", folder, "--json")
    time.sleep(delay)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        print(f"{why}: the batch had finished")
    elif sig == signal.SIGINT:
        assert proc.returncode == 130, f"{why}\n{err}"
        assert "Traceback" not in err, why
        assert "Interrupted" in err, why
    else:
        assert proc.returncode == -signal.SIGKILL, f"{why}\n{err}"
    before = contents(db) if db.exists() else []
    print(f"{why}: {len(before)} of {PAGES} archived before it stopped")
    if before:
        assert_checks_ok(db, why)
    if sig == signal.SIGINT:
        # What `add` said it archived before stopping is archived.
        said = {json.loads(line)["id"] for line in out.splitlines()}
        assert said <= {article_id for article_id, _, _ in before}, why

    rerun = archiver("--db", db, "add", folder, "--json")
    assert rerun.returncode == 0, f"{why}\n{rerun.stderr}"
    statuses = [json.loads(line)["status"] for line in rerun.stdout.splitlines()]
    assert statuses.count("added") == PAGES - len(before), why
    assert statuses.count("duplicate") == len(before), why
    after = contents(db)
    assert len(after) == PAGES, why
    assert len({sha for _, sha, _ in after}) == PAGES, why
    assert len({path for _, _, path in after}) == PAGES, why
    assert pairs_by_page(db) == expected_pairs(range(PAGES)), why
    assert_checks_ok(db, why)


def test_four_writers_and_readers_at_once_lose_nothing(seed, tmp_path):
    """Four `add` processes start together on a new archive, on folders that overlap (each
    page is in two of them), two of them with workers, while searches, reports and checks
    run until they are done."""
    rng = random.Random(seed)
    total = 80
    folders = []
    for k in range(4):
        folder = tmp_path / f"writer-{k}"
        indexes = [(k * total // 4 + j) % total for j in range(total // 2)]
        rng.shuffle(indexes)
        write_pages(folder, indexes)
        folders.append(folder)
    db = tmp_path / "shared.db"
    started = time.perf_counter()
    # Two of them prepare their pages in two worker processes each.
    writers = [
        start("--db", db, "add", *(("--jobs", "2") if k % 2 else ()), folder, "--json")
        for k, folder in enumerate(folders)
    ]

    failures: list[str] = []
    reads = {"search": 0, "report": 0, "check": 0}

    def read_while_writing(name: str, *args) -> None:
        """One reader: the same command again and again until the writers are done (and at
        least once on the archive they made)."""
        while any(w.poll() is None for w in writers) or not reads[name]:
            done = archiver("--db", db, *args)
            if done.returncode == 3 and "no archive" in done.stderr:
                time.sleep(0.1)
                continue  # not created yet
            reads[name] += 1
            if done.returncode != 0 or "Traceback" in done.stderr:
                failures.append(f"{name}: {done.returncode} {done.stdout[-500:]}{done.stderr}")
            elif name == "report":
                json.loads(done.stdout)

    readers = [
        threading.Thread(target=read_while_writing, args=args)
        for args in (
            ("search", "search", "harbour OR ferry", "--limit", "5"),
            ("report", "report", "--format", "json"),
            ("check", "db", "check"),
        )
    ]
    for reader in readers:
        reader.start()
    outputs = [w.communicate(timeout=300) for w in writers]
    writing = time.perf_counter() - started
    for reader in readers:
        reader.join()
    why = f"ARCHIVER_TEST_SEED={seed}"
    print(f"{why}: writers done in {writing:.1f} s; reads meanwhile and after: {reads}")
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, f"{why}\n{err}"
        assert "Traceback" not in err, why
    assert not failures, f"{why}\n" + "\n".join(failures)

    results = [json.loads(line) for out, _ in outputs for line in out.splitlines()]
    assert len(results) == 2 * total
    added = [r for r in results if r["status"] == "added"]
    assert len(added) == total, why
    assert all(r["status"] == "duplicate" for r in results if r not in added), why
    after = contents(db)
    assert len(after) == total, why
    assert len({sha for _, sha, _ in after}) == total, why
    assert pairs_by_page(db) == expected_pairs(range(total)), why
    assert_checks_ok(db, why)
