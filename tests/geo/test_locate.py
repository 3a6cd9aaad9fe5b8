"""Spotting, resolution and the event's place, on small explicit sentences."""

from __future__ import annotations

import pytest

from eventwire.geo import GeoContext, get_geocoder


@pytest.fixture(scope="module")
def geo():
    return get_geocoder()


def _trigger(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_spot_finds_places_the_small_model_mislabels(geo) -> None:
    text = "Government forces recaptured Saraqib as tanks pushed into Khan Younis."
    # the NER hints are wrong on purpose (what en_core_web_sm says): spotting does not trust them
    ents = [(29, 36, "ORG"), (58, 69, "PERSON")]
    assert [m.text for m in geo.spot(text, ents)] == ["Saraqib", "Khan Younis"]


@pytest.mark.parametrize(
    "text",
    [
        "Police said Hope remained in May.",
        "Marwan Zalloum was killed.",  # a first name that is also a village
        "The SDF and the UN met.",  # acronyms that are also towns
        "Army officials spoke on Monday.",
    ],
)
def test_spot_ignores_common_words_names_and_acronyms(geo, text: str) -> None:
    assert [m.text for m in geo.spot(text)] == []


def test_spot_extends_to_curated_lower_case_features(geo) -> None:
    text = "Trucks waited at the Rafah crossing and on the M4 highway."
    assert [m.text for m in geo.spot(text)] == ["Rafah crossing", "M4 highway"]


def test_spot_takes_unknown_names_after_a_strong_cue(geo) -> None:
    mentions = geo.spot("Fighting continued in Maidemaville on Friday.")
    assert [(m.text, m.candidates) for m in mentions] == [("Maidemaville", ())]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Jordan", "JOR"), ("Georgia", "GEO"), ("China", "CHN"), ("U.S.", "USA")],
)
def test_country_names_resolve_to_the_country(geo, name: str, iso3: str) -> None:
    loc = geo.resolve(name, GeoContext())
    assert (loc.country, loc.precision, loc.geo_precision) == (iso3, "country", 3)


@pytest.mark.parametrize(("ctx", "iso3"), [("LBY", "LBY"), ("LBN", "LBN")])
def test_context_decides_between_places_of_one_name(geo, ctx: str, iso3: str) -> None:
    assert geo.resolve("Tripoli", GeoContext(countries=[ctx])).country == iso3


def test_dateline_country_is_context(geo) -> None:
    loc = geo.resolve("Tripoli", GeoContext(dateline="BEIRUT"))
    assert loc.country == "LBN"


def test_talks_in_a_capital_about_another_place(geo) -> None:
    text = "Putin and Erdogan held talks in Moscow on Idlib."
    loc = geo.event_location(text, _trigger(text, "talks"), GeoContext())
    assert loc.name == "Moscow" and loc.precision == "town"


def test_near_a_town_with_its_province(geo) -> None:
    text = "Strikes near Saraqib, in Idlib province, killed six."
    loc = geo.event_location(text, _trigger(text, "Strikes"), GeoContext())
    assert (loc.name, loc.admin1, loc.precision, loc.geo_precision) == (
        "Saraqib",
        "Idlib",
        "town",
        2,
    )


def test_province_only_is_a_region(geo) -> None:
    text = "Air strikes killed six in Idlib province."
    loc = geo.event_location(text, _trigger(text, "strikes"), GeoContext())
    assert (loc.precision, loc.geo_precision, loc.country) == ("region", 3, "SYR")


def test_country_only_has_country_precision(geo) -> None:
    text = "Gunmen killed five soldiers in Mali."
    loc = geo.event_location(text, _trigger(text, "killed"), GeoContext())
    assert (loc.country, loc.precision) == ("MLI", "country")


def test_no_place_gives_none(geo) -> None:
    text = "Gunmen killed five soldiers on Monday."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext()) is None


def test_a_participant_country_is_not_the_place(geo) -> None:
    text = "Turkey said it killed 30 militants."
    assert geo.event_location(text, _trigger(text, "killed"), GeoContext()) is None


def test_geocode_filters_by_country(geo) -> None:
    found = geo.geocode("Hyderabad", country="PAK", limit=3)
    assert found and found[0].country == "PAK"
    assert len(geo.geocode("Hyderabad", limit=3)) <= 3


def test_document_places_never_recurse_through_implausible_hints() -> None:
    # every hint's best candidate is implausible for a document about Syria (small and foreign):
    # placing the unknown name "within" them must end, at the document's country
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    ctx = GeoContext(countries=["SYR"], places=["Arbin", "Zangba", "Castelo"])
    loc = geo.resolve("Qqqxyzzy", ctx)
    assert loc is not None and loc.country == "SYR"


def test_document_places_lists_placed_sub_national_names_most_mentioned_first() -> None:
    from eventwire.geo import get_geocoder

    text = "Shelling hit Saraqib. Later, strikes near Ariha and in Saraqib killed two. Syria said."
    places = get_geocoder().document_places(text)
    assert places[0] == "Saraqib" and "Ariha" in places
    assert "Syria" not in places  # countries are GeoContext.countries, not places


