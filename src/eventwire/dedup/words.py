"""The words of a report that tell one event from another, and how much two reports share.

Pure functions over text; the stop list is ``data/dedup_stopwords.tsv``.

Example:
    >>> sorted(content_words("Gunmen killed 12 villagers in Kadawa"))
    ['12', 'gunmen', 'kadawa', 'villager']
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.model import Location
from eventwire.resources import read_tsv

MIN_WORDS = 8  # the wording score treats shorter reports as if they had this many words


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(row["word"] for row in read_tsv("dedup_stopwords.tsv"))


_WORD = re.compile(r"[^\W_][\w'-]*")


# "near Awdinle, west of Baidoa", "a warehouse 20 km south of Odesa": a town named only to say
# where another place lies is not where the event happened
_REFERENCE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})"
)
REFERENCE_MARK = "~"  # marks a word named only as a reference point (see ``named_in``)


def content_words(text: str) -> frozenset[str]:
    """The words of a text that can tell one event from another: names, numbers, specific
    nouns (longer than three letters and not in ``dedup_stopwords.tsv``). A place named only as
    a reference point ("west of Baidoa") also gives its words marked with ``REFERENCE_MARK``."""
    words = _words(text)
    referred = {w for m in _REFERENCE.finditer(text) for w in _words(m.group("place"))}
    elsewhere = _words(_REFERENCE.sub(" ", text))
    return frozenset(words | {REFERENCE_MARK + w for w in referred - elsewhere})


def _words(text: str) -> set[str]:
    stop = _stopwords()
    out = set()
    for word in _WORD.findall(text.lower().replace("\u2019", "'")):
        word = word.strip("'-").removesuffix("'s")
        if (len(word) <= 3 and not word.isdigit()) or word in stop:
            continue
        # a light plural stem, so that "rebels" meets "rebel" and "missiles" "missile"
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.add(word)
    return out


def wording_score(a: frozenset[str], b: frozenset[str]) -> float | None:
    """How many of the shorter report's content words the other shares (overlap coefficient),
    scaled so that 40% shared scores 1.0.

    Measured on the gold report groups, this separates reports of one event from near misses
    better than a fuzzy ratio of the two evidence sentences: different outlets word the same
    event differently, but name the same village, number and target.
    """
    a = frozenset(w for w in a if not w.startswith(REFERENCE_MARK))
    b = frozenset(w for w in b if not w.startswith(REFERENCE_MARK))
    if not a or not b:
        return None
    # a floor on the denominator: two words shared by five-word snippets is weak evidence
    return min(1.0, len(a & b) / max(MIN_WORDS, min(len(a), len(b))) / 0.4)


def named_in(loc: Location | None, words: frozenset[str]) -> bool:
    """True when a report's words name a place (every content word of its name as written), and
    not only as a reference point for another ("an ambush west of Baidoa" does not name Baidoa
    as where anything happened)."""
    if loc is None:
        return False
    name = _words(loc.text) or _words(loc.name)
    return bool(name) and name <= words and not {REFERENCE_MARK + w for w in name} <= words
