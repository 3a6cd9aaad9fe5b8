"""The orchestrator: every document comes back, failures are recorded, ids are stable."""

import datetime as dt
import hashlib

from eventwire.model import RawDocument
from eventwire.pipeline import Options, Pipeline, code_text


def raw(text: str, **kw) -> RawDocument:
    return RawDocument(text=text, raw_sha256=hashlib.sha256(text.encode()).hexdigest(), **kw)


def test_code_text_codes_a_one_sided_attack():
    (event,) = code_text(
        "Gunmen killed 12 villagers in Zamfara state on Tuesday, police said.", published="2024-05-03"
    )
    assert event.event_type == "ASSAULT"
    assert event.fatalities.best == 12
    assert event.date == dt.date(2024, 4, 30)
    assert event.recipient.sector == "CVL"
    assert event.acled.sub_event_type == "Attack"
    assert event.attributed_to == "police"
    assert event.location.country == "NGA"


def test_same_text_gives_the_same_ids():
    text = "Rebels attacked an army base near Goma on Monday."
    first = [e.id for e in code_text(text, published="2024-05-03")]
    second = [e.id for e in code_text(text, published="2024-05-03")]
    assert first and first == second


def test_a_failed_document_does_not_stop_the_batch():
    docs = [raw("", source="empty.txt", error="E101: input is empty"),
            raw("Police arrested 25 protesters in Nairobi on Friday.", id="ok")]
    results = list(Pipeline(Options(published=dt.date(2024, 5, 3))).code(docs))
    assert [r.document.status for r in results] == ["failed", "coded"]
    assert results[0].document.error.startswith("E101")
    assert results[1].events


def test_evidence_offsets_slice_back_to_the_sentence():
    text = "KABUL (Reuters) - A suicide bomber killed 20 people at a mosque in Kabul on Friday."
    result = next(Pipeline(Options(published=dt.date(2024, 5, 3))).code([raw(text)]))
    for e in result.events:
        assert result.document.text[e.evidence.start : e.evidence.end] == e.evidence.sentence


def test_no_events_without_triggers():
    assert code_text("Idlib is the final stronghold of the opposition.", published="2024-05-03") == []
