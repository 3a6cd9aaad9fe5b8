"""events.scene: the place and day an event borrows from the scene told around it."""

import datetime as dt

from eventwire.pipeline import code_text


def test_an_unplaced_attack_told_after_a_placed_one_is_at_its_scene_not_the_dateline():
    text = (
        "PESHAWAR (Reuters) - A suicide bomber struck a police station in Bannu on Monday, killing nine "
        "people. Hours later, gunmen attacked a checkpoint, killing two soldiers."
    )
    (later,) = [e for e in code_text(text, "2024-07-16") if e.evidence.sentence.startswith("Hours")]
    assert later.location is not None and later.location.name == "Bannu"
    assert later.location.geo_precision == 2  # borrowed, so less precise than the sentence's own


def test_the_same_day_and_the_next_day_count_from_the_story_not_the_report():
    text = (
        "Rebels shelled the town of Kadugli on 3 March, killing four civilians. "
        "On the same day, drones struck a market in Dilling, killing two traders. "
        "The next day, gunmen attacked a bus near Kadugli, killing five passengers."
    )
    dates = {e.evidence.sentence.split(",")[0]: e.date for e in code_text(text, "2024-03-10")}
    assert dates["On the same day"] == dt.date(2024, 3, 3)
    assert dates["The next day"] == dt.date(2024, 3, 4)


def test_a_follow_up_sentence_of_a_dated_attack_shares_its_date():
    text = (
        "On 3 March 2024, JNIM militants attacked an army position in Boni. "
        "Twelve soldiers were killed and several vehicles were destroyed."
    )
    assaults = [e for e in code_text(text, "2024-10-10") if e.event_type == "ASSAULT"]
    assert assaults and {e.date for e in assaults} == {dt.date(2024, 3, 3)}


def test_narrative_then_continues_the_dated_scene():
    text = (
        "Militants attacked an army post near Dori on Sunday night. Soldiers then killed six of "
        "the attackers in a gunfight, the army said."
    )
    events = code_text(text, "2024-06-12")
    gunfight = next(e for e in events if e.fatalities and e.fatalities.best == 6)
    assert gunfight.date == dt.date(2024, 6, 9)


def test_since_then_does_not_date_an_event_from_the_scene_before():
    text = "Troops shelled the village of Dovhe on Monday. Drones have attacked the area since then."
    drones = next(e for e in code_text(text, "2024-06-12") if "Drones" in e.evidence.sentence)
    assert drones.date != dt.date(2024, 6, 10)


def test_an_unplaced_act_takes_the_scene_its_own_sentence_names():
    text = (
        "Rival gangs fought in the city of Cap-Haitien on Thursday, killing five people, as the "
        "government rushed police reinforcements to the area."
    )
    deploy = next(e for e in code_text(text, "2024-05-09") if e.event_type == "MOBILIZE")
    assert deploy.location is not None and deploy.location.name.startswith("Cap")


def test_the_strike_told_again_is_the_same_attack_with_its_own_day_and_town():
    text = (
        "ADDIS ABABA (AP) - A drone strike on a bus station in Ethiopia's Amhara region killed at "
        "least 9 civilians, witnesses said Saturday.\n\nThe strike hit the station in the town of "
        "Debark on Thursday morning, a resident said."
    )
    strikes = [e for e in code_text(text, "2024-02-03") if e.event_type == "ASSAULT"]
    assert len(strikes) == 1
    assert strikes[0].mode == "drone" and strikes[0].date == dt.date(2024, 2, 1)


def test_a_riot_told_elsewhere_in_the_story_happened_on_the_days_of_the_protests():
    text = (
        "Police fired on marchers in the capital on Thursday, killing four people, a rights group said. "
        "In the northern town of Kano, rioters burned a police station and looted shops."
    )
    riot = next(e for e in code_text(text, "2024-08-03") if "Kano" in e.evidence.sentence)
    assert riot.date == dt.date(2024, 8, 1)


def test_an_act_of_a_named_side_keeps_its_own_time():
    text = (
        "Rebels shelled the town of Kadugli on 3 March, killing four civilians. "
        "The army said it destroyed two rebel rocket launchers."
    )
    army = next(e for e in code_text(text, "2024-03-10") if "army" in e.evidence.sentence)
    assert army.date != dt.date(2024, 3, 3)
