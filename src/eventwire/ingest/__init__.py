"""Ingest: files, directories, globs and stdin → RawDocument records.

Each format has its own small module with one function ``read(data: bytes, source: str,
published) -> Iterator[RawDocument]``: ``text`` (plain text), ``jsonl``, ``table`` (CSV/TSV),
``html`` (trafilatura, lxml fallback), ``feed`` (RSS/Atom), ``warc`` (WARC/ARC). ``sources.py``
walks paths, undoes gzip/bz2 and picks the reader by extension, then by sniffing the first bytes;
``decode.py`` holds the checks they share (encoding, empty, binary, oversize). Nothing here raises on
bad input: an unreadable input becomes a RawDocument with ``error`` set, so it is recorded and
the batch goes on.

Example:
    >>> # for raw in iter_raw(["examples/"], published=None): print(raw.source)
"""

from eventwire.ingest.sources import iter_raw

__all__ = ["iter_raw"]
