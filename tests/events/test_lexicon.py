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


def test_cameo_conventions_the_plover_gold_follows(parser):
    cases = [
        ("UN peacekeepers arrived in the valley to guard the camps.", "arrived", "AID"),
        ("The council deployed 2,000 peacekeepers to the border region.", "deployed", "AID"),
        ("The army deployed 2,000 soldiers to the border region.", "deployed", "MOBILIZE"),
        ("Jakarta sent troops to help villagers after the earthquake.", "sent", "AID"),
        ("The militia violated the truce within hours, firing mortars at the town.", "violated", "ASSAULT"),
        ("The junta withdrew from the regional economic bloc on Friday.", "withdrew", "SANCTION"),
        ("The rebels evacuated the hill town under the deal.", "evacuated", "RETREAT"),
        ("Quito and Lima normalized relations after the border war.", "normalized", "SUPPORT"),
        ("The senate voted down the disarmament pact.", "voted", "REJECT"),
        ("The foreign minister lashed out at the West over the embargo.", "lashed", "ACCUSE"),
        ("The militants ignored the army's ultimatum to surrender.", "ignored", "REJECT"),
        ("Fishermen petitioned the navy to reopen the bay.", "petitioned", "REQUEST"),
        ("The two envoys held discussions on prisoner swaps.", "discussions", "CONSULT"),
        ("The regime nationalized the mines owned by foreign firms.", "nationalized", "COERCE"),
        ("Guerrillas mortared the garrison at dawn.", "mortared", "ASSAULT"),
        ("Tax police raided the offices of the opposition newspaper.", "raided", "COERCE"),
        ("Several states recognized the exiled leader as head of state.", "recognized", "SUPPORT"),
        ("Moscow supplied helicopters to the government forces.", "supplied", "AID"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_a_stricken_place_was_not_struck(parser):
    assert _type_at(parser, "Relief flights reached the stricken province by air.", "stricken") is None


def test_who_blocks_a_road_and_whom_restrictions_bind(parser):
    cases = [
        ("Striking farmers blockaded the port road with tractors.", "blockaded", "PROTEST"),
        ("The navy blockaded the rebel-held port.", "blockaded", "COERCE"),
        ("The governor imposed restrictions on public meetings in the district.", "imposed", "COERCE"),
        ("Brussels imposed restrictions on imports of steel from the country.", "imposed", "SANCTION"),
        ("Pirates seized a fishing vessel and its crew off the coast.", "seized", "ASSAULT"),
        ("Customs officers seized a vessel carrying cigarettes.", "seized", "COERCE"),
        ("Air force planes dropped food to villages cut off by the floods.", "dropped", "AID"),
        ("Aid agencies set up tent camps for the displaced families.", "set", "AID"),
        ("Tehran expressed its willingness to resume the nuclear talks.", "willingness", "AGREE"),
        ("Donors cut off loans to the coup leaders.", "cut", "SANCTION"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_recognition_readiness_and_easing_rows(parser):
    cases = [
        ("Five states extended diplomatic recognition to the breakaway republic.", "recognition", "SUPPORT"),
        ("Coast guards turned back a boat carrying 80 asylum seekers.", "turned", "COERCE"),
        ("The ministry put its air defences on full alert after the incident.", "put", "MOBILIZE"),
        ("Soldiers removed the checkpoints around the refugee camp.", "removed", "RETREAT"),
        ("Washington announced a ban on arms sales to the junta.", "ban", "SANCTION"),
        ("Both armies abided by the truce over the holiday.", "abided", "RETREAT"),
        ("The neighbours resumed flights between their capitals.", "resumed", "COOPERATE"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_headline_conflict_rows(parser):
    cases = [
        ("Kurdish forces advance and seize two villages near Raqqa", "advance", "ASSAULT"),
        ("The air force dealt a heavy blow to rebel forces near Kidal.", "blow", "ASSAULT"),
        ("Government troops pushed back the militants near Marawi.", "pushed", "ASSAULT"),
        ("The death of a farmer by the bullets of border guards angered villagers.", "death", "ASSAULT"),
        ("A car rammed into the crowd outside the stadium.", "rammed", "ASSAULT"),
        ("Thousands held a silent march through the capital.", "march", "PROTEST"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text
    # not a strike: a blow to talks, a death told without violence
    assert _type_at(parser, "The vote dealt a blow to the peace talks.", "blow") is None
    assert _type_at(parser, "The death of the former president was announced.", "death") is None


def test_taking_people_is_no_taking_of_territory(parser):
    lex = Lexicon.load()
    town = parser("Troops captured the hill town after two days of fighting.")
    assert "territory_taken" in lex.cues_in(town[:])
    people = parser("Marines captured a senior gang leader along with many rifles.")
    assert "territory_taken" not in lex.cues_in(people[:])


def test_a_verb_and_its_object_match_with_words_between(parser):
    doc = parser("The two armies exchanged heavy fire across the border.")
    row, length = Lexicon.load().match_trigger(doc[:], 3)
    assert (row.event_type, row.mode, length) == ("ASSAULT", "firearms", 1)


def test_rows_that_cut_or_restore_ties_between_states(parser):
    cases = [
        ("The junta banned two foreign ministers from entering the country.", "banned", "SANCTION"),
        ("The cabinet terminated all agreements with the neighbouring state.", "terminated", "SANCTION"),
        ("Beijing added twelve defence firms to its export blacklist.", "added", "SANCTION"),
        ("Parliament voted for the country's withdrawal from the alliance.", "withdrawal", "SANCTION"),
        ("The rebels completed their withdrawal from the hill town.", "withdrawal", "RETREAT"),
        ("Austria imposed border checks on travellers from the south.", "imposed", "COERCE"),
        ("France reopened its embassy in the capital after ten years.", "reopened", "SUPPORT"),
        ("Engineers reopened the border crossing on Monday.", "reopened", "RETREAT"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_a_death_toll_is_counted_for_an_attack_not_a_walkout(parser):
    text = "The death toll from Sunday's strikes by the coalition rose to 41, medics said."
    assert _type_at(parser, text, "strikes") == "ASSAULT"


def test_rows_for_ships_taken_ties_cut_and_crowds_that_beat(parser):
    cases = [
        ("The coast guard stopped and boarded a tanker off the cape.", "boarded", "COERCE"),
        ("Naval guards stopped two vessels from leaving the harbour.", "stopped", "COERCE"),
        ("The ministry will cease all contact with the relief agency.", "cease", "SANCTION"),
        ("The minister was beaten by protesters outside parliament.", "beaten", "ASSAULT"),
        ("Two rockets were fired against the base from the hills.", "fired", "ASSAULT"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text
    assert _type_at(parser, "The home side beat the visitors on Sunday.", "beat") is None


def test_the_instrument_of_a_sentence_is_not_what_was_attacked(parser):
    lex = Lexicon.load()
    doc = parser("Insurgents attacked an air force base near the capital overnight.")
    assert lex.instrument_cue(doc[:]) is None or lex.instrument_cue(doc[:]).weapon != "air"
    doc = parser("Fighter jets carried out strikes on rebel positions near the capital.")
    assert lex.instrument_cue(doc[:]).weapon == "air"


def test_a_weapon_word_naming_the_target_is_no_means(parser):
    lex = Lexicon.load()
    sent = parser("The guards fired two missiles at an aircraft carrier in the gulf.")[:]
    assert lex.weapon_cue(list(sent)).weapon == "missile"
    assert lex.weapon_cue(list(parser("Drones hit a missile factory near the river.")[:])).weapon == "drone"
    assert lex.weapon_cue(list(parser("A projectile struck the tanker at dawn.")[:])).weapon == "missile"
    # "bombs fired" are mortar bombs, not a planted device
    assert lex.weapon_cue(list(parser("Bombs fired by the rebels hit a camp.")[:])).weapon == "shelling"
    assert (
        lex.weapon_cue(list(parser("The city came under a massive air attack overnight.")[:])).weapon == "air"
    )


def test_real_news_rows_for_launches_interceptions_closures_and_swaps(parser):
    cases = [
        ("The guards launched missiles at a destroyer in the ocean.", "launched", "ASSAULT"),
        ("The navy launched a missile into the sea off the east coast.", "launched", "MOBILIZE"),
        ("Air defence units shot down a reconnaissance drone near the border.", "shot", "COERCE"),
        ("Air defences destroyed 40 drones over the region overnight.", "destroyed", "COERCE"),
        ("The army said it downed 12 of 20 drones launched overnight.", "downed", "COERCE"),
        ("The navy seized a cargo ship in the gulf.", "seized", "COERCE"),
        ("The country fired a ballistic missile into the sea off its coast.", "fired", "MOBILIZE"),
        ("The rebels fired rockets into the town.", "fired", "ASSAULT"),
        ("The military government dissolved all political parties.", "dissolved", "COERCE"),
        ("Norway sends 50 million euros to the country to rebuild its grid.", "sends", "AID"),
        ("The country moved a squadron of fighter jets to the island.", "moved", "MOBILIZE"),
        ("An inquiry found the militia responsible for the massacre.", "found", "ACCUSE"),
        ("The junta ordered foreign troops to leave the country within a month.", "ordered", "SANCTION"),
        ("The minister ordered troops to the border region.", "ordered", "MOBILIZE"),
        ("The ministry ordered the consulate to close within a week.", "ordered", "SANCTION"),
        ("The country halted intelligence sharing with its ally.", "halted", "SANCTION"),
        ("The president stripped the visiting leader of the highest state honour.", "stripped", "SANCTION"),
        ("Washington announced new tariffs on imported steel.", "tariffs", "SANCTION"),
        ("Thousands of protesters surrounded the parliament building.", "surrounded", "PROTEST"),
        ("The ministry issued a travel ban for parts of the region.", "ban", "SANCTION"),
        ("The court found the officer guilty of treason.", "found", "SANCTION"),
        ("The president designated the kingdom a major ally of the alliance.", "designated", "SUPPORT"),
        ("The rebels seized the port city after a week of fighting.", "seized", "ASSAULT"),
        ("The army called off airstrikes because of a sandstorm.", "called", "CONCEDE"),
        ("The ministry ended its ban on the airline.", "ended", "CONCEDE"),
        ("Two countries opened consulates in the island's capital.", "opened", "SUPPORT"),
        ("Gunmen destroyed the clinic and the market.", "destroyed", "ASSAULT"),
        ("The minister announced the closure of the embassy in the capital.", "closure", "SANCTION"),
        ("The government announced the sudden closure of its eastern border.", "closure", "COERCE"),
        ("He ordered the indefinite suspension of weapon shipments to the army.", "suspension", "SANCTION"),
        ("The ministry expelled the chargé d'affaires Anna Berg on Monday.", "expelled", "SANCTION"),
        ("Two engineers were freed in exchange for a jailed smuggler.", "freed", "RETREAT"),
        ("The envoys held a series of diplomatic meetings in the capital.", "meetings", "CONSULT"),
        ("Several mortar rounds were fired toward the airport.", "fired", "ASSAULT"),
    ]
    for text, word, expected in cases:
        assert _type_at(parser, text, word) == expected, text


def test_a_hyphenated_recapture_is_the_government_regaining_ground():
    from eventwire.pipeline import code_text

    (event,) = code_text(
        "The army said its troops had re-captured the town of Wadi from the rebels.", published="2025-03-02"
    )
    assert event.acled.sub_event_type == "Government regains territory"


def test_a_rally_that_turned_on_its_opponents_is_violent(parser):
    lex = Lexicon.load()
    doc = parser("Marchers clashed with counter-protesters outside the court on Sunday.")
    assert "protest_violence" in lex.cues_in(doc[:])
    assert "protest_violence" not in lex.cues_in(parser("Counter-protesters gathered quietly nearby.")[:])
