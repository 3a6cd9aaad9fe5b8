"""Event frames: which words in a parsed sentence signal an event, and who does it to whom.

A frame is one event candidate in one sentence: its trigger (from event_triggers.tsv), the
predicate whose arguments give its roles, the noun triggers merged into it ("Drone strikes ...
killed ... in fighting" is one assault, not three), its actor and recipient heads, the report it
is attributed to, and the tokens it owns (so later stages read numbers, dates and places from
its own clause only).

Who does it to whom (the frame's actor and recipient heads) is read by ``roles.py``.

Example:
    >>> # frames = find_frames(nlp("Gunmen killed 12 villagers in Zamfara.")[:], Lexicon.load())
    >>> # frames[0].event_type, frames[0].actor_heads[0].text  -> ("ASSAULT", "Gunmen")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.events.lexicon import (
    QUAD_CLASS,
    Lexicon,
    ModeCue,
    TriggerRow,
    forms,
    speech_verbs,
    token_lemma,
)
from eventwire.events.roles import CEASEFIRE_WORDS as _CEASEFIRE_WORDS
from eventwire.events.roles import SUBJ as _SUBJ
from eventwire.events.roles import fill_roles as _fill_roles
from eventwire.events.roles import is_assault_word, noun_phrase
from eventwire.events.roles import prep_object as _prep_object
from eventwire.resources import read_tsv

_ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
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
    # the tokens under this frame in the parse, without those no frame owns (``tokens`` has both)
    owned: set[int] = field(default_factory=set)

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
    compounds: list[tuple[Token, TriggerRow]] = []
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
        if _is_anaphoric(tok):
            continue
        if tok.dep_ == "compound":
            compounds.append((tok, row))
            continue
        frame = _new_frame(tok, row, tok)
        frames.append(frame)
        by_pred[tok.i] = frame
    frames = _merge_co_instruments(frames)
    # "launched a missile attack on Kyiv, killing one": the light verb's frame is new here
    frames = _merge_participles(frames)
    if not frames and compounds and not any(t.tag_ in _FINITE_TAGS for t in sent):
        # a headline with no verb at all ("The fighting renews between X and Y", misparsed as
        # a compound noun): its event word is the only one there is
        tok, row = compounds[0]
        frames.append(_new_frame(tok, row, tok))
    for frame in frames:
        if frame.trigger.tag_ == "MD":  # "Libya must hand over the suspects": a demand on Libya
            frame.predicate = frame.trigger.head
    for frame in frames:
        _fill_roles(frame)
        _victim_subject(frame)
        _sides_of_fighting(frame, lex)
        _fill_attribution(frame, sent)
        _speaker_acts(frame)
        frame.weapon = lex.weapon_cue(_frame_phrase_tokens(frame))
        vague = frame.weapon is None or frame.weapon.lemmas in _VAGUE_WEAPONS
        if vague and frame.event_type == "ASSAULT" and _bare_strikes(frame, sent):
            # "Israeli strikes killed 40", "an 11th round of strikes against Iran": a strike with
            # no weapon named (an "explosion" is what it did, not what it was) is a strike from
            # the air, ACLED's usual coding of such reports
            frame.weapon = lex.mode_cue(("airstrike",))
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
    _suppress_states(frames)
    _suppress_background_nouns(frames)
    _suppress_undone_objects(frames)
    _suppress_deaths_told_with_their_cause(frames)
    _suppress_effects_of_attacks(frames)
    _suppress_stopped(frames)
    _suppress_mishaps(frames)
    kept = [f for f in frames if not f.suppressed]
    for frame in kept:
        _conditional_threat(frame)
        _refusal(frame)
    _assign_tokens(kept, sent)  # after suppression: a dropped frame's words serve its host
    return kept


# ---- trigger matching and merging -------------------------------------------------------


def _match_triggers(sent: Span, lex: Lexicon) -> list[tuple[Token, TriggerRow]]:
    out = []
    i = 0
    while i < len(sent):
        found = lex.match_trigger(sent, i, verb_like=_headline_verb(sent[i]))
        if found is None:
            i += 1
            continue
        row, length = found
        out.append((_span_root(sent[i : i + length]), row))
        i += length
    return out


def _is_verbal(tok: Token) -> bool:
    """A verb heading its own clause; a gerund used as a noun ("in fighting") is nominal."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return _headline_verb(tok)
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return not (tok.tag_ == "VBG" and tok.dep_ in ("pobj", "nsubj", "dobj", "compound"))


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_SUBJECT_POS = {"NOUN", "PROPN", "NUM"}
_OBJECT_POS = {"NOUN", "PROPN", "NUM", "DET", "ADJ", "PRON"}


