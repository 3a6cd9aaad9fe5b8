"""Tests of eventwire.events.confidence (the score) and events.train_confidence (its fit)."""

from __future__ import annotations

import json

import pytest

from eventwire.events import confidence
from eventwire.events.classifier import Prediction
from eventwire.events.train_confidence import Sample, fit, train
from eventwire.model import Actor, Count, Event, Evidence, Location
from eventwire.resources import data_path

SENTENCE = "Rebels shelled the army base in Kidal on Monday, killing four soldiers."


def event(**kw) -> Event:
    fields = {
        "id": "ev_test",
        "event_type": "ASSAULT",
        "quad_class": 4,
        "confidence": 0.5,
        "evidence": Evidence(doc_id="d", sentence=SENTENCE, start=0, end=len(SENTENCE)),
    }
    return Event(**fields | kw)


def sure_of(event_type: str, p: float) -> Prediction:
    return Prediction(acled="none", acled_p=0.5, plover=event_type, plover_p=p, plover_probs={event_type: p})


def test_a_complete_asserted_attack_scores_above_a_bare_future_one():
    complete = event(
        actor=Actor(text="rebels", country="MLI", sector="REB", inter=2),
        recipient=Actor(text="the army", country="MLI", sector="MIL", inter=1),
        location=Location(text="Kidal", name="Kidal", country="MLI", precision="town", geo_precision=1),
        date_precision="day",
        fatalities=Count(best=4, low=4, high=4),
        factuality="asserted",
    )
    bare_future = event(event_type="THREATEN", quad_class=3, factuality="future")
    assert confidence.score(complete, sure_of("ASSAULT", 0.9)) > confidence.score(bare_future)


def test_the_classifier_agreeing_with_the_type_raises_the_confidence():
    attack = event(factuality="asserted")
    agreed = confidence.score(attack, sure_of("ASSAULT", 0.9))
    doubted = confidence.score(attack, sure_of("PROTEST", 0.9))
    assert agreed > doubted


def test_the_classifier_never_reorders_the_events_of_one_sentence():
    # "Police arrested marchers at a rally": the classifier hears the arrest, yet the more
    # complete reading stays first; both get the same help from the classifier
    from eventwire.events.extract import Candidate

    protest = event(
        id="ev_rally",
        event_type="PROTEST",
        actor=Actor(text="marchers", country="KEN", sector="CVL", inter=6),
        recipient=Actor(text="police", country="KEN", sector="COP", inter=1),
        date_precision="day",
    )
    arrest = event(id="ev_arrest", event_type="COERCE")
    pred = sure_of("COERCE", 0.95)
    cands = [Candidate(e, 0, None, set(), prediction=pred) for e in (protest, arrest)]
    scored = {e.id: e.confidence for e in confidence.score_events([protest, arrest], cands)}
    assert scored["ev_rally"] > scored["ev_arrest"]


def test_the_shipped_weights_round_trip_and_cover_every_feature():
    raw = json.loads(data_path(confidence.WEIGHTS).read_text(encoding="utf-8"))
    assert set(raw["weights"]) == set(confidence.features(event()))
    assert "dev" in raw["about"] and "test split" in raw["about"]  # says what it was fitted on
    attack = event(factuality="asserted", date_precision="day")
    feats = confidence.features(attack, sure_of("ASSAULT", 0.8))
    expected = confidence.probability(feats, float(raw["bias"]), raw["weights"])
    assert confidence.score(attack, sure_of("ASSAULT", 0.8)) == expected


def test_recording_collects_the_features_of_what_was_scored():
    with confidence.recording() as seen:
        confidence.score(event(id="ev_a"))
    assert set(seen) == {"ev_a"}
    confidence.score(event(id="ev_b"))  # outside the block: nothing recorded
    assert set(seen) == {"ev_a"}


def _samples() -> list[Sample]:
    # per item: an agreed, located event (right) and, in some items, a doubted rival (wrong)
    out = []
    for k in range(12):
        right = k % 4 != 0
        feats = confidence.features(event(factuality="asserted"), sure_of("ASSAULT", 0.5 + k / 30))
        out.append(Sample(f"i{k}", feats, right, False, True, 0))
        if k % 3 == 0:
            rival = confidence.features(event(event_type="PROTEST", quad_class=4), sure_of("ASSAULT", 0.6))
            out.append(Sample(f"i{k}", rival, False, False, True, 5))
    return out


def test_the_fit_is_deterministic_and_keeps_the_feature_names():
    first, second = fit(_samples()), fit(_samples())
    assert first == second
    bias, weights, summary = first
    assert set(weights) == set(confidence.features(event()))
    assert summary["items"] == 12 and summary["events"] == 16


