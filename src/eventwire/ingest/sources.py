"""Walks inputs (paths, directories, globs, "-") and hands each to the reader for its format."""

from __future__ import annotations

import bz2
import datetime as dt
import glob
import gzip
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import jsonl, text
from eventwire.ingest.decode import DEFAULT_MAX_BYTES, check_size, failed
from eventwire.model import RawDocument

Reader = Callable[[bytes, str, dt.date | None], Iterator[RawDocument]]

MANIFEST = "manifest.jsonl"
SKIP_SUFFIXES = {".json", ".md", ".py", ".tsv", ".pyc"}
READERS: dict[str, Reader] = {".jsonl": jsonl.read, ".ndjson": jsonl.read}


def reader_for(name: str, data: bytes) -> Reader:
    """The reader for a file, by extension, then by sniffing its first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in READERS:
        return READERS[suffix]
    head = data[:200].lstrip()
    if head.startswith(b"{") and b'"text"' in data[:20000]:
        return jsonl.read
    return text.read


def decompress(name: str, data: bytes) -> tuple[str, bytes]:
    """Undo gzip/bz2 (by magic bytes) and drop the compression suffix from the name."""
    if data[:2] == b"\x1f\x8b":
        return name.removesuffix(".gz"), gzip.decompress(data)
    if data[:3] == b"BZh":
        return name.removesuffix(".bz2"), bz2.decompress(data)
    return name, data


def read_bytes(name: str, data: bytes, published, max_bytes: int) -> Iterator[RawDocument]:
    """Every document in one input's bytes; errors become failed records."""
    try:
        name, data = decompress(name, data)
        check_size(data, max_bytes)
        yield from reader_for(name, data)(data, name, published)
    except InputError as exc:
        yield failed(data, name, exc)
    except (OSError, EOFError, ValueError) as exc:
        yield failed(data, name, InputError(f"cannot read input: {exc}", code="E104"))


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
) -> Iterator[RawDocument]:
    """Every document found in ``sources``, in a stable order; never raises on bad input."""
    for name in expand(sources):
        if name == "-":
            data = sys.stdin.buffer.read()
            yield from read_bytes("<stdin>", data, published, max_bytes)
            continue
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            err = InputError(f"cannot read {name}: {exc.strerror or exc}")
            yield RawDocument(text="", raw_sha256="0" * 64, source=name, error=str(err))
            continue
        yield from read_bytes(name, data, published, max_bytes)