def _headline_verb(tok: Token) -> bool:
    """A headline verb the parser took for a noun ("17 airstrikes target areas", "ISIS attacks
    locations", "Bomb planted on motorcycle kills 4"): a noun between a noun and its object, in a
    sentence with no finite verb at all."""
    if not _verb_slot(tok) or _verb_slot(tok.doc[tok.i + 1]):  # "17 airstrikes target areas": target
        return False
    # a relative clause's verb ("..., who were there to keep the peace") is not the sentence's
    return not any(t.tag_ in _FINITE_TAGS and not _in_relative_clause(t) for t in tok.sent)


def _in_relative_clause(tok: Token) -> bool:
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return True
        tok = tok.head
    return False


def _verb_slot(tok: Token) -> bool:
    """A noun standing where a verb would: after a noun or number, before an object."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("compound", "ROOT", "pobj", "nmod", "appos"):
        return False
    sent = tok.sent
    if tok.i == sent.start or tok.i + 1 >= sent.end:
        return False
    doc = tok.doc
    if doc[tok.i - 1].pos_ in _SUBJECT_POS and doc[tok.i + 1].pos_ in _OBJECT_POS:
        return True
    # "The Congolese military withdraws from Bukavu", "Two roadside bombs detonate in Sinai": a
    # present-tense verb read as the noun heading the sentence, after an adjective-like subject
    # word and before its preposition
    return (
        tok.dep_ == "ROOT"
        and tok.tag_ in ("NN", "NNS")
        and doc[tok.i - 1].pos_ in _SUBJECT_POS | {"ADJ"}
        and doc[tok.i + 1].pos_ in _OBJECT_POS | {"ADP"}
    )


_PARTICIPLE_DEPS = ("advcl", "conj", "xcomp", "acl", "ccomp")
_SEPARATE_MODES = frozenset({"abduct", "sexual"})


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
        if host is None and pred.dep_ == "acl" and pred.head.dep_ in ("nsubj", "nsubjpass"):
            # "a drone launched from the south struck a bus": launching the weapon that struck
            # is the strike itself
            host = by_pred.get(pred.head.head.i)
            participle = host is not None
        if host is None:  # "..., and the army said 15 militants were killed"
            up = pred.head
            if up.dep_ == "conj" or pred.dep_ == "ccomp":
                host = by_pred.get(up.head.i) if pred.dep_ == "ccomp" else None
        if host is None and participle is False and pred.tag_ == "VBG" and pred.dep_ == "ccomp":
            # "bombers struck a wedding, killing 18, residents said": the parser hangs both
            # clauses on "said"; the subjectless participle is still the strike's outcome
            subjectless = not any(c.dep_ in _SUBJ for c in pred.children)
            siblings = [g for g in kept if g.predicate.head.i == pred.head.i and g.predicate.i < pred.i]
            host = siblings[-1] if subjectless and siblings else None
            participle = host is not None
        if host is None and pred.tag_ == "VBG" and token_lemma(pred) == "target":
            # "carries out two airstrikes in Kabul, targeting Taliban leaders": the parse may hang
            # the participle on the place, but what it targets is the strikes' target
            subjectless = not any(c.dep_ in _SUBJ for c in pred.children)
            told = [g for g in frames if g.predicate.i < pred.i and g is not f]
            if subjectless and told and all(g.event_type != f.event_type for g in told):
                continue  # "agreed to expand sanctions on Iran, targeting drone production"
            earlier = [g for g in told if g.event_type == f.event_type]
            host = earlier[-1] if subjectless and earlier else None
            participle = host is not None
        if host is None and pred.dep_ == "advcl" and pred.head.dep_ == "conj":
            host = by_pred.get(pred.head.head.i)  # "are killed and five injured when ..."
        if host is not None and pred.dep_ == "advcl" and token_lemma(host.trigger) in _WOUNDS:
            # "two soldiers were killed and three others wounded when a landmine exploded": the
            # when-clause tells what did both; the killing is the event
            first = by_pred.get(host.predicate.head.i) if host.predicate.dep_ == "conj" else None
            host = first if first is not None and first.event_type == f.event_type else host
        # "seven soldiers are killed when their vehicle is exploded by an IED": the deaths are the
        # outcome of the act the when-clause tells, and its agent is the attacker
        told_when = (
            pred.dep_ == "advcl"
            and host is not None
            and not any(c.dep_ in ("nsubj", "agent") for c in host.predicate.children)
            and any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN for c in pred.children)
        )
        if host is not None and host.event_type != f.event_type and host.predicate.dep_ == "conj":
            # "attacked and looted shops, killing two": the killing is the attack's outcome
            first = by_pred.get(host.predicate.head.i)
            host = first if first is not None and first.event_type == f.event_type else host
        # "soldiers beat and injured dozens": two verbs sharing subject and object are one deed
        shared = (
            pred.dep_ == "conj"
            and host is not None
            and not any(c.dep_ == "dobj" for c in host.predicate.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children)
        )
        # "attacked the camp, burning shelters and abducting several women": the abduction is
        # an event of its own for ACLED (Abduction/forced disappearance beside the Attack)
        own_kind = f.mode in _SEPARATE_MODES and host is not None and host.mode != f.mode
        if (
            host is not None
            and host is not f
            and host.event_type == f.event_type
            and (participle or agentless or shared or told_when)
            and not own_kind
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


def _victim_subject(frame: Frame) -> None:
    """'A woman died in the shelling': the subject of a verb like "die" is the victim (the
    trigger row's ``subject`` column says so); whoever shelled is unknown, not the woman."""
    if frame.row.subject_role != "recipient" or frame.recipient_heads:
        return
    pred = frame.predicate
    subjects = [t for t in frame.actor_heads if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == pred.i]
    if subjects:
        frame.recipient_heads = subjects
        frame.actor_heads = [t for t in frame.actor_heads if t not in subjects]
        frame.assoc_heads = []


def _sides_of_fighting(frame: Frame, lex: Lexicon) -> None:
    """'530 people were killed in clashes between the army and the SDF', 'the ELN and FARC
    dissidents exchanged heavy fire, killing 80': in two-sided fighting the two sides are the
    event's actor and recipient; the dead are its toll, not a side (for ACLED an Armed clash, not
    an Attack on the dead)."""
    if frame.event_type != "ASSAULT":
        return
    for noun in (frame.trigger, *frame.instruments):
        if not _is_fighting_word(noun, lex):
            continue
        between = _prep_object(noun, {"between"})
        if between is None:
            continue
        sides = [c for c in between.children if c.dep_ in ("nmod", "conj")]
        if sides and sides[0].i < between.i:  # "between the army and M23 rebels" parsed as a modifier
            first, second = sides[0], between
        else:
            first, second = between, next((c for c in between.children if c.dep_ == "conj"), None)
        if second is not None:
            frame.actor_heads, frame.recipient_heads, frame.assoc_heads = [first], [second], []
            return
    victims = {t.i for t in frame.victims}
    if (
        frame.row.mode == "firearms"
        and frame.assoc_heads
        and frame.recipient_heads
        and all(t.i in victims for t in frame.recipient_heads)
    ):
        frame.recipient_heads = [frame.assoc_heads.pop(0)]


def _bare_strikes(frame: Frame, sent: Span) -> bool:
    """The assault is told with the noun "strike(s)" ("killed in overnight strikes by Pakistan"),
    in a sentence that is not about a labour strike. "The strike hit the station" retells a strike
    told before, whose weapon it takes (events.scene): it names none of its own."""

    def told_here(t: Token) -> bool:
        return not any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETS for c in t.children)

    if any(t.pos_ == "NOUN" and token_lemma(t) == "strike" for t in (frame.trigger, *frame.instruments)):
        words = [t for t in (frame.trigger, *frame.instruments) if token_lemma(t) == "strike"]
    else:
        words = [t for t in _frame_phrase_tokens(frame) if t.pos_ == "NOUN" and token_lemma(t) == "strike"]
        if any(token_lemma(t) in _LABOUR_WORDS for t in sent):
            return False
    return any(told_here(t) for t in words)


