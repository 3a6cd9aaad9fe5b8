"""dedup.main (the report's main record, sentence views) and the place and follow-up rules that
keep two events of one city apart."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.dedup import cluster_events, score_pair
from eventwire.dedup.main import main_event, main_records, sentence_views
from eventwire.dedup.score import distinct_places, named_in, toll_fell
from eventwire.model import Actor, Count, Event, Evidence, Location

OMDURMAN = Location(text="Omdurman", name="Omdurman", admin1="Khartoum", country="SDN", lat=15.644,
                    lon=32.478, precision="town", geo_precision=1)  # fmt: skip
BAHRI = Location(text="Bahri", name="Khartoum North", admin1="Khartoum", country="SDN", lat=15.649,
                 lon=32.535, precision="town", geo_precision=1)  # fmt: skip
RSF = Actor(text="RSF", name="Rapid Support Forces", country="SDN", sector="REB")
ARMY = Actor(text="the army", name="army", country="SDN", sector="MIL")
CIVILIANS = Actor(text="civilians", name="civilian", country="SDN", sector="CVL")


def rec(doc: str, sentence: str, *, day: int, place: Location | None = OMDURMAN, killed: int | None = 3,
        actor: Actor | None = RSF, recipient: Actor | None = CIVILIANS, start: int = 0,
        quad: int = 4, rid: str = "") -> Event:  # fmt: skip
    """A record of a report, small and explicit (June 2024)."""
    return Event(
        id=rid or f"ev_{doc}_{start}",
        event_type="ASSAULT" if quad == 4 else "ACCUSE",
        mode="heavy-weapons" if quad == 4 else "allege",
        quad_class=quad,
        actor=actor,
        recipient=recipient,
        date=dt.date(2024, 6, day),
        date_precision="day",
        location=place,
        fatalities=Count(best=killed, low=killed, high=killed) if killed is not None else None,
        evidence=Evidence(doc_id=doc, sentence=sentence, start=start, end=start + len(sentence)),
        confidence=0.8,
    )


MARKET = "RSF shelling hit a market in Omdurman on Sunday, killing three civilians."
BASE = "RSF fighters attacked an army base in Bahri on Monday, killing five soldiers."


def test_the_main_record_is_the_ledes_material_event_naming_both_sides():
    accuse = rec("d1", "The army accused the RSF.", day=9, quad=3)
    echo = rec("d1", MARKET, day=9, actor=None, rid="ev_a_echo")
    main = rec("d1", MARKET, day=9, rid="ev_z_main")
    later = rec("d1", "Drones struck Omdurman on Saturday.", day=8, start=120)
    assert main_event([later, accuse, echo, main]) == main
    assert main_records([echo, main, later, accuse]) == {"d1": main.id}
    assert main_event([]) is None


def test_sentence_views_lend_missing_fields_within_a_sentence_only():
    killed = rec("d1", MARKET, day=9, place=None, actor=None, rid="ev_killed")
    hit = rec("d1", MARKET, day=9, killed=None, rid="ev_hit")
    other = rec("d1", "Drones struck Omdurman on Saturday.", day=8, killed=2, start=120)
    views = sentence_views([killed, hit, other])
    assert views["ev_killed"].location == OMDURMAN and views["ev_killed"].actor == RSF
    assert views["ev_hit"].fatalities.best == 3  # type: ignore[union-attr]
    assert views[other.id] == other


def test_two_towns_of_one_city_on_different_days_with_different_targets_are_two_events():
    market = rec("d2", MARKET, day=9)
    base = rec("d4", BASE, day=10, place=BAHRI, killed=5, recipient=ARMY)
    words = (frozenset({"omdurman", "market"}), frozenset({"bahri", "base"}))
    assert distinct_places(market, base, words, (OMDURMAN, BAHRI))
    assert score_pair(market, base).blocked == "distinct places"
    # one report naming the other's town, the same day, or the same target: not ruled out here
    assert not distinct_places(market, base, (words[0] | {"bahri"}, words[1]), (OMDURMAN, BAHRI))
    same_day = base.model_copy(update={"date": market.date})
    assert not distinct_places(market, same_day, words, (OMDURMAN, BAHRI))
    same_target = base.model_copy(update={"recipient": CIVILIANS})
    assert not distinct_places(market, same_target, words, (OMDURMAN, BAHRI))
    published = {"d2": dt.date(2024, 6, 9), "d4": dt.date(2024, 6, 10)}
    assert len(cluster_events([market, base], published=published)) == 2


def test_a_place_the_other_report_names_outweighs_a_geocoders_country_slip():
    # "Kuriga" geocoded to Khouribga in Morocco by one report, to Nigeria by the other
    kuriga = Location(text="Kuriga", name="Kuriga", country="NGA", lat=10.63, lon=7.52, precision="town",
                      geo_precision=1)  # fmt: skip
    slip = Location(text="Kuriga", name="Khouribga", country="MAR", lat=32.88, lon=-6.91, precision="town",
                    geo_precision=1)  # fmt: skip
    a = rec("a", "Gunmen abducted pupils from a school in Kuriga.", day=7, place=kuriga)
    b = rec("b", "Over 200 children were kidnapped from a school in Kuriga.", day=7, place=slip)
    assert named_in(kuriga, frozenset({"kuriga", "pupil"})) and not named_in(None, frozenset())
    words = (frozenset({"kuriga", "pupil", "abducted"}), frozenset({"kuriga", "children", "kidnapped"}))
    assert score_pair(a, b, words=words).blocked is None
    far = slip.model_copy(update={"text": "Khouribga"})
    unnamed = (words[0], words[1] - {"kuriga"})
    assert score_pair(a, b.model_copy(update={"location": far}), words=unnamed).blocked == "country"


def test_two_towns_either_side_of_a_border_may_be_one_clash():
    tegh = Location(text="Tegh", name="Tegh", country="ARM", lat=39.56, lon=46.48, precision="town",
                    geo_precision=1)  # fmt: skip
    lachin = Location(text="Lachin", name="Laçın", country="AZE", lat=39.64, lon=46.55, precision="town",
                      geo_precision=1)  # fmt: skip
    a = rec("a", "Four soldiers were killed near Tegh.", day=13, place=tegh)
    b = rec("b", "Troops fired on positions in Lachin.", day=13, place=lachin)
    assert score_pair(a, b).blocked is None


def test_an_armed_sides_act_on_its_reporting_day_is_not_a_follow_up():
    market = rec("d2", MARKET, day=9)
    pub = (dt.date(2024, 6, 9), dt.date(2024, 6, 13))
    # "army shells hit Omdurman on Thursday, killing four": a new act, four days on
    army = rec("d11", "Army shells hit Omdurman on Thursday, killing four.", day=13, killed=4, actor=ARMY)
    assert score_pair(market, army, *pub).blocked == "date"
    # "the toll rose to four, medics said on Thursday": a follow-up of the market shelling
    toll = rec("d11", "The toll rose to four, medics said on Thursday.", day=13, killed=4, actor=None)
    assert score_pair(market, toll, *pub).blocked is None


def test_a_lower_toll_in_a_later_report_is_no_reporting_day_echo():
    early = rec("a", MARKET, day=7, killed=7)
    late = rec("b", MARKET, day=9, killed=6)
    assert toll_fell(early, late, dt.date(2024, 6, 8), dt.date(2024, 6, 9))
    assert not toll_fell(early, late, dt.date(2024, 6, 9), dt.date(2024, 6, 8))
    assert not toll_fell(early, late.model_copy(update={"fatalities": None}), dt.date(2024, 6, 8), None)


def test_an_echo_of_a_sentence_never_links_reports():
    # "seven soldiers were killed when RSF fighters stormed a base in Bahri": the attack record
    # is the report's event; the killing record repeats it and must not found or join a cluster
    # with another report (an air strike the next day, four soldiers' toll echoed)
    sentence = "Seven soldiers were killed on Monday when RSF fighters stormed a base in Bahri."
    attack = rec("d5", sentence, day=10, place=BAHRI, killed=None, recipient=ARMY, rid="ev_attack")
    killed = rec("d5", sentence, day=10, place=None, killed=7, actor=None, recipient=ARMY, rid="ev_a_killed")
    strike = rec("d8", "Army warplanes struck RSF positions, killing eight.", day=11, place=None,
                 killed=8, actor=ARMY, recipient=RSF)  # fmt: skip
    published = {"d5": dt.date(2024, 6, 10), "d8": dt.date(2024, 6, 11)}
    clusters = cluster_events([strike, killed, attack], published=published)
    assert all(len(c.member_ids) == 1 for c in clusters)
    # incremental: the echo's stored one-record cluster stays closed
    first = cluster_events([killed, attack], published=published)
    known = {e.id: e for e in (killed, attack)}
    again = cluster_events([strike], existing=first, published=published, members=known)
    assert {tuple(sorted(c.member_ids)) for c in again} == {tuple(sorted(c.member_ids)) for c in clusters}


def test_a_side_without_a_country_matches_any_side_of_its_sector():
    from eventwire.dedup.score import actor_score

    unknown = Actor(text="unidentified armed group", name="Unidentified Armed Group", sector="UAF")
    gunmen = Actor(text="gunmen", name="gunmen", country="NGA", sector="UAF")
    villagers = Actor(text="villagers", name="villager", country="NGA", sector="CVL")
    a = rec("a", "Gunmen killed villagers.", day=9, actor=gunmen, recipient=villagers)
    b = rec("b", "Armed men killed villagers.", day=9, actor=unknown, recipient=None)
    c = rec("c", "Soldiers killed villagers.", day=9, actor=ARMY, recipient=None)
    # the unknown side matches the gunmen (2 of 3 keys have a partner); the army matches nothing
    assert actor_score(a, b) == pytest.approx(2 / 3)
    assert actor_score(a, c) == 0.1


def test_arrests_of_protesters_may_be_the_protest_but_an_officials_arrest_is_not():
    protest = rec("a", "Thousands protested in Istanbul.", day=20).model_copy(
        update={"event_type": "PROTEST", "mode": "demo", "quad_class": 3, "fatalities": None}
    )
    protesters = Actor(text="protesters", name="protester")
    crowd = rec("b", "Police detained hundreds of protesters.", day=20, killed=None).model_copy(
        update={"event_type": "COERCE", "mode": "arrest", "recipient": protesters}
    )
    official = Actor(text="the mayor", name="mayor", country="TUR", sector="GOV")
    mayor = crowd.model_copy(update={"recipient": official})
    assert score_pair(protest, crowd).blocked is None
    assert score_pair(protest, mayor).blocked == "type"


def test_what_happened_now_outranks_background_told_first():
    war = rec("d1", "Since the war began, rebels have killed hundreds.", day=9, rid="ev_war")
    war = war.model_copy(update={"factuality": "historical"})
    market = rec("d1", MARKET, day=9, start=60, rid="ev_market")
    assert main_event([war, market]) == market


def test_a_sibling_with_another_attacker_lends_nothing():
    # "Army jets struck Bahri on Monday, a day after an RSF drone killed two in Omdurman": the
    # killing is another side's act, its toll and place are not the air strike's
    sentence = "Army jets struck Bahri on Monday, a day after an RSF drone killed two in Omdurman."
    strike = rec("d1", sentence, day=10, place=None, killed=None, actor=ARMY, recipient=RSF, rid="ev_strike")
    drone = rec("d1", sentence, day=9, killed=2, rid="ev_drone")
    assert sentence_views([strike, drone])["ev_strike"] == strike
    # a killing whose attacker the sentence leaves unnamed is the strike's own toll
    toll = drone.model_copy(update={"actor": None})
    assert sentence_views([strike, toll])["ev_strike"].fatalities.best == 2  # type: ignore[union-attr]


def test_a_vague_record_after_the_lede_is_background_to_the_ledes_talks():
    # "Envoys of the army and the RSF met in Jeddah on Saturday. Fighting went on in Omdurman."
    talks = rec("d1", "Envoys of the army and the RSF met in Jeddah on Saturday.", day=8, killed=None,
                quad=1, rid="ev_talks")  # fmt: skip
    fighting = rec("d1", "Fighting went on in Omdurman.", day=8, killed=None, start=58, rid="ev_fighting")
    fighting = fighting.model_copy(update={"date_precision": "week"})
    assert main_event([fighting, talks]) == talks
    # the same fighting with its toll and day is the report's material event
    deadly = fighting.model_copy(update={"date_precision": "day", "fatalities": Count(best=9)})
    assert main_event([deadly, talks]) == deadly
    # in the lede, a vague record still goes before a verbal one told later
    lede = fighting.model_copy(update={"evidence": talks.evidence.model_copy(update={"start": 0})})
    later_talks = talks.model_copy(update={"evidence": fighting.evidence})
    assert main_event([later_talks, lede]) == lede


def test_a_country_wide_report_agrees_with_a_town_in_that_country_better_than_an_unknown_place():
    from eventwire.dedup.score import COUNTRY_WIDE, place_score, weights

    sudan = Location(text="Sudan", name="Sudan", country="SDN", precision="country", feature_code="PCLI",
                     geo_precision=3)  # fmt: skip
    kassala = Location(text="Kassala", name="Kassala", admin1="Kassala", country="SDN", lat=15.45,
                       lon=36.4, precision="town", geo_precision=1)  # fmt: skip
    assert place_score(sudan, OMDURMAN) == COUNTRY_WIDE > weights()["place"][1]
    assert place_score(OMDURMAN, kassala) < weights()["place"][1]  # two places of one country
    chad = Location(text="Chad", name="Chad", country="TCD", precision="country", feature_code="PCLI",
                    geo_precision=3)  # fmt: skip
    assert place_score(chad, OMDURMAN) == 0.2
    # a village the gazetteer lacks, placed at country precision, is a place, not the country
    unknown = Location(text="Kadugli Hilla", name="Kadugli Hilla", country="SDN", precision="country",
                       geo_precision=3)  # fmt: skip
    assert place_score(unknown, OMDURMAN) == 0.35


def test_a_reporting_day_before_the_other_reports_date_stands_for_nothing():
    # Sunday's shelling reported on Monday, and a shelling on Tuesday: the first report's date is
    # the day before its publication, but cannot stand for a later day
    from eventwire.dedup.score import date_score

    sunday = rec("a", MARKET, day=9)
    tuesday = rec("b", "RSF shells hit Omdurman on Tuesday, killing three.", day=11)
    pub = (dt.date(2024, 6, 10), dt.date(2024, 6, 13))
    assert date_score(sunday, tuesday, *pub) == 0.3  # two days apart, nothing more
    # "the toll rose to three, medics said on Tuesday": a later reporting day may stand for Sunday
    toll = tuesday.model_copy(update={"actor": None})
    assert date_score(sunday, toll, pub[0], dt.date(2024, 6, 11)) == 0.4


def test_an_attack_and_the_reprisal_it_answers_stay_apart_though_one_report_names_both_places():
    kyiv = Location(text="Kyiv", name="Kyiv", country="UKR", lat=50.45, lon=30.52, precision="town",
                    geo_precision=1)  # fmt: skip
    belgorod = Location(text="Belgorod", name="Belgorod", country="RUS", lat=50.6, lon=36.59,
                        precision="town", geo_precision=1)  # fmt: skip
    russia = Actor(text="Russian forces", name="Military Forces of Russia", country="RUS", sector="MIL")
    ukraine = Actor(text="Ukrainian forces", name="Military Forces of Ukraine", country="UKR", sector="MIL")
    strike = rec("a", "Russian missiles hit Kyiv on Sunday, a day after Ukrainian drones struck Belgorod.",
                 day=9, place=kyiv, actor=russia, recipient=ukraine)  # fmt: skip
    drones = rec("b", "Ukrainian drones struck Belgorod on Saturday, killing three.", day=8, place=belgorod,
                 actor=ukraine, recipient=russia)  # fmt: skip
    words = (frozenset({"russian", "missile", "kyiv", "ukrainian", "drone", "belgorod"}),
             frozenset({"ukrainian", "drone", "belgorod", "three"}))  # fmt: skip
    assert score_pair(strike, drones, words=words).blocked == "country"
    # the same side's strike, placed in another country by a geocoder slip, is still one event
    slip = drones.model_copy(update={"actor": russia, "recipient": ukraine})
    assert score_pair(strike, slip, words=(words[0], words[1] | {"kyiv"})).blocked is None
