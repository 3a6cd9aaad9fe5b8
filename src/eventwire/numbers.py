"""Numbers as news writes them: "21", "1,200", "twenty-one", "two hundred", "a dozen", "dozens".

Word values and vague quantities are data (data/number_words.tsv).

Example:
    >>> parse_number("twenty-one")
    (21, 21, 21)
    >>> parse_number("dozens")
    (12, 12, 99)
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.resources import read_tsv

NUMERAL = r"\d{1,3}(?:,\d{3})+|\d+"


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, int, int | None, str]]:
    out = {}
    for r in read_tsv("number_words.tsv"):
        low = int(r["low"]) if r["low"] else int(r["value"])
        high = int(r["high"]) if r["high"] else None
        out[r["word"]] = (int(r["value"]), low, high, r["kind"])
    return out


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """A regex alternative matching one number expression (numeral or words)."""
    words = sorted(_words(), key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in words if w not in ("a", "an", "no"))
    unit = rf"(?:{NUMERAL}|(?:{word_alt}))"
    return rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|handful|few|couple)|{unit}(?:[-\s]+(?:and\s+)?{unit})*)"


def parse_number(text: str) -> tuple[int, int, int | None] | None:
    """(best, low, high) of a number expression, or None when it is not one."""
    words = _words()
    t = text.lower().strip().replace("–", "-")
    if t in words:
        value, low, high, _ = words[t]
        return value, low, high
    if re.fullmatch(NUMERAL, t):
        n = int(t.replace(",", ""))
        return n, n, n
    total, current, vague = 0, 0, None
    for part in re.split(r"[-\s]+", t):
        if part in ("and", "of"):
            continue
        if re.fullmatch(NUMERAL, part):
            current += int(part.replace(",", ""))
            continue
        if part not in words:
            return None
        value, low, high, kind = words[part]
        if kind == "scale":
            current = (current or 1) * value
            if value >= 1000:
                total, current = total + current, 0
        elif kind == "vague":
            vague = (value, low, high)
        else:
            current += value
    best = total + current
    if vague and best == 0:
        return vague
    return best, best, best
