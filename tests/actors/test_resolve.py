"""Unit tests of one-phrase resolution and the ACLED inter adjustment."""

from __future__ import annotations

import pytest

from eventwire.actors import inter_code, resolve_actor, resolve_actor_detail
from eventwire.model import Actor


def test_backer_is_not_the_country_and_is_reported():
    found = resolve_actor_detail("Russian-backed Syrian forces")
    assert found is not None
    assert found.actor.country == "SYR"
    assert found.backers == ["RUS"]


def test_pro_government_backer_is_recorded():
    found = resolve_actor_detail("pro-government militia")
    assert found is not None and found.backers == ["GOVERNMENT"]
    assert (found.actor.sector, found.actor.inter) == ("PRM", 3)


@pytest.mark.parametrize("text", ["", "the", "yesterday", "male nurses' salaries rose", "Latin America"])
def test_non_actors_are_none_or_have_no_country(text):
    actor = resolve_actor(text)
    assert actor is None or actor.country is None


def test_lower_case_common_word_is_not_a_country():
    assert resolve_actor("chad") is None
    assert resolve_actor("Chad").country == "TCD"


def test_short_acronym_matches_only_in_capitals():
    assert resolve_actor("IS").name == "Islamic State"
    assert resolve_actor("is") is None


def test_nigerien_is_not_nigerian():
    assert resolve_actor("Nigerien soldiers").country == "NER"
    assert resolve_actor("Nigerian soldiers").country == "NGA"


def test_kurdish_is_not_a_country():
    assert resolve_actor("Kurdish protesters").country is None
    assert resolve_actor("Kurdish protesters", context_country="TUR").country == "TUR"


def test_head_noun_decides_sector():
    assert resolve_actor("Syrian soldiers").sector == "MIL"
    assert resolve_actor("Syrian opposition forces").sector == "REB"
    assert resolve_actor("Syrian rebel spokesman").sector == "REB"


def test_place_before_head_wins_over_place_after():
    assert resolve_actor("Turkish troops in Syria").country == "TUR"
    assert resolve_actor("UN envoy to Syria").country == "UNO"


def test_person_gives_country():
    actor = resolve_actor("President Erdogan")
    assert (actor.country, actor.sector) == ("TUR", "GOV")


def test_former_office_holder_is_elite():
    assert resolve_actor("former President Gbagbo").sector == "ELI"


def test_identity_militia_is_inter_4():
    assert resolve_actor("Fulani militia").inter == 4


def test_named_group_keeps_its_country_over_context():
    assert resolve_actor("al-Shabaab", context_country="KEN").country == "SOM"


def test_city_gives_country_when_nothing_else_does():
    assert resolve_actor("militias in Mosul").country == "IRQ"


def test_misspelt_country_is_corrected():
    assert resolve_actor("Ethopia").country == "ETH"


def test_inter_code_state_forces_abroad_are_external():
    turkish = resolve_actor("Turkish troops")
    assert inter_code(turkish, event_country="TUR") == 1
    assert inter_code(turkish, event_country="SYR") == 8
    assert inter_code(turkish, event_country=None) == 1


def test_inter_code_keeps_non_state_codes_and_international_forces():
    rebels = Actor(text="rebels", country="SYR", sector="REB", inter=2)
    assert inter_code(rebels, event_country="TUR") == 2
    un = resolve_actor("UN peacekeepers")
    assert inter_code(un, event_country="COD") == 8


def test_inter_code_fills_state_sector_without_inter():
    actor = Actor(text="ministry", country="SYR", sector="GOV")
    assert inter_code(actor, event_country="SYR") == 1


def test_troops_of_an_international_organisation_are_an_external_force():
    actor = resolve_actor("African Union troops")
    assert (actor.country, actor.sector, actor.inter) == ("IGO", "MIL", 8)


def test_a_linked_group_is_the_named_franchise():
    actor = resolve_actor("Islamic State-linked insurgents", context_country="MOZ")
    assert (actor.name, actor.country, actor.inter) == ("Islamic State", "IMG", 2)


def test_unknown_persons_are_an_unidentified_armed_group():
    actor = resolve_actor("Unknown persons", context_country="IND")
    assert (actor.country, actor.sector, actor.inter) == ("IND", "UAF", 3)


def test_a_government_abroad_is_still_its_state_but_troops_abroad_are_external():
    government = Actor(text="the Ethiopian government", country="ETH", sector="GOV", inter=1)
    troops = Actor(text="Ethiopian troops", country="ETH", sector="MIL", inter=1)
    assert inter_code(government, event_country="ZAF") == 1
    assert inter_code(troops, event_country="SOM") == 8
