"""Parquet (pyarrow): the flat CSV columns with proper types, for pandas and DuckDB."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventwire.export.plain import csv_columns, flatten
from eventwire.model import Event


def write_parquet(events: Iterable[Event], path: str | Path) -> int:
    """Write events to a Parquet file (needs the optional pyarrow dependency)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = csv_columns()
    rows = [flatten(e.model_dump(mode="json")) for e in events]
    data = {c: [r.get(c) for r in rows] for c in cols}
    table = pa.table({c: pa.array(v) for c, v in data.items()})
    pq.write_table(table, str(path))
    return len(rows)
