"""Document-level pass over the coded events: fill what one sentence could not, merge repeats.

A wire story tells one event several times (the lead, a caption, a later paragraph) and leaves
participants implicit ("Drone strikes killed 21 Syrian soldiers, Turkey's defense ministry
said"). This pass, in order:

0. gives an ASSAULT without a mode the weapon its sentence names ("Four soldiers were killed when
   a roadside bomb struck their vehicle": the killing was by the bomb);
1. infers a missing attacker when a party's own military or ministry reports killing the other
   side's forces (a defence ministry announcing enemy deaths is claiming its strike);
2. fills a missing place from a related located event of the same document (same two parties),
   at region precision, because the text implies but does not state it;
3. merges events of the same document that describe the same happening (within-document dedup);
4. sets each event's confidence.

Example:
    >>> # events = assemble(candidates)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from eventwire.actors import inter_code
from eventwire.actors.resolve import INTERNATIONAL
from eventwire.events.acled import code_acled, interaction
from eventwire.events.confidence import score_events
from eventwire.events.extract import Candidate, specific_cameo
from eventwire.events.lexicon import Lexicon, ModeCue
from eventwire.geo.distance import haversine_km
from eventwire.model import Actor, Event, Location
from eventwire.resources import read_tsv

_CLAIMANT_SECTORS = {"GOV", "MIL"}
_ARMED_SECTORS = {"MIL", "REB", "PRM", "UAF", "COP", "SPY"}


def assemble(
    cands: list[Candidate],
    resolve_attribution,
    dateline: Location | None = None,
    weapons: dict[int, ModeCue] | None = None,
    claims: dict[int, Actor] | None = None,
) -> list[Event]:
    """Turn a document's candidates into its final events (see the module docstring).

    ``weapons`` maps a sentence index to the best weapon cue anywhere in that sentence;
    ``claims`` a sentence index to who claims responsibility there (``events.claims``)."""
    fill_modes(cands, weapons or {})
    fill_claimed(cands, claims or {})
    cands = absorb_consequences(cands)
    events = anchor_relative_dates([c.event for c in cands])
    events = _absorb_protest_arrests(events)
    events = blame_the_perpetrator(events)
    events = [_infer_claimant(e, resolve_attribution) for e in events]
    events = _fill_related_locations(events)
    events = _fill_from_dateline(_fill_from_scene(_date_from_scene(events)), dateline)
    merged = [_finalise(e) for e in _merge_repeats(events, cands)]
    scored = score_events(merged, cands)  # the candidates carry the classifier's vote
    return [_place_the_unidentified(e) for e in scored]


# Weapon classes that are an instrument of harm, so that a killing told in the same sentence was
# done with them; an abduction, rape or arson named beside a killing is a second act, not its manner.
_INSTRUMENT_WEAPONS = frozenset(
    {"suicide", "chemical", "drone", "air", "shelling", "missile", "ied", "landmine", "grenade"}
    | {"firearm", "melee"}
)


def fill_modes(cands: list[Candidate], weapons: dict[int, ModeCue]) -> None:
    """Give a mode-less ASSAULT the instrument its own sentence names, and recode ACLED and CAMEO.

    The frame only looks for weapons near its trigger; "Two soldiers were killed when a landmine
    exploded" names the landmine in a clause of its own, and "a shell fired from rebel positions
    hit a camp, killing two children" in the subject of another verb."""
    for cand in cands:
        event = cand.event
        cue = weapons.get(cand.frame_sentence)
        if event.event_type != "ASSAULT" or event.mode is not None or cue is None:
            continue
        if cue.weapon not in _INSTRUMENT_WEAPONS:
            continue
        cameo = specific_cameo(event.event_type, cue.mode, cue.weapon, event.cameo or "190")
        update: dict = {"mode": cue.mode, "cameo": cameo}
        if event.acled is not None:
            i1, i2 = event.acled.inter1, event.acled.inter2
            update["acled"] = code_acled(event.event_type, cue.mode, cue.weapon, i1, i2, cand.cues)
        cand.weapon = cue.weapon
        cand.event = event.model_copy(update=update)


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


