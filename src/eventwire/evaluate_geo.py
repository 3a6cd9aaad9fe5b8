"""Scoring places on gold data: UCDP headline places and Halterman's event locations.

The one implementation of each location metric: ``eventwire evaluate`` (evaluate.py) calls
``score_ucdp_places`` with the pipeline's event places and ``event_location_tally``; the
geocoder-alone scorers (``score_ucdp_locations``, ``score_event_location``) split their file by
a stable hash (``geo_split``) so one part can be tuned on and the other held out.

Why UCDP's point (``where_coordinates``, lat/lon) differs from ours when the country is right
(1,100 dev rows whose headline names the coded place; ~210 are over 25 km off, read by hand):
- UCDP codes from the article body; the headline is only its title. A headline list (";"-joined)
  or a headline naming several places ("casualties in Daraa city and the countryside of Homs")
  often has its event at another of the places (about half of the far rows).
- ``where_prec`` 2-3: UCDP codes "near X" or X's district at a village point the body gives
  ("near Novokaterynivka village, Starobeshivskiy district"); the name alone says the town.
- Bare village names with many namesakes: a headline that is only "Novokaterynivka" or "Pisky"
  (Ukraine has several of each) gives no oblast; UCDP codes the one in the war zone, the
  gazetteer's most prominent one is elsewhere (one such name recurs in 32 rows).
- Villages the packaged GeoNames data (cities500) lacks: the headline then resolves to a
  country or to an unknown place with no point; that is most wrong-country rows too.
- Regions: UCDP puts a province at its own point; eventwire at its largest town (ACLED's rule).

Example:
    >>> # score_ucdp_locations(read_rows("ucdp_dev.jsonl"), get_geocoder())["within_25km"]
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from eventwire.geo import Geocoder, GeoContext
from eventwire.geo.build import norm
from eventwire.geo.distance import haversine_km
from eventwire.geo.locate import country_of, headline_location
from eventwire.model import Location

# UCDP's where_coordinates end with the feature it names ("Aleppo town", "Donetsk oblast")
_FEATURE_WORDS = re.compile(
    r"\s+(?:town|city|village|district|province|governorate|oblast|region|area|suburb|"
    r"neighbou?rhood|camp|airport|base|prefecture|county|raion|municipality|sub-district)$",
    re.I,
)
_UCDP_COUNTRIES = {"Syria": "SYR", "Ukraine": "UKR", "Central African Republic": "CAF"}


def read_rows(path: str | Path) -> list[dict]:
    """The JSON objects of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def geo_split(key: object, test_share: int = 4) -> str:
    """ "test" for one row in ``test_share`` (by a SHA-256 of its key), else "dev"."""
    digest = hashlib.sha256(str(key).encode("utf-8")).digest()
    return "test" if digest[0] % test_share == 0 else "dev"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (``eventwire.geo.distance.haversine_km``)."""
    return haversine_km(lat1, lon1, lat2, lon2)


def _iso3(country: str, geocoder: Geocoder) -> str | None:
    if country in _UCDP_COUNTRIES:
        return _UCDP_COUNTRIES[country]
    found = geocoder.geocode(country.split("(")[0].strip(), limit=1)
    return found[0].country if found and found[0].precision == "country" else None


def place_named(row: dict) -> str | None:
    """How precisely a UCDP headline names the coded place: "town", "region" or None.

    "town": the headline contains the coded place's own name (UCDP where_prec 1-3);
    "region": it contains only the first-level division's name."""
    text = " " + norm(row.get("text") or "") + " "
    place = _FEATURE_WORDS.sub("", str(row.get("where_coordinates") or "")).split("(")[0]
    keys = {norm(place)}
    keys |= {k[3:] for k in keys if k.startswith(("al ", "as ", "ar ", "ad ", "at ", "ash "))}
    if (row.get("where_prec") or 9) <= 3 and any(len(k) > 3 and f" {k} " in text for k in keys):
        return "town"
    adm1 = _FEATURE_WORDS.sub("", str(row.get("adm_1") or ""))
    if len(norm(adm1)) > 3 and f" {norm(adm1)} " in text:
        return "region"
    return None


