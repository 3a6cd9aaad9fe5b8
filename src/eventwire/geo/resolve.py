"""Resolution: the place a mention most likely names, given the document and the sentence.

Candidates are ranked by the document's countries (actors, dateline), administrative hints in the
same sentence, feature type and population (``scoring.py``). Country names resolve to the country
(never a building or a street). A weak match abroad gives way to an unknown local place, which is
then put at the nearest named place that contains it ("a village in Kanbalu Township, Sagaing
Region"), else in the document's main country.

Example:
    >>> # Geocoder.load().resolve("Tripoli", GeoContext(countries=["LBN"])).country  -> 'LBN'
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.geo.build import norm
from eventwire.geo.context import GeoContext
from eventwire.geo.cues import (
    WATER_FEATURES,
    PlaceMention,
    country_of,
    curated_names,
    names_a_region,
    water_body,
)
from eventwire.geo.distance import haversine_km
from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.scoring import conflict_weight, rank
from eventwire.geo.spelling import MIN_PROBABILITY, probabilities, spelled_country
from eventwire.model import Location

# a town outside the document's countries must be at least this big to be believed
FOREIGN_MIN_POPULATION = 100_000
# a town this big, the most populous of its namesakes, is believed abroad ("Afrin" in a report
# whose countries are its actors' Turkey and the US)
USUAL_MEANING_POPULATION = 20_000
# a report naming this few places is about one area: its places locate its unknown ones
BRIEF_REPORT_PLACES = 3
# a foreign namesake this close to a document country's capital is in the conflict's region
NEAR_CONTEXT_KM = 800
# how far (100 - edit-distance ratio) a region's spelling may stray and still say the country
ADM1_FUZZY = 15
# a spelling this far (100 - edit-distance ratio) from a town's name is believed only in the
# document's main country
FAR_SPELLING = 9
# how far from a named region's point (a curated one: "Donbas", "Eastern Ghouta") a village
# may lie and still be taken as in it
NAMED_REGION_KM = 200

# how likely (spelling.py) a name is spelled as its own place's country spells names, for that
# place to beat a bigger one that carries the name only as an alternate
SPELLED_OWN_NAME = 0.5

# how unlikely a spelling must be in a place's country for a near-miss match there to give way
SPELLED_UNLIKE = 0.05

# "Kanbalu Township", "Barmal district": a division named after its town
_DIVISION_END = re.compile(r"\s(?:township|district|county|territory|tehsil|raion|rayon)$", re.I)


class Resolution:
    """Resolves mentions to places (a part of ``Geocoder``: it needs ``self.gazetteer``)."""

    gazetteer: Gazetteer

    def resolve(
        self, mention: PlaceMention | str, context: GeoContext, hints: tuple[PlaceMention, ...] = ()
    ) -> Location | None:
        """The most likely place for a mention, given the document and sentence context."""
        surface = mention if isinstance(mention, str) else mention.text
        context = self._effective(context)
        # the document's other places; not this name itself (its own namesakes are no evidence)
        doc_hints: tuple[PlaceMention, ...] = ()
        if context.places:
            key = norm(surface)
            doc_hints = self._document_hints(tuple(p for p in context.places if norm(p) != key))
        named = [c.iso3 for h in hints if (c := country_of(h)) is not None and c.iso3]
        # the countries known are only those the sentence names ("Centrafrique : Goya, un
        # village martyr"): a namesake abroad is then no more than an unknown local place
        by_places = bool(named) and all(c in named for c in context.countries)
        if context.countries and (extra := [c for c in named if c not in context.countries]):
            # a country the sentence names is where its places may be, whatever the actors'
            # countries say ("LRA attack | Tabane, Haut-Mbomou, CAR": Uganda's rebels, in CAR)
            context = context.model_copy(update={"countries": [*context.countries, *extra]})
        if not context.countries:
            # nothing names the document's countries: its well-known places do ("Madaya ... and
            # clashes in Daraa city" is a Syrian report, not one about Myanmar's Madaya)
            countries = _countries_of((*hints, *doc_hints), surface)
            if countries:
                context = context.model_copy(update={"countries": countries})
                by_places = True
        if water_body(surface) and not (mention if isinstance(mention, str) else mention.candidates):
            # a river the gazetteer lacks runs through many places: none of them is its point
            country = context.countries[0] if context.countries else None
            return Location(text=surface, name=surface, country=country, precision="region", geo_precision=3)
        place = self._best(mention, context, (*hints, *doc_hints), abroad=not by_places)
        division = bool(_DIVISION_END.search(surface)) and place is not None and not place.is_region
        if place is not None and _outside_named_region(place, hints, any_size=division):
            place = None  # "near Shumy in Donbas": not the Crimean village that shares the name
        if place is not None:
            loc = to_location(place, surface, near=not isinstance(mention, str) and mention.near)
            if division:
                # "Kanbalu Township": the division around the town of its name, placed at the town
                loc = loc.model_copy(update={"precision": "region", "geo_precision": 2})
            return loc
        # an unknown place is put within the sentence's places, or a brief report's (a headline's
        # few places are near each other; a long article's are anywhere: "South Waziristan" is
        # not in Islamabad)
        brief = doc_hints if len(doc_hints) <= BRIEF_REPORT_PLACES else ()
        loc = self._within(surface, context, hints, brief)
        if loc is not None and loc.lat is None and (region := _document_region(doc_hints, context)):
            # no place of the sentence contains it: the province the story names does ("bombed
            # villages in the Barmal district" after "the eastern province of Paktika"), in that
            # province's country, not the dateline's
            loc = loc.model_copy(
                update={
                    "country": region.iso3,
                    "admin1": region.name,
                    "lat": region.lat,
                    "lon": region.lon,
                    "precision": "region",
                    "geo_precision": 3,
                }
            )
        return loc

    def _best(
        self, mention: PlaceMention | str, context: GeoContext, hints: tuple, abroad: bool = True
    ) -> Place | None:
        """The top-ranked candidate of a mention, unless it is implausible (no fallback here).

        ``abroad=False`` when the countries are those of the text's own places: a foreign
        namesake near them is then no better than the unknown local place they contain
        ("the Husayniyah area of western Deir Ezzor countryside" is not Egypt's Husayniyah)."""
        if isinstance(mention, str):
            cands, surface = self.gazetteer.lookup(mention), mention
        else:
            cands, surface = mention.candidates, mention.text
            if mention.region_word:
                cands = tuple(c for c in cands if c.is_region) or self._regions_of(cands, surface) or cands
        if names_a_region(surface, cands):
            cands = tuple(c for c in cands if not c.is_country)  # "the West Bank": not Palestine's centre
        if water_body(surface):
            # "the Red Sea" is the sea, not Sudan's Red Sea state or Egypt's governorate
            cands = tuple(c for c in cands if c.feature in WATER_FEATURES) or cands
        ranked = rank(cands, surface, context, hints=hints)
        partial = not isinstance(mention, str) and mention.partial
        if partial and context.countries:
            # "the Abu Shouk camp" in a Sudan report: "Abu" is no town of India's; a part of a
            # name is believed only in or near the document's countries
            return next((p for p in ranked if self._near_context(p, context)), None)
        if ranked and not context.countries and not ranked[0].primary and not ranked[0].fuzzy:
            # nothing places the document and the top match is only another place's alternate
            # name: a place whose own name it is, in the country the spelling points to, is
            # the likelier one ("Ras al-Ayn" is Syria's, not Israel's Rosh Ha'Ayin; GeoNames
            # gives many such district seats no population)
            own = _spelled_own_name(self.gazetteer, ranked, surface)
            if own is not None:
                return own
        # nothing places the document and the name only looks like a town's: a spelling that
        # clearly points to another country is a village of that country the gazetteer lacks
        # ("Nevelske" is Ukrainian, not Russia's Nevel'sk)
        top = ranked[0] if ranked else None
        if (
            top is not None
            and not context.countries
            and top.fuzzy
            and not top.is_region
            and _spelled_elsewhere(self.gazetteer, top, surface)
        ):
            # a namesake in the country the spelling points to, if any ("Novomoskovske" is
            # Ukraine's Samar, formerly Novomoskovsk, not Russia's Novomoskovsk)
            return next((p for p in ranked[1:] if _spelled_in(self.gazetteer, p, surface)), None)
        if ranked and _unsupported(ranked[0], surface, context, hints):
            return None  # an unknown local place rather than a small town's alternate name abroad
        home = next((p for p in ranked if p.iso3 in context.countries and p.name == surface), None)
        if home is not None and ranked[0].iso3 not in context.countries and ranked[0].name != surface:
            # "Tarazá (Antioquia)" in a Colombian report is the town written so there, however
            # small, not Kazakhstan's Taraz, which only shares the letters once accents go
            return home
        if not ranked or not _implausible(ranked[0], context):
            return ranked[0] if ranked else None
        top = ranked[0]
        if not isinstance(mention, str) and mention.region_word and top.feature == "ADM1" and not top.fuzzy:
            return top  # "Sagaing Region" names Myanmar's, whatever else the story is about
        # a weak foreign top match gives way to a namesake the context supports: one in or near
        # the document's countries ("Madaya" in a report on Hezbollah is Syria's, not Myanmar's;
        # "Ras al-Ayn" is not Rosh Ha'Ayin, whose alternate name it is) ...
        nearby = self._near_context if abroad else (lambda p, ctx: p.iso3 in ctx.countries)
        near = next((p for p in ranked if nearby(p, context) and not _far_spelling(p, context)), None)
        if near is not None:
            return near
        # ... else to a real town that is what its name usually means: the document's countries
        # come from its actors ("Turkish shelling on Afrin"), not always from its places
        top = max(ranked, key=lambda p: p.population)
        if abroad and not top.fuzzy and top.primary and top.population >= USUAL_MEANING_POPULATION:
            return top
        # ... else, for a name of eventwire's conflict-place data, to the one place whose own
        # main name it is: the document's countries may be only its foreign actors' ("Russian
        # strikes on Zamalka"); a village abroad that merely shares a name is no such place
        own = [p for p in ranked if p.primary and not p.fuzzy and not p.is_region]
        if len(own) == 1 and norm(surface) in curated_names():
            return own[0]
        return None

    def _regions_of(self, towns: tuple[Place, ...], surface: str) -> tuple[Place, ...]:
        """The first-level divisions named after these towns ("the Kursk region" is Kurskaya
        oblast', whose names GeoNames gives only in Russian form)."""
        stem = norm(surface).split()[0] if norm(surface) else ""
        out: list[Place] = []
        for town in towns[:5]:
            if town.fuzzy or not town.cc or not town.admin1 or len(stem) < 4:
                continue
            region = self.gazetteer.admin1(town.cc, town.admin1)
            if region is not None and norm(region.name).startswith(stem) and region not in out:
                out.append(region)
        return tuple(out)

    def _near_context(self, place: Place, context: GeoContext) -> bool:
        """In one of the document's countries, or an exact name within reach of one's capital."""
        if place.iso3 in context.countries:
            return True
        # abroad, only a town's own name counts: many villages carry a big town's name as an
        # alternate ("Karama", "Manshiya" in Jordan for the Syrian villages news names)
        if place.fuzzy or place.lat is None or place.lon is None:
            return False
        if not place.primary and not place.is_region:
            return False
        for iso3 in context.countries[:3]:
            capital = self._capital(iso3)
            # a degree of latitude is 111 km: most candidates are ruled out without trigonometry
            if capital is None or abs(place.lat - capital[0]) * 111.0 > NEAR_CONTEXT_KM:
                continue
            if haversine_km(place.lat, place.lon, *capital) <= NEAR_CONTEXT_KM:
                return True
        return False

    @lru_cache(maxsize=512)  # noqa: B019 - one geocoder per process; few countries
    def _capital(self, iso3: str) -> tuple[float, float] | None:
        country = self.gazetteer.country(iso3)
        if country is None or country.lat is None or country.lon is None:
            return None
        return (country.lat, country.lon)

    @lru_cache(maxsize=1024)  # noqa: B019 - one geocoder per process; documents repeat places
    def _document_hints(self, places: tuple[str, ...]) -> tuple[PlaceMention, ...]:
        """The document's other places as hints: their regions favour candidates there."""
        out = []
        for name in places[:20]:
            cands = self.gazetteer.lookup(name)
            if cands:
                out.append(PlaceMention(0, 0, name, cands, False, False, False, None))
        return tuple(out)

    def _effective(self, context: GeoContext) -> GeoContext:
        """The context's real countries, with the dateline's country added (first when nothing
        else is known). Actor codes that are no country (IMG, UNO, IGO) say nothing of where."""
        countries = [c for c in context.countries if self._capital(c) is not None]
        iso3 = self._dateline_country(context.dateline) if context.dateline else None
        if iso3 is not None and iso3 not in countries:
            countries.append(iso3)
        if countries == context.countries:
            return context
        return context.model_copy(update={"countries": countries})

    @lru_cache(maxsize=4096)  # noqa: B019 - one geocoder per process; datelines repeat
    def _dateline_country(self, dateline: str) -> str | None:
        parts = [p.strip() for p in dateline.split(",") if p.strip()]
        for part in reversed(parts):  # "Goma, Congo": the country part, else the place
            cands = rank(self.gazetteer.lookup(part), part, GeoContext(), hints=())
            # a dateline names a country, a region or a real town by its own name: a headline's
            # "UN.-" taken for a dateline must not make India (a village "Un") the document's
            if cands and cands[0].iso3 and _says_country(cands[0]) and len(norm(part)) > 2:
                return cands[0].iso3
        return None

    def _within(self, surface: str, context: GeoContext, hints, doc_hints=()) -> Location | None:
        """A place the gazetteer lacks, placed at the nearest named place that contains it."""
        everything = (*hints, *doc_hints)
        # a town or a region named beside it contains it more closely than a country does ("the
        # US forces advance towards Jazrah suburb west of Al-Raqqah city" is in Raqqa)
        for h in sorted(everything, key=lambda h: country_of(h) is not None):
            if not h.candidates or any(c.feature in WATER_FEATURES and not c.fuzzy for c in h.candidates):
                continue  # a sea or a river contains no village: it only runs past it
            # the container is ranked, never itself placed "within" another: no recursion
            place = self._best(h, context, tuple(x for x in everything if x is not h))
            # another place of the document must be in its region: a far namesake believed on
            # its own name ("Castelo", Brazil) is no place to put an unknown village
            if place is not None and (
                h in hints or not context.countries or self._near_context(place, context)
            ):
                outer = to_location(place, h.text, near=h.near)
                precision = "region" if outer.precision in ("region", "country") else "town"
                return outer.model_copy(
                    update={
                        "text": surface,
                        "name": surface,
                        "geonameid": None,
                        "feature_code": None,
                        "admin1": outer.name if outer.precision == "region" else outer.admin1,
                        "precision": precision if outer.precision != "country" else "country",
                        "geo_precision": 2 if precision == "town" else 3,
                    }
                )
        # no named place contains it: it is in the document's main country, if one is known,
        # else in the country its spelling clearly points to ("Novohnativka": Ukraine)
        country = context.countries[0] if context.countries else None
        if country is None and not everything:
            country = spelled_country(self.gazetteer, _bare_key(surface))
        if country is not None:
            # all that is known is its country: ACLED's geo_precision 3, a place known only by
            # the larger area that contains it (a region's, when one is named: above)
            return Location(text=surface, name=surface, country=country, precision="country", geo_precision=3)
        return Location(text=surface, name=surface, country=None, precision="town", geo_precision=2)


# a type word after a name is English, not part of the name's spelling ("Pisky village")
_TYPE_AFTER = re.compile(r"\s(?:town|village|city|area|settlement|district|camp|countryside)$")


def _bare_key(surface: str) -> str:
    return _TYPE_AFTER.sub("", norm(surface))


def _odds(gazetteer: Gazetteer, surface: str) -> dict[str, float]:
    """Country ("" for all others) -> how likely a place so spelled is there (``spelling.py``)."""
    return {iso3: p for p, iso3 in probabilities(gazetteer, _bare_key(surface))}


def _spelled_own_name(gazetteer: Gazetteer, ranked: list[Place], surface: str) -> Place | None:
    """The exactly named place whose own name it is, in the conflict country the spelling
    more likely comes from than the top candidate's (half the probability at least)."""
    if not any(p.primary and not p.fuzzy and p.iso3 != ranked[0].iso3 for p in ranked[1:]):
        return None  # most names: no other country's place is called so (and no model to read)
    odds = _odds(gazetteer, surface)
    own = [p for p in ranked if p.primary and not p.fuzzy and odds.get(p.iso3 or "", 0.0) >= SPELLED_OWN_NAME]
    best = max(own, key=lambda p: odds[p.iso3 or ""], default=None)
    if best is None or odds[best.iso3 or ""] <= odds.get(ranked[0].iso3 or "", 0.0):
        return None
    return best


def _spelled_in(gazetteer: Gazetteer, place: Place, surface: str) -> bool:
    """The name is spelled as the place's country's names are (SPELLED_OWN_NAME at least)."""
    odds = _odds(gazetteer, surface)
    return bool(place.iso3) and odds.get(place.iso3 or "", 0.0) >= SPELLED_OWN_NAME


def _spelled_elsewhere(gazetteer: Gazetteer, place: Place, surface: str) -> bool:
    """The name is clearly spelled as a conflict country's names are, and hardly as the place's
    country's (countries of no conflict count as one, "elsewhere")."""
    odds = _odds(gazetteer, surface)
    if not odds or odds.get("", 0.0) > 1.0 - MIN_PROBABILITY:
        return False
    own = odds.get(place.iso3 or "", odds.get("", 0.0))
    return own < SPELLED_UNLIKE


def _document_region(doc_hints, context: GeoContext) -> Place | None:
    """The first-level division the document names (most often first), exactly spelled and in
    one of its countries: where its unknown places are, when their sentence names no other."""
    for h in doc_hints:
        exact = [c for c in h.candidates if not c.fuzzy]
        if not exact or not all(c.is_region for c in exact):
            continue  # "Aleppo" may be the city: only a name that is a region alone
        region = next((c for c in exact if c.feature == "ADM1" and c.lat is not None), None)
        if region is not None and (not context.countries or region.iso3 in context.countries):
            return region
    return None


def _countries_of(hints, surface: str) -> list[str]:
    """The countries of the other places named, where a name is as good as certain: a country,
    or a town exactly named by its own name that is the most populous of its namesakes."""
    key = norm(surface)
    out: list[str] = []
    for h in hints:
        if not h.candidates or norm(h.text) == key:
            continue
        top = country_of(h) or max(h.candidates, key=lambda p: (p.population, p.primary))
        if top.iso3 and top.iso3 not in out and _says_country(top):
            out.append(top.iso3)
    return out


def _outside_named_region(place: Place, hints, any_size: bool = False) -> bool:
    """A village the sentence puts in a region ("shelling in Pisky area in Donbas", "Kafr
    Takharim in Idlib province") is there: a small namesake outside it is not the place meant,
    an unknown village of the region is. Towns of 20,000 people or more are believed anyway,
    unless the text names a division after the town (``any_size``: "Kani District, Sagaing
    Region" is not Japan's Kani)."""
    if place.is_region or place.is_country:
        return False
    if place.population >= USUAL_MEANING_POPULATION and not any_size:
        return False
    for h in hints:
        if not h.candidates:
            continue
        exact = [c for c in h.candidates if not c.fuzzy]
        if any(c.feature in WATER_FEATURES for c in exact):
            continue  # "the Red Sea port town of Mokha": a sea holds no towns (nor Sudan's Red Sea state)
        # "in Aleppo" may be the city: only a name that is a region alone, or is written as one
        if not exact or not (h.region_word or all(c.is_region for c in exact)):
            continue
        region = next((c for c in exact if c.feature in ("ADM1", "RGN")), None)
        if region is None:
            continue
        if region.feature == "ADM1":
            return region.iso3 != place.iso3 or region.admin1 != place.admin1
        if region.lat is not None and place.lat is not None and region.lon is not None:
            return haversine_km(region.lat, region.lon, place.lat, place.lon) > NAMED_REGION_KM
    return False


def _says_country(place: Place) -> bool:
    """A first-level division even spelled a little differently ("Southern Kurdufan" for South
    Kordofan); a country or a big town only by its own exact name."""
    if place.feature == "ADM1":
        return place.fuzzy <= ADM1_FUZZY
    if place.fuzzy or not place.primary:
        return False
    return place.is_country or place.population >= USUAL_MEANING_POPULATION


def _unsupported(place: Place, surface: str, context: GeoContext, hints) -> bool:
    """Nothing places the document, and the name is no more than another spelling of a small
    town's ("militants in Kech" is not Ketsch in Germany, which "Kech" also spells): an
    unknown place is the likelier reading than a namesake no other word supports."""
    if context.countries or any(h.candidates for h in hints):
        return False
    if place.primary or place.is_country or place.is_region or place.feature in WATER_FEATURES:
        return False
    if conflict_weight(place) > 0:
        return False  # news of fighting names villages of conflict regions by many spellings
    return place.population < USUAL_MEANING_POPULATION and norm(surface) not in curated_names()


def _far_spelling(place: Place, context: GeoContext) -> bool:
    """ "Narmak" is not Norwalk, USA, though the story names the US as a party: a town spelled
    this differently is believed only in the document's main country."""
    return place.fuzzy >= FAR_SPELLING and place.feature != "ADM1" and place.iso3 in context.countries[1:]


def _implausible(place: Place, context: GeoContext) -> bool:
    """A weak match abroad in a document about other countries: an unknown local place instead.

    "al-Mashhad neighborhood" in a Syrian report is not Mashhad in Iran: a place outside the
    document's countries is only taken on its own main name, exactly spelled."""
    if _far_spelling(place, context):
        return True
    if not context.countries or place.is_country or place.iso3 in context.countries:
        return False
    if place.feature in WATER_FEATURES and not place.iso3 and not place.fuzzy:
        return False  # international waters are no country's: "the Red Sea" is not abroad
    if place.feature == "RGN" and place.id < 0 and not place.fuzzy:
        return False  # a conflict region of eventwire's own data has one meaning: "Darfur"
    return bool(place.fuzzy) or not place.primary or place.population < FOREIGN_MIN_POPULATION


def with_admin_hint(loc: Location, hints, geocoder: Resolution, ctx: GeoContext) -> Location:
    """Fill admin1 from a region named in the same sentence ("Saraqib, in Idlib province")."""
    if loc.admin1 or loc.precision in ("region", "country"):
        return loc
    for h in hints:
        region = geocoder.resolve(h, ctx)
        if region and region.precision == "region" and region.country == loc.country:
            return loc.model_copy(update={"admin1": region.name})
    return loc


_PRECISION_GEO = {"point": 1, "town": 1, "region": 3, "country": 3}


def to_location(place: Place, surface: str, *, near: bool) -> Location:
    """A Location record for a gazetteer place as written in the text."""
    precision = "country" if place.is_country else place.precision
    geo_precision = _PRECISION_GEO[precision]
    if near and precision in ("town", "point"):
        geo_precision = 2
    if place.feature == "RD":
        geo_precision = 2
    return Location(
        text=surface,
        name=place.name,
        admin1=place.admin1_name if not place.is_region else None,
        country=place.iso3,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.id if place.id > 0 else None,
        feature_code=place.feature,
        precision=precision,
        geo_precision=geo_precision,
    )
