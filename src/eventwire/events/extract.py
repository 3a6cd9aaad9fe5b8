"""From event frames to Event records: every field filled by the stage that owns it.

For each frame this module reads the frame's own clause (other frames' words blanked out, so
"killed 34" in a subordinate clause is not counted for the main clause's event), then asks the
actor resolver, the casualty reader, the date resolver and the geocoder for their fields,
derives ACLED and CAMEO codes, and builds the Event with its evidence.

Example:
    >>> # events = code_sentence(sent, document, context)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span

from eventwire import actors, casualties, when
from eventwire.actors.acronyms import expand
from eventwire.actors.resolve import INTERNATIONAL, names_a_thing
from eventwire.actors.vocab import PLACE_KINDS, words
from eventwire.events import combine as vote
from eventwire.events.acled import code_acled
from eventwire.events.background import (
    background_tokens,
    comparison_tokens,
    is_background,
    told_event_tokens,
    update_tokens,
)
from eventwire.events.classifier import Prediction
from eventwire.events.factuality import factuality
from eventwire.events.frames import Frame, find_frames, noun_phrase
from eventwire.events.lexicon import QUAD_CLASS, Lexicon, forms, speech_verbs, token_lemma
from eventwire.events.object_modes import object_mode
from eventwire.geo import GeoContext
from eventwire.model import Actor, Document, Event, EventDate, Evidence, Location
from eventwire.numbers import number_pattern
from eventwire.resources import read_tsv

_SUBORDINATE_BEFORE = {"after", "following", "since"}
_CLASSIFIER = {"on": True}  # switched off only to measure the rules alone (training/compare.py)


def set_classifier(enabled: bool) -> None:
    """Let the sentence classifier vote on event types (True, the default) or not."""
    _CLASSIFIER["on"] = enabled


@dataclass
class DocContext:
    """What the event stage knows about the whole document while it codes one sentence."""

    document: Document
    geo: GeoContext
    geocoder: object
    warnings: list[str] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)  # "FAMa" → "the Malian Armed Forces"


@dataclass
class Candidate:
    """A coded event plus the parse facts the document-level pass still needs."""

    event: Event
    frame_sentence: int
    weapon: str | None
    cues: set[str]
    subordinate_to: int | None = None  # index in the sentence's candidates of the main event
    coordinate_to: int | None = None  # a frame this one is coordinated with ("X and Y")
    governed_by: int | None = None  # the nearest frame above this one in the parse, if any
    date_inherited: bool = False
    # the sentence classifier's prediction and whether only it found the event: how sure the
    # type is, for the confidence score (``events.confidence``)
    prediction: Prediction | None = None
    frameless: bool = False


@lru_cache(maxsize=1)
def _cameo_modes() -> dict[tuple[str, str, str], str]:
    return {(r["type"], r["mode"], r["weapon"]): r["cameo"] for r in read_tsv("cameo_modes.tsv")}


def cameo_code(frame: Frame) -> str:
    """The most specific CAMEO code the frame supports."""
    weapon = frame.weapon.weapon if frame.weapon else ""
    return specific_cameo(frame.event_type, frame.mode, weapon, frame.row.cameo)


def specific_cameo(event_type: str, mode: str | None, weapon: str, base: str) -> str:
    """The CAMEO code of ``event_type`` done in ``mode`` with ``weapon``, when it says more than
    ``base`` (the trigger's own code); otherwise ``base``."""
    table = _cameo_modes()
    for key in ((event_type, mode or "", weapon), (event_type, mode or "", "")):
        if key in table and (base in ("190", "180") or len(table[key]) > len(base)):
            return table[key]
    return base


def event_id(doc_id: str, start: int, end: int, event_type: str, trigger_at: int) -> str:
    """Stable id: the same document coded twice gives the same ids."""
    key = f"{doc_id}|{start}|{end}|{event_type}|{trigger_at}"
    return "ev_" + hashlib.sha256(key.encode()).hexdigest()[:20]


def masked_text(sent: Span, keep: set[int]) -> str:
    """The sentence with every token not in ``keep`` blanked, so offsets stay the same."""
    chars = list(sent.text)
    base = sent.start_char
    for tok in sent:
        if tok.i not in keep:
            for k in range(tok.idx - base, tok.idx - base + len(tok.text)):
                chars[k] = " "
    return "".join(chars)


def code_sentence(sent: Span, index: int, ctx: DocContext) -> list[Candidate]:
    """Code every event frame in one parsed sentence."""
    lex = Lexicon.load()
    if _TAG.fullmatch(sent.text.strip()):
        return []
    frames = [f for f in find_frames(sent, lex) if not _in_tag(f.trigger)]
    out: list[Candidate] = []
    pred_index = {f.predicate.i: k for k, f in enumerate(frames)}
    triggers = {f.trigger.i for f in frames}
    for frame in frames:
        cand = _code_frame(frame, sent, index, ctx, lex, triggers)
        mark = next((c for c in frame.predicate.children if c.dep_ == "mark"), None)
        cand.subordinate_to, cand.coordinate_to = _governing_frame(frame, pred_index)
        cand.governed_by = cand.subordinate_to if cand.coordinate_to is None else cand.coordinate_to
        if mark is None or mark.lower_ not in _SUBORDINATE_BEFORE:
            cand.subordinate_to = None
        out.append(cand)
    _date_from_sentence(out, frames, sent, ctx)
    _inherit_subordinate_dates(out)
    _share_coordinate_places(out)
    if not _CLASSIFIER["on"]:
        return out
    pred = _predict(sent)
    if not out:
        from eventwire.events.frameless import classifier_event

        extra = classifier_event(sent, index, ctx, pred)
        if extra is not None:
            extra.prediction, extra.frameless = pred, True
        return [extra] if extra is not None else []
    voted = vote.combine([c.event for c in out], pred)
    for cand, event in zip(out, voted, strict=True):
        cand.event, cand.prediction = event, pred
    return out


# ACLED notes end with coder's tags ("[women targeted: Candidates]", "[size=no report]"): labels of
# the note, not words of the event, so a trigger inside one ("targeted") is no event.
_TAG = re.compile(r"\[\s*(?:women\s+targeted|size|crowd\s+size|disorder\s+type)\s*[:=][^\]]*\]", re.I)


def _in_tag(token) -> bool:
    """True when ``token`` lies inside an ACLED coder's tag of its sentence."""
    sent = token.sent
    at = token.idx - sent.start_char
    return any(m.start() <= at < m.end() for m in _TAG.finditer(sent.text))


def _date_from_sentence(cands: list[Candidate], frames: list[Frame], sent: Span, ctx: DocContext) -> None:
    """'Police fired on marchers in Khartoum on Thursday': a date the parse left outside every
    frame of the sentence still dates the sentence's undated events (the one nearest wins).

    Only a day or a week is borrowed: a month or year in the sentence is more often a comparison
    ("the deadliest attack this year") than the event's time, and the report's week is closer."""
    # events linked to another frame ('after airstrikes killed 34') inherit from it instead
    undated = [
        (c, f)
        for c, f in zip(cands, frames, strict=True)
        if not c.event.date_text and c.subordinate_to is None and c.coordinate_to is None
    ]
    if not undated:
        return
    triggers = {f.trigger.i for f in frames}
    # a date a statement's object tells ("condemned the attack on 2 May") is not the statement's
    told = {f.trigger.i: _told(f, triggers) for f in frames}
    owned = [masked_text(sent, f.tokens - told[f.trigger.i]) for f in frames]
    orphans = [
        (a, b)
        for a, b, _w in when.find_date_expressions(sent.text)
        if not any(text[a:b].strip() for text in owned)
    ]
    base = sent.start_char
    dated = [(c.event, f.trigger.idx - base) for c, f in zip(cands, frames, strict=True) if c.event.date_text]
    for cand, frame in undated:
        at = frame.trigger.idx - base
        if told[frame.trigger.i]:
            continue  # the sentence's time is the told event's; the statement is dated by the report
        if orphans:
            a, b = min(orphans, key=lambda o: min(abs(o[0] - at), abs(o[1] - at)))
            found = _event_date(sent.text[a:b], ctx.document.published, frame)
            words = _as_spoken(found.text, sent, a)
            update = {"date": found.date, "date_precision": found.precision, "date_text": words}
        elif dated:  # 'killed nine as they fired on marchers on Thursday': one sentence, one time
            near = min(dated, key=lambda d: abs(d[1] - at))[0]
            update = {"date": near.date, "date_precision": near.date_precision, "date_text": near.date_text}
        else:
            continue
        if update["date"] is not None and update["date_text"] and update["date_precision"] in ("day", "week"):
            cand.event = cand.event.model_copy(update=update)


def _as_spoken(words: str | None, sent: Span, at: int) -> str | None:
    """The date words, with the verb of saying they hang on ("said Wednesday") when they date a
    source's statement rather than the event: a weaker date (``said_on``)."""
    if not words:
        return words
    start = sent.start_char + at
    span = sent.doc.char_span(start, start + len(words), alignment_mode="expand")
    if span is None:
        return words
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    before = sent.doc[span.start - 1] if span.start > sent.start else None
    if before is not None and before.pos_ == "VERB":  # "said on Monday it had ...": parses vary
        head = before
    spoken = head.pos_ == "VERB" and token_lemma(head) in speech_verbs()
    return f"{head.text} {words}" if spoken else words


def said_on(date_text: str | None) -> bool:
    """The date is the day a source spoke ("said Wednesday"), a weak stand-in for the event's own."""
    return (date_text or "").split(" ", 1)[0].lower() in _spoken_forms()


@lru_cache(maxsize=1)
def _spoken_forms() -> frozenset[str]:
    return frozenset(f for v in speech_verbs() for f in forms(v))


def _told(frame: Frame, triggers: set[int]) -> set[int]:
    """The tokens of another event told in a statement's object (``told_event_tokens``)."""
    return told_event_tokens(frame.trigger, triggers) if frame.quad_class != 4 else set()


def _predict(sent: Span):
    """The classifier's prediction for a sentence, or None when no model is shipped."""
    from eventwire.errors import ResourceError
    from eventwire.events.classifier import predict_span

    try:
        return predict_span(sent)
    except ResourceError:
        return None


def _code_frame(
    frame: Frame, sent: Span, index: int, ctx: DocContext, lex: Lexicon, triggers: set[int]
) -> Candidate:
    doc = ctx.document
    text = masked_text(sent, frame.tokens)
    base = sent.start_char
    trig = (frame.trigger.idx - base, frame.trigger.idx - base + len(frame.trigger.text))

    ents = [(e.start_char - base, e.end_char - base, e.label_) for e in sent.ents]
    location: Location | None = ctx.geocoder.event_location(
        text, trig, ctx.geo, ents=ents, full_text=sent.text
    )

    actor = _resolve(frame.actor_heads, ctx)
    recipient = _resolve(frame.recipient_heads, ctx)
    if (recipient is None or recipient.sector is None) and frame.victims:
        victim = _resolve(frame.victims, ctx)  # "struck a store, killing 12 people"
        if victim is not None and victim.sector is not None:
            recipient = victim
    # a force pulling out of a town has an other side; a state recalling an envoy has none
    armed = actor is not None and actor.sector in ("MIL", "REB", "PRM", "UAF", "COP")
    fight = (frame.event_type == "ASSAULT" and frame.mode != "crowd-control") or (
        frame.event_type == "RETREAT" and armed
    )
    if fight or (frame.event_type, frame.mode) == ("COERCE", "seize"):
        # the actor's allies ("M23 rebels and Rwandan troops seized ...") are no other side
        own = {t.i for h in (*frame.actor_heads, *frame.assoc_heads) for t in noun_phrase(h)}
        if frame.attribution is not None:  # "according to local officials": the source, no side
            root = frame.attribution.root
            own |= set(range(root.left_edge.i, root.right_edge.i + 1))
        recipient = actors.fight_recipient(recipient, actor, sent, own | frame.anchors, frame.anchors)
        actor, recipient = actors.communal_sides(actor, recipient, sent, frame.anchors)
    assoc = [a for a in (_resolve([h], ctx) for h in frame.assoc_heads) if a is not None]

    counts = casualties.extract_casualties(text, trigger=trig)
    # a date in a background clause ("since fighting began in April") is not this event's
    own = frame.tokens - background_tokens(sent, frame.trigger, triggers) - update_tokens(sent, frame.trigger)
    own -= _told(frame, triggers) | comparison_tokens(sent, frame.trigger)
    if when.find_date_expressions(masked_text(sent, own & frame.owned)):
        # "Ukraine on Monday mourned the 16 killed when bombs hit a market on Saturday": a date
        # under the event's own words beats one the sentence's other clauses share
        own &= frame.owned
    own_text = masked_text(sent, own)
    edate = _event_date(own_text, doc.published, frame)
    if edate.text and edate.text in own_text:
        at = own_text.index(edate.text)
        spoken = _as_spoken(edate.text, sent, at)
        # "said on Monday it had delivered food last week": the event's own words win over the
        # day the source spoke
        rest = own_text[:at] + " " * len(edate.text) + own_text[at + len(edate.text) :]
        other = _event_date(rest, doc.published, frame) if spoken != edate.text else None
        if other is not None and other.text and other.precision in ("day", "week"):
            edate = other
        else:
            edate = edate.model_copy(update={"text": spoken})

    if frame.quad_class == 4 and frame.event_type not in ("PROTEST", "SANCTION"):
        actor, recipient = _as_forces(actor), _as_forces(recipient)
    if frame.event_type == "ASSAULT" and frame.weapon is not None and actor is not None:
        actor = _armed_individual(actor, frame.weapon.weapon)

    fact = factuality(frame)
    if fact in ("asserted", "reported") and (
        is_historical(edate, doc.published) or (not _own_day(edate, frame) and is_background(frame.trigger))
    ):
        fact = "historical"
    event_country = location.country if location else None
    fatalities = counts.killed
    coded = casualties.coded_toll(sent.text) or _coded_after(sent)
    if coded is not None:
        fatalities = casualties.with_coded(fatalities, coded)
    cues = (
        lex.cues_in(sent)
        if frame.event_type in ("PROTEST", "COERCE", "RETREAT", "AGREE")
        else (lex.cues_in(sent[_own_window(frame, sent)]))
    )
    if fatalities is not None and (fatalities.best or 0) > 0:
        cues.add("lethal")
    actor, recipient = _acled_roles(frame, actor, recipient, cues, sent, ctx)
    if event_country:  # "Civilians (Country)": a role without a nationality is local
        material = frame.quad_class == 4
        actor = _localise(actor, event_country, material)
        recipient = _localise(recipient, event_country, material)
    fought = event_country if frame.quad_class == 4 else None  # a truce signed abroad is no fight there
    inter1 = actors.inter_code(actor, event_country=fought) if actor else None
    inter2 = actors.inter_code(recipient, event_country=fought) if recipient else None
    event_type, mode = frame.event_type, frame.mode
    if mode is None:  # "threatened further attacks": the mode the object gives
        mode = object_mode(event_type, frame.predicate, sent, lex)
    unilateral = recipient is None and not assoc and not _sides(actor)
    if event_type == "AGREE" and mode == "ceasefire" and unilateral:
        event_type = "CONCEDE"  # one party declaring a ceasefire is a concession, not an agreement
    event_type, mode, fact = _promises_and_threats(event_type, mode, fact, frame, actor)
    event_type, mode = _by_who_acts(event_type, mode, actor)
    weapon = frame.weapon.weapon if frame.weapon else None
    acled = code_acled(event_type, mode, weapon, inter1, inter2, cues)
    if fact in ("future", "hypothetical", "negated"):
        acled = None  # ACLED codes events that happened
    if actor is not None and inter1 is not None:
        actor = actor.model_copy(update={"inter": inter1})
    if recipient is not None and inter2 is not None:
        recipient = recipient.model_copy(update={"inter": inter2})

    evidence = sentence_evidence(doc, sent)
    event = Event(
        id=event_id(doc.id, evidence.start, evidence.end, event_type, frame.trigger.idx),
        event_type=event_type,
        mode=mode,
        quad_class=QUAD_CLASS[event_type],
        cameo=_final_cameo(frame, event_type, mode),
        acled=acled,
        actor=actor,
        recipient=recipient,
        assoc_actors=assoc,
        date=edate.date,
        date_precision=edate.precision,
        date_text=edate.text,
        location=location,
        fatalities=fatalities if counts_deaths(event_type) else None,
        injured=counts.injured,
        materiel=list(counts.materiel),
        attributed_to=frame.attribution.text if frame.attribution is not None else None,
        factuality=fact,
        trigger=frame.trigger.text,
        evidence=evidence,
        confidence=0.5,
    )
    return Candidate(event=event, frame_sentence=index, weapon=weapon, cues=cues)


def sentence_evidence(doc: Document, sent: Span) -> Evidence:
    """The sentence an event is read from, without trailing whitespace, as evidence offsets."""
    start, end = sent.start_char, sent.end_char
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(doc_id=doc.id, sentence=doc.text[start:end], start=start, end=end)


def _final_cameo(frame: Frame, event_type: str, mode: str | None) -> str | None:
    """The trigger's CAMEO code, made specific by the event's final mode ("agreed to a ceasefire":
    0871); a relabelled event starts from its type's general code."""
    base = cameo_code(frame) if event_type == frame.event_type else _CAMEO_OF.get(event_type, "")
    weapon = frame.weapon.weapon if frame.weapon else ""
    return specific_cameo(event_type, mode, weapon, base) or None


# "the two sides", "both parties", "the warring factions": one subject that names several parties
_SIDES = re.compile(r"\b(?:two|both|all|warring|rival)\b|\b(?:sides|parties)\b", re.I)


def _sides(actor: Actor | None) -> bool:
    return actor is not None and bool(_SIDES.search(actor.text))


_CAMEO_OF = {"AGREE": "030", "THREATEN": "130", "ACCUSE": "111", "COERCE": "1712", "PROTEST": "144"}
_THREAT_MODES = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}
_COOPERATIVE = {"RETREAT", "AID", "COOPERATE", "CONSULT", "CONCEDE"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}


