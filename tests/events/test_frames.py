"""Frames: one event per happening, roles by PLOVER's rules, attribution, clause ownership."""

from eventwire.events.frames import find_frames, noun_phrase
from eventwire.events.lexicon import Lexicon


def frames_of(parser, text):
    return find_frames(parser(text)[:], Lexicon.load())


def roles(frame):
    return (
        [noun_phrase(t).text for t in frame.actor_heads],
        [noun_phrase(t).text for t in frame.recipient_heads],
    )


def test_instrument_and_fighting_merge_into_one_assault(parser):
    (frame,) = frames_of(parser, "Drone strikes in Idlib killed 21 Syrian soldiers in fighting.")
    assert frame.event_type == "ASSAULT"
    assert frame.mode == "drone"
    assert roles(frame) == ([], ["21 Syrian soldiers"])


def test_nationality_of_an_instrument_is_the_actor(parser):
    (frame,) = frames_of(parser, "Syrian airstrikes killed 34 Turkish fighters.")
    assert (frame.mode, frame.cameo) == ("aerial", "195")
    assert roles(frame) == (["Syrian"], ["34 Turkish fighters"])


def test_passive_agent_is_actor_and_subject_is_recipient(parser):
    (frame,) = frames_of(parser, "Three police officers were killed by gunmen in Peshawar.")
    assert roles(frame) == (["gunmen"], ["Three police officers"])


def test_light_verb_gives_the_actor_of_a_noun_event(parser):
    (frame,) = frames_of(parser, "Turkey had ramped up its attack on Syrian forces.")
    assert frame.event_type == "ASSAULT"
    assert roles(frame) == (["Turkey"], ["Syrian forces"])


def test_joint_announcement_of_a_ceasefire_is_an_agreement_between_the_parties(parser):
    frames = frames_of(parser, "Erdogan and Putin announced a cease-fire in the area.")
    (frame,) = [f for f in frames if f.event_type == "AGREE"]
    assert frame.mode == "ceasefire"
    assert roles(frame) == (["Erdogan"], ["Putin"])


def test_attribution_is_the_subject_of_the_saying_verb(parser):
    (frame,) = frames_of(parser, "Gunmen killed five villagers, police said on Tuesday.")
    assert frame.attribution.text == "police"


def test_subordinate_clause_is_its_own_event_with_its_own_tokens(parser):
    doc = parser("Turkey ramped up its attack on Sunday after Syrian airstrikes killed 34 soldiers.")
    frames = find_frames(doc[:], Lexicon.load())
    assert len(frames) == 2
    main = next(f for f in frames if f.trigger.text == "attack")
    sub = next(f for f in frames if f.trigger.text == "killed")
    words_main = {doc[i].text for i in main.tokens}
    words_sub = {doc[i].text for i in sub.tokens}
    assert "34" in words_sub and "34" not in words_main
    assert "Sunday" in words_main and "Sunday" not in words_sub


def test_content_of_a_request_is_not_a_separate_event(parser):
    frames = frames_of(parser, "The UN urged both sides to stop the fighting in Tigray.")
    assert [f.event_type for f in frames] == ["REQUEST"]


def test_anaphoric_mention_is_not_a_new_event(parser):
    frames = frames_of(parser, "Turkey said the strikes were justified.")
    assert frames == []


def test_no_trigger_no_event(parser):
    assert frames_of(parser, "Idlib is the final stronghold of opposition forces.") == []


# ---- roles ------------------------------------------------------------------------------


def main_frame(parser, text, event_type="ASSAULT"):
    return next(f for f in frames_of(parser, text) if f.event_type == event_type)


def test_them_is_the_people_named_before_not_their_place(parser):
    text = "Police exchanged fire with gang members in the suburb of Petion-Ville, killing three of them."
    frame = main_frame(parser, text)
    assert roles(frame)[1] == ["gang members"]


