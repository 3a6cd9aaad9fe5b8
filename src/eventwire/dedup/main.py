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
from eventwire.model import Event


def main_key(event: Event) -> tuple:
    """Sort key of a document's records, its main event first: what happened now before
    background, plans and denials; material before verbal; then the earliest sentence (news puts
    its main event in the lede), then the most specific (``merge.vagueness``), then one naming
    both sides, then the most confident, then the id."""
    sides = (event.actor is None) + (event.recipient is None)
    current = event.factuality in ("asserted", "reported")
    return (
        not current,
        event.quad_class != 4,
        event.evidence.start,
        vagueness(event),
        sides,
        -event.confidence,
        event.id,
    )


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a report is about (``main_key``), or None for a report without records."""
    return min(events, key=main_key) if events else None


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
            for name in ("location", "fatalities", "actor", "recipient"):
                if getattr(e, name) is None:
                    lent = next((getattr(o, name) for o in group if getattr(o, name) is not None), None)
                    if lent is not None:
                        update[name] = lent
            out[e.id] = e.model_copy(update=update) if update else e
    return out
