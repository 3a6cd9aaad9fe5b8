"""events.assemble: what a document's events borrow from their sentence and from each other."""


import pytest

from eventwire.pipeline import code_text


@pytest.mark.parametrize(
    ("text", "mode", "sub_event"),
    [
        # the bomb is in a clause of its own, not in the killing's frame
        (
            "Four soldiers were killed when a roadside bomb exploded near their patrol on Monday.",
            "explosives",
            "Remote explosive/landmine/IED",
        ),
        # the shell is the subject of another verb
        (
            "A shell fired from rebel positions hit a displacement camp near Goma, killing two children.",
            "heavy-weapons",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_a_killing_takes_the_weapon_its_sentence_names(text, mode, sub_event):
    killing = next(e for e in code_text(text, "2024-06-10") if e.trigger.lower().startswith("kill"))
    assert killing.mode == mode
    assert killing.acled is not None and killing.acled.sub_event_type == sub_event


def test_a_weapon_that_was_the_target_gives_no_mode():
    text = "Gunmen attacked a base storing drones and killed two guards."
    killing = next(e for e in code_text(text, "2024-06-10") if e.trigger.lower().startswith("kill"))
    assert killing.mode != "drone"


def test_destruction_told_with_a_strike_is_its_materiel():
    text = "Army jets struck a militant camp on Friday, killing 15 fighters and destroying two pickup trucks."
    assaults = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].materiel == ["two pickup trucks"]


def test_a_condemnation_naming_no_one_is_aimed_at_the_perpetrator_told_before():
    text = (
        "Venezuelan intelligence agents arrested opposition politician Ana Torres in Maracaibo on Tuesday. "
        "The U.S. State Department condemned the arrest."
    )
    (condemned,) = [e for e in code_text(text, "2024-05-29") if e.event_type == "ACCUSE"]
    assert condemned.recipient is not None and condemned.recipient.country == "VEN"


def test_a_killing_by_no_named_side_beside_a_riot_is_the_riots_toll():
    text = "In Kisumu, demonstrators set fire to a police post, and three people were killed there."
    events = code_text(text, "2024-06-26")
    (riot,) = [e for e in events if e.event_type == "PROTEST"]
    assert riot.mode == "riot" and riot.fatalities is not None and riot.fatalities.best == 3
    assert not [e for e in events if e.event_type == "ASSAULT" and e.fatalities]


def test_an_unidentified_attacker_is_of_the_country_where_it_struck():
    text = "A roadside bomb struck a bus near Kandahar on Monday, killing 10 passengers."
    (bomb,) = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert bomb.actor is not None and (bomb.actor.sector, bomb.actor.country) == ("UAF", "AFG")


def test_the_side_a_source_blames_is_the_attacker_of_an_unattributed_attack():
    text = (
        "A drone strike on a bus station in the Amhara region killed at least 17 civilians, "
        "witnesses said, blaming the military."
    )
    (strike,) = [e for e in code_text(text, "2024-02-03") if e.event_type == "ASSAULT"]
    assert strike.actor is not None and (strike.actor.country, strike.actor.sector) == ("ETH", "MIL")


def test_the_named_group_told_later_replaces_a_generic_attacker():
    text = (
        "Militiamen attacked a camp for displaced people in Ituri province on Sunday night, killing 14 "
        "people. The CODECO militia attacked the camp near the village of Plaine Savo, burning "
        "shelters and abducting several women."
    )
    events = code_text(text, "2024-03-04")
    attack = next(e for e in events if e.fatalities and e.fatalities.best == 14)
    assert attack.actor is not None and attack.actor.name and "CODECO" in attack.actor.name
    assert any(e.mode == "abduct" for e in events)  # the abduction stays an event of its own


def test_acts_of_one_subject_share_the_place_the_first_names():
    text = "The foreign ministers met in Accra on Monday and agreed to reopen the border."
    agree = next(e for e in code_text(text, "2024-05-09") if e.event_type == "AGREE")
    assert agree.location is not None and agree.location.name == "Accra"


def test_the_attackers_told_later_are_the_named_attacker():
    text = (
        "Al-Shabaab fighters attacked a police station in Afgoye on Monday, killing three officers. "
        "Troops later pursued the attackers, killing two of them, an army spokesman said."
    )
    pursuit = next(e for e in code_text(text, "2024-05-09") if e.actor and e.actor.sector == "MIL")
    assert pursuit.recipient is not None and pursuit.recipient.sector == "REB"
    assert pursuit.fatalities is not None and pursuit.fatalities.best == 2


def test_mortar_bombs_are_shelling_not_a_planted_bomb():
    events = code_text("Insurgents fired mortar bombs at an army base near Afgoye on Sunday.", "2024-05-09")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.mode == "heavy-weapons"
    assert attack.acled is not None and attack.acled.sub_event_type == "Shelling/artillery/missile attack"


def test_the_same_group_is_the_armed_group_named_before():
    text = (
        "The army blamed the Segunda Marquetalia for an ambush near Tumaco on Monday. Hours later, "
        "troops clashed with members of the same group in the rural area of Llorente."
    )
    events = code_text(text, "2024-05-09")
    clash = next(e for e in events if e.acled and e.acled.sub_event_type == "Armed clash")
    assert clash.recipient is not None and clash.recipient.sector == "REB"


def test_a_town_taken_without_a_fight_is_coercion_not_an_assault():
    text = "The rebels withdrew on Tuesday, and the army took over the town of Kalehe without a fight."
    takeover = next(e for e in code_text(text, "2024-05-09") if e.actor and e.actor.sector == "MIL")
    assert (takeover.event_type, takeover.mode) == ("COERCE", "seize")
    assert takeover.acled is not None and takeover.acled.sub_event_type == "Non-violent transfer of territory"


def test_two_sides_agreeing_a_truce_is_an_agreement_where_they_fought():
    text = (
        "BAMAKO (Reuters) - Fighting raged in the city until Tuesday evening, when the two sides "
        "agreed to a ceasefire, officials said."
    )
    truce = next(e for e in code_text(text, "2024-05-09") if e.mode == "ceasefire")
    assert (truce.event_type, truce.cameo) == ("AGREE", "0871")
    assert truce.location is not None and truce.location.name == "Bamako"


def test_a_lynch_mob_of_residents_is_rioters_not_an_armed_group():
    text = "Residents of Mabopane beat and burned to death a man they accused of theft, police said."
    lynching = next(e for e in code_text(text, "2024-03-15") if e.event_type == "ASSAULT")
    assert lynching.actor is not None and lynching.actor.sector == "CVL"
    assert lynching.acled is not None and lynching.acled.inter1 == 5


def test_a_mob_that_attacked_and_looted_shops_did_it_where_the_shops_were():
    text = "A mob attacked and looted foreign-owned shops in Soweto on Monday night, killing two traders."
    attack = next(e for e in code_text(text, "2024-03-15") if e.fatalities and e.fatalities.best == 2)
    assert attack.location is not None and attack.location.name == "Soweto"
    assert attack.trigger == "attacked"  # the killing is the attack's outcome, not a deed of its own


def test_a_vow_to_retaliate_is_aimed_at_the_attacker_of_its_sentence():
    text = (
        "Iraq's government said on Monday that Turkish drone strikes near Sinjar killed four people "
        "and vowed to respond."
    )
    vow = next(e for e in code_text(text, "2024-05-07") if e.event_type == "THREATEN")
    assert vow.recipient is not None and vow.recipient.country == "TUR"


def test_the_wounded_of_an_attack_are_its_injured_not_a_second_attack():
    text = "Gunmen killed six villagers and wounded 14 others in Kauru on Saturday."
    (attack,) = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert attack.fatalities.best == 6 and attack.injured is not None and attack.injured.best == 14


def test_a_capital_before_an_attack_noun_is_where_it_struck_not_who_struck():
    text = "A Mogadishu car bombing killed seven people on Friday, an attack blamed on al-Shabaab."
    (attack,) = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert attack.actor is not None and attack.actor.name != "Somalia"
    assert attack.actor.sector == "REB"  # the group the attack is blamed on


def test_a_peaceful_protest_has_no_second_acled_actor_whatever_it_targets():
    text = "Hundreds of teachers protested outside the education ministry in Accra."
    (rally,) = code_text(text, "2024-05-20")
    assert rally.acled.sub_event_type == "Peaceful protest"
    assert rally.acled.inter2 is None and rally.acled.interaction == 60


def test_forces_signing_a_truce_abroad_are_not_external_forces():
    text = "On 20 May 2023, the SAF and the RSF signed a ceasefire agreement in Jeddah, Saudi Arabia."
    (truce,) = [e for e in code_text(text, "2023-05-21") if e.event_type == "AGREE"]
    assert 8 not in (truce.acled.inter1, truce.acled.inter2)


def test_the_wounded_of_an_attack_naming_no_one_are_that_attacks():
    text = (
        "Two bombs exploded at a crowded bus terminal in Quetta on Sunday. "
        "Police said 40 commuters were wounded."
    )
    events = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert len(events) == 1
    assert events[0].mode == "explosives"


def test_arrests_made_in_raids_are_one_event_with_the_raids_place():
    text = "Israeli forces arrested at least 14 Palestinians in overnight raids across Jenin, a group said."
    (event,) = code_text(text, "2024-06-10")
    assert (event.event_type, event.mode) == ("COERCE", "arrest")
    assert event.actor is not None and event.actor.sector == "MIL"
    assert event.location is not None and event.location.text == "Jenin"
