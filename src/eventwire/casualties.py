"""Casualties: people killed, injured, missing and arrested, and materiel lost, from one clause.

Reads counts in the shapes news uses: "killed 21 soldiers", "21 people were killed", "leaving
three dead", "the death toll rose to 40", "claimed the lives of 12", "a soldier was killed",
"no one was hurt". Qualifiers follow UCDP's best/low/high convention:

- "at least 20" → best 20, low 20, high open;   "more than 50" → best 50, low 50
- "up to 30" → best 30, high 30, low open;       "nearly/almost 50" → best 50, high 50
- "between 10 and 15" / "10 to 15" → best 10 (ACLED's conservative figure), low 10, high 15
- vague words ("dozens" → 12) come from data/number_words.tsv
- a toll that "rose to" N replaces earlier figures; "and" joins counts of one verb
  ("killed 3 soldiers and 2 civilians" → 5). Silence gives None, never 0.

Example:
    >>> extract_casualties("Gunmen killed at least 12 villagers and wounded 5.").killed.best
    12
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.model import Casualties, Count
from eventwire.numbers import number_pattern, parse_number

QUAL = (
    r"(?P<qual>a total of|at least|at most|more than|over|nearly|almost|about|around|some|roughly|"
    r"approximately|an estimated|up to|as many as|fewer than|less than|no fewer than|"
    r"no less than)?\s*"
)
NOT_PEOPLE = re.compile(
    r"^\s*(?:-|\s)?(?:hours?|days?|weeks?|months?|years?|minutes?|km|kilomet|miles?|percent|per cent|%|"
    r"-year|year-old|am\b|pm\b|gmt|times|rounds?|rockets?|missiles?|shells?|drones?|tons?|"
    r"metres?|meters?|houses?|homes?|buildings?|vehicles?|cars?|trucks?|tanks?|villages?)\b",
    re.I,
)
FILLER = r"(?:[\w'’-]+\s+){0,4}?"
# between a count and its passive verb: no conjunction or other casualty verb
# ("12 villagers and wounded 5" must not read as "12 ... wounded")
FILLER_P = (
    r"(?:(?!(?:and|or|but|while|killed|killing|wounded|wounding|injured|injuring)\b)"
    r"[\w'’-]+\s+){0,4}?"
)
KILL_PASSIVE = (
    r"(?:were|was|have been|has been|had been|are|is|being)?\s*(?:reported\s+)?"
    r"(?:killed|dead|died|slain|murdered|executed|massacred|beheaded|shot dead|"
    r"lost their lives|perished)"
)
KILL_ACTIVE = (
    r"(?:kill(?:ed|ing|s)?|slew|slaying|murder(?:ed|ing)?|massacr(?:ed|ing)|"
    r"execut(?:ed|ing)|behead(?:ed|ing)|shot dead|gunned down|left|leaving)"
)
HURT_PASSIVE = (
    r"(?:were|was|have been|has been|had been|are|is)?\s*(?:reported\s+)?"
    r"(?:injured|wounded|hurt|hospitali[sz]ed)"
)
HURT_ACTIVE = r"(?:injur(?:ed|ing|es)|wound(?:ed|ing|s)?)"
MISSING_PASSIVE = r"(?:were|was|are|is|remain|remained)?\s*(?:missing|unaccounted for)"
ARREST_PASSIVE = r"(?:were|was|have been|has been|had been)?\s*(?:arrested|detained|taken into custody)"
ARREST_ACTIVE = r"(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|round(?:ed)? up)"
NONE_KILLED = re.compile(
    r"\b(?:no(?:body| one)\s+(?:was|were)\s+(?:killed|hurt|injured)|no\s+(?:casualties|deaths|"
    r"fatalities|injuries)\s+(?:were|was|have been)?\s*reported|without casualties|"
    r"no\s+(?:deaths|fatalities|casualties)\b)",
    re.I,
)
TOLL = re.compile(
    r"death toll\s+(?:[\w'’-]+\s+){0,5}?(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|climbs|jumped|reached|"
    r"stands at|stood at|is|was|of|to|at)?\s*(?:to\s+)?" + QUAL + r"(?P<num>NUM)",
    re.I,
)
LIVES = re.compile(r"claim(?:ed|ing|s)? the lives of\s+" + QUAL + r"(?P<num>NUM)", re.I)
MATERIEL = re.compile(
    r"(?:destroy(?:ed|ing|s)?|seiz(?:ed|ing)|captur(?:ed|ing)|down(?:ed|ing)|shot down|"
    r"damag(?:ed|ing)|disabl(?:ed|ing))\s+(?P<items>(?:NUM)\s+[\w'’ -]+?"
    r"(?:\s+and\s+(?:NUM)\s+[\w'’ -]+?)*)(?=[.,;]|\s+(?:in|near|on|at|during|after|as)\b|$)",
    re.I,
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    num = number_pattern()
    # a bare article counts one person only before a noun: "killed a soldier"
    counted = QUAL + rf"(?P<num>{num}|\b(?:a|an)\b(?=\s+(?!total\b|number\b|series\b)\S))"
    conj = rf"(?P<more>(?:\s*(?:,|and)\s+(?:{num})\s+{FILLER}[\w'’-]+)*)"

    def passive(verb: str) -> re.Pattern[str]:
        return re.compile(rf"\b{counted}\s+{FILLER_P}{verb}\b", re.I)

    def active(verb: str) -> re.Pattern[str]:
        return re.compile(rf"\b{verb}\s+{counted}(?P<rest>\s+{FILLER}[\w'’-]+)?{conj}", re.I)

    return {
        "killed": [active(KILL_ACTIVE), passive(KILL_PASSIVE)],
        "injured": [active(HURT_ACTIVE), passive(HURT_PASSIVE)],
        "missing": [passive(MISSING_PASSIVE)],
        "arrested": [active(ARREST_ACTIVE), passive(ARREST_PASSIVE)],
    }


def _count(match: re.Match[str], text: str) -> Count | None:
    num = match.group("num")
    after = text[match.end("num") :]
    if NOT_PEOPLE.match(after) or re.match(r"\s*(?:-|\s)year", after, re.I):
        return None
    parsed = parse_number(num)
    if parsed is None:
        return None
    best, low, high = parsed
    more = match.groupdict().get("more") or ""
    for extra in re.findall(number_pattern(), more, re.I):
        p = parse_number(extra)
        if p:
            best, low = best + p[0], low + p[1]
            high = None if high is None or p[2] is None else high + p[2]
    qual = (match.group("qual") or "").lower()
    if qual in ("at least", "more than", "over", "no fewer than", "no less than"):
        low, high = best, None
    elif qual in ("up to", "as many as", "at most", "fewer than", "less than", "nearly", "almost"):
        high, low = best, None
    elif qual in ("about", "around", "some", "roughly", "approximately", "an estimated"):
        low = high = None
    return Count(best=best, low=low, high=high, text=match.group(0).strip())


def _range(text: str) -> Count | None:
    num = number_pattern()
    m = re.search(
        rf"\bbetween\s+(?P<a>{num})\s+and\s+(?P<b>{num})\s+{FILLER}"
        rf"(?:{KILL_PASSIVE}|people|civilians|soldiers)",
        text,
        re.I,
    ) or re.search(rf"\b(?P<a>{num})\s*(?:-|to|–)\s*(?P<b>{num})\s+{FILLER}{KILL_PASSIVE}", text, re.I)
    if not m:
        return None
    a, b = parse_number(m.group("a")), parse_number(m.group("b"))
    if not a or not b:
        return None
    return Count(best=a[0], low=a[0], high=b[0], text=m.group(0).strip())


def _first(kind: str, text: str) -> Count | None:
    found: list[tuple[int, Count]] = []
    for pattern in _patterns()[kind]:
        for m in pattern.finditer(text):
            count = _count(m, text)
            if count is not None:
                found.append((m.start(), count))
    if not found:
        return None
    found.sort(key=lambda x: x[0])
    # "killing 5, including 3 children": the first figure is the total
    return found[0][1]


def extract_casualties(sentence: str, trigger: tuple[int, int] | None = None) -> Casualties:
    """Counts of killed, injured, missing and arrested people, and materiel, in one clause."""
    text = " ".join(sentence.split()) if trigger is None else sentence
    killed = None
    toll = TOLL.pattern.replace("NUM", number_pattern())
    for pattern in (re.compile(toll, re.I), re.compile(LIVES.pattern.replace("NUM", number_pattern()), re.I)):
        m = pattern.search(text)
        if m:
            killed = _count(m, text)
            if killed:
                break
    killed = killed or _range(text) or _first("killed", text)
    if killed is None and NONE_KILLED.search(text):
        killed = Count(best=0, low=0, high=0, text=NONE_KILLED.search(text).group(0))
    return Casualties(
        killed=killed,
        injured=_first("injured", text),
        missing=_first("missing", text),
        arrested=_first("arrested", text),
        materiel=_materiel(text),
    )


def _materiel(text: str) -> list[str]:
    pattern = re.compile(MATERIEL.pattern.replace("NUM", number_pattern()), re.I)
    out = []
    for m in pattern.finditer(text):
        for item in re.split(r"\s+and\s+", m.group("items")):
            item = item.strip(" ,")
            head = item.split()[-1].lower() if item.split() else ""
            if head and not re.fullmatch(r"(?:people|civilians?|soldiers?|men|women|children)", head):
                out.append(item)
    return out
