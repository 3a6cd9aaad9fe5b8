"""Places in whole wire stories: divisions named after towns, rivers and seas, partial names,
unknown districts, bearings from a port and the two romanisations of Ukraine's villages."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder
from eventwire.geo.distance import destination, haversine_km


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def _place(geo, text: str, verb: str, ctx: GeoContext):
    start = text.index(verb)
    return geo.event_location(text, (start, start + len(verb)), ctx)


def test_a_township_named_after_a_town_is_placed_at_the_town_as_a_region(geo) -> None:
    text = "Soldiers torched a village in Kanbalu Township, Sagaing Region, on Monday, residents said."
    # the story's other country (its envoys met in Bangkok) does not make Sagaing implausible
    loc = _place(geo, text, "torched", GeoContext(countries=["THA"], places=["Bangkok"]))
    assert (loc.country, loc.precision) == ("MMR", "region")
    assert haversine_km(loc.lat, loc.lon, 23.20, 95.52) < 10  # Kanbalu town, not Sagaing's middle


def test_a_district_is_not_a_big_foreign_town_of_its_name(geo) -> None:
    text = "Soldiers torched a village in Kani District, Sagaing Region, on Monday, residents said."
    loc = _place(geo, text, "torched", GeoContext(places=["Bangkok"]))
    assert loc.country == "MMR"  # not Kani in Japan


def test_part_of_a_longer_name_is_not_a_town_abroad(geo) -> None:
    text = "Militiamen shelled the Abu Shouk camp, north of the city, on Sunday, aid workers said."
    loc = _place(geo, text, "shelled", GeoContext(countries=["SDN"]))
    assert loc is None or loc.country == "SDN"  # not Abu in India


def test_a_red_sea_port_town_is_not_in_sudans_red_sea_state(geo) -> None:
    text = "Gunmen killed a trader in the Red Sea port town of Mokha on Monday."
    loc = _place(geo, text, "killed", GeoContext(countries=["YEM"]))
    assert loc.country == "YEM"


def test_a_river_is_never_the_town_of_its_name(geo) -> None:
    text = "Troops clashed along the Dnipro River on Friday."
    loc = _place(geo, text, "clashed", GeoContext(countries=["UKR"]))
    assert (loc.text, loc.lat) == ("Dnipro River", None)  # the river, no point of it
    assert [m.text for m in geo.spot(text)] == ["Dnipro River"]


def test_an_unknown_district_is_in_the_province_the_story_named(geo) -> None:
    text = "A spokesman said jets bombed several villages in the Zarghunkhel district overnight."
    ctx = GeoContext(countries=["PAK", "AFG"], dateline="ISLAMABAD", places=["Paktika", "Islamabad", "Kabul"])
    loc = _place(geo, text, "bombed", ctx)
    assert (loc.country, loc.precision) == ("AFG", "region")
    assert loc.lat is not None


def test_a_ship_at_sea_is_placed_by_its_bearing_from_a_port(geo) -> None:
    text = "A drone hit a tanker in the Red Sea about 50 nautical miles west of Hodeidah on Monday."
    loc = _place(geo, text, "hit", GeoContext(countries=["YEM"]))
    assert loc.name == "Red Sea"
    # 50 nmi (93 km) west of Hodeidah, not the sea's middle 700 km away
    assert haversine_km(loc.lat, loc.lon, 14.80, 42.95 - 93 / 107.6) < 10


def test_destination_goes_the_distance_along_the_bearing() -> None:
    lat, lon = destination(10.0, 40.0, 100.0, 90.0)
    assert abs(haversine_km(10.0, 40.0, lat, lon) - 100.0) < 0.5 and lon > 40.0


@pytest.mark.parametrize(
    ("russian", "ukrainian"), [("Tsentralny", "Tsentralnyi"), ("Veseloe", "Vesele"), ("Krasnoe", "Krasne")]
)
def test_russian_romanisation_finds_the_ukrainian_spelled_village(geo, russian: str, ukrainian: str) -> None:
    found = geo.geocode(russian, country="UKR", limit=1)
    assert found and found[0].country == "UKR" and found[0].name == ukrainian


def test_the_town_of_a_name_is_the_populated_place(geo) -> None:
    text = "Rebels captured the town of Idlib after a week of fighting."
    loc = _place(geo, text, "captured", GeoContext(countries=["SYR"]))
    assert loc.precision == "town"


def test_a_capital_standing_for_its_state_is_no_place(geo) -> None:
    text = "Shells fell on the port as Kyiv's troops kept up their fire on the town."
    assert [m.text for m in geo.spot(text)] == []


def test_a_river_the_guns_fire_across_is_not_the_event_place(geo) -> None:
    text = "Artillery killed two men in the town of Beryslav as troops fired from across the Dnipro River."
    loc = _place(geo, text, "fired", GeoContext(countries=["UKR"]))
    assert loc.name == "Beryslav"
