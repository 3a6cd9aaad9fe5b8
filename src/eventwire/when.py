"""Event dates: the words that date an event, resolved against the publication date.

Handles weekday names ("on Friday", "Sunday night": the most recent such day on or before
publication for past events, the next one for future events), relative words
(data/date_terms.tsv: "yesterday", "last week", "earlier this month"), explicit dates in the
usual formats ("March 5, 2020", "5 March 2020", "2020-03-05", "05/03/2020"), months ("in March")
and years ("in 2019"), each with its precision. Durations ("six hours", "a 72-hour truce",
"for three days") are never dates. Without a publication date, a text without a year keeps only
the precision it really has, with a warning; today's year is never assumed.

Example:
    >>> resolve_date("Turkey ramped up its attack on Sunday", dt.date(2020, 3, 6)).date
    datetime.date(2020, 3, 1)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.model import EventDate
from eventwire.resources import read_tsv

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"

EXPLICIT = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")),
    ("mdy", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b", re.I)),
    ("slash", re.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>{_YEAR})\b")),
    ("md", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*(?:,\s*)?{_YEAR})", re.I)),
    ("dm", re.compile(rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})\b(?!,?\s+{_YEAR})", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b(?P<rel>last\s+|this\s+|next\s+|on\s+|early\s+|late\s+)?"
            rf"(?P<wd>{_WEEKDAY}){_PART}\b",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b(?:in\s+|since\s+|during\s+)?(?P<mon>{_MONTH})\s+(?P<y>{_YEAR})\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|during|early|late|mid-?)\s+(?P<mon>{_MONTH})\b(?!\s+\d)", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of)\s+(?P<y>{_YEAR})\b", re.I)),
]
_MAY_VERB = re.compile(r"\bmay\s+(?:be|have|not|also|still|well|become|take|face|lead)\b", re.I)


@dataclass(frozen=True)
class _Term:
    pattern: re.Pattern[str]
    offset: int
    unit: str
    precision: str


@lru_cache(maxsize=1)
def _terms() -> tuple[_Term, ...]:
    rows = sorted(read_tsv("date_terms.tsv"), key=lambda r: len(r["phrase"]), reverse=True)
    return tuple(
        _Term(re.compile(rf"\b{r['phrase']}\b", re.I), int(r["offset"]), r["unit"], r["precision"])
        for r in rows
    )


def find_date_expressions(text: str) -> list[tuple[int, int, str, str]]:
    """Date expressions in ``text`` as (start, end, words, kind), in text order, no overlaps."""
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for kind, pattern in EXPLICIT:
        for m in pattern.finditer(text):
            if kind in ("md", "dm", "month") and _MAY_VERB.match(text, m.start("mon")):
                continue  # "may" the verb
            if (
                kind in ("md", "dm")
                and m.group("mon").lower().startswith("may")
                and m.group("mon")[0].islower()
            ):
                continue
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), m.group(0).strip(), kind))
                taken.append((m.start(), m.end()))
    for term in _terms():
        for m in term.pattern.finditer(text):
            if free(m.start(), m.end()):
                found.append((m.start(), m.end(), m.group(0), "term"))
                taken.append((m.start(), m.end()))
    return sorted(found)


def _shift_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve_one(words: str, kind: str, published: dt.date | None, future: bool) -> EventDate:
    if kind == "term":
        term = next(t for t in _terms() if t.pattern.fullmatch(words))
        if published is None:
            return EventDate(
                precision=term.precision, text=words, warning="relative date without a publication date"
            )
        if term.unit == "day":
            date = published + dt.timedelta(days=term.offset)
        elif term.unit == "week":
            date = published + dt.timedelta(weeks=term.offset)
        elif term.unit == "month":
            date = _shift_months(published, term.offset) if term.offset else published
        else:
            date = dt.date(published.year + term.offset, 1, 1) if term.offset else published
        return EventDate(date=date, precision=term.precision, text=words)
    if kind == "weekday":
        m = EXPLICIT[6][1].fullmatch(words)
        assert m is not None
        wd = WEEKDAYS[m.group("wd").lower()]
        rel = (m.group("rel") or "").strip().lower()
        if published is None:
            return EventDate(precision="day", text=words, warning="weekday without a publication date")
        if rel == "next" or (future and rel != "last"):
            delta = (wd - published.weekday()) % 7 or (7 if rel == "next" else 0)
            return EventDate(date=published + dt.timedelta(days=delta), precision="day", text=words)
        delta = (published.weekday() - wd) % 7
        if rel == "last" and delta == 0:
            delta = 7
        return EventDate(date=published - dt.timedelta(days=delta), precision="day", text=words)
    m = next(p for k, p in EXPLICIT if k == kind).fullmatch(words)
    assert m is not None
    g = m.groupdict()
    if kind == "iso":
        return EventDate(date=_safe_date(int(g["y"]), int(g["m"]), int(g["d"])), precision="day", text=words)
    if kind == "slash":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        day_first = a > 12
        date = _safe_date(y, b, a) if day_first else _safe_date(y, a, b)
        return EventDate(date=date, precision="day", text=words)
    year = int(g["y"]) if g.get("y") else None
    month = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else None
    day = int(re.sub(r"\D", "", g["d"])) if g.get("d") else None
    precision = "day" if day else "month" if month else "year"
    if year is None:
        if published is None:
            return EventDate(
                precision=precision, text=words, warning="no year in the text and no publication date"
            )
        year = published.year
        candidate = _safe_date(year, month or 1, day or 1)
        if candidate and candidate > published + dt.timedelta(days=7) and not future:
            year -= 1  # "December 30" in a story of January 2 is last year's
    date = _safe_date(year, month or 1, day or 1)
    return EventDate(date=date, precision=precision, text=words)


def resolve_date(
    text: str,
    published: dt.date | None,
    *,
    tense: str | None = None,
    near: int | None = None,
) -> EventDate:
    """The date of the event told in ``text`` (see the module docstring).

    Returns ``EventDate(date=None)`` when the text has no date expression: the caller decides
    what an undated report means. ``near`` picks the expression closest to that offset.
    """
    found = find_date_expressions(text)
    if not found:
        return EventDate()
    if near is not None:
        found.sort(key=lambda f: min(abs(f[0] - near), abs(f[1] - near)))
    start, end, words, kind = found[0]
    return _resolve_one(words, kind, published, future=tense == "future")
