"""Whether two events told in one document can be one happening (``compatible``).

Read by ``events.assemble`` when it merges a story's repeated mentions, and by the scene and toll
rules: the same type and reality, no contradicting sides, days, tolls, counted groups or places.
Every rule here only says "these cannot be one"; what is merged, and how, is assemble's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from eventwire.events.extract import said_on
from eventwire.geo.distance import haversine_km
from eventwire.model import Actor, Event, Location
from eventwire.numbers import number_pattern, parse_number

# A happening told once on the reporter's word and once on a source's is still one happening.
_HAPPENED = {"asserted", "reported"}


# A suicide bomber's device is an explosive: a sentence without the suicide cue tells the same blast.
_SAME_BLAST = {"Suicide bomb", "Remote explosive/landmine/IED"}
# A town retaken in heavy fighting is told as the taking and as the fight that killed 20.
_SAME_BATTLE = {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}


# Sub-types told apart only by who acted: a killing retold without its attacker gets the default one.
_WHO_ACTED = {"Attack", "Mob violence"}


DIPLOMATIC = {"AGREE", "CONSULT", "CONCEDE"}


_DISTINCT_MODES = {"abduct", "sexual", "crowd-control", "torture", "seize", "arrest"}


def party_countries(event: Event) -> frozenset[str]:
    return frozenset(
        a.country for a in (event.actor, event.recipient, *event.assoc_actors) if a and a.country
    )


def unnamed(actor: Actor | None) -> bool:
    """No attacker, or only the 'unidentified armed group' ACLED puts where the text names none."""
    return actor is None or (actor.sector == "UAF" and actor.country is None)


def compatible(a: Event, b: Event) -> bool:
    """True when two events of one document can be the same happening."""
    if a.event_type != b.event_type or reality(a) != reality(b):
        return False
    if (a.mode in _DISTINCT_MODES or b.mode in _DISTINCT_MODES) and a.mode != b.mode:
        return False  # a kidnapping and a killing in one story are two events
    if a.evidence.start == b.evidence.start:
        return False  # two events of one sentence were kept apart on purpose
    if _distinct_sub_events(a, b):
        return False
    straight = sides_agree((a.actor, b.actor), (a.recipient, b.recipient)) and not _other_sides(a, b)
    # in a clash either side is told first: "troops clashed with Boko Haram ... 17 soldiers died"
    swapped = (two_sided(a) or two_sided(b)) and not _opposed(a.actor, b.recipient)
    if not straight and not (swapped and sides_agree((a.actor, b.recipient), (a.recipient, b.actor))):
        return False
    if a.recipient is None and b.recipient is None and party_countries(a) != party_countries(b):
        return False
    # an agreement told again without naming its parties ("The two agreed ...") may merge
    pa, pb = party_countries(a), party_countries(b)
    retold = a.event_type in DIPLOMATIC and (not pa or not pb)
    # "Twin bombings struck the cathedral ... 90 civilians were wounded": a mention naming no one
    # at all may be any of the story's attacks
    retold = retold or _anonymous(a) or _anonymous(b)
    if not (pa & pb) and (pa or pb) and not retold and not _halves(a, b) and not _halves(b, a):
        return False
    same_day = a.date == b.date or spoken_after(a, b) or spoken_after(b, a)
    if a.date and b.date and a.date_precision == b.date_precision == "day" and not same_day:
        return False
    if a.date and b.date and abs((a.date - b.date).days) > 7:
        return False
    fa = a.fatalities.best if a.fatalities else None
    fb = b.fatalities.best if b.fatalities else None
    if fa is not None and fb is not None and fa != fb:
        return False
    ca, cb = _head_count(a.recipient), _head_count(b.recipient)
    if a.event_type != "ASSAULT" and ca is not None and cb is not None and ca != cb:
        # "detained around 70 protesters" and "detained 30 farmers" are two groups (an attack's
        # counted recipients may be its toll or what it destroyed: the tolls decide above)
        return False
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    return not (la and lb and far_apart(la, lb))


# Two towns further apart than this are two scenes (a rally in Belgrade, a march in Novi Sad).
_SAME_SCENE_KM = 30.0


@lru_cache(maxsize=1)
def _number_rx() -> re.Pattern[str]:
    return re.compile(number_pattern(), re.I)


def _head_count(actor: Actor | None) -> int | None:
    """How many people a side is counted as ("around 70 protesters" → 70), if it is counted."""
    found = _number_rx().search(actor.text) if actor is not None else None
    parsed = parse_number(found.group(0)) if found else None
    return parsed[0] if parsed else None


def _anonymous(event: Event) -> bool:
    """An attack told naming no one at all ("Twin bombings struck the cathedral")."""
    return (
        event.event_type == "ASSAULT"
        and event.mode is not None
        and unnamed(event.actor)
        and event.recipient is None
        and not party_countries(event)
    )


def _halves(a: Event, b: Event) -> bool:
    """``a`` names its attacker and ``b`` its victims, and both count the same dead: "a mob killed
    two shopkeepers" and "two Ethiopian men were beaten to death" share no country yet are one."""
    fa = a.fatalities.best if a.fatalities else None
    told_apart = (
        a.actor is not None and a.actor.country is not None and not (a.recipient and a.recipient.country)
        and unnamed(b.actor) and b.recipient is not None and b.recipient.country is not None
    )
    return told_apart and fa is not None and b.fatalities is not None and b.fatalities.best == fa


