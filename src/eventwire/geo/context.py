"""What the geocoder knows about a document while it resolves one sentence's places."""

from __future__ import annotations

from pydantic import Field

from eventwire.model import Record


class GeoContext(Record):
    """The document's countries (most mentioned first: actors, places), its dateline place and
    the other places it names (their regions and countries favour candidates near them)."""

    countries: list[str] = Field(default_factory=list)
    dateline: str | None = None
    places: list[str] = Field(default_factory=list)
