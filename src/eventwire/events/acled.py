"""ACLED coding of an event from its structure (acled_rules.tsv), not from its words alone.

ACLED's sub-types turn on who acts on whom: the same verb "attacked" is an Armed clash when both
sides are armed and an Attack when the victims are civilians. So the decision takes the PLOVER
type and mode, the weapon class, both sides' inter codes and situational cues, and walks the
rule table top to bottom.

Example:
    >>> code_acled("ASSAULT", "aerial", "air", 8, 1, set()).sub_event_type
    'Air/drone strike'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.errors import ResourceError
from eventwire.model import Acled
from eventwire.resources import read_tsv

ARMED = frozenset({1, 2, 3, 4, 8})
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


@dataclass(frozen=True)
class _Rule:
    types: frozenset[str]
    modes: frozenset[str]
    weapons: frozenset[str]
    inter1: frozenset[str]
    inter2: frozenset[str]
    cues: tuple[str, ...]
    disorder: str
    event_type: str
    sub_event: str


def _set(cell: str) -> frozenset[str]:
    return frozenset(v.strip() for v in cell.split("|") if v.strip())


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for r in read_tsv("acled_rules.tsv"):
        if r["sub_event"] not in SUB_EVENT_TYPES.get(r["event_type"], ()):
            raise ResourceError(f"acled_rules.tsv: {r['event_type']}/{r['sub_event']} is not ACLED's")
        rules.append(
            _Rule(
                types=_set(r["type"]),
                modes=_set(r["mode"]),
                weapons=_set(r["weapon"]),
                inter1=_set(r["inter1"]),
                inter2=_set(r["inter2"]),
                cues=tuple(c for c in r["cue"].split("+") if c),
                disorder=r["disorder"],
                event_type=r["event_type"],
                sub_event=r["sub_event"],
            )
        )
    return tuple(rules)


def _inter_matches(allowed: frozenset[str], inter: int | None) -> bool:
    if not allowed:
        return True
    if inter is None:
        return "none" in allowed
    return str(inter) in allowed or ("armed" in allowed and inter in ARMED)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED interaction code: both inter codes sorted and joined; one side alone → 10, 20..."""
    if inter1 is None and inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def code_acled(
    event_type: str,
    mode: str | None,
    weapon: str | None,
    inter1: int | None,
    inter2: int | None,
    cues: set[str],
) -> Acled | None:
    """The ACLED coding of an event, or None when the event is outside ACLED's scope."""
    for rule in _rules():
        if event_type not in rule.types:
            continue
        if rule.modes and (mode or "") not in rule.modes:
            continue
        if rule.weapons and (weapon or "") not in rule.weapons:
            continue
        if not (_inter_matches(rule.inter1, inter1) and _inter_matches(rule.inter2, inter2)):
            continue
        if not all((c[1:] not in cues) if c.startswith("!") else (c in cues) for c in rule.cues):
            continue
        return Acled(
            disorder_type=rule.disorder,
            event_type=rule.event_type,
            sub_event_type=rule.sub_event,
            inter1=inter1,
            inter2=inter2,
            interaction=interaction(inter1, inter2),
        )
    return None
