"""Event frames: which words in a parsed sentence signal an event, and who does it to whom.

A frame is one event candidate in one sentence: its trigger (from event_triggers.tsv), the
predicate whose arguments give its roles, the noun triggers merged into it ("Drone strikes ...
killed ... in fighting" is one assault, not three), its actor and recipient heads, the report it
is attributed to, and the tokens it owns (so later stages read numbers, dates and places from
its own clause only).

Role rules follow PLOVER: active subject → actor, object → recipient; passive agent → actor,
passive subject → recipient; "attack on X" / "clashes with X" → recipient X; an instrument as
subject ("Syrian airstrikes killed ...") gives its nationality modifier as the actor.

Example:
    >>> # frames = find_frames(nlp("Gunmen killed 12 villagers in Zamfara.")[:], Lexicon.load())
    >>> # frames[0].event_type, frames[0].actor_heads[0].text  -> ("ASSAULT", "Gunmen")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.events.lexicon import QUAD_CLASS, Lexicon, ModeCue, TriggerRow, token_lemma
from eventwire.resources import read_tsv

_SUBJ = ("nsubj", "csubj")
_RECIPIENT_PREPS = {"on", "against", "at", "into", "with", "upon", "targeting", "toward", "towards"}
# verbal and diplomatic events take their counterpart with fewer prepositions ("met with X",
# "called on X", "appealed to X"), never "at" or "into" (those are places)
_VERBAL_RECIPIENT_PREPS = {"with", "on", "to", "against"}
_REL_PRONOUNS = {"that", "which", "who", "whom"}
_ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
_PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our"}
_NP_DEPS = {
    "det",
    "amod",
    "compound",
    "poss",
    "case",
    "nummod",
    "quantmod",
    "nmod",
    "npadvmod",
    "flat",
    "nn",
    "advmod",
    "prep",
    "pobj",
    "punct",
    "predet",
}
_CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "compound", "amod"}
_VERBAL_TYPES = {
    "REQUEST",
    "THREATEN",
    "REJECT",
    "ACCUSE",
    "SUPPORT",
    "AGREE",
    "CONCEDE",
    "CONSULT",
}


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv("attribution_verbs.tsv"))


@dataclass
class Frame:
    """One event candidate in one sentence."""

    trigger: Token
    row: TriggerRow
    predicate: Token
    light_verb: Token | None = None
    instruments: list[Token] = field(default_factory=list)
    victims: list[Token] = field(default_factory=list)
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    assoc_heads: list[Token] = field(default_factory=list)
    attribution: Span | None = None
    speech_verb: Token | None = None
    speech_verb_subject: Token | None = None
    event_type: str = ""
    mode: str | None = None
    cameo: str = ""
    weapon: ModeCue | None = None
    suppressed: bool = False
    tokens: set[int] = field(default_factory=set)

    @property
    def quad_class(self) -> int:
        return QUAD_CLASS[self.event_type]

    @property
    def anchors(self) -> set[int]:
        """Token indices that belong to this frame's own structure."""
        idx = {self.trigger.i, self.predicate.i} | {t.i for t in self.instruments}
        if self.light_verb is not None:
            idx.add(self.light_verb.i)
        return idx


