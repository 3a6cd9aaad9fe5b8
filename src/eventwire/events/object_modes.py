"""The mode of a verbal event from the event it is about.

"The spokesman threatened further attacks on vessels" is THREATEN with mode violence because its
object, "attacks", is an ASSAULT word; "urged allies to speed up deliveries of air defence
systems" is REQUEST/assist because "deliveries" is an AID word. The trigger lexicon already knows
the object words; ``event_object_modes.tsv`` maps (verbal type, object type) to a mode.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.events.lexicon import Lexicon
from eventwire.resources import read_tsv

# How an object hangs from the verbal predicate, and how deep to look ("urged X to speed up
# deliveries": xcomp, then dobj).
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "pobj", "prep", "attr", "oprd"})
_PREPS = frozenset({"with", "of", "for", "to", "against"})
_DEPTH = 3


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], str]:
    return {(r["type"], r["object_type"]): r["mode"] for r in read_tsv("event_object_modes.tsv")}


def object_mode(event_type: str, predicate: Token, sent: Span, lex: Lexicon) -> str | None:
    """The mode ``event_type`` takes from the first event word among ``predicate``'s objects."""
    table = _table()
    if not any(key[0] == event_type for key in table):
        return None
    frontier = [predicate]
    for _ in range(_DEPTH):
        nxt: list[Token] = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ not in _OBJECT_DEPS or (child.dep_ == "prep" and child.lower_ not in _PREPS):
                    continue
                if child.dep_ != "prep" and sent.start <= child.i < sent.end:
                    found = lex.match_trigger(sent, child.i - sent.start)
                    mode = table.get((event_type, found[0].event_type)) if found else None
                    if mode is not None:
                        return mode
                nxt.append(child)
        frontier = nxt
    return None
