"""eventwire's one exception hierarchy. Every error has a stable code and says what to do.

Example:
    >>> raise EmptyDocument("E101", "document has no text after cleaning")  # doctest: +SKIP
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of all eventwire errors: ``code`` is stable, ``message`` tells the user what to do."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        self.code = code or self.code
        self.message = message
        super().__init__(f"{self.code}: {message}")


class InputError(EventwireError):
    """An input could not be read or decoded (binary, malformed, unreadable)."""

    code = "E100"


class EmptyDocument(InputError):
    """A document has no text left after cleaning."""

    code = "E101"


class BinaryInput(InputError):
    """An input is binary, not text."""

    code = "E102"


class OversizeInput(InputError):
    """An input is larger than the configured limit."""

    code = "E103"


class MalformedInput(InputError):
    """A structured input (JSONL, HTML, WARC, feed) is malformed."""

    code = "E104"


class UnsupportedLanguage(InputError):
    """A document is not in a language eventwire codes."""

    code = "E105"


class ResourceError(EventwireError):
    """A bundled data file or model is missing or invalid: reinstall the package."""

    code = "E200"


class StoreError(EventwireError):
    """The store could not be opened or written: check the --db URL."""

    code = "E300"


class GoldFormatError(EventwireError):
    """A gold file for `eventwire evaluate` has an unknown format."""

    code = "E400"
