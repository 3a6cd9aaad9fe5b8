"""Fit the sentence classifier of ``events.classifier`` from the team's training and dev data.

Training data (never a test split): the team-written ``training/events_train.jsonl``, the dev
split of ``gold/event_sentences.jsonl`` and, when it is beside the repository, the dev split of
the PLOVER gold standard records (``shared/data/plover_gsr.jsonl``, CC BY-SA 4.0 — a model
trained on it carries that licence, which the model's metadata records). The fit is
deterministic: fixed vocabulary order, lbfgs with a fixed seed, no wall-clock in the output.

Example:
    >>> # model = fit(load_examples(paths)); save_model(model, json_path, npz_path)
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.events.classifier import HEADS, NONE, Model, features, mask_span

# PLOVER types the 2016 gold standard still spells the old way.
PLOVER_OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# PLOVER types that are never ACLED events (talk, aid, sanctions): the ACLED head may learn
# "none" from them; other PLOVER-only sentences (fights, protests, arrests) have no ACLED label.
_OUTSIDE_ACLED = {
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
}
# Sentences about what did not (yet) happen are "none" for ACLED, but only because of their
# modality, which the rules read; their wording is an event's, so the ACLED head skips them.
_UNREAL = {"future", "hypothetical", "negated"}
SEED = 13


@dataclass(frozen=True)
class Example:
    """One training sentence with its labels (None: this head does not learn from it)."""

    text: str
    acled: str | None
    plover: str | None
    source: str


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sentence_examples(rows: Iterable[dict], source: str) -> list[Example]:
    """Examples from the project's sentence records (training file or gold dev split)."""
    out = []
    for r in rows:
        acled = (r["acled"] or {}).get("sub_event_type", NONE)
        if r.get("factuality") in _UNREAL:
            acled = None
        out.append(Example(text=r["text"], acled=acled, plover=r["plover"]["event_type"], source=source))
    return out


def plover_examples(rows: Iterable[dict], source: str) -> list[Example]:
    """Examples from PLOVER gold standard records (no ACLED labels, see ``_OUTSIDE_ACLED``)."""
    out = []
    for r in rows:
        label = PLOVER_OLD.get(r.get("event", ""), r.get("event", ""))
        if label in ("DOCUMENT", "CRIME", "") or not r.get("text"):
            continue
        acled = NONE if label in _OUTSIDE_ACLED else None
        out.append(Example(text=r["text"], acled=acled, plover=label, source=source))
    return out


def load_examples(train: Path, gold: Path | None, plover: Path | None) -> list[Example]:
    """The training examples: the team's file, plus the dev splits of the gold files given."""
    from eventwire.evaluate import load_gold, split_of

    examples = sentence_examples(_jsonl(train), "train")
    if gold is not None and gold.exists():
        examples += sentence_examples((r for r in _jsonl(gold) if r.get("split") == "dev"), "gold_dev")
    if plover is not None and plover.exists():
        rows = [r for r in load_gold(plover) if r.get("event") != "DOCUMENT" and split_of(r) == "dev"]
        examples += plover_examples(rows, "plover_dev")
    return examples


def mask_texts(texts: list[str]) -> list[str]:
    """Masked texts (entities and numbers replaced) with eventwire's spaCy pipeline."""
    from eventwire.nlp import get_nlp

    return [mask_span(doc) for doc in get_nlp().pipe(texts, batch_size=64)]


def _vocab(rows: list[Counter[str]], min_df: int) -> dict[str, int]:
    df: Counter[str] = Counter()
    for r in rows:
        df.update(r.keys())
    kept = sorted(f for f, n in df.items() if n >= min_df)
    return {f: i for i, f in enumerate(kept)}


def _idf(rows: list[Counter[str]], vocab: dict[str, int]) -> np.ndarray:
    df = np.zeros(len(vocab))
    for r in rows:
        for f in r:
            if f in vocab:
                df[vocab[f]] += 1
    return np.log((1 + len(rows)) / (1 + df)) + 1.0  # smoothed idf, as scikit-learn's


