"""The orchestrator: runs every stage over a batch of documents and records per-document errors.

Stages, each in its own module: ingest (``eventwire.ingest``) → clean (``eventwire.clean``) →
parse (``eventwire.nlp``) → event frames and fields (``eventwire.events``) → document-level
assembly → ceasefires (``eventwire.ceasefire``). One bad document never stops a batch: it is
returned with status "failed" and its error, and the next document goes on.

Example:
    >>> # code_text("Gunmen killed 12 villagers in Zamfara on Tuesday.", published="2024-05-03")
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.tokens import Doc

from eventwire import actors, ceasefire
from eventwire.actors.acronyms import defined_acronyms
from eventwire.clean import clean
from eventwire.errors import EventwireError
from eventwire.events.assemble import assemble
from eventwire.events.claims import claimant
from eventwire.events.extract import DocContext, code_sentence, resolve_role
from eventwire.events.lexicon import Lexicon, ModeCue
from eventwire.geo import GeoContext, get_geocoder
from eventwire.model import Actor, CodedDocument, Document, RawDocument, Sentence
from eventwire.nlp import get_nlp

log = logging.getLogger(__name__)


class Timings:
    """Seconds spent per stage (for `eventwire bench`); cheap enough to be always on."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass(frozen=True)
class Options:
    """Options passed down to every stage (one object, not a dozen arguments)."""

    published: dt.date | None = None
    batch_size: int = 16


class Pipeline:
    """Codes batches of documents; models load once, on first use."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.timings = Timings()

    def code(self, raws: Iterable[RawDocument]) -> Iterator[CodedDocument]:
        """Clean, parse and code documents, yielding one result per input, in input order."""
        batch: list[Document] = []
        for raw in raws:
            if raw.published is None and self.options.published is not None:
                raw = raw.model_copy(update={"published": self.options.published})
            try:
                with self.timings.stage("clean"):
                    doc = clean(raw)
            except EventwireError as exc:
                yield CodedDocument(document=_failed(raw, str(exc)))
                continue
            if doc.status != "coded":
                yield CodedDocument(document=doc)
                continue
            batch.append(doc)
            if len(batch) >= self.options.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, docs: list[Document]) -> Iterator[CodedDocument]:
        with self.timings.stage("parse"):
            parsed = list(get_nlp().pipe((d.text for d in docs), batch_size=self.options.batch_size))
        for doc, spacy_doc in zip(docs, parsed, strict=True):
            try:
                yield code_parsed(doc, spacy_doc, self.timings)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("coding %s failed", doc.id)
                yield CodedDocument(
                    document=doc.model_copy(
                        update={"status": "failed", "error": f"E500: coding failed: {exc!r}"}
                    )
                )


def code_parsed(doc: Document, spacy_doc: Doc, timings: Timings | None = None) -> CodedDocument:
    """Code one cleaned and parsed document."""
    timings = timings or Timings()
    warnings: list[str] = []
    if doc.published is None:
        warnings.append(
            "W101: no publication date: dates without a year keep only the precision the text gives"
        )
    geo_ctx = document_geo_context(doc, spacy_doc)
    ctx = DocContext(
        document=doc,
        geo=geo_ctx,
        geocoder=get_geocoder(),
        warnings=warnings,
        acronyms=defined_acronyms(doc.text),
    )
    sentences: list[Sentence] = []
    candidates = []
    weapons: dict[int, ModeCue] = {}
    claims: dict[int, Actor] = {}
    lexicon = Lexicon.load()
    with timings.stage("events"):
        for k, sent in enumerate(spacy_doc.sents):
            text = sent.text.rstrip()
            if not text.strip():
                continue
            sentences.append(
                Sentence(index=k, start=sent.start_char, end=sent.start_char + len(text), text=text)
            )
            found = code_sentence(sent, k, ctx)
            if found:  # the sentence's own weapon words, for events whose frame missed them
                cue = lexicon.instrument_cue(sent)
                if cue is not None:
                    weapons[k] = cue
            who = claimant(sent)
            claimed = resolve_role(who, ctx) if who is not None else None
            if claimed is not None and claimed.sector is not None:
                claims[k] = claimed
            candidates.extend(found)
    with timings.stage("assemble"):
        dateline = get_geocoder().resolve(doc.dateline.split(",")[0], geo_ctx) if doc.dateline else None
        events = assemble(
            candidates,
            resolve_attribution=actors.resolve_actor,
            dateline=dateline,
            weapons=weapons,
            claims=claims,
        )
    with timings.stage("ceasefires"):
        ceasefires = ceasefire.detect_ceasefires(doc, sentences, events)
        ceasefires, links = ceasefire.link_events(ceasefires, events)
        events = [e.model_copy(update={"ceasefire_id": links.get(e.id)}) for e in events]
    return CodedDocument(document=doc, events=events, ceasefires=ceasefires, warnings=warnings)


def document_geo_context(doc: Document, spacy_doc: Doc) -> GeoContext:
    """The countries a document is about (most mentioned first), its dateline and its places."""
    counts: Counter[str] = Counter()
    for ent in spacy_doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG"):
            actor = actors.resolve_actor(ent.text)
            if actor is not None and actor.country and len(actor.country) == 3:
                counts[actor.country] += 1
    ents = [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]
    places = get_geocoder().document_places(spacy_doc.text, ents)
    return GeoContext(countries=[c for c, _ in counts.most_common()], dateline=doc.dateline, places=places)


def _failed(raw: RawDocument, error: str) -> Document:
    return Document(
        id=raw.id or raw.raw_sha256[:16],
        url=raw.url,
        title=raw.title,
        publisher=raw.publisher,
        published=raw.published,
        text="",
        raw_sha256=raw.raw_sha256,
        status="failed",
        error=error,
        source=raw.source,
    )


def code_text(text: str, published: dt.date | str | None = None, doc_id: str | None = None) -> list:
    """Code one text and return its events (the simplest Python entry point)."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    raw = RawDocument(
        text=text,
        raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        id=doc_id,
        published=published,
    )
    result = next(Pipeline().code([raw]))
    if result.document.status == "failed":
        raise EventwireError(result.document.error or "coding failed")
    return result.events
