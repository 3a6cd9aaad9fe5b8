"""The geocoder: finds place names in a sentence, resolves them, and picks the event's place.

``Geocoder`` is the one object callers use; its jobs live in their own modules: spotting place
names (``spotting.py``), resolving a mention to a gazetteer place (``resolve.py``), choosing the
event's place among a sentence's places (``choice.py``: "talks in Moscow on Idlib" → Moscow) and
the place of a headline (``headline.py``). The event's place carries ACLED's geo_precision: 1 the
town, 2 near a town, 3 a region.

Example:
    >>> # Geocoder.load().event_location("Strikes near Saraqib, in Idlib province.", (0, 7), ctx)
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.geo.choice import bracketed_hints, choose
from eventwire.geo.context import GeoContext
from eventwire.geo.cues import WATER_FEATURES, PlaceMention, country_of, cue_patterns
from eventwire.geo.distance import destination
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.headline import headline_location
from eventwire.geo.resolve import Resolution, to_location, with_admin_hint
from eventwire.geo.scoring import rank
from eventwire.geo.spotting import Spotting
from eventwire.model import Location

__all__ = ["Geocoder", "PlaceMention", "country_of", "headline_location", "to_location"]

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


class Geocoder(Spotting, Resolution):
    """Spots, resolves and chooses places, over a ``Gazetteer``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Geocoder:
        """The process-wide geocoder (the index is opened once)."""
        return cls(Gazetteer.open())

    def geocode(self, name: str, country: str | None = None, limit: int = 5) -> list[Location]:
        """Ranked candidate locations for a place name, optionally within an ISO3 country."""
        ctx = GeoContext(countries=[country] if country else [])
        cands = self.gazetteer.lookup(name)
        if country:
            cands = tuple(c for c in cands if c.iso3 == country) or cands
        ranked = rank(cands, name, ctx, hints=())
        return [to_location(p, name, near=False) for p in ranked[:limit]]

    def event_location(
        self,
        text: str,
        trigger: tuple[int, int],
        context: GeoContext,
        ents=None,
        full_text: str | None = None,
    ) -> Location | None:
        """Where the event whose trigger is at ``trigger`` happened, or None if not stated.

        ``text`` may keep only the event's own words of its sentence (the others blanked, so
        that another event's places are not spotted); ``full_text``, the unblanked sentence,
        then gives the words around a name that say it is none of the event's ("ahead of
        Minsk peace summit": "summit" belongs to no event frame)."""
        mentions = self.spot(text, ents)
        whole = full_text if full_text is not None and len(full_text) == len(text) else text
        chosen = choose(text, mentions, trigger, whole)
        if chosen is None:
            return None
        # a meeting's or a festival's name ("the Nova music festival near Reim") holds no place
        meeting = cue_patterns()["meeting"]
        hints = tuple(m for m in mentions if m is not chosen and not meeting.match(whole[m.end : m.end + 40]))
        loc = self.resolve(chosen, context, hints=hints)
        if loc is None:
            return None
        loc = self._within_brackets(text, chosen, mentions, loc, context, hints)
        if loc.feature_code in WATER_FEATURES:
            # "in the Red Sea about 60 nautical miles west of Hodeidah": a sea's middle is
            # hundreds of km off; the bearing from the named port is the place
            return self._offset(text, loc, hints, context) or loc
        return with_admin_hint(loc, hints, self, context)

    def _within_brackets(
        self, text: str, chosen, mentions, loc: Location, context: GeoContext, hints
    ) -> Location:
        """ACLED's "near Lere (Niafunke, Timbuktu)": the bracket names the divisions the place lies
        in, so a namesake in another country is not it. The namesake in the bracket's country,
        else the place the gazetteer lacks coded at the bracket's place (geo-precision 2)."""
        inside = [h for h in bracketed_hints(text, mentions) if h is not chosen]
        where = [r for h in inside if (r := self.resolve(h, context)) is not None and r.country]
        if not where or loc.country in {w.country for w in where}:
            return loc
        country = where[-1].country
        again = self.resolve(chosen, context.model_copy(update={"countries": [country]}), hints=hints)
        if again is not None and again.country == country:
            return again
        stand_in = {"text": chosen.text, "name": chosen.text, "geonameid": None, "feature_code": None}
        return where[0].model_copy(update={**stand_in, "geo_precision": 2})

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
