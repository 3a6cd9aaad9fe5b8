"""Linking later events to ceasefires, and the status each ceasefire has reached.

A violent event (ASSAULT, or COERCE/seize) is linked to a ceasefire when one of its sides is a
party — the party itself, or any actor of a party's country (its forces, proxies, allies) or of
the country the area lies in (the host state's forces are bound by a truce on its soil) — and
it happened inside the area: the same town within ``AREA_KM``, the same admin1 region, or the
same country when the area is a country. Then, by date (events carry no clock time):

- after the day it took effect → ``attack_after_start``;
- on that day, or with only week/month precision and a date in the week after it →
  ``same_day_uncertain`` (reported, never silently counted); a coarse date on or before the
  start day is not linked ("this week" may be before it);
- an ACCUSE event whose sentence speaks of violating the truce → ``accused_violation``.

Status history: announced → in_effect (when it took effect, with evidence) → violated (the
first attack after the start) → collapsed (a report that it collapsed, or attacks on at least
``COLLAPSE_DAYS`` distinct days with ``COLLAPSE_EVENTS`` distinct events). Events of one
dedup cluster count once. Pure: the same inputs in any order give the same result.

Example:
    >>> # ceasefires, links = link_events(ceasefires, events); links[event.id] -> ceasefire id
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from eventwire.ceasefire.ids import is_sentence_ref
from eventwire.ceasefire.merge import STATUS_RANK, reduce_history
from eventwire.ceasefire.parties import party_key
from eventwire.ceasefire.vocab import cues, find_triggers
from eventwire.geo.distance import haversine_km
from eventwire.model import Actor, Ceasefire, Event, Location, StatusChange, Violation
from eventwire.when import PRECISION_RANK

AREA_KM = 50.0  # a town-level area covers what happens within this distance of it
COLLAPSE_EVENTS = 10  # distinct attacks after the start that mean the truce failed at scale...
COLLAPSE_DAYS = 3  # ...spread over at least this many days
LINKABLE = ("asserted", "reported")


def km(a: Location, b: Location) -> float:
    """Great-circle distance between two located places, in km."""
    return haversine_km(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("province", "").split())


def in_area(loc: Location | None, cf: Ceasefire) -> bool:
    """True when ``loc`` lies inside the ceasefire's area (False when either is unknown)."""
    area = cf.area
    if loc is None:
        return False
    if area is None:
        names = {_norm(cf.area_text)} - {""}
        return bool(names & {_norm(loc.name), _norm(loc.text), _norm(loc.admin1)})
    if area.precision == "country":
        return loc.country == area.country
    if area.country and loc.country and area.country != loc.country:
        return False
    if (
        area.admin1
        and loc.admin1
        and _norm(area.admin1) == _norm(loc.admin1)
        and (area.precision == "region")
    ):
        return True
    if None not in (loc.lat, loc.lon, area.lat, area.lon):
        return km(loc, area) <= AREA_KM
    return _norm(area.name) in {_norm(loc.name), _norm(loc.admin1)}


def _sides(event: Event) -> list[Actor]:
    return [a for a in (event.actor, event.recipient, *event.assoc_actors) if a is not None]


def involves_party(event: Event, cf: Ceasefire) -> bool:
    """True when a side of the event is a party, or of a party's (or the area's) country."""
    keys = {party_key(p) for p in cf.parties}
    countries = {p.country for p in cf.parties if p.country}
    if cf.area and cf.area.country:
        countries.add(cf.area.country)
    return any(party_key(a) in keys or a.country in countries for a in _sides(event))


def violent(event: Event) -> bool:
    """An act that can break a truce: an attack, or a seizure."""
    return event.event_type == "ASSAULT" or (event.event_type == "COERCE" and event.mode == "seize")


def _start(cf: Ceasefire) -> dt.date | None:
    if cf.effective is not None:
        return cf.effective.date()
    return cf.agreed


def speaks_of_violation(sentence: str) -> bool:
    """True when a sentence names a ceasefire and a violation of it."""
    return bool(find_triggers(sentence)) and "violate" in cues(sentence)


def classify(event: Event, cf: Ceasefire) -> str | None:
    """The violation kind ``event`` is for ``cf``, or None when it is not linked."""
    start = _start(cf)
    if start is None or event.date is None or event.factuality not in LINKABLE:
        return None
    if cf.ends is not None and event.date > cf.ends.date():
        return None
    if event.event_type == "ACCUSE":
        fits = speaks_of_violation(event.evidence.sentence) and event.date >= start
        return "accused_violation" if fits and involves_party(event, cf) else None
    if not violent(event) or not involves_party(event, cf) or not in_area(event.location, cf):
        return None
    if event.date_precision not in (None, "day"):
        # "this week" may be before the start: only a coarse date after it can count, uncertainly
        if event.date <= start:
            return None
        return "same_day_uncertain" if (event.date - start).days <= 6 else "attack_after_start"
    if event.date == start:
        return "same_day_uncertain"
    return "attack_after_start" if event.date > start else None