def _own_statement(frame: Frame, actor: Actor | None) -> bool:
    """True when the party that will act is the one saying so (a promise or a threat), not a
    third party speculating about it ("experts warned the junta might use ...")."""
    if frame.attribution is None:
        return True
    speaker = actors.resolve_actor(frame.attribution.text)
    if actor is None or speaker is None or not speaker.country:
        # "the rebels said they will ...": no country to compare, the pronoun (or the speaker
        # it was resolved to) says who
        span = frame.attribution
        return any(
            t.lower_ in ("it", "they", "we", "he", "she") or span.start <= t.i < span.end
            for t in frame.actor_heads
        )
    return bool(speaker.country and speaker.country == actor.country)


def _promises_and_threats(event_type: str, mode: str | None, fact: str, frame: Frame, actor):
    """PLOVER codes what a party says it will do: a promise is AGREE, a threat is THREATEN."""
    pred = frame.light_verb or frame.predicate
    if fact != "future" or not _own_statement(frame, actor) or pred.dep_ in ("acl", "advcl"):
        return event_type, mode, fact  # a purpose ("a force to fight militants") is no pledge
    conditional = any(
        c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children) for c in pred.children
    )
    said = "reported" if frame.attribution is not None else "asserted"
    if event_type in _THREAT_MODES or (conditional and event_type in _COOPERATIVE | {"MOBILIZE"}):
        return "THREATEN", _THREAT_MODES.get(event_type, "violence" if conditional else None), said
    if fact == "future" and event_type in _COOPERATIVE:
        return "AGREE", None, said
    return event_type, mode, fact


