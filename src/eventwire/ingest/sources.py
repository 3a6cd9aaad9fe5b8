"""Walks inputs (paths, directories, globs, "-") and hands each to the reader for its format."""

from __future__ import annotations

import bz2
import datetime as dt
import glob
import gzip
import hashlib
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from eventwire.errors import InputError, OversizeInput
from eventwire.ingest import feed, html, jsonl, table, text, warc
from eventwire.ingest.decode import DEFAULT_MAX_BYTES, check_size, failed
from eventwire.model import RawDocument

Reader = Callable[[bytes, str, dt.date | None], Iterator[RawDocument]]

MANIFEST = "manifest.jsonl"
# Skipped when walking a directory (not when named): expectation files, notes, code, rule tables.
SKIP_SUFFIXES = {".json", ".md", ".py", ".tsv", ".pyc"}
READERS: dict[str, Reader] = {
    ".jsonl": jsonl.read,
    ".ndjson": jsonl.read,
    ".json": jsonl.read,
    ".csv": table.read,
    ".tsv": table.read,
    ".html": html.read,
    ".htm": html.read,
    ".xhtml": html.read,
    ".warc": warc.read,
    ".arc": warc.read,
    ".rss": feed.read,
    ".atom": feed.read,
    ".txt": text.read,
}


def reader_for(name: str, data: bytes, text_column: str | None = None) -> Reader:
    """The reader for a file, by extension, then by sniffing its first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in (".csv", ".tsv") and text_column:
        return partial(table.read, text_column=text_column)
    if suffix in READERS:
        return READERS[suffix]
    if warc.looks_like_warc(data):
        return warc.read
    if feed.looks_like_feed(data):
        return feed.read
    if jsonl.looks_like_json(data):  # before HTML: a JSON record may hold markup
        return jsonl.read
    if html.looks_like_html(data):
        return html.read
    return text.read


def decompress(name: str, data: bytes, max_bytes: int) -> tuple[str, bytes]:
    """Undo gzip/bz2 (by magic bytes), reading at most ``max_bytes`` + 1 bytes of output.

    The cap stops a small compressed bomb from filling memory; the size check then rejects it.
    """
    if data[:2] == b"\x1f\x8b":
        fh, suffix = gzip.GzipFile(fileobj=io.BytesIO(data)), ".gz"
    elif data[:3] == b"BZh":
        fh, suffix = bz2.BZ2File(io.BytesIO(data)), ".bz2"
    else:
        return name, data
    with fh:
        out = fh.read(max_bytes + 1)
    if len(out) > max_bytes:
        raise OversizeInput(f"input is over the {max_bytes:,}-byte limit once decompressed")
    inner = name[: -len(suffix)] if name.lower().endswith(suffix) else name
    return inner, out


def read_bytes(
    name: str, data: bytes, published, max_bytes: int, text_column: str | None = None
) -> Iterator[RawDocument]:
    """Every document in one input's bytes; errors become failed records.

    Records name the input as given (``a.warc.gz``); the reader is chosen by the inner name.
    """
    raw = data
    try:
        check_size(data, max_bytes)
        inner, data = decompress(name, data, max_bytes)
        check_size(data, max_bytes)
        yield from reader_for(inner, data, text_column)(data, name, published)
    except InputError as exc:
        yield failed(raw, name, exc)
    except (OSError, EOFError, ValueError, LookupError) as exc:
        # zlib/bz2 errors of a truncated archive, codec lookups: the input is malformed
        yield failed(raw, name, InputError(f"cannot read input: {exc}", code="E104"))
    except Exception as exc:  # noqa: BLE001 - a reader's surprise must not stop the batch
        err = InputError(f"cannot read input ({type(exc).__name__}: {exc})", code="E104")
        yield failed(raw, name, err)


def _oversize(path: Path, size: int, max_bytes: int) -> RawDocument:
    """The failed record of a file too large to read, hashed without loading it."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    err = OversizeInput(f"input is {size:,} bytes, over the {max_bytes:,}-byte limit")
    return RawDocument(text="", raw_sha256=digest.hexdigest(), source=str(path), error=str(err))


def expand(sources: Iterable[str | Path]) -> Iterator[str]:
    """Paths of every input: directories recursively (sorted, hidden files skipped), globs."""
    for src in sources:
        src = str(src)
        if src == "-":
            yield src
            continue
        path = Path(src)
        if path.is_dir() and (path / MANIFEST).is_file():
            yield str(path / MANIFEST)  # the manifest lists the documents with their metadata
        elif path.is_dir():
            for p in sorted(path.rglob("*")):
                rel = p.relative_to(path).parts
                if (
                    p.is_file()
                    and not any(part.startswith(".") for part in rel)
                    and (p.suffix.lower() not in SKIP_SUFFIXES)
                ):
                    yield str(p)
        elif path.exists():
            yield src
        else:
            matches = sorted(glob.glob(src, recursive=True))
            yield from matches if matches else [src]


def iter_raw(
    sources: Iterable[str | Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    text_column: str | None = None,
) -> Iterator[RawDocument]:
    """Every document found in ``sources``, in a stable order; never raises on bad input.

    ``published`` is the default date of documents that carry none; ``text_column`` names the
    text column of CSV/TSV inputs when it is not ``text``, ``body`` or ``content``.
    """
    for name in expand(sources):
        if name == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes("<stdin>", data, published, max_bytes, text_column)
            continue
        try:
            size = Path(name).stat().st_size
            if size > max_bytes:
                yield _oversize(Path(name), size, max_bytes)
                continue
            data = Path(name).read_bytes()
        except OSError as exc:
            err = InputError(f"cannot read {name}: {exc.strerror or exc}")
            yield RawDocument(text="", raw_sha256="0" * 64, source=name, error=str(err))
            continue
        yield from read_bytes(name, data, published, max_bytes, text_column)
