"""clean: boilerplate, captions, repeats, headline, wire datelines, language, failures."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from eventwire.clean import clean, date_line, is_boilerplate, is_caption, paragraphs_of, strip_dateline
from eventwire.model import RawDocument

EXAMPLE = Path(__file__).parents[1] / ".." / "shared" / "examples" / "upi-idlib-2020-03-06.txt"


def raw(text: str, **kw) -> RawDocument:
    return RawDocument(text=text, raw_sha256=hashlib.sha256(text.encode()).hexdigest(), **kw)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not present")
def test_real_upi_example():
    doc = clean(raw(EXAMPLE.read_text(encoding="utf-8")))
    assert doc.status == "coded" and doc.language == "en"
    for gone in ("Advertisement", "Latest Headlines", "Photo by", "EPA-EFE"):
        assert gone not in doc.text
    assert doc.text.count("joint news conference following their cease-fire talks") <= 1
    assert doc.publisher == "UPI"
    assert doc.title == "Turkey kills 21 Syrian troops as cease-fire with Russia signed"
    assert doc.text.startswith("Drone strikes in Idlib")
    assert "\n\nTurkey said the strikes were in retaliation" in doc.text
    assert doc.text.endswith(
        "in the Kremlin in Moscow. Turkey said Friday it killed 21 Syrian soldiers in an airstrike."
    )


@pytest.mark.parametrize(
    ("line", "publisher", "place", "rest"),
    [
        ("BEIRUT (Reuters) - A car bomb exploded near the port.", "Reuters", "Beirut", "A car bomb"),
        ("KYIV, Ukraine (AP) — Drones hit a power plant overnight.", "AP", "Kyiv", "Drones"),
        ("Damascus (AFP) - Shelling killed three people.", "AFP", "Damascus", "Shelling"),
        ("March 6 (UPI) -- Militants stormed a checkpoint.", "UPI", None, "Militants"),
        ("BEIJING, March 6 (Xinhua) -- Envoys met on Friday.", "Xinhua", "Beijing", "Envoys"),
        ("ANKARA (AA) - Turkish jets struck targets in Iraq.", "Anadolu Agency", "Ankara", "Turkish"),
        ("GAZA CITY, Dec 3 (Reuters) - Air strikes hit a camp.", "Reuters", "Gaza City", "Air"),
        ("WASHINGTON — The Pentagon announced new aid.", None, "Washington", "The Pentagon"),
        ("PORT-AU-PRINCE, Haiti (AP) — Gangs burned houses.", "AP", "Port-au-Prince", "Gangs"),
        ("SEOUL, May 2 (Yonhap) -- The North fired a missile.", "Yonhap", "Seoul", "The North"),
        ("Khartoum, Sudan – Fighting resumed on Sunday.", None, "Khartoum", "Fighting"),
        ("MOSCOW, March 6. /TASS/. Russia said the talks went well.", "TASS", "Moscow", "Russia"),
        ("(Reuters) - Ukraine said it downed 20 drones.", "Reuters", None, "Ukraine"),
        ("LONDON/PARIS (Reuters) - Britain and France said.", "Reuters", "London", "Britain"),
        ("Dar es Salaam (AFP) - Police fired tear gas.", "AFP", "Dar es Salaam", "Police"),
    ],
)
def test_wire_datelines(line, publisher, place, rest):
    found = strip_dateline(line)
    assert found is not None
    assert found[0] == publisher and found[1] == place and found[2].startswith(rest)
    doc = clean(raw("Headline of the story\n\n" + line))
    assert doc.dateline == place and doc.publisher == publisher and doc.text.startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "On Thursday, the European Court of Justice (ECJ) - ruled on the case.",
        "Rebels – who had fled the town – returned on Monday.",
        "The army (which denied it) said nothing.",
    ],
)
def test_ordinary_sentences_are_not_datelines(line):
    assert strip_dateline(line) is None


def test_standalone_place_line_is_a_dateline():
    doc = clean(raw("Turkey sends envoy to Libya\n\nWORLD\n\nISTANBUL\n\nTurkey sent an envoy on Friday."))
    assert doc.title == "Turkey sends envoy to Libya"
    assert doc.dateline == "Istanbul" and doc.text == "Turkey sent an envoy on Friday."


def test_given_publisher_is_kept():
    doc = clean(raw("BEIRUT (Reuters) - A blast hit the port.", publisher="Daily Star"))
    assert doc.publisher == "Daily Star" and doc.dateline == "Beirut"


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Latest Headlines",
        "Share this article",
        "Follow us on Twitter and Facebook",
        "Subscribe to our newsletter",
        "Read more: Ceasefire talks stall again",
        "We use cookies to improve your experience. Accept all cookies",
        "By Jane Doe and John Roe, Reuters",
        "Reporting by Jane Doe in Kyiv; Editing by John Roe",
        "(Reporting by Reuters staff; Editing by Reuters editors)",
        "Updated: March 6, 2020 10:02 AM",
        "File photo",
        "(AP Photo/Jane Doe)",
        "© 2024 The Lakeside Courier. All rights reserved.",
        "WORLD",
        "Middle East",
        "https://example.invalid/live/123",
        "Jane Doe in Kyiv contributed to this report.",
        "The ceasefire is holding, officials say pic.twitter.com/AbC123",
        "— Jane Doe (@janedoe) March 6, 2020",
        "Jane Doe | 06.03.2020 - Update : 06.03.2020",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Sunday, the troops had withdrawn from the town.",
        "Updated figures showed 20 people dead.",
        "Share prices fell after the attack.",
        "Police said they would follow the case closely.",
    ],
)
def test_story_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line) and not is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "Soldiers patrol a street in Goma on May 2. Photo by Jane Doe/EPA-EFE",
        "Smoke rises over the city after an air strike. (AP Photo/John Roe)",
        "Rescuers search the rubble on Tuesday. REUTERS/Jane Doe",
        "Displaced families wait for food aid. Getty Images",
        "The procession at the main square. Image: Genium.",
        "Residents gather near burnt houses. Photo: Jane Doe/Northwest Courier",
    ],
)
def test_captions(line):
    assert is_caption(line)


def test_the_ministry_video_sentence_is_not_a_caption():
    assert not is_caption("The ministry released a video: soldiers firing rockets at night.")
    assert not is_caption("The agency published a photo: Militants Are Seen Firing Rockets at the Base.")


def test_repeated_paragraph_and_caption_kept_once_caption_last():
    text = (
        "Clashes in the north\n\nTroops and rebels clashed near the border on Monday.\n"
        "Troops and rebels clashed near the border on Monday.\n\n"
        "A soldier stands guard. Photo by Jane Doe/AFP\nA soldier stands guard. Photo by Jane Doe/AFP\n\n"
        "The army said two soldiers were wounded."
    )
    doc = clean(raw(text))
    assert doc.title == "Clashes in the north"
    assert doc.text == (
        "Troops and rebels clashed near the border on Monday.\n\n"
        "The army said two soldiers were wounded.\n\nA soldier stands guard."
    )


def test_title_only_when_headline_like():
    doc = clean(raw("Rebels shelled the town on Monday.\n\nTwo people died, officials said."))
    assert doc.title is None
    assert doc.text == "Rebels shelled the town on Monday.\n\nTwo people died, officials said."


def test_given_title_repeated_in_body_is_removed():
    doc = clean(raw("Curfew extended\nAuthorities extended a curfew on Monday.", title="Curfew extended"))
    assert doc.title == "Curfew extended" and doc.text == "Authorities extended a curfew on Monday."


@pytest.mark.parametrize(
    "first",
    ["Curfew extended in the north", "Curfew extended in north", "Curfew extended in the north - Daily Star"],
)
def test_near_copy_of_given_title_is_removed(first):
    doc = clean(raw(f"{first}\n\nAuthorities extended a curfew.", title="Curfew extended in the north"))
    assert doc.text == "Authorities extended a curfew."


def test_different_first_line_stays():
    doc = clean(raw("Rebels say they took the town\n\nThe army denied it.", title="Army denies losses"))
    assert doc.text.startswith("Rebels say they took the town")


def test_hard_wrapped_paragraph_is_rejoined():
    text = (
        "Government forces and fighters of the armed group clashed for a\n"
        "second day near the northern town on Wednesday, residents said,\n"
        "and at least four civilians were wounded in the crossfire there.\n\n"
        "The army did not comment."
    )
    assert paragraphs_of(text) == [
        "Government forces and fighters of the armed group clashed for a second day near the "
        "northern town on Wednesday, residents said, and at least four civilians were wounded "
        "in the crossfire there.",
        "The army did not comment.",
    ]


def test_whitespace_and_quotes_are_normalised():
    doc = clean(
        raw("\u201cWe will respond,\u201d the minister\u2019s aide said.\u00a0 \u200bIt was  late.\r\n")
    )
    assert doc.text == '"We will respond," the minister\'s aide said. It was late.'


def test_date_line_fills_published_and_is_removed():
    doc = clean(raw("Wednesday, January 23, 2019\n\nGermany banned an Iranian airline on Monday."))
    assert doc.published == dt.date(2019, 1, 23)
    assert doc.text == "Germany banned an Iranian airline on Monday."
    assert date_line("6 March 2020") == dt.date(2020, 3, 6)
    assert date_line("Troops left on March 6, 2020") is None


def test_id_is_given_id_or_raw_hash_and_stable():
    r = raw("Troops left the town on Friday.")
    assert clean(r).id == r.raw_sha256[:16]
    assert clean(r) == clean(r)
    assert clean(raw("Troops left the town on Friday.", id="doc-7")).id == "doc-7"


def test_empty_after_cleaning_fails():
    doc = clean(raw("Advertisement\n\nShare this article\n"))
    assert doc.status == "failed" and doc.error == "E101: document has no text after cleaning"


def test_raw_error_is_carried():
    doc = clean(RawDocument(text="", raw_sha256="0" * 64, error="E102: input is binary"))
    assert doc.status == "failed" and doc.error == "E102: input is binary" and doc.text == ""


def test_non_english_is_skipped_with_text_kept():
    text = "Les forces gouvernementales ont bombardé les positions rebelles au nord de la ville vendredi."
    doc = clean(raw(text))
    assert doc.status == "skipped" and doc.language == "fr"
    assert doc.error == "E105: document language is 'fr', eventwire codes English"
    assert doc.text == text


def test_a_wire_story_tag_is_cut_from_the_headline_and_lead():
    from eventwire.clean import strip_slug

    assert strip_slug("UPDATE 5-Fighting rages in Khartoum") == "Fighting rages in Khartoum"
    assert strip_slug("EXCLUSIVE-U.S. weighs new sanctions") == "U.S. weighs new sanctions"
    assert strip_slug("Update on the talks in Doha") == "Update on the talks in Doha"
