"""The place of a headline: the most specific place it names."""

from __future__ import annotations

import pytest

from eventwire.geo import get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def test_headline_prefers_a_named_town_to_a_countryside() -> None:
    from eventwire.geo import get_geocoder
    from eventwire.geo.headline import headline_location

    text = "Shelling targets the countryside of Homs and casualties in Daraa city"
    loc = headline_location(get_geocoder(), text)
    assert loc is not None and loc.text == "Daraa"


def test_a_headline_that_opens_with_its_place_is_placed_there(geo) -> None:
    from eventwire.geo.headline import headline_location

    loc = headline_location(geo, "Kaga-Bandoro sous tension après une nuit de tirs")
    assert loc is not None and loc.name == "Kaga-Bandoro" and loc.country == "CAF"
    topic = headline_location(geo, "Vakaga : une patrouille prise dans une embuscade")
    assert topic is not None and topic.country == "CAF" and topic.precision == "region"
    assert headline_location(geo, "Will Smith wins an award") is None


def test_a_namesake_abroad_is_not_taken_when_the_headline_names_the_country(geo) -> None:
    from eventwire.geo.headline import headline_location

    # Goya is a town in Argentina; this headline's village is in the country it names
    loc = headline_location(geo, "Centrafrique : Goya, un village pillé par des hommes armés")
    assert loc is not None and loc.country == "CAF"


def test_a_headline_naming_only_a_country_is_placed_at_a_town_of_that_country(geo) -> None:
    from eventwire.geo.headline import headline_location

    # French, no locative the spotter trusts ("de Douentza"): the named country makes it a place
    loc = headline_location(geo, "Mali : les habitants de Douentza fuient les combats")
    assert loc is not None and loc.name == "Douentza" and loc.country == "MLI"
    # the country's own name opening the headline is not China's town "Mali"
    loc = headline_location(geo, "Mali : une patrouille prise dans une embuscade")
    assert loc is not None and loc.country == "MLI" and loc.precision == "country"
