"""Confidence of a coded event: a logistic function of how completely the text supports it.

The weights live in data/confidence_weights.json so that they can be refitted on held-out gold
(``eventwire train``) and calibrated without touching code.

Example:
    >>> # score(event) -> 0.83
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from eventwire.model import Event
from eventwire.resources import data_path

_VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    raw = json.loads(data_path("confidence_weights.json").read_text(encoding="utf-8"))
    return float(raw["bias"]), {k: float(v) for k, v in raw["weights"].items()}


def features(event: Event) -> dict[str, float]:
    """The 0/1 features the confidence is computed from."""
    return {
        "actor_resolved": float(event.actor is not None and event.actor.country is not None),
        "recipient_resolved": float(event.recipient is not None and event.recipient.country is not None),
        "located": float(event.location is not None),
        "dated_day": float(event.date_precision == "day"),
        "acled_coded": float(event.acled is not None),
        "asserted": float(event.factuality in ("asserted", "reported")),
        "future_or_hypothetical": float(event.factuality in ("future", "hypothetical")),
        "negated": float(event.factuality == "negated"),
        "verbal_type": float(event.event_type in _VERBAL),
    }


def score(event: Event) -> float:
    """Confidence in [0, 1], rounded to 3 places."""
    bias, weights = _weights()
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features(event).items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
