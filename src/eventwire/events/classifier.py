"""A sentence classifier for the ACLED sub-event type and the PLOVER event type.

The rules (frames over the parse, the trigger lexicon, acled_rules.tsv) know who acts on whom;
a linear model over the sentence's wording knows which words co-occur with which ACLED
sub-type across many phrasings the lexicon has never listed. ``events.combine`` lets the two
vote. The model is a TF-IDF bag of word 1–2-grams and character 3–5-grams with two
multinomial logistic-regression heads, stored as JSON (vocabulary, idf, labels, metadata) plus
a compressed numpy array file (coefficients): no pickle, nothing executable in the data.

Named entities and numbers are masked before featurising ("Hamas fighters attacked Rafah on
Monday" → "_org_ fighters attacked _place_ on _when_"), so the model learns the event
wording, not the names of one conflict.

Example:
    >>> # predict_text("Police fired tear gas at protesters in the capital.").acled
    >>> # 'Protest with intervention'
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from eventwire.errors import ResourceError
from eventwire.resources import data_path

NONE = "none"
MODEL_JSON = "models/event_classifier.json"
MODEL_NPZ = "models/event_classifier.npz"
HEADS = ("acled", "plover")

# Entity labels → the placeholder that replaces the entity's words; labels not listed are kept.
_MASKS = {
    "PERSON": "_person_",
    "GPE": "_place_",
    "LOC": "_place_",
    "FAC": "_place_",
    "ORG": "_org_",
    "NORP": "_norp_",
    "DATE": "_when_",
    "TIME": "_when_",
    "CARDINAL": "_num_",
    "QUANTITY": "_num_",
    "MONEY": "_num_",
    "PERCENT": "_num_",
}
_WORD = re.compile(r"_[a-z]+_|[a-z][a-z'\-]*[a-z]|[a-z]|\d+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Prediction:
    """The classifier's best label and probability for each head, and every class's probability."""

    acled: str
    acled_p: float
    plover: str
    plover_p: float
    acled_probs: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    plover_probs: dict[str, float] = field(default_factory=dict, compare=False, repr=False)


# ---- featurising ------------------------------------------------------------------------


def mask_entities(text: str, ents: Iterable[tuple[int, int, str]]) -> str:
    """The text with each entity span (start, end, label) replaced by its placeholder, lowercased."""
    out, at = [], 0
    for start, end, label in sorted(ents):
        placeholder = _MASKS.get(label)
        if placeholder is None or start < at:
            continue
        out.append(text[at:start])
        out.append(f" {placeholder} ")
        at = end
    out.append(text[at:])
    return _DIGITS.sub("0", "".join(out).lower())


def mask_span(span) -> str:
    """The masked text of a parsed spaCy sentence (``Span``) or document."""
    base = getattr(span, "start_char", 0)  # a Doc starts at 0
    ents = [(e.start_char - base, e.end_char - base, e.label_) for e in span.ents]
    return mask_entities(span.text, ents)


def features(masked: str) -> tuple[Counter[str], Counter[str]]:
    """Word 1–2-gram counts and character 3–5-gram counts (within words) of a masked text."""
    words = _WORD.findall(masked)
    wf: Counter[str] = Counter(words)
    wf.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    cf: Counter[str] = Counter()
    for w in words:
        if w.startswith("_"):
            continue  # a placeholder says nothing more as characters
        padded = f" {w} "
        for n in (3, 4, 5):
            cf.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return wf, cf


def _block(counts: Counter[str], vocab: dict[str, int], idf: np.ndarray) -> dict[int, float]:
    """Sublinear tf × idf of the known features, L2-normalised (one block of the vector)."""
    vec = {vocab[f]: (1.0 + math.log(c)) * float(idf[vocab[f]]) for f, c in counts.items() if f in vocab}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


# ---- the model --------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    """A fitted classifier: shared vocabularies and idf, and one (labels, coef, bias) per head."""

    word_vocab: dict[str, int]
    char_vocab: dict[str, int]
    idf: np.ndarray  # word features first, then char features
    labels: dict[str, list[str]]
    coef: dict[str, np.ndarray]  # head -> (n_features, n_classes)
    bias: dict[str, np.ndarray]
    meta: dict = field(default_factory=dict)

    def vector(self, masked: str) -> dict[int, float]:
        """The sparse feature vector (index → value) of a masked text."""
        wf, cf = features(masked)
        nw = len(self.word_vocab)
        vec = _block(wf, self.word_vocab, self.idf[:nw])
        for k, v in _block(cf, self.char_vocab, self.idf[nw:]).items():
            vec[nw + k] = v
        return vec

    def probabilities(self, masked: str, dense: np.ndarray | None = None) -> dict[str, dict[str, float]]:
        """Each head's class probabilities for a masked text.

        ``dense`` is the features a model fitted with extra dense columns after the sparse ones
        reads (the sentence embedding of ``events.embeddings``); the light model has none.
        """
        vec = self.vector(masked)
        idx = np.fromiter(vec.keys(), dtype=np.int64, count=len(vec))
        val = np.fromiter(vec.values(), dtype=np.float64, count=len(vec))
        out = {}
        for head in HEADS:
            z = self.bias[head] + (val @ self.coef[head][idx] if len(idx) else 0.0)
            if dense is not None:
                z = z + dense @ self.coef[head][len(self.idf) :]
            p = np.exp(z - z.max())
            p /= p.sum()
            out[head] = {lab: float(q) for lab, q in zip(self.labels[head], p, strict=True)}
        return out

    def predict_masked(self, masked: str, dense: np.ndarray | None = None) -> Prediction:
        """The prediction for an already masked text (and its dense features, if the model has any)."""
        probs = self.probabilities(masked, dense)
        best = {h: max(probs[h].items(), key=lambda kv: kv[1]) for h in HEADS}
        return Prediction(
            acled=best["acled"][0],
            acled_p=round(best["acled"][1], 4),
            plover=best["plover"][0],
            plover_p=round(best["plover"][1], 4),
            acled_probs=probs["acled"],
            plover_probs=probs["plover"],
        )


def save_model(model: Model, json_path, npz_path) -> None:
    """Write a model as JSON (vocabularies, idf, labels, metadata) and npz (coefficients)."""
    doc = {
        "format": "eventwire-event-classifier/1",
        "meta": model.meta,
        "labels": model.labels,
        "word_vocab": sorted(model.word_vocab, key=model.word_vocab.__getitem__),
        "char_vocab": sorted(model.char_vocab, key=model.char_vocab.__getitem__),
    }
    with open(json_path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    arrays = {"idf": model.idf.astype(np.float32)}
    for head in HEADS:
        # float16 keeps the file small; the rounding moves probabilities by < 1e-3
        arrays[f"coef_{head}"] = model.coef[head].astype(np.float16)
        arrays[f"bias_{head}"] = model.bias[head].astype(np.float32)
    np.savez_compressed(npz_path, **arrays)


def read_model(json_path, npz_path) -> Model:
    """Read a model written by ``save_model`` (no pickle: ``allow_pickle=False``)."""
    with open(json_path, encoding="utf-8") as fh:
        doc = json.load(fh)
    if doc.get("format") != "eventwire-event-classifier/1":
        raise ResourceError(f"{json_path}: not an eventwire event classifier")
    with np.load(npz_path, allow_pickle=False) as arrays:
        coef = {h: arrays[f"coef_{h}"].astype(np.float64) for h in HEADS}
        bias = {h: arrays[f"bias_{h}"].astype(np.float64) for h in HEADS}
        idf = arrays["idf"].astype(np.float64)
    return Model(
        word_vocab={w: i for i, w in enumerate(doc["word_vocab"])},
        char_vocab={c: i for i, c in enumerate(doc["char_vocab"])},
        idf=idf,
        labels=doc["labels"],
        coef=coef,
        bias=bias,
        meta=doc.get("meta", {}),
    )


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (read once per process, on first use)."""
    return read_model(data_path(MODEL_JSON), data_path(MODEL_NPZ))


def predict_span(span) -> Prediction:
    """The prediction for one parsed sentence (a spaCy ``Span``).

    With the ``embeddings`` extra installed and its model shipped, the model that also reads the
    sentence embedding answers (``events.embeddings``); otherwise the light model.
    """
    from eventwire.events import embeddings

    if embeddings.enabled():
        return embeddings.predict_span(span)
    return load_model().predict_masked(mask_span(span))


def predict_text(text: str) -> Prediction:
    """The prediction for a raw sentence (parsed here with eventwire's spaCy pipeline)."""
    from eventwire.nlp import get_nlp

    return predict_span(get_nlp()(text))
