"""`add --jobs N` and `--commit-every N`: pages prepared in worker processes and stored a
group per transaction leave the archive exactly as adding them one by one in one process."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from archiver import ingest
from archiver.archive import Archive
from archiver.ingest import Input, Overrides, Preparing, add_many
from archiver.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import newspages

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: What an archive holds, but for when each article was added.
TABLES = {
    "articles": "SELECT * FROM articles ORDER BY id",
    "article_fields": "SELECT * FROM article_fields ORDER BY article_id, name",
    "removed_lines": "SELECT * FROM removed_lines ORDER BY article_id, lineno",
    "reuse_pairs": "SELECT * FROM reuse_pairs ORDER BY a, b",
    "template_lines": "SELECT * FROM template_lines ORDER BY 1, 2",
    "boilerplate_shingles": "SELECT * FROM boilerplate_shingles ORDER BY 1",
    # The index as lookups see it (how its segments were merged depends on the commits).
    "lsh_bands": "SELECT key, passage FROM lsh_bands WHERE segment IN "
    "(SELECT id FROM lsh_segments WHERE state = 'live') ORDER BY 1, 2",
    "reuse_signatures": "SELECT * FROM reuse_signatures ORDER BY 1, 2",
}


def contents(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        out = {}
        for table, query in TABLES.items():
            cursor = conn.execute(query)
            names = [d[0] for d in cursor.description]
            out[table] = [
                tuple(v for n, v in zip(names, row, strict=True) if n != "ingested_at")
                for row in cursor
            ]
        return out
    finally:
        conn.close()


def add(db: Path, paths: list[Path], *, jobs: int, commit_every: int) -> tuple[list, Preparing]:
    preparing = Preparing()
    settings = Settings(commit_every=commit_every)
    with Archive.open(str(db), create=True) as archive:
        events = list(
            add_many(
                archive,
                [Input(str(p)) for p in paths],
                Overrides(),
                settings=settings,
                jobs=jobs,
                preparing=preparing,
            )
        )
    results = [e.result.to_json() for e in events if isinstance(e, ingest.Added)]
    return results, preparing


@pytest.fixture
def workers_for_any_batch(monkeypatch):
    """Workers even for a few pages (they start from 24 pages on)."""
    monkeypatch.setattr(ingest, "WORKERS_FROM", 2)


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"{i:04}.txt"
        path.write_text(newspages.page(i), encoding="utf-8")
        paths.append(path)
    return paths


def test_workers_and_groups_store_the_samples_as_one_by_one(tmp_path, workers_for_any_batch):
    samples = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix != ".md")
    one, _ = add(tmp_path / "one.db", samples, jobs=1, commit_every=1)
    many, preparing = add(tmp_path / "many.db", samples, jobs=3, commit_every=16)  # 2 workers
    assert preparing.by_workers >= 20  # the workers did prepare them
    assert many == one
    stored = contents(tmp_path / "one.db")
    assert len(stored["articles"]) >= 20 and len(stored["reuse_pairs"]) >= 5
    assert contents(tmp_path / "many.db") == stored


def test_workers_and_groups_store_a_news_like_stream_as_one_by_one(tmp_path, workers_for_any_batch):
    """News-like pages of outlets with templates and network blocks, copies and updates:
    templates change between a page's preparing and its storing, and it is prepared again."""
    pages = _pages(tmp_path / "pages", 160)
    one, _ = add(tmp_path / "one.db", pages, jobs=1, commit_every=1)
    many, preparing = add(tmp_path / "many.db", pages, jobs=2, commit_every=16)
    assert preparing.by_workers == len(pages)
    assert preparing.again > 0  # the case the writer must catch did happen
    # Reuse looked up by the workers was used, and looked up again once boilerplate was learned.
    assert preparing.ahead_used > len(pages) // 2 and preparing.ahead_stale > 0
    assert many == one
    stored = contents(tmp_path / "one.db")
    assert len(stored["reuse_pairs"]) >= 10 and stored["boilerplate_shingles"]
    assert contents(tmp_path / "many.db") == stored


def test_groups_in_one_process_store_what_one_by_one_stores(tmp_path):
    pages = _pages(tmp_path / "pages", 60)
    one, _ = add(tmp_path / "one.db", pages, jobs=1, commit_every=1)
    grouped, preparing = add(tmp_path / "grouped.db", pages, jobs=1, commit_every=7)
    assert preparing.by_workers == 0
    assert grouped == one
    assert contents(tmp_path / "grouped.db") == contents(tmp_path / "one.db")


def test_add_cli_with_jobs_reports_each_page_once_in_order(tmp_path, cli, workers_for_any_batch):
    pages = _pages(tmp_path / "pages", 30)
    db = tmp_path / "cli.db"
    result = cli(
        "--db", db, "add", "--jobs", "2", "--commit-every", "4", "--json", tmp_path / "pages"
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == [str(p) for p in pages]
    assert [line["id"] for line in lines] == list(range(1, 31))
    assert {line["status"] for line in lines} == {"added"}


def test_jobs_given_start_workers_however_short_the_run(tmp_path, cli, monkeypatch):
    """By default only a run of ``WORKERS_FROM`` pages starts workers; ``--jobs`` given on
    the command line starts them for a few pages too, and they do prepare the pages."""
    started = []
    real_init = ingest._Workers.__init__

    def init(self, archive, count, settings):
        started.append(count)
        real_init(self, archive, count, settings)

    monkeypatch.setattr(ingest._Workers, "__init__", init)
    _pages(tmp_path / "pages", 6)
    default = cli("--db", tmp_path / "default.db", "add", "--json", tmp_path / "pages")
    assert default.exit_code == 0, default.output
    assert started == []  # six pages: not worth the workers' start-up
    given = cli("--db", tmp_path / "given.db", "add", "--jobs", "2", "--json", tmp_path / "pages")
    assert given.exit_code == 0, given.output
    assert started == [1]  # two processes: one worker and the writer
    assert contents(tmp_path / "given.db") == contents(tmp_path / "default.db")


@pytest.mark.parametrize("value", ["0", "-1", "x"])
def test_jobs_and_commit_every_must_be_whole_numbers(cli, tmp_path, value):
    for option in ("--jobs", "--commit-every"):
        result = cli("--db", tmp_path / "a.db", "add", option, value, SAMPLES)
        assert result.exit_code == 2
        assert "Traceback" not in result.output
