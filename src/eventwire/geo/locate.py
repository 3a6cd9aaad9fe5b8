"""The geocoder: finds place names in a sentence, resolves them, and picks the event's place.

Spotting does not trust the small spaCy model's labels alone (it calls Saraqib an ORG and Khan
Younis a PERSON): it looks up capitalised word sequences in the gazetteer and keeps those with
evidence of being a place — a NER place label, a locative preposition before ("in", "near",
"outskirts of"), an administrative word after ("Idlib province") or a curated conflict spelling.

Resolution ranks candidates by the document's countries (actors, dateline), administrative hints
in the same sentence, feature type and population. Country names resolve to the country (never a
building or a street). The event's place is the one the event's clause puts it at ("talks in
Moscow on Idlib" → Moscow; the rules are in ``choice.py``), with ACLED's geo_precision: 1 the
town, 2 near a town, 3 a region.

Example:
    >>> # Geocoder.load().event_location("Strikes near Saraqib, in Idlib province.", (0, 7), ctx)
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventwire.geo.build import norm
from eventwire.geo.choice import choose
from eventwire.geo.context import GeoContext
from eventwire.geo.cues import (
    ADDRESS_AFTER,
    ADMIN_AFTER,
    ADMIN_BRACKET,
    ARABIC_LINK,
    DESCRIPTOR_BEFORE,
    LEADING_FUNCTION_WORDS,
    LOCATIVE_BEFORE,
    NEAR_BEFORE,
    PLACE_LABELS,
    POPULATED_AFTER,
    POPULATED_BEFORE,
    POSSESSIVE_BEFORE,
    POSSESSIVE_END,
    PREPOSITION_ADJECTIVE,
    REGION_AFTER,
    REGION_BEFORE,
    WATER_FEATURES,
    PlaceMention,
    coordinated,
    country_of,
    cue_patterns,
    curated_names,
    demonyms,
    inside_longer_name,
    is_acronym,
    is_shouting,
    part_of_longer,
    reference_rank,
    sequences,
    stands_alone,
    stopwords,
    trim_name,
    unknown_place,
    water_body,
)
from eventwire.geo.distance import destination, haversine_km
from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.scoring import rank
from eventwire.model import Location

__all__ = ["Geocoder", "PlaceMention", "country_of", "headline_location", "to_location"]

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
# how far from a named region's point (a curated one: "Donbas", "Eastern Ghouta") a village
# may lie and still be taken as in it
NAMED_REGION_KM = 200
# a city this big is taken as a place on its name alone ("Kandahar", "Basra")
WELL_KNOWN_POPULATION = 100_000


# "60 nautical miles west of", "12 km (7 miles) south-east of the port of"
_BEARING = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(nautical\s+miles?|nm|miles?|km|kilomet(?:re|er)s?)\s+(?:\([^)]*\)\s+)?"
    r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+)?(?:[a-z-]+\s+){0,3}$",
    re.I,
)
_UNIT_KM = {"naut": 1.852, "nm": 1.852, "mile": 1.609, "km": 1.0, "kilo": 1.0}
_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
    "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}  # fmt: skip
# "Kanbalu Township", "Barmal district": a division named after its town
_DIVISION_END = re.compile(r"\s(?:township|district|county|territory|tehsil|raion|rayon)$", re.I)
# ", Haut-Mbomou, CAR" / ", Mali" closing a clause: the tail of an address
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_ADDRESS_TAIL = re.compile(rf",\s*({_NAME})(?:,\s*({_NAME}))?\s*(?=$|[;|.(\n]|,\s*\d)")


class Geocoder:
    """Spots, resolves and chooses places, over a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Geocoder:
        """The process-wide geocoder (the index is opened once)."""
        return cls(Gazetteer.open())

    # ---- lookups ----------------------------------------------------------------------
    def geocode(self, name: str, country: str | None = None, limit: int = 5) -> list[Location]:
        """Ranked candidate locations for a place name, optionally within an ISO3 country."""
        ctx = GeoContext(countries=[country] if country else [])
        cands = self.gazetteer.lookup(name)
        if country:
            cands = tuple(c for c in cands if c.iso3 == country) or cands
        ranked = rank(cands, name, ctx, hints=())
        return [to_location(p, name, near=False) for p in ranked[:limit]]

    def spot(self, text: str, ents=None) -> list[PlaceMention]:
        """Place names in ``text`` (character offsets), with evidence; no overlaps."""
        ents = ents or []
        out: list[PlaceMention] = []
        for m in sequences(text):
            prev = out[-1] if out else None
            listed = (
                prev is not None
                and (prev.locative or prev.near)
                and bool(re.fullmatch(r",?\s*(?:and|or|,)?\s*", text[prev.end : m.start()]))
            )
            found = self._spot_in(text, m.start(), m.group(0), ents, listed)
            if listed and found and found[0].start == m.start() and prev.near and not found[0].near:
                found[0] = replace(found[0], near=True)  # "near Soledar and Siversk"
            if not found and (
                unknown := unknown_place(
                    text,
                    m.start(),
                    m.group(0),
                    listed or self._addressed(text, m.start() + len(m.group(0))),
                )
            ):
                found = [unknown]
            out.extend(found)
        # places the parser finds that the gazetteer lacks (districts, streets, camps) still
        # say where an event was; they resolve through the places around them
        for s, e, label in ents:
            if label in PLACE_LABELS and all(e <= m.start or s >= m.end for m in out):
                surface = re.sub(r"['’]s$", "", text[s:e].strip())
                e = s + len(surface)
                key = norm(surface)
                if not surface or not surface[0].isupper() or key in demonyms():
                    continue
                if all(w in stopwords() for w in key.split()):
                    continue  # "Center", "Middle": the parser's label on a common word
                before, after = text[max(0, s - 40) : s], text[e : e + 20]
                out.append(
                    PlaceMention(
                        s,
                        e,
                        surface,
                        (),
                        bool(LOCATIVE_BEFORE.search(before)),
                        bool(NEAR_BEFORE.search(before)),
                        bool(REGION_AFTER.match(after)),
                        label,
                    )
                )
        # "Iran-backed Hezbollah", "the Lendu community": a name that is part of an actor
        actor_after = cue_patterns()["actor"]
        out = [m for m in out if not actor_after.match(text[m.end : m.end + 30])]
        # "Moscow's forces": a capital standing for its state is an actor, not where they fought
        owner = cue_patterns()["owner"]
        out = [m for m in out if not owner.match(text[m.end : m.end + 20])]
        return coordinated(text, sorted(out, key=lambda m: m.start))

    def _spot_in(self, text: str, base: int, seq: str, ents, listed: bool = False) -> list[PlaceMention]:
        words = list(re.finditer(r"\S+", seq))
        shouting = is_shouting(text)  # in all-capitals text every word looks like a name
        found: list[PlaceMention] = []
        i = 0
        while i < len(words):
            if norm(words[i].group(0)) in LEADING_FUNCTION_WORDS:
                i += 1  # "An Afghan patrol", "The Hague" is a known exception kept by its whole name
                continue
            hit = None
            for j in range(len(words), i, -1):
                if (
                    j < len(words)
                    and ARABIC_LINK.match(words[j].group(0))
                    and not POSSESSIVE_END.search(words[j - 1].group(0))
                ):
                    continue  # "Bab" of "Bab al-Nairab", "Jaysh" of "Jaysh al-Islam"; not "Syria's al-Bab"
                start = base + words[i].start()
                end = base + words[j - 1].end()
                surface = trim_name(text[start:end])
                end = start + len(surface)
                # the first name of a sequence that follows a placed one in a list is placed too
                mention = self._mention(text, start, end, surface, ents, listed and i == 0)
                if mention is not None and not shouting and inside_longer_name(words, i, j, mention):
                    mention = None  # "Marwan" of "Marwan Zalloum", "Temple" of "Temple of Heaven"
                if mention is not None and not shouting and part_of_longer(words, i, j):
                    mention = replace(mention, partial=True)
                if mention is not None:
                    hit = (j, mention)
                    break
            if hit:
                found.append(hit[1])
                i = hit[0]
            else:
                i += 1
        return found

    def _mention(
        self, text: str, start: int, end: int, surface: str, ents, listed: bool = False
    ) -> PlaceMention | None:
        tail = re.match(r"(\s+[a-z]+)(\s+[a-z]+)?", text[end : end + 40])
        if tail:  # curated features written with lower-case words: "Rafah crossing"
            for ext in (tail.group(0), tail.group(1)):
                if norm(surface + ext) in curated_names():
                    end += len(ext)
                    surface = text[start:end]
                    break
        key = norm(surface)
        if not key or all(w in stopwords() for w in key.split()) or key in demonyms():
            return None
        cands = self.gazetteer.lookup(surface)
        if not cands:
            return None
        if water_body(surface, text[end : end + 20]) and not any(c.feature in WATER_FEATURES for c in cands):
            # "the Dnipro River" is not Dnipro city: the river, a place the gazetteer lacks
            water = cue_patterns()["water"].match(text[end : end + 20])
            end += water.end() if water else 0
            surface, cands = text[start:end], ()
        ner = next((lab for s, e, lab in ents if s <= start < e or start <= s < end), None)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        cues = cue_patterns()
        near = bool(NEAR_BEFORE.search(before) or cues["near"].search(before))
        preposition = (
            bool(LOCATIVE_BEFORE.search(before) or cues["locative"].search(before))
            or bool(PREPOSITION_ADJECTIVE.search(before))
            or near
        )
        if preposition and cues["org_of"].search(before):
            preposition = near = False  # "the Islamic State of Iraq and al-Sham": part of a name
        # a verb's object ("shelled X") is weaker evidence: the parser's PERSON label wins
        # ("captured Ocalan"), unless the name is a big city's own ("captured Jaffna")
        well_known = any(c.primary and not c.fuzzy and c.population >= WELL_KNOWN_POPULATION for c in cands)
        locative = preposition or (
            (ner != "PERSON" or well_known)
            and (ner != "ORG" or well_known or _a_towns_own_name(cands))
            and bool(cues["object"].search(before))
        )
        if DESCRIPTOR_BEFORE.search(before):
            locative = True  # "the capital Damascus", "the town of Marea"
        populated = bool(POPULATED_BEFORE.search(before) or POPULATED_AFTER.match(after))
        if populated:
            # "the town of X": the populated place, not the district or region of its name
            cands = tuple(c for c in cands if not c.is_region) or cands
        if not locative and (poss := POSSESSIVE_BEFORE.search(before)):
            # "Ukraine's Donetsk", "Miami's Little Havana": what a country, a region or a real
            # town possesses, that the gazetteer knows as a place, is a place
            locative = any(
                c.is_country or c.is_region or (c.primary and not c.fuzzy and c.population >= 20_000)
                for c in self.gazetteer.lookup(poss.group(1))
            )
        region_word = bool(ADMIN_AFTER.match(after))
        if not locative and ADDRESS_AFTER.match(text[end : end + 80]):
            locative = True
        if not locative and self._addressed(text, end):
            locative = True  # "Tabane, Haut-Mbomou, CAR": an address ending in a country
        if not locative and ADMIN_BRACKET.match(text[end : end + 120]):
            locative = True  # ACLED's "Mocimboa da Praia (Mocimboa da Praia, Cabo Delgado)"
        curated = key in curated_names()
        is_country = any(c.is_country for c in cands)
        if is_acronym(surface, text) and not (is_country or curated):
            return None  # "SDF", "UN", "ISIS": organisations, not the towns of those names
        alone = stands_alone(text, start, end)
        after_cue = bool(cues["after"].match(after))
        if not after_cue and ner in PLACE_LABELS and cues["event"].match(after):
            after_cue = bool(re.search(r"\w", text[:start].rsplit(";", 1)[-1]))  # not a first word
        locative = locative or after_cue or listed  # "in this West Bank settlement", "a Baghdad mosque"
        evidence = (
            ner in PLACE_LABELS or locative or region_word or curated or alone or well_known or after_cue
        )
        if is_country and ner not in ("PERSON",):
            evidence = True
        if ner in ("PERSON", "ORG", "NORP") and not (locative or region_word or curated or alone):
            evidence = False
        if not evidence:
            return None
        return PlaceMention(
            start,
            end,
            surface,
            cands,
            locative,
            near,
            # "Daraa province" after it, within the name ("al-Hasaka Province"), or before it
            # ("the northern region of Gao")
            bool(
                REGION_AFTER.match(after)
                or REGION_AFTER.match(" " + surface.rsplit(" ", 1)[-1])
                or (REGION_BEFORE.search(before) and not cues["org_of"].search(before))
            ),
            ner,
            populated=populated,
        )

    def _addressed(self, text: str, end: int) -> bool:
        """The name is followed by an address that ends in a country's name ("Tabane,
        Haut-Mbomou, CAR", "Kidal, Mali."): one or two comma-joined names, the last a country."""
        m = _ADDRESS_TAIL.match(text, end)
        if m is None:
            return False
        last = m.group(2) or m.group(1)
        return any(c.is_country and not c.fuzzy for c in self.gazetteer.lookup(last))

    def document_places(self, text: str, ents=None, limit: int = 20) -> list[str]:
        """The sub-national places a document names, most mentioned first (``GeoContext.places``).

        Only names the gazetteer knows and the text puts as places (a preposition, an admin
        word, a place label): they are hints that favour candidates in the same region."""
        counts: dict[str, int] = {}
        surfaces: dict[str, str] = {}
        for m in self.spot(text, ents):
            if not m.candidates or country_of(m) is not None:
                continue
            if not (m.locative or m.region_word or m.ner in PLACE_LABELS):
                continue
            key = norm(m.text)
            counts[key] = counts.get(key, 0) + 1
            surfaces.setdefault(key, m.text)
        ranked = sorted(counts, key=lambda k: -counts[k])  # stable: first mention breaks ties
        return [surfaces[k] for k in ranked[:limit]]

    # ---- resolution -------------------------------------------------------------------
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
        if water_body(surface):
            # "the Red Sea" is the sea, not Sudan's Red Sea state or Egypt's governorate
            cands = tuple(c for c in cands if c.feature in WATER_FEATURES) or cands
        ranked = rank(cands, surface, context, hints=hints)
        partial = not isinstance(mention, str) and mention.partial
        if partial and context.countries:
            # "the Abu Shouk camp" in a Sudan report: "Abu" is no town of India's; a part of a
            # name is believed only in or near the document's countries
            return next((p for p in ranked if self._near_context(p, context)), None)
        if not ranked or not _implausible(ranked[0], context):
            return ranked[0] if ranked else None
        top = ranked[0]
        if not isinstance(mention, str) and mention.region_word and top.feature == "ADM1" and not top.fuzzy:
            return top  # "Sagaing Region" names Myanmar's, whatever else the story is about
        # a weak foreign top match gives way to a namesake the context supports: one in or near
        # the document's countries ("Madaya" in a report on Hezbollah is Syria's, not Myanmar's;
        # "Ras al-Ayn" is not Rosh Ha'Ayin, whose alternate name it is) ...
        nearby = self._near_context if abroad else (lambda p, ctx: p.iso3 in ctx.countries)
        near = next((p for p in ranked if nearby(p, context)), None)
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
        for h in everything:
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
        # no named place contains it: it is in the document's main country, if one is known
        country = context.countries[0] if context.countries else None
        return Location(text=surface, name=surface, country=country, precision="town", geo_precision=2)

    def event_location(
        self, text: str, trigger: tuple[int, int], context: GeoContext, ents=None
    ) -> Location | None:
        """Where the event whose trigger is at ``trigger`` happened, or None if not stated."""
        mentions = self.spot(text, ents)
        chosen = choose(text, mentions, trigger)
        if chosen is None:
            return None
        hints = tuple(m for m in mentions if m is not chosen)
        loc = self.resolve(chosen, context, hints=hints)
        if loc is None:
            return None
        if loc.feature_code in WATER_FEATURES:
            # "in the Red Sea about 60 nautical miles west of Hodeidah": a sea's middle is
            # hundreds of km off; the bearing from the named port is the place
            return self._offset(text, loc, hints, context) or loc
        return _with_admin_hint(loc, hints, self, context)

    def _offset(self, text: str, loc: Location, hints, context: GeoContext) -> Location | None:
        """The point a distance and bearing from a place the sentence names puts an event at."""
        for h in hints:
            m = _BEARING.search(text[max(0, h.start - 80) : h.start])
            if m is None or not h.candidates:
                continue
            origin = self.resolve(h, context)
            if origin is None or origin.lat is None or origin.lon is None:
                continue
            km = float(m.group(1).replace(",", "")) * _UNIT_KM[m.group(2).lower().split()[0][:4]]
            lat, lon = destination(origin.lat, origin.lon, km, _BEARINGS[m.group(3).lower().replace("-", "")])
            return loc.model_copy(
                update={"lat": lat, "lon": lon, "admin1": None, "precision": "region", "geo_precision": 2}
            )
        return None


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


