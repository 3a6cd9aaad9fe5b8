"""The country an unknown place's spelling points to ("Novohnativka": Ukraine, "Kafr Batna": Syria).

News of fighting names villages the gazetteer lacks. When nothing else in the text says which
country one is in, its spelling still does: romanisations differ by country (Ukrainian -ivka,
-ske, -illya; Arabic Kafr, Tall, -iyah; Somali, Hausa or Burmese syllables). A naive Bayes model
over the character n-grams of the gazetteer's names in the countries of long-running armed
conflict (``geo_conflict_regions.tsv``: unknown villages in conflict news are mostly there) is
counted when the index is built (``build.py``, tables ``spellings`` and ``spelling_classes``)
and read here. A guess is kept only when one country is clearly likelier than every other.

Example:
    >>> # spelled_country(Gazetteer.open(), "Novohnativka")  -> 'UKR'
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from eventwire.geo.gazetteer import Gazetteer

GRAM_SIZES = (2, 3, 4)
# add-k smoothing of an n-gram a country's names never show
SMOOTHING = 0.5
# naive Bayes multiplies dependent n-gram likelihoods and is far too sure of itself; the summed
# log-likelihood scaled by TEMPERATURE / sqrt(number of grams) gives probabilities whose 0.9 bin
# is right about 85 % of the time on gazetteer names held out of the counts
TEMPERATURE = 3.0
# a guess below this is no guess: the place stays in no country
MIN_PROBABILITY = 0.9
# names this short say too little of their language ("Gao", "Ber")
MIN_LETTERS = 5


def grams(key: str) -> list[str]:
    """The character n-grams of a name key, each word marked at both ends ("^nov", "vka$")."""
    out: list[str] = []
    for word in key.split():
        w = f"^{word}$"
        for n in GRAM_SIZES:
            out.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return out


def count_grams(keys) -> tuple[dict[str, Counter], int]:
    """Per country n-gram counts of ``(key, iso3)`` pairs, and the number of distinct n-grams."""
    counts: dict[str, Counter] = {}
    vocab: set[str] = set()
    for key, iso3 in keys:
        g = grams(key)
        counts.setdefault(iso3, Counter()).update(g)
        vocab.update(g)
    return counts, len(vocab)


@lru_cache(maxsize=20_000)
def probabilities(gazetteer: Gazetteer, key: str) -> tuple[tuple[float, str], ...]:
    """Each conflict country's probability of being where a place so spelled is, likeliest first
    ("" for all other countries together)."""
    g = grams(key)
    classes, unseen = gazetteer.spelling_classes()
    if not g or not classes:
        return ()
    known = gazetteer.spelling_logp(tuple(sorted(set(g))))
    total = sum((known.get(x, unseen) for x in g), np.zeros(len(classes), dtype=np.float64))
    scores = total * TEMPERATURE / math.sqrt(len(g))
    odds = np.exp(scores - scores.max())
    odds /= odds.sum()
    order = np.argsort(-odds, kind="stable")
    return tuple((float(odds[i]), classes[i]) for i in order)


def spelled_country(gazetteer: Gazetteer, key: str) -> str | None:
    """The ISO3 country a place name's spelling clearly points to, else None."""
    if sum(c.isalpha() for c in key) < MIN_LETTERS:
        return None
    ranked = probabilities(gazetteer, key)
    if ranked and ranked[0][0] >= MIN_PROBABILITY and ranked[0][1]:
        return ranked[0][1]
    return None
