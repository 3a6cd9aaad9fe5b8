"""events.object_modes: a verbal event's mode from the event it is about."""

from eventwire.events.lexicon import Lexicon
from eventwire.events.object_modes import object_mode


def _mode(parser, text: str, verb: str, event_type: str) -> str | None:
    sent = parser(text)[:]
    predicate = next(t for t in sent if t.lower_ == verb)
    return object_mode(event_type, predicate, sent, Lexicon.load())


def test_the_object_event_gives_the_mode(parser):
    threat = "The militia threatened new attacks on shipping."
    assert _mode(parser, threat, "threatened", "THREATEN") == "violence"
    assert _mode(parser, "The governor asked donors for humanitarian aid.", "asked", "REQUEST") == "assist"


def test_no_event_word_no_mode(parser):
    assert _mode(parser, "The minister asked reporters for patience.", "asked", "REQUEST") is None
    assert _mode(parser, "Rebels shelled the town.", "shelled", "ASSAULT") is None


def test_deliveries_of_arms_asked_for_are_a_request_for_assistance(parser):
    text = "The defence minister urged partners to speed up deliveries of artillery shells."
    assert _mode(parser, text, "urged", "REQUEST") == "assist"


def test_a_march_people_hold_is_a_demonstration():
    from eventwire.pipeline import code_text

    events = code_text("Thousands of teachers held a silent march in Kumasi on Friday.", "2024-05-11")
    assert any(e.event_type == "PROTEST" and e.mode == "demo" for e in events)
