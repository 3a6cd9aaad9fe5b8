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


def test_spot_finds_places_the_small_model_mislabels(geo) -> None:
    text = "Government forces recaptured Saraqib as tanks pushed into Khan Younis."
    # the NER hints are wrong on purpose (what en_core_web_sm says): spotting does not trust them
    ents = [(29, 36, "ORG"), (58, 69, "PERSON")]
    assert [m.text for m in geo.spot(text, ents)] == ["Saraqib", "Khan Younis"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said Hope remained in May.",
        "Marwan Zalloum was killed.",  # a first name that is also a village
        "The SDF and the UN met.",  # acronyms that are also towns
        "Army officials spoke on Monday.",
    ],
)
def test_spot_ignores_common_words_names_and_acronyms(geo, text: str) -> None:
    assert [m.text for m in geo.spot(text)] == []


def test_spot_extends_to_curated_lower_case_features(geo) -> None:
    text = "Trucks waited at the Rafah crossing and on the M4 highway."
    assert [m.text for m in geo.spot(text)] == ["Rafah crossing", "M4 highway"]


def test_spot_takes_unknown_names_after_a_strong_cue(geo) -> None:
    mentions = geo.spot("Fighting continued in Maidemaville on Friday.")
    assert [(m.text, m.candidates) for m in mentions] == [("Maidemaville", ())]


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
