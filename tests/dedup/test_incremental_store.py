"""runner.update_clusters: the incremental run reads only what new reports can meet and gives
the clusters a full recompute gives."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dedup.window import candidate_window, stored_candidates
from eventwire.model import CodedDocument, Location
from eventwire.runner import update_clusters
from eventwire.store import Store
from tests.factories import make_document, make_event

KADAWA = Location(
    text="Kadawa", name="Kadawa", admin1="Zamfara", country="NGA", lat=12.10, lon=6.20,
    precision="town", geo_precision=1,
)  # fmt: skip
GOMA = Location(
    text="Goma", name="Goma", admin1="North Kivu", country="COD", lat=-1.68, lon=29.22,
    precision="town", geo_precision=1,
)  # fmt: skip


def _report(
    text: str, published: dt.date, when: dt.date | None, place: Location, killed: int
) -> CodedDocument:
    doc = make_document(text, published=published, publisher=text.split()[0])
    event = make_event(
        doc, date=when, date_precision="day" if when else None, location=place,
        fatalities={"best": killed, "low": killed, "high": killed},
    )  # fmt: skip
    return CodedDocument(document=doc, events=[event])


MAY6 = dt.date(2024, 5, 6)
D = dt.date
BATCHES = [
    [
        _report("Sahel: gunmen killed 9 villagers in Kadawa on Monday.", D(2024, 5, 7), MAY6, KADAWA, 9),
        _report("Kivu: shells hit a camp near Goma, killing 12.", D(2022, 5, 4), D(2022, 5, 3), GOMA, 12),
    ],
    [
        _report("Wire: bandits killed 12 people in Kadawa on Monday.", D(2024, 5, 8), MAY6, KADAWA, 12),
        _report("Ledger: Kadawa toll rises to 21.", D(2024, 5, 10), None, KADAWA, 21),
    ],
    [
        _report("Post: gunmen raided Kadawa again, killing four.", D(2024, 5, 21), D(2024, 5, 20), KADAWA, 4),
        _report("Herald: camp shelling near Goma killed 15.", D(2022, 5, 5), D(2022, 5, 3), GOMA, 15),
    ],
]  # fmt: skip


def _state(store: Store) -> tuple:
    clusters = sorted((c.id, tuple(sorted(c.member_ids)), c.n_outlets, c.event) for c in store.clusters())
    owners = sorted((e.id, e.cluster_id) for e in store.events())
    return clusters, owners


@pytest.fixture
def stores(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'inc.db'}"), Store(f"sqlite:///{tmp_path / 'full.db'}")


def test_incremental_update_equals_full_recompute(stores):
    incremental, full = stores
    for batch in BATCHES:
        incremental.save_many(batch)
        full.save_many(batch)
        update_clusters(incremental)
        update_clusters(full, full=True)
        assert _state(incremental) == _state(full)
    members = {tuple(sorted(c.member_ids)) for c in incremental.clusters()}
    assert [len(m) for m in sorted(members, key=len)] == [1, 2, 3]


def test_incremental_update_reads_only_the_new_reports_block(stores):
    store, _ = stores
    store.save_many(BATCHES[0])
    update_clusters(store)
    store.save_many(BATCHES[1])  # Kadawa reports of May 2024: the Goma cluster of 2022 is out of reach
    fresh, clusters, events = stored_candidates(store)
    assert {e.evidence.doc_id for e in fresh} == {c.document.id for c in BATCHES[1]}
    goma_doc = BATCHES[0][1].document.id
    assert [c.event.location.name for c in clusters] == ["Kadawa"]
    assert goma_doc not in {e.evidence.doc_id for e in events.values()}


def test_candidate_window_covers_vague_dates_and_gives_up_without_any_date():
    doc = make_document("x", published=dt.date(2024, 5, 10))
    lo, hi = candidate_window([make_event(doc, date=MAY6)], {doc.id: doc.published})
    assert lo <= MAY6 - dt.timedelta(days=366) and hi >= MAY6 + dt.timedelta(days=14)
    undated = make_event(doc, date=None, date_precision=None)
    assert candidate_window([undated], {}) is None
