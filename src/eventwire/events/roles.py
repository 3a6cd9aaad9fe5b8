"""Event roles: who does an event to whom, read from the dependency parse of one frame.

Role rules follow PLOVER: active subject → actor, object → recipient; passive agent → actor,
passive subject → recipient; "attack on X" / "clashes with X" → recipient X; an instrument as
subject ("Syrian airstrikes killed ...") gives its nationality modifier as the actor. Places
stand for the people in or holding them ("army positions", "a camp for displaced people"),
numbers and pronouns for the people they count or name ("killing three of them"), and a
territory's recipient is whom it was taken from ("after two weeks of fighting with the army").

Example:
    >>> # fill_roles(frame); noun_phrase(frame.recipient_heads[0]).text  -> "21 Syrian soldiers"
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventwire.events.lexicon import Lexicon, token_lemma

if TYPE_CHECKING:
    from eventwire.events.frames import Frame

SUBJ = ("nsubj", "csubj")
_SUBJ = SUBJ
_RECIPIENT_PREPS = {"on", "against", "at", "into", "with", "upon", "targeting", "toward", "towards"}
# verbal and diplomatic events take their counterpart with fewer prepositions ("met with X",
# "called on X", "appealed to X"), never "at" or "into" (those are places)
_VERBAL_RECIPIENT_PREPS = {"with", "on", "to", "against"}
_REL_PRONOUNS = {"that", "which", "who", "whom"}
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
    # "shot dead two farmers": an adjective before the count belongs to the verb, not the noun
    counts = [c.i for c in tok.children if c.dep_ == "nummod"]
    if counts:
        stray = {c.i for c in tok.children if c.dep_ == "amod" and c.i < min(counts)}
        keep -= {i for c in stray for i in range(tok.doc[c].left_edge.i, c + 1)}
    lo, hi = min(keep), max(keep)
    doc = tok.doc
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo : hi + 1]


def fill_roles(frame: Frame) -> None:
    """Fill a frame's actor, recipient and associated-actor heads from its predicate's parse."""
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
    if frame.event_type == "ASSAULT" and actor is not None and _is_fighting_word(actor):
        # "Clashes between two armed groups killed 31 people": the sides of the clash are the
        # event's sides; the dead are its toll, not a side
        sides = prep_object(actor, {"between"})
        if sides is not None:
            actor, recipient = sides, next((c for c in sides.children if c.dep_ == "conj"), sides)
    if actor is not None and (actor.i in {t.i for t in frame.instruments} or _is_instrument(actor, frame)):
        actor = _instrument_owner(actor)
    if actor is not None and actor.lower_ in _PRONOUNS:
        actor = _resolve_pronoun(actor, pred)
    if actor is not None:
        actor = _owner_of_forces(actor, pred)
    if actor is None:
        for inst in frame.instruments:
            actor = _instrument_owner(inst) or _clause_subject(inst)
            if actor is not None:
                break
    if actor is None and frame.event_type == "ASSAULT":  # "Drone strikes by the army" parsed as a verb
        by = prep_object(pred, {"by"})
        actor = by if by is not None and by.pos_ in ("NOUN", "PROPN") and not _is_weapon(by) else None
    if actor is None and frame.event_type == "ASSAULT":
        # "soldiers were killed when their vehicle was hit by a bomb planted by militants"
        for clause in (c for c in pred.children if c.dep_ == "advcl"):
            actor = _instrument_owner(clause)
            if actor is not None:
                break
    if actor is not None and actor.ent_type_ in ("DATE", "TIME"):
        actor = None  # "Monday's strike": a day, not who struck
    if actor is not None:
        frame.actor_heads = [actor]
        frame.assoc_heads = [c for c in actor.children if c.dep_ == "conj"]
    preps = _RECIPIENT_PREPS if frame.quad_class == 4 else _VERBAL_RECIPIENT_PREPS
    if recipient is not None and recipient.i in {frame.trigger.i, *(t.i for t in frame.instruments)}:
        # "signed an agreement with X", "imposed sanctions on X": the noun is the event, its
        # counterpart hangs off the noun or the verb
        recipient = prep_object(recipient, preps | {"to"}) or prep_object(pred, preps - {"at", "into"})
    if frame.event_type == "MOBILIZE":
        recipient = None  # the troops deployed are the actor's own
    recipient = _participant(recipient)
    if frame.event_type == "ASSAULT" and recipient is not None and _held_by_someone(recipient):
        recipient = _occupants(recipient) or recipient  # "struck a headquarters of the X militia"
    if recipient is not None and (_not_a_participant(recipient, frame) or _taken_place(recipient, frame)):
        if _is_place(recipient) or _taken_place(recipient, frame):  # "captured the town after fighting"
            recipient = (
                _occupants(recipient)
                or prep_object(pred, {"from"})
                or _taken_from(pred)
                or _opponent_in_fighting(pred)
            )
        elif _is_event_noun(recipient) and frame.quad_class == 3:
            # "condemned the air strike carried out by the military", "condemned the RSF attack on
            # civilians": the striker is accused, not its victims
            recipient = _event_actor(recipient) or prep_object(recipient, preps | {"to"})
        else:  # "imposed sanctions on X": the counterpart hangs off the event noun
            recipient = prep_object(recipient, preps | {"to"}) or prep_object(pred, preps)
        recipient = _participant(recipient)
        if recipient is not None and _not_a_participant(recipient, frame):
            recipient = None
    if frame.event_type == "ACCUSE" and recipient is None:
        aimed = prep_object(pred, {"at"})  # "lashed out at the mayor", "hit out at Kyiv"
        if aimed is not None and (aimed.pos_ == "PROPN" or _is_person_word(aimed)):
            recipient = aimed
    if frame.event_type == "THREATEN" and recipient is None:
        recipient = _threatened_target(pred)
    if frame.event_type == "AGREE" and recipient is None:
        recipient = _promised_to(pred)
    if frame.event_type == "AID" and recipient is not None and _is_thing(recipient):
        # "delivered food to 25,000 displaced people": the aid goes to someone
        recipient = prep_object(pred, {"to"}) or prep_object(recipient, {"to"}) or recipient
    seizes = frame.event_type == "COERCE" or frame.mode == "destroy"
    if seizes and recipient is not None and _is_thing(recipient):
        recipient = _owner_of_thing(recipient, pred) or recipient  # "seized rifles from a cartel's house"
    town = recipient is not None and recipient.ent_type_ in ("GPE", "LOC") and not _country_name(recipient)
    if town and frame.event_type == "ASSAULT" and frame.victims:
        recipient = None  # "a missile attack on Kyiv, killing one person": the town is where, the dead who
    if recipient is None:
        victims = (_participant(v) for v in frame.victims)
        recipient = next((v for v in victims if v is not None and not _not_a_participant(v, frame)), None)
    if recipient is not None:
        frame.recipient_heads = [recipient]
    two_sided = frame.event_type == "ASSAULT" and frame.row.mode == "firearms"
    symmetric = frame.event_type in ("AGREE", "CONSULT", "COOPERATE") or two_sided
    if symmetric and not frame.recipient_heads and frame.assoc_heads:
        frame.recipient_heads = [frame.assoc_heads.pop(0)]
    if symmetric and not frame.recipient_heads and actor is not None:
        # "the defence ministers of Niger, Mali and Burkina Faso agreed": the other parties
        side = _coordinated_side(actor)
        frame.recipient_heads = [side] if side is not None else []
    actor_head = frame.actor_heads[0] if frame.actor_heads else None
    if two_sided and actor_head is not None and _one_side_against_itself(actor_head, frame.recipient_heads):
        frame.recipient_heads = [actor_head]  # "rival factions of the cartel fought"


CEASEFIRE_WORDS = {"ceasefire", "cease", "truce", "armistice"}
# what is signed, issued or announced: the event's content, never a party to it
_DOCUMENTS = {
    "agreement",
    "deal",
    "accord",
    "treaty",
    "pact",
    "memorandum",
    "statement",
    "ultimatum",
    "cessation",
    "ceasefire",
    "truce",
}


def _is_person_word(tok: Token) -> bool:
    from eventwire.actors.vocab import singular, vocabulary

    return (singular(tok.text),) in vocabulary().sectors and not _is_weapon(tok)


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
        "suburb",
        "neighbourhood",
        "neighborhood",
        "township",
        "capital",
        "trench",
    )


def _not_a_participant(tok: Token, frame: Frame) -> bool:
    """Dates, places taken, reflexives and weapons are not recipients ("fired mortars at X")."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL") or tok.lower_ in _TIME_WORDS:
        return True
    if token_lemma(tok) in _DOCUMENTS:
        return True  # "signed a cessation of hostilities agreement"
    if _is_event_noun(tok) and not _is_person_word(tok):
        return True  # "signed an agreement", "held talks": the event itself, not a party
    if frame.event_type == "ASSAULT" and _is_place(tok) and tok.dep_ == "dobj":
        return True
    return frame.event_type == "ASSAULT" and _is_instrument(tok, frame)


