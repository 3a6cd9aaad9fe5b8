"""Tests of eventwire.numbers: number words, numerals and vague quantities."""

from __future__ import annotations

import re

import pytest

from eventwire.numbers import number_pattern, parse_number
from eventwire.resources import read_tsv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21", (21, 21, 21)),
        ("1,200", (1200, 1200, 1200)),
        ("twenty-one", (21, 21, 21)),
        ("Twenty one", (21, 21, 21)),
        ("two hundred and fifty", (250, 250, 250)),
        ("three thousand", (3000, 3000, 3000)),
        ("1.5 million", (1_500_000, 1_500_000, 1_500_000)),
        ("a dozen", (12, 12, 12)),
        ("half a dozen", (6, 6, 6)),
        ("dozens", (12, 12, 99)),
        ("scores", (20, 20, 99)),
        ("hundreds", (100, 100, 999)),
        ("tens of thousands", (10_000, 10_000, 99_999)),
        ("several", (3, 3, 9)),
        ("a handful", (3, 2, 9)),
        ("many", (10, 3, None)),
    ],
)
def test_parse_number(text: str, expected: tuple[int, int, int | None]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["10-15", "soldiers", "", "2020-03-05"])
def test_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def _numbers(text: str) -> list[str]:
    return [m.group(0) for m in re.finditer(number_pattern(), text, re.I)]


def test_pattern_finds_whole_numbers() -> None:
    assert _numbers("killed twenty-one soldiers and 1,200 civilians") == ["twenty-one", "1,200"]
    assert _numbers("tens of thousands fled") == ["tens of thousands"]


def test_pattern_keeps_ranges_apart() -> None:
    assert _numbers("10-15 people") == ["10", "15"]


def test_pattern_ignores_numbers_inside_words() -> None:
    assert _numbers("someone gave money near the M4 highway") == []


def test_vague_rows_are_consistent() -> None:
    for row in read_tsv("number_words.tsv"):
        value = int(row["value"])
        low = int(row["low"]) if row["low"] else value
        assert low <= value, row
        if row["high"]:
            assert value <= int(row["high"]), row
        assert row["kind"] in ("exact", "scale", "vague"), row