def test_sanctions_on_a_group_make_the_group_the_recipient(parser):
    frame = main_frame(parser, "The European Union imposed sanctions on six militia commanders.", "SANCTION")
    assert roles(frame) == (["The European Union"], ["six militia commanders"])


def test_partitive_victims_are_the_antecedent(parser):
    frame = main_frame(parser, "Troops pursued the attackers, killing two of them.")
    assert roles(frame)[1] == ["the attackers"]


def test_positions_of_a_force_name_the_force(parser):
    frame = main_frame(parser, "Militants attacked army positions near the border on Monday.")
    assert roles(frame) == (["Militants"], ["army"])


def test_a_camp_stands_for_the_people_in_it(parser):
    frame = main_frame(parser, "Gunmen attacked a camp for displaced people in the north.")
    assert roles(frame) == (["Gunmen"], ["displaced people"])


def test_a_shell_fired_from_rebel_positions_was_fired_by_the_rebels(parser):
    frame = main_frame(parser, "A mortar shell fired by the insurgents hit a market, killing two children.")
    assert roles(frame) == (["the insurgents"], ["two children"])


def test_territory_taken_after_fighting_is_taken_from_the_opponent(parser):
    frame = main_frame(parser, "The rebels captured the town after two weeks of fighting with the military.")
    assert roles(frame)[1] == ["the military"]


def test_rival_factions_fight_each_other(parser):
    frame = main_frame(parser, "Gunmen from rival factions of the cartel clashed in the city on Thursday.")
    assert roles(frame)[0] == roles(frame)[1] != []


def test_spokesman_pronoun_continues_the_previous_subject(parser):
    doc = parser(
        "The rebel spokesman spoke to reporters on Sunday. He threatened further attacks on the army."
    )
    second = list(doc.sents)[1]
    frame = next(f for f in find_frames(second, Lexicon.load()) if f.event_type == "THREATEN")
    assert [noun_phrase(t).text for t in frame.actor_heads] == ["The rebel spokesman"]


def test_the_owner_of_its_forces_is_the_actor(parser):
    frame = main_frame(parser, "The army said its forces shelled the village overnight.")
    assert roles(frame)[0] == ["The army"]


def test_who_carried_out_a_condemned_strike_is_accused(parser):
    text = "The Secretary-General condemned the air strike carried out by the military on a village."
    frame = main_frame(parser, text, "ACCUSE")
    assert roles(frame)[1] == ["the military"]


def test_weapons_dropped_on_positions_hit_their_holders(parser):
    frame = main_frame(parser, "Russian forces dropped grenades containing gas on Ukrainian positions.")
    assert roles(frame) == (["Russian forces"], ["Ukrainian positions"])


def test_territory_retaken_from_a_group_is_taken_from_the_group(parser):
    frame = main_frame(
        parser, "Nigerian troops recaptured Marte in Borno state from ISWAP fighters on Friday."
    )
    assert roles(frame) == (["Nigerian troops"], ["ISWAP fighters"])


def test_second_side_coordinated_inside_the_first_sides_phrase(parser):
    text = "Fighters from the M23 rebel group and Congolese troops fought on Tuesday."
    frame = main_frame(parser, text)
    assert roles(frame)[1] == ["Congolese troops"]


def test_a_raised_passive_subject_is_the_actor(parser):
    frame = main_frame(parser, "President Zelenskiy is expected to visit Washington on Thursday.", "CONSULT")
    assert roles(frame)[0] == ["President Zelenskiy"]


def test_things_destroyed_belong_to_who_laid_them(parser):
    text = "Soldiers destroyed a minefield of 15 landmines laid by FARC dissidents on Tuesday."
    frame = next(f for f in frames_of(parser, text) if f.trigger.text == "destroyed")
    assert roles(frame)[1] == ["FARC dissidents"]


def types_of(parser, text):
    return [f.event_type for f in frames_of(parser, text)]


def test_harm_promised_on_a_condition_is_a_threat(parser):
    text = "The minister said they would cut fuel supplies to the province unless it paid."
    (frame,) = frames_of(parser, text)
    assert (frame.event_type, frame.mode) == ("THREATEN", "restrict")


