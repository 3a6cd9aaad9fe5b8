"""events.factuality: whether an event happened, will happen, might happen or did not."""

import pytest

from eventwire.pipeline import code_text


def _facts(text: str) -> dict[str, str]:
    return {e.trigger.lower(): e.factuality for e in code_text(text, "2024-06-26")}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels denied attacking the convoy.", "attacking", "negated"),
        ("The army will deploy troops to the border next week.", "deploy", "future"),
        # "would" in what someone said is the future told in the past, not a condition
        ("The minister said the government would deploy the military to the north.", "deploy", "future"),
        ("The two sides could meet in Doha next month.", "meet", "hypothetical"),
        # what a force is set up for has not happened
        ("The three states agreed to set up a joint force to fight militants.", "fight", "future"),
        # a habit of the past, not the event the story reports
        ("Officials said the militia had previously attacked convoys on the road.", "attacked", "historical"),
        # an event noun's own clause says whether it happened
        ("Analysts said a new offensive on Pokrovsk could begin within weeks.", "offensive", "hypothetical"),
    ],
)
def test_factuality(text, trigger, expected):
    assert _facts(text).get(trigger) == expected
