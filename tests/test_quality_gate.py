"""The quality gate: cleaning and metadata scores on ../shared/eval, and reuse found among the
AEB pages (score.py reuse-aeb: precision and recall of the pairs, judged against their gold
bodies), never fall below the floors pinned in bench/floors.json (raised as the scores
improve, never lowered to get green)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import evalsets

pytestmark = pytest.mark.skipif(not evalsets.available(), reason="../shared/eval is not here")


@pytest.mark.parametrize("name", sorted(evalsets.floors()))
def test_scores_stay_above_the_floors(name):
    figures = evalsets.score(name)
    assert figures["failed"] == 0
    below = {
        key: (figures.get(key), floor)
        for key, floor in evalsets.floors()[name].items()
        if figures.get(key, 0.0) < floor
    }
    assert not below, f"{name} fell below its floors (score, floor): {below}"
