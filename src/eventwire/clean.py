"""Cleaning: from a scraped article to the plain text every offset refers to.

Removes page boilerplate, photo credits (data/boilerplate.tsv) and repeated paragraphs (a photo
caption printed twice keeps one copy, without its credit, moved after the story), takes a headline
as the title, and strips the wire dateline (data/datelines.tsv), keeping its
place and publisher as metadata. Evidence offsets of every later stage index ``Document.text``,
so this is the only stage that changes the text: paragraphs are joined by a blank line, quotes
are straight and spaces single, and the same input always gives the same text.

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

from eventwire.language import CERTAIN, detect_language
from eventwire.model import Document, RawDocument
from eventwire.resources import read_tsv
from eventwire.truecase import truecase

TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 160
HEADLINE_SIMILARITY = 85  # rapidfuzz ratio above which a first line repeats the given title
DATELINE_SEARCH_PARAGRAPHS = 3
# A line of a hard-wrapped paragraph is at least this share of the block's longest line.
WRAP_SHARE = 0.7
# {place} in data/datelines.tsv: capitalised words, small particles between them, commas between
# parts. Every word capitalised, so "On Thursday, the Court (ECJ) -" is not read as a dateline.
PLACE = (
    r"(?P<place>[A-Z][A-Za-z.'-]*(?:(?:,\s+|/|\s+(?:(?:es|de|del|da|do|al|el|la|le|du|of|upon) )?)"
    r"[A-Z][A-Za-z.'-]*){0,5})"
)
# Small words of place names that stay lower case inside a name.
_PARTICLES = frozenset({"es", "de", "del", "da", "do", "au", "aux", "du", "la", "le", "sur", "of", "upon"})
# The publisher column value meaning "the agency named in the pattern's ``wire`` group".
AS_WRITTEN = "*"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                         "\u2032": "'", "\u2033": '"'})  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?:;]['\")\]]*$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip
_DATE_LINE = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+(?P<d1>\d{1,2}),?|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3})[a-z]*\.?,?)"
    r"\s+(?P<y>(?:19|20)\d\d)",
    re.I,
)


@dataclass(frozen=True)
class _Patterns:
    """Compiled rules of data/boilerplate.tsv and data/datelines.tsv."""

    lines: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    datelines: tuple[tuple[str, re.Pattern[str]], ...]
    prefixes: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lines, captions, prefixes = [], [], []
    for row in read_tsv("boilerplate.tsv"):
        if row["scope"] == "line":
            lines.append(re.compile(rf"(?:{row['pattern']})[\s.:!|]*", re.I))
        elif row["scope"] == "prefix":
            prefixes.append(re.compile(rf"^(?:{row['pattern']})\s*"))
        else:
            captions.append(re.compile(rf"(?:{row['pattern']})\W*$", re.I))
    datelines = tuple(
        (r["publisher"], re.compile(r["pattern"].replace("{place}", PLACE)))
        for r in read_tsv("datelines.tsv")
    )
    return _Patterns(tuple(lines), tuple(captions), datelines, tuple(prefixes))


def normalise(text: str) -> str:
    """Unicode NFC, straight quotes, plain single spaces, no zero-width characters, Unix newlines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_QUOTES)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub(r"[\u00a0\u2002-\u200a\u202f\u205f\u3000\t\f\v]", " ", text)
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of normalised text: blank lines separate them; a line break inside a block
    separates them too, unless the block is hard-wrapped prose (then its lines are rejoined)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        longest = max(len(line) for line in lines)
        current = lines[0]
        for prev, line in zip(lines, lines[1:], strict=False):
            wrapped = len(lines) >= 3 and len(prev) >= WRAP_SHARE * longest and longest <= 100
            continues = line[0].islower() or (line[0].isdigit() and not prev[-1:].isdigit())
            if not _SENTENCE_END.search(prev) and (wrapped or continues):
                current += " " + line
            else:
                out.append(current)
                current = line
        out.append(current)
    return out


def is_boilerplate(line: str) -> bool:
    """True for a page-furniture line (ads, share buttons, bylines, credits, date stamps)."""
    return any(p.fullmatch(line) for p in _patterns().lines)


def strip_credit(line: str) -> str:
    """A caption without its photo credit ("... in Moscow. Photo by X/EPA-EFE" → "... in Moscow.")."""
    for pattern in _patterns().captions:
        line = pattern.sub("", line).rstrip()
    return line


def strip_slug(para: str) -> str:
    """A paragraph without the wire's story tag in front ("UPDATE 5-Fighting rages ...")."""
    for pattern in _patterns().prefixes:
        para = pattern.sub("", para, count=1)
    return para


def is_caption(line: str) -> bool:
    """True for a photo caption: a paragraph that ends with a photo credit."""
    return any(p.search(line) for p in _patterns().captions)


def date_line(line: str) -> dt.date | None:
    """The date of a line that is only a date ("Wednesday, January 23, 2019"), else None."""
    m = _DATE_LINE.fullmatch(line.strip(" .,|"))
    if m is None:
        return None
    month = _MONTHS.get((m["m1"] or m["m2"] or "").lower())
    try:
        return dt.date(int(m["y"]), month, int(m["d1"] or m["d2"])) if month else None
    except ValueError:
        return None