def find_frames(sent: Span, lex: Lexicon) -> list[Frame]:
    """All event frames of a parsed sentence, roles filled, content-of-speech frames dropped."""
    matches = _match_triggers(sent, lex)
    verbs = [(tok, row) for tok, row in matches if _is_verbal(tok)]
    nouns = [(tok, row) for tok, row in matches if not _is_verbal(tok)]
    frames = _merge_participles([_new_frame(tok, row, tok) for tok, row in verbs])
    by_pred = {f.predicate.i: f for f in frames}
    for tok, row in nouns:
        host = _host_frame(tok, row, by_pred)
        if host is not None:
            _merge_instrument(host, tok, row)
            continue
        light = _light_verb_of(tok, lex)
        if light is not None:
            frame = _new_frame(tok, row, light)
            frame.light_verb = light
            if light.i in by_pred:  # "signed an agreement": the verb frame already covers it
                _merge_instrument(by_pred[light.i], tok, row)
                continue
            frames.append(frame)
            by_pred[light.i] = frame
            continue
        if _is_anaphoric(tok) or tok.dep_ == "compound":
            continue
        frame = _new_frame(tok, row, tok)
        frames.append(frame)
        by_pred[tok.i] = frame
    for frame in frames:
        if frame.trigger.tag_ == "MD":  # "Libya must hand over the suspects": a demand on Libya
            frame.predicate = frame.trigger.head
    for frame in frames:
        _fill_roles(frame)
        _fill_attribution(frame, sent)
        frame.weapon = lex.weapon_cue(_frame_phrase_tokens(frame))
        # a weapon named in the sentence says more than a generic fighting word does
        generic = frame.mode in (None, "firearms")
        if frame.event_type == "ASSAULT" and generic and frame.weapon is not None:
            frame.mode = frame.weapon.mode
    for frame in frames:
        if (
            frame.event_type in ("AGREE", "CONCEDE")
            and frame.mode is None
            and any(t.lemma_.lower() in _CEASEFIRE_WORDS for t in frame.predicate.subtree)
        ):
            frame.mode, frame.cameo = "ceasefire", "0871"
    _modal_demands(frames)
    _suppress_content(frames)
    _suppress_purposes(frames)
    _suppress_descriptions(frames)
    kept = [f for f in frames if not f.suppressed]
    _assign_tokens(kept, sent)  # after suppression: a dropped frame's words serve its host
    return kept


def noun_phrase(tok: Token) -> Span:
    """The noun phrase headed by ``tok``, without relative clauses, appositions or conjuncts."""
    keep = {tok.i}

    def walk(t: Token) -> None:
        for c in t.children:
            if c.dep_ not in _NP_DEPS:
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "from"):
                continue
            if c.dep_ == "punct" and c.text not in "-'’":
                continue
            keep.add(c.i)
            walk(c)

    walk(tok)
    lo, hi = min(keep), max(keep)
    doc = tok.doc
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1]


# ---- trigger matching and merging -------------------------------------------------------


def _match_triggers(sent: Span, lex: Lexicon) -> list[tuple[Token, TriggerRow]]:
    out = []
    i = 0
    while i < len(sent):
        found = lex.match_trigger(sent, i)
        if found is None:
            i += 1
            continue
        row, length = found
        out.append((_span_root(sent[i : i + length]), row))
        i += length
    return out


