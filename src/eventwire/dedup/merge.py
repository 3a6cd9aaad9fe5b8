"""Merging the reports of one real-world event into one record.

Rules (each picks the field that the most, or the best, reports support):

- fatalities and injured: ``best`` from the most recent report that gives a toll (tolls rise as
  bodies are counted); ``low`` the minimum of the lows; ``high`` the maximum of highs and bests.
- date: the modal day-precision date (ties: the earliest); without any day-precision date, the
  most precise date, earliest first.
- location: the most precise place (point, town, region, country; then ACLED geo_precision),
  ties by how many reports name it.
- actor and recipient: the most frequent resolved actor (name, country and sector), ties by the
  most recent report; an unresolved actor is used only when no report resolved one.
- evidence and attribution: from the most recent report.
- event type: the modal type (ties: the most recent report's); the coding fields that go with it
  (mode, CAMEO, ACLED, trigger, factuality) from the most recent report of that type.
- confidence: the highest member's; materiel: the union in report order.

"Most recent" is by publication date (``published``, keyed by document id), then by document id.

Example:
    >>> # merge_cluster([report_day1, report_day2]).fatalities.best == report_day2's toll
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from eventwire.dedup.score import place_rank
from eventwire.model import Actor, Count, Event, Location
from eventwire.when import PRECISION_RANK

T = TypeVar("T")


def vagueness(event: Event) -> int:
    """How much of what places an event in the world a record lacks: a day, a place, a toll.

    One sentence often gives several records (a strike and "the strikes hit oil depots"); the
    most specific one is the report of the event, the vaguer ones its echoes.
    """
    return (
        ((event.date_precision or "day") != "day" or event.date is None)
        + (event.location is None)
        + (event.fatalities is None)
    )


def report_key(event: Event, published: Mapping[str, dt.date] | None = None) -> tuple:
    """Stable sort key of a report: publication date (unknown first), document, offset, the
    most specific record of a sentence first (``vagueness``), id."""
    pub = (published or {}).get(event.evidence.doc_id)
    return (pub or dt.date.min, event.evidence.doc_id, event.evidence.start, vagueness(event), event.id)


def cluster_id_for(first_member_id: str) -> str:
    """A cluster's id: derived from its earliest member's id, so later joiners never change it."""
    return "cl_" + hashlib.sha256(first_member_id.encode("utf-8")).hexdigest()[:16]


def _modal(values: Sequence[T], key: Callable[[T], object] = lambda v: v) -> T:
    """The most frequent value by ``key``; ties go to the value seen last (the most recent)."""
    counts = Counter(key(v) for v in values)
    best = max(counts.values())
    return next(v for v in reversed(values) if counts[key(v)] == best)


def merge_count(counts: Sequence[Count | None]) -> Count | None:
    """Merge tolls given oldest report first: best from the latest, widest low/high range."""
    given = [c for c in counts if c is not None and (c.best, c.low, c.high) != (None, None, None)]
    if not given:
        return None
    latest = given[-1]
    lows = [c.low for c in given if c.low is not None]
    highs = [v for c in given for v in (c.high, c.best) if v is not None]
    best = latest.best if latest.best is not None else (latest.low or latest.high)
    return Count(
        best=best,
        low=min(lows) if lows else None,
        high=max(highs) if highs else None,
        text=latest.text,
    )


def merge_date(events: Sequence[Event]) -> tuple[dt.date | None, str | None, str | None]:
    """(date, precision, date_text): the modal precise date, else the most precise, earliest."""
    precise = [e for e in events if e.date is not None and (e.date_precision or "day") == "day"]
    if precise:
        counts = Counter(e.date for e in precise)
        top = max(counts.values())
        date = min(d for d, n in counts.items() if n == top)
        chosen = next(e for e in precise if e.date == date)
        return date, "day", chosen.date_text
    dated = [e for e in events if e.date is not None]
    if not dated:
        return None, None, None
    chosen = min(dated, key=lambda e: (PRECISION_RANK.get(e.date_precision or "day", 9), e.date))
    return chosen.date, chosen.date_precision, chosen.date_text


def merge_location(items: Sequence[Event | Location]) -> Location | None:
    """The most precise place; among equally precise ones, the one most reports name."""
    located = [i if isinstance(i, Location) else i.location for i in items]
    located = [loc for loc in located if loc is not None]
    if not located:
        return None
    names = Counter((loc.name, loc.country) for loc in located)
    return min(
        located,
        key=lambda loc: (*place_rank(loc), -names[(loc.name, loc.country)], loc.name, loc.text),
    )


def _actor_key(actor: Actor) -> tuple:
    return ((actor.name or "").lower(), actor.country, actor.sector)


def merge_actor(actors: Sequence[Actor | None]) -> Actor | None:
    """The most frequent resolved actor (oldest report first; ties to the latest)."""
    present = [a for a in actors if a is not None]
    if not present:
        return None
    resolved = [a for a in present if a.country or a.sector or a.name]
    return _modal(resolved or present, _actor_key)


def merge_cluster(
    members: Sequence[Event],
    *,
    published: Mapping[str, dt.date] | None = None,
    cluster_id: str | None = None,
) -> Event:
    """One record for the reports of one real-world event (rules in the module docstring).

    ``members`` may come in any order; ``cluster_id`` (default: derived from the earliest member)
    is set on the merged record, whose id is derived from it.
    """
    if not members:
        raise ValueError("merge_cluster needs at least one member")
    ordered = sorted(members, key=lambda e: report_key(e, published))
    cid = cluster_id or cluster_id_for(ordered[0].id)
    latest = ordered[-1]
    event_type = _modal([e.event_type for e in ordered])
    base = next(e for e in reversed(ordered) if e.event_type == event_type)
    date, precision, date_text = merge_date(ordered)
    materiel: list[str] = []
    for e in ordered:
        materiel.extend(m for m in e.materiel if m not in materiel)
    return base.model_copy(
        update={
            "id": "ev_" + cid.removeprefix("cl_"),
            "actor": merge_actor([e.actor for e in ordered]),
            "recipient": merge_actor([e.recipient for e in ordered]),
            "date": date,
            "date_precision": precision,
            "date_text": date_text,
            "location": merge_location(list(ordered)),
            "fatalities": merge_count([e.fatalities for e in ordered]),
            "injured": merge_count([e.injured for e in ordered]),
            "materiel": materiel,
            "evidence": latest.evidence,
            "attributed_to": latest.attributed_to,
            "confidence": max(e.confidence for e in ordered),
            "cluster_id": cid,
        }
    )
