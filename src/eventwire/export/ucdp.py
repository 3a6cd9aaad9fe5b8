"""UCDP GED-style CSV: deaths as best/low/high, where_prec and date_prec, type of violence.

Only violent events (ASSAULT) are written, since GED records organised violence. Columns follow
GED's names and order for the fields eventwire codes; GED's own identifiers (conflict and dyad
ids) are left empty.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from eventwire.model import Event
from eventwire.ucdp import type_of_violence

COLUMNS = [
    "id",
    "year",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
]
WHERE_PREC = {"point": 1, "town": 1, "region": 4, "country": 6}
DATE_PREC = {"day": 1, "week": 2, "month": 3, "year": 4}


def ucdp_row(event: Event, publisher: str | None = None) -> dict[str, object] | None:
    """One GED-style row of a violent event (type of violence from ``ucdp.type_of_violence``)."""
    if event.event_type != "ASSAULT":
        return None
    loc, f = event.location, event.fatalities
    best = f.best if f and f.best is not None else 0
    where_prec = WHERE_PREC.get(loc.precision, 7) if loc else 7
    if loc and loc.precision in ("town", "point") and loc.geo_precision == 2:
        where_prec = 2
    return {
        "id": event.id,
        "year": event.date.year if event.date else "",
        "type_of_violence": type_of_violence(event) or "",
        "side_a": (event.actor.name or event.actor.text) if event.actor else "",
        "side_b": (event.recipient.name or event.recipient.text) if event.recipient else "",
        "source_article": event.evidence.doc_id,
        "source_office": publisher or "",
        "source_date": "",
        "source_headline": event.evidence.sentence,
        "where_prec": where_prec,
        "where_coordinates": loc.name if loc else "",
        "where_description": loc.text if loc else "",
        "adm_1": loc.admin1 or "" if loc else "",
        "adm_2": loc.admin2 or "" if loc else "",
        "latitude": loc.lat if loc and loc.lat is not None else "",
        "longitude": loc.lon if loc and loc.lon is not None else "",
        "country": loc.country if loc else "",
        "date_prec": DATE_PREC.get(event.date_precision or "", 5),
        "date_start": event.date.isoformat() if event.date else "",
        "date_end": event.date.isoformat() if event.date else "",
        "best": best,
        "high": f.high if f and f.high is not None else best,
        "low": f.low if f and f.low is not None else best,
    }


def write_ucdp_csv(events: Iterable[Event], out: TextIO, publishers: dict[str, str] | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in events:
        row = ucdp_row(e, (publishers or {}).get(e.evidence.doc_id))
        if row is not None:
            writer.writerow(row)
            n += 1
    return n
