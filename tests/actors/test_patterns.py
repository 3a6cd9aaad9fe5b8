"""EntityRuler patterns built from the actor vocabularies."""

from __future__ import annotations

import spacy

from eventwire.actors import entity_patterns


def test_patterns_label_groups_countries_and_nationalities():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(entity_patterns())
    doc = nlp("Turkish troops and HTS fought Islamic State near Aleppo, Syria said.")
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Turkish", "NORP", "TUR") in found
    assert ("HTS", "ORG", "Hayat Tahrir al-Sham") in found
    assert ("Islamic State", "ORG", "Islamic State") in found
    assert ("Syria", "GPE", "SYR") in found


def test_short_acronyms_match_only_in_capitals():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(entity_patterns())
    assert not [e for e in nlp("This is what it is.").ents if e.label_ == "ORG"]
