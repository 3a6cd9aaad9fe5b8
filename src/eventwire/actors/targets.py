"""Who was hit when a report names a thing, and the other side of a fight the grammar hides.

ACLED codes people, not property: "a glide bomb struck a hardware store" is violence against
civilians (inter 7), "mortars fired at an AU base" an attack on the AU's troops. And a report
often names the second side of a battle or a takeover outside the verb's object ("captured the
town, driving the junta out", "as the army collapsed"); that side is still the recipient.

Example:
    >>> struck("a hardware store").sector
    'CVL'
    >>> struck("the AU base").country
    'IGO'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from eventwire.actors.resolve import resolve_actor, resolve_actor_detail
from eventwire.actors.vocab import PLACE_KINDS, singular, words
from eventwire.model import Actor
from eventwire.resources import read_tsv

#: Sectors of the armed side of a fight (a governor who surrenders a town is that side too).
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY", "GOV"})


@lru_cache(maxsize=1)
def _targets() -> dict[tuple[str, ...], str]:
    return {tuple(r["word"].split()): r["stands_for"] for r in read_tsv("actors_targets.tsv")}


def struck(text: str) -> Actor | None:
    """The people hit when ``text`` (a building, vehicle or position) is struck; None when the
    phrase names no such thing. The text is kept as written."""
    ws = words(text)
    if not ws:
        return None
    table = _targets()
    low = ws[-1].lower()
    # "trenches", "churches", "boxes": the plural "es" after a sibilant goes too
    lasts = (singular(low), low[:-2]) if low.endswith(("ches", "shes", "xes")) else (singular(low),)
    for n in (2, 1):
        if len(ws) < n:
            continue
        keys = [tuple(w.lower() for w in ws[-n:-1]) + (last,) for last in lasts]
        stand_in = next((table[k] for k in keys if k in table), None)
        if stand_in is None:
            continue
        found = resolve_actor(" ".join([*ws[:-n], stand_in]))
        if found is None or found.sector is None:
            return None
        return found.model_copy(update={"text": text})
    return None


def other_side(phrases: Iterable[str], actor: Actor | None) -> Actor | None:
    """The first phrase naming an armed side other than ``actor`` ("government troops" in "the
    fighters captured the town after government troops pulled back")."""
    if actor is None or (actor.sector is None and actor.country is None):
        return None  # "Fierce fighting broke out": with no first side there is no "other" one
    if actor.inter in (5, 6):
        return None  # a crowd's opponent is settled by the demonstration rules
    for phrase in phrases:
        if words(phrase)[-1:] and words(phrase)[-1] in _PLACE_NOUNS:
            continue  # "Maru local government area": a place named after an office
        if _POSSESSED.match(phrase) and struck(phrase) is not None:
            continue  # "their base", "its positions": the side already named
        hit = struck(phrase)  # "an AU base": the AU's troops, not the AU
        detail = resolve_actor_detail(phrase) if hit is None else None
        found = hit or (detail.actor if detail is not None else None)
        if found is None or found.sector not in ARMED_SECTORS or found.inter in (5, 6, 7):
            continue
        if detail is not None and set(detail.evidence) <= set(PLACE_KINDS):
            continue  # "Iraq's second city", "Dhaka": a place, not its state's forces
        if (
            phrase.lower() in actor.text.lower()
            or actor.text.lower() in phrase.lower()
            or (found.country, found.sector) == (actor.country, actor.sector)
            or (found.name == actor.name and found.sector == actor.sector)
        ):
            continue
        return found
    return None


#: Lower-case heads of place names ("local government area", "border district").
_PLACE_NOUNS = frozenset({"area", "district", "province", "region", "county", "zone", "territory", "state"})
_AIMED = frozenset({"on", "at", "to", "against", "into", "upon"})
#: Verbs whose subject is a source, not a side ("the army said", "the ministry denied"): the
#: verbs of saying of attribution_verbs.tsv and those that contest or assign blame.
_CONTEST = frozenset({"deny", "accuse", "blame", "allege"})


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return _CONTEST | {r["lemma"] for r in read_tsv("attribution_verbs.tsv")}


def side_phrases(sent, skip: set[int], anchors: set[int] = frozenset()) -> list[tuple[str, bool]]:
    """Noun phrases of a spaCy sentence that could be a side: not a source of the report and
    not overlapping the token indices in ``skip`` (the actor's own words); each with whether it
    is an object of the event's own words (``anchors``: "set fire to houses")."""
    phrases = []
    for chunk in sent.noun_chunks:
        if skip & set(range(chunk.start, chunk.end)):
            continue
        root = chunk.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _speech():
            continue
        if root.head.lower_ == "to" and root.head.head.lower_ == "according":
            continue
        head = root.head
        # "fired at a base", "set fire to houses"; not "clashed near a school"
        aimed = root.dep_ == "dobj" or (root.dep_ == "pobj" and head.lower_ in _AIMED)
        own = head.i in anchors or (head.dep_ == "prep" and head.head.i in anchors)
        phrases.append((chunk.text, own and aimed))
    return phrases


def fight_recipient(recipient: Actor | None, actor: Actor | None, sent, skip: set[int], anchors: set[int]):
    """The recipient of a fight, an attack or a takeover when the grammar gave no side: a struck
    thing the event is aimed at, else another armed side the sentence names (``sent``: spaCy),
    else, for a fight whose subject names two sides, the actor's own kind."""
    theirs = recipient is not None and recipient.sector is None and _POSSESSED.match(recipient.text)
    if recipient is not None and not theirs and (recipient.sector is not None or struck(recipient.text)):
        return recipient  # a struck thing is read as people once the event's place is settled
    # "withdrew from their base, and al-Shabaab moved in": the actor's own base is no other side
    phrases = side_phrases(sent, skip, anchors)
    hit = next((h for p, own in phrases if own and (h := struck(p)) is not None), None)
    return hit or other_side([p for p, _ in phrases], actor) or _both_sides(actor, sent, anchors) or recipient


_POSSESSED = re.compile(r"^(?:their|its|his|her|our)\s", re.I)
#: Verbs of fighting one another, whose plural subject can be both sides.
_RECIPROCAL = frozenset({"clash", "fight", "battle", "skirmish", "feud"})
#: "Tiv and Jukun militias", "Hindu and Muslim crowds", "residents of two villages", "rival gangs".
_TWO_SIDES = re.compile(
    r"^(?:the\s+)?[\w-]+\s+and\s+[\w-]+(?:\s+[\w-]+)*?\s+[\w-]+s$|\b(?:two|rival|both)\b", re.I
)


def _both_sides(actor: Actor | None, sent, anchors: set[int]) -> Actor | None:
    """"Tiv and Jukun militias clashed near Wukari": one phrase names both sides of the fight,
    so the other side is of the actor's own kind (ACLED codes such a clash 44, 33 or 55)."""
    if actor is None or actor.sector is None or not _TWO_SIDES.search(actor.text.strip()):
        return None
    if not any(sent.doc[i].lemma_.lower() in _RECIPROCAL for i in anchors if i < len(sent.doc)):
        return None
    return actor


def _a_people(side: Actor | None) -> bool:
    """True when ``side`` is a people named alone ("Dinka", "Lou Nuer"), with no noun for who."""
    if side is None or side.sector != "CVL":
        return False
    found = resolve_actor_detail(side.text)
    return found is not None and set(found.evidence) == {"identity"}


def communal_sides(actor: Actor | None, recipient: Actor | None, sent, anchors: set[int]):
    """"Clashes between Dinka and Nuer", "Fulani attacked Dogon villagers": a people named alone
    as the side that fights other people is its communal militia (ACLED: identity militia, 4);
    a people attacked by an armed force stays civilians, and a people fighting a state's forces
    is left to the demonstration rules."""
    militia = {"sector": "UAF", "inter": 4}
    if not _a_people(actor):
        return actor, recipient
    if _a_people(recipient) and any(sent.doc[i].lemma_.lower() in _RECIPROCAL for i in anchors):
        return actor.model_copy(update=militia), recipient.model_copy(update=militia)
    if recipient is not None and recipient.inter == 7:
        return actor.model_copy(update=militia), recipient
    return actor, recipient


_FORCES = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY"})


def as_people_hit(recipient: Actor | None, event_country: str | None) -> Actor | None:
    """A struck thing as the people it stands for, of the event's country when the phrase names
    none ("a weekly market" in Burkina Faso → civilians of Burkina Faso); other recipients as
    they are. A phrase that already names a force ("army positions") keeps it."""
    if recipient is None:
        return None
    hit = struck(recipient.text)
    if hit is None or (recipient.sector is not None and (recipient.sector in _FORCES or hit.sector != "MIL")):
        return recipient
    return hit.model_copy(update={"country": hit.country or event_country})

