"""Document-level pass over the coded events: fill what one sentence could not, merge repeats.

A wire story tells one event several times (the lead, a caption, a later paragraph) and leaves
participants implicit ("Drone strikes killed 21 Syrian soldiers, Turkey's defense ministry
said"). This pass, in order:

0. gives an ASSAULT without a mode the weapon its sentence names ("Four soldiers were killed when
   a roadside bomb struck their vehicle": the killing was by the bomb), and folds what an act
   destroyed or a riot's toll told beside it into that act;
1. dates "the next day" from the story's previous dated event, names the attacker a claim, a
   blamed side or an earlier mention gives ("the attackers", "the same group"), and infers a
   missing attacker when a party's own military reports killing the other side's forces;
2. borrows a missing place or day from the scene told just before (``events.scene``), else the
   dateline;
3. merges events of the document that can be one happening (``events.sameness``), reconciling
   their tolls (``events.tolls``: the attackers' losses, a toll told after, another source's
   count);
4. settles the ACLED inter codes on the final place and sets each event's confidence.

Example:
    >>> # events = assemble(candidates)
"""

from __future__ import annotations

import re

from eventwire.actors import as_people_hit, inter_code
from eventwire.actors.resolve import INTERNATIONAL
from eventwire.events.acled import code_acled, interaction
from eventwire.events.confidence import score_events
from eventwire.events.extract import Candidate, specific_cameo
from eventwire.events.lexicon import Lexicon, ModeCue
from eventwire.events.sameness import (
    compatible,
    generic_side,
    named_side,
    same_country,
    spoken_after,
    unnamed,
)
from eventwire.events.scene import (
    anchor_relative_dates,
    date_from_scene,
    fill_from_dateline,
    fill_from_scene,
    fill_related_locations,
    retold_attack,
)
from eventwire.events.tolls import (
    counter_toll,
    more_dead_told_after,
    other_estimates,
    side_losses_told_after,
    toll_told_after,
    with_counter_toll,
    with_more_dead,
)
from eventwire.model import Actor, Event, Location

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
    events = name_the_attackers(events)
    events = [_infer_claimant(e, resolve_attribution) for e in events]
    events = fill_related_locations(events)
    events = fill_from_dateline(fill_from_scene(date_from_scene(events)), dateline)
    events = retold_attack(events)
    merged = [_finalise(e) for e in other_estimates(_merge_repeats(events, cands))]
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


def blame_the_perpetrator(events: list[Event]) -> list[Event]:
    """A condemnation that names no one ("the State Department condemned the arrest") is aimed
    at whoever did what the story told before it (PLOVER's ACCUSE target is the accused). So is a
    vow to retaliate, also in the sentence that told the attack ("said Pakistani airstrikes killed
    38 people and vowed to respond")."""
    out: list[Event] = []
    for event in events:
        if event.event_type in ("ACCUSE", "THREATEN") and event.recipient is None:
            told = event.evidence.start + (1 if event.event_type == "THREATEN" else 0)
            done = [e for e in out if e.quad_class == 4 and e.evidence.start < told and not unnamed(e.actor)]
            culprit = done[-1].actor if done else None
            accuser = event.actor.country if event.actor else None
            if culprit is not None and culprit.country and culprit.country != accuser:
                event = event.model_copy(update={"recipient": culprit})
        out.append(event)
    return out


def name_the_attackers(events: list[Event]) -> list[Event]:
    """"The CODECO militia attacked the camp ... troops pursued the attackers": a definite
    unidentified side ("the attackers", "the gunmen") is the named attacker told before it; "members
    of the same group" is the armed group named last, whatever role it had."""
    out: list[Event] = []
    for event in events:
        update = {}
        for role in ("actor", "recipient"):
            side = getattr(event, role)
            if side is None:
                continue
            other = event.recipient if role == "actor" else event.actor
            if side.sector == "UAF" and side.text.lower().startswith("the "):
                earlier = [e.actor for e in out if e.event_type == "ASSAULT"]
            elif _SAME.search(side.text) and side.sector not in _STATE:
                earlier = [a for e in out for a in (e.actor, e.recipient) if a and a.sector in _ARMED]
            else:
                continue
            fits = [
                a
                for a in earlier
                if named_side(a)
                and same_country(a, side)
                and not (other is not None and a.name == other.name)
            ]
            if fits and fits[-1] is not None:
                update[role] = fits[-1].model_copy(update={"text": side.text})
        out.append(event.model_copy(update=update) if update else event)
    return out


