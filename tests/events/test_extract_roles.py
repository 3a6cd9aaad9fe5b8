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
