"""The gazetteer: place names → GeoNames places, from the SQLite index built by ``build.py``.

``Gazetteer`` is the small interface the geocoder needs (``lookup``, ``country``); the SQLite
file is opened read-only and shared by every document of a process.

Example:
    >>> # [p.name for p in Gazetteer.open().lookup("Khan Younis")]  -> ['Khan Yunis']
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from eventwire.geo.build import build, cache_path, canon, skeleton
from eventwire.resources import read_tsv

FUZZY_MIN_RATIO = 84  # edit-distance ratio (0-100) a near-miss spelling must reach
MMAP_BYTES = 256 * 1024 * 1024
FUZZY_MIN_LEN = 5  # shorter names are too ambiguous to match approximately
# a trailing feature word the index does not hold as part of the name (fuzzy matching with it
# would let "al-Hasaka Province" pass for "Usak Province")
_REGION_WORDS = frozenset(
    {
        "province", "governorate", "oblast", "region", "prefecture", "district", "raion", "rayon",
        "county", "department", "township", "tehsil", "territory",
    }
)  # fmt: skip
_TYPE_WORD = re.compile(
    r"\s(" + "|".join(sorted(_REGION_WORDS)) + r"|city|town|village|area|countryside|suburbs?)$"
)


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, str], ...]:
    rules = [(r["from"], r["to"]) for r in read_tsv("geo_translit.tsv")]
    return tuple(sorted(rules, key=lambda r: -len(r[0])))  # "skoe" before "oe"


def _romanisations(key: str) -> list[str]:
    """The name with one word's ending spelled the other way ("tsentralny" -> "tsentralnyi")."""
    words = key.split()
    out: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        for old, new in _endings():
            if words[i].endswith(old) and len(words[i]) > len(old) + 2:
                out.append(" ".join([*words[:i], words[i][: -len(old)] + new, *words[i + 1 :]]))
    return out


def _length_bounds(n: int) -> tuple[int, int]:
    """Key lengths that can reach FUZZY_MIN_RATIO against a key of length ``n`` (the ratio is
    2·matches / total length): a short skeleton ("md") is shared by hundreds of names, and only
    these are worth reading (articles and spaces, dropped before the ratio, allowed for)."""
    r = FUZZY_MIN_RATIO / 100
    return math.floor(n * r / (2 - r)), math.ceil(n * (2 - r) / r) + 4


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    cc: str | None
    iso3: str | None
    admin1: str | None
    admin1_name: str | None
    population: int
    feature: str
    precision: str
    primary: bool = True
    fuzzy: float = 0.0  # 0 for an exact name match, else 100 - the edit-distance ratio

    @property
    def is_country(self) -> bool:
        return self.feature == "PCLI"

    @property
    def is_region(self) -> bool:
        return self.feature in ("ADM1", "ADM2", "RGN", "SEA", "GULF", "STRT", "LK", "RD")