@pytest.fixture
def tiny_gold(tmp_path):
    rows = [
        ("Gunmen attacked a police station in Kano on Monday, killing two officers.", "ASSAULT"),
        ("Protesters marched through Nairobi on Tuesday against new taxes.", "PROTEST"),
        ("The two foreign ministers met in Doha on Sunday to discuss the border.", "CONSULT"),
        ("Police arrested twelve activists in Harare on Friday.", "COERCE"),
        ("Soldiers shelled rebel positions near Goma on Wednesday.", "AID"),  # a deliberately wrong label
        ("Japan pledged new aid to flood victims in Pakistan on Thursday.", "ASSAULT"),  # likewise
    ]
    path = tmp_path / "gold.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for k, (text, label) in enumerate(rows):
            record = {"id": f"t{k}", "split": "dev", "text": text, "published": "2024-05-06"}
            fh.write(json.dumps(record | {"plover": {"event_type": label}, "acled": None}) + "\n")
    return path


def test_train_confidence_writes_the_same_file_twice(tiny_gold, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    train(tiny_gold, None, None, first, folds=0)
    train(tiny_gold, None, None, second, folds=0)
    assert first.read_bytes() == second.read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert "6 dev items" in doc["about"] and doc["fitted"]["folds"] == 0


def _sentence(k: int, text: str, label: str) -> dict:
    row = {"id": f"s{k}", "_key": f"s{k}#{k}", "split": "dev", "text": text, "acled": None}
    return row | {"plover": {"event_type": label}}


def test_the_plover_items_train_every_fold_classifier_but_are_never_coded(tmp_path, monkeypatch):
    # rules written on the PLOVER dev items are right there whatever the classifier says, so
    # they must not teach the fit; a training sentence is held out with its own fold only
    from eventwire.events import train_classifier as tc
    from eventwire.events import train_confidence as tcf

    training = tmp_path / "train.jsonl"
    own = {"text": "Militiamen torched a market in Bunia.", "plover": {"event_type": "ASSAULT"}}
    own["acled"] = None
    training.write_text(json.dumps(own) + "\n", encoding="utf-8")
    gold = [_sentence(k, f"Troops clashed with rebels near village {k}.", "ASSAULT") for k in range(4)]
    train_rows = [_sentence(9, own["text"], "ASSAULT") | {"id": "tr-9", "_key": "tr-9#0"}]
    plover = [{"id": "PLOVER-X-1", "_key": "p#0", "event": "PROTEST", "text": "Farmers blocked a highway."}]
    fitted, coded = [], []
    monkeypatch.setattr(tc, "fit", lambda examples, masked: fitted.append({e.text for e in examples}))

    def fake_code(items):
        coded.extend(r["text"] for _, rows in items for r in rows)
        return []

    monkeypatch.setattr(tcf, "_code", fake_code)
    items = [("sentences", gold), ("sentences", train_rows)]
    tcf.collect(items, training, 2, classifier_only=[("plover", plover)])
    assert len(fitted) == 2 and all("Farmers blocked a highway." in texts for texts in fitted)
    assert "Farmers blocked a highway." not in coded
    assert sorted(coded) == sorted(r["text"] for r in gold + train_rows)  # every item once
    assert sum(own["text"] in texts for texts in fitted) == 1  # out of its fold's classifier only


def test_the_weights_file_says_what_it_was_fitted_on_and_what_was_left_out(tiny_gold, tmp_path, monkeypatch):
    from eventwire.events import train_confidence as tcf

    training = tmp_path / "train.jsonl"
    row = {"id": "tr-1", "text": "Police fired tear gas at students in Dhaka.", "acled": None}
    row["plover"] = {"event_type": "ASSAULT"}
    training.write_text(json.dumps(row) + "\n", encoding="utf-8")
    plover = tmp_path / "plover.jsonl"
    plover.write_text(json.dumps({"id": "PLOVER-X-1", "event": "PROTEST", "text": "Farmers blocked a road."}))
    calls = []

    def fake_collect(items, train_path, folds, classifier_only=()):
        calls.append((len(items), [len(rows) for _, rows in classifier_only]))
        return _samples()

    monkeypatch.setattr(tcf, "collect", fake_collect)
    monkeypatch.setattr(tcf, "fit", lambda samples: (0.0, {"completeness": 0.1}, {}))
    doc = tcf.train(tiny_gold, plover, training, tmp_path / "w.json", folds=2)
    assert calls == [(2, [1])]  # the gold dev items and the training sentences; PLOVER only trains
    assert "6 dev items" in doc["about"] and "1 training sentences" in doc["about"]
    assert "PLOVER gold dev items train the classifier but are left out" in doc["about"]
