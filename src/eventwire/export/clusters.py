"""Exporting real-world events: one row per dedup cluster instead of one per report.

A cluster's row is its merged record (``dedup.merge_cluster``) plus how many reports and outlets
told it (``n_reports``, ``n_outlets``), the outlets' names (``sources``) and the member record
ids, so a user can count events the way ACLED and UCDP do, or go back to each report.

- JSONL: one ``Cluster`` record per line, exactly as the model dumps it (reads back with
  ``Cluster.model_validate``).
- CSV and Parquet: ``CLUSTER_COLUMNS`` then the flat event columns of ``plain.csv_columns``.
- ACLED CSV: ACLED's columns in ACLED's order, ``source`` listing every outlet, then
  ``n_reports`` and ``n_outlets`` at the end (scripts that read ACLED's columns by name still work).
- GeoJSON: one Point per located cluster, with the cluster columns among its properties.

A stored event no cluster holds (a store coded before dedup ran) is its own one-report event.

Example:
    >>> write_cluster_jsonl([], __import__("io").StringIO())
    0
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from eventwire.export.acled import COLUMNS as ACLED_COLUMNS
from eventwire.export.acled import acled_row
from eventwire.export.geojson import feature
from eventwire.export.plain import csv_columns, flatten
from eventwire.model import Cluster, Event

CLUSTER_COLUMNS = ["cluster_id", "n_reports", "n_outlets", "sources", "member_ids"]


def clusters_with_singletons(clusters: Iterable[Cluster], events: Iterable[Event]) -> list[Cluster]:
    """The clusters, plus a one-report cluster for every event none of them holds."""
    from eventwire.dedup.merge import cluster_id_for

    out = list(clusters)
    held = {m for c in out for m in c.member_ids}
    for e in events:
        if e.id not in held:
            cid = e.cluster_id or cluster_id_for(e.id)
            out.append(Cluster(id=cid, event=e, member_ids=[e.id], n_reports=1, n_outlets=1))
    return out


def select_clusters(
    clusters: Iterable[Cluster],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: str | None = None,
    event_type: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[Cluster]:
    """The clusters whose merged record passes the filters ``Store.events`` offers, by date then id."""

    def keep(c: Cluster) -> bool:
        e, loc = c.event, c.event.location
        if (since or until) and e.date is None:
            return False
        if since and e.date < since:  # type: ignore[operator]
            return False
        if until and e.date > until:  # type: ignore[operator]
            return False
        if country and (loc is None or loc.country != country):
            return False
        if event_type and e.event_type != event_type:
            return False
        if bbox:
            if loc is None or loc.lat is None or loc.lon is None:
                return False
            west, south, east, north = bbox
            return west <= loc.lon <= east and south <= loc.lat <= north
        return True

    return sorted((c for c in clusters if keep(c)), key=lambda c: (c.event.date or dt.date.min, c.id))


def sources(cluster: Cluster, doc_of: Mapping[str, str], publishers: Mapping[str, str]) -> list[str]:
    """The outlets of a cluster's reports (sorted; a document without a publisher by its id)."""
    docs = {doc_of[m] for m in cluster.member_ids if m in doc_of} or {cluster.event.evidence.doc_id}
    return sorted({publishers.get(d) or d for d in docs})


def cluster_columns(cluster: Cluster, names: Sequence[str]) -> dict[str, object]:
    """The cluster columns of one row (``names`` are its outlets)."""
    return {
        "cluster_id": cluster.id,
        "n_reports": cluster.n_reports,
        "n_outlets": cluster.n_outlets,
        "sources": "; ".join(names),
        "member_ids": "; ".join(cluster.member_ids),
    }


def flat_row(cluster: Cluster, names: Sequence[str]) -> dict[str, object]:
    """The flat CSV/Parquet row of a cluster: its columns, then its merged record's."""
    return cluster_columns(cluster, names) | flatten(cluster.event.model_dump(mode="json"))


