"""spaCy EntityRuler patterns from the actor vocabularies.

The small English model misses or mislabels armed groups (HTS, ISWAP, M23) and many
nationalities; these patterns run before its NER. Short all-capital acronyms match only as
written (ORTH), so "IS" the group is never "is" the verb.
"""

from __future__ import annotations

from eventwire.actors.vocab import key_of
from eventwire.resources import read_jsonl, read_tsv


def _pattern(label: str, phrase: str, ent_id: str) -> dict:
    key, exact = key_of(phrase)
    if exact:
        return {"label": label, "pattern": [{"ORTH": w} for w in key], "id": ent_id}
    return {"label": label, "pattern": phrase, "id": ent_id}


def entity_patterns() -> list[dict]:
    """Patterns for armed groups and organisations (ORG), countries (GPE), nationalities (NORP)."""
    out = []
    for row in read_jsonl("actors_armed_groups.jsonl"):
        for alias in {row["name"], *row["aliases"]}:
            if alias[:1].isupper() or alias.isupper():
                out.append(_pattern("ORG", alias, row["name"]))
    for row in read_tsv("actors_organisations.tsv"):
        names = [n for n in row["names"].split("|") if n]
        for name in names:
            if name[:1].isupper():
                out.append(_pattern("ORG", name, names[0]))
    for row in read_tsv("actors_countries.tsv"):
        for name in filter(None, row["names"].split("|")):
            out.append(_pattern("GPE", name, row["iso3"]))
        for name in filter(None, row["demonyms"].split("|")):
            out.append(_pattern("NORP", name, row["iso3"]))
    return out
