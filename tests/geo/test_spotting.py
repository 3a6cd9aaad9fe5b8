"""Spotting place names: what makes a capitalised name a place, on small explicit sentences."""

from __future__ import annotations

import pytest

from eventwire.geo import get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


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


def test_document_places_lists_placed_sub_national_names_most_mentioned_first() -> None:
    from eventwire.geo import get_geocoder

    text = "Shelling hit Saraqib. Later, strikes near Ariha and in Saraqib killed two. Syria said."
    places = get_geocoder().document_places(text)
    assert places[0] == "Saraqib" and "Ariha" in places
    assert "Syria" not in places  # countries are GeoContext.countries, not places


def test_french_locative_cues_spot_a_town() -> None:
    from eventwire.geo import get_geocoder

    text = "Centrafrique : plusieurs villages de Batangafo au nord attaqués"
    assert "Batangafo" in [m.text for m in get_geocoder().spot(text)]


def test_an_address_ending_in_a_country_marks_its_names_as_places(geo) -> None:
    text = "Weekly incident list | Mboki, Haut-Mbomou, Central African Republic"
    found = {m.text: m for m in geo.spot(text)}
    assert found["Haut-Mbomou"].locative
    assert "Mboki" in found


def test_a_headlines_present_tense_verb_puts_its_object_as_a_place(geo) -> None:
    text = "Government troops capture Mayadin from the militants"
    # the small model calls the town an organisation; a real town's own name as the object wins
    ents = [(26, 33, "ORG")]
    assert [m.text for m in geo.spot(text, ents)] == ["Mayadin"]


def test_a_town_in_an_armed_groups_name_is_not_a_place(geo) -> None:
    text = "Fighters of Jaysh Homs shelled Saraqib."
    # the small model calls Homs a place; "Jaysh" (army) opens the group's name
    assert [m.text for m in geo.spot(text, [(18, 22, "GPE")])] == ["Saraqib"]
    listed = "Shelling hit Talbiseh and Hayaat Tahrir Souriya fighters fired back"
    assert [m.text for m in geo.spot(listed)] == ["Talbiseh"]
