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


def test_document_places_never_recurse_through_implausible_hints() -> None:
    # every hint's best candidate is implausible for a document about Syria (small and foreign):
    # placing the unknown name "within" them must end, at the document's country
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    ctx = GeoContext(countries=["SYR"], places=["Arbin", "Zangba", "Castelo"])
    loc = geo.resolve("Qqqxyzzy", ctx)
    assert loc is not None and loc.country == "SYR"


def test_document_places_lists_placed_sub_national_names_most_mentioned_first() -> None:
    from eventwire.geo import get_geocoder

    text = "Shelling hit Saraqib. Later, strikes near Ariha and in Saraqib killed two. Syria said."
    places = get_geocoder().document_places(text)
    assert places[0] == "Saraqib" and "Ariha" in places
    assert "Syria" not in places  # countries are GeoContext.countries, not places


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


def test_headline_prefers_a_named_town_to_a_countryside() -> None:
    from eventwire.geo import get_geocoder
    from eventwire.geo.locate import headline_location

    text = "Shelling targets the countryside of Homs and casualties in Daraa city"
    loc = headline_location(get_geocoder(), text)
    assert loc is not None and loc.text == "Daraa"


def test_french_locative_cues_spot_a_town() -> None:
    from eventwire.geo import get_geocoder

    text = "Centrafrique : plusieurs villages de Batangafo au nord attaqués"
    assert "Batangafo" in [m.text for m in get_geocoder().spot(text)]


def test_an_unknown_place_is_put_within_a_brief_reports_places_only() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    brief = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=["Saraqib"]))
    assert brief is not None and brief.lat is not None and brief.admin1  # at Saraqib, in Idlib
    places = ["Saraqib", "Aleppo", "Homs", "Hama", "Damascus"]  # a long article: anywhere
    long = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=places))
    assert long is not None and long.lat is None and long.country == "SYR"
