"""Small, explicit record builders for tests."""

from __future__ import annotations

import datetime as dt
import hashlib

from eventwire.model import Actor, CodedDocument, Count, Document, Event, Evidence, Location


def make_document(
    text: str = "Gunmen killed five villagers in Zamfara on Tuesday.", **kw
) -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    fields = {"id": sha[:16], "text": text, "raw_sha256": sha, "published": dt.date(2024, 5, 3)}
    fields.update(kw)
    return Document(**fields)


def make_event(doc: Document, **kw) -> Event:
    fields = {
        "id": "ev_" + hashlib.sha256((doc.id + repr(sorted(kw))).encode()).hexdigest()[:12],
        "event_type": "ASSAULT",
        "mode": "firearms",
        "quad_class": 4,
        "cameo": "190",
        "actor": Actor(text="Gunmen", sector="UAF", country="NGA", inter=3),
        "recipient": Actor(text="five villagers", sector="CVL", country="NGA", inter=7),
        "date": dt.date(2024, 4, 30),
        "date_precision": "day",
        "location": Location(
            text="Zamfara",
            name="Zamfara",
            country="NGA",
            lat=12.17,
            lon=6.25,
            precision="region",
            geo_precision=3,
        ),
        "fatalities": Count(best=5, low=5, high=5),
        "evidence": Evidence(doc_id=doc.id, sentence=doc.text, start=0, end=len(doc.text)),
        "confidence": 0.8,
    }
    fields.update(kw)
    return Event(**fields)


def make_coded(
    text: str = "Gunmen killed five villagers in Zamfara on Tuesday.", **event_kw
) -> CodedDocument:
    doc = make_document(text)
    return CodedDocument(document=doc, events=[make_event(doc, **event_kw)])