def write_cluster_jsonl(clusters: Iterable[Cluster], out: TextIO) -> int:
    """One Cluster record per line; returns the count."""
    n = 0
    for c in clusters:
        out.write(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_cluster_csv(clusters: Iterable[Cluster], out: TextIO, names: Mapping[str, Sequence[str]]) -> int:
    """A header and one flat row per cluster; ``names`` maps cluster id → its outlets."""
    writer = csv.DictWriter(
        out, fieldnames=CLUSTER_COLUMNS + csv_columns(), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    n = 0
    for c in clusters:
        writer.writerow(flat_row(c, names.get(c.id, ())))
        n += 1
    return n


def write_cluster_acled_csv(
    clusters: Iterable[Cluster], out: TextIO, names: Mapping[str, Sequence[str]]
) -> int:
    """ACLED rows of the clusters in ACLED's scope, then ``n_reports``/``n_outlets``; the count."""
    writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, "n_reports", "n_outlets"], lineterminator="\n")
    writer.writeheader()
    n = 0
    for c in clusters:
        row = acled_row(c.event, "; ".join(names.get(c.id, ())))
        if row is None:
            continue
        # ACLED's event id is per event, not per report: the cluster's
        writer.writerow(row | {"event_id_cnty": c.id, "n_reports": c.n_reports, "n_outlets": c.n_outlets})
        n += 1
    return n


def write_cluster_geojson(
    clusters: Iterable[Cluster], out: TextIO, names: Mapping[str, Sequence[str]]
) -> int:
    """A FeatureCollection with one Point per located cluster; returns the feature count."""
    feats = []
    for c in clusters:
        f = feature(c.event)
        if f is None:
            continue
        f["id"] = c.id
        f["properties"] = cluster_columns(c, names.get(c.id, ())) | f["properties"]
        feats.append(f)
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)


def write_cluster_parquet(
    clusters: Iterable[Cluster], path: str | Path, names: Mapping[str, Sequence[str]]
) -> int:
    """The CSV columns of the clusters as a Parquet file (pyarrow); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = CLUSTER_COLUMNS + csv_columns()
    rows = [flat_row(c, names.get(c.id, ())) for c in clusters]
    pq.write_table(pa.table({col: pa.array([r.get(col) for r in rows]) for col in cols}), str(path))
    return len(rows)


def outlet_names(
    clusters: Iterable[Cluster], events: Iterable[Event], publishers: Mapping[str, str]
) -> dict[str, list[str]]:
    """Cluster id → the outlets of its reports, from the member records' documents."""
    doc_of = {e.id: e.evidence.doc_id for e in events}
    return {c.id: sources(c, doc_of, publishers) for c in clusters}


CLUSTER_FORMATS = ("jsonl", "csv", "acled", "geojson", "parquet")


def stored_clusters(store, **filters) -> tuple[list[Cluster], dict[str, list[str]]]:
    """The store's real-world events passing ``filters`` (as ``select_clusters``), and their outlets."""
    events = list(store.events())
    clusters = select_clusters(clusters_with_singletons(store.clusters(), events), **filters)
    return clusters, outlet_names(clusters, events, store.publishers())


def write_clusters(
    fmt: str, clusters: Sequence[Cluster], out: TextIO | str | Path, names: Mapping[str, Sequence[str]]
) -> int:
    """Write clusters in one of ``CLUSTER_FORMATS`` (parquet: ``out`` is a path); the row count."""
    if fmt == "parquet":
        return write_cluster_parquet(clusters, out, names)  # type: ignore[arg-type]
    if fmt not in CLUSTER_FORMATS:
        raise ValueError(f"no cluster export in format {fmt!r} (one of {', '.join(CLUSTER_FORMATS)})")
    writer = {
        "jsonl": lambda: write_cluster_jsonl(clusters, out),  # type: ignore[arg-type]
        "csv": lambda: write_cluster_csv(clusters, out, names),  # type: ignore[arg-type]
        "acled": lambda: write_cluster_acled_csv(clusters, out, names),  # type: ignore[arg-type]
        "geojson": lambda: write_cluster_geojson(clusters, out, names),  # type: ignore[arg-type]
    }[fmt]
    return writer()
