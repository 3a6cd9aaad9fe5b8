"""Places in real news phrasing: names that are people, groups, agencies or meetings are not places;
an address puts a town in its country; oceans and island groups are regions."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def _trigger(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("The minister spoke by phone with Russian president Vladimir Putin about grain.", "Vladimir Putin"),
        ("A commander was killed in an ambush blamed on the Taliban.", "Taliban"),
        ("Two envoys met a delegation sent by the Houthis.", "Houthis"),
        ("The strike killed a senior figure in Hurras al-Din.", "Hurras"),
        ("Shells fell on the border, Agence France-Presse reported.", "Agence"),
        ("Ministers gathered at the Summit of Nordic Allies in Oslo.", "Summit"),
        ("A bomb went off near the Ramot Junction Mall in the city centre.", "Mall"),
        ("In Brussels, NATO Deputy Secretary General Anna Berg warned of threats.", "NATO"),
    ],
)
def test_people_groups_agencies_and_meetings_are_not_places(geo, text: str, not_a_place: str) -> None:
    assert not [m.text for m in geo.spot(text) if m.text.startswith(not_a_place) or m.text == not_a_place]


def test_a_town_that_shares_a_groups_name_is_still_a_place(geo) -> None:
    text = "Drones struck an oil depot in Azov overnight."
    assert [m.text for m in geo.spot(text)] == ["Azov"]


def test_a_town_written_with_its_country_is_in_that_country(geo) -> None:
    text = "A car bomb exploded in Tripoli, Lebanon, wounding nine."
    loc = geo.event_location(text, _trigger(text, "exploded"), GeoContext(countries=["LBY", "LBN"]))
    assert (loc.name, loc.country) == ("Tripoli", "LBN")


def test_where_armed_men_came_from_is_not_where_they_struck(geo) -> None:
    text = "Militants from Chad killed four herders."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext()) is None


def test_an_unknown_village_is_put_in_the_region_of_its_address(geo) -> None:
    text = "Raiders from Nigeria burned homes in Mbokala, Southwest Region, Cameroon."
    loc = geo.event_location(text, _trigger(text, "burned"), GeoContext(countries=["NGA", "CMR"]))
    assert (loc.text, loc.country, loc.admin1, loc.precision) == ("Mbokala", "CMR", "South-West", "region")


def test_a_small_towns_other_spelling_with_nothing_to_support_it_is_an_unknown_place(geo) -> None:
    # "Kech" is one of Ketsch's (Germany) alternate names; nothing in the sentence says Germany
    text = "A policeman died when a mine planted by insurgents exploded in Kech."
    loc = geo.event_location(text, _trigger(text, "exploded"), GeoContext())
    assert (loc.text, loc.country, loc.lat) == ("Kech", None, None)


def test_a_city_before_an_attack_noun_and_its_modifier_is_the_place(geo) -> None:
    text = "A Mogadishu truck bombing killed eleven."
    ents = [(2, 11, "GPE")]
    loc = geo.event_location(text, _trigger(text, "killed"), GeoContext(), ents=ents)
    assert (loc.name, loc.country) == ("Mogadishu", "SOM")


def test_oceans_are_regions_of_no_country(geo) -> None:
    text = "A navy patrol sank a smuggling boat in the Indian Ocean."
    loc = geo.event_location(text, _trigger(text, "sank"), GeoContext(countries=["USA"]))
    assert (loc.name, loc.country, loc.precision) == ("Indian Ocean", None, "region")


def test_an_island_group_is_a_region_not_the_country(geo) -> None:
    text = "Soldiers clashed with rebels in Mindanao on Sunday."
    loc = geo.event_location(text, _trigger(text, "clashed"), GeoContext(countries=["PHL"]))
    assert (loc.name, loc.country, loc.precision) == ("Mindanao", "PHL", "region")


def test_a_festivals_name_holds_no_village(geo) -> None:
    text = "Gunmen attacked the Sunrise music festival near Kfar Zohar."
    loc = geo.event_location(text, _trigger(text, "attacked"), GeoContext())
    assert loc is None or loc.text != "Sunrise"


def test_a_building_named_after_a_real_town_is_placed_at_the_town(geo) -> None:
    text = "Gunmen opened fire at the Davao Cathedral in Mindanao, Philippines."
    ents = [(22, 41, "ORG")]
    loc = geo.event_location(text, _trigger(text, "fire"), GeoContext(countries=["PHL"]), ents=ents)
    assert (loc.name, loc.precision) == ("Davao", "town")


@pytest.mark.parametrize(("name", "iso3"), [("West Bank", "PSE"), ("Darfur", "SDN")])
def test_a_region_that_can_stand_for_its_country_is_the_region(geo, name: str, iso3: str) -> None:
    loc = geo.resolve(name, GeoContext(countries=["ISR"]))
    assert (loc.name, loc.country, loc.precision) == (name, iso3, "region")


def test_a_country_naming_an_officials_office_is_not_the_events_place(geo) -> None:
    text = "On Friday, Chad President Mahamat Deby said a rebel chief was killed."
    assert [m.text for m in geo.spot(text)] == []


def test_a_capitalised_institution_is_not_an_unknown_place(geo) -> None:
    text = "Several aides in the Administration objected, officials said."
    assert [m.text for m in geo.spot(text)] == []


def test_a_far_spelling_is_not_believed_in_a_country_that_is_only_a_party(geo) -> None:
    # "Narmak" (a Tehran district) is a distant spelling of Norwalk; the US is a party, not the scene
    text = "A strike hit his home in Narmak."
    loc = geo.event_location(text, _trigger(text, "strike"), GeoContext(countries=["IRN", "ISR", "USA"]))
    assert (loc.text, loc.country) == ("Narmak", "IRN")


def test_a_country_owning_a_body_is_not_where_the_event_was(geo) -> None:
    text = "Drones killed a commander of Iran's Revolutionary Guard Corps on Friday."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext(countries=["IRN"])) is None
    text = "Air strikes hit Syria's Idlib province on Monday."
    loc = geo.event_location(text, _trigger(text, "hit"), GeoContext(countries=["SYR"]))
    assert loc is not None and loc.name == "Idlib"


def test_a_town_the_capital_of_a_region_is_the_place(geo) -> None:
    text = "A bomb went off at a market in Maiduguri, the capital of Borno state, on Saturday."
    loc = geo.event_location(text, _trigger(text, "went off"), GeoContext(countries=["NGA"]))
    assert loc is not None and loc.name == "Maiduguri"


def test_a_ministry_named_with_of_is_no_place(geo) -> None:
    assert not [m.text for m in geo.spot("Today the Department of State announced new sanctions.")]


def test_a_bracket_of_divisions_keeps_the_place_in_their_country(geo) -> None:
    # Lere is a Nigerian town; the bracket says this one is in Mali's Timbuktu region
    text = "On 4 October 2023, militants and soldiers exchanged fire near Lere (Niafunke, Timbuktu)."
    loc = geo.event_location(text, _trigger(text, "exchanged"), GeoContext(countries=["MLI"]))
    assert loc is not None and loc.country == "MLI" and loc.geo_precision == 2
