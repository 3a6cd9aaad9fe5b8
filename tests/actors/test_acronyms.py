"""actors.acronyms: the acronyms a document defines for itself."""

from eventwire.actors.acronyms import defined_acronyms, expand


def test_a_bracketed_acronym_after_a_name_is_a_definition():
    text = "the Malian Armed Forces (FAMa) said. Later, FAMa aircraft struck a camp."
    assert defined_acronyms(text) == {"FAMa": "the Malian Armed Forces"}
    ttp = "Tehreek-e-Taliban Pakistan"
    assert defined_acronyms(f"{ttp} (TTP) fighters") == {"TTP": ttp}


def test_datelines_and_credits_are_not_definitions():
    assert defined_acronyms("PORT SUDAN (AFP) - Shelling hit the city.") == {}
    assert defined_acronyms("Photo by John Smith (Reuters)") == {}


def test_expand_replaces_a_defined_acronym_as_a_word():
    acronyms = {"FAMa": "the Malian Armed Forces"}
    assert expand("FAMa aircraft", acronyms) == "the Malian Armed Forces aircraft"
    assert expand("Famagusta police", acronyms) is None
