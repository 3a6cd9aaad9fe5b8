"""The ceasefire tracker's vocabularies, compiled from the ``ceasefire_*.tsv`` data files.

Example:
    >>> [m.kind for m in find_triggers("They agreed to a 72-hour truce.")]
    ['truce']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.errors import ResourceError
from eventwire.resources import read_tsv

ROLES = (
    "agree",
    "declare",
    "unilateral",
    "effective",
    "extend",
    "ends",
    "hold",
    "violate",
    "despite",
    "accuse",
    "collapse",
    "hedge",
    "topic",
    "future",
)


@dataclass(frozen=True)
class Trigger:
    """One mention of a ceasefire-like arrangement in a text."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class TermRule:
    """A provision pattern and the label it gives (``ceasefire_terms.tsv``)."""

    key: str
    pattern: re.Pattern[str]
    label: str


def _words(pattern: str) -> str:
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


@lru_cache(maxsize=1)
def trigger_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(compiled pattern, kind) rows of ``ceasefire_triggers.tsv``, longest pattern first."""
    rows = sorted(read_tsv("ceasefire_triggers.tsv"), key=lambda r: -len(r["pattern"]))
    return tuple((re.compile(_words(r["pattern"]), re.I), r["kind"]) for r in rows)


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """One compiled alternation per role of ``ceasefire_cues.tsv``."""
    by_role: dict[str, list[str]] = {role: [] for role in ROLES}
    for row in read_tsv("ceasefire_cues.tsv"):
        if row["role"] not in by_role:
            raise ResourceError(f"ceasefire_cues.tsv: unknown role {row['role']!r}")
        by_role[row["role"]].append(row["pattern"])
    return {role: re.compile(_words("|".join(pats)), re.I) for role, pats in by_role.items() if pats}


@lru_cache(maxsize=1)
def term_rules() -> tuple[TermRule, ...]:
    """Rows of ``ceasefire_terms.tsv`` in file order (specific rows first within a key)."""
    return tuple(
        TermRule(r["key"], re.compile(_words(r["pattern"]), re.I), r["label"])
        for r in read_tsv("ceasefire_terms.tsv")
    )


@lru_cache(maxsize=1)
def mediation_patterns() -> tuple[re.Pattern[str], ...]:
    """Compiled rows of ``ceasefire_mediation.tsv`` (each has a ``who`` group)."""
    return tuple(re.compile(r["pattern"]) for r in read_tsv("ceasefire_mediation.tsv"))


def find_triggers(text: str) -> list[Trigger]:
    """Non-overlapping ceasefire mentions in ``text``, in text order (longest rule wins)."""
    found: list[Trigger] = []
    for pattern, kind in trigger_rules():
        for m in pattern.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in found):
                continue
            found.append(Trigger(m.start(), m.end(), m.group(0), kind))
    return sorted(found, key=lambda t: t.start)


def cues(text: str) -> dict[str, list[re.Match[str]]]:
    """The cue matches of ``text`` by role (roles without a match are left out)."""
    out = {}
    for role, pattern in cue_patterns().items():
        matches = list(pattern.finditer(text))
        if matches:
            out[role] = matches
    return out
