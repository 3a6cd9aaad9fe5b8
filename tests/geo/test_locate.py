"""Spotting, resolution and the event's place, on small explicit sentences."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def _trigger(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_talks_in_a_capital_about_another_place(geo) -> None:
    text = "Putin and Erdogan held talks in Moscow on Idlib."
    loc = geo.event_location(text, _trigger(text, "talks"), GeoContext())
    assert loc.name == "Moscow" and loc.precision == "town"


def test_near_a_town_with_its_province(geo) -> None:
    text = "Strikes near Saraqib, in Idlib province, killed six."
    loc = geo.event_location(text, _trigger(text, "Strikes"), GeoContext())
    assert (loc.name, loc.admin1, loc.precision, loc.geo_precision) == (
        "Saraqib",
        "Idlib",
        "town",
        2,
    )


def test_province_only_is_a_region(geo) -> None:
    text = "Air strikes killed six in Idlib province."
    loc = geo.event_location(text, _trigger(text, "strikes"), GeoContext())
    assert (loc.precision, loc.geo_precision, loc.country) == ("region", 3, "SYR")


def test_country_only_has_country_precision(geo) -> None:
    text = "Gunmen killed five soldiers in Mali."
    loc = geo.event_location(text, _trigger(text, "killed"), GeoContext())
    assert (loc.country, loc.precision) == ("MLI", "country")


def test_no_place_gives_none(geo) -> None:
    text = "Gunmen killed five soldiers on Monday."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext()) is None


def test_a_participant_country_is_not_the_place(geo) -> None:
    text = "Turkey said it killed 30 militants."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext()) is None


def test_geocode_filters_by_country(geo) -> None:
    found = geo.geocode("Hyderabad", country="PAK", limit=3)
    assert found and found[0].country == "PAK"
    assert len(geo.geocode("Hyderabad", limit=3)) <= 3


def test_a_country_the_sentence_names_joins_the_actors_countries(geo) -> None:
    text = "Ugandan rebels attacked Obo, Haut-Mbomou, Central African Republic."
    loc = geo.event_location(text, _trigger(text, "attacked"), GeoContext(countries=["UGA"]))
    # the town itself, not only its region: Obo is far from Uganda, but in the named country
    assert loc is not None and loc.geonameid is not None and loc.precision == "town"
    assert loc.country == "CAF"


def test_a_village_put_in_a_named_region_is_not_a_namesake_outside_it(geo) -> None:
    text = "Two soldiers were wounded by shelling near Shumy in Donbas."
    loc = geo.event_location(text, _trigger(text, "shelling"), GeoContext(countries=["UKR"]))
    # GeoNames' only "Shumy" is an alternate name of a Crimean village, 500 km away
    assert loc is not None and loc.country == "UKR" and loc.lat is not None
    assert abs(loc.lat - 48.0) < 1.0 and abs(loc.lon - 38.0) < 1.5


def test_an_unknown_place_is_put_in_the_town_beside_it_before_a_country(geo) -> None:
    text = "The US forces advance towards Zawiyat Mansour suburb west of Al-Raqqah city."
    loc = geo.event_location(text, _trigger(text, "advance"), GeoContext(countries=["USA"]))
    # the US is a participant; the suburb is in Raqqa, not at the US's centre
    assert loc is not None and loc.country == "SYR" and loc.lat is not None
    assert abs(loc.lat - 35.95) < 0.2 and abs(loc.lon - 39.01) < 0.2


def test_words_outside_the_events_own_say_a_name_is_a_meetings(geo) -> None:
    # the event coder blanks the sentence's words that are not the event's (same offsets): the
    # whole sentence still tells that "Minsk" names the talks, not where the shelling was
    full = "Shelling killed six in Ukraine before the Minsk peace talks"
    kept = full.replace("peace talks", "           ")
    loc = geo.event_location(kept, _trigger(kept, "killed"), GeoContext(), full_text=full)
    assert loc is not None and loc.country == "UKR"