# event_modes.tsv words for any explosion, which say what a strike did, not what it was
_VAGUE_WEAPONS = {("blast",), ("explosion",), ("bombing",), ("detonate",)}
_LABOUR_WORDS = {"worker", "union", "pay", "wage", "salary", "teacher", "nurse", "walkout", "picket"}


def _is_fighting_word(tok: Token, lex: Lexicon) -> bool:
    """A word of two-sided fighting ("clashes", "a gunfight"): trigger rows of mode firearms."""
    return any(r.event_type == "ASSAULT" and r.mode == "firearms" for r in lex.triggers_for(token_lemma(tok)))


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
    verb = noun.head.head
    # "were killed or injured during a bombing", "killed and 30 injured, with ten critically
    # injured, in an air strike": the tolls' participles lead up to the killing
    for _ in range(3):
        if noun.dep_ != "pobj" or verb.dep_ not in ("conj", "advcl") or verb.tag_ != "VBN":
            break
        verb = verb.head
        if verb.i in by_pred:
            candidates.append(by_pred[verb.i])
            break
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # "a bombing was reported to have killed ...": raised; "the attack damaged two
        # terminals and killed two workers": the subject shared by a second verb
        candidates.extend(
            by_pred[c.i] for c in noun.head.children if c.dep_ in ("xcomp", "conj") and c.i in by_pred
        )
    if token_lemma(noun) in _TOLLS:  # "the casualty toll ... increases to 46 people killed"
        candidates.extend(by_pred.values())
    if noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of") and token_lemma(noun.head.head) in _TOLLS:
        # "the toll from yesterday's airstrikes increases to 46 people killed": the dead are the
        # strikes' toll, told by the sentence's killing word
        candidates.extend(f for f in by_pred.values() if f.predicate.i != noun.i)
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":  # "began an offensive with airstrikes"
        candidates.extend(f for f in by_pred.values() if f.trigger.i == noun.head.head.i)
    if noun.dep_ in ("appos", "npadvmod"):  # "killed seven people on Friday, an attack blamed on ..."
        up = noun.head
        for _ in range(4):
            if up.i in by_pred or up.head.i == up.i:
                break
            up = up.head
        if up.i in by_pred:
            candidates.append(by_pred[up.i])
    for child in noun.children:  # "an attack that killed a soldier"
        if child.dep_ in ("relcl", "acl") and child.i in by_pred:
            candidates.append(by_pred[child.i])
    for frame in candidates:
        if frame.event_type == row.event_type:
            return frame
    if row.event_type == "ASSAULT" and token_lemma(noun) in _operations():
        # "arrested 25 people in overnight raids": the raid is how the arrests were made
        host = by_pred.get(noun.head.head.i) if noun.dep_ == "pobj" else None
        if host is not None and noun.head.lower_ in ("in", "during") and host.mode in _DONE_IN_OPERATIONS:
            return host
    return None


