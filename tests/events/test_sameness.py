"""events.sameness: which mentions in one story are one happening, and which are two."""

import datetime as dt

from eventwire.pipeline import code_text


def test_a_march_in_another_town_is_another_protest():
    text = (
        "Thousands of students rallied outside parliament in Belgrade on Saturday. "
        "In the northern city of Novi Sad, several thousand people held a peaceful march on Saturday."
    )
    protests = [e for e in code_text(text, "2024-12-22") if e.event_type == "PROTEST"]
    assert {e.location.name for e in protests if e.location} == {"Belgrade", "Novi Sad"}


def test_shelling_and_a_clash_in_one_story_stay_two_events():
    from eventwire.events.sameness import compatible as _compatible
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


def test_a_blast_told_on_a_sources_word_and_then_in_detail_is_one_event_dated_by_the_detail():
    text = (
        "KABUL (Reuters) - The toll from a suicide bombing at a checkpoint in the city of Khost rose "
        "to nine on Thursday, police said.\n\n"
        "A man rammed an explosives-laden car into the checkpoint on Tuesday morning."
    )
    blasts = [e for e in code_text(text, "2024-05-09") if e.event_type == "ASSAULT"]
    assert len(blasts) == 1
    assert blasts[0].date == dt.date(2024, 5, 7) and blasts[0].fatalities.best == 9


def test_two_counted_groups_of_detainees_are_two_arrests():
    text = (
        "Police detained around 40 students at the university gate, an officer said. In the capital, "
        "police detained 12 activists who gathered outside parliament."
    )
    arrests = [e for e in code_text(text, "2024-04-03") if e.event_type == "COERCE"]
    assert len(arrests) == 2
    assert {a.recipient.text for a in arrests if a.recipient} == {"around 40 students", "12 activists"}


def test_a_mob_killing_retold_by_its_victims_is_one_event_with_their_nationality():
    text = (
        "A crowd of youths attacked foreign-owned shops in Mamelodi, east of Pretoria, on Friday night, "
        "killing three shopkeepers, police said.\n\n"
        "A police spokesman said three Zimbabwean men were stabbed to death behind their stall."
    )
    killings = [e for e in code_text(text, "2024-09-15") if e.fatalities and e.event_type == "ASSAULT"]
    assert len(killings) == 1
    (killing,) = killings
    assert killing.acled.sub_event_type == "Mob violence"
    assert killing.recipient.country == "ZWE" and killing.date == dt.date(2024, 9, 13)


def test_the_armys_shelling_and_the_rebels_rockets_of_one_afternoon_are_two_events():
    text = (
        "Government artillery shelled olive groves near Kafr Nabl on Tuesday, wounding three farmers, "
        "rescuers said.\n\n"
        "Hayat Tahrir al-Sham said its fighters fired rockets at army positions near Kafr Nabl in response."
    )
    attacks = [e for e in code_text(text, "2024-05-15") if e.event_type == "ASSAULT"]
    assert {a.actor.sector for a in attacks if a.actor} >= {"MIL", "REB"}


def test_a_paramilitary_shelling_retold_with_the_groups_name_is_one_event():
    text = (
        "Paramilitary shelling of a camp for displaced people outside the city of Nyala killed at least "
        "six people on Monday, medics said.\n\n"
        "The Rapid Support Forces fired artillery shells into the camp, hitting a clinic, the medics said."
    )
    shellings = [e for e in code_text(text, "2024-07-02") if e.event_type == "ASSAULT"]
    assert len(shellings) == 1 and shellings[0].actor.sector == "REB"
