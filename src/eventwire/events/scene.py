"""What an event borrows from the scene told around it: its place and its day.

A story tells a scene once ("a car bomb hit a police station in Bannu on Monday") and then its
parts without repeating where and when ("Eleven people were killed on the spot"). These rules
hand the scene on, within about three sentences, to events that name no place or day of their
own, and date "the next day" / "hours later" from the story's previous dated event. Borrowed
places are marked less precise, like every borrowed place.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from eventwire.actors.resolve import INTERNATIONAL
from eventwire.events.lexicon import Lexicon
from eventwire.events.sameness import DIPLOMATIC, generic_side, party_countries, unnamed
from eventwire.model import Actor, Event, Location
from eventwire.resources import read_tsv


@lru_cache(maxsize=1)
def _anaphora() -> list[tuple[re.Pattern[str], int]]:
    rows = read_tsv("date_anaphora.tsv")
    return [(re.compile(rf"\b{r['phrase']}\b", re.I), int(r["offset"])) for r in rows]


def anchor_relative_dates(events: list[Event]) -> list[Event]:
    """Date "on the same day", "the next day", "hours later" from the story's previous event with
    a day of its own (``date_anaphora.tsv``), not from the publication date."""
    out: list[Event] = []
    for event in events:
        if not event.date_text:
            found = next(((m, k) for rx, k in _anaphora() if (m := rx.search(event.evidence.sentence))), None)
            anchor = next(
                (
                    e
                    for e in sorted(out, key=lambda e: e.evidence.start, reverse=True)
                    if e.evidence.start < event.evidence.start and e.date_text and e.date_precision == "day"
                ),
                None,
            )
            if found is not None and anchor is not None and anchor.date is not None:
                when = anchor.date + dt.timedelta(days=found[1])
                update = {"date": when, "date_precision": "day", "date_text": found[0].group(0)}
                event = event.model_copy(update=update)
        out.append(event)
    return out


# How far back (characters of cleaned text, about three sentences) a told scene still holds.
SCENE_REACH = 600


def fill_from_scene(events: list[Event]) -> list[Event]:
    """An unplaced act of violence told right after a placed one happened at the same scene ("a
    car bomb hit a police station in Bannu ... Eleven people were killed on the spot"), a better
    guess than the dateline (often the capital the reporter files from). Marked less precise
    (ACLED geo-precision 2 at best), like every borrowed place."""
    scene = sorted(
        (
            e
            for e in events
            if e.location is not None
            and e.location.precision != "country"  # a country is no scene
            and e.quad_class == 4
            and e.factuality != "historical"
        ),
        key=lambda e: e.evidence.start,
    )
    out = []
    for e in events:
        # a truce is agreed for the fighting just told ("... until Tuesday, when the two sides agreed
        # to a ceasefire")
        local = e.quad_class == 4 or e.mode == "ceasefire"
        if e.location is None and local and e.event_type != "SANCTION":
            # the sentence's own fighting is a scene too ("fought in Culiacan ..., as the government
            # rushed troops to the region"); an arrest it mentions in passing is not
            before = [
                d
                for d in scene
                if e.evidence.start - SCENE_REACH <= d.evidence.start < e.evidence.start
                or (d.evidence.start == e.evidence.start and d.event_type == "ASSAULT")
            ]
            # the nearest scene in a country of the event's sides (a side's country rules out a
            # scene abroad, and a mis-placed scene with it)
            parties = party_countries(e) - set(INTERNATIONAL)  # UN forces act in someone's country
            places = [d.location for d in before if d.location is not None]
            fits = [p for p in places if not parties or p.country in parties]
            if e.quad_class != 4:  # a truce covers a town or an area, not the airport fought over
                fits = [p for p in fits if p.precision != "point"]
            place = _scene_place(fits)
            if place is not None:
                e = e.model_copy(
                    update={
                        "location": place.model_copy(update={"geo_precision": max(2, place.geo_precision)})
                    }
                )
                if e.factuality != "historical":  # the scene goes on ("... jets bombed the town.
                    scene.append(e)  # At least five civilians were killed")
        out.append(e)
    return out


def _scene_place(places: list[Location]) -> Location | None:
    """The latest place told, or an earlier town inside it: "a bombing in Bannu ... at a police
    station in Khyber Pakhtunkhwa province" keeps the scene at Bannu."""
    if not places:
        return None
    last = places[-1]
    if last.precision in ("town", "point"):
        return last
    inside = [
        p for p in places[:-1] if p.precision in ("town", "point") and last.name in (p.admin1, p.admin2)
    ]
    return inside[-1] if inside else last


# "Drones have attacked the area since then": an ongoing run of acts, not the scene's day.
_ONGOING = re.compile(r"\b(?:since\s+then|ever\s+since|since\s+that\s+day)\b", re.I)


def date_from_scene(events: list[Event]) -> list[Event]:
    """An act of violence that names no actor (or only a crowd) and no date of its own, told right
    after a dated one, continues it and happened then, not in the report's week ("On 3 March, militants
    attacked an army post in Boni. 12 soldiers were killed."). An act with an actor of its own
    ("the ministry said it also destroyed two launchers") may be another day's. The borrowed date
    keeps the donor's words as its evidence."""
    dated = [
        e for e in events if e.quad_class == 4 and e.date_text and e.date and e.factuality != "historical"
    ]
    out = []
    for e in events:
        if (
            not e.date_text
            and e.quad_class == 4
            and e.factuality in ("asserted", "reported")
            and (unnamed(e.actor) or _crowd(e.actor))
            and not _ONGOING.search(e.evidence.sentence)
        ):
            before = [
                d for d in dated if e.evidence.start - SCENE_REACH <= d.evidence.start < e.evidence.start
            ]
            if before:
                donor = max(before, key=lambda d: d.evidence.start)
                update = {
                    "date": donor.date,
                    "date_precision": donor.date_precision,
                    "date_text": donor.date_text,
                }
                e = e.model_copy(update=update)
        out.append(e)
    return out


def _crowd(actor: Actor | None) -> bool:
    """Demonstrators, rioters or gunmen named only by what they are: a crowd's act told in a story
    of the day's unrest is that day's. A state force or a named group acts on days of its own."""
    return generic_side(actor) and actor is not None and actor.sector in ("CVL", "UAF")


def fill_from_dateline(events: list[Event], dateline: Location | None) -> list[Event]:
    """A local report's unplaced violence or protest happened where it was filed ("BELGRADE,
    Serbia (AP) —"): the dateline place, marked as less precise than a place in the sentence."""
    if dateline is None:
        return events
    placed = dateline.model_copy(update={"geo_precision": max(2, dateline.geo_precision)})
    return [
        e.model_copy(update={"location": placed})
        if e.location is None and (e.quad_class == 4 or e.mode == "ceasefire") and e.event_type != "SANCTION"
        else e
        for e in events
    ]


def fill_related_locations(events: list[Event]) -> list[Event]:
    located = [e for e in events if e.location is not None and e.location.precision != "country"]
    out = []
    for e in events:
        if e.location is None and e.event_type in DIPLOMATIC:
            # an agreement is placed where its parties met ("talks in Moscow")
            donor = next(
                (
                    d
                    for d in located
                    if d.event_type == "CONSULT"
                    and len(party_countries(e)) >= 2
                    and party_countries(d) == party_countries(e)
                ),
                None,
            )
            if donor is not None:
                e = e.model_copy(update={"location": donor.location})
        if e.location is None and e.event_type == "ASSAULT":
            parties = party_countries(e)
            donor = next((d for d in located if len(parties) >= 2 and party_countries(d) == parties), None)
            if donor is not None and donor.location is not None:
                e = e.model_copy(update={"location": _as_region(donor.location)})
        out.append(e)
    return out


def _as_region(loc: Location) -> Location:
    if loc.precision in ("region", "country"):
        return loc
    return loc.model_copy(update={"precision": "region", "geo_precision": 3})


def retold_attack(events: list[Event]) -> list[Event]:
    """"A drone strike killed 17 civilians ... The strike hit the station on Thursday morning": a
    sentence that opens with "The" and an attack word names the attack just told, so an act it
    tells with no weapon, attacker or victims of its own takes that attack's (and can then merge
    with it)."""
    out: list[Event] = []
    for e in events:
        if e.event_type == "ASSAULT" and e.mode is None and unnamed(e.actor) and _retold(e.evidence.sentence):
            told = [
                d
                for d in out
                if d.event_type == "ASSAULT"
                and d.mode is not None
                and 0 < e.evidence.start - d.evidence.start <= 2 * SCENE_REACH
            ]
            if told:  # the same attack: its weapon and its attacker
                attack = told[-1]
                update = {"mode": attack.mode, "acled": attack.acled, "actor": attack.actor}
                if e.recipient is None or e.recipient.country is None:
                    update["recipient"] = attack.recipient  # "hit the station": the people it hit
                e = e.model_copy(update=update)
        out.append(e)
    return out


def _retold(sentence: str) -> bool:
    words = sentence.split()
    if len(words) < 2 or words[0].lower() != "the":
        return False
    word = words[1].lower().strip(",.;:")
    rows = Lexicon.load().triggers_for(word) or Lexicon.load().triggers_for(word.removesuffix("s"))
    return any(r.event_type == "ASSAULT" and r.pos in ("NOUN", "ANY") for r in rows)
