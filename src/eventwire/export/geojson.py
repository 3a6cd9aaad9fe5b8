"""GeoJSON: one Point feature per located event, properties flattened (opens in QGIS)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from eventwire.export.plain import flatten
from eventwire.model import Event


def feature(event: Event) -> dict | None:
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    props = flatten(event.model_dump(mode="json"))
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": props,
    }


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection of the located events; returns the feature count."""
    feats = [f for f in (feature(e) for e in events) if f is not None]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
