"""The actor vocabularies (countries, armed groups, organisations, sector words) as lookup tables.

Built once per process from the data files. Keys are lower-cased word tuples, except short
all-capital acronyms (US, IS, AA, PDF), which only match as written so that ordinary words
("us", "is") never become actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.resources import read_jsonl, read_tsv

WORD = re.compile(r"[A-Za-z\u00C0-\u024F0-9]+(?:[.'’-][A-Za-z\u00C0-\u024F0-9]+)*\.?")


@dataclass(frozen=True)
class Entry:
    """What a name in the vocabulary stands for."""

    name: str
    country: str | None
    sector: str | None
    inter: int | None
    kind: str  # country | demonym | metonym | group | org | sector
    state: bool = False


def words(text: str) -> list[str]:
    """Words of a phrase as written ("U.S.", "al-Shabaab", "People's" kept whole)."""
    return [w.replace("’", "'") for w in WORD.findall(text)]


def key_of(phrase: str) -> tuple[tuple[str, ...], bool]:
    """Lookup key of a vocabulary phrase, and whether it must match case-sensitively."""
    ws = words(phrase)
    exact = len(phrase) <= 4 and phrase.replace(".", "").isupper()
    return (tuple(ws) if exact else tuple(w.lower() for w in ws)), exact


@dataclass
class Vocabulary:
    """Phrase tables: case-insensitive and case-sensitive, with the longest phrase length."""

    folded: dict[tuple[str, ...], Entry]
    exact: dict[tuple[str, ...], Entry]
    sectors: dict[tuple[str, ...], Entry]
    longest: int

    def add(self, phrase: str, entry: Entry) -> None:
        key, exact = key_of(phrase)
        if not key:
            return
        table = self.exact if exact else self.folded
        table.setdefault(key, entry)
        self.longest = max(self.longest, len(key))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """All actor vocabularies, parsed once."""
    vocab = Vocabulary({}, {}, {}, 1)
    for row in read_jsonl("actors_armed_groups.jsonl"):
        entry = Entry(row["name"], row.get("country"), row["sector"], row.get("inter"), "group")
        for alias in [row["name"], *row["aliases"]]:
            vocab.add(alias, entry)
    for row in read_tsv("actors_organisations.tsv"):
        names = row["names"].split("|")
        inter = int(row["inter"]) if row["inter"] else None
        entry = Entry(names[0], row["code"], row["sector"], inter, "org")
        for name in names:
            vocab.add(name, entry)
    for row in read_tsv("actors_countries.tsv"):
        iso3 = row["iso3"]
        first = row["names"].split("|")[0]
        for kind, cell in (("country", "names"), ("demonym", "demonyms"), ("metonym", "metonyms")):
            for name in filter(None, row[cell].split("|")):
                sector = "GOV" if kind in ("country", "metonym") else None
                vocab.add(name, Entry(first, iso3, sector, 1, kind, state=True))
    for row in read_tsv("actors_sectors.tsv"):
        key = tuple(row["word"].lower().split())
        inter = int(row["inter"]) if row["inter"] else None
        vocab.sectors[key] = Entry(
            row["word"], None, row["sector"], inter, "sector", state=row["state"] == "yes"
        )
    return vocab


def singular(word: str) -> str:
    """A crude English singular for vocabulary lookups (soldiers → soldier, militias → militia)."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
