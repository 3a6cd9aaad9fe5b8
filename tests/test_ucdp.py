"""Tests of eventwire.ucdp (type of violence, split, stated numbers) and its trainer."""

from __future__ import annotations

import pytest

from eventwire import evaluate, ucdp
from eventwire.export.ucdp import ucdp_row
from eventwire.model import Actor, Count, Event, Evidence
from eventwire.resources import data_path
from eventwire.ucdp_train import fit

ARMY = Actor(text="the army", sector="MIL", country="SYR", inter=1)
REBELS = Actor(text="rebels", sector="REB", inter=2)
MILITIA = Actor(text="a militia", sector="REB", inter=3)
CIVILIANS = Actor(text="villagers", sector="CVL", inter=7)


def event(sentence: str = "x", *, event_type: str = "ASSAULT", **kw) -> Event:
    fields = {
        "id": "e" + str(abs(hash((sentence, repr(sorted(kw)))))),
        "event_type": event_type,
        "quad_class": 4,
        "confidence": kw.pop("confidence", 0.5),
        "evidence": Evidence(doc_id="d", sentence=sentence, start=0, end=len(sentence)),
    }
    return Event(**fields | kw)


# ---- rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({"actor": ARMY, "recipient": REBELS}, 1),
        ({"actor": REBELS, "recipient": ARMY}, 1),  # a government's forces as the target
        ({"actor": ARMY, "recipient": CIVILIANS}, 1),  # UCDP counts a state's victims as state-based
        ({"mode": "aerial"}, 1),  # air power with no side named
        ({"actor": REBELS, "recipient": CIVILIANS}, 3),
        ({"actor": REBELS, "recipient": MILITIA}, 2),
        ({"actor": REBELS}, 2),
        ({}, None),
    ],
)
def test_rules_follow_ucdps_definitions(kw: dict, expected: int | None) -> None:
    assert ucdp.rule_type_of_violence(event(**kw)) == expected


def test_foreign_state_forces_are_state_based() -> None:
    foreign = Actor(text="Turkish troops", sector="MIL", country="TUR", inter=8)
    assert ucdp.rule_type_of_violence(event(actor=foreign, recipient=MILITIA)) == 1


# ---- the model --------------------------------------------------------------------------

TINY = {
    "classes": [1, 2, 3],
    "intercept": [0.0, 0.0, 0.0],
    "weights": {"w=regime": [3.0, 0.0, 0.0], "w=factions": [0.0, 3.0, 0.0], "w=execute": [0.0, 0.0, 3.0]},
    "min_known_words": 1,
}


def test_predict_proba_is_a_distribution_favouring_the_weighted_class() -> None:
    proba = ucdp.predict_proba(["w=factions", "unknown"], TINY)
    assert set(proba) == {1, 2, 3}
    assert sum(proba.values()) == pytest.approx(1.0)
    assert max(proba, key=proba.get) == 2


def test_the_model_decides_when_it_knows_the_words(monkeypatch) -> None:
    monkeypatch.setattr(ucdp, "load_model", lambda: TINY)
    # the rules would say 1 (an army is a side); the words say one-sided
    assert ucdp.type_of_violence(event("soldiers execute prisoners", actor=ARMY)) == 3


def test_the_rules_decide_when_the_model_knows_no_word(monkeypatch) -> None:
    monkeypatch.setattr(ucdp, "load_model", lambda: TINY)
    assert ucdp.type_of_violence(event("gunmen kill villagers", actor=REBELS, recipient=CIVILIANS)) == 3
    # a violent event with no side and no weapon is state-based, the commonest type
    assert ucdp.type_of_violence(event("more violence")) == 1


def test_non_violent_events_have_no_type() -> None:
    assert ucdp.type_of_violence(event("talks in Doha", event_type="CONSULT", quad_class=1)) is None


