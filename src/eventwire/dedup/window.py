"""What an incremental dedup run must read from the store: the new reports and what they can meet.

A new report is compared only with clusters in its date block (``cluster._BlockIndex``), so the
clusters worth reading are those with a member dated near the new reports. ``candidate_window``
gives a date range wide enough for every block a new report can reach (week-, month- and
year-precision dates widen a record's days; week numbers round them), ``stored_candidates`` reads
the unclustered events, the clusters with a member in that range, those clusters' members and
every other event of their documents (the pair score compares whole reports).

Reading more than needed is harmless (clusters nobody joins are written back unchanged); reading
less would change the result, so the margins are generous.

Example:
    >>> # fresh, clusters, events = stored_candidates(store)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from eventwire.dedup.score import REPORTING_WINDOW, SLACK_DAYS, UNDATED_WINDOW, date_interval
from eventwire.model import Cluster, Event

# how far before its date a stored record's days may reach (a week-precision date), and after
# it (a year-precision date is stored as its first day), plus a week of rounding either side
_BEFORE = max(7, REPORTING_WINDOW, UNDATED_WINDOW) + SLACK_DAYS + 7
_AFTER = 366 + SLACK_DAYS + 7


def candidate_window(
    fresh: Iterable[Event], published: Mapping[str, dt.date]
) -> tuple[dt.date, dt.date] | None:
    """The range of stored event dates that may share a block with a fresh event, or None when
    a fresh event is undated and unpublished (it may meet any cluster of its type group)."""
    lo: dt.date | None = None
    hi: dt.date | None = None
    for e in fresh:
        span = date_interval(e, published.get(e.evidence.doc_id), loose=True)
        if span is None:
            return None
        lo = span[0] if lo is None else min(lo, span[0])
        hi = span[1] if hi is None else max(hi, span[1])
    if lo is None or hi is None:
        return None
    return lo - dt.timedelta(days=_AFTER), hi + dt.timedelta(days=_BEFORE)


def stored_candidates(store) -> tuple[list[Event], list[Cluster], dict[str, Event]]:
    """(unclustered events, the clusters they may join, every event of the documents involved).

    ``store`` is an ``eventwire.store.Store``."""
    fresh = store.unclustered_events()
    if not fresh:
        return [], [], {}
    published = store.published_dates({e.evidence.doc_id for e in fresh})
    clusters = store.clusters_by_id(store.cluster_ids_dated(candidate_window(fresh, published)))
    members = {m for c in clusters for m in c.member_ids}
    doc_ids = store.documents_of_events(members) | {e.evidence.doc_id for e in fresh}
    events = {e.id: e for e in store.events_of_documents(doc_ids)}
    return fresh, clusters, events
