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


def _first_match(lex, sent):
    for i in range(len(sent)):
        found = lex.match_trigger(sent, i)
        if found is not None:
            return sent[i].text, found[0]
    return None, None


def test_armed_subject_condition_separates_a_beating_from_a_sports_result(parser):
    lex = Lexicon.load()
    word, row = _first_match(lex, parser("Soldiers beat and severely injured dozens of marchers.")[:])
    assert (word, row.event_type, row.mode) == ("beat", "ASSAULT", "beat")
    assert _first_match(lex, parser("Arsenal beat Chelsea at home.")[:]) == (None, None)


def test_subject_role_column_defaults_to_actor():
    lex = Lexicon.load()
    assert {row.subject_role for row in lex.triggers} <= {"actor", "recipient"}
    assert all(row.subject_role == "actor" for row in lex.triggers_for("kill"))


def test_unlisted_condition_kind_is_an_error():
    import pytest

    from eventwire.errors import ResourceError
    from eventwire.events.lexicon import _parse_needs

    assert _parse_needs("subj=@armed") == (("subj", frozenset({"@armed"})),)
    with pytest.raises(ResourceError):
        _parse_needs("subject=soldier")


def test_rows_for_events_told_without_a_conflict_verb(parser):
    lex = Lexicon.load()
    cases = {
        "Ethiopia cut mobile internet in the region.": ("cut", "COERCE"),
        "The foreign minister arrived in Moscow for talks.": ("arrived", "CONSULT"),
        "MSF opened a cholera treatment centre in the camp.": ("opened", "AID"),
        "The troops began annual military exercises near the border.": ("exercises", "MOBILIZE"),
    }
    for text, (word, event_type) in cases.items():
        found, row = _first_match(lex, parser(text)[:])
        assert (found, row.event_type if row else None) == (word, event_type), text


def test_rows_keep_ordinary_uses_out(parser):
    lex = Lexicon.load()
    for text in ("The minister arrived in Moscow on Monday.", "The company opened a new office."):
        assert _first_match(lex, parser(text)[:]) == (None, None), text


def _frames(parser, text):
    from eventwire.events.frames import find_frames

    return find_frames(parser(text)[:], Lexicon.load())


def test_headline_verb_parsed_as_a_noun_still_gives_one_event(parser):
    for text in ("17 airstrikes target areas in Idlib countryside", "ISIS attacks locations of the regime"):
        frames = _frames(parser, text)
        assert [f.event_type for f in frames] == ["ASSAULT"], text


def test_a_noun_compound_in_an_ordinary_sentence_is_no_headline_verb(parser):
    frames = _frames(parser, "Attack helicopters flew over the city on Monday.")
    assert frames == []


def test_irregular_past_tense_finds_its_lemma(parser):
    (frame,) = _frames(parser, "Philippine troops retook Marawi city from the militants.")
    assert (frame.event_type, frame.trigger.text) == ("ASSAULT", "retook")


def test_two_verbs_sharing_subject_and_object_are_one_event(parser):
    (frame,) = _frames(parser, "Soldiers beat and severely injured dozens of marchers in Kampala.")
    assert frame.event_type == "ASSAULT"
    shelled, bombed = _frames(parser, "Russian troops shelled Kharkiv and bombed Izium on Monday.")
    assert (shelled.trigger.text, bombed.trigger.text) == ("shelled", "bombed")


def test_a_weapon_that_was_hit_is_not_the_means(parser):
    lex = Lexicon.load()

    def mode(text: str) -> str | None:
        cue = lex.instrument_cue(parser(text)[:])
        return cue.mode if cue else None

    assert mode("The raids hit a radar station and a drone storage depot.") is None
    assert mode("Rebels overran a drone depot near the base, killing two guards.") is None
    assert mode("Russia launched drones at Kyiv overnight, killing two people.") == "drone"
    assert mode("Four soldiers were killed when a roadside bomb struck their vehicle.") == "explosives"


def _type_at(parser, text, word):
    sent = parser(text)[:]
    i = next(t.i for t in sent if t.text == word)
    found = Lexicon.load().match_trigger(sent, i)
    return found[0].event_type if found else None


def test_diplomatic_and_coercive_rows_follow_cameo(parser):
    cases = [
        ("Riot police took the union leader into custody on Friday.", "took", "COERCE"),
        ("Customs officers impounded a cargo ship carrying rifles.", "impounded", "COERCE"),
        ("The interior ministry outlawed the opposition party.", "outlawed", "COERCE"),
        ("The bloc suspended the country from its councils.", "suspended", "SANCTION"),
        ("Shopkeepers launched a boycott of French goods.", "boycott", "SANCTION"),
        ("Students announced a boycott of classes.", "boycott", "PROTEST"),
        ("The two governments concluded a treaty on water sharing.", "concluded", "AGREE"),
        ("Both armies observed the truce overnight, monitors said.", "observed", "RETREAT"),
        ("The two ministers struck a deal on grain exports.", "struck", "AGREE"),
        ("Russian troops struck the district 40 times in a day.", "struck", "ASSAULT"),
        ("The navy test-fired a cruise missile.", "fired", "MOBILIZE"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_a_death_is_an_event_only_with_violence_near(parser):
    assert _type_at(parser, "A farmer died in the shelling of the village.", "died") == "ASSAULT"
    assert _type_at(parser, "The former minister died in hospital after a long illness.", "died") is None


def test_a_named_person_released_is_a_release(parser):
    assert _type_at(parser, "The kidnappers released Maria Lopez on Sunday.", "released") == "RETREAT"
    assert _type_at(parser, "The ministry released a statement on Sunday.", "released") is None


def test_a_passive_puts_the_light_verb_after_its_noun(parser):
    text = "An agreement on prisoner visits was reached by the two sides."
    assert _type_at(parser, text, "agreement") == "AGREE"
    assert _type_at(parser, "Talks between the two delegations were held in Geneva.", "Talks") == "CONSULT"


def test_who_is_withdrawn_or_who_throws_decides_the_type(parser):
    cases = [
        ("The UN pulled its peacekeepers out of the district.", "pulled", "SANCTION"),
        ("The army pulled its troops out of the district.", "pulled", "RETREAT"),
        ("Hundreds of students stoned the embassy.", "stoned", "PROTEST"),
        ("Militants stoned a woman to death.", "stoned", "ASSAULT"),
        ("The two police forces launched a joint investigation.", "investigation", "COOPERATE"),
        ("The prosecutor launched an investigation into the killings.", "investigation", "ACCUSE"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_a_weapon_word_in_a_place_name_is_no_weapon(parser):
    lex = Lexicon.load()
    sent = parser("Security forces raided a compound in Tank district, killing five militants.")[:]
    assert lex.weapon_cue(list(sent)) is None
    assert lex.weapon_cue(list(parser("Russia launched Shahed drones at Kyiv.")[:])).mode == "drone"
