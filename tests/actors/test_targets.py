"""Who a struck thing stands for, and the other side of a fight the grammar hides (actors/targets.py)."""

from __future__ import annotations

from eventwire.actors import as_people_hit, struck
from eventwire.actors.targets import other_side, side_phrases
from eventwire.model import Actor
from eventwire.pipeline import code_text


def test_a_shop_that_is_hit_stands_for_civilians():
    hit = struck("a crowded pharmacy shop")
    assert hit is not None and (hit.sector, hit.inter) == ("CVL", 7)
    assert hit.text == "a crowded pharmacy shop"


def test_a_base_stands_for_the_troops_of_whoever_holds_it():
    hit = struck("an ECOWAS base")
    assert hit is not None and (hit.country, hit.sector) == ("IGO", "MIL")
    trenches = struck("Ukrainian trenches")
    assert trenches is not None and (trenches.country, trenches.sector) == ("UKR", "MIL")


def test_a_merchant_ship_is_its_crew_but_a_car_may_be_the_bomb():
    ship = struck("a cargo ship")
    assert ship is not None and ship.inter == 7
    assert struck("a booby-trapped car") is None


def test_a_place_or_an_idea_is_not_a_struck_thing():
    assert struck("Kramatorsk") is None
    assert struck("a new dam project") is None


def test_people_hit_take_the_event_country_and_a_named_force_is_kept():
    store = Actor(text="a bakery store")
    hit = as_people_hit(store, "SDN")
    assert hit is not None and (hit.country, hit.sector, hit.inter) == ("SDN", "CVL", 7)
    positions = Actor(text="army positions", sector="MIL", inter=1)
    assert as_people_hit(positions, "SDN") is positions


def test_the_other_side_is_an_armed_party_not_a_place_nor_the_actor_again():
    rebels = Actor(text="ADF rebels", country="COD", sector="REB", inter=2)
    phrases = ["ADF rebels", "Beni", "the town's hills", "the army"]
    found = other_side(phrases, rebels)
    assert found is not None and found.sector == "MIL"
    assert other_side(["Goma", "the ADF"], rebels) is None


def test_a_crowd_or_no_side_at_all_has_no_other_side():
    crowd = Actor(text="rioters", country="KEN", sector="CVL", inter=5)
    assert other_side(["the police"], crowd) is None
    assert other_side(["the police"], Actor(text="Heavy fighting")) is None


def test_a_source_of_the_report_is_not_a_side(parser):
    sent = parser("Gunmen stormed the camp at dawn, the police said.")[:]
    assert [p for p, _ in side_phrases(sent, set())] == ["Gunmen", "the camp", "dawn"]


def test_a_takeover_names_the_side_that_pulled_out_as_recipient():
    text = "Rebel fighters seized the town of Kalemie on Friday after the army withdrew, residents said."
    attack = next(e for e in code_text(text, "2024-03-02") if e.acled and e.acled.event_type == "Battles")
    assert attack.recipient is not None and attack.recipient.sector == "MIL"
    assert attack.acled.interaction == 12


def test_shelling_a_clinic_is_violence_against_the_civilians_in_it():
    text = "Government artillery shelled a clinic in Kadugli on Monday, killing four patients."
    attack = next(e for e in code_text(text, "2024-03-05") if e.event_type == "ASSAULT")
    assert attack.acled is not None and attack.acled.interaction == 17


def test_shells_on_rebel_positions_hit_the_rebels():
    hit = struck("insurgent positions")
    assert hit is not None and (hit.sector, hit.inter) == ("REB", 2)


def test_a_bulk_carrier_struck_at_sea_is_its_civilian_crew():
    hit = struck("a Liberian-flagged bulk carrier")
    assert hit is not None and (hit.sector, hit.inter) == ("CVL", 7)

