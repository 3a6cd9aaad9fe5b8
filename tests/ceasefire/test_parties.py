from eventwire.ceasefire.parties import clause_around, find_mediators, find_parties, party_key
from eventwire.model import Actor


def _countries(actors):
    return [a.country for a in actors]


def test_subject_of_the_agreeing_verb():
    clause = "Israel and Hamas agreed to a truce"
    assert _countries(find_parties(clause, clause.index("agreed"))) == ["ISR", "PSE"]


def test_between_and_with():
    assert _countries(find_parties("a truce between Israel and Hamas took effect", 30)) == [
        "ISR", "PSE"]
    clause = "cease-fire with Russia signed"
    assert _countries(find_parties(clause, clause.index("signed"))) == ["RUS"]


def test_unresolvable_subject_gives_no_party():
    assert find_parties("the two sides agreed to a truce", 14) == []


def test_mediators():
    actors, spans = find_mediators("The truce, brokered by Qatar and Egypt under UN auspices, held")
    assert _countries(actors) == ["QAT", "EGY", "UNO"]
    assert spans == ["brokered by Qatar and Egypt", "under UN auspices"]
    assert _countries(find_mediators("a U.S.-brokered ceasefire")[0]) == ["USA"]


def test_mediators_are_not_parties():
    clause = "Egypt and Hamas agreed to a truce"
    parties = find_parties(clause, clause.index("agreed"),
                           mediators=[Actor(text="Egypt", country="EGY", sector="GOV")])
    assert _countries(parties) == ["PSE"]


def test_party_key_and_clause():
    assert party_key(Actor(text="army", country="SDN", sector="MIL")) == "SDN"
    assert party_key(Actor(text="RSF", name="Rapid Support Forces", country="SDN",
                           sector="REB")) == "Rapid Support Forces"
    text = "Strikes killed 21 as Erdogan and Putin announced a truce, officials said"
    left, right = clause_around(text, text.index("announced"), text.index("truce"))
    assert text[left:right] == "Erdogan and Putin announced a truce"


def test_the_warring_sides_collectively_are_not_a_party():
    from eventwire.ceasefire.parties import resolve

    assert resolve("Sudan's warring sides") is None
    assert resolve("Sudan's army").country == "SDN"
