"""Fit the confidence weights (``data/confidence_weights.json``) on the dev splits of the gold files.

The label is exactly what ``eventwire evaluate``'s calibration table measures: is the event's
PLOVER type the gold item's type. Two steps, both logistic regressions (lbfgs, fixed data
order, nothing random, no wall clock in the output, so a rerun writes the same bytes):

1. on the event ``evaluate`` scores per dev item (a trigger-word match, else the most complete
   event: the classifier's features are the same for every event of a sentence, so the fit
   never changes that choice), its ``events.confidence.features`` as the pipeline computed
   them, labelled right or wrong; the other events of an item are not what is measured (most
   are a second reading of the same words) and would teach that a shared sentence is wrong;
2. Platt scaling on the events chosen with step 1's scores (the same ones, unless scores tie
   differently), folded into the weights: one logistic function ships.

The sentence classifier was trained on these same dev splits, so on them its probabilities are
too sure of themselves. With ``folds`` > 0 the dev items are coded by cross-fitting: each fold
by a classifier fitted without that fold's sentences, as it would meet text it never saw.

Example:
    >>> # doc = train(Path("gold/event_sentences.jsonl"), Path("../shared/data/plover_gsr.jsonl"),
    >>> #             Path("training/events_train.jsonl"), Path("confidence_weights.json"))
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.events import classifier, confidence
from eventwire.metrics import calibration
from eventwire.model import Event

C_EVENT = 1.0  # L2 strength of step 1: a few hundred items, a handful of features
C_PLATT = 100.0
FOLDS = 5


@dataclass(frozen=True)
class Sample:
    """One coded event of a dev item: its features, whether its type is right, and what
    ``evaluate`` needs to choose an item's event (trigger word match, material, position)."""

    item: str
    features: dict[str, float]
    right: bool
    preferred: bool  # PLOVER gold: the event's trigger is one of the gold event words
    material: bool
    start: int


def _gold_type(row: dict, fmt: str) -> str | None:
    from eventwire.evaluate import PLOVER_OLD

    if fmt == "sentences":
        return row["plover"]["event_type"]
    label = PLOVER_OLD.get(row.get("event", ""), row.get("event", ""))
    return None if label in ("DOCUMENT", "CRIME", "") else label


def dev_items(path: Path) -> tuple[str, list[dict]]:
    """The gold file's format and its dev items (``evaluate.split_of``) that have a type."""
    from eventwire.evaluate import gold_format, load_gold, split_of

    rows = load_gold(path)
    fmt = gold_format(rows)
    rows = [r for r in rows if r.get("event") != "DOCUMENT" and split_of(r) == "dev"]
    return fmt, [r for r in rows if _gold_type(r, fmt) is not None]


def _fold(row: dict, folds: int) -> int:
    digest = hashlib.sha256(str(row.get("id") or row["_key"]).encode()).digest()
    return digest[1] % folds  # digest[0] decides dev/test: use another byte


def _samples(rows: list[dict], fmt: str, events: dict[str, list[Event]], feats: dict) -> list[Sample]:
    out = []
    for row in rows:
        gold = _gold_type(row, fmt)
        words = str(row.get("eventText", "")).lower().split() if fmt == "plover" else []
        for e in events.get(row["_key"], []):
            out.append(
                Sample(
                    item=f"{fmt}:{row['_key']}",
                    features=feats.get(e.id) or confidence.features(e),
                    right=e.event_type == gold,
                    preferred=(e.trigger or "").lower() in words,
                    material=e.quad_class == 4,
                    start=e.evidence.start,
                )
            )
    return out


def _code(items: list[tuple[str, list[dict]]]) -> list[Sample]:
    from eventwire.evaluate import code_rows

    out = []
    for fmt, rows in items:
        with confidence.recording() as feats:
            events = code_rows(rows, fmt)
        out += _samples(rows, fmt, events, feats)
    return out


def collect(items: list[tuple[str, list[dict]]], train_path: Path | None, folds: int) -> list[Sample]:
    """Code the dev items and return their events as samples; with ``folds`` > 0 (and the
    classifier's training file) each fold is coded by a classifier that never saw it."""
    if folds <= 0 or train_path is None:
        return _code(items)
    from eventwire.events import train_classifier as tc

    examples = tc.sentence_examples(tc._jsonl(train_path), "train")
    for fmt, rows in items:
        make = tc.sentence_examples if fmt == "sentences" else tc.plover_examples
        examples += make(rows, fmt)
    masked = tc.mask_texts([e.text for e in examples])
    shipped = classifier.load_model
    # the folds refit the light model only: the optional embedding model would answer in-sample
    switch = os.environ.get("EVENTWIRE_EMBEDDINGS")
    os.environ["EVENTWIRE_EMBEDDINGS"] = "0"
    out: list[Sample] = []
    try:
        for k in range(folds):
            held = [(fmt, [r for r in rows if _fold(r, folds) == k]) for fmt, rows in items]
            unseen = {r.get("text") for _, rows in held for r in rows}
            keep = [i for i, e in enumerate(examples) if e.text not in unseen]
            model = tc.fit([examples[i] for i in keep], [masked[i] for i in keep])
            classifier.load_model = lambda model=model: model  # predict_span reads it at call time
            out += _code(held)
    finally:
        classifier.load_model = shipped
        if switch is None:
            os.environ.pop("EVENTWIRE_EMBEDDINGS", None)
        else:
            os.environ["EVENTWIRE_EMBEDDINGS"] = switch
    return out