class Gazetteer:
    """Read-only lookups over the gazetteer index (thread-safe: one connection per thread)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)  # type: ignore[method-assign]

    @classmethod
    def open(cls) -> Gazetteer:
        """The gazetteer of this installation, building its index on first use."""
        path = cache_path()
        if not path.exists():
            build(path)
        return cls(str(path))

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            # reads through a memory map skip a system call and a copy per page: +20 % lookups/s;
            # pages are shared with the OS cache, so resident memory grows only by pages touched
            con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._local.con = con
        return con

    def _lookup(self, name: str) -> tuple[Place, ...]:
        """Places called ``name``, most populous first: exact key matches, else the name without
        its feature word ("Arbin city", "al-Hasaka Province"), else near misses."""
        key = canon(name)
        if not key:
            return ()
        found = self._exact(key)
        if any(p.primary for p in found):
            return found  # a place's own name: no other spelling is meant
        # the other romanisation's places too: GeoNames may file a Russian spelling as another
        # village's alternate name while news means the Ukrainian-spelled one; context ranks them
        variants = tuple(p for v in _romanisations(key) for p in self._exact(v))
        if found or variants:
            seen = {p.id for p in found}
            return found + tuple(p for p in variants if p.id not in seen and not seen.add(p.id))
        typed = _TYPE_WORD.search(key)
        if typed and typed.start() > 2:
            key = key[: typed.start()]
            found = self._exact(key)
            if typed.group(1) in _REGION_WORDS:  # "Idlib province" is the province, if any
                found = tuple(p for p in found if p.is_region) or found
            if found:
                return found
        if len(key.replace(" ", "")) < FUZZY_MIN_LEN or not key[0].isalpha():
            return ()
        return self._near(key)

    def _exact(self, key: str) -> tuple[Place, ...]:
        # grouping and sorting in Python: SQLite's GROUP BY/ORDER BY temp b-trees cost a third
        # of a lookup, and a key has only a few rows
        rows = (
            self._con()
            .execute(
                "SELECT p.*, n.primary_name FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,),
            )
            .fetchall()
        )
        if len(rows) == 1:
            r = rows[0]
            return (Place(*r[:11], primary=bool(r[11])),)
        best: dict[int, tuple] = {}
        for r in rows:
            if r[0] not in best or r[11] > best[r[0]][11]:
                best[r[0]] = r
        ranked = sorted(best.values(), key=lambda r: (-(r[8] or 0), r[0]))[:50]
        return tuple(Place(*r[:11], primary=bool(r[11])) for r in ranked)

    def _near(self, key: str) -> tuple[Place, ...]:
        """Spelling variants: same consonant skeleton and an edit-distance ratio over the floor."""
        skel = skeleton(key)
        if len(skel) < 3:
            return ()
        rows = (
            self._con()
            .execute(
                "SELECT p.*, n.primary_name, n.key FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.skel = ? AND length(n.key) BETWEEN ? AND ? LIMIT 400",
                (skel, *_length_bounds(len(key))),
            )
            .fetchall()
        )
        bare = key.removeprefix("al ").replace(" ", "")
        best: dict[int, Place] = {}
        for r in rows:
            ratio = fuzz.ratio(bare, r[12].removeprefix("al ").replace(" ", ""))
            if ratio < FUZZY_MIN_RATIO:
                continue
            place = Place(*r[:11], primary=bool(r[11]), fuzzy=100.0 - ratio)
            # a key that is both a place's own and its alternate name counts as its own, whatever
            # order the index returns the rows in
            seen = best.get(r[0])
            if seen is None or (place.fuzzy, not place.primary) < (seen.fuzzy, not seen.primary):
                best[r[0]] = place
        return tuple(sorted(best.values(), key=lambda p: (p.fuzzy, -p.population))[:50])

    @lru_cache(maxsize=1)  # noqa: B019 - one gazetteer per process
    def spelling_classes(self) -> tuple[tuple[str, ...], np.ndarray]:
        """The spelling model's classes (ISO3 codes, "" for elsewhere) and each one's
        log-probability of an n-gram its names never show."""
        rows = self._con().execute("SELECT iso3, unseen FROM spelling_classes ORDER BY position").fetchall()
        return tuple(r[0] for r in rows), np.array([r[1] for r in rows], dtype=np.float32)

    def spelling_logp(self, grams: tuple[str, ...]) -> dict[str, np.ndarray]:
        """Each known n-gram's log-probability in each class's names (``spelling_classes`` order)."""
        marks = ",".join("?" * len(grams))
        rows = self._con().execute(f"SELECT gram, logp FROM spellings WHERE gram IN ({marks})", grams)
        return {g: np.frombuffer(v, dtype=np.float16) for g, v in rows}

    def country(self, iso3: str) -> Place | None:
        """The country record for an ISO3 code."""
        row = (
            self._con()
            .execute("SELECT *, 1 FROM places WHERE iso3 = ? AND feature = 'PCLI' LIMIT 1", (iso3,))
            .fetchone()
        )
        return Place(*row[:11], primary=True) if row else None

    def admin1(self, cc: str, code: str) -> Place | None:
        """The first-level division ``code`` of country ``cc``."""
        row = (
            self._con()
            .execute(
                "SELECT *, 1 FROM places WHERE cc = ? AND admin1 = ? AND feature = 'ADM1' LIMIT 1",
                (cc, code),
            )
            .fetchone()
        )
        return Place(*row[:11], primary=True) if row else None
