"""Who a ceasefire binds and who brokered it, read from the clause that reports it.

Parties are the subject of the agreeing verb ("Israel and Hamas agreed to a truce"), the
sides after "between" ("a truce between the army and the RSF") or joined by a dash before the
trigger ("the Israel–Hamas ceasefire") and the partner after "with" ("a cease-fire with
Russia"). Mediators come from ``ceasefire_mediation.tsv`` ("brokered by Qatar and Egypt",
"under UN auspices") and are never parties. Phrases are resolved to actors by
``eventwire.actors.resolve_actor`` (through ``resolve``, the one place to swap the resolver).

Example:
    >>> [a.country for a in find_parties("Israel and Hamas agreed to a truce", 20)]
    ['ISR', 'PSE']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from eventwire.ceasefire.vocab import mediation_patterns
from eventwire.model import Actor

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Clause boundaries: a party list never crosses them ("X killed Y as A and B announced a truce").
CLAUSE_BREAK = re.compile(
    r"[;:()\u2014]|,\s|\s(?:as|while|after|before|when|because|but|since|although|though|"
    r"whereas|amid|despite|said|says|told|according|that)\s",
    re.I,
)
SPLIT = re.compile(r",\s*|\s+(?:and|&|as well as|along with|together with)\s+|/", re.I)
BETWEEN = re.compile(
    r"\bbetween\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)(?=$|[,.;]|\s(?:in|on|at|for|"
    r"that|which|to|from|after|over|across|brokered|mediated)\s)",
    re.I,
)
# "the Israel–Hamas ceasefire", "a Russia-Ukraine truce": the two sides joined by a dash
DASHED = re.compile(
    r"(?P<a>[A-Z][\w.]+)\s?[\u2013\u2014-]\s?(?P<b>[A-Z][\w.]+)\s+(?:[\w-]+\s+)?(?:cease-?fire|truce|armistice)",
)
WITH = re.compile(
    r"\bwith\s+(?P<w>(?:the\s+)?[A-Z][^,;]*?)(?=$|[,.;]|\s(?:in|on|at|for|that|"
    r"which|to|from|after|over|across|signed|agreed|brokered)\s)"
)
Resolver = Callable[[str], Actor | None]


def _default_resolver(text: str) -> Actor | None:
    # Imported on use so that this package stays importable while the actors package changes.
    from eventwire.actors import resolve_actor

    return resolve_actor(text)


def resolve(text: str, resolver: Resolver | None = None) -> Actor | None:
    """Resolve one actor phrase (the adapter over ``eventwire.actors.resolve_actor``)."""
    text = text.strip(" ,;:'\"")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]\.$", text):
        text = text[:-1]  # a full stop, but not the one of "U.S."
    if len(text) < 2 or not any(c.isupper() for c in text):
        return None  # "the two sides", "both parties": not resolvable here
    actor = (resolver or _default_resolver)(text)
    if actor is not None and actor.sector == "UNK":
        return None  # "Sudan's warring sides": the parties collectively, not one of them
    return actor


def party_key(actor: Actor) -> str:
    """What identifies a party: its country for a state, its name for a group."""
    if actor.sector in STATE_SECTORS or actor.sector is None:
        return actor.country or actor.name or actor.text
    return actor.name or actor.text


def unique(actors: Iterable[Actor]) -> list[Actor]:
    """Actors with one per party key, in first-seen order."""
    out: dict[str, Actor] = {}
    for actor in actors:
        out.setdefault(party_key(actor), actor)
    return list(out.values())


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause of ``text`` containing ``text[start:end]``."""
    left, right = 0, len(text)
    for m in CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _resolve_list(phrase: str, resolver: Resolver | None) -> list[Actor]:
    out = []
    for chunk in SPLIT.split(phrase):
        actor = resolve(chunk, resolver)
        if actor is not None:
            out.append(actor)
    return out


def find_mediators(text: str, resolver: Resolver | None = None) -> tuple[list[Actor], list[str]]:
    """Mediators and guarantors named in ``text``, and the phrases that named them."""
    actors: list[Actor] = []
    spans: list[str] = []
    for pattern in mediation_patterns():
        for m in pattern.finditer(text):
            found = _resolve_list(m.group("who"), resolver)
            if found:
                actors.extend(found)
                spans.append(m.group(0))
    return unique(actors), spans


def find_parties(
    clause: str,
    verb_at: int | None,
    resolver: Resolver | None = None,
    mediators: Iterable[Actor] = (),
) -> list[Actor]:
    """Parties a clause names: the subject before ``verb_at``, "between X and Y", "with X".

    ``clause`` should already have its mediation phrases removed; mediators are dropped anyway.
    """
    found: list[Actor] = []
    for m in DASHED.finditer(clause):
        found.extend(_resolve_list(m.group("a"), resolver) + _resolve_list(m.group("b"), resolver))
    for m in BETWEEN.finditer(clause):
        found.extend(_resolve_list(m.group("a"), resolver) + _resolve_list(m.group("b"), resolver))
    if verb_at is not None and verb_at > 0:
        subject = BETWEEN.sub(" ", clause[:verb_at])
        subject = WITH.sub(" ", subject)
        found.extend(_resolve_list(subject, resolver))
    for m in WITH.finditer(clause):
        found.extend(_resolve_list(m.group("w"), resolver))
    taken = {party_key(a) for a in mediators}
    # an actor without a country ("the parties", "the president") names no one in particular
    return [a for a in unique(found) if a.country and party_key(a) not in taken]