def _specificity(cf: Ceasefire) -> tuple:
    """Prefer the most recent ceasefire, then the smallest area, for an event that fits two."""
    rank = {"point": 0, "town": 1, "region": 2, "country": 3}
    return (-(_start(cf) or dt.date.min).toordinal(), rank.get(cf.area.precision, 4) if cf.area else 5, cf.id)


def _status_history(cf: Ceasefire, violations: list[Violation]) -> list[StatusChange]:
    history = [h for h in cf.history if h.status != "violated"]
    attacks = [v for v in violations if v.kind == "attack_after_start"]
    start = _start(cf)
    if attacks and cf.effective and not any(h.status == "in_effect" for h in history):
        source = cf.sources[0] if cf.sources else attacks[0].evidence
        history.append(StatusChange(status="in_effect", date=start, evidence=source))
    if attacks:
        first = attacks[0]
        history.append(StatusChange(status="violated", date=first.date, evidence=first.evidence))
    days = sorted({v.date for v in attacks if v.date})
    if len(attacks) >= COLLAPSE_EVENTS and len(days) >= COLLAPSE_DAYS:
        last = attacks[COLLAPSE_EVENTS - 1]
        history.append(StatusChange(status="collapsed", date=last.date, evidence=last.evidence))
    return reduce_history(history)


def link_events(
    ceasefires: Sequence[Ceasefire], events: Sequence[Event]
) -> tuple[list[Ceasefire], dict[str, str]]:
    """Ceasefires with their violations and status history, and event id → ceasefire id.

    The mapping holds every linked event (each to one ceasefire: the most recent, then the one
    with the smallest area) and each ceasefire's declaring event. Violations of one dedup
    cluster are kept once, through the member whose date is most precise (a report that says
    "on Monday" dates the event better than one published a day later that only says "said"),
    then the smallest id. Sentence-only accusations found by detection (ids ``sent:DOC:OFFSET``)
    are kept.
    """
    ordered_cfs = sorted(ceasefires, key=_specificity)
    # an attack the text says broke a truce is that truce's (the most specific one's, when two say so)
    links: dict[str, str] = {
        v.event_id: cf.id
        for cf in reversed(ordered_cfs)
        for v in cf.violations
        if not is_sentence_ref(v.event_id)
    }
    for e in sorted(events, key=lambda e: e.id):
        if e.id in links:
            continue
        for cf in ordered_cfs:
            if e.id == cf.event_id:
                links[e.id] = cf.id
                break
            if classify(e, cf) is not None:
                links[e.id] = cf.id
                break
    out = []
    for cf in sorted(ceasefires, key=lambda c: c.id):
        # what detection found stays: sentence-only accusations, attacks the text itself says
        # broke the truce ("in violation of the ceasefire"), and all of it when there is no
        # start to check events against (a report that only tells of a breach)
        found: dict[str, Violation] = {v.event_id: v for v in cf.violations}
        seen_clusters: set[str] = set()
        for e in sorted(events, key=lambda e: (PRECISION_RANK.get(e.date_precision or "", 9), e.id)):
            if links.get(e.id) != cf.id or e.id == cf.event_id:
                continue
            kind = classify(e, cf)
            if kind is None or (e.cluster_id and e.cluster_id in seen_clusters):
                continue
            if e.cluster_id:
                seen_clusters.add(e.cluster_id)
            found[e.id] = Violation(event_id=e.id, date=e.date, kind=kind, evidence=e.evidence)
        coded_docs = {
            v.evidence.doc_id
            for v in found.values()
            if v.kind == "accused_violation" and not is_sentence_ref(v.event_id)
        }
        found = {
            k: v
            for k, v in found.items()  # an accusation a coded event already carries
            if not (is_sentence_ref(k) and v.evidence.doc_id in coded_docs)
        }
        violations = sorted(found.values(), key=lambda v: (v.date or dt.date.min, v.event_id))
        history = _status_history(cf, violations)
        status = max((h.status for h in history), key=STATUS_RANK.index, default="announced")
        out.append(cf.model_copy(update={"violations": violations, "history": history, "status": status}))
    return out, links
