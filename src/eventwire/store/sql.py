"""The SQL store: SQLite by default, PostgreSQL by URL, one schema (store/schema.py).

Writes are idempotent: a document's id is its content hash, so storing a document that is
already stored changes nothing, and a killed run can be rerun without doubling anything. Each
document is written in one transaction with its events, so a crash never leaves half a document.

Example:
    >>> store = Store("sqlite://")          # in-memory twin for tests
    >>> store.has_document("abc")
    False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from sqlalchemy import create_engine, delete, event, func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from eventwire.errors import StoreError
from eventwire.model import Ceasefire, Cluster, CodedDocument, Document, Event
from eventwire.store import schema
from eventwire.store.migrate import upgrade

DEFAULT_URL = "sqlite:///eventwire.db"


def normalise_url(url: str | None) -> str:
    """Accept a bare file path as a SQLite database; psycopg 3 for postgresql:// URLs."""
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store:
    """Documents, events, ceasefires and clusters in one SQL database."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            upgrade(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {self.url!r}: {exc}") from exc

    # ---- writing ---------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """True when a document with this id is stored and was coded or deliberately skipped."""
        with self.engine.connect() as conn:
            status = conn.scalar(select(schema.documents.c.status).where(schema.documents.c.id == doc_id))
        return status in ("coded", "skipped")

    def save(self, coded: CodedDocument) -> bool:
        """Store one coded document with its events; False when it was already stored."""
        return self.save_many([coded]) == 1

    def save_many(self, batch: Iterable[CodedDocument]) -> int:
        """Store a batch in one transaction; returns how many documents were new."""
        new = 0
        batch = list(batch)
        doc_rows: list[dict] = []
        event_rows: list[dict] = []
        ceasefires: list[Ceasefire] = []
        try:
            with self.engine.begin() as conn:
                ids = [c.document.id for c in batch]
                known = dict(
                    conn.execute(
                        select(schema.documents.c.id, schema.documents.c.status).where(
                            schema.documents.c.id.in_(ids)
                        )
                    ).all()
                )
                for coded in batch:
                    doc = coded.document
                    status = known.get(doc.id)
                    if status in ("coded", "skipped"):
                        continue
                    if status is not None:  # a failed earlier try: replace it
                        conn.execute(delete(schema.events).where(schema.events.c.doc_id == doc.id))
                        conn.execute(delete(schema.documents).where(schema.documents.c.id == doc.id))
                    known[doc.id] = doc.status
                    doc_rows.append(_document_row(doc))
                    event_rows.extend(_event_row(e) for e in coded.events)
                    ceasefires.extend(coded.ceasefires)
                    new += 1
                # one INSERT per table and batch, not one per document
                if doc_rows:
                    conn.execute(insert(schema.documents), doc_rows)
                if event_rows:
                    conn.execute(insert(schema.events), event_rows)
                for cf in ceasefires:
                    self._upsert_ceasefire(conn, cf)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to {self.url!r}: {exc}") from exc
        return new

    def _upsert_ceasefire(self, conn, cf: Ceasefire) -> None:
        conn.execute(delete(schema.ceasefires).where(schema.ceasefires.c.id == cf.id))
        conn.execute(
            insert(schema.ceasefires),
            [
                {
                    "id": cf.id,
                    "status": cf.status,
                    "agreed": cf.agreed,
                    "record": cf.model_dump(mode="json"),
                }
            ],
        )

    def replace_ceasefires(self, items: Iterable[Ceasefire]) -> None:
        """Write the tracker's current view of every ceasefire."""
        with self.engine.begin() as conn:
            for cf in items:
                self._upsert_ceasefire(conn, cf)

    def replace_clusters(self, items: Iterable[Cluster]) -> None:
        """Write clusters and point their member events at them."""
        from sqlalchemy import update

        with self.engine.begin() as conn:
            for cl in items:
                conn.execute(delete(schema.clusters).where(schema.clusters.c.id == cl.id))
                conn.execute(
                    insert(schema.clusters),
                    [
                        {
                            "id": cl.id,
                            "event_type": cl.event.event_type,
                            "date": cl.event.date,
                            "n_reports": cl.n_reports,
                            "record": cl.model_dump(mode="json"),
                        }
                    ],
                )
                conn.execute(
                    update(schema.events)
                    .where(schema.events.c.id.in_(cl.member_ids))
                    .values(cluster_id=cl.id)
                )

    # ---- reading ---------------------------------------------------------------------
    def documents(self) -> Iterator[Document]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(schema.documents).order_by(schema.documents.c.id)):
                data = dict(row._mapping)
                yield Document(**data)

    def document(self, doc_id: str) -> Document | None:
        """One stored document, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents).where(schema.documents.c.id == doc_id)).first()
        return Document(**dict(row._mapping)) if row else None

    def events(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        event_type: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        doc_id: str | None = None,
    ) -> Iterator[Event]:
        """Stored events, filtered, in document then text order; cluster ids filled in."""
        t = schema.events
        q = select(t.c.record, t.c.cluster_id, t.c.ceasefire_id)
        if since:
            q = q.where(t.c.date >= since)
        if until:
            q = q.where(t.c.date <= until)
        if country:
            q = q.where(t.c.country == country)
        if event_type:
            q = q.where(t.c.event_type == event_type)
        if doc_id:
            q = q.where(t.c.doc_id == doc_id)
        if bbox:
            west, south, east, north = bbox
            q = q.where(t.c.lon >= west, t.c.lon <= east, t.c.lat >= south, t.c.lat <= north)
        q = q.order_by(t.c.doc_id, t.c.id)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q))
        evs = [_event_of(r) for r in rows]
        evs.sort(key=lambda e: (e.evidence.doc_id, e.evidence.start, e.id))
        return iter(evs)

    # ---- reading for incremental dedup: only what new reports can meet ----------------
    def unclustered_events(self) -> list[Event]:
        """Events no cluster holds yet (those of the documents coded since the last dedup run)."""
        t = schema.events
        q = select(t.c.record, t.c.cluster_id, t.c.ceasefire_id).where(t.c.cluster_id.is_(None))
        with self.engine.connect() as conn:
            return [_event_of(r) for r in conn.execute(q.order_by(t.c.id))]

    def events_of_documents(self, doc_ids: Iterable[str]) -> list[Event]:
        """Every stored event of these documents."""
        t = schema.events
        out: list[Event] = []
        with self.engine.connect() as conn:
            for chunk in _chunks(sorted(set(doc_ids))):
                q = select(t.c.record, t.c.cluster_id, t.c.ceasefire_id).where(t.c.doc_id.in_(chunk))
                out.extend(_event_of(r) for r in conn.execute(q))
        return out

    def documents_of_events(self, event_ids: Iterable[str]) -> set[str]:
        """The ids of the documents these events come from."""
        t = schema.events
        with self.engine.connect() as conn:
            return {
                r.doc_id
                for chunk in _chunks(sorted(set(event_ids)))
                for r in conn.execute(select(t.c.doc_id).where(t.c.id.in_(chunk)))
            }

    def cluster_ids_dated(self, window: tuple[dt.date, dt.date] | None) -> list[str]:
        """Clusters with a member dated inside ``window`` (or undated, in a document published
        inside it or unpublished); every cluster when ``window`` is None."""
        ev, docs = schema.events, schema.documents
        q = select(ev.c.cluster_id).where(ev.c.cluster_id.is_not(None)).distinct()
        if window is not None:
            lo, hi = window
            in_range = or_(docs.c.published.is_(None), docs.c.published.between(lo, hi))
            undated = select(docs.c.id).where(in_range)
            q = q.where(or_(ev.c.date.between(lo, hi), ev.c.date.is_(None) & ev.c.doc_id.in_(undated)))
        with self.engine.connect() as conn:
            return sorted(r.cluster_id for r in conn.execute(q))

    def clusters_by_id(self, cluster_ids: Iterable[str]) -> list[Cluster]:
        """These clusters, in id order."""
        t = schema.clusters
        with self.engine.connect() as conn:
            found = [
                Cluster.model_validate(r.record)
                for chunk in _chunks(sorted(set(cluster_ids)))
                for r in conn.execute(select(t.c.record).where(t.c.id.in_(chunk)))
            ]
        return sorted(found, key=lambda c: c.id)

    def publishers(self) -> dict[str, str]:
        """Document id → publisher, for exports that name their sources."""
        t = schema.documents
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.c.id, t.c.publisher).where(t.c.publisher.is_not(None)))
            return {r.id: r.publisher for r in rows}

    def published_dates(self, doc_ids: Iterable[str] | None = None) -> dict[str, dt.date]:
        """Document id → publication date (of these documents, or all), for dedup's date evidence."""
        t = schema.documents
        q = select(t.c.id, t.c.published).where(t.c.published.is_not(None))
        with self.engine.connect() as conn:
            if doc_ids is None:
                return {r.id: r.published for r in conn.execute(q)}
            return {
                r.id: r.published
                for chunk in _chunks(sorted(set(doc_ids)))
                for r in conn.execute(q.where(t.c.id.in_(chunk)))
            }

    def ceasefires(self) -> list[Ceasefire]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.ceasefires.c.record).order_by(schema.ceasefires.c.id))
            return [Ceasefire.model_validate(r.record) for r in rows]

    def clusters(self) -> list[Cluster]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(schema.clusters.c.record).order_by(schema.clusters.c.id))
            return [Cluster.model_validate(r.record) for r in rows]

    def counts(self) -> dict[str, int]:
        """Rows per table and documents per status: a quick summary for the CLI."""
        out = {}
        with self.engine.connect() as conn:
            for name, table in (
                ("documents", schema.documents),
                ("events", schema.events),
                ("ceasefires", schema.ceasefires),
                ("clusters", schema.clusters),
            ):
                out[name] = conn.scalar(select(func.count()).select_from(table)) or 0
            for status, n in conn.execute(
                select(schema.documents.c.status, func.count()).group_by(schema.documents.c.status)
            ):
                out[f"documents_{status}"] = n
        return out


_CHUNK = 500  # ids per IN (...) clause, well under SQLite's limit on bound variables


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _event_of(row) -> Event:
    """An event record from its row, with the cluster and ceasefire links the row holds."""
    return Event.model_validate(
        {
            **row.record,
            "cluster_id": row.cluster_id,
            "ceasefire_id": row.ceasefire_id or row.record.get("ceasefire_id"),
        }
    )


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def _document_row(doc: Document) -> dict:
    row = doc.model_dump()
    row["ingested_at"] = row["ingested_at"] or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return row


def _event_row(e: Event) -> dict:
    loc = e.location
    return {
        "id": e.id,
        "doc_id": e.evidence.doc_id,
        "event_type": e.event_type,
        "date": e.date,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "actor_country": e.actor.country if e.actor else None,
        "recipient_country": e.recipient.country if e.recipient else None,
        "fatalities": e.fatalities.best if e.fatalities else None,
        "confidence": e.confidence,
        "cluster_id": e.cluster_id,
        "ceasefire_id": e.ceasefire_id,
        "record": e.model_dump(mode="json"),
    }