_PLACE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "from", "into"}
_PARTITIVE = {"some", "many", "most", "all", "several", "few", "both", "each", "none", "dozens", "hundreds"}
_RECIPROCAL = {"other", "another"}  # "each other", "one another"
# places an armed side holds: "army positions", "a base housing U.S. troops" name their holder
_HELD_PLACES = {
    "position",
    "base",
    "outpost",
    "camp",
    "post",
    "checkpoint",
    "barrack",
    "barracks",
    "headquarters",
    "stronghold",
    "hideout",
    "garrison",
    "convoy",
    "trench",
}
_HOUSING_VERBS = {"house", "host", "shelter", "hold", "station", "use"}


def _participant(tok: Token | None) -> Token | None:
    """The people a word stands for: 'three of them' → the antecedent, 'them' → its antecedent."""
    if tok is None:
        return None
    if tok.like_num or tok.pos_ == "NUM" or tok.lower_ in _PARTITIVE:
        of = prep_object(tok, {"of"})
        if of is not None:
            tok = of
    if tok.lower_ in _PRONOUNS:
        return _antecedent(tok)
    return tok


def _occupants(place: Token) -> Token | None:
    """Who is in or holds a place: 'a camp for displaced people', 'positions of the army',
    'a base housing U.S. troops', 'SDF positions'; None for a place alone ('the town')."""
    for c in place.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "for"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            # "the town of Mocimboa da Praia" names the town, "positions of the army" its holder
            named_place = pobj is not None and pobj.pos_ == "PROPN" and not _is_known_actor(pobj)
            if pobj is not None and not _is_place(pobj) and not named_place:
                return pobj
        if c.dep_ in ("acl", "relcl") and token_lemma(c) in _HOUSING_VERBS:
            dobj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if dobj is not None:
                return dobj
    if token_lemma(place) not in _HELD_PLACES and place.lower_ not in _HELD_PLACES:
        return None
    owner = next((c for c in place.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS), None)
    if owner is None:
        owner = next(
            (c for c in place.children if c.dep_ in ("compound", "amod", "nmod") and _names_a_force(c)), None
        )
    return owner


