"""CSV and TSV: one document per row, text in a ``text``/``body``/``content`` column.

The other columns are the same metadata as in JSONL (id, published or date, title, url,
publisher). A row without text is a failed record naming its row; the other rows go on.

Example:
    >>> rows = b"id,text,date\\n7,Troops shelled the village on Monday.,2024-05-06\\n"
    >>> [(d.id, d.published.isoformat()) for d in read(rows, "a.csv")]
    [('7', '2024-05-06')]
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator

from eventwire.errors import InputError, MalformedInput
from eventwire.ingest.decode import decode_text, sha256
from eventwire.ingest.jsonl import TEXT_KEYS, record
from eventwire.model import RawDocument


def delimiter(name: str, header: str) -> str:
    """Tab for .tsv files or a header with tabs and no commas, else comma."""
    if name.lower().endswith(".tsv") or ("\t" in header and "," not in header):
        return "\t"
    return ","


def read(
    data: bytes,
    source: str,
    published: dt.date | None = None,
    text_column: str | None = None,
) -> Iterator[RawDocument]:
    """Every row of a CSV/TSV file with a header row."""
    # News bodies are long: lift the csv module's 128 kB field limit (input size is capped upstream).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = decode_text(data)
    header = text.split("\n", 1)[0]
    rows = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter(source, header))
    fields = [f.strip().lower() for f in rows.fieldnames or []]
    wanted = text_column.lower() if text_column else next((k for k in TEXT_KEYS if k in fields), None)
    if wanted is None or wanted not in fields:
        raise MalformedInput(f"no text column (one of {', '.join(TEXT_KEYS)}) in header {fields}")
    for n, row in enumerate(rows, 2):  # row 1 is the header
        obj = {(k or "").strip().lower(): v for k, v in row.items() if isinstance(v, str)}
        obj["text"] = obj.pop(wanted, None) or None
        where = f"{source}:{n}"
        try:
            if not obj["text"] or not obj["text"].strip():
                raise MalformedInput("row has no text")
            yield record(obj, where, published)
        except InputError as exc:
            err = MalformedInput(f"row {n}: {exc.message}")
            line = ",".join(v for v in row.values() if isinstance(v, str))
            yield RawDocument(text="", raw_sha256=sha256(line.encode("utf-8")), source=where, error=str(err))
