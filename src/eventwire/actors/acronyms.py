"""Acronyms a document defines for itself: "the Malian Armed Forces (FAMa)".

Wire stories introduce a force or group once by its full name with the acronym in brackets and
then use the acronym ("FAMa aircraft struck ..."). The acronym is often local (FAMa, FARDC,
SADF) and not in the vocabularies, but the full name resolves; this module finds the
definitions so that a later mention can be resolved through its expansion.

Example:
    >>> defined_acronyms("the Malian Armed Forces (FAMa) said. FAMa aircraft struck")
    {'FAMa': 'the Malian Armed Forces'}
"""

from __future__ import annotations

import re

# A capitalised name of two to eight words (small joining words allowed inside), then the
# acronym in brackets. The acronym must be mostly capitals so "(Reuters)" or "(file)" never match.
_DEFINITION = re.compile(
    r"((?:the\s+)?(?:[A-Z][\w'’.-]*\s+)(?:(?:[A-Z][\w'’.-]*|of|for|and|de|al|the|in)\s+){0,6}[A-Z][\w'’.-]*)"
    r"\s*\(\s*([A-Za-z][A-Za-z0-9-]{1,9})\s*\)"
)


def _initials_fit(name: str, acronym: str) -> bool:
    """Most of the acronym's capitals start words of the name, the first one included. Word
    order may differ (FAMa, "Forces Armées Maliennes", for "the Malian Armed Forces"), so the
    order is not checked; "Port Sudan (AFP)", a dateline, fails."""
    capitals = [c for c in acronym if c.isupper()]
    initials = {w[0].upper() for w in re.split(r"[\s-]+", name) if w and w.lower() != "the"}
    if len(capitals) < 2 or capitals[0] not in initials:
        return False
    return sum(c in initials for c in capitals) >= 0.6 * len(capitals)


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → the full name the document gives it (the first definition wins)."""
    out: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        name, acronym = match.group(1).strip(), match.group(2)
        if acronym in out or not _initials_fit(name, acronym):
            continue
        out[acronym] = name
    return out


def expand(phrase: str, acronyms: dict[str, str]) -> str | None:
    """``phrase`` with a defined acronym replaced by its full name, or None when it has none."""
    for acronym, name in acronyms.items():
        pattern = rf"\b{re.escape(acronym)}\b"
        if re.search(pattern, phrase):
            return re.sub(pattern, name, phrase, count=1)
    return None
