"""The geocoder: finds place names in a sentence, resolves them, and picks the event's place.

Spotting does not trust the small spaCy model's labels alone (it calls Saraqib an ORG and Khan
Younis a PERSON): it looks up capitalised word sequences in the gazetteer and keeps those with
evidence of being a place — a NER place label, a locative preposition before ("in", "near",
"outskirts of"), an administrative word after ("Idlib province") or a curated conflict spelling.

Resolution ranks candidates by the document's countries (actors, dateline), administrative hints
in the same sentence, feature type and population. Country names resolve to the country (never a
building or a street). The event's place is the one the event's clause puts it at ("talks in
Moscow on Idlib" → Moscow), with ACLED's geo_precision: 1 the town, 2 near a town, 3 a region.

Example:
    >>> # Geocoder.load().event_location("Strikes near Saraqib, in Idlib province.", (0, 7), ctx)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.geo.build import norm
from eventwire.geo.context import GeoContext
from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.scoring import rank
from eventwire.model import Location
from eventwire.resources import read_tsv

_CONNECT = (
    r"(?:al|el|ad|an|ar|as|ash|at|az|ez|de|del|la|le|of|the|au|es|bin|ibn|abu|bani|wa|du|des|da|do|dos)"
)
_TOKEN = r"(?:[A-Z][\w'’ʿ.]*(?:-[\w'’ʿ]+)*|(?:al|el|ad|an|ar|as|ash|az|ez)-[A-Za-z][\w'’ʿ]*)"
NAME_SEQ = re.compile(rf"{_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_TOKEN}){{0,4}}")
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|inside|into|across|from|towards?|toward|through|"
    r"nearby|between|of|on the outskirts of|outskirts of|north of|south of|east of|west of|"
    r"northeast of|northwest of|southeast of|southwest of|kilometres? from|km from)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south|east|west)(?:ern|east|west|eastern|western)?|central|downtown|rural|"
    r"suburban|coastal|ancient|old|restive|war-torn|besieged|rebel-held|government-held|"
    r"occupied)\s+)?(?:(?:city|town|village|capital|province|region|district|state) of\s+|"
    r"capital,?\s+)?)$",
    re.I,
)
NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|nearby|outskirts of|(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)(?:ern)? of|\d+\s*(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:from|of))"
    r"\s+(?:the\s+)?$",
    re.I,
)
ADMIN_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|district|state|oblast|county|prefecture|department|"
    r"municipality|city|town|village|area|camp|neighbourhood|neighborhood|suburb)\b",
    re.I,
)
REGION_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|state|oblast|county|prefecture|"
    r"department)\b",
    re.I,
)
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text, with the evidence that it is a place."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    locative: bool
    near: bool
    region_word: bool
    ner: str | None


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("geo_stopwords.tsv"))


@lru_cache(maxsize=1)
def _curated() -> frozenset[str]:
    names = {norm(r["alias"]) for r in read_tsv("geo_aliases.tsv")}
    for r in read_tsv("geo_features.tsv"):
        names.update(norm(n) for n in r["names"].split("|"))
    return frozenset(names)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    out = set()
    for r in read_tsv("actors_countries.tsv"):
        out.update(norm(d) for d in r["demonyms"].split("|") if d)
    return frozenset(out)


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
        for m in NAME_SEQ.finditer(text):
            out.extend(self._spot_in(text, m.start(), m.group(0), ents))
        # places the parser finds that the gazetteer lacks (districts, streets, camps) still
        # say where an event was; they resolve through the places around them
        for s, e, label in ents:
            if label in PLACE_LABELS and all(e <= m.start or s >= m.end for m in out):
                surface = re.sub(r"['’]s$", "", text[s:e].strip())
                e = s + len(surface)
                if not surface or not surface[0].isupper() or norm(surface) in _demonyms():
                    continue
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
        return sorted(out, key=lambda m: m.start)

    def _spot_in(self, text: str, base: int, seq: str, ents) -> list[PlaceMention]:
        words = list(re.finditer(r"\S+", seq))
        found: list[PlaceMention] = []
        i = 0
        while i < len(words):
            hit = None
            for j in range(len(words), i, -1):
                start = base + words[i].start()
                end = base + words[j - 1].end()
                surface = re.sub(r"['’]s$", "", text[start:end].rstrip(".,;:'’"))
                end = start + len(surface)
                mention = self._mention(text, start, end, surface, ents)
                if mention is not None:
                    hit = (j, mention)
                    break
            if hit:
                found.append(hit[1])
                i = hit[0]
            else:
                i += 1
        return found

    def _mention(self, text: str, start: int, end: int, surface: str, ents) -> PlaceMention | None:
        key = norm(surface)
        if not key or all(w in _stopwords() for w in key.split()) or key in _demonyms():
            return None
        cands = self.gazetteer.lookup(surface)
        if not cands:
            return None
        ner = next((lab for s, e, lab in ents if s <= start < e or start <= s < end), None)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        locative = bool(LOCATIVE_BEFORE.search(before))
        region_word = bool(ADMIN_AFTER.match(after))
        curated = key in _curated()
        is_country = any(c.is_country for c in cands)
        evidence = ner in PLACE_LABELS or locative or region_word or curated
        if is_country and ner not in ("PERSON",):
            evidence = True
        if ner in ("PERSON", "ORG", "NORP") and not (locative or region_word or curated):
            evidence = False
        if not evidence:
            return None
        return PlaceMention(
            start,
            end,
            surface,
            cands,
            locative,
            bool(NEAR_BEFORE.search(before)),
            bool(REGION_AFTER.match(after)),
            ner,
        )

    # ---- resolution -------------------------------------------------------------------
    def resolve(
        self, mention: PlaceMention | str, context: GeoContext, hints: tuple[PlaceMention, ...] = ()
    ) -> Location | None:
        """The most likely place for a mention, given the document and sentence context."""
        if isinstance(mention, str):
            cands = self.gazetteer.lookup(mention)
            surface, near, region_word = mention, False, False
        else:
            cands, surface = mention.candidates, mention.text
            near, region_word = mention.near, mention.region_word
        if region_word:
            regions = tuple(c for c in cands if c.is_region)
            cands = regions or cands
        ranked = rank(cands, surface, context, hints=hints)
        if ranked:
            return to_location(ranked[0], surface, near=near)
        return self._within(surface, context, hints)

    def _within(self, surface: str, context: GeoContext, hints) -> Location | None:
        """A place the gazetteer lacks, placed at the nearest named place that contains it."""
        for h in hints:
            if not h.candidates:
                continue
            outer = self.resolve(h, context)
            if outer is not None:
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
        return Location(text=surface, name=surface, precision="town", geo_precision=2)

    def event_location(
        self, text: str, trigger: tuple[int, int], context: GeoContext, ents=None
    ) -> Location | None:
        """Where the event whose trigger is at ``trigger`` happened, or None if not stated."""
        mentions = self.spot(text, ents)
        if not mentions:
            return None
        # a country is the event's place only when the text puts the event in it ("in Mali"),
        # not when it is a participant ("Turkey said it killed ...")
        placed = [m for m in mentions if m.locative or m.region_word]
        sub_national = [m for m in mentions if m.candidates and not any(c.is_country for c in m.candidates)]
        pool = placed or sub_national
        if not pool:
            return None
        anchored = pool
        t0, t1 = trigger

        def distance(m: PlaceMention) -> tuple[int, int]:
            after = m.start >= t1
            return (0 if after else 1, m.start - t1 if after else t0 - m.end)

        chosen = min(anchored, key=distance)
        hints = tuple(m for m in mentions if m is not chosen)
        loc = self.resolve(chosen, context, hints=hints)
        if loc is None:
            return None
        return _with_admin_hint(loc, hints, self, context)


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
