"""Background mentions: the war a report refers to is coded, but as "historical"."""

import pytest

from eventwire.events.background import is_background
from eventwire.pipeline import code_text


def _token(parser, text: str, word: str):
    return next(t for t in parser(text) if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The envoys held their first direct talks since fighting began in April.", "fighting", True),
        ("Aid had not reached the town since the war.", "war", True),
        ("The truce took effect at midnight, ending a year of fighting in the north.", "fighting", True),
        ("Mediators called for an end to the war.", "war", True),
        ("Rebels attacked an army post near the border on Tuesday.", "attacked", False),
        ("Fighting erupted in the capital on Sunday.", "fighting", False),
    ],
)
def test_governing_words_mark_background(parser, text, word, expected):
    assert is_background(_token(parser, text, word)) is expected


def _facts(text: str) -> dict[str, str]:
    return {e.trigger.lower(): e.factuality for e in code_text(text, "2024-06-10")}


def test_the_report_is_about_the_talks_not_the_war_they_follow():
    facts = _facts("The army and the RSF held their first direct talks since fighting began in April 2023.")
    assert facts.get("fighting") == "historical"
    assert facts.get("talks") in ("asserted", "reported")


def test_an_event_with_a_day_of_its_own_is_not_background():
    facts = _facts("Since the attack on Monday, rebels have shelled the town every night.")
    assert facts and set(facts.values()) <= {"asserted", "reported"}


def test_the_day_a_toll_rose_is_not_the_day_of_the_attack():
    text = "The death toll from a car bombing at a market in the city rose to 17 on Wednesday, police said."
    (bombing,) = [e for e in code_text(text, "2024-07-18") if e.event_type == "ASSAULT"]
    assert bombing.fatalities is not None and bombing.fatalities.best == 17
    assert bombing.date_precision == "week"  # Wednesday dates the toll, not the bombing


def test_an_event_told_in_a_since_clause_is_background():
    text = "Jihadists killed 23 soldiers on Wednesday, the deadliest attack since the army seized power."
    facts = {e.trigger.lower(): e.factuality for e in code_text(text, "2024-03-22")}
    assert facts.get("seized") == "historical"
    assert facts.get("killed") in ("asserted", "reported")
