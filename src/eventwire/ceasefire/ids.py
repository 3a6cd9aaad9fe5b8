"""Stable identifiers of ceasefires, and of sentences that accuse a party without a coded event.

Example:
    >>> ceasefire_id(["TUR", "RUS"], "Idlib", None) == ceasefire_id(["RUS", "TUR"], "idlib", None)
    True
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

SENTENCE_PREFIX = "sent:"


def ceasefire_id(party_keys: Iterable[str], area_text: str | None, agreed: dt.date | None) -> str:
    """Stable id from the parties, the area and the agreement date (order and case ignored)."""
    key = "|".join(
        [
            ",".join(sorted({k.lower() for k in party_keys})),
            " ".join((area_text or "").lower().split()),
            agreed.isoformat() if agreed else "",
        ]
    )
    return "cf_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def sentence_ref(doc_id: str, start: int) -> str:
    """Id of a sentence that reports an accusation no coded event carries ("sent:DOC:OFFSET")."""
    return f"{SENTENCE_PREFIX}{doc_id}:{start}"


def is_sentence_ref(event_id: str) -> bool:
    """True for ids made by ``sentence_ref`` (they name no event)."""
    return event_id.startswith(SENTENCE_PREFIX)