def _by_who_acts(event_type: str, mode: str | None, actor: Actor | None):
    """The same words are a protest by a crowd and a coercive act, or a complaint, by a state."""
    if actor is None:
        return event_type, mode
    state_like = actor.sector in _STATE_SECTORS or actor.country in ("IGO", "UNO", "NGO")
    crowd = actor.inter in (5, 6, 7)
    if event_type == "PROTEST" and mode == "obstruct" and state_like:
        return "COERCE", "restrict"
    if event_type == "PROTEST" and mode == "demo" and state_like and actor.sector != "MIL":
        return "ACCUSE", "disapprove"
    if event_type == "COERCE" and mode == "restrict" and crowd:
        return "PROTEST", "obstruct"
    if event_type == "ASSAULT" and mode in ("destroy", "vandalize") and actor.inter in (5, 6):
        return "PROTEST", "riot"  # "demonstrators set fire to a police post": a riot
    return event_type, mode


_CROWD_INTER = {7, None}


@lru_cache(maxsize=1)
def _protest_lemmas() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv("event_cues.tsv") if r["cue"] == "protest")


def _mentions_protest(sent: Span) -> bool:
    """A protest word that is not a date ("On 2 March 2024" is no march)."""
    words = _protest_lemmas()
    return any(t.lemma_.lower() in words and t.ent_type_ not in ("DATE", "TIME") for t in sent)


