"""CI's quality gate: eventwire's accuracy on the development gold never drops below its floors."""

import json

import pytest

from eventwire.evaluate import evaluate
from tests.conftest import ROOT

FLOORS = json.loads((ROOT / "gold" / "floors.json").read_text())
CASES = [
    (gold, metric, floor)
    for gold, metrics in FLOORS.items()
    if gold != "about"
    for metric, floor in metrics.items()
]


@pytest.fixture(scope="module")
def results():
    cache: dict[str, dict] = {}

    def get(gold: str) -> dict:
        if gold not in cache:
            cache[gold] = evaluate(ROOT / gold)
        return cache[gold]

    return get


@pytest.mark.parametrize(
    ("gold", "metric", "floor"), CASES, ids=[f"{g.split('/')[-1]}:{m}" for g, m, _ in CASES]
)
def test_accuracy_floor(results, gold, metric, floor):
    path = ROOT / gold
    if not path.exists():
        pytest.skip(f"{gold} is not beside the repository")
    result = results(gold)
    value = (
        result["acled_sub_event_type"]["weighted avg"]["f1"]
        if metric == "acled_sub_event_weighted_f1"
        else result[metric]
    )
    assert value >= floor, f"{metric} on {gold} fell to {value} (floor {floor})"
