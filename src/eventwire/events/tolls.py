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
    if act.fatalities is not None or act.factuality == "historical":
        return False
    return _bare_toll_after(act, toll)


def _bare_toll_after(act: Event, toll: Event) -> bool:
    """``toll`` is a count of dead by no named side and no weapon of its own, told within a
    scene's reach after the attack ``act``, on no other day and at no other place."""
    if act.event_type != "ASSAULT" or toll.event_type != "ASSAULT":
        return False
    if toll.fatalities is None or toll.mode is not None or not unnamed(toll.actor):
        return False
    if reality(act) != reality(toll) or (toll.date_text and toll.date != act.date):
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
    return with_more_dead(a, b).model_copy(update={"acled": b.acled})  # they fought back: a clash


def _sum(a: Event, b: Event) -> Count:
    fa, fb = a.fatalities, b.fatalities
    assert fa is not None and fb is not None

    def add(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    both = {"best": add(fa.best, fb.best), "low": add(fa.low, fb.low), "high": add(fa.high, fb.high)}
    return fa.model_copy(update=both)


# "five other civilians", "another three people", "two more soldiers": dead beyond those told
_MORE = re.compile(r"\b(?:other|others|another|more|additional|further)\b", re.I)


def more_dead_told_after(act: Event, toll: Event) -> bool:
    """"A bomb killed a photojournalist in Mokha ... At least five other civilians also died in
    the attack": more dead of the attack just told, by no named side and no weapon of their own."""
    if act.fatalities is None or act.fatalities.best is None or toll.recipient is None:
        return False
    if toll.fatalities is None or toll.fatalities.best is None or not _MORE.search(toll.recipient.text):
        return False
    if not _SAME_ACT.search(toll.evidence.sentence):
        return False  # "Another person was killed after a convoy was attacked": another attack
    return _bare_toll_after(act, toll)


# "also died in last night's attack", "in the same attack": the toll refers back to the act told
_SAME_ACT = re.compile(
    r"\b(?:also|the\s+same|(?:in|during|from)\s+(?:the|that|this|[\w'’]+['’]s)\s+"
    r"(?:attack|strike|blast|bombing|explosion|shelling|raid|assault|incident))\b",
    re.I,
)


# "Four soldiers were also killed in the fighting": one side's losses told after the battle
_ALSO_IN_IT = re.compile(
    r"\balso\b.*\b(?:in|during)\s+the\s+(?:fighting|clashes?|battle|attack|assault|offensive|raid)\b",
    re.I,
)


def side_losses_told_after(act: Event, toll: Event) -> bool:
    """"... recaptured the town after heavy fighting ... killed more than 20 militants. Four
    soldiers were also killed in the fighting": a side's own dead, told after the fight's toll,
    add to it (ACLED and UCDP count every death of a battle)."""
    if act.event_type != "ASSAULT" or toll.event_type != "ASSAULT" or act.acled is None:
        return False
    if act.acled.event_type != "Battles" or act.fatalities is None or toll.fatalities is None:
        return False
    if act.fatalities.best is None or toll.fatalities.best is None or toll.recipient is None:
        return False
    sides = {s.sector for s in (act.actor, act.recipient) if s is not None}
    if toll.recipient.sector not in sides or not _ALSO_IN_IT.search(toll.evidence.sentence):
        return False
    near = 0 < toll.evidence.start - act.evidence.start <= 2 * SCENE_REACH
    return near and reality(act) == reality(toll) and not (toll.date_text and toll.date != act.date)


def with_more_dead(act: Event, toll: Event) -> Event:
    """``act`` with ``toll``'s dead added to its own, and whose count it is if ``act`` had none."""
    update = {"fatalities": _sum(act, toll), "attributed_to": act.attributed_to or toll.attributed_to}
    return act.model_copy(update=update)
