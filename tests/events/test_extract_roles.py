"""ACLED role conventions applied when a frame becomes an event (events/extract.py)."""

from eventwire.events.extract import _localise, _mentions_protest, _unidentified_attacker
from eventwire.events.frames import find_frames
from eventwire.events.lexicon import Lexicon
from eventwire.model import Actor


def test_an_unnamed_role_takes_the_event_country_over_the_document_context():
    civilians = Actor(text="three civilians", country="RUS", sector="CVL", inter=7)
    assert _localise(civilians, "UKR").country == "UKR"


def test_a_named_nationality_is_kept_wherever_the_event_is():
    troops = Actor(text="Russian troops", country="RUS", sector="MIL", inter=1)
    assert _localise(troops, "UKR").country == "RUS"


def test_a_date_is_not_a_march(parser):
    assert not _mentions_protest(parser("On 2 March 2024, soldiers raped a woman in Kitshanga.")[:])
    assert _mentions_protest(parser("Police detained 30 farmers who joined the march.")[:])


def test_an_attack_by_no_named_side_is_by_an_unidentified_armed_group(parser):
    sent = parser("A roadside bomb struck a passenger bus, killing 10 travellers.")[:]
    (frame,) = [f for f in find_frames(sent, Lexicon.load()) if f.event_type == "ASSAULT"]
    actor = _unidentified_attacker(frame)
    assert (actor.sector, actor.inter, actor.country) == ("UAF", 3, None)


def test_a_short_reference_takes_the_country_of_its_full_mention():
    from eventwire.pipeline import code_text

    text = (
        "The Ministry of Foreign Affairs of Kenya condemned the attack on Monday. "
        "The ministry also called on the African Union to send observers."
    )
    later = [e for e in code_text(text, "2024-06-10") if e.evidence.sentence.startswith("The ministry")]
    assert later and later[0].actor is not None and later[0].actor.country == "KEN"


def test_a_short_reference_can_point_to_the_headline():
    import hashlib

    from eventwire.model import RawDocument
    from eventwire.pipeline import Pipeline

    body = "The Ministry calls on partners to supply more air defence systems."
    raw = RawDocument(
        text=body,
        title="Statement of the Ministry of Foreign Affairs of Ukraine on the strike on Odesa",
        raw_sha256=hashlib.sha256(body.encode()).hexdigest(),
    )
    (result,) = Pipeline().code([raw])
    assert any(e.actor is not None and e.actor.country == "UKR" for e in result.events)


def test_counted_nationals_are_people_and_an_official_stays_an_official():
    from eventwire.pipeline import code_text

    events = code_text("Troops raided the camp, arresting 15 Palestinians.", "2024-09-03")
    (held,) = [e.recipient for e in events if e.event_type == "COERCE"]
    assert held is not None and (held.country, held.sector) == ("PSE", "CVL")
    (kidnap,) = code_text("ELN fighters kidnapped a local councillor in Arauca on Monday.", "2024-10-21")
    assert kidnap.recipient is not None and kidnap.recipient.sector == "GOV"


def test_a_relative_clause_hung_on_a_place_is_about_the_strike_before_it():
    from eventwire.pipeline import code_text

    text = (
        "The UN condemned the air strike by the military on a village in Kanbalu Township, "
        "Sagaing Region, which killed at least 32 civilians."
    )
    killed = [e for e in code_text(text, "2024-04-11") if e.fatalities and e.fatalities.best == 32]
    assert killed and killed[0].mode == "aerial"
    assert killed[0].actor is None or "Region" not in killed[0].actor.text


def test_a_surname_after_the_full_introduction_keeps_who_the_person_is():
    from eventwire.pipeline import code_text

    text = (
        "Police in Caracas arrested opposition politician Ana Torres on Tuesday. "
        "Prosecutors accused Torres of financing a plot."
    )
    (accused,) = [e for e in code_text(text, "2024-05-29") if e.event_type == "ACCUSE"]
    assert accused.recipient is not None and accused.recipient.sector == "OPP"


def test_a_target_tied_to_a_state_takes_its_country():
    from eventwire.pipeline import code_text

    text = "Rebels threatened further attacks on vessels linked to Israel."
    (threat,) = code_text(text, "2024-03-13")
    assert threat.recipient is not None and threat.recipient.country == "ISR"


def test_where_a_person_is_does_not_make_them_the_state():
    from eventwire.pipeline import code_text

    text = "Gunmen killed a Hindu shopkeeper in Bangladesh's Lalmonirhat district."
    (killing,) = code_text(text, "2024-12-10")
    assert killing.recipient is not None and killing.recipient.sector == "CVL"
