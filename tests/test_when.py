"""Tests of eventwire.when: date expressions and their resolution against the publication date."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from eventwire.resources import read_tsv
from eventwire.when import find_date_expressions, resolve_date

GOLD = Path(__file__).with_name("gold_dates.tsv")


def _gold() -> list[dict[str, str]]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


GOLD_ROWS = _gold()


def test_gold_is_big_enough() -> None:
    assert len(GOLD_ROWS) >= 60


@pytest.mark.parametrize("row", GOLD_ROWS, ids=[r["sentence"][:40] for r in GOLD_ROWS])
def test_gold_dates(row: dict[str, str]) -> None:
    published = None if row["published"] == "-" else dt.date.fromisoformat(row["published"])
    got = resolve_date(row["sentence"], published, tense=row["tense"])
    expected_date = None if row["date"] == "-" else dt.date.fromisoformat(row["date"])
    expected_precision = None if row["precision"] == "-" else row["precision"]
    assert (got.date, got.precision) == (expected_date, expected_precision), got


def test_no_expression_gives_no_date() -> None:
    got = resolve_date("Gunmen killed five villagers.", dt.date(2020, 3, 6))
    assert got.date is None and got.precision is None and got.warning is None


def test_no_publication_date_never_assumes_a_year() -> None:
    got = resolve_date("The attack took place on March 5.", None)
    assert got.date is None
    assert got.precision == "day"
    assert got.warning == "no publication date and no year in text"
    got = resolve_date("Gunmen attacked the village on Monday.", None)
    assert (got.date, got.warning is not None) == (None, True)


def test_no_publication_date_with_a_year_in_text() -> None:
    got = resolve_date("The town fell on 5 March 2020.", None)
    assert (got.date, got.precision, got.warning) == (dt.date(2020, 3, 5), "day", None)


def test_us_sources_read_month_first() -> None:
    got = resolve_date("The report is dated 05/03/2020.", dt.date(2020, 6, 1), day_first=False)
    assert got.date == dt.date(2020, 5, 3)


def test_find_date_expressions_gives_spans() -> None:
    text = "Turkey said Friday it had struck on Sunday, six hours after the 72-hour truce."
    spans = find_date_expressions(text)
    assert [words for _a, _b, words in spans] == ["Friday", "on Sunday"]
    assert all(text[a:b] == words for a, b, words in spans)


def test_near_picks_the_expression_closest_to_the_trigger() -> None:
    text = "Turkey said Friday it had ramped up its attack on Sunday."
    near = text.index("attack")
    got = resolve_date(text, dt.date(2020, 3, 6), near=near)
    assert got.date == dt.date(2020, 3, 1)
    assert resolve_date(text, dt.date(2020, 3, 6)).date == dt.date(2020, 3, 6)


def test_terms_file_is_well_formed() -> None:
    for row in read_tsv("date_terms.tsv"):
        assert row["unit"] in ("day", "week", "weekend", "month", "year"), row
        int(row["offset"])


def test_a_weekend_is_the_saturday_of_the_latest_weekend_with_week_precision():
    monday = dt.date(2023, 5, 8)
    got = resolve_date("Armed men raped 12 women near Djugu over the weekend", monday)
    assert (got.date, got.precision) == (dt.date(2023, 5, 6), "week")
    sunday = dt.date(2023, 5, 7)
    assert resolve_date("clashes at the weekend", sunday).date == dt.date(2023, 5, 6)
    assert resolve_date("protests last weekend", monday).date == dt.date(2023, 4, 29)


def test_a_finer_date_inside_the_first_one_wins():
    got = resolve_date("Thirty years ago, in April 1994, militiamen began massacring", dt.date(2024, 4, 7))
    assert (got.date, got.precision) == (dt.date(1994, 4, 1), "month")
    # a finer date elsewhere in time does not override the first one
    got = resolve_date("Last year, on March 3 2024, troops entered the town", dt.date(2025, 6, 1))
    assert got.date == dt.date(2024, 3, 3)
    got = resolve_date("In 2019 the group attacked; on 5 May 2021 it signed a deal", dt.date(2022, 1, 1))
    assert (got.date, got.precision) == (dt.date(2019, 1, 1), "year")