def test_features_hold_roles_mode_and_words() -> None:
    feats = ucdp.features(event("Regime forces shell Idlib", actor=ARMY, mode="heavy-weapons"))
    assert {"a.sector=MIL", "a.inter=1", "r=none", "mode=heavy-weapons", "rule=1"} <= set(feats)
    assert {"w=regime", "w=shell", "w=forces"} <= set(feats)
    assert not any(f.startswith("w=1") for f in ucdp.features(event("12 killed")))


def test_the_shipped_model_reads_typical_headlines() -> None:
    """Clear cases of each type; fails if the shipped model or its features are broken."""
    state = event("Regime warplanes bomb towns in Idlib countryside", mode="aerial", actor=ARMY)
    non_state = event(
        "Renewed clashes between IS and the SDF in Raqqa countryside", actor=REBELS, recipient=MILITIA
    )
    one_sided = event(
        "The Islamic State executes 5 civilians in Deir Ezzor", actor=REBELS, recipient=CIVILIANS
    )
    assert [ucdp.type_of_violence(e) for e in (state, non_state, one_sided)] == [1, 2, 3]


def test_model_file_is_compact_and_documented() -> None:
    model = ucdp.load_model()
    assert model["classes"] == [1, 2, 3]
    assert all(len(w) == 3 for w in model["weights"].values())
    assert data_path(ucdp.MODEL_FILE).stat().st_size < 400_000
    readme = data_path("ucdp_tov_README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "python -m eventwire.ucdp_train" in readme


def test_fit_learns_a_separable_toy_set() -> None:
    train = [(["w=regime", "w=shell"], 1)] * 4 + [(["w=factions", "w=clash"], 2)] * 4
    train += [(["w=execute", "w=civilians"], 3)] * 4
    model = fit(train, c=10.0, min_count=2)
    for feats, label in train:
        proba = ucdp.predict_proba(feats, model)
        assert max(proba, key=proba.get) == label


# ---- split, numbers, chosen event -------------------------------------------------------


def test_split_is_stable_by_headline_and_about_thirty_percent() -> None:
    assert ucdp.split_of("Clashes in Homs") == ucdp.split_of("  clashes in homs ")
    parts = [ucdp.split_of(f"headline {i}") for i in range(2000)]
    assert 0.25 < parts.count("heldout") / len(parts) < 0.35


def test_evaluate_splits_ged_rows_by_the_models_split() -> None:
    row = {"type_of_violence": 1, "split": "dev", "text": "headline 7", "_key": "k"}
    expected = "test" if ucdp.split_of("headline 7") == "heldout" else "dev"
    assert evaluate.split_of(row) == expected


def test_stated_numbers_reads_numerals_and_words() -> None:
    assert ucdp.stated_numbers("four killed, 1,200 displaced on 12/03/2016") >= {4, 1200, 12, 3, 2016}
    assert 1 not in ucdp.stated_numbers("a soldier was killed")


def test_ucdp_event_prefers_the_first_event_with_a_toll() -> None:
    quiet = event("a", confidence=0.9)
    told = event("b", fatalities=Count(best=4, low=4, high=4))
    talk = event("c", event_type="CONSULT", quad_class=1, confidence=1.0)
    assert ucdp.ucdp_event([quiet, told, talk]) is told
    assert ucdp.ucdp_event([talk]) is None
    assert ucdp.ucdp_event([event("d", confidence=0.2), quiet]) is quiet


# ---- one function for export and evaluation ---------------------------------------------


def test_export_and_evaluation_share_the_type(monkeypatch) -> None:
    monkeypatch.setattr(ucdp, "load_model", lambda: TINY)
    ev = event("rebels execute prisoners", actor=REBELS, recipient=MILITIA)
    assert ucdp_row(ev)["type_of_violence"] == evaluate.ucdp_type_of_violence(ev) == 3


def test_score_ucdp_counts_coverage_toll_and_type(monkeypatch) -> None:
    monkeypatch.setattr(evaluate, "_ucdp_locations", lambda rows, preds: {})
    monkeypatch.setattr(ucdp, "load_model", lambda: TINY)
    rows = [
        {"_key": "a", "text": "Regime shelling kills 4 in Homs", "best": 4, "type_of_violence": 1},
        {"_key": "b", "text": "Factions clash in Idlib", "best": 2, "type_of_violence": 2},
        {"_key": "c", "text": "Donetsk airport", "best": 1, "type_of_violence": 1},
    ]
    preds = {
        "a": [event("Regime shelling kills 4 in Homs", fatalities=Count(best=4, low=4, high=4))],
        "b": [event("Factions clash in Idlib")],
    }
    result = evaluate.score_ucdp(rows, preds)
    assert result["coverage"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["fatalities_best_exact"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["n_headline_states_toll"] == 1
    assert result["fatalities_best_exact_when_headline_states_toll"] == 1.0
    assert result["fatalities_gold_in_text"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["type_of_violence_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert result["type_of_violence_accuracy_when_covered"] == 1.0


# ---- trigger rows for the general wording of conflict reports ---------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Human losses in Reef Dimashq and Tartous",
        "Continuous violent clashes in areas of the eastern countryside of Homs",
        "Casualties in shelling east of Euphrates",
        "Warplanes bomb several areas in Idlib and cause human losses",
        "War remnants claim the lives of 4 people in Deir Ezzor",
        "Losses in regime forces in the eastern Ghouta",
        "A civilian martyred by sniper fire in Daraa",
        "Martyrs and wounded in Homs",
        "The civilian death toll rises to 40 in Idlib",
        "The National Guard eliminated more than 300 invaders near Bakhmut",
        "Islamic State claims the killing of 2 SDF militiamen in Shaddadi",
        "One KIA, two WIA in Donbas on Monday",
        "Militants capture three servicemen near Luhansk",
        "Another drone strike in Oromia",
        "The regime forces advance in the southeastern countryside of Hama",
        "SDF advanced over IS in northern Raqqa",
    ],
)
def test_general_conflict_wording_becomes_a_violent_event(headline: str) -> None:
    from eventwire import code_text

    assert ucdp.ucdp_event(code_text(headline)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The company reported losses of 3 million dollars.",
        "The minister said the plan would eliminate poverty.",
        "They claim the land belongs to them.",
        "Workers went on strike in Lagos.",
        "The death toll from the earthquake rose to 1,500.",
        "Shares advanced on Tuesday.",
        "The government advanced its plans for reform.",
    ],
)
def test_general_wording_rows_do_not_fire_outside_conflict(text: str) -> None:
    from eventwire import code_text

    assert ucdp.ucdp_event(code_text(text)) is None


def test_a_named_armed_group_against_civilians_is_one_sided_whatever_the_words(monkeypatch) -> None:
    monkeypatch.setattr(ucdp, "load_model", lambda: TINY)
    told = "a militia killed villagers in a regime area"
    assert ucdp.type_of_violence(event(told, actor=MILITIA, recipient=CIVILIANS)) == 3
    unnamed = Actor(text="unknown gunmen", sector="UAF")
    assert ucdp.type_of_violence(event(told, actor=unnamed, recipient=CIVILIANS)) == 1
    # an attacker the pipeline inferred, not named in the sentence, is no sign of one-sided violence
    inferred = Actor(text="unidentified armed group", sector="UAF", inter=3)
    assert ucdp.type_of_violence(event("villagers were killed in a regime area", actor=inferred,
                                       recipient=CIVILIANS)) == 1


@pytest.mark.parametrize(
    "headline",
    ["Aerial bombardment targets Aleppo", "The regime forces heavily shell areas west of Aleppo"],
)
def test_misparsed_attack_verbs_still_give_an_event(headline: str) -> None:
    from eventwire import code_text

    assert ucdp.ucdp_event(code_text(headline)) is not None
