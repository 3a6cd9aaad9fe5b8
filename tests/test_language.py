"""detect_language: py3langid's bundled model, short texts not judged."""

from __future__ import annotations

from eventwire.language import CERTAIN, detect_language


def test_english():
    lang, confidence = detect_language(
        "Government forces shelled rebel positions north of the city on Friday, residents said."
    )
    assert lang == "en" and confidence >= CERTAIN


def test_french_is_confident():
    lang, confidence = detect_language(
        "Les forces gouvernementales ont bombardé les positions rebelles au nord de la ville vendredi."
    )
    assert lang == "fr" and confidence >= CERTAIN


def test_short_text_is_not_judged():
    assert detect_language("Hola amigos") == ("en", 0.0)


def test_a_short_headline_with_more_english_than_french_function_words_is_english():
    from eventwire.language import _function_words

    headline = "Three soldiers killed in the east of the country, military says"
    assert _function_words("en", headline) > _function_words("fr", headline)
    assert detect_language(headline)[0] == "en"
    french = "Les forces armées ont tué trois rebelles près de Bangui, selon le ministère."
    assert detect_language(french)[0] == "fr"