_UNIDENTIFIED = "Unidentified Armed Group"


def _unidentified_attacker(frame: Frame) -> Actor | None:
    """ACLED codes an attack by no named side as by an unidentified armed group (inter 3). Its
    country stays open so that a claim or the reporting state can still name the attacker."""
    if frame.event_type != "ASSAULT" or frame.mode == "crowd-control":
        return None
    return Actor(text="unidentified armed group", name=_UNIDENTIFIED, sector="UAF", inter=3)


# "an improvised explosive device exploded at a bus stop": the weapon is the grammatical subject
# and names no one; ACLED's attacker is then an unidentified armed group
_WEAPON_SUBJECT = re.compile(
    r"\b(?:bombs?|devices?|explosives?|ieds?|(?:land)?mines?|grenades?|rockets?|shells?|missiles?|mortars?)$",
    re.I,
)


def _weapon_as_subject(actor: Actor) -> bool:
    return actor.name is None and actor.inter is None and bool(_WEAPON_SUBJECT.search(actor.text.strip()))


def _acled_roles(frame: Frame, actor, recipient, cues: set[str], sent: Span, ctx):
    """ACLED's conventions for demonstrations: the crowd is protesters (6) or rioters (5), and
    the police that intervene are the second actor even when the sentence's grammar hides them."""
    if frame.event_type == "ASSAULT" and frame.mode == "crowd-control":
        if (
            recipient is not None
            and recipient.inter in _CROWD_INTER
            and recipient.sector not in _STATE_SECTORS
        ):
            recipient = recipient.model_copy(update={"inter": 6})  # the crowd dispersed: protesters
        return actor, recipient
    if actor is None or _weapon_as_subject(actor):
        actor = _unidentified_attacker(frame) or actor
    protest = "protest" in cues and _mentions_protest(sent)
    if frame.event_type == "ASSAULT" and protest and recipient is not None and (
        recipient.inter == 7 and recipient.sector not in _STATE_SECTORS
    ):
        recipient = recipient.model_copy(update={"inter": 6})  # "fired on workers protesting"
    if frame.event_type == "ASSAULT" and actor is not None and actor.inter == 6:
        actor = actor.model_copy(update={"inter": 5})  # a crowd that attacks is rioters
    if frame.event_type != "PROTEST":
        if (
            frame.event_type == "COERCE"
            and frame.mode == "arrest"
            and recipient is not None
            and recipient.inter is None
            and recipient.sector not in _STATE_SECTORS
        ):
            recipient = recipient.model_copy(update={"inter": 7})  # people arrested are civilians
        if (
            frame.event_type == "COERCE"
            and frame.mode == "arrest"
            and protest
            and recipient is not None
            and recipient.inter in _CROWD_INTER
            and recipient.sector not in _STATE_SECTORS
        ):
            recipient = recipient.model_copy(update={"inter": 6})  # arrested at a march: protesters
        return actor, recipient
    crowd_inter = 5 if frame.mode in ("riot", "vandalize") or "protest_violence" in cues else 6
    if actor is not None and actor.inter in _CROWD_INTER and actor.sector not in _STATE_SECTORS:
        actor = actor.model_copy(update={"inter": crowd_inter})
    elif actor is None:
        actor = Actor(
            text="protesters",
            name="Protesters",
            country=ctx.geo.countries[0] if ctx.geo.countries else None,
            sector="CVL",
            inter=crowd_inter,
        )
    # "marching against a mine project": a grievance is not a party; the police who intervene are
    if (recipient is None or recipient.sector is None) and cues & {"intervention", "lethal_force"}:
        for chunk in sent.noun_chunks:
            found = actors.resolve_actor(chunk.text)
            if found is not None and found.sector in ("COP", "MIL") and found.inter == 1:
                if found.country is None and ctx.geo.countries:
                    found = found.model_copy(update={"country": ctx.geo.countries[0]})
                recipient = found
                break
    return actor, recipient


