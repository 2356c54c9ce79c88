"""`archiver batch`: every pair recomputed from scratch, in one process and on Spark (local
mode), equals what `add` stored one article at a time, on the samples and on a generated
news-like corpus; the CLI's summary, inputs, outputs and errors.

Spark tests share one SparkSession (local[2], 4 shuffle partitions, no UI) and skip with a
one-line reason when PySpark or Java is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from archiver import batch
from archiver.archive import Archive
from archiver.report import build_report
from archiver.reuse import touches

from .conftest import SAMPLES

BENCH = Path(__file__).resolve().parent.parent / "bench"
#: The generated corpus: enough articles for network boilerplate, stock phrases, templates
#: and chains of copies to recur (CI time bounds it; bench/batch.py runs larger ones).
CORPUS_ARTICLES = int(os.environ.get("ARCHIVER_BATCH_TEST_ARTICLES", "1000"))


def _no_spark_reason() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install -e '.[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (apt-get install openjdk-17-jre-headless)"
    return None


NO_SPARK = _no_spark_reason()
needs_spark = pytest.mark.skipif(NO_SPARK is not None, reason=f"Spark tests skipped: {NO_SPARK}")


@pytest.fixture(scope="module")
def spark():
    if NO_SPARK is not None:
        pytest.skip(f"Spark tests skipped: {NO_SPARK}")
    session = batch.spark_session("local[2]", partitions=4)
    yield session
    session.stop()


# ---------------------------------------------------------------------------------------------
# Archives made by `add`
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    """The samples, archived by the real CLI (`archiver add samples/`)."""
    path = tmp_path_factory.mktemp("samples") / "archive.db"
    out = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(path), "add", "--quiet", str(SAMPLES)],
        capture_output=True,
        text=True,
    )
    assert path.exists(), out.stderr
    return path


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    """A generated news-like corpus (bench/reuse_corpus.py: copies, updates, network footers,
    outlet templates, stock phrases) added one article at a time as `add` adds it."""
    sys.path.insert(0, str(BENCH))
    import reuse_archive
    from reuse_corpus import build

    path = tmp_path_factory.mktemp("corpus") / "archive.db"
    reuse_archive.run(build(CORPUS_ARTICLES, seed=7), path)
    return path


def _copy(path: Path, tmp_path: Path, name: str = "copy.db") -> Path:
    target = tmp_path / name
    shutil.copy(path, target)
    return target


def _stored(path: Path) -> dict:
    """The archive's report as scripts read it (pairs and clusters), without when it was made."""
    with Archive.open(str(path)) as archive:
        data = build_report(archive).to_json()
    return {"pairs": {(p["a"], p["b"]): p for p in data["pairs"]}, "clusters": data["clusters"]}


# ---------------------------------------------------------------------------------------------
# Same answers as `add`
# ---------------------------------------------------------------------------------------------


