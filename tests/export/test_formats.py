"""ACLED, UCDP, GeoJSON and Parquet exports, read back with what a user would use."""

import csv
import io
import json

import pyarrow.parquet as pq

from eventwire.export import write_acled_csv, write_geojson, write_ucdp_csv
from eventwire.export.acled import COLUMNS as ACLED_COLUMNS
from eventwire.export.parquet import write_parquet
from eventwire.model import Acled
from tests.factories import make_coded


def attack():
    acled = Acled(disorder_type="Political violence", event_type="Violence against civilians",
                  sub_event_type="Attack", inter1=3, inter2=7, interaction=37)
    return make_coded(acled=acled).events


def test_acled_csv_has_acleds_columns_in_order():
    buf = io.StringIO()
    assert write_acled_csv(attack(), buf, {}) == 1
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == ACLED_COLUMNS
    assert rows[0]["sub_event_type"] == "Attack"
    assert rows[0]["interaction"] == "37"
    assert rows[0]["civilian_targeting"] == "Civilian targeting"
    assert rows[0]["fatalities"] == "5"


def test_acled_csv_skips_events_outside_acleds_scope():
    buf = io.StringIO()
    assert write_acled_csv(make_coded(event_type="CONSULT", quad_class=1).events, buf) == 0


def test_ucdp_csv_codes_one_sided_violence():
    buf = io.StringIO()
    write_ucdp_csv(attack(), buf)
    (row,) = csv.DictReader(io.StringIO(buf.getvalue()))
    assert (row["type_of_violence"], row["best"], row["where_prec"], row["date_prec"]) == ("3", "5", "4", "1")


def test_geojson_is_a_feature_collection_of_points():
    buf = io.StringIO()
    write_geojson(attack(), buf)
    data = json.loads(buf.getvalue())
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [6.25, 12.17]}


def test_parquet_round_trip(tmp_path):
    path = tmp_path / "events.parquet"
    write_parquet(attack(), path)
    table = pq.read_table(path)
    assert table.num_rows == 1
    assert table.column("fatalities_best").to_pylist() == [5]
