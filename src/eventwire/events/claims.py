"""Claims of responsibility told apart from the attack they claim.

"A drone attack targeted a base housing U.S. troops ... The Islamic Resistance in Iraq claimed
responsibility in a statement": the attack sentence names no attacker, the claim names no attack.
ACLED and UCDP code the claimant as the perpetrator. This module finds the claimant of a
sentence; ``events.assemble`` gives it to the document's unattributed attacks told before it.
A denied or negated claim ("No group has yet claimed responsibility") names no one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_CLAIM_VERBS = frozenset({"claim", "accept", "admit"})
_CLAIMED = frozenset({"responsibility", "credit"})


# "an attack ascribed to the Taliban", "a bombing blamed on al-Shabaab": the report's own
# passive attribution of the attack names its perpetrator. An active accusation ("the militia
# blamed Israel for the strike") is one side's word, an ACCUSE event, and names no one here.
_BLAME_VERBS = {"ascribe": "to", "attribute": "to", "blame": "on"}


def claimant(sent: Span) -> Token | None:
    """The head of who claims responsibility in ``sent`` (or is held responsible), or None."""
    return _claimed(sent) or _blamed(sent)


def _blamed(sent: Span) -> Token | None:
    for tok in sent:
        prep = _BLAME_VERBS.get(tok.lemma_.lower())
        if prep is None or tok.tag_ != "VBN" or any(c.dep_ == "neg" for c in tok.children):
            continue
        if any(c.dep_ in ("nsubj", "agent") for c in tok.children):
            continue  # "Kabul has blamed ..." / "blamed by officials on ...": someone's accusation
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                who = next((g for g in c.children if g.dep_ == "pobj"), None)
                if who is not None and who.pos_ in ("PROPN", "NOUN"):
                    return who
    return None


def _claimed(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lemma_.lower() not in _CLAIM_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in _CLAIMED for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None and tok.dep_ == "conj":  # "X issued a statement and claimed ..."
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.lower_ in ("no", "none") for c in subject.children):
            continue
        if subject.lower_ in ("no", "nobody", "none", "it", "they"):
            continue
        return subject
    return None