def test_a_foreign_namesake_gives_way_to_one_near_the_document_countries() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    # Myanmar's Madaya is bigger; a report about Hezbollah (Lebanon) means the Syrian town nearby
    loc = get_geocoder().resolve("Madaya", GeoContext(countries=["LBN"]))
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_a_real_town_is_believed_when_the_countries_come_from_actors() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    loc = get_geocoder().resolve("Manbij", GeoContext(countries=["USA"]))  # "U.S.-led strikes in Manbij"
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_a_tiny_foreign_namesake_is_still_an_unknown_local_place() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    loc = get_geocoder().resolve("Turba", GeoContext(countries=["SYR"]))  # not Turba in Estonia
    assert loc is not None and loc.country == "SYR" and loc.geonameid is None


def test_headline_prefers_a_named_town_to_a_countryside() -> None:
    from eventwire.geo import get_geocoder
    from eventwire.geo.locate import headline_location

    text = "Shelling targets the countryside of Homs and casualties in Daraa city"
    loc = headline_location(get_geocoder(), text)
    assert loc is not None and loc.text == "Daraa"


def test_french_locative_cues_spot_a_town() -> None:
    from eventwire.geo import get_geocoder

    text = "Centrafrique : plusieurs villages de Batangafo au nord attaqués"
    assert "Batangafo" in [m.text for m in get_geocoder().spot(text)]


def test_an_unknown_place_is_put_within_a_brief_reports_places_only() -> None:
    from eventwire.geo import GeoContext, get_geocoder

    geo = get_geocoder()
    brief = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=["Saraqib"]))
    assert brief is not None and brief.lat is not None and brief.admin1  # at Saraqib, in Idlib
    places = ["Saraqib", "Aleppo", "Homs", "Hama", "Damascus"]  # a long article: anywhere
    long = geo.resolve("Qqqxyzzy", GeoContext(countries=["SYR"], places=places))
    assert long is not None and long.lat is None and long.country == "SYR"


def test_a_two_letter_dateline_is_no_country(geo) -> None:
    # a headline's "UN.-" read as a dateline: India's town "Un" must not become the context
    assert geo._dateline_country("Un.") is None
    loc = geo.resolve("Damara", GeoContext(dateline="Un."))
    assert loc is not None and loc.country == "CAF" and loc.precision == "town"


def test_a_foreign_namesake_is_not_taken_when_the_sentence_places_the_name(geo) -> None:
    text = "Shells fell on Husayniyah, a village in the countryside of Deir Ezzor."
    mentions = geo.spot(text)
    village = next(m for m in mentions if m.text == "Husayniyah")
    loc = geo.resolve(village, GeoContext(), hints=tuple(m for m in mentions if m is not village))
    # Egypt's Husayniyah is a real town, but the sentence's own place says Syria
    assert loc is not None and loc.country == "SYR" and loc.lat is not None


def test_an_address_ending_in_a_country_marks_its_names_as_places(geo) -> None:
    text = "Weekly incident list | Mboki, Haut-Mbomou, Central African Republic"
    found = {m.text: m for m in geo.spot(text)}
    assert found["Haut-Mbomou"].locative
    assert "Mboki" in found


def test_a_country_the_sentence_names_joins_the_actors_countries(geo) -> None:
    text = "Ugandan rebels attacked Obo, Haut-Mbomou, Central African Republic."
    loc = geo.event_location(text, _trigger(text, "attacked"), GeoContext(countries=["UGA"]))
    # the town itself, not only its region: Obo is far from Uganda, but in the named country
    assert loc is not None and loc.geonameid is not None and loc.precision == "town"
    assert loc.country == "CAF"


def test_a_headline_that_opens_with_its_place_is_placed_there(geo) -> None:
    from eventwire.geo.locate import headline_location

    loc = headline_location(geo, "Kaga-Bandoro sous tension après une nuit de tirs")
    assert loc is not None and loc.name == "Kaga-Bandoro" and loc.country == "CAF"
    topic = headline_location(geo, "Vakaga : une patrouille prise dans une embuscade")
    assert topic is not None and topic.country == "CAF" and topic.precision == "region"
    assert headline_location(geo, "Will Smith wins an award") is None


def test_a_namesake_abroad_is_not_taken_when_the_headline_names_the_country(geo) -> None:
    from eventwire.geo.locate import headline_location

    # Goya is a town in Argentina; this headline's village is in the country it names
    loc = headline_location(geo, "Centrafrique : Goya, un village pillé par des hommes armés")
    assert loc is not None and loc.country == "CAF"


def test_a_village_put_in_a_named_region_is_not_a_namesake_outside_it(geo) -> None:
    text = "Two soldiers were wounded by shelling near Shumy in Donbas."
    loc = geo.event_location(text, _trigger(text, "shelling"), GeoContext(countries=["UKR"]))
    # GeoNames' only "Shumy" is an alternate name of a Crimean village, 500 km away
    assert loc is not None and loc.country == "UKR" and loc.lat is not None
    assert abs(loc.lat - 48.0) < 1.0 and abs(loc.lon - 38.0) < 1.5


def test_a_headlines_present_tense_verb_puts_its_object_as_a_place(geo) -> None:
    text = "Government troops capture Mayadin from the militants"
    # the small model calls the town an organisation; a real town's own name as the object wins
    ents = [(26, 33, "ORG")]
    assert [m.text for m in geo.spot(text, ents)] == ["Mayadin"]
