"""Ranking candidates: context first, then prominence and a region's record of armed conflict."""

from __future__ import annotations

from eventwire.geo import get_geocoder
from eventwire.geo.context import GeoContext
from eventwire.geo.gazetteer import Place
from eventwire.geo.scoring import _conflict_regions, conflict_weight, rank


def _village(id: int, cc: str, iso3: str, admin1: str, population: int) -> Place:
    return Place(id, "Nova Balka", 48.0, 37.0, cc, iso3, admin1, None, population, "PPL", "town")


def test_a_village_in_a_region_at_war_wins_over_its_namesake_at_peace() -> None:
    donbas = _village(1, "UA", "UKR", "05", 900)  # Donetsk oblast
    west = _village(2, "UA", "UKR", "15", 1400)  # Lviv oblast, a little bigger
    assert rank([west, donbas], "Nova Balka", GeoContext(), ())[0] is donbas
    assert conflict_weight(donbas) > 0 and conflict_weight(west) == 0


def test_a_region_at_war_does_not_overrule_a_much_bigger_town() -> None:
    donbas = _village(1, "UA", "UKR", "05", 600)
    city = _village(2, "UA", "UKR", "15", 200_000)
    assert rank([donbas, city], "Nova Balka", GeoContext(), ())[0] is city


def test_a_whole_country_at_war_is_written_with_a_star() -> None:
    assert conflict_weight(_village(1, "SY", "SYR", "13", 0)) > 0


def test_every_conflict_region_is_a_real_first_level_division() -> None:
    gazetteer = get_geocoder().gazetteer
    for cc, admin1 in _conflict_regions():
        if admin1 != "*":
            assert gazetteer.admin1(cc, admin1) is not None, (cc, admin1)
