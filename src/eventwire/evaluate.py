"""`eventwire evaluate`: code a gold file (or read predictions) and score it.

Gold formats are recognised from their records:
- PLOVER gold standard records (``shared/data/plover_gsr.jsonl``): event type, mode, actors;
- UCDP GED rows with headlines (``shared/data/ucdp_dev.jsonl``): fatalities, type of violence,
  coverage, location;
- event-location sentences (``shared/data/event_location.jsonl``): the chosen place span;
- the project's event sentences (``gold/event_sentences.jsonl``): PLOVER and ACLED types, inter
  codes, actors, fatalities, dates, factuality, calibration;
- report groups (``gold/dedup_groups.jsonl``): pairwise dedup F1.

Each gold item is coded as one document whose id is the item's id, so predictions made
earlier with ``eventwire code --format jsonl`` can be scored with ``--pred``. Every result is a
JSON-serialisable dict; ``render`` prints it for people.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from eventwire.errors import GoldFormatError
from eventwire.metrics import NONE, accuracy, calibration, confusion, prf, within
from eventwire.model import Event, RawDocument

PLOVER_OLD = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


# ---- loading ----------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict]:
    """Records of a gold JSONL file, each with a stable ``_key`` (id, or line number)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{n + 1}: not JSON ({exc.msg})") from exc
            row["_key"] = f"{row.get('id') or row.get('_row') or row.get('doc_id')}#{n}"
            rows.append(row)
    return rows


def gold_format(rows: list[dict]) -> str:
    """Which gold format these records are in."""
    sample = next((r for r in rows if r.get("event") != "DOCUMENT"), rows[0] if rows else {})
    if "textInfo" in sample or str(sample.get("id", "")).startswith("PLOVER-"):
        return "plover"
    if "type_of_violence" in sample:
        return "ucdp"
    if "spans" in sample and "tokens" in sample:
        return "event_location"
    if "group" in sample and "doc_id" in sample:
        return "dedup"
    if "plover" in sample and "acled" in sample:
        return "sentences"
    raise GoldFormatError(f"unknown gold format (keys: {sorted(sample)[:12]})")


def split_of(row: dict) -> str:
    """The dev/test split of a gold record: its own field, else a stable hash of its key."""
    if "type_of_violence" in row:
        # every GED row says "dev": use the type-of-violence model's split by headline, so that
        # --split test scores exactly the headlines the model was not trained on
        from eventwire.ucdp import split_of as ucdp_split

        return "test" if ucdp_split(row.get("text") or "") == "heldout" else "dev"
    if row.get("split") in ("dev", "test"):
        return row["split"]
    digest = hashlib.sha256(str(row.get("id") or row["_key"]).encode()).digest()
    return "test" if digest[0] % 2 else "dev"


def _text(row: dict, fmt: str) -> str:
    return row.get("text") or row.get("source_headline") or ""


def _published(row: dict, fmt: str) -> dt.date | None:
    for key in ("published", "source_date", "date"):
        value = row.get(key)
        if value:
            try:
                return dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    return None


# ---- coding -----------------------------------------------------------------------------


