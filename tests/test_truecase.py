"""Truecasing: shouting and Title Case headlines get ordinary case, names keep their capitals."""

from eventwire.truecase import is_shouting, is_title_case, truecase


def test_shouting_headline_is_sentence_cased_with_places_capitalised():
    assert truecase("TROOPS SHOT 20 DEAD IN BANGUI") == "Troops shot 20 dead in Bangui"


def test_ordinary_prose_is_unchanged():
    text = "UN chief Antonio Guterres said the talks in Geneva would resume on Monday."
    assert not is_title_case(text)
    assert truecase(text) == text


def test_title_case_headline_loses_capitals_on_its_event_words():
    text = "Warplanes Target A School In Idlib And Kill 4 Citizens"
    assert is_title_case(text)
    out = truecase(text)
    assert " target a school " in out
    assert " and kill 4 citizens" in out
    assert "Idlib" in out
    assert out.startswith("Warplanes")


def test_title_case_keeps_unknown_capitalised_words_which_may_be_names():
    out = truecase("Mahamat Deby Meets Opposition Leaders In Ndjamena")
    assert out.startswith("Mahamat Deby")


def test_title_case_keeps_a_multiword_group_name():
    out = truecase("Free Syrian Army Fighters Attack Regime Positions")
    assert out.startswith("Free Syrian Army")
    assert " attack " in out


def test_short_or_lower_case_text_is_not_title_case():
    assert not is_title_case("Kill Them")
    assert not is_title_case("the army shelled the town on Monday")
    assert not is_shouting("Troops Kill 20")


def test_title_case_keeps_acronyms():
    out = truecase("LRA Attack Kills Two In Ouadda, Haute-Kotto, CAR")
    assert out.endswith("CAR")
    assert out.startswith("LRA attack kills")


def test_a_sentence_with_a_dateline_is_not_a_title_case_headline():
    from eventwire.truecase import is_title_case

    assert not is_title_case("BEIJING, March 6 (Xinhua) -- Envoys met on Friday.")
    assert not is_title_case("Khartoum, Sudan – Fighting resumed on Sunday.")
    assert is_title_case("Warplanes Target A School in Jisr Al-Shughur City and Kill 4 Citizens")
