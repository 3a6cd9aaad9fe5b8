"""The event vocabularies parse, use only ontology labels, and match lemmas."""

from eventwire.events.lexicon import PLOVER_TYPES, Lexicon, split_lemmas


def test_every_trigger_row_has_a_plover_type_and_cameo():
    lex = Lexicon.load()
    assert len(lex.triggers) > 150
    for row in lex.triggers:
        assert row.event_type in PLOVER_TYPES
        assert row.cameo.isdigit(), row


def test_hyphenated_phrases_split_like_spacy():
    assert split_lemmas("cease-fire") == ("cease", "-", "fire")
    assert split_lemmas("open  fire") == ("open", "fire")


def test_trigger_matches_on_lemma(parser):
    lex = Lexicon.load()
    sent = parser("Militants attacked the convoy.")[:]
    row, length = lex.match_trigger(sent, 1)
    assert (row.event_type, length) == ("ASSAULT", 1)


def test_trigger_condition_separates_labour_strike_from_airstrike(parser):
    lex = Lexicon.load()
    labour = parser("Teachers went on strike over pay.")[:]
    military = parser("A strike on the village killed four.")[:]
    assert lex.match_trigger(labour, 3)[0].event_type == "PROTEST"
    assert lex.match_trigger(military, 1)[0].event_type == "ASSAULT"


def test_weapon_cue_prefers_the_most_specific(parser):
    lex = Lexicon.load()
    doc = parser("A suicide bomber detonated an explosive vest.")
    cue = lex.weapon_cue(list(doc))
    assert (cue.mode, cue.weapon) == ("suicide-attack", "suicide")


def test_cues_found_in_a_sentence(parser):
    lex = Lexicon.load()
    doc = parser("Police fired tear gas to disperse the protesters.")
    assert {"intervention", "protest"} <= lex.cues_in(doc[:])
