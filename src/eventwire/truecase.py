"""Truecasing of text written in capitals ("TROOPS SHOT 20 DEAD IN CENTRAL AFRICAN REPUBLIC").

The parser and the place spotter rely on case, so an all-capitals headline is rewritten in
sentence case, with the words that name places, countries, nationalities and armed groups
capitalised again. Texts that are not shouting are returned unchanged.

Example:
    >>> truecase("TROOPS SHOT 20 DEAD IN BANGUI")
    'Troops shot 20 dead in Bangui'
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.resources import read_tsv

SHOUTING = 0.8
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def is_shouting(text: str) -> bool:
    """True when nearly all letters of a text of several words are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) >= SHOUTING


@lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    from eventwire.actors.vocab import vocabulary

    vocab = vocabulary()
    words = {w for key in vocab.folded for w in key if len(w) > 2}
    return frozenset(words)


@lru_cache(maxsize=50_000)
def _is_place(word: str) -> bool:
    from eventwire.geo import get_geocoder

    places = get_geocoder().gazetteer.lookup(word)
    return any(p.population >= 100_000 or p.feature in ("PCLI", "ADM1") for p in places[:5])


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("truecase_common.tsv"))


def _case(word: str) -> str:
    low = word.lower()
    if low in _common():
        return low
    if low in _proper_words() or _is_place(low):
        return "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
    return low


def truecase(text: str) -> str:
    """Sentence case for shouting text, keeping names capitalised; other text unchanged."""
    if not is_shouting(text):
        return text
    out = _WORD.sub(lambda m: _case(m.group(0)), text)
    return re.sub(r"(^|[.!?;]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
