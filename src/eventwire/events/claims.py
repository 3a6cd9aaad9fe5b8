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


def claimant(sent: Span) -> Token | None:
    """The head of who claims responsibility in ``sent``, or None."""
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