def test_batch_on_the_samples_equals_what_add_stored(samples_db, tmp_path, cli):
    before = _stored(samples_db)
    assert len(before["pairs"]) >= 5 and before["clusters"]  # something to recompute
    copy = _copy(samples_db, tmp_path)
    # Start from nothing: the batch must find every pair itself.
    with Archive.open(str(copy)) as archive:
        batch.replace_pairs(archive, [])
    assert not _stored(copy)["pairs"]
    result = cli("--db", copy, "batch", "--engine", "local", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert set(summary) == {"pairs", "clusters", "seconds"}
    after = _stored(copy)
    assert summary["pairs"] == len(after["pairs"]) == len(before["pairs"])
    assert summary["clusters"] == len(after["clusters"]) == len(before["clusters"])
    assert after == before


def _assert_equal_to_add(before: dict, after: dict) -> None:
    """The batch's pairs (spans, shared words, source, confidence, attribution, kind,
    evidence) and clusters are exactly those `add` stored, one article at a time."""
    assert set(after["pairs"]) == set(before["pairs"])
    differing = [k for k in before["pairs"] if before["pairs"][k] != after["pairs"][k]]
    assert not differing, [(before["pairs"][k], after["pairs"][k]) for k in differing[:3]]
    assert after["clusters"] == before["clusters"]


def test_batch_local_on_a_generated_corpus_equals_add(corpus_db, tmp_path):
    before = _stored(corpus_db)
    assert len(before["pairs"]) > CORPUS_ARTICLES // 4 and len(before["clusters"]) > 10
    # Blocks learned after some of their holders' pairs were stored: add had to revise them.
    learned_late = _learned_after_pairs(corpus_db)
    assert learned_late >= 5
    copy = _copy(corpus_db, tmp_path)
    with Archive.open(str(copy)) as archive:
        result = batch.run(engine="local", archive=archive)
    after = _stored(copy)
    assert len(result.pairs) == len(after["pairs"])
    assert result.clusters == len(after["clusters"])
    _assert_equal_to_add(before, after)
    # The batch leaves the archive as add would go on from: the same shingles index its pairs.
    assert _pair_shingles(copy) <= _pair_shingles(corpus_db)


def _learned_after_pairs(path: Path) -> int:
    """How many articles taught the archive boilerplate after a pair of earlier articles was
    stored (the order effect `add` revises and `batch` must reproduce)."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        learners = [r[0] for r in conn.execute(
            "SELECT DISTINCT learned_by FROM boilerplate_shingles WHERE learned_by > 0"
        )]  # fmt: skip
        first_pair = conn.execute("SELECT min(b) FROM reuse_pairs").fetchone()[0]
    finally:
        conn.close()
    return sum(1 for n in learners if first_pair is not None and n > first_pair)


def _pair_shingles(path: Path) -> set:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT hash, article_id FROM pair_shingles"))
    finally:
        conn.close()


@needs_spark
def test_batch_on_spark_equals_batch_in_one_process_and_add(corpus_db, tmp_path, spark):
    local = _copy(corpus_db, tmp_path, "local.db")
    with Archive.open(str(local)) as archive:
        batch.run(engine="local", archive=archive)
    on_spark = _copy(corpus_db, tmp_path, "spark.db")
    with Archive.open(str(on_spark)) as archive:
        result = batch.run(engine="spark", archive=archive, spark=spark, partitions=4)
    assert _stored(on_spark) == _stored(local)  # the same stages: the very same answers
    assert result.to_json()["pairs"] == len(_stored(on_spark)["pairs"])
    _assert_equal_to_add(_stored(corpus_db), _stored(on_spark))


# ---------------------------------------------------------------------------------------------
# Inputs and outputs
# ---------------------------------------------------------------------------------------------


def test_batch_reads_an_export_as_it_reads_the_archive(samples_db, tmp_path, cli):
    copy = _copy(samples_db, tmp_path)
    export = tmp_path / "articles.jsonl"
    assert cli("--db", copy, "export", "-o", export).exit_code == 0
    with Archive.open(str(copy)) as archive:
        from_archive = batch.run(engine="local", archive=archive).pairs
        from_export = batch.run(engine="local", archive=archive, export=str(export)).pairs
    assert [p.to_json() for p in from_export] == [p.to_json() for p in from_archive]
    assert len(from_archive) >= 5


@needs_spark
def test_batch_on_spark_writes_parquet_from_an_export(samples_db, tmp_path, cli, spark):
    export = tmp_path / "articles.jsonl"
    assert cli("--db", samples_db, "export", "-o", export).exit_code == 0
    out = tmp_path / "out"
    result = cli(
        "--db", samples_db, "batch", "--engine", "spark", "--input", export, "--output", out,
        "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    pairs = spark.read.parquet(str(out / "pairs")).collect()
    clusters = spark.read.parquet(str(out / "clusters")).collect()
    assert summary["pairs"] == len(pairs) == len(_stored(samples_db)["pairs"])
    assert summary["clusters"] == len(clusters) >= 1
    stored = _stored(samples_db)["pairs"]
    for row in pairs:
        assert json.loads(row.spans) == stored[(row.a, row.b)]["spans"]
        assert row.source == stored[(row.a, row.b)]["source"]


# ---------------------------------------------------------------------------------------------
# Errors: one sentence, no traceback
# ---------------------------------------------------------------------------------------------


def test_spark_without_java_says_so_in_one_sentence(samples_db, tmp_path):
    if NO_SPARK is not None and "PySpark" in NO_SPARK:
        pytest.skip(f"needs PySpark to reach the Java check: {NO_SPARK}")
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    bindir = Path(sys.executable).parent
    env["PATH"] = str(bindir)  # this Python, and no java
    out = subprocess.run(
        [sys.executable, "-m", "archiver", "--db", str(samples_db), "batch", "--engine", "spark"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert out.returncode == 3
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "Java" in out.stderr and "openjdk-17-jre-headless" in out.stderr


def test_spark_without_pyspark_says_so_in_one_sentence(samples_db, tmp_path, monkeypatch, cli):
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark fails
    result = cli("--db", samples_db, "batch", "--engine", "spark")
    assert result.exit_code == 3
    assert result.output.strip().count("\n") == 0
    assert "PySpark" in result.output and "archiver[spark]" in result.output


def test_parquet_output_needs_spark_and_a_missing_archive_is_named(samples_db, tmp_path, cli):
    result = cli("--db", samples_db, "batch", "--output", tmp_path / "out")
    assert result.exit_code == 2 and "--engine spark" in result.output
    result = cli("--db", tmp_path / "missing.db", "batch")
    assert result.exit_code == 3 and "no archive" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_a_span_touching_learned_boilerplate_by_one_word_is_revised():
    """add's revision test (reuse.touches): a pair whose span shares even one word with a
    newly learned block is aligned again; a span ending just before the block is not."""
    from archiver.passages import shingle_hashes, tokenize

    block = "Send your news tips to the newsroom and we may feature them online"
    story = "The council voted on Tuesday to close the harbour road for repairs"
    text = f"{story} {block}"
    learned = np.unique(shingle_hashes(tokenize(block), batch.DEFAULT.shingle))
    end_of_story = len(story)
    first_block_word = text.index("Send") + len("Send")
    assert not touches(text, text, [[0, end_of_story, 0, end_of_story]], learned, batch.DEFAULT)
    assert touches(text, text, [[0, first_block_word, 0, first_block_word]], learned, batch.DEFAULT)


def test_a_local_spark_gets_a_heap_for_every_article_and_conf_must_be_key_value(
    samples_db, cli, spark
):
    # Spark's own 1 GB ran out of heap at about 30,000 news articles in local mode.
    assert spark.sparkContext.getConf().get("spark.driver.memory") == batch.LOCAL_DRIVER_MEMORY
    result = cli("--db", samples_db, "batch", "--engine", "spark", "--conf", "driver-memory 8g")
    assert result.exit_code == 2
    assert "KEY=VALUE" in result.output and "spark.driver.memory=8g" in result.output
    assert "Traceback" not in result.output
