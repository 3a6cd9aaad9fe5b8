"""Language identification (py3langid ships its model: nothing is downloaded).

The model is loaded on the first call, not at import. Texts too short to judge are taken as
English with confidence 0, so a one-line document is never skipped on a guess.

Example:
    >>> lang, confidence = detect_language("Drone strikes killed 21 soldiers in Idlib on Friday.")
    >>> lang
    'en'
"""

from __future__ import annotations

import math
from functools import lru_cache

MIN_CHARS = 40  # shorter texts are not judged: too little evidence
SAMPLE_CHARS = 5000  # the opening of a long text is enough, and keeps the call fast
CERTAIN = 0.9  # a non-English call at or above this probability skips the document
SHORT_CHARS = 400  # below this, a non-English call is checked against the text's function words


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code of the text's language and the probability of that call (0-1)."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    prob = float(prob)
    prob = prob if not math.isnan(prob) else 0.0
    short = len(sample) < SHORT_CHARS
    if lang != "en" and short and _function_words("en", sample) > _function_words(lang, sample):
        # a headline has few words and many names: "Three Ukrainian soldiers killed in separatist
        # east: military" is called French; its English function words say otherwise
        return "en", 0.5
    return str(lang), prob


def _function_words(lang: str, text: str) -> int:
    """How many of the text's words are function words of ``lang`` (spaCy's stop-word lists)."""
    stops = _stop_words(lang)
    return sum(w in stops for w in text.lower().replace("’", "'").split())


@lru_cache(maxsize=16)
def _stop_words(lang: str) -> frozenset[str]:
    import importlib

    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(module.STOP_WORDS)
