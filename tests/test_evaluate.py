"""eventwire.evaluate: which of a text's events is scored against its one gold event."""

from eventwire.evaluate import main_event
from eventwire.pipeline import code_text


def test_the_news_is_scored_before_its_background():
    # the bombing is background (five years before the report); the arrests are the news
    text = "Police arrested two men on Monday over a bombing that killed nine people in Kano in 2019."
    events = code_text(text, "2024-06-12")
    assert {e.factuality for e in events} == {"asserted", "historical"}
    main = main_event(events)
    assert main is not None and main.event_type == "COERCE"


def test_no_events_give_no_main_event():
    assert main_event([]) is None
