"""An unknown place's spelling says its country when nothing else does; a headline that is one
name is about that place; a name that is only an alternate of a town abroad gives way to the
place whose own name it is, where the spelling points."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder
from eventwire.geo.build import norm
from eventwire.geo.headline import headline_location
from eventwire.geo.spelling import grams, spelled_country


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def test_grams_mark_word_ends() -> None:
    assert "^no" in grams("novo selo") and "vo$" in grams("novo selo") and "^se" in grams("novo selo")


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Vodianohirske", "UKR"),  # Ukrainian -ohirske
        ("Berezohnativka", "UKR"),  # -ivka, "hn"
        ("Zelenopillya", "UKR"),
        ("Kafr Zaytun", "PSE"),  # Levantine Arabic: Kafr ...
        ("Maungdaw Taung", "MMR"),
    ],
)
def test_a_villages_spelling_says_its_country(geo, name: str, country: str) -> None:
    assert not geo.gazetteer.lookup(name)  # made-up names: no gazetteer entry to lean on
    assert spelled_country(geo.gazetteer, norm(name)) == country


@pytest.mark.parametrize("name", ["Oxfordshire", "Ngouboutou", "Gao", "Riverside"])
def test_a_spelling_of_elsewhere_or_too_short_says_no_country(geo, name: str) -> None:
    assert spelled_country(geo.gazetteer, norm(name)) is None


@pytest.mark.parametrize(
    "headline", ["Berezohnativka", "Berezohnativka village", "Berezohnativka ;Berezohnativka"]
)
def test_a_headline_of_one_unknown_name_is_a_place_in_its_spellings_country(geo, headline: str) -> None:
    loc = headline_location(geo, headline, GeoContext())
    assert loc is not None and loc.name == "Berezohnativka" and loc.country == "UKR" and loc.lat is None


@pytest.mark.parametrize("headline", ["Hezbollah", "Reuters", "Breaking News", "Update"])
def test_a_headline_of_one_group_or_word_is_no_place(geo, headline: str) -> None:
    loc = headline_location(geo, headline, GeoContext())
    assert loc is None or loc.country is None


def test_an_unknown_place_with_a_known_country_keeps_it_at_country_precision(geo) -> None:
    # the document's country, not the spelling's, when both are known; all that is known of
    # where it is is the country: ACLED's geo_precision 3
    loc = geo.resolve("Berezohnativka", GeoContext(countries=["RUS"]))
    assert loc is not None and loc.country == "RUS"
    assert (loc.precision, loc.geo_precision, loc.lat) == ("country", 3, None)


def test_a_near_miss_of_a_towns_own_name_counts_as_its_own_name(geo) -> None:
    # GeoNames lists "Nevel'sk" as the town's name and as an alternate: whatever order the index
    # returns them in, a near miss of it is a near miss of the town's own name
    found = geo.gazetteer.lookup("Nevelsck")
    assert found and found[0].name == "Nevel’sk" and found[0].primary and found[0].fuzzy > 0


def test_a_near_miss_abroad_spelled_as_a_conflict_countrys_name_is_an_unknown_village(geo) -> None:
    # "Kimovske" is only a near miss of Russia's Kimovsk, and spelled as Ukrainian names are
    assert geo.gazetteer.lookup("Kimovske")[0].iso3 == "RUS"
    loc = headline_location(geo, "Shelling on Kimovske", GeoContext())
    assert loc is not None and loc.country == "UKR" and loc.lat is None


def test_a_near_miss_abroad_gives_way_to_a_namesake_where_the_spelling_points(geo) -> None:
    # Ukraine's Samar was Novomoskovsk; Russia's Novomoskovsk is the closer spelling of the name
    loc = headline_location(geo, "Drones hit Novomoskovske overnight", GeoContext())
    assert loc is not None and loc.country == "UKR" and loc.lat is not None


def test_an_alternate_name_abroad_gives_way_to_the_own_name_the_spelling_points_to(geo) -> None:
    # GeoNames gives Syria's Ras al-Ayn no population and Israel's Rosh Ha'Ayin the name as an
    # alternate: with no other clue, the Arabic spelling decides
    loc = headline_location(geo, "Shells fell on Ras al-Ayn at dawn", GeoContext())
    assert loc is not None and loc.country == "SYR"


def test_a_town_ending_a_longer_place_name_is_not_that_place(geo) -> None:
    # the parser labels "Kafr Dael" a place: not the town Dael (in Daraa), but a village of
    # that full name the gazetteer lacks; a name going on after a town is a thing in it
    text = "Five killed in Kafr Dael town"
    ents = [(text.index("Kafr"), text.index(" town"), "GPE")]
    assert [m.text for m in geo.spot(text, ents)] == ["Kafr Dael"]
    airport = "Rockets hit Damascus International Airport"
    ents = [(airport.index("Damascus"), len(airport), "FAC")]
    assert [m.text for m in geo.spot(airport, ents)] == ["Damascus"]


def test_fuzzy_lookup_reads_only_names_of_a_reachable_length() -> None:
    from eventwire.geo.gazetteer import _length_bounds

    low, high = _length_bounds(10)
    assert low <= 8 and high >= 12 and not low <= 3 and not high >= 30


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Russian troops pressed on along the Bakhmut-Soledar axis", ["Bakhmut", "Soledar"]),
        ("Losses mounted in the Nikolaev-Kryvyi Rih direction", ["Nikolaev", "Kryvyi Rih"]),
        ("Clashes broke out in Guinea-Bissau", ["Guinea-Bissau"]),
    ],
)
def test_places_a_hyphen_joins_into_a_fronts_name_are_each_a_place(geo, text: str, places: list) -> None:
    assert [m.text for m in geo.spot(text)] == places
