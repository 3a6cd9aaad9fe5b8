"""Which day a record's date is: the event's own stated day, or the day it was reported.

"Gunmen opened fire inside a bar on Friday" states the event's day; "police said on Friday" and
"the toll rose to 9 on Friday" date the reporting, which may be days after the event. Two records
whose own stated days are ``DISTINCT_DAYS`` or more apart are two events (a bar shooting on
Friday is not Tuesday's shootout in the same city), unless one refers back to the other's day
("Monday's raid", "two days after the strikes"). Cue words are in ``data/dedup_date_cues.tsv``.

Pure functions over a record's evidence sentence and date words.

Example:
    >>> date_cues()[1][0]
    ('day', 'after')
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from eventwire.events.extract import said_on
from eventwire.model import Event
from eventwire.resources import read_tsv

DISTINCT_DAYS = 2  # two events' own stated days this far apart are two events


@cache
def date_cues() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(words that make a date the reporting's, phrases that refer back to an earlier event),
    from ``dedup_date_cues.tsv``."""
    report: set[str] = set()
    back: list[tuple[str, ...]] = []
    for row in read_tsv("dedup_date_cues.tsv"):
        if row["kind"] == "report":
            report.add(row["cue"].lower())
        else:
            back.append(tuple(row["cue"].lower().split()))
    return frozenset(report), tuple(back)


_TOKEN = re.compile(r"[\w'\u2019-]+|[,;:()]")
_BREAK = frozenset(",;:()")


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("\u2019", "'").removesuffix("'s") for t in _TOKEN.findall(text)]


def _find(tokens: list[str], words: list[str]) -> int | None:
    n = len(words)
    return next((i for i in range(len(tokens) - n + 1) if n and tokens[i : i + n] == words), None)


def stated_day(event: Event) -> bool:
    """True when a day-precision date is the event's own stated day: its words are in the
    evidence sentence and no reporting word stands next to them in their clause ("gunmen
    opened fire on Friday" — not "police said on Friday", "the toll rose to 9 on Friday")."""
    if event.date is None or (event.date_precision or "day") != "day" or not event.date_text:
        return False
    tokens, words = _tokens(event.evidence.sentence), _tokens(event.date_text)
    at = _find(tokens, words)
    if at is None or said_on(event.date_text):
        return False  # the coder kept the verb with a source's day ("said Wednesday")
    near: list[str] = []
    for t in reversed(tokens[max(0, at - 4) : at]):
        if t in _BREAK:
            break
        near.append(t)
    near.extend(tokens[at + len(words) : at + len(words) + 1])
    return not (set(near) & date_cues()[0])


def _refers_back(event: Event, day: dt.date) -> bool:
    """True when a record's sentence names another day's weekday ("Monday's attack") or refers
    back to an earlier event ("two days after the strikes")."""
    tokens = _tokens(event.evidence.sentence)
    weekday = day.strftime("%A").lower()
    for at in (i for i, t in enumerate(tokens) if t == weekday):
        # "security sources said on Wednesday" is the day of the telling, not a look back
        if not set(tokens[max(0, at - 3) : at]) & date_cues()[0]:
            return True
    return any(_find(tokens, list(phrase)) is not None for phrase in date_cues()[1])


def days_apart(a: Event, b: Event) -> int | None:
    """How many days apart two records' own stated days are (``stated_day``), or None when either
    states none or one refers back to the other's day ("Monday's raid")."""
    if not (stated_day(a) and stated_day(b)):
        return None
    if _refers_back(a, b.date) or _refers_back(b, a.date):  # type: ignore[arg-type]
        return None
    return abs((a.date - b.date).days)  # type: ignore[operator]


def distinct_days(a: Event, b: Event) -> bool:
    """True when both records state their own day, ``DISTINCT_DAYS`` or more apart, and neither
    refers back to the other's: a bar shooting on Friday is not Tuesday's shootout in the same
    city, however alike the reports."""
    apart = days_apart(a, b)
    return apart is not None and apart >= DISTINCT_DAYS