def _is_verbal(tok: Token) -> bool:
    """A verb heading its own clause; a gerund used as a noun ("in fighting") is nominal."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return not (tok.tag_ == "VBG" and tok.dep_ in ("pobj", "nsubj", "dobj", "compound"))


_PARTICIPLE_DEPS = ("advcl", "conj", "xcomp", "acl", "ccomp")


def _merge_participles(frames: list[Frame]) -> list[Frame]:
    """'Gunmen attacked a mosque, killing four': the killing is the attack's outcome, not a
    second event; likewise 'fought militants, and 15 militants were killed'."""
    by_pred = {f.predicate.i: f for f in frames}
    kept = []
    for f in frames:
        pred = f.predicate
        host = by_pred.get(pred.head.i) if pred.head.i != pred.i else None
        participle = pred.tag_ == "VBG" and pred.dep_ in ("advcl", "conj", "xcomp")
        agentless = (
            pred.dep_ in _PARTICIPLE_DEPS
            and not any(c.dep_ in ("nsubj", "agent") for c in pred.children)
            and any(c.dep_ == "nsubjpass" for c in pred.children)
        )
        if host is None:  # "..., and the army said 15 militants were killed"
            up = pred.head
            if up.dep_ == "conj" or pred.dep_ == "ccomp":
                host = by_pred.get(up.head.i) if pred.dep_ == "ccomp" else None
        if (
            host is not None
            and host is not f
            and host.event_type == f.event_type
            and (participle or agentless)
        ):
            host.instruments.append(pred)
            host.victims.extend(c for c in pred.children if c.dep_ in ("dobj", "nsubjpass"))
            continue
        kept.append(f)
    return kept


def _span_root(span: Span) -> Token:
    """The token of a multiword trigger that the parse attaches outside it ("cease-fire" → fire)."""
    for tok in span:
        if not (span.start <= tok.head.i < span.end) or tok.head.i == tok.i:
            return tok
    return span[0]


def _new_frame(trigger: Token, row: TriggerRow, predicate: Token) -> Frame:
    return Frame(
        trigger=trigger,
        row=row,
        predicate=predicate,
        event_type=row.event_type,
        mode=row.mode,
        cameo=row.cameo,
    )


def _host_frame(noun: Token, row: TriggerRow, by_pred: dict[int, Frame]) -> Frame | None:
    """The verb frame a noun trigger is an argument or instrument of, if compatible."""
    candidates = []
    if noun.head.i in by_pred and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "conj"):
        candidates.append(by_pred[noun.head.i])
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent") and noun.head.head.i in by_pred:
        candidates.append(by_pred[noun.head.head.i])
    for child in noun.children:  # "an attack that killed a soldier"
        if child.dep_ in ("relcl", "acl") and child.i in by_pred:
            candidates.append(by_pred[child.i])
    for frame in candidates:
        if frame.event_type == row.event_type:
            return frame
    return None


def _merge_instrument(frame: Frame, noun: Token, row: TriggerRow) -> None:
    frame.instruments.append(noun)
    if row.mode and (frame.mode is None or frame.row.pos == "VERB" and not frame.row.mode):
        frame.mode = row.mode
        frame.cameo = row.cameo


def _light_verb_of(noun: Token, lex: Lexicon) -> Token | None:
    head = noun.head
    sent = head.doc[head.sent.start : head.sent.end]
    verbal_head = noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX")
    if verbal_head and lex.is_light_verb(sent, head.i - head.sent.start):
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ == "VERB":
        return head.head  # "came under attack"
    if noun.dep_ == "pobj" and head.lower_ == "on" and token_lemma(head.head) == "go":
        return head.head  # "went on strike"
    return None


def _is_anaphoric(noun: Token) -> bool:
    """'the strikes' restating an event told earlier: no new participant, number or place."""
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if not dets or dets[0].lower_ not in _ANAPHORIC_DETS:
        return False
    informative = {"nummod", "amod", "compound", "prep", "relcl", "acl", "poss"}
    return not any(c.dep_ in informative for c in noun.children)


# ---- roles ------------------------------------------------------------------------------


def _fill_roles(frame: Frame) -> None:
    pred = frame.predicate
    if pred.pos_ in ("VERB", "AUX"):
        actor, recipient = _verb_roles(pred, material=frame.quad_class == 4)
        if frame.light_verb is not None:
            n_actor, n_recipient = _noun_roles(frame.trigger)
            actor = actor or n_actor
            if recipient is not None and recipient.i in {
                frame.trigger.i,
                *(t.i for t in frame.instruments),
            }:
                recipient = None
            recipient = n_recipient or recipient
    else:
        actor, recipient = _noun_roles(pred, material=frame.quad_class == 4)
    if actor is not None and (actor.i in {t.i for t in frame.instruments} or _is_instrument(actor, frame)):
        actor = _instrument_owner(actor)
    if actor is not None and actor.lower_ in _PRONOUNS:
        actor = _resolve_pronoun(actor, pred)
    if actor is None:
        for inst in frame.instruments:
            actor = _instrument_owner(inst)
            if actor is not None:
                break
    if actor is not None:
        frame.actor_heads = [actor]
        frame.assoc_heads = [c for c in actor.children if c.dep_ == "conj"]
    if recipient is not None and recipient.i in {frame.trigger.i, *(t.i for t in frame.instruments)}:
        recipient = None  # "signed an agreement": the agreement is the event, not a party
    if frame.event_type == "MOBILIZE":
        recipient = None  # the troops deployed are the actor's own
    if recipient is not None and recipient.lower_ in _PRONOUNS:
        recipient = _antecedent(recipient)
    if recipient is not None and _not_a_participant(recipient, frame):
        if _is_place(recipient):
            recipient = _prep_object(pred, {"from"})
        else:  # "imposed sanctions on X": the counterpart hangs off the event noun
            preps = _RECIPIENT_PREPS if frame.quad_class == 4 else _VERBAL_RECIPIENT_PREPS
            recipient = _prep_object(recipient, preps | {"to"} - {"with"}) or _prep_object(pred, preps)
            if recipient is not None and _not_a_participant(recipient, frame):
                recipient = None
    if recipient is None:
        recipient = next((v for v in frame.victims if not _not_a_participant(v, frame)), None)
    if recipient is not None:
        frame.recipient_heads = [recipient]
    two_sided = frame.event_type == "ASSAULT" and frame.row.mode == "firearms"
    symmetric = frame.event_type in ("AGREE", "CONSULT", "COOPERATE") or two_sided
    if symmetric and not frame.recipient_heads and frame.assoc_heads:
        frame.recipient_heads = [frame.assoc_heads.pop(0)]


_CEASEFIRE_WORDS = {"ceasefire", "cease", "truce", "armistice"}
_TIME_WORDS = {
    "fire",
    "shot",
    "shots",
    "round",
    "rounds",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "night",
    "evening",
    "afternoon",
    "day",
    "week",
    "month",
    "year",
    "hour",
    "himself",
    "herself",
    "themselves",
    "itself",
}


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in (
        "town",
        "city",
        "village",
        "area",
        "district",
        "region",
        "province",
        "control",
        "position",
        "base",
        "outpost",
        "camp",
        "port",
        "airport",
        "hill",
        "border",
        "territory",
        "county",
    )


def _not_a_participant(tok: Token, frame: Frame) -> bool:
    """Dates, places taken, reflexives and weapons are not recipients ("fired mortars at X")."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or tok.lower_ in _TIME_WORDS:
        return True
    if any(r.pos in ("NOUN", "ANY") for r in Lexicon.load().triggers_for(token_lemma(tok))):
        return True  # "signed an agreement", "held talks": the event itself, not a party
    if frame.event_type == "ASSAULT" and _is_place(tok) and tok.dep_ == "dobj":
        return True
    return frame.event_type == "ASSAULT" and _is_instrument(tok, frame)


