"""Resolving a mention to a place: context, plausibility abroad, unknown places."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Jordan", "JOR"), ("Georgia", "GEO"), ("China", "CHN"), ("U.S.", "USA")],
)
def test_country_names_resolve_to_the_country(geo, name: str, iso3: str) -> None:
    loc = geo.resolve(name, GeoContext())
    assert (loc.country, loc.precision, loc.geo_precision) == (iso3, "country", 3)


@pytest.mark.parametrize(("ctx", "iso3"), [("LBY", "LBY"), ("LBN", "LBN")])
def test_context_decides_between_places_of_one_name(geo, ctx: str, iso3: str) -> None:
    assert geo.resolve("Tripoli", GeoContext(countries=[ctx])).country == iso3


def test_dateline_country_is_context(geo) -> None:
    loc = geo.resolve("Tripoli", GeoContext(dateline="BEIRUT"))
    assert loc.country == "LBN"


def test_document_places_never_recurse_through_implausible_hints() -> None:
    # every hint's best candidate is implausible for a document about Syria (small and foreign):
    # placing the unknown name "within" them must end, at the document's country
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    ctx = GeoContext(countries=["SYR"], places=["Arbin", "Zangba", "Castelo"])
    loc = geo.resolve("Qqqxyzzy", ctx)
    assert loc is not None and loc.country == "SYR"


def test_a_foreign_namesake_gives_way_to_one_near_the_document_countries() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    # Myanmar's Madaya is bigger; a report about Hezbollah (Lebanon) means the Syrian town nearby
    loc = get_geocoder().resolve("Madaya", GeoContext(countries=["LBN"]))
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_a_real_town_is_believed_when_the_countries_come_from_actors() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    loc = get_geocoder().resolve("Manbij", GeoContext(countries=["USA"]))  # "U.S.-led strikes in Manbij"
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_a_tiny_foreign_namesake_is_still_an_unknown_local_place() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    loc = get_geocoder().resolve("Turba", GeoContext(countries=["SYR"]))  # not Turba in Estonia
    assert loc is not None and loc.country == "SYR" and loc.geonameid is None


def test_an_unknown_place_is_put_within_a_brief_reports_places_only() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    brief = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=["Saraqib"]))
    assert brief is not None and brief.lat is not None and brief.admin1  # at Saraqib, in Idlib
    places = ["Saraqib", "Aleppo", "Homs", "Hama", "Damascus"]  # a long article: anywhere
    long = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=places))
    assert long is not None and long.lat is None and long.country == "SYR"


def test_a_two_letter_dateline_is_no_country(geo) -> None:
    # a headline's "UN.-" read as a dateline: India's town "Un" must not become the context
    assert geo._dateline_country("Un.") is None
    loc = geo.resolve("Damara", GeoContext(dateline="Un."))
    assert loc is not None and loc.country == "CAF" and loc.precision == "town"


def test_a_foreign_namesake_is_not_taken_when_the_sentence_places_the_name(geo) -> None:
    text = "Shells fell on Husayniyah, a village in the countryside of Deir Ezzor."
    mentions = geo.spot(text)
    village = next(m for m in mentions if m.text == "Husayniyah")
    loc = geo.resolve(village, GeoContext(), hints=tuple(m for m in mentions if m is not village))
    # Egypt's Husayniyah is a real town, but the sentence's own place says Syria
    assert loc is not None and loc.country == "SYR" and loc.lat is not None
