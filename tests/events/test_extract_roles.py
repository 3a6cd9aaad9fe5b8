"""ACLED role conventions applied when a frame becomes an event (events/extract.py)."""

import pytest

from eventwire.events.extract import _localise, _mentions_protest, _unidentified_attacker
from eventwire.events.frames import find_frames
from eventwire.events.lexicon import Lexicon
from eventwire.model import Actor
from eventwire.pipeline import code_text


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


def test_a_pronoun_subject_reaches_back_past_other_pronoun_subjects():
    text = (
        "The Secretary-General condemned the shelling of Goma. He is also alarmed by reports of "
        "looting. Those responsible must be held to account. He calls on the M23 to withdraw."
    )
    request = next(e for e in code_text(text, "2024-02-10") if e.trigger == "calls")
    assert request.actor is not None and "Secretary-General" in request.actor.text


def test_the_other_parties_of_an_agreement_hang_on_the_first_sides_of_phrase():
    text = "The interior ministers of Chad, Niger and Nigeria agreed to set up joint patrols."
    agree = next(e for e in code_text(text, "2024-05-09") if e.event_type == "AGREE")
    assert agree.recipient is not None and agree.recipient.country == "NER"


@pytest.mark.parametrize(
    ("text", "event_type", "who"),
    [
        # the holder of a struck base, not the base
        ("Israeli jets struck a headquarters of the Hezbollah group near Tyre.", "ASSAULT", "Hezbollah"),
        # the object of the attack a group vows to keep up
        ("The Houthis vowed to keep attacking Israeli ships in the Red Sea.", "THREATEN", "Israeli ships"),
        # the side a town was taken from, hung on the place phrase by the parse
        (
            "Malian troops recaptured the town of Lere in the Timbuktu region from JNIM fighters on Monday.",
            "ASSAULT",
            "JNIM",
        ),
        # aid goes to people, not to the goods
        ("UNICEF delivered medicine to 3,000 displaced families in Pemba.", "AID", "displaced families"),
    ],
)
def test_the_recipient_is_the_party_behind_the_object(text, event_type, who):
    event = next(e for e in code_text(text, "2024-05-09") if e.event_type == event_type)
    assert event.recipient is not None and who in event.recipient.text


def test_an_unknown_group_is_what_its_apposition_says_it_is():
    text = "The Fuerza Nueva front, a faction of the FARC dissidents, attacked a police post in Jamundi."
    attack = next(e for e in code_text(text, "2024-05-09") if e.event_type == "ASSAULT")
    assert attack.actor is not None and (attack.actor.country, attack.actor.sector) == ("COL", "REB")


def test_a_pledge_is_to_whom_the_promised_act_is_for():
    text = "The Emir pledged to send 500 tons of flour to Sudan within a month."
    pledge = next(e for e in code_text(text, "2024-05-09") if e.event_type == "AGREE")
    assert pledge.recipient is not None and pledge.recipient.country == "SDN"


def test_a_speech_verb_sharing_its_subject_attributes_the_report():
    text = "A police spokesman put the toll at nine and said officers chased the gunmen, killing one of them."
    chase = next(e for e in code_text(text, "2024-05-09") if e.fatalities and e.fatalities.best == 1)
    assert chase.attributed_to is not None and "spokesman" in chase.attributed_to


def test_a_vow_coordinated_with_a_reported_strike_is_the_speakers():
    text = "The ministry said Israeli airstrikes killed 12 people in Tyre and vowed to respond."
    vow = next(e for e in code_text(text, "2024-05-09") if e.event_type in ("THREATEN", "AGREE"))
    assert vow.actor is not None and "ministry" in vow.actor.text


def test_counted_office_holders_are_not_their_state_s_army():
    text = "Police in Tallinn detained three Belarusian diplomats on Friday."
    arrest = next(e for e in code_text(text, "2024-05-09") if e.event_type == "COERCE")
    assert arrest.recipient is not None and arrest.recipient.sector == "GOV"