def spoken_after(a: Event, b: Event) -> bool:
    """``a`` is dated only by the day a source spoke ("the centre said Wednesday"), up to two days
    after ``b``'s own day ("fighting erupted on Monday night"): the same happening, told later."""
    own_day = b.date_precision == "day" and not said_on(b.date_text)
    if not (said_on(a.date_text) and own_day and a.date is not None and b.date is not None):
        return False
    return dt.timedelta(0) <= a.date - b.date <= _SPOKEN_LAG


_SPOKEN_LAG = dt.timedelta(days=2)  # a source tells the toll a day or two after the fighting


def reality(event: Event) -> str:
    return "happened" if event.factuality in _HAPPENED else event.factuality


def far_apart(a: Location, b: Location) -> bool:
    """Two places that cannot be one scene: towns far apart, or a place not seen to lie in the
    other (neither names the other nor shares its division)."""
    if "country" in (a.precision, b.precision) or a.name == b.name:
        return False
    fine = ("town", "point")
    if a.precision in fine and b.precision in fine:
        if None in (a.lat, a.lon, b.lat, b.lon):
            return False
        return haversine_km(a.lat, a.lon, b.lat, b.lon) > _SAME_SCENE_KM  # type: ignore[arg-type]
    # a region against a town or another region: one must be seen to lie in the other
    regions_a = {a.name, a.admin1, a.admin2} - {None}
    regions_b = {b.name, b.admin1, b.admin2} - {None}
    return not (regions_a & regions_b)


_STATE = frozenset({"MIL", "GOV", "COP", "SPY"})
_INSURGENT = frozenset({"REB", "PRM"})


def _opposed(x: Actor | None, y: Actor | None) -> bool:
    """One a state's force, the other an armed group: in a civil war both sides share a country,
    so "government artillery shelled farmland" and "HTS fired rockets" differ only by sector."""
    if x is None or y is None or unnamed(x) or unnamed(y):
        return False
    sectors = {x.sector, y.sector}
    return bool(sectors & _STATE) and bool(sectors & _INSURGENT)


def _other_sides(a: Event, b: Event) -> bool:
    """Opposed attackers, both named or hitting unlike targets ("government artillery shelled
    farmland, wounding two farmers" and "HTS fighters fired rockets at army positions"). A
    generic word may be the named group told later ("paramilitary shelling" ... "the RSF")."""
    if not _opposed(a.actor, b.actor):
        return False
    return (named_side(a.actor) and named_side(b.actor)) or _unlike(a.recipient, b.recipient)


def _unlike(x: Actor | None, y: Actor | None) -> bool:
    """One side is armed people, the other unarmed ones."""
    armed = _STATE | _INSURGENT | {"UAF"}
    sectors = {x.sector if x else None, y.sector if y else None}
    return None not in sectors and bool(sectors & armed) and bool(sectors - armed)


def sides_agree(*pairs: tuple[Actor | None, Actor | None]) -> bool:
    """No pair names two different countries."""
    countries = [(x.country if x else None, y.country if y else None) for x, y in pairs]
    return not any(cx and cy and cx != cy for cx, cy in countries)


def two_sided(event: Event) -> bool:
    return event.acled is not None and event.acled.sub_event_type == "Armed clash"


def _distinct_sub_events(a: Event, b: Event) -> bool:
    """Shelling and an armed clash are two events for ACLED. Not so for a protest told peaceful
    and later dispersed (one protest with intervention), nor for what an attack destroyed."""
    if a.event_type != "ASSAULT" or a.acled is None or b.acled is None:
        return False
    if "destroy" in (a.mode, b.mode):
        # "it also destroyed two launchers", told without a time of its own, is part of the
        # attack; "forces burned 100 homes this week" has its own time and is an event of its own
        ruin, other = (a, b) if a.mode == "destroy" else (b, a)
        return ruin.date_text is not None and ruin.date_text != other.date_text
    subs = {a.acled.sub_event_type, b.acled.sub_event_type}
    if subs <= _WHO_ACTED and (unnamed(a.actor) or unnamed(b.actor)):
        return False  # "two men were beaten to death" names no attacker: the mob told before may be it
    if _guessed(a) or _guessed(b):
        return False  # "Dozens died in the attack": no weapon, no victims' side, so no sub-type of its own
    if (_anonymous(a) and b.mode is None) or (_anonymous(b) and a.mode is None):
        return False  # "Twin bombings struck ... 90 civilians were wounded": the wounded's attack
    return len(subs) > 1 and not subs <= _SAME_BLAST and not subs <= _SAME_BATTLE


def _guessed(event: Event) -> bool:
    """The sub-type is a default: the mention names no weapon or manner and no side it hit."""
    return event.mode is None and (event.recipient is None or event.recipient.sector is None)


def generic_side(actor: Actor | None) -> bool:
    """A side named only by what it is ("militiamen", "gunmen", an unidentified armed group)."""
    # "al-Shabaab" is a name; "militiamen" is not
    return actor is not None and (actor.sector == "UAF" or not any(c.isupper() for c in actor.name or ""))


def named_side(actor: Actor | None) -> bool:
    return actor is not None and actor.sector is not None and not generic_side(actor)


def same_country(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.country is None or b.country is None or a.country == b.country
