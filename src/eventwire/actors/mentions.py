"""Actor mentions in a sentence: every phrase the vocabularies recognise, resolved.

A mention is a named group, organisation, person or country, optionally widened to the
nationality words before it and the sector words after it ("Russian Foreign Ministry
spokeswoman"), or a run of sector words alone ("unidentified armed men"). Mentions never
overlap; the longest wins.

Example:
    >>> [(s, e) for s, e, _ in find_actor_mentions("Turkish troops shelled SDF positions.")]
    [(0, 14), (23, 26)]
"""

from __future__ import annotations

from eventwire.actors.resolve import match_phrases, resolve_actor, sector_words
from eventwire.actors.vocab import spans
from eventwire.model import Actor


def _runs(words: list[str], joined: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of candidate mentions: vocabulary names widened over adjacent sector words.

    ``joined[k]`` says word k follows word k-1 with only spaces between (no comma, no bracket).
    """
    marks: dict[int, str] = {}
    for i, j, entry in match_phrases(words):
        if entry.kind == "region":
            continue
        for k in range(i, j):
            marks[k] = "name"
    for i, j, _ in sector_words(words):
        for k in range(i, j):
            marks.setdefault(k, "sector")
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if k not in marks:
            k += 1
            continue
        start = k
        k += 1
        while k < len(words) and k in marks and joined[k]:
            k += 1
        runs.append((start, k))
    return runs


def find_actor_mentions(text: str) -> list[tuple[int, int, Actor]]:
    """All actor phrases in ``text`` as (start, end, Actor), in text order, non-overlapping."""
    toks = spans(text)
    words = [w for _, _, w in toks]
    joined = [k > 0 and not text[toks[k - 1][1] : toks[k][0]].strip() for k in range(len(toks))]
    out: list[tuple[int, int, Actor]] = []
    for i, j in _runs(words, joined):
        start, end = toks[i][0], toks[j - 1][1]
        actor = resolve_actor(text[start:end])
        if actor is not None:
            out.append((start, end, actor))
    return out
