"""Typed records passed between eventwire's stages, stored, exported and served.

Every stage takes and returns these records (see DESIGN.md, "The records"). They are
pydantic models so that the JSON Schema published in ``schema/event.schema.json`` is
generated from the same definitions the code uses.

Example:
    >>> Count(best=21, low=21, high=21).best
    21
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
DatePrecision = Literal["day", "week", "month", "year"]
PlacePrecision = Literal["point", "town", "region", "country"]
Factuality = Literal["asserted", "reported", "future", "hypothetical", "negated", "historical"]
DocumentStatus = Literal["coded", "failed", "skipped"]
CeasefireStatus = Literal["announced", "in_effect", "violated", "collapsed"]
ViolationKind = Literal["attack_after_start", "accused_violation", "same_day_uncertain"]


class Record(BaseModel):
    """Base of every record: strict about unknown fields, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Record):
    """Where a coded fact came from: ``text[start:end] == sentence`` in the cleaned document."""

    doc_id: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(Record):
    """A participant as written (``text``) and as resolved (name, country, sector, ACLED inter)."""

    text: str
    name: str | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3, or IGO/NGO/UNO/MNC/IMG/ISM")
    sector: str | None = Field(default=None, description="PLOVER sector, e.g. GOV, MIL, REB, CVL")
    inter: int | None = Field(default=None, ge=1, le=8, description="ACLED inter code 1-8")
    wikidata: str | None = None


class Count(Record):
    """A reported number of people (UCDP convention): best estimate and its range."""

    best: int | None = Field(default=None, ge=0)
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    text: str | None = Field(default=None, description="the words the count came from")


class Location(Record):
    """A resolved place. ``precision`` says how much of it the text actually gave."""

    text: str
    name: str
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature_code: str | None = None
    precision: PlacePrecision
    geo_precision: int = Field(ge=1, le=3, description="ACLED geo_precision 1-3")


class Acled(Record):
    """ACLED coding of an event in ACLED's scope."""

    disorder_type: str
    event_type: str
    sub_event_type: str
    inter1: int | None = Field(default=None, ge=1, le=8)
    inter2: int | None = Field(default=None, ge=1, le=8)
    interaction: int | None = None


class Event(Record):
    """One real-world event as one document reports it."""

    id: str
    event_type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    quad_class: int = Field(ge=1, le=4)
    cameo: str | None = None
    acled: Acled | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    location: Location | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    materiel: list[str] = Field(default_factory=list)
    attributed_to: str | None = None
    factuality: Factuality = "asserted"
    trigger: str | None = Field(default=None, description="the word(s) that signalled the event")
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)
    cluster_id: str | None = None
    ceasefire_id: str | None = None


class Document(Record):
    """An input document after ingest and cleaning; stored even when it could not be coded."""

    id: str = Field(description="content hash of the raw input, or the id the input gave")
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    dateline: str | None = Field(default=None, description="place named in the wire dateline")
    language: str | None = None
    text: str = ""
    raw_sha256: str
    ingested_at: dt.datetime | None = None
    status: DocumentStatus = "coded"
    error: str | None = None
    source: str | None = Field(default=None, description="file path or stream the input came from")


class RawDocument(Record):
    """What ingest hands to cleaning: undecoded-free text plus whatever metadata came with it."""

    text: str
    raw_sha256: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    source: str | None = None
    error: str | None = Field(default=None, description="set when the input could not be read")


class Sentence(Record):
    """A sentence of the cleaned text, with its character offsets."""

    index: int
    start: int
    end: int
    text: str


class Violation(Record):
    """A later event linked to a ceasefire."""

    event_id: str
    date: dt.date | None = None
    kind: ViolationKind
    evidence: Evidence


class StatusChange(Record):
    """One step of a ceasefire's status history, with the sentence that moved it."""

    status: CeasefireStatus
    date: dt.date | None = None
    evidence: Evidence | None = None


class Ceasefire(Record):
    """A ceasefire agreement or declaration (fields after ETH/PRIO CCCD where they overlap)."""

    id: str
    kind: str = "ceasefire"
    parties: list[Actor] = Field(default_factory=list)
    mediators: list[Actor] = Field(default_factory=list)
    agreed: dt.date | None = None
    effective: dt.datetime | None = None
    effective_text: str | None = None
    timezone: str | None = None
    ends: dt.datetime | None = None
    duration_hours: float | None = None
    area: Location | None = None
    area_text: str | None = None
    terms: list[str] = Field(default_factory=list)
    status: CeasefireStatus = "announced"
    history: list[StatusChange] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
    sources: list[Evidence] = Field(default_factory=list)
    event_id: str | None = Field(default=None, description="the AGREE/CONCEDE event that declared it")


class CodedDocument(Record):
    """The result of coding one document: the document and what was found in it."""

    document: Document
    events: list[Event] = Field(default_factory=list)
    ceasefires: list[Ceasefire] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class Casualties(Record):
    """People killed, injured, missing and arrested, and materiel lost, in one sentence."""

    killed: Count | None = None
    injured: Count | None = None
    missing: Count | None = None
    arrested: Count | None = None
    materiel: list[str] = Field(default_factory=list)


class EventDate(Record):
    """When an event happened, resolved against the publication date, with its words."""

    date: dt.date | None = None
    precision: DatePrecision | None = None
    text: str | None = None
    warning: str | None = None


class MergeReason(Record):
    """Why one record joined a cluster: the score and which fields agreed."""

    event_id: str
    score: float
    agreed: list[str] = Field(default_factory=list)
    disagreed: list[str] = Field(default_factory=list)


class Cluster(Record):
    """One real-world event reported by one or more documents: merged fields plus every member."""

    id: str
    event: Event = Field(description="merged record; its evidence is the best-supported report")
    member_ids: list[str]
    n_reports: int
    n_outlets: int
    reasons: list[MergeReason] = Field(default_factory=list)


def event_json_schema() -> dict:
    """The published JSON Schema of an event record (``schema/event.schema.json``)."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://eventwire.invalid/schema/event.schema.json"
    return schema
