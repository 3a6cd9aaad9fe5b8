"""An event for a sentence the frames missed, when the classifier is sure it reports one.

Headlines and terse ACLED-style notes ("Bomb planted on motorcycle kills 4 at busy Quetta
market") often escape the frame patterns: no trigger from the lexicon, an odd parse. When no
frame fires and the classifier gives an ACLED sub-type with a high probability
(``new_event`` in the combine policy), the sentence still yields an event: its types from the
classifier, its toll, date and place from the same readers the frames use, its sides from the
subject and object of the sentence's main verb. Modal or negated sentences ("might march",
"did not attack") never do: without a frame there is nothing to read their modality from.

Example:
    >>> # cand = classifier_event(sent, index, ctx, predict_span(sent))
"""

from __future__ import annotations

from spacy.tokens import Span

from eventwire import actors, casualties
from eventwire.events.classifier import NONE, Prediction
from eventwire.events.combine import Policy, acled_record, consistent_sides, load_policy
from eventwire.events.extract import (
    Candidate,
    DocContext,
    counts_deaths,
    event_id,
    is_historical,
    report_date,
    sentence_evidence,
)
from eventwire.events.lexicon import QUAD_CLASS
from eventwire.model import Actor, Event

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "pobj", "attr"}


def _side(tok, ctx: DocContext) -> Actor | None:
    phrase = " ".join(t.text for t in tok.subtree)
    country = ctx.geo.countries[0] if ctx.geo.countries else None
    return actors.resolve_actor(phrase, context_country=country)


def _modal(sent: Span) -> bool:
    return any(t.dep_ == "neg" or t.tag_ == "MD" or t.lower_ in ("if", "unless") for t in sent)


def _plover_for(sub: str, pred: Prediction, policy: Policy) -> str | None:
    """The classifier's PLOVER type if it goes with the sub-type, else the likeliest that does."""
    allowed = policy.compatible.get(sub, frozenset())
    ranked = sorted(pred.plover_probs.items(), key=lambda kv: -kv[1])
    return next((t for t, _ in ranked if t in allowed and t in QUAD_CLASS), None)


def classifier_event(
    sent: Span, index: int, ctx: DocContext, pred: Prediction | None, policy: Policy | None = None
) -> Candidate | None:
    """A candidate built from the classifier's labels, or None (see the module docstring)."""
    if pred is None or pred.acled == NONE:
        return None
    policy = policy or load_policy()
    if pred.acled_p < policy.new_event or _modal(sent):
        return None
    event_type = _plover_for(pred.acled, pred, policy)
    if event_type is None:
        return None
    doc = ctx.document
    base = sent.start_char
    root = sent.root
    trig = (root.idx - base, root.idx - base + len(root.text))
    text = sent.text
    subj = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    obj = next((c for c in root.children if c.dep_ in _OBJECTS), None)
    actor = _side(subj, ctx) if subj is not None else None
    recipient = _side(obj, ctx) if obj is not None else None
    ents = [(e.start_char - base, e.end_char - base, e.label_) for e in sent.ents]
    location = ctx.geocoder.event_location(text, trig, ctx.geo, ents=ents)
    where = location.country if location else None
    if actor is not None:
        actor = actor.model_copy(update={"inter": actors.inter_code(actor, event_country=where)})
    if recipient is not None:
        recipient = recipient.model_copy(update={"inter": actors.inter_code(recipient, event_country=where)})
    actor, recipient = consistent_sides(pred.acled, actor, recipient)
    edate = report_date(text, doc.published)
    fact = "historical" if is_historical(edate, doc.published) else "asserted"
    counts = casualties.extract_casualties(text, trigger=trig)
    evidence = sentence_evidence(doc, sent)
    event = Event(
        id=event_id(doc.id, evidence.start, evidence.end, event_type, root.idx),
        event_type=event_type,
        quad_class=QUAD_CLASS[event_type],
        acled=acled_record(pred.acled, actor, recipient),
        actor=actor,
        recipient=recipient,
        date=edate.date,
        date_precision=edate.precision,
        date_text=edate.text,
        location=location,
        fatalities=counts.killed if counts_deaths(event_type) else None,
        injured=counts.injured,
        materiel=list(counts.materiel),
        factuality=fact,
        trigger=root.text,
        evidence=evidence,
        confidence=0.5,
    )
    return Candidate(event=event, frame_sentence=index, weapon=None, cues=set())
