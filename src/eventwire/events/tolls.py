"""One story's tolls of one happening: the attackers' losses told later, a toll told after an
attack that gave none, another source's count (``events.assemble`` applies them when it merges)."""

from __future__ import annotations

import re

from eventwire.casualties import stated_toll
from eventwire.events.sameness import far_apart, reality, sides_agree, two_sided, unnamed
from eventwire.events.scene import SCENE_REACH
from eventwire.model import Count, Event


def other_estimates(events: list[Event]) -> list[Event]:
    """"Militiamen attacked the camp, killing at least 14 people, a civil society leader said ...
    An army spokesman put the toll at 12": a toll a later sentence states, which none of its own
    events carries, is another count of the attack told before it. Its low and high span both
    counts; a toll that rose ("rose to 21") is the newest count and becomes the best."""
    out = list(events)
    seen: set[int] = set()
    for e in events:
        start = e.evidence.start
        if start in seen:
            continue
        seen.add(start)
        toll = stated_toll(e.evidence.sentence)
        if toll is None or not toll.best:
            continue
        if any(o.evidence.start == start and o.fatalities and o.fatalities.best == toll.best for o in out):
            continue  # the sentence's own event's toll
        earlier = [
            k
            for k, o in enumerate(out)
            if o.event_type == "ASSAULT"
            and o.fatalities
            and o.fatalities.best
            and 0 < start - o.evidence.start <= 2 * SCENE_REACH
            and o.factuality != "historical"
        ]
        if earlier:
            k = earlier[-1]
            out[k] = out[k].model_copy(update={"fatalities": _span(out[k].fatalities, toll)})
    return out


_ROSE = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|soared|mounted)\b", re.I)


def _span(first: Count | None, other: Count) -> Count:
    assert first is not None and first.best is not None and other.best is not None
    counts = (first.low, first.best, first.high, other.low, other.best, other.high)
    values = [v for v in counts if v is not None]
    best = other.best if _ROSE.search(other.text or "") else first.best
    return first.model_copy(update={"best": best, "low": min(values), "high": max(values)})


def toll_told_after(act: Event, toll: Event) -> bool:
    """"Military jets bombed the town on Sunday ... At least five civilians were killed": a toll
    by no named side, with no weapon of its own, told right after an attack that gave none."""
    if act.event_type != "ASSAULT" or toll.event_type != "ASSAULT" or act.fatalities is not None:
        return False
    if toll.fatalities is None or toll.mode is not None or not unnamed(toll.actor):
        return False
    if reality(act) != reality(toll) or act.factuality == "historical":
        return False
    if toll.date_text and toll.date != act.date:
        return False
    near = 0 < toll.evidence.start - act.evidence.start <= SCENE_REACH
    la, lb = act.location, toll.location
    return near and not (la and lb and far_apart(la, lb))


def counter_toll(a: Event, b: Event) -> bool:
    """``b`` tells the attackers' losses in ``a``'s fight: "militants killed 23 soldiers in an
    ambush ... Soldiers killed about 30 of the assailants in the fighting that followed". One
    armed clash (ACLED, UCDP count every death of a battle), told from both sides."""
    if a.event_type != "ASSAULT" or a.acled is None or a.acled.event_type not in _FIGHTS:
        return False
    if not two_sided(b) or "historical" in (a.factuality, b.factuality):
        return False
    if a.fatalities is None or b.fatalities is None or b.date_text and b.date != a.date:
        return False
    if a.actor is None or a.recipient is None or b.actor is None or b.recipient is None:
        return False
    told_before = b.recipient.text.lower().startswith("the ")  # "the assailants": a side already told
    back = told_before and b.recipient.sector in ("UAF", "REB", a.actor.sector)
    swapped = b.actor.sector == a.recipient.sector and sides_agree(
        (a.actor, b.recipient), (a.recipient, b.actor)
    )
    la, lb = a.location, b.location
    return back and swapped and not (la and lb and far_apart(la, lb))


_FIGHTS = ("Battles", "Violence against civilians")


def with_counter_toll(a: Event, b: Event) -> Event:
    fa, fb = a.fatalities, b.fatalities
    assert fa is not None and fb is not None

    def add(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    both = {"best": add(fa.best, fb.best), "low": add(fa.low, fb.low), "high": add(fa.high, fb.high)}
    toll = fa.model_copy(update=both)
    return a.model_copy(update={"fatalities": toll, "acled": b.acled})  # they fought back: a clash
