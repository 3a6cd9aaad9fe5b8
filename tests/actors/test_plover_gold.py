"""Country accuracy on the PLOVER gold standard actors (skipped when the gold file is absent)."""

from __future__ import annotations

import pytest

from eventwire.actors.plover_gold import normalise_code, score_plover
from tests.conftest import SHARED

GOLD = SHARED / "data" / "plover_gsr.jsonl"


def test_normalise_code():
    assert normalise_code("JAP") == "JPN"
    assert normalise_code("UNO") == normalise_code("IGO") == normalise_code("NGO")
    assert normalise_code(None) is None


@pytest.mark.skipif(not GOLD.exists(), reason="PLOVER gold file not available")
def test_plover_country_accuracy_floor():
    score = score_plover(GOLD)
    assert score.n > 600
    assert score.country_accuracy >= 0.88, score.misses[:20]
