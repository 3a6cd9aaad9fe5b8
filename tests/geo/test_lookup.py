"""Ranked candidates for a name (eventwire.geo.lookup) and the `eventwire geocode` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.geo import get_geocoder
from eventwire.geo.lookup import candidates, render


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def test_candidates_are_ranked_best_first(geo) -> None:
    found = candidates(geo, "Tripoli", limit=3)
    assert [c.country for c in found[:2]] == ["LBY", "LBN"]  # the capital first, then Lebanon's
    assert found[0].score >= found[1].score >= found[2].score
    assert found[0].geonameid == 2210247 and found[0].population > 1_000_000


def test_country_context_reorders_without_filtering(geo) -> None:
    found = candidates(geo, "Tripoli", country="LBN", limit=5)
    assert found[0].country == "LBN"
    assert "LBY" in {c.country for c in found}  # the foreign namesake still shows


def test_unknown_name_has_no_candidates(geo) -> None:
    assert candidates(geo, "Qqqxyzzy") == []


def test_render_has_one_line_per_candidate(geo) -> None:
    found = candidates(geo, "Aleppo", limit=2)
    assert len(render(found).splitlines()) == 1 + len(found)


def test_cli_geocode_json_lines() -> None:
    result = CliRunner().invoke(main, ["geocode", "Tripoli", "--country", "LBN", "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 2
    assert rows[0]["country"] == "LBN" and rows[0]["feature"] == "PPL"
    assert set(rows[0]) >= {"name", "admin1", "population", "lat", "lon", "geonameid", "score"}


def test_cli_geocode_table() -> None:
    result = CliRunner().invoke(main, ["geocode", "Aleppo", "--limit", "1"])
    assert result.exit_code == 0 and "SYR" in result.output
