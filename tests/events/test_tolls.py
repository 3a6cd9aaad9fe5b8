"""events.tolls: one story's tolls of one happening."""


from eventwire.pipeline import code_text


def test_a_toll_of_one_side_told_after_a_clash_is_the_clashs_toll():
    text = (
        "On 1 November 2024, Chadian army troops clashed with Boko Haram fighters near Bol. "
        "17 soldiers were killed."
    )
    assaults = [e for e in code_text(text, "2024-11-05") if e.event_type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].fatalities is not None and assaults[0].fatalities.best == 17


def test_the_attackers_losses_told_later_add_to_the_clashs_toll():
    text = (
        "Gunmen killed 12 policemen in an ambush near Bunia on Tuesday, the army said. Police killed "
        "about 20 of the attackers in the fighting that followed, it said."
    )
    clashes = [e for e in code_text(text, "2024-05-09") if e.event_type == "ASSAULT"]
    assert len(clashes) == 1 and clashes[0].fatalities.best == 32


def test_a_toll_by_no_named_side_told_after_an_attack_is_its_toll():
    text = (
        "Rebel fighters seized the town of Hpakant on Saturday, the group said. Residents said "
        "military jets bombed the town on Sunday morning, hitting a monastery. At least five "
        "civilians were killed, according to a local rescue group."
    )
    events = code_text(text, "2024-08-05")
    bombing = next(e for e in events if e.mode == "aerial")
    assert bombing.fatalities is not None and bombing.fatalities.best == 5
    assert not any(e.fatalities and e.fatalities.best == 5 and e is not bombing for e in events)


def test_a_second_sources_toll_widens_the_attacks_range():
    text = (
        "Gunmen attacked a village in Djibo on Sunday, killing at least 14 people, a local leader said. "
        "An army spokesman put the toll at 12 and said troops chased the attackers, killing two of them."
    )
    events = code_text(text, "2024-03-05")
    attack = next(e for e in events if e.fatalities and e.fatalities.best == 14)
    assert (attack.fatalities.low, attack.fatalities.high) == (12, 14)
    assert attack.cameo == "180"  # violence against civilians is CAMEO 18, not a military fight
    assert any(e.fatalities and e.fatalities.best == 2 for e in events)


def test_other_dead_told_after_an_attack_add_to_its_toll():
    text = (
        "A car bomb killed a local radio journalist outside a cafe in Kismayo on Monday evening. "
        "At least four other people also died in the attack, a hospital official said."
    )
    (blast,) = [e for e in code_text(text, "2024-03-12") if e.event_type == "ASSAULT"]
    assert blast.fatalities is not None and blast.fatalities.best == 5


def test_a_toll_told_after_a_clash_brings_whose_count_it_is():
    text = (
        "Troops clashed with rebels near the village of Tibu on Monday. "
        "Four rebels were killed and two soldiers wounded, according to the army."
    )
    (clash,) = [e for e in code_text(text, "2024-07-18") if e.event_type == "ASSAULT"]
    assert clash.fatalities.best == 4 and clash.attributed_to == "the army"


def test_a_sides_own_losses_told_after_a_retaken_town_add_to_the_battles_toll():
    text = (
        "Malian troops recaptured the town of Ber from rebels on Sunday after heavy fighting, "
        "killing about 15 rebels, officials said. Three soldiers were also killed in the fighting, "
        "a military source said."
    )
    battles = [e for e in code_text(text, "2024-08-20") if e.event_type == "ASSAULT"]
    assert len(battles) == 1 and battles[0].fatalities.best == 18


def test_a_bare_toll_after_a_two_part_assault_is_the_first_acts_toll():
    text = (
        "On 5 May 2024, a suicide bomber blew himself up at a hotel gate in Beledweyne before "
        "gunmen stormed the building. 12 people were killed."
    )
    first = next(e for e in code_text(text, "2024-05-07") if e.event_type == "ASSAULT")
    assert first.acled.sub_event_type == "Suicide bomb" and first.fatalities.best == 12
