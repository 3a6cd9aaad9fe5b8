"""Cluster exports (one row per real-world event), read back with what a user would use."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.dedup import cluster_events
from eventwire.export.acled import COLUMNS as ACLED_COLUMNS
from eventwire.export.clusters import (
    CLUSTER_COLUMNS,
    clusters_with_singletons,
    outlet_names,
    select_clusters,
    write_clusters,
)
from eventwire.model import Acled, Cluster, CodedDocument, Count
from eventwire.store import Store
from tests.factories import make_document, make_event

ACLED = Acled(
    disorder_type="Political violence", event_type="Violence against civilians",
    sub_event_type="Attack", inter1=3, inter2=7, interaction=37,
)  # fmt: skip


def coded() -> list[CodedDocument]:
    """Two outlets report one raid (toll 5 → 7); a third document reports a protest."""
    out = []
    for text, publisher, killed, day in (
        ("Gunmen killed five villagers in Zamfara on Tuesday.", "Sahel Monitor", 5, 1),
        ("Bandits killed seven people in a Zamfara village on Tuesday.", "Daily Ledger", 7, 2),
    ):
        doc = make_document(text, publisher=publisher, published=dt.date(2024, 5, day))
        out.append(
            CodedDocument(
                document=doc,
                events=[
                    make_event(
                        doc,
                        acled=ACLED,
                        fatalities=Count(best=killed, low=killed, high=killed),
                        date=dt.date(2024, 4, 30),
                    )
                ],
            )
        )
    doc = make_document("Hundreds marched in Abuja on Tuesday.", publisher="Daily Ledger")
    out.append(
        CodedDocument(
            document=doc,
            events=[
                make_event(
                    doc, event_type="PROTEST", mode="demo", quad_class=3, fatalities=None, location=None
                )
            ],
        )
    )
    return out


@pytest.fixture
def clustered():
    docs = coded()
    events = [e for c in docs for e in c.events]
    publishers = {c.document.id: c.document.publisher for c in docs}
    published = {c.document.id: c.document.published for c in docs}
    clusters = cluster_events(events, publishers=publishers, published=published)
    return clusters, outlet_names(clusters, events, publishers)


def _raid(clusters: list[Cluster]) -> Cluster:
    return next(c for c in clusters if c.event.event_type == "ASSAULT")


def test_jsonl_round_trips_cluster_records(clustered):
    clusters, names = clustered
    buf = io.StringIO()
    assert write_clusters("jsonl", clusters, buf, names) == 2
    back = [Cluster.model_validate(json.loads(line)) for line in buf.getvalue().splitlines()]
    assert back == clusters
    assert (_raid(back).n_reports, _raid(back).n_outlets) == (2, 2)


def test_csv_one_row_per_event_with_counts_and_sources(clustered):
    clusters, names = clustered
    buf = io.StringIO()
    write_clusters("csv", clusters, buf, names)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0])[: len(CLUSTER_COLUMNS)] == CLUSTER_COLUMNS
    raid = next(r for r in rows if r["event_type"] == "ASSAULT")
    assert (raid["n_reports"], raid["n_outlets"]) == ("2", "2")
    assert raid["sources"] == "Daily Ledger; Sahel Monitor"
    assert raid["fatalities_best"] == "7" and raid["cluster_id"] == _raid(clusters).id


def test_acled_rows_keep_acleds_columns_then_counts(clustered):
    clusters, names = clustered
    buf = io.StringIO()
    assert write_clusters("acled", clusters, buf, names) == 1  # the protest has no ACLED coding
    (row,) = csv.DictReader(io.StringIO(buf.getvalue()))
    assert list(row) == [*ACLED_COLUMNS, "n_reports", "n_outlets"]
    assert (row["event_id_cnty"], row["n_reports"], row["fatalities"]) == (_raid(clusters).id, "2", "5")
    assert row["source"] == "Daily Ledger; Sahel Monitor"


def test_geojson_and_parquet(clustered, tmp_path):
    clusters, names = clustered
    buf = io.StringIO()
    assert write_clusters("geojson", clusters, buf, names) == 1  # the protest has no place
    (feat,) = json.loads(buf.getvalue())["features"]
    assert feat["id"] == _raid(clusters).id and feat["properties"]["n_outlets"] == 2
    path = tmp_path / "events.parquet"
    assert write_clusters("parquet", clusters, path, names) == 2
    table = pq.read_table(path)
    assert sorted(table.column("n_reports").to_pylist()) == [1, 2]
    assert table.column_names[: len(CLUSTER_COLUMNS)] == CLUSTER_COLUMNS


def test_unclustered_events_are_single_report_events_and_filters_apply(clustered):
    clusters, _ = clustered
    loose = make_event(make_document("Shelling hit Gao on Tuesday."), event_type="ASSAULT")
    every = clusters_with_singletons(clusters, [loose])
    assert len(every) == 3 and every[-1].member_ids == [loose.id] and every[-1].n_reports == 1
    assert {c.event.event_type for c in select_clusters(every, event_type="PROTEST")} == {"PROTEST"}
    assert len(select_clusters(every, country="NGA")) == 2  # the protest has no place


def test_cli_export_clusters_vs_records(tmp_path):
    db = f"sqlite:///{tmp_path / 'ew.db'}"
    store = Store(db)
    store.save_many(coded())
    from eventwire.runner import update_clusters

    update_clusters(store)
    runner = CliRunner()
    records = runner.invoke(main, ["export", "--db", db, "--format", "jsonl"])
    events = runner.invoke(main, ["export", "--db", db, "--format", "jsonl", "--clusters"])
    assert records.exit_code == 0 and events.exit_code == 0, events.output
    assert len(records.stdout.splitlines()) == 3 and len(events.stdout.splitlines()) == 2
    bad = runner.invoke(main, ["export", "--db", db, "--format", "ucdp", "--clusters"])
    assert bad.exit_code != 0