def _held_by_someone(place: Token) -> bool:
    """A held place whose holder hangs off it ("a headquarters of the X militia", "a base housing
    U.S. troops"); "Kurdish peshmerga positions" names its holder in the phrase itself."""
    if token_lemma(place) not in _HELD_PLACES:
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ in ("of", "for")) or c.dep_ in ("acl", "relcl")
        for c in place.children
    )


def _threatened_target(pred: Token) -> Token | None:
    """'vowed to keep attacking U.S. forces': the object of the act threatened, down the chain of
    complement verbs."""
    for v in _complement_verbs(pred, ("xcomp", "ccomp"), 3):
        target = next((c for c in v.children if c.dep_ == "dobj"), None)
        if target is not None and is_assault_word(v):
            return target
    return None


def _promised_to(pred: Token) -> Token | None:
    """'pledged to send 1,000 tons of food to Somalia': who the promised act is for."""
    for v in _complement_verbs(pred, ("xcomp",), 2):
        to = prep_object(v, {"to"})
        if to is not None and (not _is_thing(to) or to.ent_type_ in ("GPE", "ORG", "NORP")):
            return to
    return None


def _complement_verbs(pred: Token, deps: tuple[str, ...], depth: int):
    """The verbs of the complements below ``pred``, nearest first, up to ``depth`` levels."""
    verbs = [pred]
    for _ in range(depth):
        verbs = [c for v in verbs for c in v.children if c.dep_ in deps and c.pos_ == "VERB"]
        yield from verbs


def _taken_from(pred: Token) -> Token | None:
    """'recaptured the town of X in the Y region from Al-Shabaab': the parse may hang "from" on
    the place phrase; a side it names (not another place) is who lost the town."""
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS - {"from"}:
            held = _prep_in_subtree(c, {"from"})
            if held is not None and not _is_place(held):
                return held
    return None


