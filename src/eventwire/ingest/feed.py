"""RSS and Atom feeds: one document per item (full text when the feed carries it, else summary).

Example:
    >>> rss = (b'<rss version="2.0"><channel><title>Wire</title><item><title>Clash</title>'
    ...        b'<description>Troops and rebels clashed near Goma on Friday.</description>'
    ...        b'</item></channel></rss>')
    >>> [(d.title, d.text) for d in read(rss, "f.xml")]
    [('Clash', 'Troops and rebels clashed near Goma on Friday.')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from eventwire.errors import MalformedInput
from eventwire.ingest.decode import sha256
from eventwire.ingest.html import fallback_text
from eventwire.model import RawDocument

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")


def looks_like_feed(data: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    return bool(_FEED_ROOT.search(data[:4096]))


def _plain(value: str, mime: str) -> str:
    """Text of an item body: HTML bodies lose their markup, plain ones are kept."""
    if "html" in mime or re.search(r"<[a-zA-Z][^>]*>", value):
        return fallback_text(f"<div>{value}</div>")
    return value.strip()


def _date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _body(entry) -> str:
    """The longest of the item's full contents (content:encoded, Atom content), else its summary."""
    bodies = [_plain(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    full = max(bodies, key=len, default="")
    if full:
        return full
    detail = entry.get("summary_detail") or {}
    return _plain(entry.get("summary", ""), detail.get("type", "text/html"))


def read(data: bytes, source: str, published: dt.date | None = None) -> Iterator[RawDocument]:
    """Every item of a feed; an item without text, or a broken feed, is a failed record."""
    import feedparser  # imported here: only feed inputs need it

    parsed = feedparser.parse(data)
    broken = parsed.get("bozo") and not isinstance(
        parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride
    )
    if not parsed.entries:
        why = f": {parsed.get('bozo_exception')}" if broken else ""
        raise MalformedInput(f"feed has no items{why}")
    publisher = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{source}#item{n}"
        text = _body(entry)
        if not text:
            err = MalformedInput(f"feed item {n} has no text")
            yield RawDocument(text="", raw_sha256=sha256(data), source=where, error=str(err))
            continue
        yield RawDocument(
            text=text,
            raw_sha256=sha256(text.encode("utf-8")),
            id=None,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            publisher=publisher,
            published=_date(entry) or published,
            source=where,
        )
    if broken:
        # The items before the break were read; say that the rest of the feed could not be.
        err = MalformedInput(
            f"feed is malformed after item {len(parsed.entries)}: {parsed.get('bozo_exception')}"
        )
        yield RawDocument(text="", raw_sha256=sha256(data), source=source, error=str(err))
