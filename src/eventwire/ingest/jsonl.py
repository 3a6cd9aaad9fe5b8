"""JSONL: one document per line, ``{id, text, published?, title?, url?, publisher?}``.

A malformed line becomes a failed record naming its line; the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError, MalformedInput
from eventwire.ingest.decode import decode_text, sha256
from eventwire.model import RawDocument

TEXT_KEYS = ("text", "body", "content", "article")
DATE_KEYS = ("published", "date", "publication_date", "pubdate")


def parse_date(value) -> dt.date | None:
    """An ISO date or datetime (a prefix is enough), else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def record(obj: dict, source: str, published: dt.date | None) -> RawDocument:
    """A RawDocument from one metadata dict (shared by the JSONL and CSV readers).

    A manifest line gives ``path`` (relative to the manifest) instead of ``text``.
    """
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None and isinstance(obj.get("path"), str):
        target = Path(source.rsplit(":", 1)[0]).parent / obj["path"]
        try:
            text = decode_text(target.read_bytes())
        except OSError as exc:
            raise MalformedInput(f"cannot read {obj['path']}: {exc.strerror or exc}") from exc
        source = str(target)
    if text is None:
        raise MalformedInput(f"no text field (one of {', '.join(TEXT_KEYS)})")
    date = next((parse_date(obj[k]) for k in DATE_KEYS if obj.get(k)), None)
    doc_id = obj.get("id")
    return RawDocument(
        text=text,
        raw_sha256=sha256(text.encode("utf-8")),
        id=str(doc_id) if doc_id not in (None, "") else None,
        url=obj.get("url") or obj.get("link"),
        title=obj.get("title"),
        publisher=obj.get("publisher") or obj.get("source_name"),
        published=date or published,
        source=source,
    )


def read(data: bytes, source: str, published: dt.date | None = None) -> Iterator[RawDocument]:
    for n, line in enumerate(decode_text(data).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise MalformedInput("line is not a JSON object")
            yield record(obj, where, published)
        except (json.JSONDecodeError, InputError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else exc.message
            err = MalformedInput(f"line {n}: {msg}")
            yield RawDocument(text="", raw_sha256=sha256(line.encode("utf-8")), source=where, error=str(err))