def blame_the_perpetrator(events: list[Event]) -> list[Event]:
    """A condemnation that names no one ("the State Department condemned the arrest") is aimed
    at whoever did what the story told before it (PLOVER's ACCUSE target is the accused)."""
    out: list[Event] = []
    for event in events:
        if event.event_type == "ACCUSE" and event.recipient is None:
            done = [
                e
                for e in out
                if e.quad_class == 4 and e.evidence.start < event.evidence.start and not _unnamed(e.actor)
            ]
            culprit = done[-1].actor if done else None
            accuser = event.actor.country if event.actor else None
            if culprit is not None and culprit.country and culprit.country != accuser:
                event = event.model_copy(update={"recipient": culprit})
        out.append(event)
    return out


def fill_claimed(cands: list[Candidate], claims: dict[int, Actor]) -> None:
    """Give the claimant of a claim of responsibility to the attacks told up to that sentence
    that name no attacker; and the side a source blames ("killed 17 civilians, witnesses said,
    blaming the military") to such attacks of the same or the previous sentence. Recode their
    ACLED fields."""
    for at, who in sorted(claims.items()):
        _give_attacker(cands, who, lambda k, at=at: k <= at)
    for blame in [c for c in cands if _blames(c.event)]:
        at, who = blame.frame_sentence, blame.event.recipient
        _give_attacker(cands, who, lambda k, at=at: at - 1 <= k <= at)  # type: ignore[arg-type]


def _blames(event: Event) -> bool:
    """An accusation, not denied, aimed at an armed side."""
    who = event.recipient
    return (
        event.event_type == "ACCUSE"
        and event.mode in (None, "allege")
        and event.factuality in ("asserted", "reported")
        and who is not None
        and who.sector in _ARMED_SECTORS
    )


def _give_attacker(cands: list[Candidate], who: Actor, in_reach) -> None:
    for cand in cands:
        event = cand.event
        if not in_reach(cand.frame_sentence) or event.event_type != "ASSAULT":
            continue
        if event.factuality not in ("asserted", "reported") or not _unnamed(event.actor):
            continue
        where = event.location.country if event.location else None
        attacker = who if who.country or not where else who.model_copy(update={"country": where})
        update: dict = {"actor": attacker}
        if event.acled is not None:
            i2 = event.acled.inter2
            update["acled"] = code_acled(event.event_type, event.mode, cand.weapon, who.inter, i2, cand.cues)
        cand.event = event.model_copy(update=update)


def _unnamed(actor: Actor | None) -> bool:
    """No attacker, or only the 'unidentified armed group' ACLED puts where the text names none."""
    return actor is None or (actor.sector == "UAF" and actor.country is None)


def absorb_consequences(cands: list[Candidate]) -> list[Candidate]:
    """What an act did, told in a clause of its own sentence, belongs to the act, as ACLED codes
    it: "aircraft struck a hideout, killing 15 fighters and destroying motorcycles" (the
    destruction is the strike's materiel); "demonstrators set fire to a police post, and three
    people were killed there" (a killing by no named side is the riot's toll)."""
    by_sentence: dict[int, list[Candidate]] = {}
    for cand in cands:
        by_sentence.setdefault(cand.frame_sentence, []).append(cand)
    dropped: set[int] = set()
    for group in by_sentence.values():
        for cand in group:
            main = group[cand.governed_by] if cand.governed_by is not None else None
            if main is None or main is cand or id(main) in dropped:
                continue
            if _destruction_of(cand.event, main.event):
                lost = cand.event.materiel or ([cand.event.recipient.text] if cand.event.recipient else [])
                materiel = main.event.materiel + [m for m in lost if m not in main.event.materiel]
                main.event = main.event.model_copy(update={"materiel": materiel})
                dropped.add(id(cand))
            elif _toll_of(cand.event, main.event):
                main.event = main.event.model_copy(update={"fatalities": cand.event.fatalities})
                dropped.add(id(cand))
        for cand in group:  # the parse may not link them ("... set fire to a post, and three were killed")
            others = [
                m for m in group if m is not cand and id(m) not in dropped and _toll_of(cand.event, m.event)
            ]
            if id(cand) not in dropped and len(others) == 1:
                others[0].event = others[0].event.model_copy(update={"fatalities": cand.event.fatalities})
                dropped.add(id(cand))
    return [c for c in cands if id(c) not in dropped]


