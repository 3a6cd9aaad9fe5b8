"""Scores cross-document dedup against report groups (``gold/dedup_groups.jsonl``).

Each gold line is one short report: ``doc_id``, ``group`` (the real-world event it reports),
``published``, ``publisher``, ``title``, ``text``. A prediction maps each report to the cluster of
its main event. Scores: pairwise precision/recall/F1 over pairs of reports (a pair is positive
when both reports are in one cluster), and B-cubed precision/recall/F1 (per report, the share of
its predicted cluster that is its gold group, and the reverse).

Example:
    >>> score_dedup({"a": "x", "b": "x", "c": "y"}, {"a": "g1", "b": "g1", "c": "g1"})["pairwise_precision"]
    1.0
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from pathlib import Path

from eventwire.model import Event, RawDocument


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _pairs(assign: Mapping[str, str], keys: Sequence[str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        groups[assign[k]].append(k)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]


def score_dedup(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict:
    """Pairwise and B-cubed precision/recall/F1 of predicted clusters against gold groups.

    Reports missing from ``pred`` count as singletons (their own cluster).
    """
    keys = sorted(gold)
    full = {k: pred.get(k, f"__single__{k}") for k in keys}
    gold_pairs, pred_pairs = _pairs(gold, keys), _pairs(full, keys)
    hit = len(gold_pairs & pred_pairs)
    p = hit / len(pred_pairs) if pred_pairs else 1.0
    r = hit / len(gold_pairs) if gold_pairs else 1.0
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        by_pred[full[k]].add(k)
        by_gold[gold[k]].add(k)
    bp = sum(len(by_pred[full[k]] & by_gold[gold[k]]) / len(by_pred[full[k]]) for k in keys)
    br = sum(len(by_pred[full[k]] & by_gold[gold[k]]) / len(by_gold[gold[k]]) for k in keys)
    n = max(1, len(keys))
    return {
        "n_reports": len(keys),
        "n_gold_groups": len(by_gold),
        "n_pred_clusters": len(by_pred),
        "n_gold_pairs": len(gold_pairs),
        "n_pred_pairs": len(pred_pairs),
        "pairwise_precision": round(p, 4),
        "pairwise_recall": round(r, 4),
        "pairwise_f1": round(_f1(p, r), 4),
        "bcubed_precision": round(bp / n, 4),
        "bcubed_recall": round(br / n, 4),
        "bcubed_f1": round(_f1(bp / n, br / n), 4),
    }


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a short report is about: the record dedup takes as its main event
    (``dedup.main.main_event``: what happened now, not a vague later record, material before
    verbal, the lede, the most specific)."""
    from eventwire.dedup.main import main_event as dedup_main

    return dedup_main(events)


def _published(row: Mapping) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(row.get("published") or "")[:10])
    except ValueError:
        return None


def predict_clusters(rows: Sequence[Mapping], events: Mapping[str, Sequence[Event]]) -> dict[str, str]:
    """Cluster the coded events of the gold reports; each report → its main event's cluster."""
    from eventwire.dedup import cluster_events

    published = {r["doc_id"]: d for r in rows if (d := _published(r)) is not None}
    publishers = {r["doc_id"]: r["publisher"] for r in rows if r.get("publisher")}
    everything = [e for r in rows for e in events.get(r["doc_id"], ())]
    clusters = cluster_events(everything, publishers=publishers, published=published)
    owner = {m: c.id for c in clusters for m in c.member_ids}
    pred = {}
    for r in rows:
        main = main_event(events.get(r["doc_id"], ()))
        if main is not None:
            pred[r["doc_id"]] = owner[main.id]
    return pred


def code_reports(rows: Sequence[Mapping]) -> dict[str, list[Event]]:
    """Code each report with the full pipeline; events by the report's doc_id."""
    from eventwire.pipeline import Options, Pipeline

    raws = [
        RawDocument(
            text=r["text"],
            id=r["doc_id"],
            title=r.get("title"),
            publisher=r.get("publisher"),
            published=_published(r),
            raw_sha256=hashlib.sha256(r["text"].encode("utf-8")).hexdigest(),
        )
        for r in rows
    ]
    return {res.document.id: res.events for res in Pipeline(Options(batch_size=64)).code(raws)}


def _read_pred(path: str | Path) -> tuple[dict[str, str], dict[str, list[Event]]]:
    """A prediction file: lines {"doc_id", "cluster"}, or event records to cluster here."""
    mapping: dict[str, str] = {}
    events: dict[str, list[Event]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            if "cluster" in obj and "doc_id" in obj:
                mapping[obj["doc_id"]] = obj["cluster"]
            else:
                event = Event.model_validate(obj)
                events[event.evidence.doc_id].append(event)
    return mapping, events


def score_dedup_rows(rows: Sequence[Mapping], pred_path: str | Path | None = None) -> dict:
    """Score dedup on gold report rows, coding them with the pipeline unless predictions given."""
    gold = {r["doc_id"]: r["group"] for r in rows}
    if pred_path is not None:
        mapping, events = _read_pred(pred_path)
        pred = mapping or predict_clusters(rows, events)
    else:
        pred = predict_clusters(rows, code_reports(rows))
    return score_dedup(pred, gold)
