"""Truecasing of headlines in capitals or in Title Case, so that the parser sees ordinary case.

The parser and the place spotter rely on case. An all-capitals text ("TROOPS SHOT 20 DEAD IN
CENTRAL AFRICAN REPUBLIC") is rewritten in sentence case, with the words that name places,
countries, nationalities and armed groups capitalised again. A Title Case headline ("Warplanes
Target A School And Kill 4 Citizens") loses its verbs to the proper-noun tag, so its common
words (truecase_common.tsv) and its event words (the trigger, weapon and actor-sector
vocabularies) are lower-cased; other capitalised words are kept, since they may be names.
Texts in ordinary case are returned unchanged.

Example:
    >>> truecase("TROOPS SHOT 20 DEAD IN BANGUI")
    'Troops shot 20 dead in Bangui'
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.resources import read_tsv

SHOUTING = 0.8
# share of capitalised content words from which a text counts as Title Case; a sentence
# of ordinary prose full of names ("UN chief Antonio Guterres said") stays below it
TITLE = 0.8
MIN_TITLE_WORDS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LONGEST_NAME = 4


def is_shouting(text: str) -> bool:
    """True when nearly all letters of a text of several words are capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) >= SHOUTING


def is_title_case(text: str) -> bool:
    """True when most content words start with a capital ("Israeli Jets Strike Gaza Camp").

    Headlines do not end with a full stop; a sentence that does is prose whose capitals are names
    and a dateline ("KHARTOUM, Sudan (AP) - Fighting resumed on Sunday.")."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _minor()]
    if len(words) < MIN_TITLE_WORDS or is_shouting(text) or text.rstrip().endswith("."):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= TITLE


@lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    from eventwire.actors.vocab import vocabulary

    vocab = vocabulary()
    words = {w for key in vocab.folded for w in key if len(w) > 2}
    return frozenset(words)


@lru_cache(maxsize=1)
def _single_names() -> frozenset[str]:
    """One-word names (countries, demonyms, groups): capitalised in Title Case text too."""
    from eventwire.actors.vocab import vocabulary

    return frozenset(key[0] for key in vocabulary().folded if len(key) == 1 and len(key[0]) > 2)


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """Surface forms of trigger, light-verb and weapon lemmas and of actor-sector words."""
    from eventwire.actors.vocab import vocabulary
    from eventwire.events.lexicon import Lexicon, forms

    lex = Lexicon.load()
    lemmas = {row.lemmas[0] for row in lex.triggers}
    lemmas |= {lv[0] for lv in lex.light_verbs} | {m.lemmas[0] for m in lex.modes}
    lemmas |= {key[0] for key in vocabulary().sectors if len(key) == 1}
    return frozenset(f for lem in lemmas if lem.isalpha() for f in forms(lem))


@lru_cache(maxsize=50_000)
def _is_place(word: str) -> bool:
    from eventwire.geo import get_geocoder

    places = get_geocoder().gazetteer.lookup(word)
    return any(p.population >= 100_000 or p.feature in ("PCLI", "ADM1") for p in places[:5])


@lru_cache(maxsize=1)
def _common_rows() -> tuple[dict[str, str], ...]:
    return read_tsv("truecase_common.tsv")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(r["word"] for r in _common_rows())


@lru_cache(maxsize=1)
def _minor() -> frozenset[str]:
    return frozenset(r["word"] for r in _common_rows() if r.get("minor") == "yes")


def _is_common(low: str) -> bool:
    return low in _common() or (low.endswith("s") and low[:-1] in _common())


def _capitalise(low: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in low.split("-"))


def _case(word: str) -> str:
    low = word.lower()
    if _is_common(low):
        return low
    if low in _proper_words() or _is_place(low):
        return _capitalise(low)
    return low


def _title_case(word: str) -> str:
    if len(word) > 1 and word.isupper():  # an acronym in a Title Case headline ("CAR", "UN")
        return word
    low = word.lower()
    if _is_common(low):
        return low
    if low in _single_names():
        return word
    if low in _event_words() and not _is_place(low):
        return low
    return word


def _name_spans(words: list[re.Match]) -> set[int]:
    """Indices of words inside a run of 2-4 adjacent words that is a known multiword name."""
    from eventwire.actors.vocab import vocabulary

    folded = vocabulary().folded
    keep: set[int] = set()
    for i in range(len(words)):
        for n in range(_LONGEST_NAME, 1, -1):
            run = words[i : i + n]
            adjacent = all(words[j + 1].start() - words[j].end() == 1 for j in range(i, i + len(run) - 1))
            if len(run) == n and adjacent and tuple(m.group(0).lower() for m in run) in folded:
                keep.update(range(i, i + n))
                break
    return keep


def truecase(text: str) -> str:
    """Sentence case for shouting or Title Case text, keeping names capitalised; other text unchanged."""
    shouting = is_shouting(text)
    if not shouting and not is_title_case(text):
        return text
    words = list(_WORD.finditer(text))
    names = _name_spans(words)
    parts: list[str] = []
    last = 0
    for i, m in enumerate(words):
        word = m.group(0)
        if i in names:
            new = _capitalise(word.lower()) if shouting else word
        else:
            new = _case(word) if shouting else _title_case(word)
        parts.append(text[last : m.start()] + new)
        last = m.end()
    out = "".join(parts) + text[last:]
    return re.sub(r"(^|[.!?;]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