def _opponent_in_fighting(pred: Token) -> Token | None:
    """'captured the town after two weeks of fighting with the military': the military."""
    for c in pred.children:
        if c.dep_ != "prep" or c.lower_ not in ("after", "following", "amid", "in"):
            continue
        noun = next((g for g in c.children if g.dep_ == "pobj"), None)
        overran = next((g for g in c.children if g.dep_ == "pcomp"), None)
        if overran is not None and is_assault_word(overran):  # "after overrunning an army position"
            target = next((g for g in overran.children if g.dep_ == "dobj"), None)
            if target is not None:
                return _occupants(target) if _is_place(target) else target
        for _ in range(2):  # "after weeks of fighting": the fighting hangs off "of"
            if noun is None:
                break
            if is_assault_word(noun):
                return prep_object(noun, {"with", "against"})
            noun = prep_object(noun, {"of"})
    return None


def _taken_place(tok: Token, frame: Frame) -> bool:
    """'recaptured Marte from ISWAP': a proper name taken from someone is a place, not a party."""
    if frame.event_type != "ASSAULT" or tok.dep_ != "dobj" or tok.pos_ != "PROPN":
        return False
    if tok.ent_type_ in ("PERSON", "NORP") or prep_object(tok.head, {"from"}) is None:
        return False
    from eventwire.actors import resolve_actor

    return resolve_actor(noun_phrase(tok).text) is None


def _is_thing(tok: Token) -> bool:
    """A seized or destroyed object, not a party: no actor word, no name, no known group."""
    return tok.pos_ == "NOUN" and not _is_person_word(tok) and tok.ent_type_ not in ("ORG", "NORP", "GPE")


def _owner_of_thing(thing: Token, pred: Token) -> Token | None:
    """Whose the things were: 'landmines laid by FARC dissidents', 'rifles seized from a CJNG
    safe house'; None when the text does not say."""
    for t in thing.subtree:
        if t.dep_ == "acl" and t.tag_ == "VBN":
            owner = prep_object(t, {"by"})
            if owner is not None:
                return owner
    origin = _prep_in_subtree(pred, {"from"})
    if origin is None:
        return None
    if _is_person_word(origin) or origin.ent_type_ in ("ORG", "NORP"):
        return origin
    modifiers = ("compound", "amod", "poss", "nmod")
    return next((c for c in origin.children if c.dep_ in modifiers and _names_a_force(c)), None)


def is_assault_word(tok: Token) -> bool:
    """A word some trigger row reads as an ASSAULT (event_triggers.tsv)."""
    return any(r.event_type == "ASSAULT" for r in Lexicon.load().triggers_for(token_lemma(tok)))


def _is_fighting_word(tok: Token) -> bool:
    """A noun of two-sided fighting ("clashes", "a gunfight"): trigger rows of mode firearms."""
    rows = Lexicon.load().triggers_for(token_lemma(tok))
    return any(r.event_type == "ASSAULT" and r.mode == "firearms" for r in rows)


def _is_event_noun(tok: Token) -> bool:
    return any(r.pos in ("NOUN", "ANY") for r in Lexicon.load().triggers_for(token_lemma(tok)))


def _event_actor(noun: Token) -> Token | None:
    """Who did what an event noun names: 'the strike carried out by X', 'X's strike', 'Russian strikes'."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl"):
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    return _instrument_owner(noun)


def _coordinated_side(actor: Token) -> Token | None:
    """'Fighters from the M23 group and Congolese troops fought': the parse hangs the second
    side on the first side's "from"/"of" phrase."""
    inner = prep_object(actor, {"from", "of"})
    return next((c for c in inner.children if c.dep_ == "conj"), None) if inner is not None else None


def _one_side_against_itself(actor: Token, recipients: list[Token]) -> bool:
    """'Rival factions of the cartel fought', 'gangs clashed with each other': both sides are one kind."""
    if recipients:
        rec = recipients[0]
        return rec.lower_ in _RECIPROCAL and any(c.lower_ in ("each", "one") for c in rec.children)
    return any(t.lower_ in ("rival", "rivals") for t in noun_phrase(actor))


