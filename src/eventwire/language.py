"""Language identification (py3langid ships its model: nothing is downloaded).

Example:
    >>> detect_language("Drone strikes killed 21 soldiers in Idlib on Friday.")[0]
    'en'
"""

from __future__ import annotations

import math
from functools import lru_cache

MIN_CHARS = 40  # shorter texts are not judged: too little evidence
CERTAIN = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, bool]:
    """ISO 639-1 code of the text's language and whether the call is confident."""
    sample = text[:5000]
    if len(sample.strip()) < MIN_CHARS:
        return "en", False
    lang, prob = _identifier().classify(sample)
    prob = float(prob) if not math.isnan(prob) else 0.0
    return lang, prob >= CERTAIN
