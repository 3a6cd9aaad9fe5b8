"""The Dask engine produces exactly the records of the local engine."""

import datetime as dt
import hashlib

import pytest

from eventwire.model import RawDocument
from eventwire.runner import Engine, code_raws

pytest.importorskip("distributed")

TEXTS = [
    "Gunmen killed 12 villagers in Zamfara state on Tuesday, police said.",
    "Rebels attacked an army base near Goma on Monday, killing four soldiers.",
    "Police fired tear gas to disperse protesters in Nairobi on Friday.",
    "Russia and Turkey agreed on a ceasefire in Idlib on Thursday.",
    "A roadside bomb killed three soldiers in Kidal on Sunday.",
]


def raws():
    return [RawDocument(text=t, raw_sha256=hashlib.sha256(t.encode()).hexdigest()) for t in TEXTS]


def test_dask_gives_the_same_events_as_local():
    published = dt.date(2024, 5, 3)
    local = [r.model_dump() for r in code_raws(raws(), published=published)]
    dask = [r.model_dump() for r in code_raws(raws(), published=published,
                                              engine=Engine("dask", workers=2))]
    for r in local + dask:
        r["document"].pop("ingested_at")
    assert dask == local
    assert sum(len(r["events"]) for r in local) >= 5
