"""Scoring arithmetic shared by every evaluation: per-class P/R/F1, confusion, calibration.

Pure functions over plain lists, so each gold format's scorer only has to pair gold and
predicted labels.

Example:
    >>> prf(["A", "B", "A"], ["A", "A", "A"])["A"]["f1"]
    0.8
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

NONE = "(none)"


def prf(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per class, plus micro, macro and weighted averages."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    labels = sorted((set(gold) | set(pred)) - {NONE})
    out: dict[str, dict[str, float]] = {}
    for label in labels:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": sum(1 for g in gold if g == label),
        }
    support = sum(v["support"] for v in out.values()) or 1
    scored = [v for v in out.values() if v["support"]]
    out["macro avg"] = {
        k: round(sum(v[k] for v in scored) / len(scored), 4) if scored else 0.0
        for k in ("precision", "recall", "f1")
    } | {"support": support}
    out["weighted avg"] = {
        k: round(sum(v[k] * v["support"] for v in scored) / support, 4) for k in ("precision", "recall", "f1")
    } | {"support": support}
    return out


def accuracy(gold: Sequence, pred: Sequence) -> float:
    """Share of positions where gold and prediction agree (0 for empty input)."""
    if not gold:
        return 0.0
    return round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4)


def confusion(gold: Sequence[str], pred: Sequence[str], worst: int = 5) -> dict[str, dict[str, int]]:
    """Confusion rows for the ``worst`` classes by recall: gold label → predicted label counts."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in zip(gold, pred, strict=True):
        rows[g][p] += 1
    recall = {g: c[g] / sum(c.values()) for g, c in rows.items()}
    chosen = sorted(rows, key=lambda g: (recall[g], g))[:worst]
    return {g: dict(rows[g].most_common()) for g in chosen}


def calibration(confidences: Sequence[float], correct: Sequence[bool], bins: int = 10) -> dict:
    """Reliability table (confidence bins vs observed accuracy) and expected calibration error."""
    table = []
    n = len(confidences)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, c in enumerate(confidences) if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not idx:
            continue
        conf = sum(confidences[i] for i in idx) / len(idx)
        acc = sum(correct[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(conf - acc)
        table.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "n": len(idx),
                "confidence": round(conf, 4),
                "accuracy": round(acc, 4),
            }
        )
    return {"bins": table, "ece": round(ece, 4), "n": n}


def within(gold: float | None, pred: float | None, tolerance: float) -> bool:
    """True when ``pred`` is within ``tolerance`` (a fraction) of ``gold``; both None counts."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= tolerance * abs(gold)
