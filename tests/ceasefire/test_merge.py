import datetime as dt
import random

from eventwire.ceasefire import detect_ceasefires, merge_ceasefires

from .builders import document, place, sentences

REPORTS = [
    ("Russia and Turkey agreed to a cease-fire in Idlib on Thursday. "
     "It will take effect at midnight Friday.", "2020-03-05"),
    ("The cease-fire in Idlib, which started at midnight Friday, held.", "2020-03-06"),
    ("Syrian forces shelled Saraqib, a breach of the truce in Idlib.", "2020-03-08"),
    ("Israel and Hamas agreed to a truce in Gaza on Friday.", "2024-05-03"),
]


def _detect(reports):
    out = []
    for n, (text, published) in enumerate(reports):
        doc = document(text, published, doc_id=f"r{n}")
        out.extend(detect_ceasefires(doc, sentences(text), [], place))
    return out


def test_reports_of_one_ceasefire_merge_and_others_stay_apart():
    merged = merge_ceasefires(_detect(REPORTS))
    assert len(merged) == 2
    idlib = next(c for c in merged if c.area_text == "Idlib")
    assert sorted(a.country for a in idlib.parties) == ["RUS", "TUR"]
    assert idlib.agreed == dt.date(2020, 3, 5)
    assert idlib.effective.isoformat() == "2020-03-06T00:00:00+02:00"
    assert {s.doc_id for s in idlib.sources} == {"r0", "r1", "r2"}  # r2 only refers to it
    assert [h.status for h in idlib.history] == ["announced", "in_effect"]


def test_merge_ignores_input_order():
    found = _detect(REPORTS)
    expected = [c.model_dump() for c in merge_ceasefires(found)]
    for seed in range(5):
        shuffled = found[:]
        random.Random(seed).shuffle(shuffled)
        assert [c.model_dump() for c in merge_ceasefires(shuffled)] == expected


def test_a_vague_reference_joins_the_latest_ceasefire_before_it_and_bridges_nothing():
    vague = _detect([("Both sides accused each other of violating the truce.", "2024-05-04")])
    merged = merge_ceasefires(_detect(REPORTS[:1] + REPORTS[3:]) + vague)
    assert len(merged) == 2
    gaza = next(c for c in merged if c.area_text == "Gaza")
    assert [v.kind for v in gaza.violations] == ["accused_violation"]
    # told before any ceasefire started: it stays on its own
    early = _detect([("Both sides accused each other of violating the truce.", "2019-05-04")])
    assert len(merge_ceasefires(_detect(REPORTS[:1] + REPORTS[3:]) + early)) == 3
