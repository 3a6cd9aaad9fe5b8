"""Which of a sentence's places is an event's: cost rules over the spotted mentions.

The event's place is the one the event's clause puts it at ("talks in Moscow on Idlib" ->
Moscow): nearest the trigger, put there by a preposition or an admin word, a town before the
region or country around it, never a reference point ("north of Baghdad") or a container ("the
Vedeno region of Chechnya") while the sentence names the place itself. ``locate.py`` resolves
the mention chosen here.

Example:
    >>> # choose("Shelling near Saraqib, in Idlib province.", spot(...), (0, 8)).text -> "Saraqib"
"""

from __future__ import annotations

import re

from eventwire.actors.vocab import singular, vocabulary
from eventwire.geo.build import norm, population_score
from eventwire.geo.cues import DIRECTION, PlaceMention, country_of, cue_patterns, facility_words, org_words

__all__ = ["bracketed_hints", "choose", "town_level"]

# a town this big is a real town, whatever region shares its name ("Sucre", "Idlib")
TOWN_POPULATION = 20_000

# choice weights, in characters of distance from the trigger (see _choice_cost)
BEFORE_FACTOR = 2.5  # a place after the verb ("shelled X", "killed in X") is the likelier one
NOT_PLACED = 60  # no preposition or admin word puts the event there
COUNTRY_ONLY = 40  # a country is the least specific answer
WIDER_THAN_TOWN = 30  # a region or country when the sentence also names a town
REFERENCE_POINT = 50  # "115 km west of Baghdad", "Baghdad's district of ..." locate another place
FRONTED_COST = 15  # a place the sentence opens with ("In Hilla, ...") sets the scene for all of it
CONTAINER = 100  # "the Vedeno region of Chechnya", "Lucciana, in upper Corsica": the smaller place


# "the Nairobi suburb of Syokimau", "the Vedeno region of southern Chechnya": one place named
# as part of the other; which one contains the other is a matter of size, not of word order
PART_OF_BETWEEN = re.compile(
    r"^\s+(?:\w+\s+)?(?:suburbs?|districts?|neighbou?rhoods?|villages?|towns?|areas?|quarters?|"
    r"resorts?|camps?|regions?|provinces?|governorates?|counties|county|municipality|sector)\s+of\s+"
    rf"(?:the\s+)?{DIRECTION}$",
    re.I,
)
AREA_OF = re.compile(
    r"\bof\s+(?:the\s+)?(?:(?:north|south|east|west)\w*|central|rural|upper|lower)\s+$", re.I
)
# "in Lucciana, in upper Corsica", "in Saboti in the Mt. Elgon region": the second contains the first
WITHIN_BETWEEN = re.compile(
    rf"^,?\s+in\s+(?:the\s+)?(?:(?:upper|lower)\s+)?{DIRECTION}$"
    # "in Maiduguri, the capital of Borno state", "Goma, the main city of North Kivu"
    rf"|^,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,2}}?(?:capital|city|town|seat|hub|port)\s+of\s+(?:the\s+)?{DIRECTION}$",
    re.I,
)


def _size(m: PlaceMention) -> float:
    """How big a place a mention names: a country, a region, else its largest town (log scale)."""
    if country_of(m) is not None:
        return 10.0
    if m.region_word or any(c.is_region and not c.fuzzy for c in m.candidates):
        return 9.0
    if not m.candidates:
        return -1.0  # a place the gazetteer lacks is a village or a quarter
    return population_score(max(c.population for c in m.candidates))


def _containers(text: str, mentions: list[PlaceMention]) -> set[PlaceMention]:
    """Mentions that only say where another mention of the sentence lies."""
    out: set[PlaceMention] = set()
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = text[a.end : b.start]
        if PART_OF_BETWEEN.match(between):
            # "of rural Damascus", "of southern Chechnya": a direction makes the second an area
            area = AREA_OF.search(between)
            out.add(a if _size(a) > _size(b) and not area else b)
        elif (
            WITHIN_BETWEEN.match(between)
            and _size(b) > _size(a)
            and norm(a.text).rsplit(" ", 1)[-1] not in facility_words()
        ):
            out.add(b)
    return out