def actor_countries(row: dict, geocoder: Geocoder) -> list[str]:
    """The countries the UCDP sides name ("Government of Syria"): what an article's actors give."""
    text = f"{row.get('side_a') or ''} ; {row.get('side_b') or ''}"
    out: list[str] = []
    for m in geocoder.spot(text):
        top = country_of(m)
        if top is not None and top.iso3 and top.iso3 not in out:
            out.append(top.iso3)
    return out


def score_ucdp_locations(rows: Iterable[dict], geocoder: Geocoder) -> dict:
    """Country and distance accuracy of the geocoder on UCDP headlines that name their place.

    Rows whose headline names the coded place ("town") are scored for country, within 25 km and
    within 161 km; rows naming only its province ("region") too (25 km is then out of reach for
    most). The place predicted is ``headline_location`` (the geocoder alone; no event coding),
    once with no context and once with the countries of the conflict's sides as the document
    context (what the pipeline's actors give). A headline with no predicted place is wrong."""
    rows = list(rows)
    out: dict = {}
    for mode in ("no_context", "actor_context"):
        for split in ("dev", "test"):
            tallies = {"town": [0, 0, 0, 0], "region": [0, 0, 0, 0]}  # n, country, 25 km, 161 km
            for row in rows:
                if row.get("latitude") is None or geo_split(row["id"]) != split:
                    continue
                level = place_named(row)
                if level is None:
                    continue
                t = tallies[level]
                t[0] += 1
                ctx = GeoContext(countries=actor_countries(row, geocoder) if mode == "actor_context" else [])
                loc = headline_location(geocoder, row["text"], ctx)
                if loc is None:
                    continue
                t[1] += loc.country == _iso3(row["country"], geocoder)
                if loc.lat is not None:
                    d = km(row["latitude"], row["longitude"], loc.lat, loc.lon)
                    t[2] += d <= 25
                    t[3] += d <= 161
            for level, (n, c, k25, k161) in tallies.items():
                out[f"{mode}/{split}/{level}"] = {
                    "n": n,
                    "country": round(c / max(1, n), 4),
                    "within_25km": round(k25 / max(1, n), 4),
                    "within_161km": round(k161 / max(1, n), 4),
                }
    return out


def score_ucdp_places(
    rows: Iterable[dict], places: Mapping[str, Location | None], geocoder: Geocoder
) -> dict:
    """Place accuracy of coded events on UCDP headlines that name their place (``place_named``).

    ``places`` maps a row's ``_key`` to the place the pipeline gave its event; a row without one
    (a headline that is only a place name, "Debaltseve", codes no event) is scored on
    ``headline_location`` with no context, i.e. the geocoder alone. The headline figures are over
    rows whose headline names the coded place itself (country, within 25 and 161 km; a row with
    no place at all is wrong); rows naming only its province are reported apart (``region_*``):
    25 km is out of reach there, since UCDP codes the exact village the article body gives."""
    tallies = {"town": [0, 0, 0, 0], "region": [0, 0, 0, 0]}  # n, country, 25 km, 161 km
    for row in rows:
        level = place_named(row) if row.get("latitude") is not None else None
        if level is None:
            continue
        t = tallies[level]
        t[0] += 1
        loc = places.get(row.get("_key", row.get("id")))
        if loc is None:
            loc = headline_location(geocoder, row.get("text") or "", GeoContext())
        if loc is None:
            continue
        t[1] += loc.country == _iso3(str(row.get("country") or ""), geocoder)
        if loc.lat is not None and loc.lon is not None:
            d = haversine_km(row["latitude"], row["longitude"], loc.lat, loc.lon)
            t[2] += d <= 25
            t[3] += d <= 161
    (n, c, k25, k161), (rn, rc, _, r161) = tallies["town"], tallies["region"]
    return {
        "n_headline_names_place": n,
        "location_country_accuracy": round(c / max(1, n), 4),
        "location_within_25km": round(k25 / max(1, n), 4),
        "location_within_161km": round(k161 / max(1, n), 4),
        "n_headline_names_region": rn,
        "location_region_country_accuracy": round(rc / max(1, rn), 4),
        "location_region_within_161km": round(r161 / max(1, rn), 4),
    }


def _gold_spans(row: dict) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    spans = row.get("spans") or []
    verb = next(
        (
            (s["char_start"], s["char_end"])
            for s in spans
            if s.get("label") == "VERB" and s.get("char_start") is not None
        ),
        None,
    )
    golds = [
        (s["char_start"], s["char_end"])
        for s in spans
        if s.get("label") == "LOCATION" and s.get("char_start") is not None
    ]
    return verb, golds