@lru_cache(maxsize=1)
def _operations() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv("event_operations.tsv"))


_DONE_IN_OPERATIONS = frozenset({"arrest", "seize", "abduct"})


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun trigger tells the means or manner of: "hit by drone strikes in a pre-dawn
    raid" gives "hit" for both nouns. Not its subject or object: "the airstrike followed an
    attack on the base" tells two attacks."""
    if noun.dep_ == "pobj" and (noun.head.dep_ == "agent" or noun.head.lower_ in _MANNER_PREPS):
        verb = noun.head.head
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None


_MANNER_PREPS = frozenset({"in", "by", "with", "during"})


def _merge_co_instruments(frames: list[Frame]) -> list[Frame]:
    """Two attack words of one verb that is no trigger ("were hit by drone strikes in a pre-dawn
    raid") tell one attack: the second joins the first as its instrument."""
    kept: list[Frame] = []
    by_verb: dict[tuple[int, str], Frame] = {}
    for frame in frames:
        verb = _governing_verb(frame.trigger) if frame.predicate is frame.trigger else None
        first = by_verb.get((verb.i, frame.event_type)) if verb is not None else None
        if first is not None and frame.event_type == "ASSAULT":
            _merge_instrument(first, frame.trigger, frame.row)
            continue
        if verb is not None:
            by_verb.setdefault((verb.i, frame.event_type), frame)
        kept.append(frame)
    return kept


