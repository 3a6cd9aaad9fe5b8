"""The SQL store: idempotent, filtered reads, round-trips records exactly."""

import datetime as dt
import os

import pytest

from eventwire.errors import StoreError
from eventwire.store import Store, normalise_url
from tests.factories import make_coded

PG_URL = os.environ.get("EVENTWIRE_TEST_PG_URL")


def _fresh_postgres() -> Store:
    """The CI PostgreSQL server (scripts/pg-test-server), emptied for one test."""
    from sqlalchemy import create_engine, text

    engine = create_engine(normalise_url(PG_URL))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return Store(PG_URL)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return Store(str(tmp_path / "test.db"))
    if not PG_URL:
        if os.environ.get("EVENTWIRE_REQUIRE_PG"):
            pytest.fail("EVENTWIRE_REQUIRE_PG is set but EVENTWIRE_TEST_PG_URL is not")
        pytest.skip("no PostgreSQL server (run `make test`, which starts one)")
    return _fresh_postgres()


def test_saving_twice_changes_nothing(store):
    coded = make_coded()
    assert store.save(coded) is True
    before = list(store.events())
    assert store.save(coded) is False
    assert list(store.events()) == before
    assert store.counts()["events"] == 1
    assert store.counts()["documents"] == 1


def test_records_round_trip(store):
    coded = make_coded()
    store.save(coded)
    assert list(store.events()) == coded.events
    assert store.document(coded.document.id).text == coded.document.text


def test_filters(store):
    store.save(make_coded())
    store.save(
        make_coded(
            "Protesters marched in Nairobi.",
            event_type="PROTEST",
            quad_class=4,
            date=dt.date(2024, 6, 1),
        )
    )
    assert [e.event_type for e in store.events(event_type="PROTEST")] == ["PROTEST"]
    assert len(list(store.events(since=dt.date(2024, 5, 15)))) == 1
    assert len(list(store.events(country="NGA"))) == 2
    assert len(list(store.events(bbox=(0.0, 10.0, 10.0, 15.0)))) == 2
    assert len(list(store.events(bbox=(30.0, -5.0, 40.0, 5.0)))) == 0


def test_failed_document_is_stored_with_its_error_and_retried(store):
    coded = make_coded()
    failed = coded.model_copy(
        update={
            "document": coded.document.model_copy(
                update={"status": "failed", "error": "E500: boom"}
            ),
            "events": [],
        }
    )
    store.save(failed)
    assert store.document(coded.document.id).error == "E500: boom"
    assert not store.has_document(coded.document.id)
    assert store.save(coded) is True
    assert store.document(coded.document.id).status == "coded"


def test_bare_path_is_sqlite_and_postgres_uses_psycopg():
    assert normalise_url("x.db") == "sqlite:///x.db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_unopenable_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="E300"):
        Store(f"sqlite:///{tmp_path}/missing/dir/x.db")


def test_schema_is_migrated_to_the_latest_revision(store):
    from eventwire.store.migrate import current

    assert current(store.engine) == "0001"
