"""HTML: an article page → one document (main text and metadata via trafilatura).

trafilatura keeps the article body and drops navigation, footers and comments; when it finds
nothing (a bare fragment, an unusual layout) the visible text of the page is taken with lxml, so a
page is never lost only because the extractor declined it.

Example:
    >>> page = b"<html><body><p>Rebels shelled the town of Goma on Friday, officials said.</p></body></html>"
    >>> next(read(page, "a.html")).text
    'Rebels shelled the town of Goma on Friday, officials said.'
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator

from eventwire.errors import MalformedInput
from eventwire.ingest.decode import decode_text, sha256
from eventwire.ingest.jsonl import parse_date
from eventwire.model import RawDocument

# Elements whose text is never article text, for the lxml fallback.
_INVISIBLE = ("script", "style", "noscript", "template", "head", "nav", "footer", "form", "button")
# Block elements: their text starts a new line in the fallback, as a browser would show it.
_BLOCKS = re.compile(r"^(p|div|h[1-6]|li|br|tr|section|article|blockquote|figcaption|pre|dd|dt)$")


def looks_like_html(data: bytes) -> bool:
    """True when the first bytes look like an HTML page or fragment."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    return head.startswith((b"<!doctype html", b"<html")) or bool(
        re.search(rb"<(head|body|p|div|article)[\s>]", head)
    )


def extract(html: str, url: str | None = None) -> dict:
    """Main text and metadata (title, date, sitename, url) of a page; text may be empty."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml FutureWarnings inside trafilatura are not ours
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    meta = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    text = (meta.get("text") or "").strip()
    if not text:
        text = fallback_text(html)
    return {
        "text": text,
        "title": meta.get("title") or None,
        "published": parse_date(meta.get("date")),
        "publisher": meta.get("sitename") or None,
        "url": meta.get("url") or url,
    }


def fallback_text(html: str) -> str:
    """Visible text of a page with lxml, one line per block element."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in list(root.iter(*_INVISIBLE)):  # a list: the tree changes while we drop
        if bad.getparent() is not None:
            bad.drop_tree()
    parts: list[str] = []
    for node in root.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if _BLOCKS.match(tag):
            parts.append("\n")
        if node.text and tag not in _INVISIBLE:
            parts.append(node.text)
        if node.tail:
            parts.append(node.tail)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read(data: bytes, source: str, published: dt.date | None = None) -> Iterator[RawDocument]:
    """One document from an HTML page; a page with no text at all is a failed record."""
    yield from read_page(data, source, published)


def read_page(
    data: bytes, source: str, published: dt.date | None = None, url: str | None = None
) -> Iterator[RawDocument]:
    """Shared by the file reader and the WARC reader (which knows the page's URL)."""
    found = extract(decode_text(data), url)
    if not found["text"]:
        raise MalformedInput("HTML page has no extractable text")
    yield RawDocument(
        text=found["text"],
        raw_sha256=sha256(data),
        url=url or found["url"],  # the archive's target URI is where the page was fetched
        title=found["title"],
        publisher=found["publisher"],
        published=found["published"] or published,
        source=source,
    )
