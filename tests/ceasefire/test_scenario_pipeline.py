"""The ceasefire scenario (tests/fixtures/ceasefire_scenario) coded by the real pipeline.

The 14 reports go through ``runner.code_raws`` (spaCy, events, actors, dates, places) into a
temporary SQLite store, whose ``update_clusters`` links reports of one event; the tracker then
merges the ceasefire reports and links the events. Runs in CI with the rest (about 10-20 s:
the scenario is coded twice, in two document orders).

A real-world event of ``expected.json`` is found in the output by its members' sentences; its
record is the one dedup takes for that sentence's report (``dedup.main.main_key``: the most
specific, then the one naming both sides).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from eventwire.ceasefire import track_ceasefires
from eventwire.dedup.main import main_key
from eventwire.model import CodedDocument, Event, RawDocument
from eventwire.runner import code_raws
from eventwire.store import Store

ROOT = Path(__file__).resolve().parents[1] / "fixtures" / "ceasefire_scenario"
EXPECTED = json.loads((ROOT / "expected.json").read_text(encoding="utf-8"))
WANT = EXPECTED["ceasefires"][0]


def _raws() -> list[RawDocument]:
    out = []
    for line in (ROOT / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (ROOT / row["path"]).read_text(encoding="utf-8")
        out.append(
            RawDocument(
                text=text,
                id=row["doc_id"],
                publisher=row["publisher"],
                published=dt.date.fromisoformat(row["published"]),
                raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    return out


def _run(tmp_path: Path, raws: list[RawDocument]) -> dict:
    store = Store(f"sqlite:///{tmp_path / 'scenario.db'}")
    found = {c.document.id: c.ceasefires for c in code_raws(raws, store=store)}
    # the events as stored after dedup (cluster ids set), with each document's ceasefires
    coded = [
        CodedDocument(document=doc, events=list(store.events(doc_id=doc.id)), ceasefires=found[doc.id])
        for doc in store.documents()
    ]
    ceasefires, _ = track_ceasefires(coded)
    return {"store": store, "events": [e for c in coded for e in c.events], "ceasefires": ceasefires}


def _records(events: list[Event], doc_id: str, contains: str) -> list[Event]:
    """The records coded from a member's sentence."""
    return [e for e in events if e.evidence.doc_id == doc_id and contains in e.evidence.sentence]


def _main_record(events: list[Event], doc_id: str, contains: str) -> Event | None:
    """The record dedup takes for the member's sentence (the most specific, naming both sides)."""
    found = _records(events, doc_id, contains)
    return min(found, key=main_key) if found else None


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    raws = _raws()
    shuffled = list(raws)
    random.Random(7).shuffle(shuffled)
    return _run(tmp_path_factory.mktemp("a"), raws), _run(tmp_path_factory.mktemp("b"), shuffled)


def test_every_event_is_coded_and_clustered(runs):
    run, _ = runs
    for cluster in EXPECTED["clusters"]:
        for member in cluster["members"]:
            record = _main_record(run["events"], member["doc_id"], member["sentence_contains"])
            assert record is not None, (cluster["cluster"], member)
            assert record.event_type == cluster["event_type"], (cluster["cluster"], record.event_type)
            assert record.cluster_id is not None


def test_one_ceasefire_with_its_agreement_and_history(runs):
    run, _ = runs
    [cf] = run["ceasefires"]
    assert cf.agreed.isoformat() == WANT["agreed"]
    assert cf.effective.isoformat() == WANT["effective"] and cf.timezone == WANT["timezone"]
    assert cf.ends.isoformat() == WANT["ends"]
    assert set(WANT["terms_required"]) <= set(cf.terms)
    assert [(h.status, h.date.isoformat()) for h in cf.history] == [
        (h["status"], h["date"]) for h in WANT["history"]
    ]
    assert cf.status == WANT["status"]


def test_violations_by_real_event(runs):
    run, _ = runs
    [cf] = run["ceasefires"]
    kinds: dict[str, set[str]] = defaultdict(set)
    for v in cf.violations:
        kinds[v.event_id].add(v.kind)
    for cluster in EXPECTED["clusters"]:
        # the tracker links a dedup cluster once, through one of its records: a real event's
        # kinds are those of the records coded from any of its reports' sentences
        records = [
            r
            for m in cluster["members"]
            for r in _records(run["events"], m["doc_id"], m["sentence_contains"])
        ]
        got = set().union(*(kinds.get(r.id, set()) for r in records))
        assert got == ({cluster["link"]} if cluster["link"] else set()), (cluster["cluster"], got)


def _partition(run: dict) -> dict[str, set[str]]:
    """Expected cluster name → the store clusters its members' records fell in."""
    out: dict[str, set[str]] = {}
    for cluster in EXPECTED["clusters"]:
        out[cluster["cluster"]] = {
            _main_record(run["events"], m["doc_id"], m["sentence_contains"]).cluster_id  # type: ignore[union-attr]
            for m in cluster["members"]
        }
    return out


def test_reports_of_one_event_form_one_cluster_and_events_stay_apart(runs):
    # among others: the Omdurman market shelling (Sunday) and the Bahri base attack (Monday),
    # towns 6 km apart in one city with tolls 3 and 5, stay two events (score.distinct_places)
    run, _ = runs
    found = _partition(run)
    assert all(len(ids) == 1 for ids in found.values()), found
    assert len({next(iter(ids)) for ids in found.values()}) == len(found), found


def test_shuffled_documents_give_the_same_clusters_and_ceasefire(runs):
    first, second = runs

    def clusters(run: dict) -> list[tuple]:
        return sorted((c.id, tuple(sorted(c.member_ids))) for c in run["store"].clusters())

    assert clusters(first) == clusters(second)
    assert _partition(first) == _partition(second)
    assert first["ceasefires"] == second["ceasefires"]


def _code_one(text: str, published: str) -> CodedDocument:
    raw = RawDocument(
        text=text,
        raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
        id="breach",
        published=dt.date.fromisoformat(published),
    )
    return next(iter(code_raws([raw])))


def test_an_attack_the_text_says_broke_a_truce_is_its_violation():
    coded = _code_one(
        "Two farmers were killed by army shelling in the Nuba Mountains on Sunday, in violation of "
        "the truce, local officials said.",
        "2024-03-11",
    )
    [cf] = coded.ceasefires
    [attack] = [e for e in coded.events if e.event_type == "ASSAULT"]
    assert [(v.kind, v.event_id) for v in cf.violations] == [("attack_after_start", attack.id)]
    assert cf.status == "violated"
    assert attack.ceasefire_id == cf.id


def test_a_feared_breach_is_no_violation():
    coded = _code_one("Shelling the town would violate the truce, mediators warned on Sunday.", "2024-03-11")
    assert all(not cf.violations for cf in coded.ceasefires)


def test_violence_despite_a_truce_breaks_it_and_keeps_its_own_day():
    coded = _code_one(
        "Air strikes killed 12 people in Yemen on Monday despite a truce that took effect last month.",
        "2024-03-12",
    )
    [cf] = coded.ceasefires
    [attack] = [e for e in coded.events if e.event_type == "ASSAULT"]
    assert attack.date == dt.date(2024, 3, 11)
    assert [v.event_id for v in cf.violations] == [attack.id]
    assert cf.area is not None and cf.area.country == "YEM"


def test_talks_that_reached_no_deal_make_no_ceasefire():
    coded = _code_one(
        "The envoy, who chaired the ceasefire talks in Doha, said the two sides had not reached a deal.",
        "2024-03-12",
    )
    assert coded.ceasefires == []