def _localise(actor: Actor | None, country: str, material: bool = True) -> Actor | None:
    """An unnamed role ("gunmen", "three civilians") belongs to where a violent event happened,
    not to the document's first-named country ("Russian shelling killed three civilians in
    Kherson"); a statement's place says less (it is often the speaker's capital)."""
    if actor is None or actor.sector is None or actor.country == country or actor.name == _UNIDENTIFIED:
        return actor
    if actor.country is not None:
        if not material:
            return actor
        own = actors.resolve_actor(actor.text)  # without context: does the phrase name a country?
        if own is None or own.country is not None:
            return actor
    return actor.model_copy(update={"country": country})


def _armed_individual(actor: Actor, weapon: str | None) -> Actor:
    """'A man threw a grenade': an armed attacker is an unidentified armed actor, not a civilian.
    Residents who beat or burn someone with sticks and fire are a mob (ACLED: rioters), not an
    armed group."""
    mob = weapon in _MOB_WEAPONS and not re.match(r"(?:an?|one)\s", actor.text, re.I)
    if actor.sector == "CVL" and actor.inter == 7 and not mob:
        return actor.model_copy(update={"sector": "UAF", "inter": 3})
    return actor


_MOB_WEAPONS = frozenset({"melee", "arson"})
_STATE_NOUNS = frozenset({"government", "regime", "authorities", "authority", "administration", "junta"})


