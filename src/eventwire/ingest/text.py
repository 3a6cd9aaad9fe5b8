"""Plain text: the whole input is one document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from eventwire.ingest.decode import decode_text, sha256
from eventwire.model import RawDocument


def read(data: bytes, source: str, published: dt.date | None = None) -> Iterator[RawDocument]:
    yield RawDocument(text=decode_text(data), raw_sha256=sha256(data), source=source, published=published)