def code_rows(rows: list[dict], fmt: str) -> dict[str, list[Event]]:
    """Code each gold item as a document of its own; events keyed by the item's key."""
    from eventwire.pipeline import Options, Pipeline

    raws = []
    for row in rows:
        text = _text(row, fmt)
        raws.append(
            RawDocument(
                text=text,
                id=row["_key"],
                published=_published(row, fmt),
                raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    out: dict[str, list[Event]] = {}
    for result in Pipeline(Options(batch_size=64)).code(raws):
        out[result.document.id] = result.events
    return out


def read_predictions(path: str | Path) -> dict[str, list[Event]]:
    """Events from a JSONL file written by ``eventwire code --format jsonl``, by document id."""
    out: dict[str, list[Event]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                event = Event.model_validate_json(line)
                out[event.evidence.doc_id].append(event)
    return out


def main_event(events: list[Event]) -> Event | None:
    """The event a one-event text is about: what happened now before background, plans and
    denials ("was kidnapped on 7 October 2023" in a report of a release), then most confident,
    material before verbal, then first."""
    if not events:
        return None
    return max(events, key=_main_key)


_NOW = ("asserted", "reported")


def _main_key(event: Event) -> tuple:
    return (event.factuality in _NOW, event.confidence, event.quad_class == 4, -event.evidence.start)


# ---- scorers ----------------------------------------------------------------------------


def score_plover(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    gold, pred, conf, ok = [], [], [], []
    actor_hits = actor_total = 0
    for row in rows:
        label = PLOVER_OLD.get(row["event"], row["event"])
        if label in ("DOCUMENT", "CRIME"):
            continue
        events = preds.get(row["_key"], [])
        wanted_words = str(row.get("eventText", "")).lower().split()
        chosen = next((e for e in events if (e.trigger or "").lower() in wanted_words), None)
        chosen = chosen or main_event(events)
        gold.append(label)
        pred.append(chosen.event_type if chosen else NONE)
        if chosen:
            conf.append(chosen.confidence)
            ok.append(chosen.event_type == label)
        sources = [s for s in row.get("source") or [] if isinstance(s, dict) and s.get("code")]
        if sources and chosen and chosen.actor:
            actor_total += 1
            codes = {_old_country(s["code"]) for s in sources}
            actor_hits += chosen.actor.country in codes
        elif sources:
            actor_total += 1
    return {
        "n": len(gold),
        "event_type_accuracy": accuracy(gold, pred),
        "coverage": round(sum(p != NONE for p in pred) / max(1, len(pred)), 4),
        "per_class": prf(gold, pred),
        "confusion_worst": confusion(gold, pred),
        "actor_country_accuracy": round(actor_hits / max(1, actor_total), 4),
        "calibration": calibration(conf, ok),
    }


def _old_country(code: str) -> str:
    return {"JAP": "JPN", "PAL": "PSE", "GER": "DEU", "UK": "GBR"}.get(code, code)


def ucdp_type_of_violence(event: Event) -> int | None:
    """UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (``ucdp.type_of_violence``,
    the one function the UCDP export uses too)."""
    from eventwire.ucdp import type_of_violence

    return type_of_violence(event)


def score_ucdp(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    """Coverage, fatalities and type of violence of GED headlines (and their places).

    A headline that gives no toll is coded with no fatalities, which scores as 0 against GED's
    best; ``fatalities_gold_in_text`` is the share of rows whose GED best is a number the headline
    states at all, the ceiling of any reader that does not invent tolls."""
    from eventwire.ucdp import stated_numbers, ucdp_event

    deaths_gold, deaths_pred, tov_gold, tov_pred = [], [], [], []
    covered = 0
    for row in rows:
        chosen = ucdp_event(preds.get(row["_key"], []))
        covered += chosen is not None
        best = chosen.fatalities.best if chosen and chosen.fatalities else None
        deaths_gold.append(row.get("best"))
        deaths_pred.append(best if best is not None else 0)
        tov_gold.append(str(row.get("type_of_violence")))
        tov = ucdp_type_of_violence(chosen) if chosen else None
        tov_pred.append(str(tov) if tov else NONE)
    n = len(rows) or 1
    # the toll is stated when GED's best is one of the headline's numbers ("4", "four"), not
    # merely a digit inside another number or a date
    stated = [
        i for i, r in enumerate(rows) if r.get("best") and r["best"] in stated_numbers(_text(r, "ucdp"))
    ]
    location = _ucdp_locations(rows, preds)
    return {
        "n": len(rows),
        "coverage": round(covered / n, 4),
        "fatalities_best_exact": accuracy(deaths_gold, deaths_pred),
        "fatalities_within_20pct": round(
            sum(within(g, p, 0.2) for g, p in zip(deaths_gold, deaths_pred, strict=True)) / n, 4
        ),
        "fatalities_best_exact_when_headline_states_toll": accuracy(
            [deaths_gold[i] for i in stated], [deaths_pred[i] for i in stated]
        ),
        "n_headline_states_toll": len(stated),
        "fatalities_gold_in_text": round(len(stated) / n, 4),
        "type_of_violence_accuracy": accuracy(tov_gold, tov_pred),
        "type_of_violence_accuracy_when_covered": accuracy(
            [g for g, p in zip(tov_gold, tov_pred, strict=True) if p != NONE],
            [p for p in tov_pred if p != NONE],
        ),
        "type_of_violence": prf(tov_gold, tov_pred),
    } | location


def _event_place(events: list[Event]):
    """The place of the event a headline is about (a located, sub-national one when there is)."""
    located = [e for e in events if e.location is not None]
    chosen = main_event([e for e in located if e.location.precision != "country"] or located)
    return chosen.location if chosen else None


def _ucdp_locations(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    """Place accuracy among headlines that name their place (``evaluate_geo.score_ucdp_places``)."""
    from eventwire.evaluate_geo import score_ucdp_places
    from eventwire.geo import get_geocoder

    places = {row["_key"]: _event_place(preds.get(row["_key"], [])) for row in rows}
    return score_ucdp_places(rows, places, get_geocoder())


def score_sentences(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    g_type, p_type, g_sub, p_sub, conf, ok = [], [], [], [], [], []
    inter_hits = inter_total = country_hits = country_total = 0
    fat_exact = fat_20 = fat_n = date_exact = date_1 = date_n = fact_hits = 0
    for row in rows:
        chosen = main_event(preds.get(row["_key"], []))
        g_type.append(row["plover"]["event_type"])
        p_type.append(chosen.event_type if chosen else NONE)
        gold_acled = row.get("acled")
        g_sub.append(gold_acled["sub_event_type"] if gold_acled else NONE)
        p_sub.append(chosen.acled.sub_event_type if chosen and chosen.acled else NONE)
        if chosen:
            conf.append(chosen.confidence)
            ok.append(chosen.event_type == row["plover"]["event_type"])
            fact_hits += chosen.factuality == row.get("factuality", "asserted")
        if gold_acled and gold_acled.get("interaction") is not None:
            # ACLED's actor1/actor2 carry no direction: compare the interaction code
            inter_total += 1
            got = chosen.acled.interaction if chosen and chosen.acled else None
            inter_hits += got == int(gold_acled["interaction"])
        if (row.get("actor") or {}).get("country"):
            country_total += 1
            country_hits += bool(chosen and chosen.actor and chosen.actor.country == row["actor"]["country"])
        gold_f = (row.get("fatalities") or {}).get("best")
        pred_f = chosen.fatalities.best if chosen and chosen.fatalities else None
        if gold_f is not None or pred_f is not None:
            fat_n += 1
            fat_exact += gold_f == pred_f
            fat_20 += within(gold_f, pred_f, 0.2)
        if row.get("date"):
            date_n += 1
            if chosen and chosen.date:
                delta = abs((chosen.date - dt.date.fromisoformat(row["date"])).days)
                date_exact += delta == 0
                date_1 += delta <= 1
    n = len(rows) or 1
    return {
        "n": len(rows),
        "event_type_accuracy": accuracy(g_type, p_type),
        "event_type": prf(g_type, p_type),
        "acled_sub_event_type": prf(g_sub, p_sub),
        "acled_confusion_worst": confusion(g_sub, p_sub),
        "actor_country_accuracy": round(country_hits / max(1, country_total), 4),
        "acled_interaction_accuracy": round(inter_hits / max(1, inter_total), 4),
        "fatalities_exact": round(fat_exact / max(1, fat_n), 4),
        "fatalities_within_20pct": round(fat_20 / max(1, fat_n), 4),
        "date_exact": round(date_exact / max(1, date_n), 4),
        "date_within_1_day": round(date_1 / max(1, date_n), 4),
        "factuality_accuracy": round(fact_hits / n, 4),
        "calibration": calibration(conf, ok),
    }


SCORERS = {"plover": score_plover, "ucdp": score_ucdp, "sentences": score_sentences}


def evaluate(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    *,
    split: str | None = None,
    limit: int | None = None,
) -> dict:
    """Score a gold file; ``split`` keeps only its dev or test part; ``limit`` the first N items."""
    rows = load_gold(gold_path)
    fmt = gold_format(rows)
    rows = [r for r in rows if r.get("event") != "DOCUMENT"]
    if split:
        rows = [r for r in rows if split_of(r) == split]
    if limit:
        rows = rows[:limit]
    if fmt in ("event_location", "dedup"):
        return _delegate(fmt, rows, pred_path) | {
            "gold": str(gold_path),
            "format": fmt,
            "split": split or "all",
        }
    preds = read_predictions(pred_path) if pred_path else code_rows(rows, fmt)
    result = SCORERS[fmt](rows, preds)
    return {"gold": str(gold_path), "format": fmt, "split": split or "all"} | result


def score_event_location(rows: list[dict]) -> dict:
    """Event-location choice on Halterman's sentences (``evaluate_geo.event_location_tally``),
    with spaCy's entities as spotting hints, as the pipeline has them."""
    from eventwire.evaluate_geo import event_location_tally
    from eventwire.geo import get_geocoder
    from eventwire.nlp import get_nlp

    nlp = get_nlp()

    def ents_of(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]

    return event_location_tally(rows, get_geocoder(), ents_of)


def _delegate(fmt: str, rows: list[dict], pred_path) -> dict:
    if fmt == "event_location":
        return score_event_location(rows)
    from eventwire.evaluate_dedup import score_dedup_rows

    return score_dedup_rows(rows, pred_path)


def headline_figures(result: dict) -> dict:
    """The scalar figures of a result (what the CI floors and the notes track)."""
    return {k: v for k, v in result.items() if isinstance(v, int | float) and not isinstance(v, bool)}


def render(result: dict) -> str:
    """A readable report of an evaluation result."""
    lines = [f"gold: {result.get('gold')}  format: {result.get('format')}  split: {result.get('split')}"]
    for key, value in headline_figures(result).items():
        lines.append(f"  {key:<48} {value}")
    for key in ("event_type", "acled_sub_event_type", "per_class", "type_of_violence"):
        table = result.get(key)
        if isinstance(table, dict):
            lines.append(f"\n{key}:")
            lines.append(f"  {'class':<40} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
            for label, m in table.items():
                lines.append(
                    f"  {label:<40} {m['precision']:>6.2f} {m['recall']:>6.2f} "
                    f"{m['f1']:>6.2f} {m['support']:>5}"
                )
    for key in ("confusion_worst", "acled_confusion_worst"):
        if result.get(key):
            lines.append(f"\n{key} (gold → predicted counts):")
            for gold, row in result[key].items():
                lines.append(f"  {gold}: {row}")
    cal = result.get("calibration")
    if cal:
        lines.append(f"\ncalibration (ECE {cal['ece']}, n={cal['n']}):")
        for b in cal["bins"]:
            lines.append(f"  {b['bin']}  n={b['n']:<5} conf={b['confidence']:.2f} acc={b['accuracy']:.2f}")
    return "\n".join(lines)


def iter_gold_texts(rows: Iterable[dict]) -> Iterable[str]:
    """The texts of gold records (for benchmarks and training)."""
    for row in rows:
        yield row.get("text") or ""
