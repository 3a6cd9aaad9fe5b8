"""Ranking gazetteer candidates for one mention: context first, then prominence.

Weights, in order of strength: a country name is the country; the document's main country;
a region named in the same sentence that contains the candidate; the other countries of the
document; the primary (not alternate) name; then population (log scale) and a region's record
of armed conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from eventwire.geo.build import population_score
from eventwire.geo.context import GeoContext
from eventwire.geo.gazetteer import Place
from eventwire.resources import read_tsv

COUNTRY_NAME = 6.0
MAIN_COUNTRY = 3.0
OTHER_COUNTRY = 2.5
SAME_REGION_HINT = 3.0
SAME_COUNTRY_HINT = 1.5
NEIGHBOUR_HINT = 1.0
PRIMARY_NAME = 0.5
FUZZY_PENALTY = 0.25  # per point of edit-distance ratio below 100
REGION_FEATURE = -1.5  # "in Nairobi" is the town, unless the text says "region"
# eventwire's own places (geo_toponyms.tsv, geo_features.tsv without a GeoNames id) are there
# because news names them; GeoNames gives them no population ("Sinai" is not Cantón Sinaí)
CURATED = 2.0
# per weight point of a region of long-running armed conflict (geo_conflict_regions.tsv): the
# small village of a name there, rather than its namesake at peace, is the one war news means
CONFLICT_REGION = 0.3


@lru_cache(maxsize=1)
def _conflict_regions() -> dict[tuple[str, str], float]:
    return {(r["country"], r["admin1"]): float(r["weight"]) for r in read_tsv("geo_conflict_regions.tsv")}


def conflict_weight(place: Place) -> float:
    """How much armed conflict news the place's first-level region makes (0 for none)."""
    regions = _conflict_regions()
    cc = place.cc or ""
    return regions.get((cc, place.admin1 or ""), 0.0) or regions.get((cc, "*"), 0.0)


def score(place: Place, ctx: GeoContext, hints: Sequence) -> float:
    """How likely ``place`` is the place meant, given the context."""
    s = population_score(place.population)
    if place.is_country:
        s += COUNTRY_NAME
    if ctx.countries and place.iso3 == ctx.countries[0]:
        s += MAIN_COUNTRY
    elif place.iso3 in ctx.countries[1:]:
        s += OTHER_COUNTRY
    for hint in hints:
        for k, other in enumerate(hint.candidates[:5]):
            if other.id == place.id:
                continue
            if other.feature == "ADM1" and other.cc == place.cc and other.admin1 == place.admin1:
                s += SAME_REGION_HINT
                break
            if other.is_country and other.cc == place.cc:
                s += SAME_COUNTRY_HINT
                break
            # the most prominent place of another name, in the same region ("Ariha ... Saraqib")
            if k == 0 and not other.fuzzy and other.cc == place.cc and other.admin1 == place.admin1:
                s += NEIGHBOUR_HINT
                break
    if place.primary:
        s += PRIMARY_NAME
    if place.id < 0:
        s += CURATED
    if not place.is_country:
        s += CONFLICT_REGION * conflict_weight(place)
    if place.feature in ("ADM1", "ADM2"):
        s += REGION_FEATURE
    s -= place.fuzzy * FUZZY_PENALTY
    return s


def rank(cands: Sequence[Place], surface: str, ctx: GeoContext, hints: Sequence) -> list[Place]:
    """Candidates best first (ties broken by id, so results are stable)."""
    return sorted(cands, key=lambda p: (-score(p, ctx, hints), p.id))
