"""Merging reports of the same ceasefire from several documents into one record.

Two reports describe the same ceasefire when their parties overlap (or one names none), their
areas agree (or one names none) and their dates agree: agreed within ``AGREED_DAYS``, effective
on the same day within ``EFFECTIVE_DAYS``. Reports that give neither an agreement date nor a
start (references: "a breach of the truce in Bahri") join a ceasefire only when exactly one
fits, so a vague "despite the truce" never bridges two different ceasefires. The result does
not depend on the order of the input.

Example:
    >>> # merge_ceasefires(doc1_ceasefires + doc2_ceasefires) -> [one Ceasefire per agreement]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from eventwire.ceasefire.ids import ceasefire_id
from eventwire.ceasefire.parties import party_key, unique
from eventwire.ceasefire.timing import find_clocks
from eventwire.model import Ceasefire, StatusChange, Violation

AGREED_DAYS = 3
EFFECTIVE_DAYS = 1
STATUS_RANK = ("announced", "in_effect", "violated", "collapsed")


def _keys(cf: Ceasefire) -> set[str]:
    return {party_key(a) for a in cf.parties}


def _area(cf: Ceasefire) -> str | None:
    if cf.area_text:
        return " ".join(cf.area_text.lower().split())
    return cf.area.name.lower() if cf.area else None


def _area_names(cf: Ceasefire) -> set[str]:
    names = {_area(cf)} - {None}
    if cf.area is not None:
        names |= {n.lower() for n in (cf.area.name, cf.area.admin1) if n}
    return names  # type: ignore[return-value]


def _dates_fit(a: Ceasefire, b: Ceasefire) -> bool:
    if a.agreed and b.agreed and abs((a.agreed - b.agreed).days) > AGREED_DAYS:
        return False
    if a.effective and b.effective:
        gap = abs((a.effective.date() - b.effective.date()).days)
        if gap > EFFECTIVE_DAYS:
            return False
    return True


def same_ceasefire(a: Ceasefire, b: Ceasefire) -> bool:
    """True when two reports describe the same ceasefire (see the module docstring)."""
    ka, kb = _keys(a), _keys(b)
    if ka and kb and not ka & kb:
        return False
    na, nb = _area_names(a), _area_names(b)
    if na and nb and not na & nb:
        return False
    return _dates_fit(a, b)


def _defining(cf: Ceasefire) -> bool:
    """A report that says when it was agreed or starts (not only that it was broken)."""
    return cf.agreed is not None or cf.effective is not None


def _group(items: list[Ceasefire]) -> list[list[Ceasefire]]:
    """Each report joins the first group whose every member it fits (no chaining through a
    report that names nothing); the input is sorted first, so the order never matters."""
    groups: list[list[Ceasefire]] = []
    for cf in items:
        home = next((g for g in groups if all(same_ceasefire(cf, o) for o in g)), None)
        if home is None:
            groups.append([cf])
        else:
            home.append(cf)
    return groups


def _start(cf: Ceasefire) -> dt.date | None:
    return cf.effective.date() if cf.effective else cf.agreed


def _told_on(cf: Ceasefire) -> dt.date | None:
    """The earliest date a reference report gives (a collapse, an accusation)."""
    dates = [h.date for h in cf.history if h.date] + [v.date for v in cf.violations if v.date]
    return min(dates, default=None)


def _reference_home(cf: Ceasefire, groups: list[list[Ceasefire]]) -> list[Ceasefire] | None:
    """The one group a reference report ("despite the truce in Bahri") belongs to, if any.

    First the groups that share its place or a party; else every group its parties fit. Among
    several, the one that most recently started before the reference's date; none if in doubt.
    """
    told = _told_on(cf)
    fits = [g for g in groups if all(_parties_fit(cf, o) for o in g)]
    if told is not None:
        fits = [g for g in fits if all((_start(o) or told) <= told + dt.timedelta(days=1) for o in g)]
    names, keys = _area_names(cf), _keys(cf)
    shared = [g for g in fits if any(names & _area_names(o) or keys & _keys(o) for o in g)]
    for candidates in (shared, fits):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1 and told is not None:
            starts = sorted(
                (max((_start(o) for o in g if _start(o)), default=dt.date.min), n)
                for n, g in enumerate(candidates)
            )
            if starts[-1][0] > starts[-2][0]:
                return candidates[starts[-1][1]]
            return None
        if candidates:
            return None
    return None


def _parties_fit(a: Ceasefire, b: Ceasefire) -> bool:
    ka, kb = _keys(a), _keys(b)
    return not (ka and kb and not ka & kb)


def _most_common(values: list, default=None):
    values = [v for v in values if v is not None]
    if not values:
        return default
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def reduce_history(history: list[StatusChange]) -> list[StatusChange]:
    """The earliest evidence of each status, in status order (announced → collapsed)."""
    best: dict[str, StatusChange] = {}
    for h in history:
        key = (
            h.date or dt.date.max,
            h.evidence.doc_id if h.evidence else "",
            h.evidence.start if h.evidence else 0,
        )
        old = best.get(h.status)
        if old is None or key < (
            old.date or dt.date.max,
            old.evidence.doc_id if old.evidence else "",
            old.evidence.start if old.evidence else 0,
        ):
            best[h.status] = h
    return [best[s] for s in STATUS_RANK if s in best]


def combine(group: Sequence[Ceasefire]) -> Ceasefire:
    """One record from several reports of the same ceasefire (order-independent)."""
    group = sorted(group, key=lambda c: (c.id, [(s.doc_id, s.start) for s in c.sources]))
    parties = sorted(unique(a for c in group for a in c.parties), key=party_key)
    mediators = sorted(unique(a for c in group for a in c.mediators), key=party_key)
    agreed = min((c.agreed for c in group if c.agreed), default=None)
    clocked = [c.effective for c in group if c.effective_text and find_clocks(c.effective_text)]
    effective = _most_common(clocked) or _most_common([c.effective for c in group])
    timed = next((c for c in group if c.effective == effective), group[0])
    hours = _most_common([c.duration_hours for c in group])
    # the area the agreement names, not the places of the breaches later reports tell
    placed = [c for c in group if _defining(c) and (c.area_text or c.area)] or group
    area_text = _most_common([c.area_text for c in placed])
    area = next(
        (c.area for c in placed if c.area and _area(c) == (area_text or "").lower()),
        next((c.area for c in placed if c.area), None),
    )
    terms = sorted({t for c in group for t in c.terms}, key=lambda t: (t.startswith("extended"), t))
    ends = effective + dt.timedelta(hours=hours) if effective and hours else None
    if ends is not None:
        ends += dt.timedelta(hours=sum(float(t.split()[2]) for t in terms if t.startswith("extended by ")))
    if ends is None:
        ends = _most_common([c.ends for c in group])
    history = reduce_history([h for c in group for h in c.history])
    violations: dict[str, Violation] = {}
    for v in sorted((v for c in group for v in c.violations), key=lambda v: v.event_id):
        violations.setdefault(v.event_id, v)
    sources = sorted(
        {(s.doc_id, s.start): s for c in group for s in c.sources}.values(), key=lambda s: (s.doc_id, s.start)
    )
    return Ceasefire(
        id=ceasefire_id([party_key(a) for a in parties], area_text, agreed),
        kind=_most_common([c.kind for c in group], "ceasefire"),
        parties=parties,
        mediators=mediators,
        agreed=agreed,
        effective=effective,
        effective_text=timed.effective_text,
        timezone=timed.timezone,
        ends=ends,
        duration_hours=hours,
        area=area,
        area_text=area_text,
        terms=terms,
        status=max((h.status for h in history), key=STATUS_RANK.index, default="announced"),
        history=history,
        violations=sorted(violations.values(), key=lambda v: (v.date or dt.date.min, v.event_id)),
        sources=sources,
        event_id=min((c.event_id for c in group if c.event_id), default=None),
    )


def merge_ceasefires(ceasefires: Sequence[Ceasefire]) -> list[Ceasefire]:
    """Reports of the same ceasefire merged into one record each, sorted by id."""
    items = sorted(ceasefires, key=lambda c: (c.id, [(s.doc_id, s.start) for s in c.sources]))
    groups = _group([c for c in items if _defining(c)])
    leftovers = []
    for cf in (c for c in items if not _defining(c)):
        home = _reference_home(cf, groups)
        if home is None:
            leftovers.append(cf)
        else:
            home.append(cf)
    groups.extend(_group(leftovers))
    return sorted((combine(g) for g in groups), key=lambda c: c.id)
