"""Rules alone vs classifier alone vs combined, on the gold sentences and the PLOVER records.

Codes every gold item once with the rules only (the classifier switched off), then scores
(1) those events, (2) the classifier's own labels for each text and (3) the events after
``events.combine`` — the same scorers as ``eventwire evaluate``. With ``--cache`` the rule
events are kept in a JSON file so that policy thresholds can be tried quickly (on dev only).

Run: ``.venv/bin/python training/compare.py --split dev [--cache /tmp/rules.json]
[--policy thresholds.json]``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventwire.evaluate import PLOVER_OLD, code_rows, gold_format, load_gold, score_plover, score_sentences
from eventwire.events import extract
from eventwire.events.classifier import NONE, load_model, mask_span
from eventwire.events.combine import combine, load_policy, policy_from_dict
from eventwire.metrics import accuracy, prf
from eventwire.model import Event

ROOT = Path(__file__).resolve().parents[1]
GOLDS = [ROOT / "gold" / "event_sentences.jsonl", ROOT.parent / "shared" / "data" / "plover_gsr.jsonl"]


def rule_events(path: Path, rows: list[dict], cache: dict) -> dict[str, list[Event]]:
    """The rules' events of each row, from the cache or coded now with the classifier off."""
    key = str(path)
    missing = [r for r in rows if r["_key"] not in cache.get(key, {})]
    if missing:
        extract.set_classifier(False)
        coded = code_rows(missing, gold_format(rows))
        extract.set_classifier(True)
        cache.setdefault(key, {}).update(
            {k: [e.model_dump(mode="json") for e in v] for k, v in coded.items()}
        )
    return {r["_key"]: [Event.model_validate(e) for e in cache[key].get(r["_key"], [])] for r in rows}


def masked_of(texts: list[str]) -> dict[str, str]:
    from eventwire.nlp import get_nlp

    uniq = sorted(set(texts))
    return dict(zip(uniq, (mask_span(d) for d in get_nlp().pipe(uniq, batch_size=64)), strict=True))


def combined(events: dict[str, list[Event]], masked: dict[str, str], policy) -> dict[str, list[Event]]:
    """Each row's events after the classifier's vote, sentence by sentence."""
    model = load_model()
    out = {}
    for key, evs in events.items():
        starts = sorted({e.evidence.start for e in evs})
        new: list[Event] = []
        for s in starts:
            group = [e for e in evs if e.evidence.start == s]
            pred = model.predict_masked(masked[group[0].evidence.sentence])
            new += combine(group, pred, policy)
        out[key] = new
    return out


def classifier_alone(fmt: str, rows: list[dict], masked: dict[str, str], text_of) -> dict:
    """Accuracy and weighted F1 of the classifier's own labels."""
    model = load_model()
    preds = [model.predict_masked(masked[text_of(r)]) for r in rows]
    if fmt == "plover":
        gold = [PLOVER_OLD.get(r["event"], r["event"]) for r in rows]
        return {"event_type_accuracy": accuracy(gold, [p.plover for p in preds])}
    g_type = [r["plover"]["event_type"] for r in rows]
    g_sub = [(r.get("acled") or {}).get("sub_event_type", NONE) for r in rows]
    p_sub = [p.acled if p.acled != NONE else NONE for p in preds]
    return {
        "event_type_accuracy": accuracy(g_type, [p.plover for p in preds]),
        "acled_weighted_f1": prf(g_sub, p_sub)["weighted avg"]["f1"],
    }


def headline(fmt: str, result: dict) -> dict:
    if fmt == "plover":
        return {"event_type_accuracy": result["event_type_accuracy"]}
    return {
        "event_type_accuracy": result["event_type_accuracy"],
        "acled_weighted_f1": result["acled_sub_event_type"]["weighted avg"]["f1"],
        "acled_interaction_accuracy": result["acled_interaction_accuracy"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--policy", type=Path, help="a combine policy JSON to try instead of the shipped one")
    args = ap.parse_args()
    from eventwire.evaluate import _text, split_of

    cache = json.loads(args.cache.read_text()) if args.cache and args.cache.exists() else {}
    policy = policy_from_dict(json.loads(args.policy.read_text())) if args.policy else load_policy()
    for path in GOLDS:
        if not path.exists():
            continue
        rows = [r for r in load_gold(path) if r.get("event") != "DOCUMENT"]
        fmt = gold_format(rows)
        rows = [r for r in rows if split_of(r) == args.split]
        if fmt == "plover":
            rows = [r for r in rows if PLOVER_OLD.get(r["event"], r["event"]) not in ("CRIME",)]
        events = rule_events(path, rows, cache)
        texts = [_text(r, fmt) for r in rows] + [e.evidence.sentence for v in events.values() for e in v]
        masked = masked_of(texts)
        scorer = score_plover if fmt == "plover" else score_sentences
        report = {
            "rules": headline(fmt, scorer(rows, events)),
            "classifier": classifier_alone(fmt, rows, masked, lambda r, f=fmt: _text(r, f)),
            "combined": headline(fmt, scorer(rows, combined(events, masked, policy))),
        }
        print(json.dumps({"gold": path.name, "split": args.split, "n": len(rows)} | report))
    if args.cache:
        args.cache.write_text(json.dumps(cache))


if __name__ == "__main__":
    main()
