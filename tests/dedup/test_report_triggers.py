"""Events that reports of one real event left uncoded, so that the reports could not meet
(the ``report-group triggers`` section of ``data/event_triggers.tsv``)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import code_text

PUBLISHED = dt.date(2024, 9, 12)


def kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(e.event_type, e.mode, e.trigger.lower()) for e in code_text(text, published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The junta and the rebels accepted a Chinese-brokered agreement on Tuesday.", "accepted"),
        ("Armenia's parliament approved the peace agreement with Azerbaijan on Wednesday.", "approved"),
    ],
)
def test_accepting_or_approving_an_agreement_is_agreeing(text, trigger):
    assert ("AGREE", None, trigger) in kinds(text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Ninety Russian servicemen were returned from Ukraine on Wednesday, Moscow said.", "returned"),
        ("Kyiv said on Wednesday it had received 90 prisoners from Russia.", "received"),
        ("The latest prisoner exchange took place on the Belarus border on Wednesday.", "exchange"),
        ("Ninety prisoners came home on Wednesday in an exchange brokered by Qatar.", "exchange"),
    ],
)
def test_each_outlets_wording_of_a_prisoner_exchange_is_a_release(text, trigger):
    assert ("RETREAT", "release", trigger) in kinds(text)


def test_an_exchange_of_fire_is_no_prisoner_exchange():
    assert not any(k == "RETREAT" for k, _, _ in kinds("An exchange of fire near the border lasted an hour."))


def test_an_armed_side_leaving_a_town_retreats_and_one_entering_it_takes_it():
    found = kinds("The rebels left Kidal on Sunday as army troops entered the town.")
    assert ("RETREAT", "withdraw", "left") in found
    assert ("ASSAULT", None, "entered") in found
    # a minister leaving a capital is travel, not a withdrawal
    assert not any(t == "left" for _, _, t in kinds("The foreign minister left Doha on Sunday."))


def test_a_missile_fired_into_the_sea_is_a_weapons_test_not_an_attack():
    # (a "missile" within six words of "fired" is matched earlier, as an attack: see the report)
    found = kinds("Pyongyang fired a new hypersonic intermediate-range ballistic missile off its west coast.")
    assert ("MOBILIZE", "weapons", "fired") in found
    found = kinds("North Korea launched two cruise missiles towards the sea on Monday.")
    assert ("MOBILIZE", "weapons", "launched") in found


def test_a_military_that_staged_exercises_mobilised_but_protesters_staging_a_sit_in_did_not():
    navy = kinds("Russia's navy staged large exercises in the Baltic on Monday.")
    assert ("MOBILIZE", "weapons", "staged") in navy
    students = kinds("Students staged a sit-in outside parliament on Monday.")
    assert not any(k == "MOBILIZE" for k, _, _ in students)
