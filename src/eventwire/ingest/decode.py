"""Bytes → text, with the checks every reader shares (empty, binary, oversize).

Example:
    >>> decode_text(b"caf\\xc3\\xa9")
    'café'
"""

from __future__ import annotations

import hashlib

from eventwire.errors import BinaryInput, EmptyDocument, InputError, OversizeInput
from eventwire.model import RawDocument

DEFAULT_MAX_BYTES = 20_000_000


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes (``RawDocument.raw_sha256``)."""
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else cp1252, else Latin-1; reject binary data.

    UTF-16 is only accepted with its byte-order mark: without one it cannot be told from binary.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BinaryInput("input has a UTF-16 byte-order mark but is not UTF-16") from exc
    if b"\x00" in data[:8192]:
        raise BinaryInput("input is binary (NUL bytes), not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        text = data.decode("latin-1")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if text and controls / min(len(text), 8192) > 0.05:
        raise BinaryInput("input looks binary (control characters), not text")
    return text


def check_size(data: bytes, max_bytes: int) -> None:
    """Raise when an input is empty (only whitespace) or larger than ``max_bytes``."""
    if not data.strip():
        raise EmptyDocument("input is empty")
    if len(data) > max_bytes:
        raise OversizeInput(f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")


def failed(data: bytes, source: str, exc: InputError) -> RawDocument:
    """The record of an input that could not be read."""
    return RawDocument(text="", raw_sha256=sha256(data), source=source, error=str(exc))