def _antecedent(pron: Token) -> Token | None:
    """'pulled seven labourers off a bus and shot them': them = the labourers (people, not the
    place they were in: 'exchanged fire with gang members in Petion-Ville, killing three of them')."""
    plural = pron.lower_ in ("they", "them", "their")
    for tok in reversed(list(pron.doc[pron.sent.start : pron.i])):
        if tok.dep_ not in ("dobj", "nsubjpass", "pobj") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _is_place(tok) or tok.ent_type_ in ("DATE", "TIME"):
            continue
        if tok.dep_ == "pobj" and (tok.head.lower_ in _PLACE_PREPS or _is_place(tok.head.head)):
            continue  # "in the suburb of Petion-Ville": where, not who
        if plural and tok.tag_ not in ("NNS", "NNPS") and tok.ent_type_ not in ("ORG", "NORP"):
            continue
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
                recipient = _relative_antecedent(c, pred)  # "al-Muhandis, who was also killed"
    else:
        actor = _subject(pred)
        recipient = next((c for c in pred.children if c.dep_ in ("dobj", "dative")), None)
        if recipient is not None:  # "the camp that the mission handed over": the camp
            recipient = _relative_antecedent(recipient, pred)
        recipient = recipient or _approximate_object(pred) or _shared_object(pred)
    if recipient is None or _is_weapon(recipient):
        preps = _RECIPIENT_PREPS if material else _VERBAL_RECIPIENT_PREPS
        aimed = _prep_in_subtree(recipient, preps) if material and recipient is not None else None
        recipient = prep_object(pred, preps) or aimed or recipient
    if recipient is None and pred.dep_ in ("acl", "relcl") and passive is False and actor is None:
        recipient = None
    if passive and recipient is None and pred.dep_ in ("acl", "relcl"):
        recipient = pred.head  # "soldiers killed in the attack"
    return actor, recipient


def _relative_antecedent(tok: Token, pred: Token) -> Token:
    """The noun a relative pronoun stands for in ``pred``'s relative clause, else ``tok`` itself."""
    return pred.head if tok.lower_ in _REL_PRONOUNS and pred.dep_ == "relcl" else tok


# "detained around 70 protesters": the parser hangs a counted object on "around" as a preposition.
_APPROXIMATORS = {"around", "about", "over", "approximately", "roughly"}
_MEASURES = {"day", "hour", "week", "month", "year", "minute", "kilometre", "kilometer", "km", "mile"}


def _approximate_object(pred: Token) -> Token | None:
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ in _APPROXIMATORS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in _MEASURES and any(
                g.dep_ == "nummod" for g in obj.children
            ):
                return obj
    return None