# "fired from across the X River": where the guns were ("swam across the Yalu River" is the place)
ACROSS_BEFORE = re.compile(
    r"\bfrom\s+(?:across|beyond|the\s+other\s+(?:side|bank)\s+of)\s+(?:the\s+)?$", re.I
)
# "Gunmen from Nigeria kill soldiers in Bakinjaw": where the fighters came from, not where they struck
FROM_BEFORE = re.compile(r"\b([A-Za-z]+)\s+from\s+(?:the\s+)?(?:neighbou?ring\s+)?$")
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "COP"})
IN_OR_AT = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)
FRONTED = re.compile(r"^\W*(?:in|at|inside|outside|near)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$", re.I)
DIRECTIONAL_BEFORE = re.compile(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"\d+\s*(?:km|kilomet\w+|miles?)\s+(?:\(.*?\)\s+)?(?:\w+\s+)?(?:from|of))\s+(?:the\s+)?$",
    re.I,
)


def _armed_origin(text: str, m: PlaceMention) -> bool:
    """Put as where armed men came from ("gunmen from Nigeria", "fighters from neighbouring
    Chad"; the armed sectors of the actor vocabulary): who they are, not where they struck."""
    before = FROM_BEFORE.search(text[max(0, m.start - 40) : m.start])
    if before is None:
        return False
    sectors = vocabulary().sectors
    word = before.group(1).lower()
    entry = sectors.get((word,)) or sectors.get((singular(word),))
    return entry is not None and entry.sector in ARMED_SECTORS


POSSESSED = re.compile(r"['’]s\s+((?:[\w-]+\s+){0,3}[\w-]+)")


def _owner_of_a_body(text: str, m: PlaceMention) -> bool:
    """A country owning an organisation ("head of Iran's Quds Force", "Turkey's defence
    ministry"): whose body it is, not where the event was."""
    if country_of(m) is None:
        return False
    owned = POSSESSED.match(text, m.end)
    return owned is not None and any(w.lower() in org_words() for w in owned.group(1).split())


def _directional(text: str, m: PlaceMention) -> bool:
    """Put as a bearing ("north of Baghdad", "25 km from Algiers"): a reference point, never
    the event's place while the sentence places it elsewhere."""
    return bool(DIRECTIONAL_BEFORE.search(text[max(0, m.start - 40) : m.start]))


def town_level(m: PlaceMention) -> bool:
    """A mention of a town or smaller place (or one the gazetteer lacks), not a region."""
    if m.region_word or country_of(m) is not None:
        return False
    if not m.candidates or not m.candidates[0].is_region:
        return True
    # a name both a region's and a real town's ("in Sucre", "in Idlib") names the town
    return any(
        not c.is_region and c.primary and not c.fuzzy and c.population >= TOWN_POPULATION
        for c in m.candidates
    )


def _choice_cost(m: PlaceMention, trigger: tuple[int, int], text: str, anchors: int, towns: bool) -> float:
    """How unlikely ``m`` is the place of the event at ``trigger`` (lower is likelier).

    ``anchors`` counts the places the sentence puts events in (not "near"): when there is one,
    a "near X" / "north of X" / "X's" mention is a reference point, not the place."""
    t0, t1 = trigger
    cost = float(m.start - t1) if m.start >= t1 else (t0 - m.end) * BEFORE_FACTOR
    if not (m.locative or m.region_word):
        cost += NOT_PLACED
    if country_of(m) is not None:
        cost += COUNTRY_ONLY
    if anchors and m.near:
        cost += REFERENCE_POINT
    if towns and not town_level(m):
        cost += WIDER_THAN_TOWN  # "Gwoza town of Borno State": the town, not the state
    if re.match(r"['’]s\b", text[m.end : m.end + 3]):
        cost += REFERENCE_POINT  # "Baghdad's northern neighborhood of Qahira"
    return cost


def _across_water(text: str, m: PlaceMention) -> bool:
    """A river the gazetteer lacks, put as what lies between ("from across the X River")."""
    before = text[max(0, m.start - 30) : m.start]
    # a strait or a sea is crossed, not fired over ("across the Bering Strait from Russia")
    river = re.search(r"\s(?:river|canal|creek|stream)$", m.text, re.I)
    return not m.candidates and bool(river) and bool(ACROSS_BEFORE.search(before))


