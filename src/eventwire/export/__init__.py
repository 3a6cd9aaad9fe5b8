"""Writing events out: JSONL, flat CSV and the terminal table (plain.py), ACLED-compatible CSV
(acled.py), UCDP GED-style CSV (ucdp.py), GeoJSON (geojson.py) and Parquet (parquet.py)."""

from eventwire.export.acled import write_acled_csv
from eventwire.export.geojson import write_geojson
from eventwire.export.plain import (
    csv_columns,
    event_json,
    flatten,
    format_event,
    format_table,
    write_csv,
    write_jsonl,
)
from eventwire.export.ucdp import write_ucdp_csv

FORMATS = ("table", "jsonl", "csv")
EXPORT_FORMATS = ("jsonl", "csv", "acled", "ucdp", "geojson", "parquet", "table")

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "csv_columns",
    "event_json",
    "flatten",
    "format_event",
    "format_table",
    "write_acled_csv",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_ucdp_csv",
]
