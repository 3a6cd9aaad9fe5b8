"""events.claims and the claim's use: a claimant named apart from the attack is its perpetrator."""

from eventwire.events.claims import claimant
from eventwire.pipeline import code_text


def _claimant(parser, text):
    found = claimant(parser(text)[:])
    return found.text if found is not None else None


def test_who_claims_responsibility(parser):
    assert _claimant(parser, "The Taliban claimed responsibility in a statement.") == "Taliban"
    assert _claimant(parser, "The group issued a video and claimed responsibility.") == "group"
    assert _claimant(parser, "No group has yet claimed responsibility for the blast.") is None
    assert _claimant(parser, "The Taliban did not claim responsibility.") is None
    assert _claimant(parser, "The army claimed the town was calm.") is None


def test_a_later_claim_names_the_attacker_of_an_unattributed_attack():
    text = (
        "A car bomb exploded at a checkpoint in Mogadishu on Sunday, killing five soldiers. "
        "Al-Shabaab claimed responsibility in a statement on its radio station."
    )
    (bomb,) = [e for e in code_text(text, "2024-06-10") if e.event_type == "ASSAULT"]
    assert bomb.actor is not None and bomb.actor.name and "Shabaab" in bomb.actor.name
    assert bomb.acled is not None and bomb.acled.inter1 == 2
