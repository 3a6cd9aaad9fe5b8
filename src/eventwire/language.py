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
    return str(lang), (prob if not math.isnan(prob) else 0.0)