def _a_towns_own_name(cands: tuple[Place, ...]) -> bool:
    """The exact main name of a real town: as a verb's object ("captures Mayadin") it is the
    town, whatever organisation label the parser gives it."""
    return any(c.primary and not c.fuzzy and c.population >= USUAL_MEANING_POPULATION for c in cands)


def _says_country(place: Place) -> bool:
    """A first-level division even spelled a little differently ("Southern Kurdufan" for South
    Kordofan); a country or a big town only by its own exact name."""
    if place.feature == "ADM1":
        return place.fuzzy <= ADM1_FUZZY
    if place.fuzzy or not place.primary:
        return False
    return place.is_country or place.population >= USUAL_MEANING_POPULATION


def _implausible(place: Place, context: GeoContext) -> bool:
    """A weak match abroad in a document about other countries: an unknown local place instead.

    "al-Mashhad neighborhood" in a Syrian report is not Mashhad in Iran: a place outside the
    document's countries is only taken on its own main name, exactly spelled."""
    if not context.countries or place.is_country or place.iso3 in context.countries:
        return False
    if place.feature in WATER_FEATURES and not place.iso3 and not place.fuzzy:
        return False  # international waters are no country's: "the Red Sea" is not abroad
    return bool(place.fuzzy) or not place.primary or place.population < FOREIGN_MIN_POPULATION


def _with_admin_hint(loc: Location, hints, geocoder: Geocoder, ctx: GeoContext) -> Location:
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


def headline_location(
    geocoder: Geocoder, text: str, context: GeoContext | None = None, ents=None
) -> Location | None:
    """The place a headline (or any text without a known event trigger) is about.

    The most specific place wins: a place put in the text by a preposition before any other,
    then any sub-national place, then a country; the countries the text names are its context."""
    mentions = [m for m in geocoder.spot(text, ents) if m.candidates]
    if all(country_of(m) is not None for m in mentions):
        mentions = [*_opening_places(geocoder, text), *mentions]
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
            return _with_admin_hint(loc, hints, geocoder, ctx)
        fallback = fallback or loc
    return fallback


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
        cands = tuple(
            c
            for c in geocoder.gazetteer.lookup(surface)
            if not c.fuzzy
            and c.primary
            and not c.is_country
            and (c.feature == "ADM1" or c.population >= USUAL_MEANING_POPULATION)
        )
        if cands:
            out.append(PlaceMention(m.start(1), m.end(1), surface, cands, True, False, False, None))
    return out