_SAME = re.compile(r"\bthe same\b", re.I)  # "members of the same group"
_STATE = frozenset({"MIL", "COP", "GOV", "SPY"})
_ARMED = frozenset({"REB", "PRM", "CRM", "UAF"})


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
        if event.factuality not in ("asserted", "reported") or not unnamed(event.actor):
            continue
        where = event.location.country if event.location else None
        attacker = who if who.country or not where else who.model_copy(update={"country": where})
        update: dict = {"actor": attacker}
        if event.acled is not None:
            i2 = event.acled.inter2
            update["acled"] = code_acled(event.event_type, event.mode, cand.weapon, who.inter, i2, cand.cues)
        cand.event = event.model_copy(update=update)


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
            elif _wounding_by(cand.event, main.event):
                if main.event.injured is None and cand.event.injured is not None:
                    main.event = main.event.model_copy(update={"injured": cand.event.injured})
                dropped.add(id(cand))
        for cand in group:  # the parse may not link them ("... set fire to a post, and three were killed")
            others = [
                m for m in group if m is not cand and id(m) not in dropped and _toll_of(cand.event, m.event)
            ]
            if id(cand) not in dropped and len(others) == 1:
                others[0].event = others[0].event.model_copy(update={"fatalities": cand.event.fatalities})
                dropped.add(id(cand))
    return [c for c in cands if id(c) not in dropped]


# "killed five people and wounded 10 others": the wounding is the same attack's, its count the
# attack's injured, not a second event
_WOUNDING = re.compile(r"^(?:wound|injur|hurt|maim)", re.I)


def _wounding_by(part: Event, main: Event) -> bool:
    same_act = part.event_type == main.event_type == "ASSAULT" and part.fatalities is None
    return same_act and bool(part.trigger and _WOUNDING.match(part.trigger)) and main.trigger != part.trigger


def _destruction_of(part: Event, main: Event) -> bool:
    return part.mode == "destroy" and main.event_type == "ASSAULT" and main.mode != "destroy"


_VIOLENT_MODES = frozenset({"riot", "destroy", "beat", "primitive"})


def _toll_of(part: Event, main: Event) -> bool:
    """A killing by no named side, told beside a violent act whose toll is not given."""
    violent = main.event_type in ("ASSAULT", "PROTEST") and main.mode in _VIOLENT_MODES
    return (
        part.event_type == "ASSAULT"
        and unnamed(part.actor)
        and part.fatalities is not None
        and main.fatalities is None
        and violent
        and not unnamed(main.actor)
    )


_PROTESTERS, _RIOTERS, _CIVILIANS = 6, 5, 7  # ACLED inter codes
_NO_FIGHT = "Non-violent transfer of territory"


def _finalise(event: Event) -> Event:
    """Settle what depends on the final place: foreign forces, and the ACLED inter codes."""
    where = event.location.country if event.location else None
    actor = _foreign_fighters(event.actor, where)
    recipient = _foreign_fighters(event.recipient, where)
    if event.event_type in ("ASSAULT", "COERCE"):
        recipient = as_people_hit(recipient, where)  # "struck a market": the people in it
    # a state's forces are "external" (inter 8) where they fight abroad, not where they sign a
    # truce ("the SAF and the RSF signed a ceasefire in Jeddah")
    fought = where if event.quad_class == 4 else None
    if actor is not None:
        actor = actor.model_copy(update={"inter": inter_code(actor, event_country=fought)})
    if recipient is not None:
        recipient = recipient.model_copy(update={"inter": inter_code(recipient, event_country=fought)})
    update: dict = {"actor": actor, "recipient": recipient}
    if event.cameo == "190" and event.acled and event.acled.event_type == "Violence against civilians":
        update["cameo"] = "180"  # CAMEO 18: violence that is no military fight ("attacked a camp")
    taken = event.event_type == "ASSAULT" or (event.event_type == "COERCE" and event.mode is None)
    if taken and event.acled and event.acled.sub_event_type == _NO_FIGHT:
        update.update(event_type="COERCE", mode="seize")  # "took over the town without a fight"
    if event.acled is not None:
        i1 = actor.inter if actor else None
        i2 = recipient.inter if recipient else None
        if event.acled.event_type == "Riots" and i1 in (_PROTESTERS, _CIVILIANS):
            i1 = _RIOTERS  # ACLED: demonstrators who turn violent, a lynch mob, are rioters
        if event.acled.sub_event_type == "Peaceful protest":
            i2 = None  # ACLED names no second actor of a peaceful protest; what it targets is PLOVER's
        update["acled"] = event.acled.model_copy(
            update={"inter1": i1, "inter2": i2, "interaction": interaction(i1, i2)}
        )
    return event.model_copy(update=update)


