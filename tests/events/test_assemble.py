"""events.assemble: what a document's events borrow from their sentence and from each other."""

import datetime as dt

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


def test_an_unplaced_attack_told_after_a_placed_one_is_at_its_scene_not_the_dateline():
    text = (
        "PESHAWAR (Reuters) - A suicide bomber struck a police station in Bannu on Monday, killing nine "
        "people. Hours later, gunmen attacked a checkpoint, killing two soldiers."
    )
    (later,) = [e for e in code_text(text, "2024-07-16") if e.evidence.sentence.startswith("Hours")]
    assert later.location is not None and later.location.name == "Bannu"
    assert later.location.geo_precision == 2  # borrowed, so less precise than the sentence's own


def test_a_march_in_another_town_is_another_protest():
    text = (
        "Thousands of students rallied outside parliament in Belgrade on Saturday. "
        "In the northern city of Novi Sad, several thousand people held a peaceful march on Saturday."
    )
    protests = [e for e in code_text(text, "2024-12-22") if e.event_type == "PROTEST"]
    assert {e.location.name for e in protests if e.location} == {"Belgrade", "Novi Sad"}


def test_shelling_and_a_clash_in_one_story_stay_two_events():
    from eventwire.events.assemble import _compatible
    from eventwire.model import Acled, Evidence
    from tests.factories import make_document, make_event

    doc = make_document()
    later = Evidence(doc_id=doc.id, sentence="Troops clashed with rebels.", start=200, end=227)

    def acled(sub_event, event_type):
        return Acled(
            disorder_type="Political violence", event_type=event_type, sub_event_type=sub_event
        )

    shelled = acled("Shelling/artillery/missile attack", "Explosions/Remote violence")
    shelling = make_event(doc, acled=shelled)
    clash = make_event(doc, evidence=later, fatalities=None, acled=acled("Armed clash", "Battles"))
    assert not _compatible(shelling, clash)
    destroyed = clash.model_copy(update={"mode": "destroy"})
    assert _compatible(shelling, destroyed)  # what an attack destroyed is the attack


def test_the_same_day_and_the_next_day_count_from_the_story_not_the_report():
    text = (
        "Rebels shelled the town of Kadugli on 3 March, killing four civilians. "
        "On the same day, drones struck a market in Dilling, killing two traders. "
        "The next day, gunmen attacked a bus near Kadugli, killing five passengers."
    )
    dates = {e.evidence.sentence.split(",")[0]: e.date for e in code_text(text, "2024-03-10")}
    assert dates["On the same day"] == dt.date(2024, 3, 3)
    assert dates["The next day"] == dt.date(2024, 3, 4)


def test_a_condemnation_naming_no_one_is_aimed_at_the_perpetrator_told_before():
    text = (
        "Venezuelan intelligence agents arrested opposition politician Ana Torres in Maracaibo on Tuesday. "
        "The U.S. State Department condemned the arrest."
    )
    (condemned,) = [e for e in code_text(text, "2024-05-29") if e.event_type == "ACCUSE"]
    assert condemned.recipient is not None and condemned.recipient.country == "VEN"


def test_a_follow_up_sentence_of_a_dated_attack_shares_its_date():
    text = (
        "On 3 March 2024, JNIM militants attacked an army position in Boni. "
        "Twelve soldiers were killed and several vehicles were destroyed."
    )
    assaults = [e for e in code_text(text, "2024-10-10") if e.event_type == "ASSAULT"]
    assert assaults and {e.date for e in assaults} == {dt.date(2024, 3, 3)}


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


def test_a_toll_of_one_side_told_after_a_clash_is_the_clashs_toll():
    text = (
        "On 1 November 2024, Chadian army troops clashed with Boko Haram fighters near Bol. "
        "17 soldiers were killed."
    )
    assaults = [e for e in code_text(text, "2024-11-05") if e.event_type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].fatalities is not None and assaults[0].fatalities.best == 17
