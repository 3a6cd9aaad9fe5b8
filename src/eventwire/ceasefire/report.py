"""The `eventwire ceasefires` view: each ceasefire, its terms, status and the events since.

Example:
    >>> # print(format_ceasefires_table(store.ceasefires(), list(store.events())))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from eventwire.model import Actor, Ceasefire, Event

WIDTH = 100


def _who(actors: Sequence[Actor]) -> str:
    return ", ".join(a.name or a.country or a.text for a in actors) or "?"


def _event_line(e: Event, kind: str) -> str:
    sides = " → ".join(a.name or a.country or a.text for a in (e.actor, e.recipient) if a)
    place = e.location.name if e.location else "?"
    dead = f", {e.fatalities.best} killed" if e.fatalities and e.fatalities.best else ""
    what = f"{e.event_type}{'/' + e.mode if e.mode else ''}"
    return f"  {e.date or '?'}  {kind:<19} {what:<16} {sides or '?'} @ {place}{dead}"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH - 6 else text[: WIDTH - 9] + "..."


def format_ceasefires_table(ceasefires: Sequence[Ceasefire], events: Sequence[Event]) -> str:
    """Each ceasefire with its terms, status history and linked events, in time order."""
    by_id = {e.id: e for e in events}
    blocks = []
    for cf in sorted(
        ceasefires, key=lambda c: (c.effective.date() if c.effective else c.agreed or dt.date.max, c.id)
    ):
        area = cf.area.name if cf.area else cf.area_text or "?"
        lines = [
            f"{cf.id}  {cf.kind} — {_who(cf.parties)} — {area}  [{cf.status}]",
            f"  agreed {cf.agreed or '?'} · effective "
            f"{cf.effective.isoformat(timespec='minutes') if cf.effective else '?'}"
            f"{' (' + cf.timezone + ')' if cf.timezone else ''} · ends "
            f"{cf.ends.isoformat(timespec='minutes') if cf.ends else '—'}",
        ]
        if cf.mediators:
            lines.append(f"  mediators: {_who(cf.mediators)}")
        lines.extend(f"  term: {t}" for t in cf.terms)
        lines.extend(f"  {h.date or '?'}  status → {h.status}" for h in cf.history)
        linked = {v.event_id: v.kind for v in cf.violations}
        linked.update(
            {
                e.id: linked.get(e.id, "linked")
                for e in events
                if e.ceasefire_id == cf.id and e.id != cf.event_id
            }
        )
        rows = sorted(
            linked.items(),
            key=lambda kv: (by_id[kv[0]].date or dt.date.max if kv[0] in by_id else dt.date.max, kv[0]),
        )
        if rows:
            lines.append("  events since it took effect:")
        for event_id, kind in rows:
            if event_id in by_id:
                lines.append(_event_line(by_id[event_id], kind))
            else:
                v = next(v for v in cf.violations if v.event_id == event_id)
                lines.append(f"  {v.date or '?'}  {kind:<19} {_quote(v.evidence.sentence)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "(no ceasefires)"
