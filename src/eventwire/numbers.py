"""Numbers as news writes them: "21", "1,200", "twenty-one", "two hundred", "a dozen", "dozens".

Word values and vague quantities are data (data/number_words.tsv). A number is either a numeral
(optionally scaled: "1.5 million", "3 thousand") or a run of number words ("two hundred and
fifty"). Two numerals never join into one number, so "10-15" stays a range of two numbers.

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

NUMERAL = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
Parsed = tuple[int, int, int | None]


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, int, int | None, str]]:
    out = {}
    for r in read_tsv("number_words.tsv"):
        low = int(r["low"]) if r["low"] else int(r["value"])
        high = int(r["high"]) if r["high"] else None
        out[r["word"]] = (int(r["value"]), low, high, r["kind"])
    return out


def _alt(words: list[str]) -> str:
    # longest first so "tens of thousands" wins over "tens"; spaces match any whitespace
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """A regex (no groups) matching one number expression: a numeral or a run of number words."""
    words = _words()
    phrases = [w for w in words if " " in w]
    units = [w for w, v in words.items() if " " not in w and w not in ("a", "an", "no")]
    scales = [w for w, v in words.items() if v[3] == "scale"]
    word = rf"(?:{_alt(units)})"
    numeral = rf"(?:{NUMERAL})(?:\s+(?:{_alt(scales)})\b)?"
    run = rf"{word}(?:(?:-|\s+)(?:and\s+)?{word})*"
    # \b on both sides so "one" never matches inside "someone" or "money"
    return rf"(?:(?<![\w.,])(?:{_alt(phrases)}|{numeral}|{run})\b)"


def parse_number(text: str) -> Parsed | None:
    """(best, low, high) of a number expression, or None when it is not one; high None = open."""
    words = _words()
    t = " ".join(text.lower().replace("–", "-").split())
    if t in words:
        value, low, high, _ = words[t]
        return value, low, high
    if re.fullmatch(NUMERAL, t):
        n = int(float(t.replace(",", "")))
        return n, n, n
    if len(re.findall(r"\d+", t.replace(",", "").replace(".", ""))) > 1:
        return None  # "10-15" is a range, not one number
    total, current, vague = 0, 0, None
    for part in re.split(r"[-\s]+", t):
        if part in ("and", "of"):
            continue
        if re.fullmatch(NUMERAL, part):
            current += float(part.replace(",", ""))
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
    best = int(total + current)
    if vague and best == 0:
        return vague
    return best, best, best
