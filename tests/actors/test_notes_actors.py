"""Actor phrases of ACLED-style notes: things that are no actors, ACLED's bracketed countries,
organs of a state, and armed groups kept apart."""

import pytest

from eventwire.actors import resolve_actor


@pytest.mark.parametrize(
    "phrase",
    ["EU fisheries policy", "the opposition leader's arrest", "the appointment of a new emir", "a tax bill"],
)
def test_a_thing_or_a_happening_is_no_actor_whatever_name_it_holds(phrase):
    assert resolve_actor(phrase) is None


def test_a_bracketed_country_names_the_chapter_of_a_group_active_in_several():
    assert resolve_actor("Dozo Communal Militia (Burkina Faso)").country == "BFA"
    assert resolve_actor("Police Forces of Kenya (2022-)").sector == "COP"


def test_a_transnational_group_keeps_its_code_whatever_the_brackets_say():
    assert resolve_actor("JNIM (Niger)").country == "IMG"


@pytest.mark.parametrize(
    ("phrase", "sector", "inter"),
    [
        ("Tunisian state security", "SPY", 1),
        ("Israeli air defences", "MIL", 1),
        ("the Counter Terrorism Department", "COP", 1),
        ("three nuns", "REL", 7),
        ("Labour Group (Ghana)", "LAB", None),
    ],
)
def test_organs_of_a_state_and_people_of_a_calling(phrase, sector, inter):
    actor = resolve_actor(phrase)
    assert (actor.sector, actor.inter) == (sector, inter)


def test_groups_once_listed_as_aliases_of_others_keep_their_own_names():
    assert resolve_actor("Los Lobos gang members").name == "Los Lobos"
    assert resolve_actor("Dawlah Islamiyah fighters").name == "Dawlah Islamiyah"
    assert resolve_actor("MNLF members").name == "Moro National Liberation Front"
    assert resolve_actor("IS-M insurgents").country == "MOZ"


def test_mai_mai_militias_are_political_militias():
    assert resolve_actor("Mai-Mai fighters").inter == 3


def test_a_political_party_is_its_country_s_party_and_its_members_are_civilians_to_acled():
    leader = resolve_actor("a BNP leader")
    assert (leader.country, leader.sector, leader.inter) == ("BGD", "PTY", 7)
    assert resolve_actor("Frelimo supporters").country == "MOZ"


def test_a_thief_is_no_organised_armed_group():
    assert resolve_actor("an alleged thief").inter == 7


def test_weapons_in_flight_stand_for_the_forces_that_launched_them():
    from eventwire.actors import struck

    hit = struck("six Iranian ballistic missiles")
    assert (hit.country, hit.sector) == ("IRN", "MIL")


def test_armed_people_of_a_community_are_a_communal_militia():
    herders = resolve_actor("armed herders")
    assert (herders.sector, herders.inter) == ("UAF", 4)
    assert resolve_actor("unarmed villagers").inter == 7


def test_an_army_named_after_a_people_is_a_rebel_army():
    army = resolve_actor("the Karen National Army")
    assert (army.sector, army.inter) == ("REB", 2)
    assert resolve_actor("the Somali National Army").sector == "MIL"


def test_rival_coalitions_are_two_actors_not_one():
    assert resolve_actor("G9 members").name != resolve_actor("G-Pep members").name
    assert resolve_actor("Meitei militants").name != resolve_actor("Kuki militants").name


def test_a_city_named_as_a_target_gives_a_country_but_no_side():
    city = resolve_actor("Kharkiv city")
    assert city is not None and city.country == "UKR" and city.name is None and city.sector is None