_TOLLS = frozenset({"toll", "casualty", "death"})
_WOUNDS = frozenset({"wound", "injure", "hurt"})
_WHEN = frozenset({"when", "as", "after"})


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
    if noun.dep_ == "pobj" and head.lower_ == "into" and token_lemma(head.head) == "enter":
        return head.head  # "entered into an agreement"
    return None


def _is_anaphoric(noun: Token) -> bool:
    """'the strikes' restating an event told earlier: no new participant, number or place.
    A document's first sentence (a headline, a lead) has nothing earlier to restate."""
    if noun.sent.start == 0:
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    # "Monday's attack" names a day, as "the attack" names nothing, of an attack already told
    dated = bool(dets) and dets[0].dep_ == "poss" and dets[0].ent_type_ in ("DATE", "TIME")
    if not dets or (dets[0].lower_ not in _ANAPHORIC_DETS and not dated):
        return False
    informative = {"nummod", "amod", "compound", "prep", "relcl", "acl", "poss"}
    return not any(c.dep_ in informative and not (dated and c.i == dets[0].i) for c in noun.children)


# ---- attribution, ownership, suppression ------------------------------------------------


def _speaker_acts(frame: Frame) -> None:
    """'The administration said Pakistani airstrikes killed 38 people and vowed to respond': the
    parse gives "vowed" the strikes as subject; a vow, a threat or a demand is the speaker's."""
    actor = frame.actor_heads[0] if frame.actor_heads else None
    speaker = frame.speech_verb_subject
    if frame.quad_class == 4 or actor is None or speaker is None or frame.predicate.dep_ != "conj":
        return
    if actor.pos_ == "NOUN" and is_assault_word(actor):
        frame.actor_heads = [speaker]


def _fill_attribution(frame: Frame, sent: Span) -> None:
    speech = speech_verbs()
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
            _attribute(frame, tok)
            return
    # "X attacked Y on Saturday, the ministry said, the third such attack": the parser may hang a
    # trailing "Z said" under the event verb; a bare one (no clause of its own) reports it
    pred = frame.light_verb or frame.predicate
    for tok in pred.children:
        if tok.i < pred.i or tok.dep_ not in ("parataxis", "conj") or token_lemma(tok) not in speech:
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
            continue  # "and the army said it repelled them": a statement of its own
        if _attribute(frame, tok):
            return
    for t in sent:
        if t.lower_ == "according":
            pobj = _prep_object(t, {"to"})
            if pobj is not None:
                frame.attribution = noun_phrase(pobj)
                return