@lru_cache(maxsize=1)
def _counted() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:at\s+least|some|about|around|more\s+than)\s+)?{number_pattern()}\s", re.I)


def _as_forces(actor: Actor | None) -> Actor | None:
    """A state named as a side in fighting ("Turkey attacked", "Syrian airstrikes") is its military."""
    if actor is None or actor.country is None or len(actor.country) != 3:
        return actor
    if actor.country in INTERNATIONAL:
        return actor
    if actor.sector is None and _counted().match(actor.text):
        # "arresting 15 Palestinians", "killing two Israelis": counted people, not a state's forces
        return actor.model_copy(update={"sector": "CVL", "inter": 7})
    bare = actor.sector is None and actor.name is not None and len(actor.text.split()) <= 2
    # the state itself ("Turkey", "government artillery"), not one of its office-holders ("a mayor")
    name = actor.name or ""
    head = actor.text.split()[-1:]
    holder = bool(head) and casualties.names_one_person(head[0])  # "the security minister"
    state = actor.sector == "GOV" and (name[:1].isupper() or name in _STATE_NOUNS) and not holder
    if state and _counted().match(actor.text):
        return actor  # "detained two Russian diplomats": counted office-holders, not an army
    if (bare or state) and actor.inter in (None, 1):
        country_name = actor.name.removeprefix("Government of ") if actor.name else actor.country
        return actor.model_copy(
            update={
                "sector": "MIL",
                "inter": 1,
                "name": f"Military Forces of {country_name}",
            }
        )
    return actor


def _own_window(frame: Frame, sent: Span) -> slice:
    idx = sorted(i - sent.start for i in frame.tokens)
    return slice(idx[0], idx[-1] + 1) if idx else slice(0, len(sent))


def _coded_after(sent: Span):
    """"JNIM attacked a FAMa post near Boni. Fatalities coded as 5.": the toll an ACLED note
    states in a sentence of its own belongs to the event told just before it."""
    if sent.end >= len(sent.doc):
        return None
    return casualties.note_toll(sent.doc[sent.end].sent.text)


def counts_deaths(event_type: str) -> bool:
    """True for the event types whose records carry a death toll."""
    return event_type in ("ASSAULT", "PROTEST", "COERCE")


def resolve_role(head, ctx: DocContext) -> Actor | None:
    """The actor a role's head token names, read in the document's context."""
    return _resolve([head], ctx)


