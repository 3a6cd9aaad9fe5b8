"""WARC and ARC web archives: every HTML response record becomes a document via the HTML reader.

Records that are not HTML pages (requests, metadata, images, scripts) are skipped: they are
part of the crawl, not articles. A record whose page cannot be read is a failed record; an
archive with no HTML page at all is one failed record, so a bad archive never vanishes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

from eventwire.errors import InputError, MalformedInput
from eventwire.ingest import html
from eventwire.ingest.decode import sha256
from eventwire.model import RawDocument

_PAGE_RECORDS = ("response", "resource")


def looks_like_warc(data: bytes) -> bool:
    """True for a WARC record header or an ARC file header at the start."""
    return data.startswith((b"WARC/", b"filedesc://"))


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower()


def read(data: bytes, source: str, published: dt.date | None = None) -> Iterator[RawDocument]:
    """The HTML pages of an archive, each with its WARC-Target-URI as url."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        for n, record in enumerate(ArchiveIterator(io.BytesIO(data), arc2warc=True), 1):
            if record.rec_type not in _PAGE_RECORDS or "html" not in _content_type(record):
                continue
            pages += 1
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#record{n}"
            body = record.content_stream().read()
            try:
                yield from html.read_page(body, where, published, url=url)
            except InputError as exc:
                yield RawDocument(text="", raw_sha256=sha256(body), url=url, source=where, error=str(exc))
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        raise MalformedInput(f"archive is malformed after {pages} page(s): {exc}") from exc
    if pages == 0:
        raise MalformedInput("archive holds no HTML response record")
