"""events.assemble: what a document's events borrow from their sentence and from each other."""

import pytest

from eventwire.pipeline import code_text


@pytest.mark.parametrize(
    ("text", "mode", "sub_event"),
    [
        # the bomb is in a clause of its own, not in the killing's frame
        (
            "Four soldiers were killed when a roadside bomb exploded near their patrol on Monday.",
            "explosives",
            "Remote explosive/landmine/IED",
        ),
        # the shell is the subject of another verb
        (
            "A shell fired from rebel positions hit a displacement camp near Goma, killing two children.",
            "heavy-weapons",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_a_killing_takes_the_weapon_its_sentence_names(text, mode, sub_event):
    killing = next(e for e in code_text(text, "2024-06-10") if e.trigger.lower().startswith("kill"))
    assert killing.mode == mode
    assert killing.acled is not None and killing.acled.sub_event_type == sub_event


def test_a_weapon_that_was_the_target_gives_no_mode():
    text = "Gunmen attacked a base storing drones and killed two guards."
    killing = next(e for e in code_text(text, "2024-06-10") if e.trigger.lower().startswith("kill"))
    assert killing.mode != "drone"


def test_destruction_told_with_a_strike_is_its_materiel():
    text = "Army jets struck a militant camp on Friday, killing 15 fighters and destroying two pickup trucks."
    assaults = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].materiel == ["two pickup trucks"]


def test_an_unplaced_attack_told_after_a_placed_one_is_at_its_scene_not_the_dateline():
    text = (
        "PESHAWAR (Reuters) - A suicide bomber struck a police station in Bannu on Monday, killing nine "
        "people. Hours later, gunmen attacked a checkpoint, killing two soldiers."
    )
    (later,) = [e for e in code_text(text, "2024-07-16") if e.evidence.sentence.startswith("Hours")]
    assert later.location is not None and later.location.name == "Bannu"
    assert later.location.geo_precision == 2  # borrowed, so less precise than the sentence's own