def _resolve(heads, ctx: DocContext) -> Actor | None:
    """The actor a role's head names. When the noun phrase alone says too little, try it through
    the document's own acronyms ("FAMa aircraft"), with its "in"/"of" phrase ("the Islamic
    Resistance in Iraq"), and as a short reference to an earlier full mention ("the Ministry" after
    "the Ministry of Foreign Affairs of Ukraine"), keeping the text as written. A country the text
    does not give comes from the document (``_localise`` later prefers the event's place)."""
    if not heads:
        return None
    phrase = noun_phrase(heads[0]).text
    context = ctx.geo.countries[0] if ctx.geo.countries else None
    resolved = actors.resolve_actor(phrase)
    if resolved is not None and resolved.country is not None and resolved.sector is not None:
        return resolved
    earlier = _earlier_mention(heads[0]) or _title_mention(heads[0], ctx.document.title)
    sectorless = resolved is None or resolved.sector is None
    for longer in (expand(phrase, ctx.acronyms), _with_of_phrase(heads[0]), _apposition(heads[0]), earlier):
        detail = actors.resolve_actor_detail(longer) if longer else None
        found = detail.actor if detail is not None else None
        if found is None or found.sector is None or _only_a_place(detail.evidence):  # type: ignore[union-attr]
            continue  # "a shopkeeper in Bangladesh's Lalmonirhat": where the person is, not who
        if found.country is not None:
            return found.model_copy(update={"text": phrase})
        if sectorless:  # "Salcedo" after "opposition politician Rafael Salcedo": who he is
            return found.model_copy(update={"text": phrase, "country": context})
    tied = _tied_to(heads[0])
    if tied is not None and (resolved is None or resolved.country is None):
        base = resolved or Actor(text=phrase)
        return base.model_copy(update={"country": tied})
    resolved = actors.resolve_actor(phrase, context_country=context)
    if resolved is None and names_a_thing(words(phrase)):
        return None  # "on Twitter", "Video captured ...": a medium or a thing is no party
    return resolved if resolved is not None else Actor(text=phrase)


_DEFINITE = frozenset({"the", "this", "that"})


def _apposition(head) -> str | None:
    """'the Carlos Patino front, a faction of the FARC dissidents': what the apposition says it is."""
    appos = next((c for c in head.children if c.dep_ == "appos"), None)
    if appos is None:
        return None
    return head.doc[appos.left_edge.i : appos.right_edge.i + 1].text


def _earlier_mention(head) -> str | None:
    """The last earlier noun phrase of the document with the same head word, for a short
    definite reference ("the ministry", "the group"): the full name it stands for."""
    words = noun_phrase(head)
    if all(t.pos_ == "PROPN" for t in words) and len(words) <= 2:
        return _earlier_name(words)
    if len(words) > 2 or words[0].lower_ not in _DEFINITE:
        return None
    doc = head.doc
    for chunk in reversed(list(doc[: words.start].noun_chunks)):
        if chunk.root.lemma_.lower() != head.lemma_.lower():
            continue
        longer = _with_of_phrase(chunk.root) or (chunk.text if len(chunk) > len(words) else None)
        if longer is not None:
            return longer
    return None


def _earlier_name(words) -> str | None:
    """A surname used after the full introduction ("opposition politician Rafael Salcedo ...
    Salcedo denied"): the earlier phrase that ends with it, with its title."""
    name = words.text
    for chunk in reversed(list(words.doc[: words.start].noun_chunks)):
        if chunk.text != name and chunk.text.endswith(name) and len(chunk) > len(words):
            return chunk.text
    return None


def _title_mention(head, title: str | None) -> str | None:
    """A short definite reference to the body named in full in the headline ("Statement of the
    Ministry of Foreign Affairs of Ukraine on ..."): the longest stretch of the title from the
    head word that names an actor with a country."""
    words = noun_phrase(head)
    if not title or len(words) > 2 or words[0].lower_ not in _DEFINITE:
        return None
    tail = re.split(rf"\b{re.escape(head.text)}\b", title, maxsplit=1, flags=re.I)
    if len(tail) < 2:
        return None
    rest = tail[1].split()[:8]
    for n in range(len(rest), -1, -1):
        candidate = " ".join([head.text, *rest[:n]])
        found = actors.resolve_actor(candidate)
        if found is not None and found.country is not None:
            return candidate
    return None


def _only_a_place(evidence: list[str]) -> bool:
    """The resolution rests on a place name alone, not on a group, office or person."""
    return bool(evidence) and all(kind in PLACE_KINDS or kind == "city" for kind in evidence)


