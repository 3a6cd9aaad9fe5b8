"""The place a headline (or any text without a known event trigger) is about.

The most specific place wins: a place put in the text by a preposition before any other, then any
sub-national place, then a country. A headline naming only a country ("Centrafrique : ...") is
searched for that country's towns and for a topic opening its clauses ("Vakaga : ...").

Example:
    >>> # headline_location(Geocoder.load(), "Shelling in Saraqib").name  -> 'Saraqib'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.geo.build import ARTICLE_WORDS, norm
from eventwire.geo.context import GeoContext
from eventwire.geo.cues import (
    PlaceMention,
    actor_name,
    country_of,
    demonyms,
    reference_rank,
    stopwords,
    titles,
)
from eventwire.geo.resolve import USUAL_MEANING_POPULATION, with_admin_hint
from eventwire.model import Location

if TYPE_CHECKING:
    from eventwire.geo.locate import Geocoder


def headline_location(
    geocoder: Geocoder, text: str, context: GeoContext | None = None, ents=None
) -> Location | None:
    """The place a headline (or any text without a known event trigger) is about.

    The most specific place wins: a place put in the text by a preposition before any other,
    then any sub-national place, then a country; the countries the text names are its context."""
    mentions = [m for m in geocoder.spot(text, ents) if m.candidates]
    if all(country_of(m) is not None for m in mentions):
        named = {c.iso3 for m in mentions if (c := country_of(m)) is not None}
        mentions = [*_opening_places(geocoder, text), *_towns_of(geocoder, text, named), *mentions]
    if not mentions and (bare := _bare_name(text)):
        # a name alone that the gazetteer lacks is believed a place only where its spelling
        # says which country it is in ("Al Jazeera" alone is no place)
        loc = geocoder.resolve(bare[0], context or GeoContext())
        return loc if loc is not None and loc.country is not None else None
    if not mentions:
        return None
    countries = [c.iso3 for m in mentions if (c := country_of(m)) is not None and c.iso3]
    ctx = context or GeoContext()
    ctx = ctx.model_copy(update={"countries": [*ctx.countries, *[c for c in countries if c]]})
    local = [m for m in mentions if country_of(m) is None]
    pool = [m for m in local if m.locative or m.region_word] or local or mentions
    # a town the text names as one ("Daraa city") before a place only used as a reference
    # ("the countryside of Homs", "north of Aleppo"); otherwise the text's order
    pool = sorted(pool, key=lambda m: reference_rank(text, m))
    fallback = None
    for chosen in pool:
        hints = tuple(m for m in mentions if m is not chosen)
        loc = geocoder.resolve(chosen, ctx, hints=hints)
        if loc is not None and loc.lat is not None:
            return with_admin_hint(loc, hints, geocoder, ctx)
        fallback = fallback or loc
    return fallback


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+){0,2}")


def _towns_of(geocoder: Geocoder, text: str, countries: set[str | None]) -> list[PlaceMention]:
    """Capitalised names that are towns' own exact names in the countries the headline names
    ("Centrafrique : les ressortissants de Batangafo ..."): the headline's country makes a
    name a place that no preposition or parser label does (French, shouting, lists)."""
    out: list[PlaceMention] = []
    for m in _CAPITALISED.finditer(text):
        words = list(re.finditer(r"[^ -]+", m.group(0)))
        i = 0
        while i < len(words):  # the longest town name from each word on ("Bambari Rapport")
            for j in range(len(words), i, -1):
                start, end = m.start() + words[i].start(), m.start() + words[j - 1].end()
                surface = text[start:end]
                key = norm(surface)
                if not key or any(w in stopwords() for w in key.split()) or key in demonyms():
                    continue
                found = geocoder.gazetteer.lookup(surface)
                cands = tuple(
                    c
                    for c in found
                    if not c.fuzzy and c.primary and not c.is_country and c.iso3 in countries
                    and c.lat is not None
                )  # fmt: skip
                if cands and not any(c.is_country for c in found):
                    out.append(PlaceMention(start, end, surface, cands, True, False, False, None))
                    i = j - 1
                    break
            i += 1
    return out


# a headline clause opening with a name: at the start, or after "Centrafrique :", ";", "|"
_OPENING = re.compile(r"(?:^|[:;|]\s*)([A-Z][\w'’]+(?:[ -][A-Z][\w'’]+){0,2})(?=\s*[:,]?\s)")


def _opening_places(geocoder: Geocoder, text: str) -> list[PlaceMention]:
    """Names opening a headline's clauses that can only be places: a region's or a real town's
    own exact name ("Kaga-Bandoro sous tension ...", "Vakaga : Birao secoué ..."). Taken only
    when the headline gives no other place, as a headline's topic often stands first."""
    out = []
    for m in _OPENING.finditer(text):
        surface = m.group(1)
        key = norm(surface)
        if not key or any(w in stopwords() for w in key.split()) or key in demonyms():
            continue
        found = geocoder.gazetteer.lookup(surface)
        if any(c.is_country for c in found):
            continue  # "Mali : ...": the country the headline is about, not China's town Mali
        cands = tuple(
            c
            for c in found
            if not c.fuzzy
            and c.primary
            and not c.is_country
            and (c.feature == "ADM1" or c.population >= USUAL_MEANING_POPULATION)
        )
        if cands:
            out.append(PlaceMention(m.start(1), m.end(1), surface, cands, True, False, False, None))
    return out


# a headline that is one name, maybe called a town or a village, maybe repeated ("Marinka;
# Marinka", "Pisky village"): event lists and wire slugs label an item with its place alone
_BARE = re.compile(
    r"\s*([A-Z][\w'’]+(?:[ -](?:(?:al|el|ad|an|ar|as|ash|at|az|ez|ed|es|de|du|la|le|bin|ibn)[ -])?"
    r"[A-Z][\w'’]+){0,2}?)(?:\s+(?:town|village|city|area|settlement))?\s*"
)


def _bare_name(text: str) -> list[PlaceMention]:
    """The place a headline made of one name alone is about, even one the gazetteer lacks
    ("Novohnativka"): not a person's, group's or country's name, nor a common word."""
    clauses = {c.strip() for c in text.split(";") if c.strip()}
    if len(clauses) != 1:
        return []
    m = _BARE.fullmatch(text.split(";", 1)[0])
    if m is None:
        return []
    surface = m.group(1)
    key = norm(surface)
    words = [w for w in key.split() if w not in ARTICLE_WORDS]  # "Kafr al-Dael"
    if not words or any(w in stopwords() or w in titles() for w in words) or key in demonyms():
        return []
    if actor_name(text, m.start(1), m.end(1)) is not None:
        return []  # "Hezbollah", "Vladimir Putin"
    return [PlaceMention(m.start(1), m.end(1), surface, (), True, False, False, "CUE")]
