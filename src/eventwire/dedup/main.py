"""Which record of a document is the report's main event, and what its sentence says around it.

A news report is a document with several records: the event it is about (the lede's first
violent event, usually also the headline's) and echoes, background and reactions. Two reports of
one real event share their main event even when their other records differ, so clustering lets
main records meet main records first (``cluster``), and scoring reads a record together with
the other records coded from its sentence ("Four soldiers were killed when rebels attacked..."
gives a "killed" record with the toll and an "attacked" record with the place).

Pure functions over event records; the same records in any order give the same answers.

Example:
    >>> main_records([])
    {}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from eventwire.dedup.merge import vagueness
from eventwire.dedup.score import type_group
from eventwire.model import Actor, Event

# sides that say nothing of who acted ("gunmen", "unknown attackers"): they may be anyone
_ANY_SIDE = frozenset({"UAF", "UNK"})


def main_key(event: Event, lede: int = 0) -> tuple:
    """Sort key of a document's records, its main event first: what happened now before
    background, plans and denials; a vague record after the lede (``lede``: the offset of the
    document's first sentence with a record) after the rest; material before verbal; then the
    earliest sentence (news puts its main event in the lede), then the most specific
    (``merge.vagueness``), then one naming both sides, then the most confident, then the id."""
    sides = (event.actor is None) + (event.recipient is None)
    current = event.factuality in ("asserted", "reported")
    vague = vagueness(event)
    return (
        not current,
        # "Envoys met in Jeddah on Saturday... Fighting continued in Khartoum": a later record
        # placed by at most one of day, place and toll is background, not the report's event
        vague >= 2 and event.evidence.start > lede,
        event.quad_class != 4,
        event.evidence.start,
        vague,
        sides,
        -event.confidence,
        event.id,
    )


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a report is about (``main_key``), or None for a report without records."""
    if not events:
        return None
    lede = min(e.evidence.start for e in events)
    return min(events, key=lambda e: main_key(e, lede))


def main_records(events: Iterable[Event]) -> dict[str, str]:
    """Document id → the id of its main record."""
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_doc[e.evidence.doc_id].append(e)
    return {doc: main.id for doc, es in by_doc.items() if (main := main_event(es)) is not None}


def sentence_views(events: Iterable[Event]) -> dict[str, Event]:
    """Event id → the record with a missing place, toll or side filled from the other records of
    its sentence and type group (for scoring only; stored records keep what was coded)."""
    by_sentence: dict[tuple[str, int, str], list[Event]] = defaultdict(list)
    for e in events:
        by_sentence[(e.evidence.doc_id, e.evidence.start, type_group(e.event_type))].append(e)
    out: dict[str, Event] = {}
    for group in by_sentence.values():
        group.sort(key=main_key)  # the first sibling that has a field lends it
        for e in group:
            update = {}
            # "Israel struck Hodeidah a day after a Houthi drone killed a man in Tel Aviv": a
            # sibling whose attacker is another side tells another event and lends nothing
            kin = [o for o in group if not _other_side(e, o)]
            for name in ("location", "fatalities", "actor", "recipient"):
                if getattr(e, name) is None:
                    lent = next((getattr(o, name) for o in kin if getattr(o, name) is not None), None)
                    if lent is not None:
                        update[name] = lent
            out[e.id] = e.model_copy(update=update) if update else e
    return out


def _one_side(x: Actor, y: Actor) -> bool:
    """True when two parties may be one side: one name, or one sector of one country (a side
    without a country or an unidentified one may be anyone's)."""
    if (x.name or x.text).lower() == (y.name or y.text).lower():
        return True
    if not x.sector or not y.sector or x.sector in _ANY_SIDE or y.sector in _ANY_SIDE:
        return True
    return x.sector == y.sector and (not x.country or not y.country or x.country == y.country)


def _other_side(e: Event, o: Event) -> bool:
    """True when a sibling record's actor is another side than ``e``'s (two events in one
    sentence, as an attack and the one it answered)."""
    return e.actor is not None and o.actor is not None and not _one_side(e.actor, o.actor)
