"""One options object: every tunable (limits, cleaning, reuse, provenance) in ``Options``, given
when the archive is opened and followed by everything ``add`` does, worker processes included."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, replace

import pytest

from archiver import ingest
from archiver.archive import Archive
from archiver.ingest import Added, Input, Overrides, add_many
from archiver.options import DEFAULTS, Options
from archiver.passages import DEFAULT as DEFAULT_REUSE
from archiver.provenance import DEFAULT_PROVENANCE
from archiver.settings import Settings
from archiver.textclean import CleanOptions
from archiver.textclean.options import DEFAULT_OPTIONS

from .conftest import SAMPLES

#: Keeps a sample's author bio in its text (the default removes up to 4 lines of one).
KEEP_BIOS = CleanOptions(bio_lines=0)
#: Reuse only of 5,000 words and more, whole or in fragments: nothing among the samples.
NOTHING_SHORTER_THAN_A_BOOK = replace(DEFAULT_REUSE, min_words=5000, fragment_total=5000)


def _samples() -> list:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix != ".md")


def _add(
    db, options: Options | None, jobs: int = 1, preparing: ingest.Preparing | None = None
) -> tuple[Archive, list[dict]]:
    archive = Archive.open(str(db), create=True, options=options)
    inputs = [Input(str(p)) for p in _samples()]
    events = add_many(archive, inputs, Overrides(), jobs=jobs, preparing=preparing)
    return archive, [e.result.to_json() for e in events if isinstance(e, Added)]


def test_the_defaults_are_each_groups_own_and_the_object_travels():
    assert Options() == DEFAULTS
    assert (DEFAULTS.cleaning, DEFAULTS.reuse, DEFAULTS.provenance) == (
        DEFAULT_OPTIONS,
        DEFAULT_REUSE,
        DEFAULT_PROVENANCE,
    )
    assert DEFAULTS.limits == Settings()
    tuned = Options(cleaning=KEEP_BIOS, reuse=replace(DEFAULT_REUSE, min_words=40))
    assert pickle.loads(pickle.dumps(tuned)) == tuned  # what worker processes receive
    with pytest.raises(FrozenInstanceError):
        tuned.reuse = DEFAULT_REUSE


def test_an_archive_opened_without_options_follows_the_defaults(tmp_path):
    import archiver

    assert archiver.Options is Options
    with Archive.open(str(tmp_path / "a.db"), create=True) as archive:
        assert archive.options is DEFAULTS


def test_reuse_and_provenance_options_decide_the_pairs(tmp_path):
    default, results = _add(tmp_path / "default.db", None)
    with default:
        pairs = [p for r in results for p in r["reused_from"]]
        assert pairs, "the samples share passages"
        sourced = [p for r in results for p in default.pairs(r["id"]) if p.source is not None]
        assert sourced, "the defaults tell who was first for some pairs"
    strict, results = _add(tmp_path / "strict.db", Options(reuse=NOTHING_SHORTER_THAN_A_BOOK))
    with strict:
        assert [p for r in results for p in r["reused_from"]] == []
    # A margin no evidence reaches: every pair found, none given a source.
    unsure = replace(DEFAULT_PROVENANCE, low=1e6, medium=2e6, high=3e6)
    doubtful, results = _add(tmp_path / "doubtful.db", Options(provenance=unsure))
    with doubtful:
        found = [p for r in results for p in doubtful.pairs(r["id"])]
        assert len({(p.a, p.b) for p in found}) == len(
            {(p.a, p.b) for p in default_pairs(tmp_path)}
        )
        assert all(p.source is None and p.confidence == "undetermined" for p in found)


def default_pairs(tmp_path) -> list:
    with Archive.open(str(tmp_path / "default.db")) as archive:
        return [p for a in archive.articles() for p in archive.pairs(a.id)]


def _contents(archive: Archive) -> list[tuple]:
    return [
        (
            r.id,
            r.clean_text,
            [(x.lineno, x.reason) for x in archive.get(r.id, removed=True).removed],
        )
        for r in archive.articles(newest_first=False)
    ]


def test_cleaning_options_are_followed_in_worker_processes_too(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "WORKERS_FROM", 2)  # workers even for the few samples
    default, _ = _add(tmp_path / "default.db", None)
    one, _ = _add(tmp_path / "one.db", Options(cleaning=KEEP_BIOS))
    preparing = ingest.Preparing()
    workers, _ = _add(tmp_path / "workers.db", Options(cleaning=KEEP_BIOS), 2, preparing)
    assert preparing.by_workers >= 20  # the workers did prepare them
    with default, one, workers:
        assert _contents(workers) == _contents(one)
        # The bios the default removes as bios are kept, or learned as what the outlet's
        # articles share, never removed as bios.
        reasons = {
            name: sorted({reason for _, _, removed in _contents(archive) for _, reason in removed})
            for name, archive in (("default", default), ("kept", one))
        }
        assert "author-bio" in reasons["default"] and "author-bio" not in reasons["kept"]


def test_limits_come_from_the_options_when_add_is_given_none(tmp_path):
    _, results = _add(tmp_path / "tiny.db", Options(limits=Settings(max_bytes=100)))
    assert results and all(r["status"] == "error" for r in results)
    assert "100 B" in results[0]["error"] or "larger" in results[0]["error"]


#: Passages signed with 32 hash functions in 16 bands: another scheme than the default's.
FINER = Options(reuse=replace(DEFAULT_REUSE, num_perm=32, bands=16))


def _signed_as_finer(archive: Archive) -> bool:
    """Whether every article is signed as FINER signs (in words, or characters for Chinese)."""
    from archiver.minhash import schemes

    with archive.db.reading() as conn:
        found = set(conn.exec_driver_sql("SELECT scheme FROM reuse_signatures").scalars())
    return bool(found) and found <= schemes(FINER.reuse) and not found & schemes(DEFAULT_REUSE)


def test_check_and_repair_follow_the_archives_options(tmp_path):
    from archiver.check import check, repair

    archive, _ = _add(tmp_path / "a.db", FINER)
    with archive:
        assert _signed_as_finer(archive)
        assert check(archive.db, FINER).ok
        # Checked as the defaults sign, every article looks signed under another scheme.
        assert not check(archive.db).ok
        with archive.db.writing() as conn:
            conn.exec_driver_sql("DELETE FROM reuse_signatures WHERE article_id IN (1, 2)")
        report = check(archive.db, FINER)
        assert not report.ok and report.repairable
        repair(archive.db, report, options=FINER)
        assert _signed_as_finer(archive)
        assert check(archive.db, FINER).ok


def test_an_upgrade_indexes_old_articles_with_the_archives_options(tmp_path):
    from alembic import command
    from sqlalchemy import create_engine

    from archiver.store import alembic_config

    db = tmp_path / "a.db"
    archive, _ = _add(db, FINER)
    archive.close()
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:  # back to before the reuse index existed
        command.downgrade(alembic_config(conn), "0004")
    engine.dispose()
    with Archive.open(str(db), options=FINER) as upgraded:
        assert upgraded.db.indexed == len(_samples())
        assert _signed_as_finer(upgraded)
