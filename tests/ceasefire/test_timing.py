import datetime as dt

import pytest

from eventwire.ceasefire.timing import (
    find_clocks,
    find_days,
    find_durations,
    find_effective,
    find_end,
    weekday_date,
    zone_for,
)

FRIDAY = dt.date(2020, 3, 6)


@pytest.mark.parametrize(
    ("text", "future", "expected", "zone"),
    [
        ("started at midnight Friday", False, "2020-03-06T00:00:00+02:00", "Asia/Damascus"),
        ("took effect at 12:00 GMT on Sunday", False, "2020-03-01T12:00:00+00:00", "UTC"),
        ("will take effect at 0900 local time on Monday", True, "2020-03-09T09:00:00+02:00",
         "Asia/Damascus"),
        ("will begin at midnight on Thursday night", True, "2020-03-13T00:00:00+02:00",
         "Asia/Damascus"),
        ("will take effect at midnight", True, "2020-03-07T00:00:00+02:00", "Asia/Damascus"),
        ("began at dawn", False, "2020-03-06T06:00:00+02:00", "Asia/Damascus"),
        ("from 6 p.m. (1500 GMT) on March 7", True, "2020-03-07T18:00:00+02:00", "Asia/Damascus"),
        ("in effect since Saturday", False, "2020-02-29T00:00:00+02:00", "Asia/Damascus"),
    ],
)
def test_find_effective(text, future, expected, zone):
    when = find_effective(text, FRIDAY, area_tz="Asia/Damascus", future=future)
    assert when is not None
    assert when.value.isoformat() == expected
    assert when.timezone == zone


def test_unknown_zone_gives_a_naive_local_time():
    when = find_effective("started at midnight Friday", FRIDAY)
    assert when.value == dt.datetime(2020, 3, 6) and when.timezone is None


def test_no_time_and_no_publication_date():
    assert find_effective("it held", FRIDAY) is None
    assert find_effective("started at midnight Friday", None) is None


def test_clocks():
    found = find_clocks("at 9 a.m. local time, then 1900 GMT, noon and 18:30")
    assert [(c.hour, c.minute, c.zone) for c in found] == [
        (9, 0, "local"), (19, 0, "UTC"), (12, 0, None), (18, 30, None)]
    assert find_clocks("in 2020 and 1999") == []  # years are not clock times


def test_days_and_weekdays():
    assert weekday_date(4, FRIDAY, future=False) == FRIDAY
    assert weekday_date(0, FRIDAY, future=True) == dt.date(2020, 3, 9)
    days = find_days("on March 5 and Sunday night", FRIDAY)
    assert [(d.date, d.night) for d in days] == [(dt.date(2020, 3, 5), False),
                                                 (dt.date(2020, 3, 1), True)]
    assert find_days("on December 30", dt.date(2021, 1, 2))[0].date == dt.date(2020, 12, 30)


def test_durations():
    found = find_durations("a 72-hour pause, a three-day truce, a week-long ceasefire")
    assert [h for _, _, h in found] == [72.0, 72.0, 168.0]


def test_zone_for():
    assert zone_for("SYR") == "Asia/Damascus"
    assert zone_for("COD", "Kinshasa") == "Africa/Kinshasa"
    assert zone_for("COD", "North Kivu") == "Africa/Lubumbashi"
    assert zone_for("XXX") is None and zone_for(None) is None


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("The pause is expected to last until May 9.", dt.datetime(2024, 5, 10)),
        ("The truce runs until Sunday, the mediators said.", dt.datetime(2024, 5, 6)),
        ("A truce until the end of the month.", None),
    ],
)
def test_the_last_day_a_truce_is_told_to_run(text, ends):
    found = find_end(text, dt.date(2024, 5, 1))  # a Wednesday
    assert (found.value if found else None) == ends


def test_a_start_clock_does_not_take_the_end_day():
    found = find_effective("took effect at noon and runs until Friday", dt.date(2024, 5, 1))
    assert found is not None and found.value == dt.datetime(2024, 5, 1, 12, 0)