def _destruction_of(part: Event, main: Event) -> bool:
    return part.mode == "destroy" and main.event_type == "ASSAULT" and main.mode != "destroy"


_VIOLENT_MODES = frozenset({"riot", "destroy", "beat", "primitive"})


def _toll_of(part: Event, main: Event) -> bool:
    """A killing by no named side, told beside a violent act whose toll is not given."""
    violent = main.event_type in ("ASSAULT", "PROTEST") and main.mode in _VIOLENT_MODES
    return (
        part.event_type == "ASSAULT"
        and _unnamed(part.actor)
        and part.fatalities is not None
        and main.fatalities is None
        and violent
        and not _unnamed(main.actor)
    )


def _finalise(event: Event) -> Event:
    """Settle what depends on the final place: foreign forces, and the ACLED inter codes."""
    where = event.location.country if event.location else None
    actor = _foreign_fighters(event.actor, where)
    recipient = _foreign_fighters(event.recipient, where)
    if actor is not None:
        actor = actor.model_copy(update={"inter": inter_code(actor, event_country=where)})
    if recipient is not None:
        recipient = recipient.model_copy(update={"inter": inter_code(recipient, event_country=where)})
    update: dict = {"actor": actor, "recipient": recipient}
    if event.acled is not None:
        i1 = actor.inter if actor else None
        i2 = recipient.inter if recipient else None
        update["acled"] = event.acled.model_copy(
            update={"inter1": i1, "inter2": i2, "interaction": interaction(i1, i2)}
        )
    return event.model_copy(update=update)


def _place_the_unidentified(event: Event) -> Event:
    """ACLED's "Unidentified Armed Group (Libya)": an attacker the text does not name is of the
    country where the event happened. Done after confidence is scored: the country is inferred,
    not read, and says nothing of how sure the coding is."""
    where = event.location.country if event.location else None
    if event.actor is None or not _unnamed(event.actor) or not where or where in INTERNATIONAL:
        return event
    return event.model_copy(update={"actor": event.actor.model_copy(update={"country": where})})


def _foreign_fighters(actor: Actor | None, event_country: str | None) -> Actor | None:
    """'Turkish fighters' in Syria are Turkey's forces abroad, not rebels."""
    if actor is None or actor.sector != "REB" or not actor.name or not event_country:
        return actor
    if actor.name.startswith("fighter (") and actor.country and actor.country != event_country:
        return actor.model_copy(update={"sector": "MIL", "inter": 1})
    return actor


def _infer_claimant(event: Event, resolve_attribution) -> Event:
    if event.event_type != "ASSAULT" or event.attributed_to is None:
        return event
    if event.actor is not None and event.actor.country is not None:
        return event
    source: Actor | None = resolve_attribution(event.attributed_to)
    rec = event.recipient
    if source is None or source.country is None or source.sector not in _CLAIMANT_SECTORS:
        return event
    if rec is None or rec.country in (None, source.country) or rec.sector not in _ARMED_SECTORS:
        return event
    actor = Actor(
        text=event.attributed_to,
        name=f"Military Forces of {source.name or source.country}",
        country=source.country,
        sector="MIL",
        inter=1,
    )
    where = event.location.country if event.location else None
    actor = actor.model_copy(update={"inter": inter_code(actor, event_country=where)})
    update: dict = {"actor": actor}
    if event.acled is not None:
        update["acled"] = event.acled.model_copy(
            update={
                "inter1": actor.inter,
                "interaction": interaction(actor.inter, event.acled.inter2),
            }
        )
    return event.model_copy(update=update)


def _parties(event: Event) -> frozenset[str]:
    return frozenset(
        a.country for a in (event.actor, event.recipient, *event.assoc_actors) if a and a.country
    )


_DIPLOMATIC = {"AGREE", "CONSULT", "CONCEDE"}
_DISTINCT_MODES = {"abduct", "sexual", "crowd-control", "torture", "seize", "arrest"}
_PROTEST_SUBTYPES = {"Protest with intervention", "Excessive force against protesters"}


