"""Great-circle distance: the one haversine every stage and scorer uses.

Example:
    >>> round(haversine_km(36.20, 37.16, 35.93, 36.63))  # Aleppo to Idlib
    56
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0  # mean radius (IUGG); the 0.5 % error against the ellipsoid does not matter here


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    # rounding can push h a hair above 1 for antipodal points: asin would raise
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def destination(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) along the initial bearing (degrees from north)."""
    d = km / EARTH_RADIUS_KM
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing_deg)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return (round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5))
