"""Ingest: files, directories, globs and stdin → RawDocument records.

Each format has its own small module with one function ``read(data: bytes, source: str) ->
Iterator[RawDocument]``; ``sources.py`` walks paths and picks the reader. Nothing here raises on
bad input: an unreadable input becomes a RawDocument with ``error`` set, so it is recorded and
the batch goes on.

Example:
    >>> # for raw in iter_raw(["examples/"], published=None): print(raw.source)
"""

from eventwire.ingest.sources import iter_raw

__all__ = ["iter_raw"]