def test_readiness_to_harm_is_a_threat(parser):
    text = "The junta announced that it was prepared to impose martial law in the north."
    assert "THREATEN" in types_of(parser, text)
    assert "COERCE" not in types_of(parser, text)


def test_the_harm_itself_stays_when_no_condition_is_set(parser):
    assert types_of(parser, "The government cut fuel supplies to the province on Monday.") == ["COERCE"]


def test_cooperation_declared_not_forthcoming_is_a_rejection(parser):
    (frame,) = frames_of(parser, "The ministry said it would not release the prisoners.")
    assert frame.event_type == "REJECT"


def test_a_participle_keeps_the_event_its_noun_heads(parser):
    # the noun a participle modifies is its own subject, not another event's participant
    (frame,) = frames_of(parser, "A fresh wave of shelling claiming the lives of four farmers near Kherson.")
    assert frame.event_type == "ASSAULT"


def test_the_dead_of_an_intransitive_verb_are_its_victims(parser):
    (frame,) = frames_of(parser, "Two shepherds died in the shelling of their village.")
    assert roles(frame) == ([], ["Two shepherds"])


def test_a_detained_persons_state_is_not_an_arrest(parser):
    text = "The militants said they would free the hostages if the government released their jailed leader."
    assert "COERCE" not in types_of(parser, text)


def test_an_outcome_the_parser_hangs_on_said_joins_the_attack(parser):
    text = "Gunmen stormed a market in the town on Friday, killing at least nine traders, police said."
    assert types_of(parser, text) == ["ASSAULT"]


def test_a_party_announcing_harm_it_will_do_threatens_it(parser):
    assert types_of(parser, "The rebels said they would attack the town on Monday.") == ["THREATEN"]
    # a warning about what others will do is no threat by the speaker
    assert types_of(parser, "The army said the rebels would attack the town.") == ["ASSAULT"]


def test_a_trailing_said_hung_under_the_event_still_attributes_it(parser):
    text = (
        "A drone attack targeted a base near the airport late Saturday, the provincial governor said, "
        "the third such attack this week."
    )
    frame = next(f for f in frames_of(parser, text) if f.event_type == "ASSAULT")
    assert frame.attribution is not None and frame.attribution.text == "the provincial governor"
    (other,) = frames_of(parser, "Rebels attacked the town and the army said it repelled them.")[:1]
    assert other.attribution is None or other.attribution.text != "the army"


def test_an_adjective_before_the_count_is_not_part_of_the_victims(parser):
    from eventwire.events.frames import noun_phrase as np_of

    doc = parser("Gunmen shot dead two farmers in Benue on Monday.")
    farmers = next(t for t in doc if t.text == "farmers")
    assert np_of(farmers).text == "two farmers"


def test_people_described_by_a_participle_are_no_new_event(parser):
    # "captured" and "wounded" say what state the people are in; the sentence reports the handover
    types = [f.event_type for f in frames_of(parser, "The militia freed the captured pilots on Sunday.")]
    assert types == ["RETREAT"]
    types = [f.event_type for f in frames_of(parser, "Medics evacuated the wounded villagers to Gulu.")]
    assert types == ["AID"]


def test_an_event_named_after_a_time_or_cause_preposition_is_background(parser):
    text = "The observers suspended their mission after the shelling."
    assert "ASSAULT" not in [f.event_type for f in frames_of(parser, text)]
    types = [f.event_type for f in frames_of(parser, "The defence minister resigned over the botched raid.")]
    assert types == ["RETREAT"]


def test_what_is_lifted_or_threatened_is_not_reported_as_happening(parser):
    lifted = frames_of(parser, "The coalition lifted its blockade of the harbour on Monday.")
    assert "COERCE" not in [f.event_type for f in lifted]
    warned = frames_of(parser, "The insurgents warned of further bombings before the vote.")
    assert [f.event_type for f in warned] == ["THREATEN"]
