"""Gazetteer lookups (exact and near-miss spellings) and the geo_* data files' formats."""

from __future__ import annotations

import pytest

from eventwire.geo import get_geocoder
from eventwire.resources import read_tsv


@pytest.fixture(scope="module")
def gaz():
    return get_geocoder().gazetteer


@pytest.mark.parametrize(
    ("name", "cc", "expected"),
    [
        ("Khan Younis", "PS", "Khān Yūnis"),
        ("Kiev", "UA", "Kyiv"),
        ("Artemivsk", "UA", "Bakhmut"),
        ("Jisr al-Shughur", "SY", "Jisr ash Shughūr"),
        ("Deir el-Zour", "SY", "Deir ez-Zor"),
        ("Al-Fashir", "SD", "El Fasher"),
        ("Bunagana", "CD", "Bunagana"),  # curated: not in the packaged data
    ],
)
def test_exact_lookup_finds_variant_spellings(gaz, name: str, cc: str, expected: str) -> None:
    assert any(p.cc == cc and p.name == expected and not p.fuzzy for p in gaz.lookup(name))


def test_near_miss_spelling_found_fuzzily(gaz) -> None:
    found = gaz.lookup("Saraqeeb")
    assert found and found[0].name == "Saraqib" and found[0].fuzzy > 0


def test_short_unknown_words_have_no_fuzzy_match(gaz) -> None:
    assert gaz.lookup("Xq") == ()
    assert gaz.lookup("") == ()


def test_countries_and_regions_are_indexed(gaz) -> None:
    assert gaz.country("SYR").cc == "SY"
    assert any(p.is_country and p.iso3 == "SYR" for p in gaz.lookup("Syria"))
    assert any(p.feature == "ADM1" and p.cc == "SY" for p in gaz.lookup("Idlib Governorate"))


def _coords_ok(row: dict) -> bool:
    lat, lon = float(row["lat"]), float(row["lon"])
    return -90 <= lat <= 90 and -180 <= lon <= 180


@pytest.mark.parametrize("name", ["geo_features.tsv", "geo_toponyms.tsv"])
def test_curated_place_files_are_well_formed(name: str) -> None:
    rows = read_tsv(name)
    assert rows
    for row in rows:
        assert row["names"] and _coords_ok(row), row
        assert not row["country"] or len(row["country"]) == 2, row


def test_aliases_name_places_that_exist(gaz) -> None:
    for row in read_tsv("geo_aliases.tsv"):
        assert len(row["country"]) == 2 or row["country"] == "country", row
    # every alias resolves to a place in its country (the build joined it)
    missing = [
        r["alias"]
        for r in read_tsv("geo_aliases.tsv")
        if len(r["country"]) == 2 and not any(p.cc == r["country"] for p in gaz.lookup(r["alias"]))
    ]
    assert missing == []


def test_lookup_drops_a_trailing_feature_word() -> None:
    from eventwire.geo.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    assert gaz.lookup("Daraa Province")[0].feature == "ADM1"  # the province, not the town
    assert gaz.lookup("al-Hasaka Province")[0].iso3 == "SYR"  # not "Usak Province" by spelling
    assert gaz.lookup("Idlib countryside")[0].iso3 == "SYR"


@pytest.mark.parametrize("iso3", ["COL", "CMR", "BRA", "TGO", "KAZ", "SYR"])
def test_every_country_has_its_capital_point(gaz, iso3: str) -> None:
    # the country list writes "Bogota", "Yaounde", "Lome"; the city list keeps the accents
    country = gaz.country(iso3)
    assert country is not None and country.lat is not None and country.lon is not None