def _antecedent(pron: Token) -> Token | None:
    """'pulled seven labourers off a bus and shot them': them = the labourers."""
    for tok in reversed(list(pron.doc[pron.sent.start : pron.i])):
        if tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def _verb_roles(pred: Token, material: bool = True) -> tuple[Token | None, Token | None]:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)
    actor = recipient = None
    if passive:
        for c in pred.children:
            if c.dep_ == "agent":
                actor = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "nsubjpass":
                recipient = c
    else:
        actor = _subject(pred)
        recipient = next((c for c in pred.children if c.dep_ in ("dobj", "dative")), None)
    if recipient is None or _is_weapon(recipient):
        preps = _RECIPIENT_PREPS if material else _VERBAL_RECIPIENT_PREPS
        recipient = _prep_object(pred, preps) or recipient
    if recipient is None and pred.dep_ in ("acl", "relcl") and passive is False and actor is None:
        recipient = None
    if passive and recipient is None and pred.dep_ in ("acl", "relcl"):
        recipient = pred.head  # "soldiers killed in the attack"
    return actor, recipient


def _is_weapon(tok: Token) -> bool:
    cue = Lexicon.load().weapon_cue(list(noun_phrase(tok)))
    return cue is not None and not cue.agent


def _noun_roles(noun: Token, material: bool = True) -> tuple[Token | None, Token | None]:
    actor = _prep_object(noun, {"by", "from"})
    recipient = _prep_object(noun, _RECIPIENT_PREPS if material else _VERBAL_RECIPIENT_PREPS)
    between = _prep_object(noun, {"between"})
    if between is None and noun.dep_ == "nsubj":  # "fighting broke out between X and Y"
        between = _prep_object(noun.head, {"between"})
    if between is not None:
        sides = [c for c in between.children if c.dep_ in ("nmod", "conj")]
        if sides and sides[0].i < between.i:  # "the army and M23 rebels": parsed as a modifier
            actor, recipient = sides[0], between
        else:
            actor = between
            recipient = next((c for c in between.children if c.dep_ == "conj"), recipient)
    if actor is None:
        actor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if actor is None:
        actor = _nationality_modifier(noun)
    return actor, recipient


