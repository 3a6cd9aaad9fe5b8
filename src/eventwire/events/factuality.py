"""Factuality of an event frame: asserted, reported, future, hypothetical or negated.

PLOVER records whether an event happened, will happen, might happen or did not happen. The
words that decide it (auxiliaries, governing verbs such as "deny" or "plan", markers such as
"if") are in modality_words.tsv. "historical" is decided later, from the event's date, except
where an adverb says so ("had previously attacked").

Example:
    >>> # factuality(frame) for "Rebels denied attacking the convoy." -> "negated"
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from eventwire.events.frames import Frame
from eventwire.events.lexicon import speech_verbs, token_lemma
from eventwire.resources import read_tsv


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"aux": {}, "governor": {}, "mark": {}, "advmod": {}}
    for r in read_tsv("modality_words.tsv"):
        table[r["role"]][r["lemma"]] = r["factuality"]
    return table


_NOBODY = frozenset({"nobody", "none", "noone"})


def _reported_speech(pred: Token) -> bool:
    """The clause is what someone said ("said the army would ...")."""
    return pred.dep_ == "ccomp" and token_lemma(pred.head) in speech_verbs()


def factuality(frame: Frame) -> str:
    """The PLOVER factuality of ``frame``'s event."""
    words = _words()
    pred: Token = frame.light_verb or frame.predicate
    for c in pred.children:
        if c.dep_ == "neg":
            return "negated"
        if c.dep_ == "nsubj" and (c.lower_ in _NOBODY or any(d.lower_ == "no" for d in c.children)):
            return "negated"  # "No group claimed the attack", "nobody was hurt"
    clause = pred
    if pred.pos_ in ("NOUN", "PROPN") and pred.dep_ in ("nsubj", "nsubjpass") and pred.head.i != pred.i:
        clause = pred.head  # "an offensive could begin", "if attacks spread": the noun's clause says
    if frame.event_type != "THREATEN":  # a threat is itself asserted; its content is future
        for c in (*pred.children, *(clause.children if clause is not pred else ())):
            if c.dep_ in ("aux", "auxpass") and (token_lemma(c) in words["aux"] or c.lower_ in words["aux"]):
                if c.lower_ == "would" and _reported_speech(pred):
                    return "future"  # "said the government would deploy troops": will, told in the past
                return words["aux"].get(token_lemma(c)) or words["aux"][c.lower_]
            if c.dep_ == "mark" and c.lower_ in words["mark"]:
                return words["mark"][c.lower_]
    for c in pred.children:
        if c.dep_ == "advmod" and c.lower_ in words["advmod"]:
            return words["advmod"][c.lower_]
    if pred.lower_ == "going" or any(c.lower_ == "going" for c in pred.children):
        return "future"
    if pred.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in pred.children):
        return "future"  # "set up a joint force to fight militants": what it is for, not what it did
    tok = pred
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep") or tok.head.i == tok.i:
            break
        tok = tok.head
        governed = words["governor"].get(token_lemma(tok))
        if governed and frame.event_type not in ("THREATEN", "REJECT", "AGREE"):
            return governed
        if any(c.dep_ == "neg" for c in tok.children):
            return "negated"
    if frame.attribution is not None:
        return "reported"
    return "asserted"
