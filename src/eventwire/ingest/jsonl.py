"""JSONL: one document per line, ``{id, text, published?, title?, url?, publisher?}``.

A malformed line becomes a failed record naming its line; the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError, MalformedInput
from eventwire.ingest.decode import decode_text, sha256
from eventwire.model import RawDocument

TEXT_KEYS = ("text", "body", "content", "article")
# Fields holding the article as HTML (feed dumps, scraper exports): their markup is stripped.
HTML_KEYS = ("html", "content_html", "body_html", "raw_html")
DATE_KEYS = ("published", "date", "publication_date", "pubdate", "published_at", "datetime")


def parse_date(value) -> dt.date | None:
    """An ISO date or datetime (a prefix is enough) or an RFC 2822 date (feeds), else None."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()  # "Wed, 03 Aug 2022 19:49:23 +0000"
    except (TypeError, ValueError, IndexError):
        return None


def record(obj: dict, source: str, published: dt.date | None) -> RawDocument:
    """A RawDocument from one metadata dict (shared by the JSONL and CSV readers).

    A manifest line gives ``path`` (relative to the manifest) instead of ``text``.
    """
    obj = {str(k).lower(): v for k, v in obj.items()}  # "pubDate", "Title": keys in any case
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None:
        markup = next((obj[k] for k in HTML_KEYS if isinstance(obj.get(k), str)), None)
        if markup is not None:
            from eventwire.ingest.html import fallback_text

            text = fallback_text(f"<div>{markup}</div>")
    if text is None and isinstance(obj.get("path"), str):
        target = Path(source.rsplit(":", 1)[0]).parent / obj["path"]
        try:
            text = decode_text(target.read_bytes())
        except OSError as exc:
            raise MalformedInput(f"cannot read {obj['path']}: {exc.strerror or exc}") from exc
        source = str(target)
    if text is None:
        raise MalformedInput(f"no text field (one of {', '.join(TEXT_KEYS + HTML_KEYS)})")
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
    """One document per line; a file holding one JSON array or object is read whole (``.json``)."""
    text = decode_text(data)
    if text.lstrip().startswith("["):
        yield from _read_array(text, source, published)
        return
    for n, line in enumerate(text.splitlines(), 1):
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


def _read_array(text: str, source: str, published: dt.date | None) -> Iterator[RawDocument]:
    """The objects of a JSON array, each a document; a non-object item is a failed record."""
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"invalid JSON array (line {exc.lineno}: {exc.msg})") from exc
    for n, obj in enumerate(items, 1):
        where = f"{source}[{n}]"
        try:
            if not isinstance(obj, dict):
                raise MalformedInput("item is not a JSON object")
            yield record(obj, where, published)
        except InputError as exc:
            err = MalformedInput(f"item {n}: {exc.message}")
            yield RawDocument(
                text="", raw_sha256=sha256(json.dumps(obj).encode()), source=where, error=str(err)
            )


def looks_like_json(data: bytes) -> bool:
    """True when the first line of the input is a JSON object, or the input opens an array."""
    head = data[:20000].lstrip()
    if head.startswith(b"["):
        return True
    if not head.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(head.split(b"\n", 1)[0]), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
