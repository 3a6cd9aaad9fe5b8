import datetime as dt
from pathlib import Path

import pytest

from eventwire.ceasefire import detect_ceasefires
from eventwire.model import Actor

from .builders import actor, document, event, place, sentences

UPI = Path(__file__).resolve().parents[3] / "shared" / "examples" / "upi-idlib-2020-03-06.txt"


def detect(text: str, published: str, events=(), geocode=place):
    doc = document(text, published)
    return detect_ceasefires(doc, sentences(text), list(events), geocode)


def test_agreement_with_mediators_start_duration_and_terms():
    text = ("Israel and Hamas agreed to a 72-hour truce in Gaza, brokered by Qatar and Egypt. "
            "The truce will take effect at 0600 local time on Sunday. "
            "It provides for a prisoner exchange and humanitarian access.")
    [cf] = detect(text, "2024-05-03")  # a Friday
    assert [a.country for a in cf.parties] == ["ISR", "PSE"]
    assert [a.country for a in cf.mediators] == ["QAT", "EGY"]
    assert cf.agreed == dt.date(2024, 5, 3)
    assert cf.effective.isoformat() == "2024-05-05T06:00:00+03:00"
    assert cf.timezone == "Asia/Gaza"
    assert cf.duration_hours == 72 and cf.ends == cf.effective + dt.timedelta(hours=72)
    assert cf.area_text == "Gaza" and cf.area.country == "PSE"
    assert cf.terms == ["prisoner exchange", "humanitarian access"]
    assert [h.status for h in cf.history] == ["announced"]  # it starts after publication


def test_requests_and_fears_are_not_ceasefires():
    assert detect("The UN called for a ceasefire in Idlib.", "2020-03-06") == []
    assert detect("Diplomats are negotiating a truce.", "2020-03-06") == []
    assert detect("A truce in Idlib could collapse, analysts fear.", "2020-03-06") == []


def test_unilateral_declaration_has_one_party():
    [cf] = detect("Hamas declared a unilateral ceasefire on Tuesday.", "2024-05-03")
    assert cf.kind == "unilateral ceasefire"
    assert [a.name for a in cf.parties] == ["Hamas"]
    assert cf.agreed == dt.date(2024, 4, 30)


def test_extension_moves_the_end():
    text = ("Russia and Ukraine agreed to a 24-hour truce that started at noon on Saturday. "
            "On Sunday they extended the truce by 48 hours.")
    [cf] = detect(text, "2024-05-05")
    assert "extended by 48 hours" in cf.terms
    assert cf.ends - cf.effective == dt.timedelta(hours=72)


def test_collapse_and_accusation_in_a_later_report():
    text = ("The truce in Idlib collapsed on Monday as fighting resumed. "
            "Turkey accused Syrian forces of violating the ceasefire.")
    [cf] = detect(text, "2020-03-10")
    assert [(h.status, h.date) for h in cf.history] == [("collapsed", dt.date(2020, 3, 9))]
    assert [v.kind for v in cf.violations] == ["accused_violation"]
    assert cf.violations[0].event_id.startswith("sent:")


def test_area_falls_back_to_the_events_of_the_sentence():
    text = "Strikes hit Saraqib as Russia and Turkey announced a cease-fire in the area."
    strike = event("e1", "2020-03-06", who=actor("TUR"), whom=actor("SYR"), where="Saraqib",
                   sentence=text)
    [cf] = detect(text, "2020-03-06", [strike], geocode=None)
    assert cf.area.name == "Saraqib" and cf.area_text == "Saraqib"


def test_id_is_stable_and_order_free():
    text = "Israel and Hamas agreed to a truce in Gaza on Friday."
    a = detect(text, "2024-05-03")[0]
    b = detect(text.replace("Israel and Hamas", "Hamas and Israel"), "2024-05-03")[0]
    assert a.id == b.id


@pytest.mark.skipif(not UPI.exists(), reason="shared example not present")
def test_upi_seed_example():
    text = UPI.read_text(encoding="utf-8")
    s0 = next(s for s in sentences(text) if s.text.startswith("March 6"))
    strike = event("e1", "2020-03-06", mode="drone", who=actor("TUR"), whom=actor("SYR"),
                   sentence=s0.text, killed=21)
    strike = strike.model_copy(update={"evidence": strike.evidence.model_copy(
        update={"start": s0.start, "end": s0.end})})
    [cf] = detect(text, "2020-03-06", [strike], geocode=None)
    assert sorted(a.country for a in cf.parties) == ["RUS", "TUR"]
    assert cf.effective.isoformat() == "2020-03-06T00:00:00+02:00"
    assert cf.timezone == "Asia/Damascus" and cf.area_text == "Idlib"
    assert abs((cf.agreed - dt.date(2020, 3, 5)).days) <= 1
    assert cf.terms == ["security corridor near the M4 highway", "joint Russian-Turkish patrols"]
    assert [h.status for h in cf.history] == ["announced", "in_effect"]
    assert isinstance(cf.parties[0], Actor)


def test_aims_and_failed_talks_define_no_ceasefire():
    aim = "Kyiv and Washington announced their intention to seek a truce with Moscow."
    talks = "After the ceasefire talks in Doha the envoy said the sides had not reached a deal."
    assert detect(aim, "2025-03-11") == []
    assert detect(talks, "2025-03-11") == []


def test_a_truce_named_in_passing_keeps_its_sides_and_broker():
    text = "Fighting went on despite the Qatari-brokered truce between Israel and Hamas, which broke down."
    [cf] = detect(text, "2025-03-11")
    assert [a.country for a in cf.parties] == ["ISR", "PSE"]
    assert [a.country for a in cf.mediators] == ["QAT"]


def test_the_day_a_truce_runs_until_is_its_end():
    text = "The army declared a unilateral ceasefire on Monday. The ceasefire will last until 30 April."
    [cf] = detect(text, "2025-04-02")
    assert cf.ends == dt.datetime(2025, 5, 1)
    assert detect("Iran will keep the strait closed until the ceasefire is implemented.", "2025-04-02") == []


def test_who_announced_a_deal_is_no_party_to_it():
    [cf] = detect("The president announced that Israel and Hamas had agreed to a ceasefire.", "2025-10-08")
    assert [a.country for a in cf.parties] == ["ISR", "PSE"]
    [cf] = detect("Officials said a new truce has been brokered in the north.", "2025-10-08")
    assert cf.agreed == dt.date(2025, 10, 8)
