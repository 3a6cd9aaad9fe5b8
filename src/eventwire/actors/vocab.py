"""The actor vocabularies (countries, armed groups, organisations, people, identities, sector
words) as lookup tables.

Built once per process from the data files. Keys are lower-cased word tuples, except short
all-capital acronyms (US, IS, AA, PDF), which only match as written so that ordinary words
("us", "is") never become actors. A one-word name written with a capital in the data
("Chad", "Jordan", "Amal") only matches a capitalised word, so "male nurses" is never the
Maldives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.resources import read_jsonl, read_tsv

WORD = re.compile(r"[A-Za-z\u00C0-\u024F0-9]+(?:[.'’/-][A-Za-z\u00C0-\u024F0-9]+)*\.?")

#: Entry kinds that name a particular actor (they decide name, country and sector at once).
NAMED_KINDS = ("group", "org")
#: Entry kinds that name a place or nationality (they decide the country only).
PLACE_KINDS = ("country", "demonym", "metonym")


@dataclass(frozen=True)
class Entry:
    """What a name in the vocabulary stands for."""

    name: str
    country: str | None
    sector: str | None
    inter: int | None
    kind: str  # country | demonym | metonym | group | org | person | identity | region | sector
    state: bool = False
    role: bool = False
    code: str | None = None
    national: bool = False  # a state organ when a nationality word precedes it


def words(text: str) -> list[str]:
    """Words of a phrase as written ("U.S.", "al-Shabaab", "People's" kept whole)."""
    return [w.replace("’", "'") for w in WORD.findall(text)]


def spans(text: str) -> list[tuple[int, int, str]]:
    """Words of a text with their character offsets, as (start, end, word)."""
    return [(m.start(), m.end(), m.group().replace("’", "'")) for m in WORD.finditer(text)]


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
    capitalised: set[tuple[str, ...]] = field(default_factory=set)
    modifiers: dict[str, str] = field(default_factory=dict)

    def add(self, phrase: str, entry: Entry) -> None:
        """Add one name; the first entry added under a name wins (groups before countries)."""
        key, exact = key_of(phrase)
        if not key:
            return
        table = self.exact if exact else self.folded
        if key in table:
            return
        table[key] = entry
        if not exact and len(key) == 1 and phrase[:1].isupper():
            self.capitalised.add(key)
        self.longest = max(self.longest, len(key))

    def lookup(self, tokens: list[str]) -> Entry | None:
        """The entry a run of words names, honouring case rules; None when it names none."""
        entry = self.exact.get(tuple(tokens))
        if entry is not None:
            return entry
        key = tuple(t.lower() for t in tokens)
        entry = self.folded.get(key)
        if entry is None and key[-1].endswith("'s"):  # "Turkey's", "People's Republic's"
            key = (*key[:-1], key[-1][:-2])
            entry = self.folded.get(key)
            if entry is None and tokens[-1][:-2].isupper():
                entry = self.exact.get((*tokens[:-1], tokens[-1][:-2]))
        if entry is not None and key in self.capitalised and not tokens[0][:1].isupper():
            return None
        return entry


def _cells(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """All actor vocabularies, parsed once (first added wins: groups, orgs, people, places)."""
    vocab = Vocabulary({}, {}, {}, 1)
    for row in read_jsonl("actors_armed_groups.jsonl"):
        entry = Entry(row["name"], row.get("country"), row["sector"], row.get("inter"), "group")
        for alias in [row["name"], *row["aliases"]]:
            vocab.add(alias, entry)
    for row in read_tsv("actors_organisations.tsv"):
        names = _cells(row["names"])
        inter = int(row["inter"]) if row["inter"] else None
        entry = Entry(names[0], row["code"], row["sector"], inter, "org")
        for name in names:
            vocab.add(name, entry)
    for row in read_tsv("actors_people.tsv"):
        names = _cells(row["names"])
        entry = Entry(names[0], row["iso3"], row["sector"], None, "person")
        for name in names:
            vocab.add(name, entry)
    region = Entry("region", None, None, None, "region")
    for row in read_tsv("actors_regions.tsv"):
        for name in _cells(row["names"]):
            vocab.add(name, region)
    for row in read_tsv("actors_countries.tsv"):
        iso3 = row["iso3"]
        first = _cells(row["names"])[0]
        for kind, cell in (("country", "names"), ("demonym", "demonyms"), ("metonym", "metonyms")):
            for name in _cells(row[cell]):
                sector = "GOV" if kind in ("country", "metonym") else None
                vocab.add(name, Entry(first, iso3, sector, 1, kind, state=True))
    for row in read_tsv("actors_ethnic.tsv"):
        names = _cells(row["names"])
        entry = Entry(names[0], row["iso3"] or None, "CVL", 7, "identity")
        for name in names:
            vocab.add(name, entry)
    for row in read_tsv("actors_sectors.tsv"):
        key = tuple(row["word"].lower().split())
        inter = int(row["inter"]) if row["inter"] else None
        vocab.sectors[key] = Entry(
            row["word"],
            None,
            row["sector"],
            inter,
            "sector",
            state=row["state"] == "yes",
            role=row.get("role") == "yes",
            code=row.get("code") or None,
            national=row["state"] == "nationality",
        )
    vocab.modifiers = {row["word"]: row["effect"] for row in read_tsv("actors_modifiers.tsv")}
    return vocab


def singular(word: str) -> str:
    """A crude English singular for vocabulary lookups (soldiers → soldier, militias → militia)."""
    w = word.lower()
    if w.endswith("men") and len(w) > 4 and w not in ("women",):
        return w  # gunmen, policemen, militiamen are listed as written
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
