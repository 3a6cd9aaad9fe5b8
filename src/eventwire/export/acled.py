"""ACLED-compatible CSV: ACLED's column names, in ACLED's order, so existing scripts read it.

Only events in ACLED's scope (those with an ``acled`` coding) are written. Fields ACLED fills
from its own sources (region, admin3, source scale, tags) are left empty rather than invented.
``fatalities`` is the conservative figure (ACLED: the lowest reported; here ``low`` when the
report gives a range, else ``best``; 0 when no death is reported).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from eventwire.model import Actor, Event

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def _name(actor: Actor | None) -> str:
    return (actor.name or actor.text) if actor else ""


def acled_row(event: Event, publisher: str | None = None) -> dict[str, object] | None:
    """One ACLED row for an event, or None when the event is out of ACLED's scope."""
    a = event.acled
    if a is None:
        return None
    loc = event.location
    f = event.fatalities
    deaths = 0 if f is None else (f.low if f.low is not None else f.best) or 0
    return {
        "event_id_cnty": event.id,
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": a.disorder_type,
        "event_type": a.event_type,
        "sub_event_type": a.sub_event_type,
        "actor1": _name(event.actor),
        "assoc_actor_1": "; ".join(_name(x) for x in event.assoc_actors),
        "inter1": a.inter1 or "",
        "actor2": _name(event.recipient),
        "assoc_actor_2": "",
        "inter2": a.inter2 or "",
        "interaction": a.interaction or "",
        "civilian_targeting": "Civilian targeting" if a.inter2 == 7 else "",
        "iso": "",
        "region": "",
        "country": loc.country if loc else "",
        "admin1": (loc.admin1 or (loc.name if loc.precision == "region" else "")) if loc else "",
        "admin2": loc.admin2 or "" if loc else "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": publisher or "",
        "source_scale": "",
        "notes": event.evidence.sentence,
        "fatalities": deaths,
        "tags": "",
        "timestamp": "",
    }


def write_acled_csv(events: Iterable[Event], out: TextIO, publishers: dict[str, str] | None = None) -> int:
    """Write ACLED-style rows; returns how many events were in ACLED's scope."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        row = acled_row(e, (publishers or {}).get(e.evidence.doc_id))
        if row is not None:
            writer.writerow(row)
            n += 1
    return n