def _matrix(samples: list[Sample], names: list[str]) -> np.ndarray:
    return np.array([[s.features.get(n, 0.0) for n in names] for s in samples], dtype=np.float64)


def _chosen(samples: list[Sample], conf: np.ndarray) -> list[int]:
    """Index of the event ``evaluate`` scores per item: a trigger-word match, else the most
    confident (then material, then the earliest), as ``evaluate.main_event``."""
    by_item: dict[str, list[int]] = {}
    for i, s in enumerate(samples):
        by_item.setdefault(s.item, []).append(i)
    out = []
    for idx in by_item.values():
        preferred = [i for i in idx if samples[i].preferred]
        if preferred:
            out.append(preferred[0])
        else:
            out.append(max(idx, key=lambda i: (conf[i], samples[i].material, -samples[i].start)))
    return out


def fit(samples: list[Sample]) -> tuple[float, dict[str, float], dict]:
    """Bias, weights and a summary (counts, in-sample ECE) fitted on the samples."""
    from sklearn.linear_model import LogisticRegression

    names = sorted(samples[0].features)
    x = _matrix(samples, names)
    y = np.array([s.right for s in samples], dtype=int)
    first = _chosen(samples, x[:, names.index("completeness")])
    step1 = LogisticRegression(C=C_EVENT, max_iter=5000).fit(x[first], y[first])
    z = x @ step1.coef_[0] + step1.intercept_[0]
    chosen = _chosen(samples, np.round(1 / (1 + np.exp(-z)), 3))
    platt = LogisticRegression(C=C_PLATT, max_iter=5000).fit(z[chosen].reshape(-1, 1), y[chosen])
    a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
    bias = round(a * float(step1.intercept_[0]) + b, 4)
    weights = {n: round(a * float(w), 4) for n, w in zip(names, step1.coef_[0], strict=True)}
    conf = [confidence.probability(samples[i].features, bias, weights) for i in chosen]
    summary = {
        "events": len(samples),
        "items": len(chosen),
        "chosen_right": int(y[chosen].sum()),
        "platt": {"a": round(a, 4), "b": round(b, 4)},
        "dev_ece": calibration(conf, [bool(y[i]) for i in chosen])["ece"],
    }
    return bias, weights, summary


def train(
    gold_path: Path, plover_path: Path | None, train_path: Path | None, out_path: Path, folds: int = FOLDS
) -> dict:
    """Fit on the dev splits of the gold files and write the weights file; returns its content."""
    items = [dev_items(gold_path)]
    if plover_path is not None and plover_path.exists():
        items.append(dev_items(plover_path))
    samples = collect(items, train_path, folds)
    bias, weights, summary = fit(samples)
    sources = ", ".join(f"{n} dev items of {fmt}" for fmt, n in ((f, len(r)) for f, r in items))
    how = (
        f"{folds}-fold cross-fitted sentence classifier (each fold coded by a classifier trained without it)"
        if folds > 0 and train_path is not None
        else "the shipped sentence classifier"
    )
    if weights.get("completeness", 0.0) <= 0:
        raise ValueError("the fit would reverse the completeness order of a sentence's events")
    doc = {
        "about": "Logistic weights turning an event's features (events.confidence.features) into the "
        "probability that its PLOVER type is right. Written by `eventwire train --confidence` "
        f"(events/train_confidence.py): fitted on {sources} (never a test split), coded with {how}; "
        "a logistic regression on the event evaluate scores per item, then Platt scaling, folded "
        "into these weights. Label: the chosen event's type equals the gold type, as "
        "`eventwire evaluate`'s calibration table measures. `ranking` is hand-set and not fitted: "
        "its completeness score orders the events of one sentence and is the `completeness` feature.",
        "ranking": confidence._load()["ranking"],
        "bias": bias,
        "weights": weights,
        "fitted": summary | {"folds": folds if train_path is not None else 0},
    }
    out_path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return doc
