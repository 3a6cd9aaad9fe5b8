"""Confidence of a coded event: the fitted probability that its PLOVER type is right.

A logistic function of what the coder knows when it scores an event: how completely the text
supports it (sides, place, day, ACLED scope, modality) and how sure the type itself is (the
probability the sentence classifier gives that type, whether its best guess agrees, whether
only the classifier found the event, whether another event shares the sentence). The weights
live in data/confidence_weights.json, fitted on the gold sentences' dev split and the training
sentences by ``eventwire train --confidence`` (``events.train_confidence``, which says why the
PLOVER dev items are left out), so that among events scored about 0.8, about 80% have the
right type.

Example:
    >>> # score(event, prediction=predict_span(sent)) -> 0.83
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.model import Event
from eventwire.resources import data_path

if TYPE_CHECKING:
    from eventwire.events.classifier import Prediction
    from eventwire.events.extract import Candidate

WEIGHTS = "confidence_weights.json"
_VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# the training run's view of what was scored: event id -> features (None: not recording)
_RECORD: dict[str, dict[str, float]] | None = None


@lru_cache(maxsize=1)
def _load() -> dict:
    return json.loads(data_path(WEIGHTS).read_text(encoding="utf-8"))


def _weights() -> tuple[float, dict[str, float]]:
    raw = _load()
    return float(raw["bias"]), {k: float(v) for k, v in raw["weights"].items()}


def completeness_flags(event: Event) -> dict[str, float]:
    """The 0/1 flags of how completely the text supports the event."""
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


def completeness(event: Event) -> float:
    """The hand-set score (``ranking`` in the weights file) that orders the events of one
    sentence: which of them the sentence is about. The fit calibrates it but never reorders
    (``evaluate.main_event`` and dedup's main record read that order)."""
    ranking = _load()["ranking"]
    flags = completeness_flags(event)
    return float(ranking["bias"]) + sum(float(w) * flags.get(k, 0.0) for k, w in ranking["weights"].items())


def features(
    event: Event,
    prediction: Prediction | None = None,
    frameless: bool = False,
    shared: bool = False,
    lead: Event | None = None,
) -> dict[str, float]:
    """The features the confidence is computed from.

    ``prediction`` is the sentence classifier's (None when no model is shipped), ``frameless``
    says that only the classifier found the event, ``shared`` that another event of the
    document was read from the same sentence (one of them is probably not what it reports),
    ``lead`` is the sentence's most complete event (default: this one). What the classifier
    says is read for the lead, so that every event of a sentence gets the same help from it and
    their order stays the completeness order."""
    lead = lead or event
    probs = prediction.plover_probs if prediction is not None else {}
    return {
        "completeness": round(completeness(event), 6),
        "lead_p_type": float(probs.get(lead.event_type, 0.0)),
        "lead_agrees": float(prediction is not None and prediction.plover == lead.event_type),
        "classifier_top_p": float(prediction.plover_p if prediction is not None else 0.0),
        "frameless": float(frameless),
        "shared_sentence": float(shared),
    }


def probability(feats: dict[str, float], bias: float, weights: dict[str, float]) -> float:
    """The logistic function of the weighted features, rounded to 3 places."""
    z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    z = max(-30.0, min(30.0, z))
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def score(
    event: Event,
    prediction: Prediction | None = None,
    frameless: bool = False,
    shared: bool = False,
    lead: Event | None = None,
) -> float:
    """Confidence in [0, 1] that the event's type is right, rounded to 3 places."""
    feats = features(event, prediction, frameless, shared, lead)
    if _RECORD is not None:
        _RECORD[event.id] = feats
    bias, weights = _weights()
    return probability(feats, bias, weights)


def _lead_key(event: Event) -> tuple:
    return (completeness(event), event.quad_class == 4, -event.evidence.start)


def score_events(events: Sequence[Event], cands: Sequence[Candidate]) -> list[Event]:
    """A document's final events with their confidence; ``cands`` are the candidates they were
    assembled from (an event merged from several keeps the first one's id and prediction)."""
    by_id = {c.event.id: c for c in cands}
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.evidence.start, []).append(event)
    out = []
    for event in events:
        cand = by_id.get(event.id)
        siblings = by_sentence[event.evidence.start]
        conf = score(
            event,
            prediction=cand.prediction if cand is not None else None,
            frameless=bool(cand is not None and cand.frameless),
            shared=len(siblings) > 1,
            lead=max(siblings, key=_lead_key),
        )
        out.append(event.model_copy(update={"confidence": conf}))
    return out


@contextmanager
def recording() -> Iterator[dict[str, dict[str, float]]]:
    """Collect the features of every event scored inside the block (event id -> features), the
    exact inputs ``events.train_confidence`` fits the weights on."""
    global _RECORD
    previous, _RECORD = _RECORD, {}
    try:
        yield _RECORD
    finally:
        _RECORD = previous
