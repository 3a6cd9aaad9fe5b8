"""The actor phrase table (actor_cases.tsv) scored as a whole, with a floor."""

from __future__ import annotations

import csv
from pathlib import Path

from eventwire.actors import resolve_actor

CASES = Path(__file__).with_name("actor_cases.tsv")


def _cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _outcome(row: dict[str, str]) -> tuple[str | None, str | None, int | None]:
    actor = resolve_actor(row["text"], context_country=row["context"] or None)
    if actor is None:
        return None, None, None
    return actor.country, actor.sector, actor.inter


def _expected(row: dict[str, str]) -> tuple[str | None, str | None, int | None]:
    inter = int(row["inter"]) if row["inter"] else None
    return row["country"] or None, row["sector"] or None, inter


def test_case_table_is_large_enough():
    assert len(_cases()) >= 80


def test_case_table_floor():
    rows = _cases()
    wrong = [(r["text"], _expected(r), _outcome(r)) for r in rows if _outcome(r) != _expected(r)]
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.9, wrong


def test_case_table_country_floor():
    rows = _cases()
    ok = sum(_outcome(r)[0] == _expected(r)[0] for r in rows)
    assert ok / len(rows) >= 0.95