def _absorb_protest_arrests(events: list[Event]) -> list[Event]:
    """Police dispersing a protest and arresting protesters is one ACLED event, not two."""
    out = []
    for e in events:
        host = next(
            (
                h
                for h in out
                if h.evidence.start == e.evidence.start
                and h.acled
                and h.acled.sub_event_type in _PROTEST_SUBTYPES
            ),
            None,
        )
        if (
            host is not None
            and e.event_type == "COERCE"
            and e.mode == "arrest"
            and e.acled
            and e.acled.sub_event_type in _PROTEST_SUBTYPES
        ):
            continue
        out.append(e)
    return out


# How far back (characters of cleaned text, about three sentences) a told scene still holds.
_SCENE_REACH = 600


def _fill_from_scene(events: list[Event]) -> list[Event]:
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
        if e.location is None and e.quad_class == 4 and e.event_type != "SANCTION":
            before = [
                d for d in scene if e.evidence.start - _SCENE_REACH <= d.evidence.start < e.evidence.start
            ]
            # the nearest scene in a country of the event's sides (a side's country rules out a
            # scene abroad, and a mis-placed scene with it)
            parties = _parties(e) - set(INTERNATIONAL)  # UN forces act in someone's country
            places = [d.location for d in before if d.location is not None]
            fits = [p for p in places if not parties or p.country in parties]
            place = fits[-1] if fits else None
            if place is not None:
                e = e.model_copy(
                    update={
                        "location": place.model_copy(update={"geo_precision": max(2, place.geo_precision)})
                    }
                )
        out.append(e)
    return out


def _date_from_scene(events: list[Event]) -> list[Event]:
    """An act of violence that names no actor and no date of its own, told right after a dated
    one, continues it and happened then, not in the report's week ("On 3 March, militants
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
            and _unnamed(e.actor)
        ):
            before = [
                d for d in dated if e.evidence.start - _SCENE_REACH <= d.evidence.start < e.evidence.start
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


def _fill_from_dateline(events: list[Event], dateline: Location | None) -> list[Event]:
    """A local report's unplaced violence or protest happened where it was filed ("BELGRADE,
    Serbia (AP) —"): the dateline place, marked as less precise than a place in the sentence."""
    if dateline is None:
        return events
    placed = dateline.model_copy(update={"geo_precision": max(2, dateline.geo_precision)})
    return [
        e.model_copy(update={"location": placed})
        if e.location is None and e.quad_class == 4 and e.event_type != "SANCTION"
        else e
        for e in events
    ]


def _fill_related_locations(events: list[Event]) -> list[Event]:
    located = [e for e in events if e.location is not None and e.location.precision != "country"]
    out = []
    for e in events:
        if e.location is None and e.event_type in _DIPLOMATIC:
            # an agreement is placed where its parties met ("talks in Moscow")
            donor = next(
                (
                    d
                    for d in located
                    if d.event_type == "CONSULT" and len(_parties(e)) >= 2 and _parties(d) == _parties(e)
                ),
                None,
            )
            if donor is not None:
                e = e.model_copy(update={"location": donor.location})
        if e.location is None and e.event_type == "ASSAULT":
            parties = _parties(e)
            donor = next((d for d in located if len(parties) >= 2 and _parties(d) == parties), None)
            if donor is not None and donor.location is not None:
                e = e.model_copy(update={"location": _as_region(donor.location)})
        out.append(e)
    return out


def _as_region(loc: Location) -> Location:
    if loc.precision in ("region", "country"):
        return loc
    return loc.model_copy(update={"precision": "region", "geo_precision": 3})