def _names_a_meeting(text: str, m: PlaceMention, trigger: tuple[int, int]) -> bool:
    """The name is a meeting's or an agreement's ("the Minsk peace summit") and the event is
    another one: not put at the meeting ("at the Minsk talks") nor the meeting itself."""
    meeting = cue_patterns()["meeting"].match(text[m.end : m.end + 40])
    if meeting is None or m.start <= trigger[0] < m.end + meeting.end():
        return False
    return not IN_OR_AT.search(text[max(0, m.start - 12) : m.start])


def bracketed_hints(text: str, mentions: list[PlaceMention]) -> set[PlaceMention]:
    """Mentions inside a bracket that opens right after another mention: "X (A, B)"."""
    out: set[PlaceMention] = set()
    for m in mentions:
        opened = text.rfind("(", 0, m.start)
        if opened < 0 or ")" in text[opened : m.start]:
            continue
        before = [o for o in mentions if o.end <= opened and not text[o.end : opened].strip()]
        if before:
            out.add(m)
    return out


def choose(
    text: str, mentions: list[PlaceMention], trigger: tuple[int, int], full_text: str | None = None
) -> PlaceMention | None:
    """The mention that is the place of the event at ``trigger``, or None if none is.

    ``full_text``: the whole sentence when ``text`` keeps only the event's own words (same
    offsets): words of the sentence outside the event still say what a name is."""
    if not mentions:
        return None
    # a country is the event's place only when the text puts the event in it ("in Mali"),
    # not when it is a participant ("Turkey said it killed ...")
    # ACLED's "Boni (Hombori, Douentza, Mopti)": the bracket names the divisions holding the
    # place before it, never the event's place itself
    bracketed = bracketed_hints(text, mentions)
    mentions = [m for m in mentions if m not in bracketed] or mentions
    # "shelled the city from across the Dnipro River": the river is where the guns were; the
    # event is at the other place the sentence names, or the one its story names
    mentions = [m for m in mentions if not _across_water(text, m)]
    # "killed in Ukraine ahead of Minsk peace summit": a meeting's place is not another event's
    mentions = [m for m in mentions if not _names_a_meeting(full_text or text, m, trigger)]
    mentions = [m for m in mentions if not _armed_origin(text, m)]
    mentions = [m for m in mentions if not _owner_of_a_body(text, m)]
    if not mentions:
        return None
    placed = [m for m in mentions if m.locative or m.region_word]
    sub_national = [m for m in mentions if m.candidates and country_of(m) is None]
    pool = placed or sub_national
    if not pool:
        return None
    if all(m.near for m in pool):
        # "captures Mayadin from ISIS near Deir ez-Zor": a place put only near another is
        # located by it; the town the sentence names otherwise is the likelier event place
        pool = pool + [
            m for m in sub_national
            if m not in pool and town_level(m) and any(not c.fuzzy for c in m.candidates)
        ]  # fmt: skip
    anchors = sum(1 for m in pool if not m.near and town_level(m) and (m.locative or m.candidates))
    towns = any(town_level(m) and (m.locative or m.near) for m in pool)
    # places the sentence puts things in: a town, or a region it calls one ("Diyala province")
    placed_in = [m for m in pool if not m.near and (m.region_word or (m.locative and town_level(m)))]
    outer = _containers(text, mentions)

    def cost(m: PlaceMention) -> float:
        c = _choice_cost(m, trigger, text, anchors, towns) + CONTAINER * (m in outer)
        if not anchors and _directional(text, m) and any(o is not m for o in placed_in):
            c += REFERENCE_POINT  # "in Diyala province, north of Baghdad": Diyala
        # "In Hilla, south of Baghdad, a civilian was killed": the town the sentence opens
        # with sets the scene, unless the sentence names a town of its own for the event
        if (
            m.start < trigger[0]
            and town_level(m)
            and FRONTED.match(text[: m.start])
            and not any(o is not m and o.locative and not o.near and town_level(o) for o in pool)
        ):
            c = min(c, FRONTED_COST)
        return c

    return min(pool, key=cost)
