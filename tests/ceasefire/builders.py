"""Small builders for the ceasefire tests: sentences, documents, events and a fake geocoder."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from eventwire.model import Actor, Count, Document, Event, Evidence, Location, Sentence

# Sentence ends: . ! ? followed by space and a capital, or a line break ("6 a.m. local" stays).
_SENTENCE = re.compile(r"\S.*?(?=(?<=[.!?])\s+(?=[A-Z\"])|\n|\Z)")

PLACES = {
    "idlib": ("Idlib", "Idlib", "SYR", 35.93, 36.63, "town"),
    "saraqib": ("Saraqib", "Idlib", "SYR", 35.86, 36.80, "town"),
    "aleppo": ("Aleppo", "Aleppo", "SYR", 36.20, 37.16, "town"),
    "khartoum": ("Khartoum", "Khartoum", "SDN", 15.552, 32.532, "region"),
    "omdurman": ("Omdurman", "Khartoum", "SDN", 15.644, 32.478, "town"),
    "bahri": ("Bahri", "Khartoum", "SDN", 15.641, 32.522, "town"),
    "gaza": ("Gaza", "Gaza", "PSE", 31.50, 34.47, "region"),
}


def place(name: str) -> Location | None:
    """A fake geocoder over a handful of places (the real one is eventwire.geo)."""
    row = PLACES.get(name.lower())
    if row is None:
        return None
    nm, admin1, cc, lat, lon, precision = row
    return Location(text=name, name=nm, admin1=admin1, country=cc, lat=lat, lon=lon,
                    precision=precision, geo_precision=1 if precision == "town" else 2)


def sentences(text: str) -> list[Sentence]:
    """Split a text into sentences with offsets (a stand-in for the spaCy parse)."""
    out = []
    for m in _SENTENCE.finditer(text):
        t = m.group(0).strip()
        out.append(Sentence(index=len(out), start=m.start(), end=m.start() + len(t), text=t))
    return out


def document(text: str, published: str, doc_id: str | None = None) -> Document:
    """A cleaned document published on ``published`` (ISO date)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(id=doc_id or sha[:12], text=text, raw_sha256=sha,
                    published=dt.date.fromisoformat(published))


def actor(country: str, sector: str = "MIL", name: str | None = None) -> Actor:
    """An actor of ``country`` and ``sector``."""
    return Actor(text=name or country, name=name or country, country=country, sector=sector)


def event(
    event_id: str,
    date: str | None,
    *,
    kind: str = "ASSAULT",
    mode: str | None = "heavy-weapons",
    who: Actor | None = None,
    whom: Actor | None = None,
    where: str | None = "Idlib",
    sentence: str = "Shelling hit the town.",
    doc_id: str = "d",
    precision: str = "day",
    killed: int | None = None,
    cluster: str | None = None,
    factuality: str = "asserted",
) -> Event:
    """An event record built by hand (only the fields the tracker reads matter)."""
    return Event(
        id=event_id, event_type=kind, mode=mode, quad_class=4 if kind == "ASSAULT" else 3,
        actor=who, recipient=whom,
        date=dt.date.fromisoformat(date) if date else None, date_precision=precision,
        location=place(where) if where else None,
        fatalities=Count(best=killed, low=killed, high=killed) if killed else None,
        evidence=Evidence(doc_id=doc_id, sentence=sentence, start=0, end=len(sentence)),
        confidence=0.8, cluster_id=cluster, factuality=factuality,
    )