def _compatible(a: Event, b: Event) -> bool:
    """True when two events of one document can be the same happening."""
    if a.event_type != b.event_type or a.factuality != b.factuality:
        return False
    if (a.mode in _DISTINCT_MODES or b.mode in _DISTINCT_MODES) and a.mode != b.mode:
        return False  # a kidnapping and a killing in one story are two events
    if a.evidence.start == b.evidence.start:
        return False  # two events of one sentence were kept apart on purpose
    if _distinct_sub_events(a, b):
        return False
    straight = _sides_agree((a.actor, b.actor), (a.recipient, b.recipient))
    # in a clash either side is told first: "troops clashed with Boko Haram ... 17 soldiers died"
    swapped = _two_sided(a) or _two_sided(b)
    if not straight and not (swapped and _sides_agree((a.actor, b.recipient), (a.recipient, b.actor))):
        return False
    if a.recipient is None and b.recipient is None and _parties(a) != _parties(b):
        return False
    # an agreement told again without naming its parties ("The two agreed ...") may merge
    retold = a.event_type in _DIPLOMATIC and (not _parties(a) or not _parties(b))
    if not (_parties(a) & _parties(b)) and (_parties(a) or _parties(b)) and not retold:
        return False
    if a.date and b.date and a.date_precision == b.date_precision == "day" and a.date != b.date:
        return False
    if a.date and b.date and abs((a.date - b.date).days) > 7:
        return False
    fa = a.fatalities.best if a.fatalities else None
    fb = b.fatalities.best if b.fatalities else None
    if fa is not None and fb is not None and fa != fb:
        return False
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    return not (la and lb and _far_apart(la, lb))


# Two towns further apart than this are two scenes (a rally in Belgrade, a march in Novi Sad).
_SAME_SCENE_KM = 30.0


def _far_apart(a: Location, b: Location) -> bool:
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


def _sides_agree(*pairs: tuple[Actor | None, Actor | None]) -> bool:
    """No pair names two different countries."""
    countries = [(x.country if x else None, y.country if y else None) for x, y in pairs]
    return not any(cx and cy and cx != cy for cx, cy in countries)


def _two_sided(event: Event) -> bool:
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
    return a.acled.sub_event_type != b.acled.sub_event_type


def _merge_repeats(events: list[Event], cands: list[Candidate]) -> list[Event]:
    kept: list[Event] = []
    for e in events:
        target = next((k for k, other in enumerate(kept) if _compatible(other, e)), None)
        if target is None:
            kept.append(e)
        else:
            kept[target] = _merge(kept[target], e)
    return kept


def _merge(first: Event, second: Event) -> Event:
    """Keep the first report's evidence; take fields the first one lacks from the second."""
    update: dict = {}
    if first.mode and second.mode and _mode_rank(second.mode) < _mode_rank(first.mode):
        update["mode"] = second.mode  # "drone" says more than "aerial"
    for name in (
        "actor",
        "recipient",
        "location",
        "fatalities",
        "injured",
        "acled",
        "mode",
        "attributed_to",
    ):
        mine, theirs = getattr(first, name), getattr(second, name)
        if mine is None and theirs is not None:
            update[name] = theirs
    if first.actor is not None and first.actor.country is None and second.actor and second.actor.country:
        update["actor"] = second.actor
    elif _generic(first.actor) and _named(second.actor) and _same_country(first.actor, second.actor):
        update["actor"] = second.actor  # "Militiamen attacked a camp ... The CODECO militia attacked"
    if first.location and second.location and _finer(second.location, first.location):
        update["location"] = second.location
    if first.date_precision != "day" and second.date_precision == "day":
        update.update(date=second.date, date_precision="day", date_text=second.date_text)
    if second.materiel:
        update["materiel"] = [
            *first.materiel,
            *(m for m in second.materiel if m not in first.materiel),
        ]
    assoc = [*first.assoc_actors]
    for a in second.assoc_actors:
        if all(a.country != b.country for b in assoc):
            assoc.append(a)
    update["assoc_actors"] = assoc
    return first.model_copy(update=update)


def _generic(actor: Actor | None) -> bool:
    """A side named only by what it is ("militiamen", "gunmen", an unidentified armed group)."""
    return actor is not None and (actor.sector == "UAF" or not (actor.name or "")[:1].isupper())


def _named(actor: Actor | None) -> bool:
    return actor is not None and actor.sector is not None and not _generic(actor)


def _same_country(a: Actor | None, b: Actor | None) -> bool:
    return a is None or b is None or a.country is None or b.country is None or a.country == b.country


def _mode_rank(mode: str) -> int:
    ranks = [m.rank for m in Lexicon.load().modes if m.mode == mode]
    return min(ranks) if ranks else 99


_RANK = {"point": 0, "town": 1, "region": 2, "country": 3}


def _finer(a: Location, b: Location) -> bool:
    return _RANK[a.precision] < _RANK[b.precision]
