"""Writing events out: JSONL (PLOVER-style records), flat CSV, and a readable terminal table.

JSONL lines are the Event records exactly as ``schema/event.schema.json`` describes them. CSV
flattens nested objects with ``_`` (``location_lat``, ``actor_country``) and joins lists with
``; ``, so a spreadsheet or pandas reads it without a schema.

Example:
    >>> import io
    >>> buf = io.StringIO(); write_jsonl([], buf); buf.getvalue()
    ''
"""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable
from typing import TextIO

from eventwire.model import Event

FORMATS = ("table", "jsonl", "csv")


def event_json(event: Event) -> str:
    """One event as a compact JSON line (no trailing newline)."""
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False, sort_keys=False)


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    """Write one JSON object per line; returns the count."""
    n = 0
    for e in events:
        out.write(event_json(e) + "\n")
        n += 1
    return n


def flatten(record: dict, prefix: str = "") -> dict[str, object]:
    """Flatten nested dicts with ``_`` and join lists of scalars with ``; ``."""
    flat: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            parts = [v.get("name") or v.get("text") if isinstance(v, dict) else v for v in value]
            flat[name] = "; ".join(str(p) for p in parts if p is not None)
        else:
            flat[name] = value
    return flat


def csv_columns() -> list[str]:
    """The CSV header: every flattened Event field, in model order (stable across runs)."""
    from eventwire.model import Acled, Actor, Count, Evidence, Location

    nested = {
        "acled": Acled,
        "actor": Actor,
        "recipient": Actor,
        "location": Location,
        "fatalities": Count,
        "injured": Count,
        "evidence": Evidence,
    }
    cols = []
    for name in Event.model_fields:
        if name in nested:
            cols.extend(f"{name}_{sub}" for sub in nested[name].model_fields)
        else:
            cols.append(name)
    return cols


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    """Write a header and one flat row per event; returns the count."""
    cols = csv_columns()
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow(flatten(e.model_dump(mode="json")))
        n += 1
    return n


def _who(actor) -> str:
    if actor is None:
        return "—"
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    label = actor.name or actor.text
    return f"{label} [{code}]" if code else label


def format_event(e: Event, width: int = 100) -> str:
    """A few readable lines for one event: who → what → whom, where, when, deaths, evidence."""
    what = e.event_type + (f"/{e.mode}" if e.mode else "")
    if e.acled:
        what += f"  (ACLED: {e.acled.sub_event_type})"
    where = "—"
    if e.location:
        where = f"{e.location.name}, {e.location.country or '?'} ({e.location.precision})"
    when = f"{e.date} ({e.date_precision})" if e.date else "—"
    killed = "—"
    if e.fatalities and e.fatalities.best is not None:
        f = e.fatalities
        killed = (
            str(f.best)
            if f.low in (None, f.best) and f.high in (None, f.best)
            else (f"{f.best} [{f.low}–{f.high}]")
        )
    head = f"{_who(e.actor)} → {what} → {_who(e.recipient)}"
    facts = f"where: {where} · when: {when} · killed: {killed} · {e.factuality} · conf {e.confidence:.2f}"
    if e.attributed_to:
        facts += f" · per {e.attributed_to}"
    quote = textwrap.shorten(e.evidence.sentence, width=max(40, width - 6), placeholder=" …")
    return f"{head}\n    {facts}\n    “{quote}”"


def format_table(events: Iterable[Event], width: int | None = None) -> str:
    """The terminal view of `eventwire code`: one block per event, grouped by document."""
    width = width or shutil.get_terminal_size((100, 20)).columns
    blocks = []
    current = None
    for e in events:
        if e.evidence.doc_id != current:
            current = e.evidence.doc_id
            blocks.append(f"── document {current} " + "─" * max(0, width - 14 - len(current)))
        blocks.append(format_event(e, width))
    return "\n".join(blocks)
