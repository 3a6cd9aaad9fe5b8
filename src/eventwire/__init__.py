"""eventwire: news reports of armed conflict and diplomacy in, coded events and ceasefires out.

The Python API:

    >>> import eventwire
    >>> # events = eventwire.code_text("Gunmen killed 12 villagers in Zamfara on Tuesday.",
    >>> #                              published="2024-05-03")

``Pipeline`` codes batches (see ``eventwire.pipeline``); ``Store`` keeps results (see
``eventwire.store``). Names are imported on first use, so ``import eventwire`` stays light.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["Pipeline", "Store", "code_text"]


def __getattr__(name: str):
    if name in ("Pipeline", "code_text"):
        from eventwire import pipeline

        return getattr(pipeline, name)
    if name == "Store":
        from eventwire.store import Store

        return Store
    raise AttributeError(name)
