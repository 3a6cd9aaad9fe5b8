"""The multi-document scenario (tests/fixtures/ceasefire_scenario) with hand-built events.

Sentences come from a simple splitter and events from expected.json, so this tests the tracker
alone; a full-pipeline run over the same fixture is the lead's integration test.
"""

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from eventwire.ceasefire import detect_ceasefires, link_events, merge_ceasefires
from eventwire.model import Actor, Count, Event, Evidence, Location

from .builders import document, place, sentences

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "ceasefire_scenario"
EXPECTED = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))


def _docs():
    for line in (ROOT / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (ROOT / row["path"]).read_text(encoding="utf-8")
        yield document(text, row["published"], doc_id=row["doc_id"])


def _events(doc) -> list[Event]:
    """The expected events a document reports, as the pipeline would code them."""
    out = []
    for cluster in EXPECTED["clusters"]:
        for n, member in enumerate(cluster["members"]):
            if member["doc_id"] != doc.id:
                continue
            sent = next(s for s in sentences(doc.text) if member["sentence_contains"] in s.text)
            killed = member["fatalities"]
            out.append(Event(
                id=f"{doc.id}_{cluster['cluster']}_{n}", event_type=cluster["event_type"],
                mode=cluster["mode"], quad_class=4 if cluster["event_type"] == "ASSAULT" else 3,
                actor=Actor(**cluster["actor"]), recipient=Actor(**cluster["recipient"]),
                date=dt.date.fromisoformat(cluster["date"]), date_precision="day",
                location=Location(**cluster["location"]) if cluster["location"] else None,
                fatalities=Count(best=killed, low=killed, high=killed) if killed else None,
                evidence=Evidence(doc_id=doc.id, sentence=sent.text, start=sent.start,
                                  end=sent.end),
                confidence=0.8, cluster_id=cluster["cluster"]))
    return out


@pytest.fixture(scope="module")
def coded():
    out = []
    for doc in _docs():
        events = _events(doc)
        out.append((doc, events, detect_ceasefires(doc, sentences(doc.text), events, place)))
    return out


def _track(coded, seed=None):
    found = [c for _, _, cfs in coded for c in cfs]
    events = [e for _, evs, _ in coded for e in evs]
    if seed is not None:
        random.Random(seed).shuffle(found)
        random.Random(seed + 1).shuffle(events)
    return link_events(merge_ceasefires(found), events)


def test_one_ceasefire_with_its_agreement(coded):
    [cf], _ = _track(coded)
    want = EXPECTED["ceasefires"][0]
    from eventwire.ceasefire.parties import party_key

    assert sorted(party_key(a) for a in cf.parties) == sorted(want["party_keys"])
    assert sorted(a.country for a in cf.mediators) == want["mediators"]
    assert cf.agreed.isoformat() == want["agreed"]
    assert cf.effective.isoformat() == want["effective"] and cf.timezone == want["timezone"]
    assert cf.duration_hours == want["duration_hours"]
    assert cf.ends.isoformat() == want["ends"]
    assert cf.area_text == want["area_text"]
    assert set(want["terms_required"]) <= set(cf.terms)


def test_violations_and_status_history(coded):
    [cf], links = _track(coded)
    want = EXPECTED["ceasefires"][0]
    cluster_of = {e.id: e.cluster_id for _, evs, _ in coded for e in evs}
    got: dict[str, set[str]] = {}
    for v in cf.violations:
        got.setdefault(v.kind, set()).add(cluster_of.get(v.event_id, v.event_id))
    assert got == {kind: set(names) for kind, names in want["violations"].items()}
    assert [(h.status, h.date.isoformat()) for h in cf.history] == [
        (h["status"], h["date"]) for h in want["history"]]
    assert cf.status == want["status"]
    linked = {cluster_of[e] for e in links if e in cluster_of}
    unlinked = {c["cluster"] for c in EXPECTED["clusters"] if c["link"] is None}
    assert linked.isdisjoint(unlinked)


def test_shuffled_documents_give_the_same_result(coded):
    expected = _track(coded)
    for seed in range(3):
        assert _track(coded, seed) == expected
