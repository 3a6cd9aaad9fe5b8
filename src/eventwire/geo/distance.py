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
