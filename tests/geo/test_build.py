"""Name keys of the gazetteer index: normalisation, Arabic articles, fuzzy skeletons."""

from __future__ import annotations

import pytest

from eventwire.geo.build import canon, keys, norm, population_score, skeleton


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ma'arrat al-Nu'man", "maarrat al numan"),
        ("Ma‘arrat an Nu‘mān", "maarrat an numan"),
        ("Kyiv", "kyiv"),
        ("Saint-Louis", "saint louis"),
        ("U.S.", "u s"),
    ],
)
def test_norm_strips_diacritics_apostrophes_hyphens(name: str, key: str) -> None:
    assert norm(name) == key


def test_canon_spells_every_arabic_article_al() -> None:
    assert canon("Jisr ash-Shughur") == canon("Jisr al-Shughur") == "jisr al shughur"
    assert canon("Ma‘arrat an Nu‘mān") == canon("Maarrat al-Numan")
    # a final word is never an article ("Ras As" stays as written)
    assert canon("Ras As") == "ras as"


def test_keys_index_names_with_and_without_leading_article() -> None:
    assert keys("Ar Raqqah") == {"al raqqah", "raqqah"}
    assert keys("Homs") == {"homs"}


def test_skeleton_ignores_vowels_doubling_and_articles() -> None:
    assert skeleton(canon("Raqqa")) == skeleton(canon("al-Rakka")) == skeleton(canon("Raqqah"))
    assert skeleton(canon("Saraqeb")) == skeleton(canon("Saraqib"))
    assert skeleton(canon("Homs")) != skeleton(canon("Hama"))


def test_population_score_is_monotonic() -> None:
    assert population_score(0) == 0
    assert population_score(1_000) < population_score(1_000_000)