def _attribute(frame: Frame, verb: Token) -> bool:
    """Attribute the frame to the subject of the speech verb ``verb``; False if it has none."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None and verb.dep_ == "conj":  # "a spokesman put the toll at 12 and said ...": shared
        subj = next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
    if subj is None:
        return False
    frame.attribution = noun_phrase(subj)
    frame.speech_verb = verb
    frame.speech_verb_subject = subj
    return True


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
    # "an attack on an air force base", "strikes on missile sites": the target's words name
    # what was hit, not the means
    for t in list(toks):
        tok = doc[t]
        if tok.dep_ == "prep" and tok.lower_ in _TARGET_PREPS and tok.i != frame.trigger.i:
            toks.difference_update(x.i for x in tok.subtree)
    return [doc[i] for i in sorted(toks)]


_TARGET_PREPS = {"on", "against"}


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
        f.owned = set(f.tokens)
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


_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
_CONDITION_MARKS = {"if", "unless"}
# what a conditional harm threatens, by the harm's type (and mode): PLOVER THREATEN mode, CAMEO code
_THREAT_OF = {
    ("ASSAULT", None): ("violence", "138"),
    ("MOBILIZE", None): ("violence", "138"),
    ("COERCE", "arrest"): ("arrest", "137"),
    ("COERCE", "deport"): ("expel", "137"),
    ("COERCE", None): ("restrict", "132"),
    ("SANCTION", "expel"): ("expel", "1313"),
    ("SANCTION", None): ("relations", "131"),
}
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


def _clause_verb(frame: Frame) -> Token:
    """The verb of the clause a frame sits in ("would step up attacks": step)."""
    tok = frame.light_verb or frame.predicate
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _future(verb: Token) -> bool:
    """A harm still to come: "would cut", "will strike", or "(ready|reserved the right) to strike"."""
    return any(c.dep_ == "aux" and (c.lower_ in _FUTURE_AUX or c.tag_ == "TO") for c in verb.children)


def _readiness(verb: Token) -> bool:
    """'said it was ready (or prepared) to impose martial law': readiness to harm is a threat."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ in ("ready", "prepared") and head.pos_ == "ADJ"


def _conditional_threat(frame: Frame) -> None:
    """'They would cut gas supplies unless Kiev paid': harm promised on a condition is a threat
    (CAMEO 13), not the harm; the harm is coded if and when it happens."""
    harm = _THREAT_OF.get((frame.event_type, frame.mode)) or _THREAT_OF.get((frame.event_type, None))
    verb = _clause_verb(frame)
    if harm is None or not (_future(verb) or _readiness(verb)):
        return
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in c.children)
        for c in verb.children
    )
    if conditional or _readiness(verb) or _says_it_will(frame, verb):
        frame.event_type, (frame.mode, frame.cameo) = "THREATEN", harm


def _says_it_will(frame: Frame, verb: Token) -> bool:
    """'NATO said it would tighten the blockade': a party announcing a harm it will do itself
    threatens it; "the army said the rebels would attack" is a warning about others, not a threat."""
    if frame.speech_verb_subject is None or frame.event_type == "SANCTION":
        return False  # "announced it would prohibit all aid": a sanction decided, not threatened
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return False
    # the doer: the frame's actor, else the subject of its clause ("it would tighten the blockade")
    subject = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    who = frame.actor_heads[0] if frame.actor_heads else subject
    return who is not None and (who.i == frame.speech_verb_subject.i or who.lower_ in ("it", "they", "we"))


def _refusal(frame: Frame) -> None:
    """'Washington said it would not meet the kidnappers' demands': a cooperative act declared
    not forthcoming is a rejection (CAMEO 12), not a cooperation that did not happen."""
    verb = _clause_verb(frame)
    if frame.event_type not in _COOPERATIVE or verb.i != (frame.light_verb or frame.predicate).i:
        return
    if _future(verb) and any(c.dep_ == "neg" for c in verb.children):
        frame.event_type, frame.mode, frame.cameo = "REJECT", None, "120"


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
        if pred.dep_ not in ("acl", "relcl") or pred.tag_ != "VBG" or pred.head.i not in participants:
            continue
        # the modified noun is the participle's own subject, so it always counts as a participant:
        # a sentence with nothing else to tell ("a truce claiming the lives of two women") keeps it
        if any(g is not f and not g.suppressed for g in frames):
            f.suppressed = True