def looks_like_title(line: str) -> bool:
    """A headline: a few words, no final period, not all lower case."""
    words = line.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and len(line) <= TITLE_MAX_CHARS
        and not line.endswith((".", ":", ";", ",", '."'))
        and line[0].isupper()
    )


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).lower().strip()


def body_paragraphs(text: str) -> tuple[list[str], dt.date | None]:
    """Paragraphs without boilerplate and repeats, captions last; and a date found on a date line."""
    kept: list[str] = []
    captions: list[str] = []
    seen: set[str] = set()
    stamp: dt.date | None = None
    for para in paragraphs_of(normalise(text)):
        para = strip_slug(para)
        para = truecase(para)  # "TROOPS KILL 20 IN BANGUI": the parser needs ordinary case
        found = date_line(para)
        if found is not None:
            stamp = stamp or found
            continue
        if is_boilerplate(para):
            continue
        target = kept
        if is_caption(para):
            # One copy of a caption stays, without its credit: it can hold facts the story does
            # not repeat (where talks were held); the event stage merges what it retells, and
            # the repeated copy is dropped as a repeat below. It goes after the story, so the
            # text opens with the story's lead sentence, as the wire wrote it.
            para, target = strip_credit(para), captions
            if not para:
                continue
        key = _key(para)
        if key and key not in seen:
            seen.add(key)
            target.append(para)
    return kept + captions, stamp


def _place(raw: str | None) -> str | None:
    """Dateline place in ordinary case, without the country or state: "KYIV, Ukraine" → "Kyiv"."""
    if not raw:
        return None
    place = raw.strip(" ,").split(",")[0].split("/")[0].strip()  # "LONDON/PARIS" → "London"
    return (_titlecase(place) if place.isupper() else place) or None


def _titlecase(name: str) -> str:
    """ "PORT-AU-PRINCE" → "Port-au-Prince", "DAR ES SALAAM" → "Dar es Salaam"."""
    words = re.split(r"([ -])", name.lower())
    out = [w if k and w in _PARTICLES else w[:1].upper() + w[1:] for k, w in enumerate(words)]
    return "".join(out)


def strip_dateline(para: str) -> tuple[str | None, str | None, str] | None:
    """(publisher, place, rest) when ``para`` opens with a wire dateline, else None."""
    for publisher, pattern in _patterns().datelines:
        m = pattern.match(para)
        if m is None or not para[m.end() :].strip():
            continue
        groups = m.groupdict()
        wire = groups.get("wire") if publisher == AS_WRITTEN else publisher
        return (wire or None), _place(groups.get("place")), para[m.end() :].lstrip()
    return None


def same_headline(para: str, title: str) -> bool:
    """True when a paragraph repeats the given title, give or take a site name or a word."""
    a, b = _key(para), _key(title)
    if a == b:
        return True
    if not looks_like_title(para) or not a or not b:
        return False
    from rapidfuzz import fuzz

    # "Clashes kill 5 in Goma" vs "Clashes kill 5 in Goma | The Courier": one holds the other.
    return (a in b or b in a) or fuzz.ratio(a, b) >= HEADLINE_SIMILARITY


def standalone_place(para: str) -> str | None:
    """The place of a paragraph that is only a dateline in capitals ("ISTANBUL"), else None."""
    words = para.split()
    if 0 < len(words) <= 4 and para.isupper() and re.fullmatch(r"[A-Z][A-Z .'/-]*[A-Z.]", para):
        return _place(para)
    return None


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
    )
    if raw.error:
        return base.model_copy(update={"status": "failed", "error": raw.error, "text": ""})
    paragraphs, stamp = body_paragraphs(raw.text)

    title = strip_slug(normalise(raw.title).replace("\n", " ")) if raw.title else None
    if paragraphs and title and same_headline(paragraphs[0], title):
        paragraphs.pop(0)  # the page repeats its headline above the story
    elif (
        title is None
        and len(paragraphs) > 1
        and looks_like_title(paragraphs[0])
        and strip_dateline(paragraphs[0]) is None  # a dateline on its own line is not a headline
        and standalone_place(paragraphs[0]) is None
    ):
        title = paragraphs.pop(0)

    publisher, dateline = raw.publisher, None
    for k, para in enumerate(paragraphs[:DATELINE_SEARCH_PARAGRAPHS]):
        # Only as the first body paragraph: later, capitals alone are a venue or a list heading.
        place = standalone_place(para) if k == 0 and len(paragraphs) > 1 else None
        if place is not None:
            dateline, paragraphs[k] = place, ""
            break
        found = strip_dateline(para)
        if found is not None:
            wire, dateline, paragraphs[k] = found
            publisher = publisher or wire
            break

    text = "\n\n".join(p for p in paragraphs if p)
    update = {
        "title": title,
        "publisher": publisher,
        "dateline": dateline,
        "text": text,
        "published": raw.published or stamp,
    }
    if not text.strip():
        error = "E101: document has no text after cleaning"
        return base.model_copy(update=update | {"status": "failed", "error": error})
    language, confidence = detect_language(text)
    update["language"] = language
    if language != "en" and confidence >= CERTAIN:
        error = f"E105: document language is {language!r}, eventwire codes English"
        return base.model_copy(update=update | {"status": "skipped", "error": error})
    return base.model_copy(update=update)