def _subject(pred: Token) -> Token | None:
    tok = pred
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            if subj.lower_ in _REL_PRONOUNS and tok.dep_ in ("relcl", "acl"):
                return tok.head
            return subj
        if tok.dep_ in ("relcl", "acl") and tok.tag_ != "VBN":
            return tok.head
        if tok.dep_ not in ("xcomp", "conj", "advcl", "pcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _prep_object(tok: Token, preps: set[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _nationality_modifier(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ not in ("amod", "compound", "npadvmod"):
            continue
        if c.ent_type_ in ("NORP", "GPE") or (c.ent_type_ == "ORG" and _is_known_actor(c)):
            return c
    return None


def _is_known_actor(tok: Token) -> bool:
    """True when a word names a known group, organisation or state (not "Fierce" tagged ORG)."""
    from eventwire.actors.vocab import vocabulary

    vocab = vocabulary()
    return (tok.text,) in vocab.exact or (tok.lower_,) in vocab.folded


def _is_instrument(tok: Token, frame: Frame) -> bool:
    if frame.event_type != "ASSAULT":
        return False
    lex = Lexicon.load()
    cue = lex.weapon_cue([tok])
    return cue is not None and not cue.agent and tok.ent_type_ not in ("NORP", "GPE", "ORG", "PERSON")


def _instrument_owner(inst: Token) -> Token | None:
    """Who wielded an instrument: 'Syrian airstrikes', "Israel's strikes", 'strikes by X'."""
    owner = _prep_object(inst, {"by"})
    if owner is None:
        owner = next((c for c in inst.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = _nationality_modifier(inst)
    if owner is None:
        owner = next(
            (c for c in inst.children if c.dep_ in ("compound", "amod", "nmod") and _names_a_force(c)), None
        )
    if owner is None and inst.dep_ in ("dobj", "pobj"):  # "Al-Shabaab claimed the bombing"
        verb = inst.head if inst.dep_ == "dobj" else inst.head.head
        if verb.lemma_.lower() in ("claim", "carry", "conduct", "launch", "stage"):
            owner = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if owner is not None and owner.lower_ in _PRONOUNS:
        owner = _resolve_pronoun(owner, inst)
    return owner


def _names_a_force(tok: Token) -> bool:
    from eventwire.actors.vocab import singular, vocabulary

    if _is_weapon(tok):  # "drone strikes": the drone is the weapon, not its owner
        return False
    sectors = vocabulary().sectors
    return (singular(tok.text),) in sectors or tok.ent_type_ in ("NORP", "GPE", "ORG")


def _resolve_pronoun(pron: Token, anchor: Token) -> Token | None:
    """A pronoun's antecedent within the sentence: the subject of the enclosing clause."""
    tok = anchor
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ and c.i != pron.i), None)
        if subj is not None and subj.lower_ not in _PRONOUNS and subj.i < pron.i:
            return subj
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


# ---- attribution, ownership, suppression ------------------------------------------------


def _fill_attribution(frame: Frame, sent: Span) -> None:
    speech = _speech_verbs()
    tok = frame.light_verb or frame.predicate
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        came_by = tok.dep_
        tok = tok.head
        if token_lemma(tok) in speech and came_by in (
            "ccomp",
            "parataxis",
            "advcl",
            "xcomp",
            "conj",
        ):
            subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                frame.attribution = noun_phrase(subj)
                frame.speech_verb = tok
                frame.speech_verb_subject = subj
            return
    for t in sent:
        if t.lower_ == "according":
            pobj = _prep_object(t, {"to"})
            if pobj is not None:
                frame.attribution = noun_phrase(pobj)
                return


def _frame_phrase_tokens(frame: Frame) -> list[Token]:
    """The trigger, its instruments and their noun phrases: where weapon words are looked for."""
    toks: set[int] = set()
    doc = frame.trigger.doc
    for t in [frame.trigger, *frame.instruments]:
        span = noun_phrase(t) if t.pos_ != "VERB" else doc[t.i : t.i + 1]
        toks.update(range(span.start, span.end))
    for c in frame.predicate.children:
        if c.dep_ in ("prep", "agent", "dobj", "nsubj", "nsubjpass", "advcl", "npadvmod"):
            toks.update(x.i for x in c.subtree if x.i - frame.predicate.i < 12)
    return [doc[i] for i in sorted(toks)]


def _assign_tokens(frames: list[Frame], sent: Span) -> None:
    """Give each token to the nearest frame above it in the parse; the rest are shared."""
    owner_of: dict[int, Frame] = {}
    for f in frames:
        for i in f.anchors:
            owner_of.setdefault(i, f)
    shared: set[int] = set()
    for tok in sent:
        t = tok
        owner = None
        for _ in range(40):
            if t.i in owner_of:
                owner = owner_of[t.i]
                break
            if t.head.i == t.i:
                break
            t = t.head
        if owner is None:
            shared.add(tok.i)
        else:
            owner.tokens.add(tok.i)
    for f in frames:
        f.tokens |= shared


def _modal_demands(frames: list[Frame]) -> None:
    """'X said Y must Z': the speaker demands, Y is asked; Z itself is not an event."""
    for f in frames:
        if f.trigger.tag_ != "MD":
            continue
        subj = next((c for c in f.predicate.children if c.dep_ in _SUBJ), None)
        f.recipient_heads = [subj] if subj is not None else []
        f.actor_heads = [f.speech_verb_subject] if f.speech_verb_subject is not None else []
        for other in frames:
            if other is not f and other.predicate.i == f.predicate.i:
                other.suppressed = True


def _suppress_purposes(frames: list[Frame]) -> None:
    """'staged protests to demand reforms': the purpose is part of the protest, not an event."""
    anchors = {i: f for f in frames if not f.suppressed for i in f.anchors}
    for f in frames:
        pred = f.light_verb or f.predicate
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)
        host = anchors.get(pred.head.i)
        if infinitive and pred.dep_ in ("advcl", "xcomp", "acl") and host is not None and host is not f:
            f.suppressed = True


