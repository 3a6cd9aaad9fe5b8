"""ACLED sub-types are decided by structure: the same verb gives different sub-types."""

import pytest

from eventwire.events.acled import SUB_EVENT_TYPES, code_acled, interaction


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ASSAULT", "firearms", "firearm", 2, 1, set()), "Armed clash"),
        (("ASSAULT", "firearms", "firearm", 2, 7, set()), "Attack"),
        (("ASSAULT", "aerial", "air", 8, 1, set()), "Air/drone strike"),
        (("ASSAULT", "drone", "drone", 1, 2, set()), "Air/drone strike"),
        (
            ("ASSAULT", "heavy-weapons", "shelling", 1, 7, set()),
            "Shelling/artillery/missile attack",
        ),
        (("ASSAULT", "explosives", "ied", None, 1, set()), "Remote explosive/landmine/IED"),
        (("ASSAULT", "suicide-attack", "suicide", 2, 7, set()), "Suicide bomb"),
        (("ASSAULT", "explosives", "grenade", None, 7, set()), "Grenade"),
        (("ASSAULT", "unconventional", "chemical", 1, 7, set()), "Chemical weapon"),
        (("ASSAULT", "sexual", "sexual", 3, 7, set()), "Sexual violence"),
        (("ASSAULT", "abduct", "abduct", 2, 7, set()), "Abduction/forced disappearance"),
        (("ASSAULT", "beat", "melee", None, 7, {"mob"}), "Mob violence"),
        (("PROTEST", "demo", None, 6, None, set()), "Peaceful protest"),
        (("PROTEST", "demo", None, 6, 1, {"intervention"}), "Protest with intervention"),
        (
            ("PROTEST", "demo", None, 6, 1, {"lethal_force", "intervention"}),
            "Excessive force against protesters",
        ),
        (("PROTEST", "riot", None, 5, None, set()), "Violent demonstration"),
        (("COERCE", "seize", None, 1, 2, {"regain"}), "Government regains territory"),
        (("COERCE", "seize", None, 2, 1, set()), "Non-state actor overtakes territory"),
        (("COERCE", "seize", None, 2, None, {"non_violent"}), "Non-violent transfer of territory"),
        (("COERCE", "arrest", None, 1, 7, set()), "Arrests"),
        (("COERCE", "arrest", None, 1, 6, {"protest"}), "Protest with intervention"),
        (("COERCE", "restrict", None, 1, None, {"disrupted"}), "Disrupted weapons use"),
        (("MOBILIZE", "troops", None, 1, None, {"base"}), "Headquarters or base established"),
        (("MOBILIZE", "troops", None, 1, None, set()), "Change to group/activity"),
        (("AGREE", "ceasefire", None, 1, 2, set()), "Agreement"),
        (("ASSAULT", "destroy", "arson", 3, 7, set()), "Looting/property destruction"),
    ],
)
def test_sub_event_type(args, expected):
    assert code_acled(*args).sub_event_type == expected


def test_out_of_scope_events_are_null():
    assert code_acled("CONSULT", "visit", None, 1, 1, set()) is None
    assert code_acled("AGREE", None, None, 1, 1, set()) is None  # a trade deal
    assert code_acled("ACCUSE", "allege", None, 1, 1, set()) is None


def test_every_result_uses_acled_labels():
    result = code_acled("ASSAULT", "aerial", "air", 8, 1, set())
    assert result.sub_event_type in SUB_EVENT_TYPES[result.event_type]
    assert result.disorder_type == "Political violence"
    assert result.interaction == 18


def test_interaction_codes():
    assert interaction(1, 7) == 17
    assert interaction(7, 1) == 17
    assert interaction(1, None) == 10
    assert interaction(None, None) is None
