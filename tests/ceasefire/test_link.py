import datetime as dt
import random

from eventwire.ceasefire import link_events
from eventwire.ceasefire.link import classify, in_area
from eventwire.model import Ceasefire, StatusChange

from .builders import actor, event, place

TUR, SYR, RUS = actor("TUR"), actor("SYR"), actor("RUS")


def ceasefire(**kw) -> Ceasefire:
    fields = {
        "id": "cf_1", "parties": [RUS, TUR], "agreed": dt.date(2020, 3, 5),
        "effective": dt.datetime(2020, 3, 6), "area": place("Idlib"), "area_text": "Idlib",
        "history": [StatusChange(status="announced", date=dt.date(2020, 3, 5))],
    }
    fields.update(kw)
    return Ceasefire(**fields)


def test_kinds_by_date():
    cf = ceasefire()
    assert classify(event("a", "2020-03-06", who=TUR, whom=SYR), cf) == "same_day_uncertain"
    assert classify(event("b", "2020-03-07", who=SYR, whom=TUR), cf) == "attack_after_start"
    assert classify(event("c", "2020-03-05", who=TUR, whom=SYR), cf) is None
    assert classify(event("d", None, who=TUR, whom=SYR), cf) is None
    # a week-precision date may be before the start: only one after it counts, uncertainly
    assert classify(event("e", "2020-03-06", who=TUR, precision="week"), cf) is None
    assert classify(event("f", "2020-03-09", who=TUR, precision="week"), cf) == (
        "same_day_uncertain")


def test_place_party_and_type_filters():
    cf = ceasefire()
    assert classify(event("a", "2020-03-07", who=TUR, whom=SYR, where="Aleppo"), cf) is None
    assert classify(event("b", "2020-03-07", who=TUR, where="Saraqib"), cf) == (
        "attack_after_start")  # 19 km from Idlib
    other = actor("USA")
    assert classify(event("c", "2020-03-07", who=other, whom=actor("IRQ")), cf) is None
    # the host state's forces are bound by a truce on its soil
    assert classify(event("d", "2020-03-07", who=SYR, whom=actor("SYR", "CVL")), cf) == (
        "attack_after_start")
    assert classify(event("e", "2020-03-07", kind="CONSULT", who=TUR, whom=SYR), cf) is None
    assert classify(event("f", "2020-03-07", kind="COERCE", mode="seize", who=SYR), cf) == (
        "attack_after_start")
    assert classify(event("g", "2020-03-07", who=TUR, factuality="future"), cf) is None
    assert classify(event("h", "2020-03-20", who=TUR), ceasefire(
        ends=dt.datetime(2020, 3, 9))) is None


def test_area_by_text_when_not_geocoded():
    cf = ceasefire(area=None)
    assert in_area(place("Idlib"), cf) and not in_area(place("Aleppo"), cf)
    assert not in_area(None, cf)


def test_accusation():
    cf = ceasefire()
    said = "Turkey accused Syria of violating the truce."
    assert classify(event("a", "2020-03-08", kind="ACCUSE", mode="allege", who=TUR, whom=SYR,
                          where=None, sentence=said), cf) == "accused_violation"
    other = "Russia accused Turkey of breaking international law."
    assert classify(event("b", "2020-03-08", kind="ACCUSE", who=RUS, whom=TUR, where=None,
                          sentence=other), cf) is None


def test_status_history_and_mapping():
    events = [
        event("e0", "2020-03-05", who=TUR, whom=SYR),
        event("e1", "2020-03-06", who=TUR, whom=SYR),
        event("e2", "2020-03-08", who=SYR, whom=TUR, cluster="k1"),
        event("e3", "2020-03-08", who=SYR, whom=TUR, cluster="k1"),  # same event, other outlet
    ]
    [cf], links = link_events([ceasefire()], events)
    assert [(v.event_id, v.kind) for v in cf.violations] == [
        ("e1", "same_day_uncertain"), ("e2", "attack_after_start")]
    assert [(h.status, h.date) for h in cf.history] == [
        ("announced", dt.date(2020, 3, 5)), ("in_effect", dt.date(2020, 3, 6)),
        ("violated", dt.date(2020, 3, 8))]
    assert cf.status == "violated"
    assert links == {"e1": "cf_1", "e2": "cf_1", "e3": "cf_1"}


def test_collapse_at_scale():
    events = [event(f"e{d:02d}{k}", f"2020-03-{d:02d}", who=SYR, whom=TUR)
              for d in (7, 8, 9, 10) for k in "abc"]
    [cf], _ = link_events([ceasefire()], events)
    assert cf.status == "collapsed"
    assert cf.history[-1].date == dt.date(2020, 3, 10)


def test_collapse_report_kept_and_relinking_is_stable():
    cf = ceasefire(history=[StatusChange(status="announced", date=dt.date(2020, 3, 5)),
                            StatusChange(status="collapsed", date=dt.date(2020, 3, 12))])
    events = [event("e1", "2020-03-08", who=SYR, whom=TUR)]
    once, links = link_events([cf], events)
    twice, links2 = link_events(once, events)
    assert once == twice and links == links2
    assert [h.status for h in once[0].history] == [
        "announced", "in_effect", "violated", "collapsed"]


def test_shuffled_input_same_result():
    events = [event(f"e{n}", f"2020-03-{6 + n % 4:02d}", who=SYR if n % 2 else TUR, whom=TUR)
              for n in range(8)]
    cfs = [ceasefire(), ceasefire(id="cf_2", area=place("Aleppo"), area_text="Aleppo")]
    expected = link_events(cfs, events)
    for seed in range(5):
        ev, cs = events[:], cfs[:]
        random.Random(seed).shuffle(ev)
        random.Random(seed).shuffle(cs)
        assert link_events(cs, ev) == expected


def test_an_event_goes_to_the_most_recent_ceasefire():
    old = ceasefire(id="cf_old", effective=dt.datetime(2020, 1, 1))
    new = ceasefire(id="cf_new")
    _, links = link_events([old, new], [event("e1", "2020-03-08", who=SYR, whom=TUR)])
    assert links == {"e1": "cf_new"}
