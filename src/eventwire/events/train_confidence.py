"""Fit the confidence weights (``data/confidence_weights.json``) on dev and training sentences.

The label is exactly what ``eventwire evaluate``'s calibration table measures: is the event's
PLOVER type the gold item's type. Two steps, both logistic regressions (lbfgs, fixed data
order, nothing random, no wall clock in the output, so a rerun writes the same bytes):

1. on the event ``evaluate`` scores per item (a trigger-word match, else the most complete
   event: the classifier's features are the same for every event of a sentence, so the fit
   never changes that choice), its ``events.confidence.features`` as the pipeline computed
   them, labelled right or wrong; the other events of an item are not what is measured (most
   are a second reading of the same words) and would teach that a shared sentence is wrong;
2. Platt scaling on the events chosen with step 1's scores (the same ones, unless scores tie
   differently), folded into the weights: one logistic function ships.

The sentence classifier was trained on all these sentences, so on them its probabilities are
too sure of themselves. With ``folds`` > 0 the items are coded by cross-fitting: each fold by a
classifier fitted without that fold's sentences, as it would meet text it never saw. Without
cross-fitting only the gold dev items are used (the training sentences would be in-sample).

What the fit learns is how often the rules are right given how sure the held-out classifier
is, so it must see items whose rules were not written one by one for them. The PLOVER gold
dev items were: measured cross-fitted, the rules are right on 86% of them whether the
classifier gives the rules' type p < 0.2 or p >= 0.8, while on the training sentences that
goes from 46% to 98% (and on UCDP headlines from 21% to 100%). Fitted with them, the score
gave 0.69 where the classifier disagrees, against 0.53 right on the training sentences it had
not seen; so they train the fold classifiers, as they train the shipped one, but are not fitted
on. Measured once on the test splits after that choice: ECE 0.078 -> 0.052 on our sentences,
but 0.122 -> 0.148 on PLOVER, whose news text the classifier reads less well even where it
agrees with the rules; no feature yet tells that text apart.

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


def training_items(train_path: Path) -> tuple[str, list[dict]]:
    """The team-written training sentences (``training/events_train.jsonl``) as items to code."""
    from eventwire.evaluate import load_gold

    return "sentences", [r for r in load_gold(train_path) if _gold_type(r, "sentences")]


def collect(
    items: list[tuple[str, list[dict]]],
    train_path: Path | None,
    folds: int,
    classifier_only: list[tuple[str, list[dict]]] = (),
) -> list[Sample]:
    """Code ``items`` and return their events as samples; with ``folds`` > 0 (and the
    classifier's training file) each fold is coded by a classifier that never saw it.

    The fold classifiers learn from what the shipped one learns from: the training file, the
    gold dev items among ``items`` and ``classifier_only`` (items the classifier reads but the
    fit does not); training sentences among ``items`` are held out with their fold."""
    if folds <= 0 or train_path is None:
        return _code(items)
    from eventwire.events import train_classifier as tc

    examples = tc.sentence_examples(tc._jsonl(train_path), "train")
    seen = {e.text for e in examples}
    for fmt, rows in [*items, *classifier_only]:
        make = tc.sentence_examples if fmt == "sentences" else tc.plover_examples
        examples += [e for e in make(rows, fmt) if e.text not in seen]
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
    """Fit on the gold dev split and the training sentences and write the weights file; returns
    its content. The PLOVER gold dev items only train the fold classifiers (see the module doc)."""
    items = [dev_items(gold_path)]
    cross_fitted = folds > 0 and train_path is not None
    if cross_fitted:
        items.append(training_items(train_path))
    plover = [dev_items(plover_path)] if plover_path is not None and plover_path.exists() else []
    samples = collect(items, train_path, folds, classifier_only=plover)
    bias, weights, summary = fit(samples)
    sources = f"{len(items[0][1])} dev items of {gold_path.name}"
    if cross_fitted:
        sources += f" and {len(items[1][1])} training sentences of {train_path.name}"
    how = (
        f"{folds}-fold cross-fitted sentence classifier (each fold coded by a classifier trained without it)"
        if cross_fitted
        else "the shipped sentence classifier"
    )
    left_out = (
        f" The {len(plover[0][1])} PLOVER gold dev items train the classifier but are left out of this fit: "
        "the rules were written on them, so there they are right whatever the held-out classifier says, "
        "which is not so on text the rules never saw."
        if plover
        else ""
    )
    if weights.get("completeness", 0.0) <= 0:
        raise ValueError("the fit would reverse the completeness order of a sentence's events")
    doc = {
        "about": "Logistic weights turning an event's features (events.confidence.features) into the "
        "probability that its PLOVER type is right. Written by `eventwire train --confidence` "
        f"(events/train_confidence.py): fitted on {sources} (never a test split), coded with {how}; "
        "a logistic regression on the event evaluate scores per item, then Platt scaling, folded "
        "into these weights. Label: the chosen event's type equals the gold type, as "
        f"`eventwire evaluate`'s calibration table measures.{left_out} `ranking` is hand-set and not "
        "fitted: its completeness score orders the events of one sentence and is the `completeness` feature.",
        "ranking": confidence._load()["ranking"],
        "bias": bias,
        "weights": weights,
        "fitted": summary | {"folds": folds if train_path is not None else 0},
    }
    out_path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return doc
