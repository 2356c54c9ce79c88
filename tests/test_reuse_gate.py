"""The reuse gate: pair precision and recall and span accuracy on the generated labelled corpus
(bench/reuse_corpus.py, 400 articles of news-like text with network boilerplate, outlet-less
pages, stock phrases and updates), measured through a real archive, never fall below the floors
pinned in bench/floors.json. The corpus is generated from a model of the AEB bodies when
../shared is here, from a synthetic stand-in otherwise (CI): the floors hold for both."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import newslike  # noqa: E402


@pytest.mark.parametrize("source", ["synthetic", "aeb"])
def test_reuse_quality_stays_above_the_floors(source, monkeypatch):
    if source == "aeb" and not newslike.AEB_GOLD.exists():
        pytest.skip("../shared/eval is not here: the AEB-trained corpus cannot be built")
    monkeypatch.setenv("NEWSLIKE_SOURCE", source)
    # A process of its own: the generator caches its model and stories per process.
    out = subprocess.run(
        [sys.executable, str(BENCH / "reuse_archive.py"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = json.loads(out.splitlines()[-1])
    assert figures["text"].endswith(source)
    floors = json.loads((BENCH / "floors.json").read_text())["reuse"]
    below = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    assert not below, f"reuse fell below its floors (score, floor): {below}"
