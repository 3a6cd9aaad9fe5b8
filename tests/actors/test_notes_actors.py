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


def test_of_two_joined_forces_the_one_named_first_is_the_actor():
    # ACLED codes the second as an associated actor of the first
    actor = resolve_actor("army units of Niger and allied vigilantes")
    assert (actor.country, actor.sector, actor.inter) == ("NER", "MIL", 1)
    # one head shared by two nationality words stays one actor
    assert resolve_actor("Kenyan and Somali troops").sector == "MIL"
    assert resolve_actor("Hausa and Fulani militias").inter == 4


def test_islamic_state_provinces_active_in_several_countries_are_transnational():
    assert resolve_actor("ISSP fighters").country == "IMG"
    assert resolve_actor("IS-K gunmen").country == "IMG"


def test_a_national_security_service_is_a_state_organ():
    actor = resolve_actor("agents of the FSB")
    assert (actor.country, actor.sector, actor.inter) == ("RUS", "SPY", 1)


def test_an_armed_group_whose_name_ends_in_a_country_is_no_state():
    actor = resolve_actor("Tehreek-e-Jihad Pakistan militants")
    assert (actor.sector, actor.inter) == ("REB", 2)


def test_sna_troops_are_somali_soldiers_and_sna_fighters_syrian_rebels():
    assert resolve_actor("SNA troops").country == "SOM"
    assert resolve_actor("SNA fighters").country == "SYR"


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("CRPF jawans", "IND", "COP"),
        ("BSF troops", "IND", "MIL"),
        ("FC personnel", "PAK", "MIL"),
        ("LAF soldiers", "LBN", "MIL"),
        ("Chhatra League activists", "BGD", "PTY"),
        ("TMC supporters", "IND", "PTY"),
        ("PCC members", "BRA", "CRM"),
    ],
)
def test_forces_parties_and_gangs_named_by_their_acronyms(phrase, country, sector):
    actor = resolve_actor(phrase)
    assert (actor.country, actor.sector) == (country, sector)


def test_an_armed_groups_emir_is_the_group_and_a_states_emir_the_state():
    assert resolve_actor("an ISWAP emir").sector == "REB"
    assert resolve_actor("the emir of Kuwait").sector == "GOV"


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("a shop owner", "BUS"),
        ("a rights defender", "SOC"),
        ("a council candidate", "PTY"),
        ("a politician", "PTY"),
    ],
)
def test_victims_named_by_their_calling_are_civilians(phrase, sector):
    actor = resolve_actor(phrase)
    assert (actor.sector, actor.inter) == (sector, 7)