def _tied_to(head) -> str | None:
    """The country a participle ties the noun to: "vessels linked to Israel", "ships owned by
    Israeli firms", "fighters loyal to Russia"."""
    for link in head.children:
        if link.dep_ not in ("acl", "amod") or link.tag_ not in ("VBN", "VBG", "JJ"):
            continue
        for prep in (c for c in link.children if c.dep_ in ("prep", "agent")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = actors.resolve_actor(noun_phrase(obj).text)
                if found is not None and found.country and found.country not in INTERNATIONAL:
                    return found.country
    return None


def _with_of_phrase(head) -> str | None:
    """The noun phrase with its first "in"/"of" attachment: "the Islamic Resistance in Iraq"."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")), None)
    if prep is None:
        return None
    start = noun_phrase(head).start
    return head.doc[start : prep.right_edge.i + 1].text


def _event_date(text: str, published: dt.date | None, frame: Frame) -> EventDate:
    future = any(c.lower_ in ("will", "'ll", "shall") for c in frame.predicate.children)
    tense = "future" if future or factuality(frame) == "future" else None
    if frame.event_type in ("AGREE", "CONCEDE"):
        # "agreed a six-month ceasefire with the ELN, starting August 3": the day the deal
        # starts or ends is one of its terms, not the day it was agreed
        text = _TERM_DAY.sub(lambda m: " " * len(m.group(0)), text)
    found = report_date(text, published, tense=tense)
    told_as_past = frame.predicate.tag_ in ("VBD", "VBN")
    if tense is None and told_as_past and found.date and published and found.date > published + _ONE_DAY:
        # "agreed to continue the talks next month": a later date is the agreed act's, not the agreeing's
        return report_date("", published)
    return found


_ONE_DAY = dt.timedelta(days=1)
_TERM_DAY = re.compile(
    r"\b(?:starting|beginning|effective|until|till|through|expiring|ending)\s+(?:on\s+|from\s+)?"
    r"(?:\w+\s+){0,2}?\w*\d\w*(?:,?\s+\d{4})?",
    re.I,
)


def report_date(text: str, published: dt.date | None, *, tense: str | None = None) -> EventDate:
    """The date the text gives, else (an undated event in a news report) the report's week."""
    found = when.resolve_date(text, published, tense=tense)
    if found.date is not None or found.warning:
        return found
    if published is None:
        return EventDate(warning="no date in the text and no publication date")
    # An undated event in a news report happened around the report: the week is honest.
    return EventDate(date=published, precision="week", text=None)


def _own_day(edate: EventDate, frame: Frame) -> bool:
    """The event word's own phrase gives its day ("the attack on Monday")."""
    if not edate.text or edate.precision != "day":
        return False
    trigger = frame.trigger
    phrase = trigger.doc[trigger.left_edge.i : trigger.right_edge.i + 1].text
    return edate.text in phrase


def is_historical(edate: EventDate, published: dt.date | None) -> bool:
    """True when the event lies more than a year before the report."""
    if edate.date is None or published is None:
        return False
    return (published - edate.date).days > 365


def _governing_frame(frame: Frame, pred_index: dict[int, int]) -> tuple[int | None, int | None]:
    """The nearest frame above this one in the parse, as (that frame, or None if coordinated)."""
    tok = frame.predicate
    for _ in range(6):
        if tok.head.i == tok.i:
            return None, None
        dep, tok = tok.dep_, tok.head
        if tok.i in pred_index:
            return pred_index[tok.i], (pred_index[tok.i] if dep == "conj" else None)
    return None, None


def _share_coordinate_places(cands: list[Candidate]) -> None:
    """'the ministers met in Niamey and agreed to set up a joint force': one subject's coordinated
    acts share the place the first one names, when the second names none."""
    for cand in cands:
        if cand.coordinate_to is None:
            continue
        first = cands[cand.coordinate_to]
        if cand.event.location is None and first.event.location is not None:
            cand.event = _placed(cand.event, first.event.location)
        elif first.event.location is None and cand.event.location is not None:
            # "attacked and looted shops in Pinetown": the place hangs on the last verb
            first.event = _placed(first.event, cand.event.location)


def _placed(event: Event, place: Location) -> Event:
    """The event at a place its sentence gives it late, with its unnamed sides of that place."""
    update: dict = {"location": place}
    if place.country:
        material = event.quad_class == 4
        update["actor"] = _localise(event.actor, place.country, material)
        update["recipient"] = _localise(event.recipient, place.country, material)
    return event.model_copy(update=update)


def _inherit_subordinate_dates(cands: list[Candidate]) -> None:
    """'fired tear gas late Saturday and detained 31': the detentions share Saturday; '... on
    Sunday after airstrikes killed 34': the airstrikes were on or before that Sunday (week)."""
    for cand in cands:
        if cand.event.date_text:
            continue
        link = cand.coordinate_to if cand.coordinate_to is not None else cand.subordinate_to
        if link is None:
            continue
        main = cands[link].event
        if main.date is None or not main.date_text:
            dated = [c.event for c in cands if c.event.date_text and c.event.date]
            if not dated:
                continue
            main = dated[0]
        precision = main.date_precision if cand.coordinate_to is not None else "week"
        cand.event = cand.event.model_copy(
            update={"date": main.date, "date_precision": precision, "date_text": main.date_text}
        )
        cand.date_inherited = True
