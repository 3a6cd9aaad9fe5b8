"""The geo scorers on small hand-made gold rows."""

from __future__ import annotations

import pytest

from eventwire.evaluate_geo import (
    event_location_tally,
    geo_split,
    km,
    place_named,
    score_event_location,
    score_ucdp_locations,
    score_ucdp_places,
    span_overlaps,
)
from eventwire.geo import GeoContext, get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def test_split_is_stable_and_roughly_a_quarter() -> None:
    parts = [geo_split(i) for i in range(2000)]
    assert parts == [geo_split(i) for i in range(2000)]
    assert 0.2 < parts.count("test") / 2000 < 0.3


def test_km_between_damascus_and_aleppo() -> None:
    assert 300 < km(33.51, 36.29, 36.20, 37.16) < 320


def _ucdp(id_: str, text: str, where: str, adm1: str, lat: float, lon: float) -> dict:
    return {
        "id": id_,
        "text": text,
        "where_coordinates": where,
        "where_prec": 1,
        "adm_1": adm1,
        "country": "Syria",
        "side_a": "Government of Syria",
        "side_b": "IS",
        "latitude": lat,
        "longitude": lon,
    }


def test_place_named_levels() -> None:
    town = _ucdp("1", "Shelling hits Saraqib", "Saraqib town", "Idlib governorate", 35.86, 36.8)
    region = _ucdp("2", "Shelling in Idlib countryside", "Saraqib town", "Idlib governorate", 0, 0)
    none = _ucdp("3", "Shelling continues", "Saraqib town", "Idlib governorate", 0, 0)
    assert [place_named(r) for r in (town, region, none)] == ["town", "region", None]


def test_score_ucdp_counts_hits_and_misses(geo) -> None:
    rows = [
        _ucdp(str(i), "Air strikes hit Saraqib", "Saraqib town", "Idlib governorate", 35.864, 36.806)
        for i in range(8)
    ] + [_ucdp("99", "Air strikes hit Saraqib", "Saraqib town", "Idlib governorate", 33.5, 36.3)]
    result = score_ucdp_locations(rows, geo)
    total = sum(result[f"actor_context/{s}/town"]["n"] for s in ("dev", "test"))
    hits = sum(
        result[f"actor_context/{s}/town"]["within_25km"] * result[f"actor_context/{s}/town"]["n"]
        for s in ("dev", "test")
    )
    assert total == 9 and round(hits) == 8  # the row coded 300 km away is a miss


def test_span_overlap_is_whole_word() -> None:
    text = "An Israeli was shot near Israel's border."
    verb = (15, 19)
    gold = [(25, 31)]
    assert span_overlaps(text, "Israel", verb, gold)
    assert not span_overlaps(text, "Israel", verb, [(3, 10)])  # "Israeli" is not "Israel"


def test_score_event_location_separates_sentences_without_a_place(geo) -> None:
    def row(text: str, verb: str, place: str | None) -> dict:
        v = text.index(verb)
        spans = [{"label": "VERB", "char_start": v, "char_end": v + len(verb)}]
        if place:
            p = text.index(place)
            spans.append({"label": "LOCATION", "char_start": p, "char_end": p + len(place)})
        return {"text": text, "spans": spans}

    rows = [
        row("Talks were held in Moscow on Idlib.", "held", "Moscow"),
        row("Gunmen killed five people on Monday.", "killed", None),
    ]
    result = score_event_location(rows, geo, splits=("dev", "test"))
    assert sum(r["n_with_location"] for r in result.values()) == 1
    assert sum(r["n_without_location"] for r in result.values()) == 1
    with_place = next(r for r in result.values() if r["n_with_location"])
    assert with_place["location_span_match"] == 1.0
    without = next(r for r in result.values() if r["n_without_location"])
    assert without["none_when_no_location"] == 1.0


def test_document_places_favour_their_region(geo) -> None:
    # "Ariha" names towns in Syria and elsewhere; a document about Idlib places it there
    loc = geo.resolve("Ariha", GeoContext(places=["Saraqib", "Idlib"]))
    assert loc.country == "SYR"


def test_score_ucdp_places_uses_the_pipeline_place_and_falls_back_to_the_headline(geo) -> None:
    from eventwire.model import Location

    far = Location(
        text="Damascus",
        name="Damascus",
        country="SYR",
        lat=33.51,
        lon=36.29,
        precision="town",
        geo_precision=1,
    )
    rows = [
        {**_ucdp("1", "Air strikes hit Saraqib", "Saraqib town", "Idlib governorate", 35.864, 36.806),
         "_key": "a"},
        {**_ucdp("2", "Saraqib", "Saraqib town", "Idlib governorate", 35.864, 36.806), "_key": "b"},
        {**_ucdp("3", "Shelling continues", "Saraqib town", "Idlib governorate", 35.864, 36.806),
         "_key": "c"},
    ]  # fmt: skip
    result = score_ucdp_places(rows, {"a": far, "b": None}, geo)
    assert result["n_headline_names_place"] == 2  # the third headline names no place
    assert result["n_headline_names_region"] == 0
    assert result["location_country_accuracy"] == 1.0
    assert result["location_within_25km"] == 0.5  # Damascus is 260 km away; the fallback hits
    assert result["location_within_161km"] == 0.5


def test_event_location_tally_is_flat_and_counts_repeats_once(geo) -> None:
    text = "Talks were held in Moscow on Idlib."
    v, p = text.index("held"), text.index("Moscow")
    row = {"text": text, "spans": [{"label": "VERB", "char_start": v, "char_end": v + 4},
                                   {"label": "LOCATION", "char_start": p, "char_end": p + 6}]}  # fmt: skip
    result = event_location_tally([row, row], geo)
    assert result["n_with_location"] == 1 and result["location_span_match"] == 1.0
