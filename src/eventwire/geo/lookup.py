"""Ranked gazetteer candidates for one place name, with their scores (``eventwire geocode``).

This is the geocoder's resolution step laid open: every candidate the gazetteer has for a name,
scored as ``resolve`` scores them (optionally with a country as the document context), so a
user can see why one "Tripoli" won over another.

Example:
    >>> # [c.country for c in candidates(Geocoder.load(), "Tripoli", limit=2)]  -> ['LBY', 'LBN']
"""

from __future__ import annotations

from eventwire.geo.context import GeoContext
from eventwire.geo.locate import Geocoder
from eventwire.geo.scoring import score
from eventwire.model import Record


class Candidate(Record):
    """One gazetteer place a name may mean, with the resolution score that ranks it.

    A record of eventwire.geo's own (model.py has no such record): ``Location`` is what an
    event is placed at, this is what a name could mean."""

    name: str
    feature: str
    admin1: str | None = None
    country: str | None = None
    population: int = 0
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    score: float
    fuzzy: float = 0.0  # 0 for an exact name match, else 100 - the edit-distance ratio


def candidates(geocoder: Geocoder, name: str, country: str | None = None, limit: int = 10) -> list[Candidate]:
    """The places ``name`` may mean, best first; ``country`` (ISO3) is taken as the context.

    The ranking is ``resolve``'s for a document about ``country`` with no other hints; places in
    ``country`` are not filtered, only favoured, so a foreign namesake still shows."""
    ctx = GeoContext(countries=[country.upper()] if country else [])
    scored = [(score(p, ctx, ()), p) for p in geocoder.gazetteer.lookup(name)]
    scored.sort(key=lambda sp: (-sp[0], sp[1].id))
    return [
        Candidate(
            name=p.name,
            feature=p.feature,
            admin1=p.admin1_name,
            country=p.iso3,
            population=p.population or 0,
            lat=p.lat,
            lon=p.lon,
            geonameid=p.id if p.id > 0 else None,  # curated places have negative local ids
            score=round(s, 3),
            fuzzy=round(p.fuzzy, 1),
        )
        for s, p in scored[:limit]
    ]


def render(found: list[Candidate]) -> str:
    """A table of candidates for people."""
    lines = [f"{'score':>6}  {'name':<28} {'feat':<5} {'admin1':<24} {'cc':<3} {'pop':>9}  lat,lon  id"]
    for c in found:
        where = f"{c.lat:.4f},{c.lon:.4f}" if c.lat is not None and c.lon is not None else "-"
        lines.append(
            f"{c.score:>6.2f}  {c.name[:28]:<28} {c.feature:<5} {(c.admin1 or '-')[:24]:<24} "
            f"{c.country or '-':<3} {c.population:>9}  {where}  {c.geonameid or '-'}"
        )
    return "\n".join(lines)