def _suppress_descriptions(frames: list[Frame]) -> None:
    """'opened fire on workers protesting unpaid wages': the protest describes the victims of
    the shooting; ACLED codes one event (excessive force against protesters), not two."""
    participants = {t.i for f in frames for t in (*f.actor_heads, *f.recipient_heads)}
    for f in frames:
        pred = f.light_verb or f.predicate
        if pred.dep_ in ("acl", "relcl") and pred.head.i in participants and pred.tag_ == "VBG":
            f.suppressed = True


def _suppress_content(frames: list[Frame]) -> None:
    """Drop frames that are what another, verbal event is about ("urged them to stop fighting")."""
    by_pred = {f.predicate.i: f for f in frames}
    by_pred.update({f.trigger.i: f for f in frames})
    speech = _speech_verbs()
    for f in frames:
        tok = f.light_verb or f.predicate
        for _ in range(8):
            if tok.head.i == tok.i or tok.dep_ not in _CONTENT_DEPS:
                break
            tok = tok.head
            if token_lemma(tok) in speech:
                break
            host = by_pred.get(tok.i)
            if host is not None and host is not f and host.event_type in _VERBAL_TYPES:
                own_subject = any(c.dep_ in _SUBJ for c in (f.light_verb or f.predicate).children)
                if token_lemma(host.trigger) == "deny" and f.event_type not in _VERBAL_TYPES:
                    host.suppressed = True  # "denied that its missiles struck": a negated strike
                elif token_lemma(host.trigger) == "deny" and own_subject:
                    pass  # "X accuses Y of ..., a charge Y denies": both are events
                else:
                    f.suppressed = True
                break