def fit(
    examples: list[Example],
    masked: list[str],
    c: float = 10.0,
    min_df: int = 2,
    dense: np.ndarray | None = None,
) -> Model:
    """Fit both heads on masked texts; ``c`` is the inverse L2 regularisation strength.

    ``dense`` (one row per example) adds columns after the TF-IDF features: the sentence
    embeddings of ``events.embeddings``, whose coefficients then follow the sparse ones.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    feats = [features(m) for m in masked]
    word_vocab = _vocab([w for w, _ in feats], min_df)
    char_vocab = _vocab([ch for _, ch in feats], min_df)
    idf = np.concatenate([_idf([w for w, _ in feats], word_vocab), _idf([ch for _, ch in feats], char_vocab)])
    shell = Model(word_vocab, char_vocab, idf, {}, {}, {})
    rows, cols, vals = [], [], []
    for i, m in enumerate(masked):
        for k, v in shell.vector(m).items():
            rows.append(i)
            cols.append(k)
            vals.append(v)
    x = csr_matrix((vals, (rows, cols)), shape=(len(masked), len(idf)))
    if dense is not None:
        x = hstack([x, csr_matrix(dense)]).tocsr()
    labels, coef, bias, counts = {}, {}, {}, {}
    for head in HEADS:
        ys = [getattr(e, head) for e in examples]
        keep = [i for i, y in enumerate(ys) if y is not None]
        clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
        clf.fit(x[keep], [ys[i] for i in keep])
        labels[head] = [str(v) for v in clf.classes_]
        coef[head] = clf.coef_.T.copy()
        bias[head] = clf.intercept_.copy()
        counts[head] = dict(sorted(Counter(ys[i] for i in keep).items()))
    meta = {
        "features": "tf-idf (sublinear) word 1-2-grams + char 3-5-grams within words, min_df "
        f"{min_df}, entities and numbers masked; multinomial logistic regression, C={c}",
        "n_examples": len(examples),
        "sources": dict(sorted(Counter(e.source for e in examples).items())),
        "class_counts": counts,
        "n_features": int(len(idf)),
        "licence": _licence(examples),
    }
    if dense is not None:
        from eventwire.events.embeddings import ENCODER, WEIGHT

        meta["dense_features"] = {"n": int(dense.shape[1]), "encoder": ENCODER, "weight": WEIGHT}
    return Model(word_vocab, char_vocab, idf, labels, coef, bias, meta)


def _licence(examples: list[Example]) -> str:
    if any(e.source == "plover_dev" for e in examples):
        return (
            "CC BY-SA 4.0: trained in part on the PLOVER gold standard records (c) 2016 Open Event "
            "Data Alliance, CC BY-SA 4.0; the fitted model is shared under the same licence."
        )
    return "same as eventwire (trained only on the project's own sentences)"


def train(
    train_path: Path,
    gold_path: Path | None,
    plover_path: Path | None,
    out_dir: Path,
    c: float = 10.0,
    embeddings: bool = False,
) -> Model:
    """Fit on the training data and write the model files into ``out_dir``; returns the model.

    With ``embeddings`` (needs the ``embeddings`` extra) it writes the model of
    ``events.embeddings`` instead of the light one.
    """
    from eventwire.events import classifier

    examples = load_examples(train_path, gold_path, plover_path)
    names, dense = (classifier.MODEL_JSON, classifier.MODEL_NPZ), None
    if embeddings:
        from eventwire.events import embeddings as emb

        names, dense = (emb.MODEL_JSON, emb.MODEL_NPZ), emb.embed([e.text for e in examples])
    model = fit(examples, mask_texts([e.text for e in examples]), c=c, dense=dense)
    out_dir.mkdir(parents=True, exist_ok=True)
    classifier.save_model(model, out_dir / Path(names[0]).name, out_dir / Path(names[1]).name)
    if not embeddings:  # the policy's pairings come from the same examples: written once is enough
        write_policy(examples, out_dir / "combine_policy.json")
    return model


DEFAULT_THRESHOLDS = {"plover": 0.6, "acled_add": 0.5, "acled_swap": 0.3, "acled_drop": 0.7, "new_event": 0.6}


def compatible_types(examples: list[Example]) -> dict[str, list[str]]:
    """For each ACLED sub-type, the PLOVER types the training data pairs it with."""
    pairs: dict[str, set[str]] = {}
    for e in examples:
        if e.acled not in (None, NONE) and e.plover is not None:
            pairs.setdefault(e.acled, set()).add(e.plover)
    return {k: sorted(v) for k, v in sorted(pairs.items())}


def write_policy(examples: list[Example], path: Path) -> None:
    """Write the combine policy: the thresholds already there (tuned on dev) and the pairings."""
    thresholds = dict(DEFAULT_THRESHOLDS)
    if path.exists():
        thresholds |= json.loads(path.read_text(encoding="utf-8")).get("thresholds", {})
    doc = {
        "about": "events.combine policy: classifier probability thresholds (tuned on dev splits "
        "with training/compare.py) and, per ACLED sub-type, the PLOVER types the training data "
        "pairs it with (written by `eventwire train`).",
        "thresholds": thresholds,
        "compatible": compatible_types(examples),
    }
    path.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def accuracy(model: Model, masked: list[str], gold: list[str | None], head: str) -> float:
    """Share of the labelled texts whose top class is the gold label."""
    pairs = [(m, g) for m, g in zip(masked, gold, strict=True) if g is not None]
    hits = sum(getattr(model.predict_masked(m), head) == g for m, g in pairs)
    return round(hits / max(1, len(pairs)), 4) if pairs else math.nan
