"""The store's tables (SQLAlchemy Core): documents, events, ceasefires, clusters.

Each record is kept whole as JSON (``record``), so the store round-trips the typed model
exactly; the columns beside it are the ones users filter and join on (type, date, country,
place, actors), indexed. The same schema serves SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("raw_sha256", String(64), nullable=False, index=True),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", String(200)),
    Column("published", Date, index=True),
    Column("dateline", String(200)),
    Column("language", String(16)),
    Column("status", String(16), nullable=False, index=True),
    Column("error", Text),
    Column("source", Text),
    Column("ingested_at", DateTime),
    Column("text", Text, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_type", String(16), nullable=False),
    Column("date", Date),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor_country", String(8)),
    Column("recipient_country", String(8)),
    Column("fatalities", Integer),
    Column("confidence", Float, nullable=False),
    Column("cluster_id", String(64)),
    Column("ceasefire_id", String(64)),
    Column("record", JSON, nullable=False),
)
Index("ix_events_doc", events.c.doc_id)
Index("ix_events_type_date", events.c.event_type, events.c.date)
Index("ix_events_country", events.c.country)
Index("ix_events_cluster", events.c.cluster_id)

ceasefires = Table(
    "ceasefires",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("agreed", Date),
    Column("record", JSON, nullable=False),
)

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("event_type", String(16), nullable=False),
    Column("date", Date),
    Column("n_reports", Integer, nullable=False),
    Column("record", JSON, nullable=False),
)
