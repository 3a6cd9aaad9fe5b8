"""Actor resolution: a phrase as written → name, country, PLOVER sector, ACLED inter code.

Order of evidence: a known armed group or organisation named in the phrase decides everything;
otherwise the head noun decides the sector ("Syrian opposition forces" → opposition forces →
REB) and a country name, demonym or capital in the phrase decides the country. "X-backed" and
"pro-X" modifiers name a backer, not the actor's own country. A bare country ("Turkey") or
capital ("the Kremlin") is that state's government.

Example:
    >>> a = resolve_actor("Russian-backed Syrian forces")
    >>> (a.country, a.sector, a.inter)
    ('SYR', 'MIL', 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.actors.vocab import Entry, singular, vocabulary, words
from eventwire.model import Actor

BACKER = re.compile(r"^(?P<who>.+?)-(?:backed|supported|allied|aligned|sponsored|led|funded)$", re.I)
PRO = re.compile(r"^pro-(?P<who>.+)$", re.I)
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


@dataclass
class Resolution:
    """An actor plus what the phrase says about who backs it."""

    actor: Actor
    backers: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def _match_phrases(tokens: list[str]) -> list[tuple[int, int, Entry]]:
    """Non-overlapping vocabulary matches, longest first, as (start, end, entry)."""
    vocab = vocabulary()
    folded = [t.lower() for t in tokens]
    found: list[tuple[int, int, Entry]] = []
    taken: set[int] = set()
    for n in range(min(vocab.longest, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            if taken & set(range(i, i + n)):
                continue
            entry = vocab.exact.get(tuple(tokens[i : i + n])) or vocab.folded.get(tuple(folded[i : i + n]))
            if entry is not None:
                found.append((i, i + n, entry))
                taken.update(range(i, i + n))
    return sorted(found, key=lambda m: m[0])


def _sector_head(tokens: list[str]) -> tuple[int, Entry] | None:
    """The sector word nearest the end of the phrase (its head), longest phrase first."""
    sectors = vocabulary().sectors
    lowered = [singular(t) for t in tokens]
    cut = next((k for k, t in enumerate(tokens) if t.lower() in ("of", "from", "in")), len(tokens))
    best: tuple[int, int, Entry] | None = None
    for n in (3, 2, 1):
        for i in range(0, cut - n + 1):
            key = tuple(lowered[i : i + n])
            raw_key = tuple(t.lower() for t in tokens[i : i + n])
            entry = sectors.get(key) or sectors.get(raw_key)
            if entry is not None and (best is None or (i + n, n) > (best[0], best[1])):
                best = (i + n, n, entry)
    if best is None and cut < len(tokens):  # "members of the army": the head is after "of"
        return _sector_head(tokens[cut + 1 :])
    return (best[0], best[2]) if best else None


_NAME_FORMS = {
    "MIL": "Military Forces of {c}",
    "COP": "Police Forces of {c}",
    "GOV": "Government of {c}",
    "LEG": "Government of {c}",
    "JUD": "Government of {c}",
    "SPY": "Military Forces of {c}",
}
_INTER_FORMS = {5: "Rioters ({c})", 6: "Protesters ({c})", 7: "Civilians ({c})"}


def acled_style_name(entry: Entry, country_name: str | None) -> str:
    """A name in ACLED's style ("Military Forces of Syria", "Civilians (Nigeria)")."""
    if country_name is None:
        return entry.name
    form = _INTER_FORMS.get(entry.inter or 0) or _NAME_FORMS.get(entry.sector or "")
    if form is None or (entry.inter in (2, 3, 4) and entry.sector not in _STATE_SECTORS):
        form = "{w} ({c})"
    return form.format(c=country_name, w=entry.name)


def resolve_actor_detail(text: str, *, context_country: str | None = None) -> Resolution | None:
    """Resolve a phrase; None when nothing in it names an actor."""
    raw_tokens = words(text)
    if not raw_tokens:
        return None
    backers: list[str] = []
    tokens: list[str] = []
    for tok in raw_tokens:
        m = BACKER.match(tok) or PRO.match(tok)
        if m:
            who = _match_phrases([m.group("who")])
            backers.extend(e.country for _, _, e in who if e.country)
            if not who and tok.lower().startswith("pro-government"):
                backers.append("GOVERNMENT")
            continue
        tokens.append(tok.removesuffix("'s").removesuffix("’s"))
    matches = _match_phrases(tokens)
    named = next((e for _, _, e in matches if e.kind in ("group", "org")), None)
    if named is not None:
        actor = Actor(
            text=text,
            name=named.name,
            country=named.country or context_country,
            sector=named.sector,
            inter=named.inter,
        )
        return Resolution(actor, backers, [named.kind])
    places = [e for _, _, e in matches if e.kind in ("country", "demonym", "metonym")]
    head = _sector_head(tokens)
    country = places[-1].country if places else None
    if len(places) > 1 and "and" in [t.lower() for t in tokens]:
        country = places[0].country  # "Mozambican and Rwandan troops": the first named leads
    if head is not None:
        entry = head[1]
        sector, inter = entry.sector, entry.inter
        if country is None:
            country = context_country
        name = acled_style_name(entry, places[-1].name if places else None)
        return Resolution(
            Actor(text=text, name=name, country=country, sector=sector, inter=inter), backers, ["sector"]
        )
    if places:
        place = places[-1]
        sector = place.sector if place.kind in ("country", "metonym") else None
        inter = 1 if sector else None
        return Resolution(
            Actor(text=text, name=place.name, country=place.country, sector=sector, inter=inter),
            backers,
            [place.kind],
        )
    return None


def resolve_actor(text: str, *, context_country: str | None = None) -> Actor | None:
    """Resolve an actor phrase to an Actor (see the module docstring); None if it is not one."""
    found = resolve_actor_detail(text, context_country=context_country)
    return found.actor if found else None


def inter_code(actor: Actor, *, event_country: str | None) -> int | None:
    """ACLED inter code of ``actor`` in an event located in ``event_country``.

    A state's forces are state forces (1) at home and external forces (8) abroad.
    """
    inter = actor.inter
    if inter is None and actor.sector in _STATE_SECTORS and actor.country:
        inter = 1
    abroad = bool(actor.country and event_country) and actor.country != event_country
    if inter == 1 and abroad and actor.country not in ("IGO", "UNO", "NGO", "IMG"):
        return 8
    return inter
