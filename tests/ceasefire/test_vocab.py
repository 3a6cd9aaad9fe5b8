from zoneinfo import ZoneInfo

from eventwire.ceasefire.terms import find_terms, merge_terms
from eventwire.ceasefire.vocab import ROLES, cues, find_triggers
from eventwire.resources import read_tsv


def test_data_files_are_well_formed():
    assert {r["role"] for r in read_tsv("ceasefire_cues.tsv")} <= set(ROLES)
    for row in read_tsv("ceasefire_timezones.tsv"):
        ZoneInfo(row["tz"])  # raises on an unknown zone name
        assert len(row["country"]) == 3
    assert all(r["key"] and r["label"] for r in read_tsv("ceasefire_terms.tsv"))


def test_triggers_longest_first():
    found = find_triggers("a 72-hour humanitarian pause, then a cease-fire and a truce")
    assert [t.kind for t in found] == ["humanitarian pause", "ceasefire", "truce"]
    assert find_triggers("cessation of hostilities")[0].kind == "cessation of hostilities"
    assert find_triggers("the firefight") == []


def test_cues():
    found = cues("The truce, which started at midnight, collapsed; Russia accused Turkey.")
    assert {"effective", "collapse", "accuse"} <= set(found)
    assert "hedge" in cues("The UN called for a ceasefire")
    assert "agree" not in cues("Airstrikes struck the town")


def test_terms():
    text = ("The two agreed to establish a security corridor near the important M4 highway, "
            "which will be patrolled by Russian and Turkish forces.")
    assert find_terms(text) == [("corridor", "security corridor near the M4 highway"),
                                ("patrols", "joint Russian-Turkish patrols")]
    assert find_terms("a prisoner swap and humanitarian access") == [
        ("prisoner_exchange", "prisoner exchange"), ("humanitarian_access", "humanitarian access")]
    assert find_terms("the army withdrew from the ceasefire") == []


def test_merge_terms_keeps_the_most_detailed():
    merged = merge_terms([("corridor", "security corridor"),
                          ("corridor", "security corridor near the M4 highway"),
                          ("extension", "extended by 48 hours")])
    assert merged == [("corridor", "security corridor near the M4 highway"),
                      ("extension", "extended by 48 hours")]