def _shared_object(pred: Token) -> Token | None:
    """'shelled and bombed the village': the object hangs on the second verb only."""
    second = next((c for c in pred.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if second is None or not any(c.dep_ == "cc" for c in pred.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children):
        return None  # a clause of its own: "militants attacked, and police arrested five"
    # "beat and robbed travellers" share them; "detained and assaulted a girl" are two deeds
    kinds = {r.event_type for r in Lexicon.load().triggers_for(token_lemma(pred))}
    if not kinds & {r.event_type for r in Lexicon.load().triggers_for(token_lemma(second))}:
        return None
    return next((c for c in second.children if c.dep_ == "dobj"), None)


def _prep_in_subtree(tok: Token, preps: set[str]) -> Token | None:
    """'dropped grenades containing gas on Ukrainian positions': the target under the weapon."""
    for t in tok.subtree:
        # "with" under a weapon says what it carried ("rounds filled with mustard agent")
        if t.i != tok.i and t.dep_ == "prep" and t.lower_ in preps - {"with"}:
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def _is_weapon(tok: Token) -> bool:
    cue = Lexicon.load().weapon_cue(list(noun_phrase(tok)))
    return cue is not None and not cue.agent


def _noun_roles(noun: Token, material: bool = True) -> tuple[Token | None, Token | None]:
    actor = prep_object(noun, {"by", "from"})
    recipient = prep_object(noun, _RECIPIENT_PREPS if material else _VERBAL_RECIPIENT_PREPS)
    between = prep_object(noun, {"between"})
    if between is None and noun.dep_ == "nsubj":  # "fighting broke out between X and Y"
        between = prep_object(noun.head, {"between"})
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
    if noun.dep_ == "dobj" and token_lemma(noun.head) in _GIVING_VERBS:  # "X gave Y an ultimatum"
        actor = actor or _subject(noun.head)
        recipient = recipient or next((c for c in noun.head.children if c.dep_ == "dative"), None)
    return actor, recipient


# verbs whose subject delivers the event noun they govern to their indirect object; not "broke up
# a sit-in" or "condemned the attack", whose subject acts against the event
_GIVING_VERBS = {"give", "issue", "deliver", "send", "hand", "lodge", "file", "level", "serve"}


def _subject(pred: Token) -> Token | None:
    tok = pred
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            if subj.lower_ in _REL_PRONOUNS and tok.dep_ in ("relcl", "acl"):
                return _relative_head(tok.head)
            return subj
        if tok.dep_ in ("relcl", "acl") and (tok.tag_ != "VBN" or _misread_main_verb(tok)):
            return _relative_head(tok.head)
        if tok.dep_ not in ("xcomp", "conj", "advcl", "pcomp") or tok.head.i == tok.i:
            return None
        if tok.dep_ == "advcl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "ROOT":
            return tok.head  # "A suicide bomber on a motorbike rammed ..., killing six": a verbless parse
        if tok.dep_ == "xcomp":  # "X is expected to visit": the raised passive subject
            raised = next((c for c in tok.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised
        tok = tok.head
    return None


def _misread_main_verb(verb: Token) -> bool:
    """'Israeli forces arrested 25 Palestinians in raids, a rights group said': the parser made
    the verb a reduced relative of the sentence's first noun; a participle with a direct object
    is no passive one, so that noun is its subject."""
    return (
        verb.dep_ == "acl"
        and verb.head.dep_ in ("ROOT", "nsubj")
        and verb.head.i < verb.i
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _relative_head(head: Token) -> Token:
    """What a relative clause is about. The parse often hangs "which killed 32 civilians" on the
    last place named ("the air strike on a village in Kanbalu Township, Sagaing Region, which
    killed ..."); a place does not kill, so the nearest event or weapon word above it does."""
    if not _is_place(head):
        return head
    tok = head
    for _ in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ == "NOUN" and (_is_weapon(tok) or _is_event_word(tok)):
            return tok
    # the parse may hang the places on the verb: the nearest such word before them
    earlier = (t for t in reversed(head.sent[: head.i - head.sent.start]) if t.pos_ == "NOUN")
    return next((t for t in earlier if _is_weapon(t) or _is_event_word(t)), head)


def _is_event_word(tok: Token) -> bool:
    sent = tok.sent
    found = Lexicon.load().match_trigger(sent, tok.i - sent.start)
    return found is not None and found[0].event_type in ("ASSAULT", "COERCE")


def prep_object(tok: Token, preps: set[str]) -> Token | None:
    """The object of the first of ``preps`` under ``tok`` that is not a date ("on Monday")."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                return pobj
    return None


def _nationality_modifier(noun: Token, depth: int = 0) -> Token | None:
    for c in noun.children:
        if c.dep_ not in ("amod", "compound", "npadvmod"):
            continue
        if _city_of(c):
            continue  # "a Kabul car bombing" happened in Kabul; "Kabul said" is the government
        if c.ent_type_ in ("NORP", "GPE") or (c.ent_type_ == "ORG" and _is_known_actor(c)):
            return c
        if c.dep_ == "compound" and depth == 0:  # "Turkish drone strikes": the parse hangs it on "drone"
            found = _nationality_modifier(c, depth + 1)
            if found is not None:
                return found
    return None


def _country_name(tok: Token) -> bool:
    """The word names a country ("an attack on Israel"): a state, where a town is only a place."""
    return _vocabulary_kind([t.text for t in tok.lefts if t.dep_ == "compound"] + [tok.text]) == "country"


def _city_of(tok: Token) -> bool:
    """The word is a capital used for its government ("Kabul", "Moscow"): before an event noun it
    names where the event was."""
    return _vocabulary_kind([tok.text]) == "metonym"


def _vocabulary_kind(words: list[str]) -> str | None:
    """What the actor vocabulary files the words under (country, metonym, group...), if anything."""
    from eventwire.actors.vocab import vocabulary

    entry = vocabulary().lookup(words)
    return entry.kind if entry is not None else None


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


def _instrument_owner(inst: Token, depth: int = 0) -> Token | None:
    """Who wielded an instrument: 'Syrian airstrikes', "Israel's strikes", 'strikes by X'."""
    owner = prep_object(inst, {"by"})
    if owner is not None and depth < 2 and _is_weapon(owner):
        # "hit by a roadside bomb planted by militants": the bomb's owner
        owner = _instrument_owner(owner, depth + 1)
    if owner is None:
        owner = _launcher(inst)
    if owner is None:  # "Israel's strikes"; "yesterday's strike" names a day, not an owner
        owners = (c for c in inst.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME"))
        owner = next(owners, None)
    if owner is None:
        owner = _nationality_modifier(inst)
    if owner is None:
        owner = next(
            (
                c
                for c in inst.children
                if c.dep_ in ("compound", "amod", "nmod")
                and _names_a_force(c)
                and not _city_of(c)
                and not _part_of_weapon_name(c, inst)
            ),
            None,
        )
    if owner is None and inst.dep_ in ("dobj", "pobj"):  # "Al-Shabaab claimed the bombing"
        verb = inst.head if inst.dep_ == "dobj" else inst.head.head
        if verb.lemma_.lower() in ("claim", "carry", "conduct", "launch", "stage"):
            owner = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if owner is not None and owner.lower_ in _PRONOUNS:
        owner = _resolve_pronoun(owner, inst)
    return owner


def _part_of_weapon_name(word: Token, inst: Token) -> bool:
    """"fighter jet", "gunship helicopter": the modifier is part of the weapon's name."""
    cue = Lexicon.load().weapon_cue(list(word.doc[word.i : inst.i + 1]))
    return cue is not None and len(cue.lemmas) > 1 and token_lemma(word) in cue.lemmas


def _clause_subject(verb: Token) -> Token | None:
    """Who acts in a merged clause ("were killed when Russian drones struck a bus"): its subject,
    or the owner of the weapon that is its subject."""
    if verb.pos_ != "VERB":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in _PRONOUNS or subj.lower_ in _REL_PRONOUNS:
        return None
    return _instrument_owner(subj) if _is_weapon(subj) else subj


def _launcher(inst: Token) -> Token | None:
    """'mortar shells fired by the insurgents', 'a shell fired from rebel positions': the firer."""
    for c in inst.children:
        if c.dep_ not in ("acl", "relcl") or c.tag_ != "VBN":
            continue
        owner = prep_object(c, {"by"})
        if owner is not None:
            return owner
        origin = prep_object(c, {"from"})
        if origin is not None and _is_place(origin):
            return _occupants(origin)
    return None


def _owner_of_forces(actor: Token, anchor: Token) -> Token:
    """'the army said its forces shelled ...': the army, whose forces they are, is the actor."""
    poss = next((c for c in actor.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if poss is None:
        return actor
    return _resolve_pronoun(poss, anchor) or actor


def _names_a_force(tok: Token) -> bool:
    from eventwire.actors.vocab import singular, vocabulary

    if _is_weapon(tok):  # "drone strikes": the drone is the weapon, not its owner
        return False
    sectors = vocabulary().sectors
    if (singular(tok.lower_),) in sectors or tok.ent_type_ in ("NORP", "GPE", "ORG"):
        return True
    # an acronym before a weapon ("FAMa aircraft", "IDF tanks") names the force that owns it
    return tok.pos_ in ("PROPN", "NOUN") and sum(c.isupper() for c in tok.text) >= 2


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
    return _previous_subject(pron) if pron.dep_ in _SUBJ else None


_PRONOUN_REACH = 3  # sentences


def _pronominal(tok: Token) -> bool:
    """A subject that is itself a reference: "he", "those responsible", "this"."""
    return tok.lower_ in _PRONOUNS or tok.pos_ == "PRON" or tok.lower_ in ("those", "these", "this", "that")


def _previous_subject(pron: Token) -> Token | None:
    """'He threatened further attacks': a sentence-opening pronoun subject continues the
    previous sentence's subject when number and kind agree (a person for he/she)."""
    sent = pron.sent
    if sent.start == 0 or any(t.dep_ in _SUBJ for t in pron.doc[sent.start : pron.i]):
        return None
    subj = None
    for _ in range(_PRONOUN_REACH):  # "He is also alarmed ... He calls on": back past pronoun subjects
        if sent.start == 0:
            return None
        sent = pron.doc[sent.start - 1].sent
        subj = next((c for c in sent.root.children if c.dep_ in _SUBJ), None)
        if subj is not None and not _pronominal(subj):
            break
    if subj is None or _pronominal(subj) or subj.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return None
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    if pron.lower_ in ("he", "she"):
        return subj if not plural and subj.ent_type_ not in ("GPE", "LOC", "NORP") else None
    if pron.lower_ == "they":
        return subj if plural or subj.ent_type_ in ("ORG", "NORP") else None
    return subj if not plural and subj.ent_type_ != "PERSON" else None
