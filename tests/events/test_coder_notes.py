"""ACLED-note phrasing: coded tolls, unopposed takeovers, recruitment, crowd arson, two-sided clashes.

Sentences are the project's own, written in the style of ACLED's notes field (gold/coder_notes.jsonl
measures the same behaviours on held-out notes)."""

from eventwire.casualties import coded_toll, extract_casualties
from eventwire.pipeline import code_text


def main(text: str, published: str):
    events = code_text(text, published)
    assert events, text
    return max(events, key=lambda e: (e.confidence, e.quad_class == 4))


def test_a_coded_figure_in_the_same_sentence_stands_over_the_reported_range():
    killed = extract_casualties("Reports ranged from 20 to 60 dead; fatalities coded as 20.").killed
    assert (killed.best, killed.low, killed.high) == (20, 20, 60)
    assert coded_toll("Fatalities were coded at four (as per methodology).").best == 4
    assert coded_toll("Fatalities unknown.") is None


def test_a_coded_figure_told_in_its_own_sentence_is_the_toll_of_the_event_before_it():
    text = (
        "On 4 May 2024, Ansar Allah forces and government troops clashed near Hays (Al Hudaydah). "
        "Fatalities coded as 6."
    )
    clash = main(text, "2024-05-07")
    assert clash.fatalities is not None and clash.fatalities.best == 6


def test_kia_before_a_noun_is_the_kachin_army_not_a_toll():
    text = "On 3 May 2024, junta jets bombed KIA positions near Waingmaw (Kachin). No deaths were reported."
    assert extract_casualties(text).killed is None or extract_casualties(text).killed.best == 0
    assert extract_casualties("The brigade reported two KIA and four WIA near Bakhmut.").killed.best == 2


def test_an_armed_group_entering_a_town_without_resistance_is_a_non_violent_transfer():
    text = "On 6 May 2024, al-Shabaab fighters entered Ceel Dheer (Galgaduud) without resistance."
    e = main(text, "2024-05-08")
    assert e.acled is not None and e.acled.sub_event_type == "Non-violent transfer of territory"


def test_a_recruitment_opened_is_a_change_to_group_activity():
    text = "On 3 June 2024, the army opened a recruitment of militia volunteers in Kaya (Centre-Nord)."
    e = main(text, "2024-06-05")
    assert e.event_type == "MOBILIZE"
    assert e.acled is not None and e.acled.sub_event_type == "Change to group/activity"


def test_a_crowd_burning_an_office_in_protest_is_a_violent_demonstration():
    text = (
        "On 2 June 2024, supporters of a defeated candidate burned the electoral office in Kindia "
        "in protest."
    )
    e = main(text, "2024-06-04")
    assert e.acled is not None and e.acled.sub_event_type == "Violent demonstration"


def test_one_phrase_naming_both_sides_of_a_clash_gives_both_sides():
    e = main("On 9 May 2024, Hausa and Fulani militias clashed near Birnin Gwari (Kaduna).", "2024-05-11")
    assert e.acled is not None and e.acled.sub_event_type == "Armed clash"
    assert e.acled.interaction == 44


def test_a_force_leaving_its_own_base_hands_it_to_the_other_side():
    text = (
        "On 2 May 2024, Kenyan troops withdrew from their camp in Dhobley (Lower Juba), and "
        "al-Shabaab militants took over the area without fighting."
    )
    events = code_text(text, "2024-05-04")
    retreat = next(e for e in events if e.event_type == "RETREAT")
    assert retreat.recipient is not None and retreat.recipient.sector == "REB"


def test_a_closing_sentence_that_is_only_a_toll_is_the_toll_of_the_event_before_it():
    text = "On 8 May 2024, AA fighters clashed with junta troops near Maungdaw (Rakhine). 9 fatalities."
    assert main(text, "2024-05-10").fatalities.best == 9
    text = "On 8 May 2024, AA fighters clashed with junta troops near Maungdaw (Rakhine). Fatalities: 4."
    assert main(text, "2024-05-10").fatalities.best == 4


def test_a_coders_tag_is_no_event():
    text = (
        "On 5 May 2024, ruling party youths beat up an opposition candidate in Ngozi (Ngozi). "
        "[women targeted: Candidates for office]"
    )
    events = code_text(text, "2024-05-07")
    assert not any(e.trigger == "targeted" for e in events)
    assert not any(e.recipient is not None and "Candidates" in e.recipient.text for e in events)


def test_cattle_rustling_is_looting():
    text = "On 2 March 2024, armed bandits rustled 150 cattle from Fulani herders near Anka (Zamfara)."
    e = main(text, "2024-03-04")
    assert e.acled is not None and e.acled.sub_event_type == "Looting/property destruction"


def test_air_defences_downing_foreign_missiles_is_disrupted_weapons_use_against_that_state():
    text = "On 6 May 2024, Ukrainian air defences intercepted 5 Russian missiles over Odesa (Odesa)."
    e = main(text, "2024-05-08")
    assert e.acled is not None and e.acled.sub_event_type == "Disrupted weapons use"
    assert e.acled.interaction == 18


def test_two_peoples_fighting_are_their_communal_militias():
    e = main("On 4 May 2024, Dinka and Nuer clashed near Bor (Jonglei). 5 people were killed.", "2024-05-06")
    assert e.acled is not None and (e.acled.sub_event_type, e.acled.interaction) == ("Armed clash", 44)


