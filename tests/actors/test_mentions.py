"""Finding actor phrases in a sentence."""

from __future__ import annotations

from eventwire.actors import find_actor_mentions


def _found(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(text[s:e], a.country, a.sector) for s, e, a in find_actor_mentions(text)]


def test_mentions_are_widened_over_titles_and_split_at_punctuation():
    text = "Unidentified armed men killed 12 villagers and two police officers, Hamas said."
    assert _found(text) == [
        ("Unidentified armed men", None, "UAF"),
        ("villagers", None, "CVL"),
        ("police officers", None, "COP"),
        ("Hamas", "PSE", "REB"),
    ]


def test_mentions_longest_first_and_in_text_order():
    text = "Russian Foreign Ministry spokeswoman Maria Zakharova said HTS fighters attacked."
    found = _found(text)
    assert found[0] == ("Russian Foreign Ministry spokeswoman Maria Zakharova", "RUS", "GOV")
    assert found[1] == ("HTS fighters", "SYR", "REB")


def test_offsets_point_into_the_text():
    text = "Turkish troops shelled SDF positions."
    for start, end, actor in find_actor_mentions(text):
        assert text[start:end] == actor.text


def test_no_mentions_in_a_sentence_without_actors():
    assert find_actor_mentions("It rained heavily on Tuesday.") == []
