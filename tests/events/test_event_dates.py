"""Event dates inside a sentence: which date words date which event."""

import datetime as dt

import pytest

from eventwire.pipeline import code_text


def _dates(text: str, published: str) -> dict[str, dt.date | None]:
    return {e.trigger.lower(): e.date for e in code_text(text, published)}


@pytest.mark.parametrize(
    ("text", "published", "trigger", "expected"),
    [
        # the date sits in the clause of another event: one sentence, one time
        (
            "Sudanese security forces killed nine people as they fired on anti-coup marches in "
            "Khartoum on Thursday, medics said.",
            "2022-07-01",
            "killed",
            dt.date(2022, 6, 30),
        ),
        # a future event's weekday lies ahead of publication
        (
            "Ukraine's president is expected to visit Washington on Thursday to meet President Biden.",
            "2023-09-19",
            None,
            dt.date(2023, 9, 21),
        ),
    ],
)
def test_sentence_dates(text, published, trigger, expected):
    dates = _dates(text, published)
    assert dates, "no event coded"
    got = dates[trigger] if trigger else next(iter(dates.values()))
    assert got == expected


def test_an_event_after_another_keeps_week_precision_not_the_other_day():
    events = code_text(
        "Turkey ramped up its attack on Sunday after Syrian airstrikes killed 34 Turkish soldiers.",
        "2020-03-06",
    )
    strike = next(e for e in events if e.trigger.lower() in ("airstrikes", "killed"))
    assert strike.date_precision == "week"


def test_a_year_in_a_comparison_does_not_date_the_event():
    events = code_text(
        "Air strikes on a market in Ariha killed 14 civilians, in one of the deadliest attacks "
        "on the enclave this year.",
        "2023-10-06",
    )
    killed = next(e for e in events if e.trigger == "killed")
    assert (killed.date_precision, killed.date_text) == ("week", None)  # the report's week


def test_a_later_date_in_what_was_agreed_does_not_date_the_agreeing():
    text = '"Both sides agreed to resume the negotiations in Doha next week," the mediator said.'
    agreed = next(e for e in code_text(text, "2024-03-14") if e.event_type == "AGREE")
    assert agreed.date == dt.date(2024, 3, 14) and agreed.date_precision == "week"


def test_a_date_inside_the_condemned_event_dates_that_event_not_the_condemnation():
    text = (
        "The African Union chairman strongly condemns the attack carried out by gunmen on 2 May on "
        "a market in Gao, which killed 11 traders."
    )
    events = code_text(text, "2024-05-04")
    condemnation = next(e for e in events if e.event_type == "ACCUSE")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.date == dt.date(2024, 5, 2)
    assert condemnation.date == dt.date(2024, 5, 4)


def test_the_year_a_superlative_compares_with_does_not_date_the_event():
    text = "Bandits killed nine farmers near Gusau, the worst attack in the area this year."
    (attack,) = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert attack.date_precision != "year"


def test_the_day_a_deal_starts_is_not_the_day_it_was_agreed():
    [deal] = code_text("The government agreed a 3-month truce with rebels, starting July 1.", "2024-05-15")
    assert deal.event_type == "AGREE"
    assert deal.date == dt.date(2024, 5, 15)