def _place_the_unidentified(event: Event) -> Event:
    """ACLED's "Unidentified Armed Group (Libya)": an attacker the text does not name is of the
    country where the event happened. Done after confidence is scored: the country is inferred,
    not read, and says nothing of how sure the coding is."""
    where = event.location.country if event.location else None
    if event.actor is None or not unnamed(event.actor) or not where or where in INTERNATIONAL:
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


def _merge_repeats(events: list[Event], cands: list[Candidate]) -> list[Event]:
    kept: list[Event] = []
    for e in events:
        # "five other civilians also died": more dead of an attack told, before any same-looking event
        more = next(
            (
                k
                for k in reversed(range(len(kept)))
                if more_dead_told_after(kept[k], e) or side_losses_told_after(kept[k], e)
            ),
            None,
        )
        if more is not None:
            kept[more] = with_more_dead(kept[more], e)
            continue
        target = next((k for k, other in enumerate(kept) if compatible(other, e)), None)
        if target is not None:
            kept[target] = _merge(kept[target], e)
            continue
        fought_back = next((k for k, other in enumerate(kept) if counter_toll(other, e)), None)
        if fought_back is not None:
            kept[fought_back] = with_counter_toll(kept[fought_back], e)
        elif (told := _told_just_before(kept, e)) is not None:
            act = kept[told]
            update = {
                "fatalities": e.fatalities,
                "recipient": act.recipient or e.recipient,
                # "Three dissidents were killed, according to the military": whose count it is
                "attributed_to": act.attributed_to or e.attributed_to,
            }
            kept[told] = act.model_copy(update=update)
        else:
            kept.append(e)
    return kept


def _told_just_before(kept: list[Event], toll: Event) -> int | None:
    """The attack of the sentence just before a bare toll that the toll belongs to: its first one
    ("a suicide bomber blew himself up at a restaurant before gunmen stormed it. 37 people were
    killed": the bombing's toll, as ACLED codes the whole assault)."""
    if not kept:
        return None
    last = kept[-1].evidence.start
    return next(
        (k for k, act in enumerate(kept) if act.evidence.start == last and toll_told_after(act, toll)), None
    )


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
    if first.recipient is not None and first.recipient.country is None and second.recipient:
        if second.recipient.country:
            update["recipient"] = second.recipient  # "two shopkeepers" ... "two Ethiopian men"
    elif generic_side(first.actor) and named_side(second.actor) and same_country(first.actor, second.actor):
        update["actor"] = second.actor  # "Militiamen attacked a camp ... The CODECO militia attacked"
    if first.location and second.location and _finer(second.location, first.location):
        update["location"] = second.location
    if (first.date_precision != "day" or spoken_after(first, second)) and second.date_precision == "day":
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


def _mode_rank(mode: str) -> int:
    ranks = [m.rank for m in Lexicon.load().modes if m.mode == mode]
    return min(ranks) if ranks else 99


_RANK = {"point": 0, "town": 1, "region": 2, "country": 3}


def _finer(a: Location, b: Location) -> bool:
    return _RANK[a.precision] < _RANK[b.precision]