def event_location_tally(rows: Iterable[dict], geocoder: Geocoder, ents_of=None) -> dict:
    """Does the place picked for the annotated verb overlap an annotated LOCATION span?

    ``location_span_match`` = hits / sentences that have a gold location (a None answer is a
    miss there). Sentences without a gold location are reported apart: ``none_when_no_location``
    is the share where the geocoder answers None. Repeated (text, verb) rows count once.
    ``ents_of(text)`` may give NER spans ``[(start, end, label)]`` as hints (spaCy); without it,
    the text-only path runs."""
    seen: set[tuple] = set()
    n = hits = n_none = abstained = 0
    for row in rows:
        verb, golds = _gold_spans(row)
        text = row.get("text") or ""
        if verb is None or (text, verb) in seen:
            continue
        seen.add((text, verb))
        ents = ents_of(text) if ents_of else None
        loc = geocoder.event_location(text, verb, GeoContext(), ents=ents)
        if not golds:
            n_none += 1
            abstained += loc is None
            continue
        n += 1
        if loc is not None and loc.text:
            hits += span_overlaps(text, loc.text, verb, golds)
    return {
        "n_with_location": n,
        "location_span_match": round(hits / max(1, n), 4),
        "n_without_location": n_none,
        "none_when_no_location": round(abstained / max(1, n_none), 4),
    }


def score_event_location(
    rows: Iterable[dict], geocoder: Geocoder, ents_of=None, splits: Sequence[str] = ("dev", "test")
) -> dict:
    """``event_location_tally`` per split; the split is by a hash of the text, so one sentence is
    never in both parts."""
    rows = list(rows)
    return {
        split: event_location_tally(
            [r for r in rows if geo_split(r.get("text") or "") == split], geocoder, ents_of
        )
        for split in splits
    }


def span_overlaps(text: str, surface: str, verb: tuple[int, int], golds: list) -> bool:
    """True when the occurrence of ``surface`` nearest the verb overlaps a gold span."""
    # whole words only: "Israel" is not found inside "Israeli"
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
    if not starts:
        return False
    start = min(starts, key=lambda x: abs(x - verb[0]))
    end = start + len(surface)
    return any(start < ge and gs < end for gs, ge in golds)


def read_tsv_rows(path: str | Path) -> list[dict]:
    """Rows of a TSV file with a header line; ``#`` lines are comments."""
    with open(path, encoding="utf-8") as fh:
        lines = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def score_toponyms(rows: Sequence[dict], geocoder: Geocoder) -> dict:
    """Resolution and spotting accuracy on a hard-toponym table (tests/geo/hard_toponyms.tsv).

    ``resolved``: ``resolve(mention, context)`` gives the row's GeoNames id (or, for curated
    places without one, its name); ``spotted``: ``spot(sentence)`` finds the mention, text only.
    ``misses`` lists the rows that failed either, for reading."""
    resolved = spotted = 0
    misses = []
    for row in rows:
        ctx = GeoContext(countries=[c for c in row["context"].split(",") if c])
        loc = geocoder.resolve(row["mention"], ctx)
        ok = loc is not None and (
            (bool(row["geonameid"]) and loc.geonameid == int(row["geonameid"]))
            or (not row["geonameid"] and loc.name == row["name"])
            or (  # GeoNames holds some towns twice ("Huwara", "Huwwarah"): same spot counts
                loc.lat is not None
                and loc.precision != "country"
                and km(loc.lat, loc.lon, float(row["lat"]), float(row["lon"])) <= 10
            )
        )
        start = row["sentence"].index(row["mention"])
        found = any(m.start == start and m.text == row["mention"] for m in geocoder.spot(row["sentence"]))
        resolved += ok
        spotted += found
        if not (ok and found):
            got = loc and f"{loc.name} ({loc.country}, {loc.geonameid})"
            misses.append(f"{row['mention']}: resolved={got} spotted={found}")
    n = max(1, len(rows))
    return {
        "n": len(rows),
        "resolved": round(resolved / n, 4),
        "spotted": round(spotted / n, 4),
        "misses": misses,
    }
