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
