"""The provisions of a ceasefire ("security corridor near the M4 highway", "prisoner exchange").

Rules are data (``ceasefire_terms.tsv``): each row has a key, a pattern and a label; a ceasefire
keeps one label per key, the most detailed one, so that several reports of the same provision
count once.

Example:
    >>> find_terms("They agreed to a prisoner exchange and joint patrols.")
    [('prisoner_exchange', 'prisoner exchange'), ('patrols', 'joint patrols')]
"""

from __future__ import annotations

from collections.abc import Iterable

from eventwire.ceasefire.vocab import term_rules

EXTENSION_KEY = "extension"


def find_terms(text: str) -> list[tuple[str, str]]:
    """(key, label) of the provisions ``text`` names, first matching row per key, in text order."""
    found: dict[str, tuple[int, str]] = {}
    for rule in term_rules():
        if rule.key in found:
            continue
        m = rule.pattern.search(text)
        if m is None:
            continue
        groups = {k: (v or "").strip() for k, v in m.groupdict().items()}
        label = rule.label.replace("{0}", m.group(0)).format(**groups)
        found[rule.key] = (m.start(), " ".join(label.split()))
    return [(key, label) for key, (_, label) in sorted(found.items(), key=lambda kv: kv[1][0])]


def extension_term(hours: float) -> str:
    """The term recorded for an extension ("extended by 48 hours")."""
    return f"extended by {hours:g} hours"


def merge_terms(terms: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """One label per key (the longest, then alphabetical); extensions are all kept."""
    best: dict[str, str] = {}
    extensions: set[str] = set()
    order: dict[str, int] = {}
    for n, (key, label) in enumerate(terms):
        order.setdefault(key, n)
        if key == EXTENSION_KEY:
            extensions.add(label)
        elif key not in best or (len(label), label) > (len(best[key]), best[key]):
            best[key] = label
    out = sorted(best.items(), key=lambda kv: order[kv[0]])
    return out + [(EXTENSION_KEY, e) for e in sorted(extensions)]
