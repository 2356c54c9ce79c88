"""The reuse gate: pair precision and recall and span accuracy on the generated labelled corpus
(bench/reuse_corpus.py, 400 articles), measured through a real archive, never fall below the
floors pinned in bench/floors.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import reuse_archive  # noqa: E402


def test_reuse_quality_stays_above_the_floors():
    floors = json.loads((BENCH / "floors.json").read_text())["reuse"]
    figures = reuse_archive.measure(400, seed=1)
    below = {k: (figures[k], floor) for k, floor in floors.items() if figures[k] < floor}
    assert not below, f"reuse fell below its floors (score, floor): {below}"
