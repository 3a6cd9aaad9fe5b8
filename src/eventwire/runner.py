"""Batch runs: inputs in, coded documents stored and handed back, resumable.

This joins ingest, the pipeline and the store. A document already in the store is not coded
again (its stored events are returned), so rerunning a killed run finishes the work without
doubling anything. Results are written in batches, each batch in one transaction.

Example:
    >>> # for res in code_paths(["examples/"], db="eventwire.db"): print(len(res.events))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tqdm import tqdm

from eventwire.ingest import iter_raw
from eventwire.model import CodedDocument, RawDocument
from eventwire.pipeline import Options, Pipeline
from eventwire.store import Store

WRITE_BATCH = 50


@dataclass(frozen=True)
class Engine:
    """Where coding runs: "local" (this process) or "dask" (a cluster; see eventwire.scale)."""

    name: str = "local"
    scheduler: str | None = None
    workers: int = 2

    def code(self, raws: Iterable[RawDocument], published: dt.date | None) -> Iterator[CodedDocument]:
        if self.name == "dask":
            from eventwire.scale import code_dask

            return code_dask(raws, published=published, scheduler=self.scheduler, workers=self.workers)
        return Pipeline(Options(published=published)).code(raws)


def code_paths(
    paths: list[str],
    *,
    published: dt.date | None = None,
    db: str | None = None,
    progress: bool = False,
    engine: Engine | None = None,
    text_column: str | None = None,
) -> Iterator[CodedDocument]:
    """Code every document found under ``paths``; store them when ``db`` is given."""
    raws = iter_raw(paths, published=published, text_column=text_column)
    yield from code_raws(
        raws, published=published, store=Store(db) if db else None, progress=progress, engine=engine
    )


def code_raws(
    raws: Iterable[RawDocument],
    *,
    published: dt.date | None = None,
    store: Store | None = None,
    progress: bool = False,
    engine: Engine | None = None,
) -> Iterator[CodedDocument]:
    """Code raw documents, skipping those the store already holds, writing in batches."""
    engine = engine or Engine()
    bar = tqdm(desc="coding", unit="doc", disable=not progress or None, leave=False)
    pending: list[CodedDocument] = []

    def fresh() -> Iterator[RawDocument]:
        for raw in raws:
            if store is not None and store.has_document(raw.id or raw.raw_sha256[:16]):
                stored_id = raw.id or raw.raw_sha256[:16]
                stored.append(stored_id)
                continue
            yield raw

    stored: list[str] = []
    try:
        for result in engine.code(fresh(), published):
            while stored:
                yield _from_store(store, stored.pop(0))
            bar.update(1)
            if store is not None:
                pending.append(result)
                if len(pending) >= WRITE_BATCH:
                    store.save_many(pending)
                    pending = []
            yield result
        while stored:
            yield _from_store(store, stored.pop(0))
    finally:
        if store is not None and pending:
            store.save_many(pending)
        bar.close()
    if store is not None:
        update_clusters(store)  # one real-world event, many reports: link them


def update_clusters(store: Store, *, full: bool = False) -> int:
    """Join the store's unclustered events to its clusters (incremental, order-independent).

    Only what the new reports can meet is read: the unclustered events, the clusters with a
    member dated near them (``dedup.candidate_window``) or undated, those clusters' members and
    the other events of their documents (scoring compares whole reports). ``full`` reads every
    event instead; both give the same clusters. Returns the number of clusters written.
    """
    from eventwire.dedup import cluster_events
    from eventwire.dedup.window import stored_candidates

    if full:
        existing = store.clusters()
        events = {e.id: e for e in store.events()}
        clustered = {m for c in existing for m in c.member_ids}
        fresh = [e for e in events.values() if e.id not in clustered]
    else:
        fresh, existing, events = stored_candidates(store)
    if not fresh:
        return len(existing)
    clusters = cluster_events(
        fresh,
        existing=existing,
        publishers=store.publishers(),
        published=store.published_dates(),
        members=events,
    )
    store.replace_clusters(clusters)
    return len(clusters)


def _from_store(store: Store | None, doc_id: str) -> CodedDocument:
    assert store is not None
    doc = store.document(doc_id)
    assert doc is not None
    return CodedDocument(document=doc, events=list(store.events(doc_id=doc_id)))
