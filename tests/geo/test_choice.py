"""Which place is the event's, and which namesake a name means: the rules of issue 4, each on a
sentence written for the test."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder
from eventwire.geo.build import cache_path
from eventwire.geo.locate import headline_location


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def _place(geo, text: str, word: str, ents=None, context: GeoContext | None = None):
    start = text.index(word)
    return geo.event_location(text, (start, start + len(word)), context or GeoContext(), ents=ents)


# ---- which namesake ------------------------------------------------------------------------


def test_actor_codes_that_are_no_country_do_not_hide_a_real_town(geo) -> None:
    # "UN condemns attacks on Damara": UNO and IMG are actors' codes, not where anything is
    loc = geo.resolve("Damara", GeoContext(countries=["UNO", "IMG"]))
    assert loc is not None and loc.country == "CAF" and loc.lat is not None


def test_a_curated_conflict_place_is_believed_when_the_countries_come_from_foreign_actors(geo) -> None:
    loc = geo.resolve("Zamalka", GeoContext(countries=["RUS"]))  # "Russian strikes on Zamalka"
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_a_neighbouring_village_holding_the_name_only_as_an_alternate_is_not_taken(geo) -> None:
    # Jordan's Al Karamah is also called "Karama"; the Syrian report's Karama is an unknown village
    loc = geo.resolve("Karama", GeoContext(countries=["SYR"]))
    assert loc is not None and loc.country == "SYR" and loc.geonameid is None


def test_the_countries_of_well_known_places_in_the_sentence_are_its_context(geo) -> None:
    text = "Artillery shelled Madaya overnight while clashes went on in Daraa city."
    loc = _place(geo, text, "shelled")
    assert loc is not None and loc.text == "Madaya" and loc.country == "SYR"


def test_a_region_spelled_a_little_differently_still_gives_the_country(geo) -> None:
    text = "Aerial bombardment of the Timin area in Salara in Southern Kurdufan left four dead."
    loc = _place(geo, text, "left")
    assert loc is not None and loc.country == "SDN"


def test_a_curated_region_outranks_a_foreign_town_of_the_name(geo) -> None:
    loc = geo.resolve("Sinai", GeoContext())
    assert loc is not None and loc.country == "EGY"


def test_airport_codes_are_not_names_of_towns(geo) -> None:
    # GeoNames lists "BBY" among Bambari's names; in news it would be an organisation's acronym
    assert all(p.name != "Bambari" for p in geo.gazetteer.lookup("BBY"))


def test_the_index_name_follows_the_data_it_is_built_from() -> None:
    name = cache_path().name
    assert name.startswith("gazetteer-v") and len(name.split("-")) == 3


def test_a_region_named_after_its_town_is_the_region(geo) -> None:
    # GeoNames names it only "Bryanskaya oblast'": "the Bryansk region" is not Bryansk town
    text = "Drones struck a fuel depot in the Bryansk region overnight."
    loc = _place(geo, text, "struck")
    assert loc is not None and loc.precision == "region" and loc.country == "RUS"


# ---- what is a place ----------------------------------------------------------------------


def test_a_name_listed_after_a_placed_one_is_placed_even_when_the_parser_calls_it_an_org(geo) -> None:
    text = "Kyiv lost ground in fighting near Soledar and Siversk - Kadyrov"
    ents = [(text.index("Siversk"), len(text), "ORG")]
    found = {m.text: m for m in geo.spot(text, ents)}
    assert "Siversk" in found and found["Siversk"].near and found["Siversk"].candidates


def test_a_possessive_ends_a_name(geo) -> None:
    text = "Turkish soldiers died in clashes in Syria's al-Bab area."
    assert [m.text for m in geo.spot(text)] == ["Syria", "al-Bab"]


def test_a_named_part_of_a_town_after_its_possessive_is_the_place(geo) -> None:
    text = "Hundreds marched in Houston's Little Saigon neighborhood on Sunday."
    houston = "Houston"
    loc = _place(geo, text, "marched", ents=[(text.index(houston), text.index(houston) + 7, "GPE")])
    assert loc is not None and loc.text != houston


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Artillery Hit Middle of Homs City Overnight", "Hit"),  # title case: "Middle" is no place
        ("Shells Struck the Center of the Capital Damascus", "Struck"),
    ],
)
def test_common_words_in_title_case_are_not_places(geo, text: str, word: str) -> None:
    loc = _place(geo, text, word)
    assert loc is not None and loc.country == "SYR"


def test_a_person_and_his_age_are_not_a_place(geo) -> None:
    text = "A council member in Gaza, Ahmed Saleh, 52, was shot dead on Monday."
    loc = _place(geo, text, "shot")
    assert loc is not None and loc.text == "Gaza"


def test_an_identity_adjective_is_not_a_town(geo) -> None:
    text = "A car bomb exploded in the mostly-Kurdish town of Khanaqin, killing six."
    loc = _place(geo, text, "killing")
    assert loc is not None and loc.text == "Khanaqin"


def test_a_town_written_with_its_governorate_is_the_place(geo) -> None:
    text = "March 3rd 2017: (S210) Mayadin, Deir Ezzor governorate, Syria"
    ents = [(text.index("Mayadin"), text.index("Mayadin") + 7, "PERSON")]
    loc = headline_location(geo, text, ents=ents)
    assert loc is not None and loc.text == "Mayadin"


def test_a_place_naming_a_violent_event_places_it(geo) -> None:
    text = "Four dead in Ukraine after Kharkiv shelling"
    ents = [(13, 20, "GPE"), (27, 34, "GPE")]
    loc = _place(geo, text, "dead", ents=ents)
    assert loc is not None and loc.text == "Kharkiv"


def test_an_adjective_opening_a_headline_is_not_a_place(geo) -> None:
    text = "Fierce clashes rage in the countryside of Homs"
    loc = _place(geo, text, "clashes", ents=[(0, 6, "GPE")])
    assert loc is not None and loc.text == "Homs"


def test_a_big_city_as_a_verbs_object_is_a_place_whatever_the_parser_says(geo) -> None:
    text = "Government troops captured Kisangani after a week of fighting."
    start = text.index("Kisangani")
    loc = _place(geo, text, "captured", ents=[(start, start + 9, "PERSON")])
    assert loc is not None and loc.text == "Kisangani"


def test_a_country_in_an_organisations_name_is_not_where_it_acts(geo) -> None:
    text = "The Islamic State of Iraq and the Levant attacked army posts in the countryside of Hama."
    loc = _place(geo, text, "attacked")
    assert loc is not None and loc.text == "Hama"


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("Eleven died in the war-torn town of Hajin.", "ar-torn"),  # no name inside a word
        ("Mobs burned Rohingya Muslim homes in the state.", "Rohingya Muslim"),  # an identity
        ("Hundreds protested outside City Hall in Chicago.", "Hall"),
    ],
)
def test_words_that_are_not_places(geo, text: str, not_a_place: str) -> None:
    assert not_a_place not in [m.text for m in geo.spot(text)]


def test_far_before_a_direction_still_places(geo) -> None:
    text = "Rebels burned a village in far eastern Congo, killing nine."
    found = {m.text: m for m in geo.spot(text)}
    assert found["Congo"].locative


# ---- which place is the event's ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "place"),
    [
        # a region named inside the mention is wider than the town the sentence names
        ("Amid bombings in al-Raqqa Province, a car bomb exploded in Tabqa town.", "exploded", "Tabqa"),
        # "X region of Y" and "X, in Y": the smaller place, whichever comes first
        ("A mine wrecked a truck in the mountainous Shatoy region of southern Chechnya, killing two.",
         "killing", "Shatoy"),
        ("A bomb went off in the Nairobi suburb of Eastleigh, killing two.", "killing", "Eastleigh"),
        ("The blast in Calvi, in northern Corsica, destroyed four shops.", "destroyed", "Calvi"),
        # a building in a town is placed at the town
        ("Gunmen fired at guests outside the Grand Hotel in Warsaw.", "fired", "Warsaw"),
        # a town that is also a region's name is the town
        ("Thousands demonstrated in Sucre in support of Morales and his reforms.", "demonstrated", "Sucre"),
        # the town a sentence opens with, with only a bearing besides
        ("In Hilla, south of Baghdad, a policeman was killed by gunmen.", "killed", "Hilla"),
        # a bearing is a reference point while the sentence names a province
        ("Two soldiers were killed when a bomb hit their patrol in Diyala province, north of Baghdad.",
         "killed", "Diyala"),
        # a town named as a region ("the region of Gao") is the region, wider than a town near it
        ("A roadside bomb killed three soldiers near Menaka in the eastern region of Gao.", "killed",
         "Menaka"),
        # a place put only near another: the town the sentence names
        ("Saraqib fell to government troops near Idlib.", "fell", "Saraqib"),
    ],
)  # fmt: skip
def test_event_place(geo, text: str, word: str, place: str) -> None:
    loc = _place(geo, text, word)
    assert loc is not None and loc.text == place, loc


def test_a_name_that_is_part_of_an_actor_is_no_place():
    from eventwire.geo import get_geocoder

    geocoder = get_geocoder()
    for text in (
        "Fighters of the Iran-backed group attacked the post.",
        "The militia, which defends the Lendu community, attacked the camp.",
    ):
        assert not [m for m in geocoder.spot(text) if m.text in ("Iran", "Lendu")]


def test_an_acled_bracket_of_divisions_makes_the_name_before_it_the_place():
    from eventwire.pipeline import code_text

    text = "On 17 June 2024, insurgents attacked Mocimboa da Praia (Mocimboa da Praia, Cabo Delgado)."
    (attack,) = code_text(text, "2024-06-20")
    assert attack.location is not None and attack.location.country == "MOZ"


def test_a_meetings_place_is_not_where_another_event_happened(geo) -> None:
    text = "Six soldiers were killed in Mali on the eve of the Algiers peace talks."
    loc = _place(geo, text, "killed", context=GeoContext(countries=["MLI"]))
    assert loc is not None and loc.country == "MLI"
    # the talks themselves, or an event put at them, are there
    talks = _place(geo, text, "talks")
    assert talks is not None and talks.country == "DZA"
    signed = "The parties signed the deal at the Algiers talks."
    assert _place(geo, signed, "signed").country == "DZA"
