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
