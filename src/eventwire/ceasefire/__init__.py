"""The ceasefire tracker: agreements and their terms, start and end times, and later events.

Stages: ``detect`` reads one document's ceasefires (``detect_ceasefires``); ``merge`` joins
reports of the same ceasefire from several documents (``merge_ceasefires``); ``link`` attaches
later events and sets the status history (``link_events``); ``report`` formats the
`eventwire ceasefires` view. ``track_ceasefires`` runs merge and link over coded documents.

Example:
    >>> # ceasefires, links = track_ceasefires(coded_documents)
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.ceasefire.detect import detect_ceasefires
from eventwire.ceasefire.ids import ceasefire_id
from eventwire.ceasefire.link import link_events
from eventwire.ceasefire.merge import merge_ceasefires
from eventwire.ceasefire.report import format_ceasefires_table
from eventwire.model import Ceasefire, CodedDocument


def track_ceasefires(
    coded: Iterable[CodedDocument],
) -> tuple[list[Ceasefire], dict[str, str]]:
    """Merge the ceasefires of many coded documents and link all their events to them."""
    docs = list(coded)
    merged = merge_ceasefires([c for d in docs for c in d.ceasefires])
    return link_events(merged, [e for d in docs for e in d.events])


__all__ = [
    "ceasefire_id",
    "detect_ceasefires",
    "format_ceasefires_table",
    "link_events",
    "merge_ceasefires",
    "track_ceasefires",
]
