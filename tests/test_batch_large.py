"""`archiver batch` in one process equals what `add` stored, on a generated news-like corpus
three times the size of tests/test_batch.py's, from another seed (about 3 minutes: add's
time). A file of its own, so that the test runner's workers take it beside the rest."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from archiver import batch
from archiver.archive import Archive

from .test_batch import BENCH, _assert_equal_to_add, _copy, _stored

#: The larger corpus (another seed than tests/test_batch.py's).
LARGE_CORPUS_ARTICLES = int(os.environ.get("ARCHIVER_BATCH_LARGE_TEST_ARTICLES", "3000"))


@pytest.fixture(scope="module")
def large_corpus_db(tmp_path_factory) -> Path:
    sys.path.insert(0, str(BENCH))
    import reuse_archive
    from reuse_corpus import build

    path = tmp_path_factory.mktemp("large") / "archive.db"
    reuse_archive.run(build(LARGE_CORPUS_ARTICLES, seed=1), path)
    return path


@pytest.mark.slow
def test_batch_local_on_a_larger_generated_corpus_equals_add(large_corpus_db, tmp_path):
    """Every pair, span, source and cluster the same as `add` stored."""
    before = _stored(large_corpus_db)
    assert len(before["pairs"]) > LARGE_CORPUS_ARTICLES // 4
    copy = _copy(large_corpus_db, tmp_path)
    with Archive.open(str(copy)) as archive:
        batch.run(engine="local", archive=archive)
    _assert_equal_to_add(before, _stored(copy))
