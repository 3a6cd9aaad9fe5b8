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
import re
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
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


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
    """The event a one-event text is about: most confident, material before verbal, then first."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, e.quad_class == 4, -e.evidence.start))


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
    """UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (deliberate, on civilians).

    Air power and artillery are state weapons in nearly every conflict UCDP codes, so a strike
    or shelling with no named side is state-based; civilians killed in it are too (UCDP counts
    them as state-based deaths, not one-sided violence)."""
    sides = [a for a in (event.actor, event.recipient) if a is not None]
    state = any(a.inter in (1, 8) or a.sector in STATE_SECTORS for a in sides)
    heavy = event.mode in ("aerial", "drone", "heavy-weapons")
    if state or heavy:
        return 1
    if event.recipient is not None and (event.recipient.inter == 7 or event.recipient.sector == "CVL"):
        return 3
    if sides:
        return 2
    return None


def score_ucdp(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    deaths_gold, deaths_pred, tov_gold, tov_pred = [], [], [], []
    covered = 0
    for row in rows:
        violent = [e for e in preds.get(row["_key"], []) if e.event_type in ("ASSAULT", "COERCE")]
        # a headline list reports its event where it gives a toll: the first event with one
        counted = [e for e in violent if e.fatalities and e.fatalities.best]
        chosen = counted[0] if counted else main_event(violent)
        covered += chosen is not None
        best = chosen.fatalities.best if chosen and chosen.fatalities else None
        deaths_gold.append(row.get("best"))
        deaths_pred.append(best if best is not None else 0)
        tov_gold.append(str(row.get("type_of_violence")))
        tov = ucdp_type_of_violence(chosen) if chosen else None
        tov_pred.append(str(tov) if tov else NONE)
    n = len(rows) or 1
    stated = [i for i, r in enumerate(rows) if r.get("best") and str(r["best"]) in _text(r, "ucdp")]
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
        "type_of_violence_accuracy": accuracy(tov_gold, tov_pred),
        "type_of_violence": prf(tov_gold, tov_pred),
    } | location


_COUNTRY_NAMES = {"Syria": "SYR", "Ukraine": "UKR", "Central African Republic": "CAF"}


def _names_its_place(row: dict) -> bool:
    """True when the headline itself names the coded place (its first word or its province)."""
    text = _text(row, "ucdp").lower()
    names = [
        str(row.get("where_coordinates") or "").split(" ")[0],
        str(row.get("adm_1") or "")
        .replace(" province", "")
        .replace(" governorate", "")
        .replace(" oblast", ""),
    ]
    return any(len(nm) > 3 and nm.lower() in text for nm in names)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _first_place(text: str):
    """The headline's first resolvable place, for headlines that name a place but no event."""
    from eventwire.geo import GeoContext, get_geocoder

    geocoder = get_geocoder()
    for mention in geocoder.spot(text):
        if mention.candidates:
            return geocoder.resolve(mention, GeoContext())
    return None


def _ucdp_locations(rows: list[dict], preds: dict[str, list[Event]]) -> dict:
    """Place accuracy among headlines that name their place: country, within 25 and 161 km.

    The place is the coded event's; a headline that is only a place name ("Debaltseve") has no
    event, and is scored on its first resolved place, which measures the geocoder alone."""
    from eventwire.resources import read_tsv

    iso = {r["names"].split("|")[0]: r["iso3"] for r in read_tsv("actors_countries.tsv")}
    iso.update(_COUNTRY_NAMES)
    n = country_ok = near25 = near161 = 0
    for row in rows:
        if not _names_its_place(row) or row.get("latitude") is None:
            continue
        n += 1
        located = [e for e in preds.get(row["_key"], []) if e.location is not None]
        chosen = main_event([e for e in located if e.location.precision != "country"] or located)
        loc = chosen.location if chosen else _first_place(_text(row, "ucdp"))
        if loc is None:
            continue
        country_ok += loc.country == iso.get(row.get("country"), row.get("country"))
        if loc.lat is not None:
            km = _km(row["latitude"], row["longitude"], loc.lat, loc.lon)
            near25 += km <= 25
            near161 += km <= 161
    return {
        "n_headline_names_place": n,
        "location_country_accuracy": round(country_ok / max(1, n), 4),
        "location_within_25km": round(near25 / max(1, n), 4),
        "location_within_161km": round(near161 / max(1, n), 4),
    }


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
    """Event-location choice on Halterman's sentences: does the place eventwire picks for the
    annotated event verb overlap the annotated location span? Sentences with no annotated place
    are scored separately (the right answer there is no place)."""
    from eventwire.geo import GeoContext, get_geocoder
    from eventwire.nlp import get_nlp

    geocoder = get_geocoder()
    nlp = get_nlp()
    with_place = hits = without = abstained = 0
    seen: set[tuple] = set()
    for row in rows:
        spans = row.get("spans") or []
        verb = next(
            (sp for sp in spans if sp.get("label") == "VERB" and sp.get("char_start") is not None), None
        )
        if verb is None:
            continue
        golds = [
            (sp["char_start"], sp["char_end"])
            for sp in spans
            if sp.get("label") == "LOCATION" and sp.get("char_start") is not None
        ]
        key = (row["text"], verb["char_start"])
        if key in seen:
            continue
        seen.add(key)
        text = row["text"]
        ents = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        loc = geocoder.event_location(text, (verb["char_start"], verb["char_end"]), GeoContext(), ents=ents)
        if not golds:
            without += 1
            abstained += loc is None
            continue
        with_place += 1
        if loc is None:
            continue
        starts = [m.start() for m in re.finditer(re.escape(loc.text), text)]
        if not starts:
            continue
        start = min(starts, key=lambda x: abs(x - verb["char_start"]))
        end = start + len(loc.text)
        hits += any(start < ge and gs < end for gs, ge in golds)
    return {
        "n_with_location": with_place,
        "location_span_match": round(hits / max(1, with_place), 4),
        "n_without_location": without,
        "none_when_no_location": round(abstained / max(1, without), 4),
    }


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