def test_a_people_attacking_villagers_is_an_identity_militia_and_its_victims_civilians():
    e = main("On 4 May 2024, Fulani attacked Dogon villagers near Bankass (Mopti), killing 7.", "2024-05-06")
    assert e.acled is not None and (e.acled.sub_event_type, e.acled.interaction) == ("Attack", 47)


def test_a_strike_on_a_city_is_not_a_strike_on_its_state_s_army():
    e = main("On 3 May 2024, Russian forces launched a drone attack on Kharkiv city (Kharkiv).", "2024-05-05")
    assert e.recipient is None or e.recipient.inter != 1


def test_soldiers_engaging_rebels_is_a_clash_between_the_two():
    text = "On 4 June 2024, soldiers of the Colombian army engaged ELN guerrillas near Saravena (Arauca)."
    e = main(text, "2024-06-06")
    assert e.acled is not None and e.acled.sub_event_type == "Armed clash"
    assert e.acled.interaction == 12


def test_troops_recovering_a_town_from_militants_regain_territory():
    text = "On 7 June 2024, Nigerien troops recovered the town of Tera (Tillaberi) from ISSP militants."
    e = main(text, "2024-06-09")
    assert e.acled is not None and e.acled.sub_event_type == "Government regains territory"


def test_a_forced_disappearance_is_an_abduction():
    text = "On 2 June 2024, intelligence agents forcibly disappeared a lawyer in Quetta (Balochistan)."
    e = main(text, "2024-06-04")
    assert e.acled is not None and e.acled.sub_event_type == "Abduction/forced disappearance"


def test_a_faction_splitting_or_a_militia_being_formed_changes_a_group():
    text = "On 1 June 2024, a faction of the ADF split from its leadership in Beni (North Kivu)."
    assert main(text, "2024-06-03").event_type == "MOBILIZE"
    text = "On 3 June 2024, a self-defence militia was formed in Gao (Gao) by local youths."
    e = main(text, "2024-06-05")
    assert e.acled is not None and e.acled.sub_event_type == "Change to group/activity"


def test_a_vehicle_hitting_a_landmine_is_the_victim_of_the_mine():
    text = "On 5 June 2024, a police truck hit a landmine near Mandera (Mandera). 3 officers were killed."
    e = main(text, "2024-06-07")
    assert e.acled is not None and e.acled.sub_event_type == "Remote explosive/landmine/IED"
    assert e.recipient is not None and e.recipient.sector == "COP"
    assert e.acled.interaction == 13  # the mine's unnamed layer against the police


def test_a_sexual_assault_in_a_chain_of_acts_is_sexual_violence():
    text = "On 6 June 2024, militiamen beat and sexually assaulted a woman in Bunia (Ituri)."
    events = code_text(text, "2024-06-08")
    assert any(e.acled and e.acled.sub_event_type == "Sexual violence" for e in events)


def test_counts_joined_by_a_possessive_a_pronoun_or_a_second_verb():
    assert extract_casualties("A shell hit a hut, killing a man and his 4 sons.").killed.best == 5
    assert extract_casualties("A shell hit a hut, killing their 2 daughters.").killed.best == 2
    assert extract_casualties("Gunmen abducted a farmer before killing him.").killed.best == 1
    assert extract_casualties("Villagers lynched and burned 4 suspected thieves.").killed.best == 4
    # a second verb that counts its own kind keeps the count for itself
    assert extract_casualties("Gunmen killed and wounded 9 people.").killed is None


def test_the_day_of_the_month_before_a_toll_is_no_count():
    assert extract_casualties("On 9 May 2024, 3 soldiers were killed in Kidal.").killed.best == 3
    assert extract_casualties("On 9 May 2024, a teacher was shot dead in Kidal.").killed.best == 1


def test_a_count_between_a_violent_verb_and_to_death():
    assert extract_casualties("Soldiers allegedly tortured a detainee to death in Gao.").killed.best == 1
    assert extract_casualties("Villagers beat 2 suspected rustlers to death.").killed.best == 2
    assert extract_casualties("Soldiers beat 2 protesters.").killed is None


def test_things_shot_down_over_a_place_are_no_dead():
    assert extract_casualties("Air defences shot down 14 drones over the Odesa region.").killed is None


def test_a_bomb_that_goes_off_by_itself_is_the_work_of_an_unidentified_armed_group():
    text = "On 4 June 2024, a roadside bomb exploded near a market in Kismayo (Lower Juba), killing 3 people."
    e = main(text, "2024-06-06")
    assert e.acled is not None and e.acled.sub_event_type == "Remote explosive/landmine/IED"
    assert e.acled.interaction == 37


def test_residents_killing_an_unarmed_suspect_are_a_mob():
    text = "On 5 June 2024, residents set fire to a suspected thief in Les Cayes (Sud), killing him."
    e = main(text, "2024-06-07")
    assert e.acled is not None and e.acled.sub_event_type == "Mob violence"
    assert e.fatalities is not None and e.fatalities.best == 1


def test_people_seized_are_taken_not_ground_won():
    text = "On 8 June 2024, bandits seized 6 farmers in their fields near Tsafe (Zamfara)."
    e = main(text, "2024-06-10")
    assert e.acled is not None and e.acled.sub_event_type == "Abduction/forced disappearance"


def test_a_person_named_with_an_article_before_a_joined_count_is_one_more():
    assert extract_casualties("A policeman and 2 civilians were killed in the blast.").killed.best == 3
    assert extract_casualties("Soldiers killed an unknown number of bandits.").killed is None