def _suppress_effects_of_attacks(frames: list[Frame]) -> None:
    """'A drone attack set a power station on fire, cutting electricity to the city': what an
    attack did (cut power, forced families out) is told with the attack, which is the event;
    its frame stands on its own beside the effect's."""
    attacks = {i for f in frames if f.event_type == "ASSAULT" and not f.suppressed for i in f.anchors}
    for f in frames:
        # only a material effect: "blaming the military" after an attack's toll is the
        # speaker's accusation, however the parse hangs it on the attack
        if f.event_type == "COERCE" and f.actor_heads and all(t.i in attacks for t in f.actor_heads):
            f.suppressed = True


def _suppress_deaths_told_with_their_cause(frames: list[Frame]) -> None:
    """'a supporter died of injuries suffered when police fired on the march': the death is the
    outcome of the shooting the sentence tells, which carries it; a death with nothing else
    told ("a woman died in the shelling") stays the event."""
    violent = [f for f in frames if f.event_type == "ASSAULT" and f.row.subject_role != "recipient"]
    for f in frames:
        if f.row.subject_role == "recipient" and any(not g.suppressed for g in violent):
            f.suppressed = True


_STOP_VERBS = {"stop", "cease", "quit", "halt", "end"}


def _suppress_stopped(frames: list[Frame]) -> None:
    """'commits the rebels to stop recruiting minors': an activity being stopped is not told as
    happening; the stopping (or the commitment to it) is the event."""
    for f in frames:
        pred = f.light_verb or f.predicate
        if pred.dep_ == "xcomp" and pred.tag_ == "VBG" and token_lemma(pred.head) in _STOP_VERBS:
            f.suppressed = True


# Participles that, used as adjectives, describe people ("the wounded villagers", "the captured
# soldiers"): their state, not an act this sentence reports.
_STATE_LEMMAS = {"wound", "injure", "capture", "kidnap", "abduct", "hold", "designate"}


@lru_cache(maxsize=1)
def _staying() -> frozenset[str]:
    """Forms of the verbs that keep a state ("remained detained", "will stay closed")."""
    return forms("remain") | forms("stay")


@lru_cache(maxsize=1)
def _mishaps() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv("event_mishaps.tsv"))


_CAUSE_PREPS = {"in", "by", "from", "after", "during"}


def _suppress_mishaps(frames: list[Frame]) -> None:
    """"The accident killed eleven", "died in a building collapse": deaths with a cause that is
    no act of violence (``event_mishaps.tsv``) are no conflict event."""
    for f in frames:
        if f.event_type != "ASSAULT" or f.instruments:
            continue
        pred = f.predicate
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
        preps = [c for c in pred.children if c.dep_ in ("prep", "agent") and c.lower_ in _CAUSE_PREPS]
        causes = subjects + [g for c in preps for g in c.children if g.dep_ == "pobj"]
        if any(token_lemma(c) in _mishaps() for c in causes):
            f.suppressed = True


def _suppress_states(frames: list[Frame]) -> None:
    """'unless the government released their jailed commanders': a participle used as an
    adjective names someone's state (in custody, wounded, captive), not an act this sentence
    reports. Only people's states: "looted shops" is often a misparsed verb."""
    for f in frames:
        t = f.trigger
        state = f.mode in ("arrest", "abduct") or token_lemma(t) in _STATE_LEMMAS
        if state and t.dep_ == "amod" and t.tag_ == "VBN" and len(frames) > 1:
            f.suppressed = True
        elif (t.tag_ == "VBN" and t.head.lower_ in _staying()) or any(
            c.dep_ == "auxpass" and c.lower_ in _staying() for c in t.children
        ):
            f.suppressed = True  # "will remain designated", "remained detained": a state kept


# Verbs that end or undo what their object names: "lifted the blockade" tells no blockade.
_UNDOING = {"lift", "ease", "end", "relax", "revoke", "remove", "abandon", "call off", "cancel", "break"}
_UNDOING_NOUNS = {"revocation", "lifting", "removal", "easing", "cancellation", "repeal", "rescission"}