def test_an_envoy_recalled_gets_no_armed_side_from_elsewhere_in_the_sentence():
    text = "Hungary withdrew its ambassador from Kyiv after soldiers detained a Hungarian reporter."
    recall = next(e for e in code_text(text, "2024-05-09") if e.trigger == "withdrew")
    assert recall.recipient is None or recall.recipient.sector not in ("MIL", "COP")


def test_unnamed_victims_belong_where_the_sentence_places_the_act_late():
    text = "Russian shelling killed four civilians and wounded six others in the city of Kherson."
    killing = next(e for e in code_text(text, "2024-11-16") if e.fatalities and e.fatalities.best == 4)
    assert killing.recipient is not None and killing.recipient.country == "UKR"


def test_what_a_relative_clause_acts_on_is_the_noun_it_describes():
    text = "Soldiers moved into the outpost that the peacekeepers handed over on Friday as the mission left."
    handover = next(e for e in code_text(text, "2024-03-10") if e.event_type == "RETREAT")
    assert handover.recipient is not None and handover.recipient.text == "the outpost"
    assert handover.acled.sub_event_type == "Non-violent transfer of territory"  # a post changes hands


def test_a_nationality_before_a_weapon_compound_names_the_attacker():
    text = "Turkish drone strikes near Sinjar killed four people on Sunday."
    strike = next(e for e in code_text(text, "2024-05-07") if e.event_type == "ASSAULT")
    assert strike.actor is not None and strike.actor.country == "TUR"


def test_a_day_named_before_the_attack_is_not_its_attacker():
    (strike,) = [e for e in code_text("Sunday's strike killed four people in Kharkiv.", "2024-05-07")]
    assert strike.actor is None or strike.actor.text != "Sunday's"


def test_a_condemned_attack_names_its_attacker_as_the_accused_not_its_victims():
    text = "The African Union condemned the al-Shabaab attack on civilians at a market in Baidoa."
    (condemned,) = [e for e in code_text(text, "2024-05-07") if e.event_type == "ACCUSE"]
    assert condemned.recipient is not None and condemned.recipient.sector == "REB"


def test_allies_and_sources_are_not_the_other_side_of_a_takeover():
    text = (
        "M23 rebels and Rwandan troops seized control of the airport in Kavumu on Friday, "
        "according to local officials."
    )
    (taken,) = [e for e in code_text(text, "2025-02-16") if e.event_type == "ASSAULT"]
    assert taken.recipient is None or taken.recipient.country not in ("RWA",)
    assert taken.recipient is None or taken.recipient.sector != "GOV"
    assert taken.acled.sub_event_type == "Non-state actor overtakes territory"  # the taker decides


def test_a_strike_named_by_its_day_keeps_the_nationality_of_its_attacker():
    (strike,) = code_text("Sunday's Russian missile strike on Sumy killed 35 people.", "2025-04-15")
    assert strike.actor is not None and strike.actor.country == "RUS"


def test_an_air_force_named_before_its_strike_is_the_attacker():
    text = "Nine villagers were killed in an Air Force strike on Kyaukme, Myanmar."
    (strike,) = code_text(text, "2025-07-11")
    assert strike.actor is not None and strike.actor.sector == "MIL"


def test_the_medium_of_a_rebuke_is_not_its_target():
    text = "The president lashed out at the city's mayor on Twitter on Sunday."
    (rebuke,) = [e for e in code_text(text, "2020-11-17") if e.event_type == "ACCUSE"]
    assert rebuke.recipient is not None and "mayor" in rebuke.recipient.text


def test_a_meeting_named_after_the_event_does_not_place_it():
    events = code_text("Shelling killed six in Ukraine before the Minsk peace talks.")
    fights = [e for e in events if e.event_type == "ASSAULT"]
    assert fights and all(e.location is not None and e.location.country == "UKR" for e in fights)
