"""Offline geocoding: gazetteer (GeoNames via installed packages), spotting, resolution, choice.

``build.py`` builds the index, ``gazetteer.py`` reads it, ``scoring.py`` ranks candidates,
``cues.py`` holds the spotting cues, ``spotting.py`` finds place names in text, ``resolve.py``
resolves them to places (``spelling.py``: the country an unknown village's spelling points
to), ``choice.py`` picks the event's place among them, ``locate.py`` is the ``Geocoder`` over
these, ``headline.py`` places a headline, ``lookup.py`` lists a name's ranked candidates
(``eventwire geocode``), ``distance.py`` is the one haversine, ``bench.py`` measures speed and
memory. Data: ``geo_*.tsv`` (see ``geo_LICENSE.md``).
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.geo.context import GeoContext
from eventwire.geo.locate import Geocoder, PlaceMention
from eventwire.resources import read_tsv

__all__ = ["GeoContext", "Geocoder", "PlaceMention", "entity_patterns", "get_geocoder"]


def get_geocoder() -> Geocoder:
    """The process-wide geocoder."""
    return Geocoder.load()


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict, ...]:
    out = []
    for r in read_tsv("geo_aliases.tsv"):
        out.append({"label": "GPE", "pattern": r["alias"], "id": r["canonical"]})
    for r in read_tsv("geo_toponyms.tsv"):
        for name in r["names"].split("|"):
            if len(name) > 3 and name[0].isupper():
                out.append({"label": "GPE", "pattern": name})
    for r in read_tsv("geo_features.tsv"):
        for name in r["names"].split("|"):
            if len(name) > 3:
                out.append({"label": "LOC", "pattern": name})
    return tuple(out)


def entity_patterns() -> list[dict]:
    """EntityRuler patterns for conflict toponyms the small model mislabels."""
    return list(_patterns())
