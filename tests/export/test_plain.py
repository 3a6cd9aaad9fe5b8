"""Exports: JSONL validates against the published schema; CSV is flat; the table is readable."""

import csv
import io
import json
from pathlib import Path

import jsonschema

from eventwire.export import csv_columns, format_table, write_csv, write_jsonl
from eventwire.model import event_json_schema
from tests.factories import make_coded

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "event.schema.json"


def test_published_schema_is_generated_from_the_model():
    assert json.loads(SCHEMA_FILE.read_text()) == event_json_schema()


def test_jsonl_lines_validate_against_the_schema():
    buf = io.StringIO()
    write_jsonl(make_coded().events, buf)
    for line in buf.getvalue().splitlines():
        jsonschema.validate(json.loads(line), event_json_schema())


def test_csv_flattens_nested_fields():
    buf = io.StringIO()
    write_csv(make_coded().events, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["location_lat"] == "12.17"
    assert rows[0]["actor_country"] == "NGA"
    assert rows[0]["fatalities_best"] == "5"
    assert list(rows[0]) == csv_columns()


def test_table_shows_who_did_what_to_whom():
    text = format_table(make_coded().events, width=100)
    assert "Gunmen [NGA/UAF] → ASSAULT/firearms → five villagers [NGA/CVL]" in text
    assert "killed: 5" in text
    assert "Zamfara" in text