def _suppress_undone_objects(frames: list[Frame]) -> None:
    """'The navy lifted the blockade of the port': the blockade named as the object of the
    lifting is what ends, not an act this sentence reports."""
    preds = {f.predicate.i: f for f in frames if not f.suppressed}
    for f in frames:
        t = f.trigger
        undone = t.dep_ == "pobj" and t.head.lower_ == "of" and token_lemma(t.head.head) in _UNDOING_NOUNS
        if undone:  # "announced the revocation of five terrorist designations"
            f.suppressed = True
            continue
        if f.light_verb is not None or f.predicate.i != t.i or t.dep_ not in ("dobj", "nsubjpass"):
            continue
        host = preds.get(t.head.i)
        if host is not None and host is not f and " ".join(host.row.lemmas) in _UNDOING:
            f.suppressed = True


# Prepositions that place a named event before or behind the sentence's act ("resigned over
# the massacre", "suspended the mission after the attack").
_BACKGROUND_PREPS = {"after", "over", "following", "before", "since", "amid", "amidst", "due", "because"}


# the circumstances of an event, not a second one: "amid protests", "due to shelling"
_SCENE_PREPS = {"amid", "amidst", "due", "because"}


def _suppress_background_nouns(frames: list[Frame]) -> None:
    """'The envoy suspended his mission after the massacre': an event named only by a noun in a
    phrase of time or cause, hanging on another event's verb, is what that event answers; the
    sentence reports the suspension. Same-type nouns already merge into their verb's frame."""
    preds = {f.predicate.i: f for f in frames if not f.suppressed}
    # "killed in clashes with police amid protests": the phrase may hang on a noun the
    # killing's frame took in, not on its verb
    anchors = {i: f for f in frames if not f.suppressed for i in f.anchors}
    for f in frames:
        t = f.trigger
        if f.light_verb is not None or f.predicate.i != t.i or t.dep_ != "pobj":
            continue
        prep = t.head
        host = preds.get(prep.head.i) or (anchors.get(prep.head.i) if prep.lower_ in _SCENE_PREPS else None)
        if prep.lower_ in _BACKGROUND_PREPS and host is not None and host is not f:
            f.suppressed = True
        elif prep.lower_ == "for" and host is not None and host.event_type in ("SANCTION", "COERCE"):
            f.suppressed = True  # "sentenced to death for the attack on a hotel": the crime punished


def _suppress_content(frames: list[Frame]) -> None:
    """Drop frames that are what another, verbal event is about ("urged them to stop fighting")."""
    by_pred = {f.predicate.i: f for f in frames}
    by_pred.update({f.trigger.i: f for f in frames})
    speech = speech_verbs()
    for f in frames:
        tok = f.light_verb or f.predicate
        if tok.dep_ == "conj" and tok.head.dep_ in ("xcomp", "ccomp") and tok.head.i in by_pred:
            tok = tok.head  # "threatened to invade X and take Y": the second deed is content too
        for _ in range(8):
            if tok.head.i == tok.i or tok.dep_ not in _CONTENT_DEPS:
                break
            tok = tok.head
            host = by_pred.get(tok.i)
            if token_lemma(tok) in speech:
                # "warned of more attacks": a threatened harm is what the threat is about
                if host is not None and host is not f and host.event_type == "THREATEN":
                    f.suppressed = True
                break
            if host is not None and host is not f and host.event_type in _VERBAL_TYPES:
                own_subject = any(c.dep_ in _SUBJ for c in (f.light_verb or f.predicate).children)
                if token_lemma(host.trigger) == "deny" and f.event_type not in _VERBAL_TYPES:
                    host.suppressed = True  # "denied that its missiles struck": a negated strike
                elif token_lemma(host.trigger) == "deny" and own_subject:
                    pass  # "X accuses Y of ..., a charge Y denies": both are events
                else:
                    f.suppressed = True
                break
