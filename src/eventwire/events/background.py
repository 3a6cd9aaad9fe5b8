"""Whether an event mention is background: the war a report refers to, not an event it reports.

"Envoys met in Jeddah for their first talks since fighting began" reports talks; the fighting
is the situation they are about. "A truce took effect, ending a year of fighting" reports the
truce. Such mentions are still coded (they say who fights whom) but as "historical", so the
report's main event and the dataset's event counts come from what the report is about. The
governing words are data (``event_background.tsv``).

The rule is read over the dependency parse of the event word (see ``is_background``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.resources import read_tsv

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LINKS = frozenset({"of", "to", "on"})  # "a year of fighting", "an end to the war"



@lru_cache(maxsize=1)
def _rules() -> dict[str, frozenset[str]]:
    rules: dict[str, set[str]] = {}
    for row in read_tsv("event_background.tsv"):
        rules.setdefault(row["relation"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in rules.items()}


def _ended(trigger: Token, enders: frozenset[str]) -> bool:
    """The trigger is what an "end" word ends: its object, or reached from it through of/to."""
    tok = trigger
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ in ("dobj", "pobj", "nsubjpass") and head.lemma_.lower() in enders:
            return True
        if not (tok.dep_ == "pobj" and head.lower_ in _LINKS and head.head.i != head.i):
            return False
        tok = head.head  # "a year of fighting" → "year"; "an end to the war" → "end"
        if tok.lemma_.lower() in enders:
            return True
    return False


def is_background(trigger: Token) -> bool:
    """True when the event word refers to an earlier or ongoing war rather than a new event."""
    rules = _rules()
    head = trigger.head
    if trigger.dep_ in _SUBJECTS and head.i != trigger.i:
        marks = {c.lower_ for c in head.children if c.dep_ == "mark"}
        if marks & rules.get("clause", frozenset()):
            return True
    if trigger.dep_ == "pobj" and head.lower_ in rules.get("object", frozenset()):
        return True
    if any(c.dep_ == "mark" and c.lower_ in rules.get("verb", frozenset()) for c in trigger.children):
        return True  # "since the military seized power last year"
    answered = head.head if head.head.i != head.i else None
    if trigger.dep_ == "pobj" and answered is not None and answered.lemma_.lower() in rules.get("cause", ()):
        return True  # "in retaliation for Iran's missile attack"
    return _ended(trigger, rules.get("ended", frozenset()))


def background_tokens(sent: Span, trigger: Token, events: set[int]) -> set[int]:
    """Token indices of the sentence's background clauses that do not hold ``trigger``.

    ``events`` are the indices of the sentence's event words: a clause is background only when
    it tells another event. "held their first talks since fighting began in April 2023": April
    2023 dates the fighting, not the talks; "before dawn on Saturday" names no event and stays."""
    out: set[int] = set()
    concessive = _rules().get("concession", frozenset())
    for tok in sent:
        other = [i for i in events if i != trigger.i and _governs_background(sent.doc[i], tok)]
        if not other and not (tok.dep_ == "prep" and tok.lower_ in concessive):
            continue
        span = range(tok.left_edge.i, tok.right_edge.i + 1)
        if trigger.i not in span:
            out.update(span)
    return out


def _governs_background(event: Token, tok: Token) -> bool:
    """``tok`` heads the phrase that makes ``event`` background."""
    rules = _rules()
    head = event.head
    if event.dep_ in _SUBJECTS and head.i == tok.i:
        return any(c.dep_ == "mark" and c.lower_ in rules.get("clause", frozenset()) for c in tok.children)
    if event.dep_ == "pobj" and head.i == tok.i:
        return tok.lower_ in rules.get("object", frozenset()) or (
            tok.head.i != tok.i and tok.head.lemma_.lower() in rules.get("cause", frozenset())
        )
    return False


def told_event_tokens(trigger: Token, events: set[int]) -> set[int]:
    """Token indices of the object phrase that tells another event inside ``trigger``'s phrase.

    "The UN chief condemned the air strike carried out on 9 April, which killed 32": 9 April dates
    the strike (the event told in the object); the condemnation is the statement's own act. Meant
    for statements about events (verbal types)."""
    out: set[int] = set()
    for i in events:
        tok = trigger.doc[i]
        if i == trigger.i or trigger not in tok.ancestors:
            continue
        while tok.head.i != trigger.i:
            tok = tok.head
        if tok.dep_ in ("dobj", "prep"):
            out.update(range(tok.left_edge.i, tok.right_edge.i + 1))
    return out


def update_tokens(sent: Span, trigger: Token) -> set[int]:
    """Token indices of a toll update's own modifiers when ``trigger`` sits in the toll's subject.

    "The death toll from a car bombing ... rose to 17 on Wednesday": Wednesday is when the toll
    rose, not when the bombing happened."""
    nouns = _rules().get("update", frozenset())
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ not in _SUBJECTS or tok.lemma_.lower() not in nouns or tok.head.i == tok.i:
            continue
        if not (tok.left_edge.i <= trigger.i <= tok.right_edge.i):
            continue
        for child in tok.head.children:
            if child.i != tok.i and child.dep_ in ("prep", "npadvmod", "advmod"):
                out.update(range(child.left_edge.i, child.right_edge.i + 1))
    return out


def comparison_tokens(sent: Span, trigger: Token) -> set[int]:
    """Token indices of a superlative's phrase that does not hold ``trigger``.

    "Gunmen killed 12 worshippers in Katsina, the deadliest attack in the state this year": this
    year is what the attack is compared with, not when it happened."""
    out: set[int] = set()
    for tok in sent:
        if tok.pos_ != "NOUN" or not any(c.dep_ == "amod" and c.tag_ == "JJS" for c in tok.children):
            continue
        span = range(tok.left_edge.i, tok.right_edge.i + 1)
        if trigger.i not in span:
            out.update(span)
    return out
