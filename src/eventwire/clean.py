"""Cleaning: from a scraped article to the plain text every offset refers to.

Removes page boilerplate (data/boilerplate.tsv), photo credits and repeated paragraphs (a photo
caption printed twice keeps one copy: it can carry facts such as where talks were held), takes a
headline as the title, and strips the wire dateline (data/datelines.tsv), keeping its place and
publisher as metadata. Evidence offsets of every later stage index ``Document.text``, so this is
the only stage that changes the text.

Example:
    >>> raw = RawDocument(text="BEIRUT (Reuters) - A blast hit the port.", raw_sha256="ab" * 32)
    >>> doc = clean(raw)
    >>> (doc.text, doc.publisher, doc.dateline)
    ('A blast hit the port.', 'Reuters', 'Beirut')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from eventwire.language import detect_language
from eventwire.model import Document, RawDocument
from eventwire.resources import read_tsv
from eventwire.truecase import truecase

TITLE_MAX_WORDS = 20
DATELINE_SEARCH_PARAGRAPHS = 4


@dataclass(frozen=True)
class _Patterns:
    lines: tuple[re.Pattern[str], ...]
    tails: tuple[re.Pattern[str], ...]
    datelines: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lines, tails = [], []
    for row in read_tsv("boilerplate.tsv"):
        if row["scope"] == "line":
            lines.append(re.compile(rf"(?:{row['pattern']})[\s.:!|]*", re.I))
        else:
            tails.append(re.compile(row["pattern"], re.I))
    datelines = tuple((r["publisher"], re.compile(r["pattern"])) for r in read_tsv("datelines.tsv"))
    return _Patterns(tuple(lines), tuple(tails), datelines)


def normalise(text: str) -> str:
    """Unicode NFC, plain spaces, no zero-width characters, Unix newlines, trimmed lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def _is_boilerplate(line: str, pats: _Patterns) -> bool:
    return any(p.fullmatch(line) for p in pats.lines)


def _strip_credit(line: str, pats: _Patterns) -> str:
    for p in pats.tails:
        line = p.sub("", line).rstrip()
    return line


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= TITLE_MAX_WORDS and not line.endswith((".", ":", ";", ",", '?"'))


def clean(raw: RawDocument) -> Document:
    """Clean one raw document (pure). Failures become a Document with status and error."""
    base = Document(
        id=raw.id or raw.raw_sha256[:16],
        url=raw.url,
        title=raw.title,
        publisher=raw.publisher,
        published=raw.published,
        raw_sha256=raw.raw_sha256,
        source=raw.source,
        ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
    )
    if raw.error:
        return base.model_copy(update={"status": "failed", "error": raw.error})
    pats = _patterns()
    paragraphs: list[str] = []
    seen: set[str] = set()
    for line in normalise(raw.text).split("\n"):
        line = truecase(line)  # "TROOPS KILL 20 IN BANGUI": the parser needs ordinary case
        if not line or _is_boilerplate(line, pats):
            continue
        line = _strip_credit(line, pats)
        key = re.sub(r"\W+", " ", line).lower().strip()
        if not key or key in seen:
            continue
        seen.add(key)
        paragraphs.append(line)

    title = raw.title
    if paragraphs and _looks_like_title(paragraphs[0]) and len(paragraphs) > 1:
        if title is None or paragraphs[0].strip().lower() == title.strip().lower():
            title = paragraphs.pop(0)
    elif paragraphs and title and paragraphs[0].strip().lower() == title.strip().lower():
        paragraphs.pop(0)

    publisher, dateline = raw.publisher, None
    for k, para in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        found = _dateline(para, pats)
        if found is not None:
            wire, place, rest = found
            publisher = publisher or wire
            dateline = place
            paragraphs[k] = rest
            break

    text = "\n\n".join(p for p in paragraphs if p)
    update = {"title": title, "publisher": publisher, "dateline": dateline, "text": text}
    if not text.strip():
        return base.model_copy(
            update=update
            | {
                "status": "failed",
                "error": "E101: document has no text after cleaning",
            }
        )
    language, certain = detect_language(text)
    update["language"] = language
    if language != "en" and certain:
        return base.model_copy(
            update=update
            | {
                "status": "skipped",
                "error": f"E105: document language is {language!r}; eventwire codes English",
            }
        )
    return base.model_copy(update=update)


def _dateline(para: str, pats: _Patterns) -> tuple[str | None, str | None, str] | None:
    for publisher, pattern in pats.datelines:
        m = pattern.match(para)
        if m is None or not para[m.end() :].strip():
            continue
        place = m.groupdict().get("place")
        place = place.strip(" ,").title() if place and place.isupper() else (place or None)
        return (publisher or None), place, para[m.end() :]
    return None
