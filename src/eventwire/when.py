"""Event dates: the words that date an event, resolved against the publication date.

What is read, and the conventions used where news is ambiguous:

- weekdays ("on Friday", "Sunday night"): in a past-tense clause the most recent such day on or
  before publication (a Friday story's "Friday" is that day); in a future clause the next one on
  or after it; "last Friday" is strictly before, "next Sunday" strictly after.
- relative words from data/date_terms.tsv ("yesterday", "last night", "last week", "earlier
  this month", "recently"), and "N days/weeks/months/years ago".
- explicit dates ("March 5, 2020", "5 March 2020", "Feb. 27", "2020-03-05", "05/03/2020",
  "14.07.2019"). Slashed and dotted dates are read day-first (the usage of most of the world's
  press) unless that is impossible ("02/25/2020"); pass ``day_first=False`` for US sources.
- months ("in February", "in May 2017") and years ("in 2019", "in early 2018").

Precision and the date given for it: ``day`` is the day; ``week`` is the publication date
moved by whole weeks ("this week"/"recently" = the publication date, "last week" = 7 days
before: read it as "the week around this date"); ``month`` is the 1st of the month; ``year`` is
1 January. A month or day without a year takes the publication year, or the year before when that
would put a past event more than a week after publication ("December 30" in a January story).

Never dates: durations ("six hours", "a 72-hour truce", "for three days", "two weeks of
fighting"), "since 2011" (the start of a period, not the event), "may" the verb, "march" the verb.
Without a publication date a relative expression or a date without year keeps its precision but
no date, with a warning; today's date or year is never assumed.

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
from eventwire.numbers import number_pattern, parse_number
from eventwire.resources import read_tsv

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_PART = r"(?:\s+(?:night|morning|afternoon|evening))?"
_WD_PREFIX = r"(?:(?:on|by|last|this|next|early|late|(?:on\s+)?(?:mid)?night)\s+)?"

EXPLICIT: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")),
    (
        # "on the night of 3-4 March", "between 10 and 12 March 2024", "on 5/6 March": the first day
        "dm_range",
        re.compile(
            rf"\b(?P<d>{_DAY})\s*(?:-|\u2013|/|\s(?:and|to)\s)\s*{_DAY}\s+(?:of\s+)?(?P<mon>{_MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b", re.I),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+"
            rf"(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    ("numeric", re.compile(rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_YEAR})\b")),
    (
        "md",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*(?:,\s*)?{_YEAR})"
            rf"(?![\d:]|\.\d)",
            re.I,
        ),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})"
            rf"(?!,?\s+{_YEAR})",
            re.I,
        ),
    ),
    (
        "month_rel",
        re.compile(
            rf"\b(?:(?:in|during|early|late|mid-?)\s*)?(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b",
            re.I,
        ),
    ),
    (
        "month_year",
        re.compile(rf"\b(?:(?:in|during|of|early|late|mid-?)\s+)*(?P<mon>{_MONTH})\s+(?P<y>{_YEAR})\b", re.I),
    ),
    (
        "month",
        re.compile(rf"\b(?:in|during|early|late|mid-?|last|this)\s*(?P<mon>{_MONTH})(?!\s*\d)", re.I),
    ),
    ("year", re.compile(rf"\b(?:in|during|of)\s+(?:(?:early|late|mid-?)\s*)?(?P<y>{_YEAR})\b", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b(?P<rel>{_WD_PREFIX})(?P<wd>{_WEEKDAY}){_PART}(?P<lw>\s+(?:of\s+)?last\s+week)?\b", re.I
        ),
    ),
]
_PATTERNS = dict(EXPLICIT)
# "may" and "march" are verbs far more often than months when not capitalised as a name
_VERB_MONTH = re.compile(r"\b(?:may|march)\b", re.I)
# A number followed by one of these ends a duration ("72-hour", "three days of"), not a date.
_DURATION = re.compile(r"\s*(?:-|\s)(?:hours?|days?|weeks?|months?|years?)\b", re.I)


@dataclass(frozen=True)
class _Term:
    """A relative date word from data/date_terms.tsv."""

    pattern: re.Pattern[str]
    offset: int
    unit: str


@lru_cache(maxsize=1)
def _terms() -> tuple[_Term, ...]:
    rows = sorted(read_tsv("date_terms.tsv"), key=lambda r: len(r["phrase"]), reverse=True)
    return tuple(_Term(re.compile(rf"\b{r['phrase']}\b", re.I), int(r["offset"]), r["unit"]) for r in rows)


@lru_cache(maxsize=1)
def _ago() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<n>{number_pattern()}|an?)\s+(?P<unit>hour|day|week|month|year)s?\s+ago\b", re.I
    )


_MAY_AUX = re.compile(r"May\s+(?:be|have|not|also|still|well|become|take|face|lead)\b")


def _month_ok(text: str, m: re.Match[str]) -> bool:
    """A month name must be written as a name: "march"/"may" in lower case are verbs."""
    mon = m.group("mon")
    if mon[0].islower():
        return False
    return not _MAY_AUX.match(text, m.start("mon"))


def _find(text: str) -> list[tuple[int, int, str, str]]:
    """Date expressions as (start, end, words, kind), in text order, without overlaps."""
    found: list[tuple[int, int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, kind: str) -> None:
        if all(b <= s or a >= e for s, e in taken):
            found.append((a, b, text[a:b], kind))
            taken.append((a, b))

    for m in _ago().finditer(text):
        add(m.start(), m.end(), "ago")
    for kind, pattern in EXPLICIT:
        for m in pattern.finditer(text):
            if "mon" in pattern.groupindex and not _month_ok(text, m):
                continue
            if kind in ("md", "dm") and _DURATION.match(text, m.end("d")):
                continue
            add(m.start(), m.end(), kind)
    for term in _terms():
        for m in term.pattern.finditer(text):
            add(m.start(), m.end(), "term")
    # "since 2011", "since March": the start of a period, never the date of the event
    for m in re.finditer(rf"\bsince\s+(?:{_MONTH}\s+)?{_YEAR}\b|\bsince\s+{_MONTH}", text, re.I):
        found = [f for f in found if not (m.start() <= f[0] < m.end())]
    return sorted(found)


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date expressions in ``text`` as (start, end, words), in text order, without overlaps."""
    return [(a, b, words) for a, b, words, _kind in _find(text)]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def _no_base(words: str, precision: str) -> EventDate:
    return EventDate(precision=precision, text=words, warning="no publication date and no year in text")


def _relative(words: str, kind: str, published: dt.date | None) -> EventDate:
    if kind == "ago":
        m = _ago().fullmatch(words)
        assert m is not None
        n_text = m.group("n").lower()
        parsed = (1, 1, 1) if n_text in ("a", "an") else parse_number(n_text)
        n = parsed[0] if parsed else 0
        unit = m.group("unit").lower()
        offset, unit = (-(n // 24), "day") if unit == "hour" else (-n, unit)  # "48 hours ago"
    else:
        term = next(t for t in _terms() if t.pattern.fullmatch(words))
        offset, unit = term.offset, term.unit
    precision = "week" if unit == "weekend" else unit
    if published is None:
        return _no_base(words, precision)
    if unit == "weekend":  # the Saturday of the latest weekend on or before publication
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        date = saturday + dt.timedelta(weeks=offset)
    elif unit == "day":
        date = published + dt.timedelta(days=offset)
    elif unit == "week":
        date = published + dt.timedelta(weeks=offset)
    elif unit == "month":
        date = _shift_months(published, offset)
    else:
        date = dt.date(published.year + offset, 1, 1)
    return EventDate(date=date, precision=precision, text=words)


def _weekday(words: str, published: dt.date | None, future: bool) -> EventDate:
    m = _PATTERNS["weekday"].fullmatch(words)
    assert m is not None
    if published is None:
        return _no_base(words, "day")
    wd = WEEKDAYS[m.group("wd").lower()]
    if m.group("lw"):  # "on Friday last week": that weekday of the previous calendar week
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return EventDate(date=monday + dt.timedelta(days=wd), precision="day", text=words)
    rel = " ".join((m.group("rel") or "").lower().split())
    if rel == "next" or (future and rel != "last"):
        ahead = (wd - published.weekday()) % 7
        if rel == "next" and ahead == 0:
            ahead = 7
        return EventDate(date=published + dt.timedelta(days=ahead), precision="day", text=words)
    back = (published.weekday() - wd) % 7
    if rel == "last" and back == 0:
        back = 7
    return EventDate(date=published - dt.timedelta(days=back), precision="day", text=words)


def _year_for(published: dt.date, month: int, day: int, tense: str | None) -> int:
    """The year of a day-month without year: past events lie before publication (a week's slack),
    future ones after it, and with unknown tense the nearest one at most a month ahead wins
    ("December 30" in a story of January 2 is last year's; "March 20" in a story of March 6 is
    this year's; "October 23" in a story of June is last year's)."""
    candidates = [
        (year, d)
        for year in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(year, month, day)) is not None
    ]
    slack = dt.timedelta(days=7)
    if tense == "past":
        candidates = [c for c in candidates if c[1] <= published + slack] or candidates
    elif tense == "future":
        candidates = [c for c in candidates if c[1] >= published - slack] or candidates
    else:  # news tells mostly of the past: a date more than a month ahead is last year's
        candidates = [c for c in candidates if c[1] <= published + dt.timedelta(days=31)] or candidates
    return min(candidates, key=lambda c: abs((c[1] - published).days))[0] if candidates else published.year


def _explicit(
    words: str, kind: str, published: dt.date | None, tense: str | None, day_first: bool
) -> EventDate:
    g = _PATTERNS[kind].fullmatch(words).groupdict()  # type: ignore[union-attr]
    if kind == "iso":
        return EventDate(date=_safe_date(int(g["y"]), int(g["m"]), int(g["d"])), precision="day", text=words)
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        first = _safe_date(y, b, a) if day_first else _safe_date(y, a, b)
        date = first or (_safe_date(y, a, b) if day_first else _safe_date(y, b, a))
        return EventDate(date=date, precision="day", text=words)
    if kind == "month_rel":
        if published is None:
            return _no_base(words, "month")
        shift = {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        month = MONTHS[g["mon"].lower().rstrip(".")]
        return EventDate(date=dt.date(published.year + shift, month, 1), precision="month", text=words)
    year = int(g["y"]) if g.get("y") else None
    month = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else None
    day = int(re.sub(r"\D", "", g["d"])) if g.get("d") else None
    precision = "day" if day else "month" if month else "year"
    if year is None:
        if published is None:
            return _no_base(words, precision)
        year = _year_for(published, month or 1, day or 1, tense)
    return EventDate(date=_safe_date(year, month or 1, day or 1), precision=precision, text=words)


def _resolve_one(
    words: str, kind: str, published: dt.date | None, tense: str | None, day_first: bool
) -> EventDate:
    if kind in ("term", "ago"):
        return _relative(words, kind, published)
    if kind == "weekday":
        return _weekday(words, published, tense == "future")
    return _explicit(words, kind, published, tense, day_first)


def resolve_date(
    text: str,
    published: dt.date | None,
    *,
    tense: str | None = None,
    near: int | None = None,
    day_first: bool = True,
) -> EventDate:
    """The date of the event told in ``text`` (conventions in the module docstring).

    ``tense`` "future" reads weekdays forward. ``near`` (a character offset, e.g. the trigger's)
    picks the expression closest to it; otherwise the first expression wins. Returns
    ``EventDate()`` (date None) when the text has no date expression: the caller decides what an
    undated report means.
    """
    found = _find(text)
    if not found:
        return EventDate()
    if near is not None:
        found.sort(key=lambda f: 0 if f[0] <= near < f[1] else min(abs(f[0] - near), abs(f[1] - near)))
    dates = [_resolve_one(words, kind, published, tense, day_first) for _s, _e, words, kind in found]
    # "thirty years ago, in April 1994": a finer date inside the chosen one's period says more
    finer = [d for d in dates[1:] if _refines(d, dates[0])]
    if finer:
        return finer[0]
    # "earlier on Tuesday", "last week, on Thursday": a vague word and a day written together
    first = found[0]
    beside = [
        d
        for f, d in zip(found[1:], dates[1:], strict=True)
        if _WRITTEN_TOGETHER.fullmatch(text[min(f[1], first[1]) : max(f[0], first[0])])
        and dates[0].precision == "week"
        and d.precision == "day"
        and _in_week(d.date, dates[0].date)
    ]
    return beside[0] if beside else dates[0]


_WRITTEN_TOGETHER = re.compile(r"[\s,]*(?:on|in|at)?[\s,]*")


def week_around(week: dt.date) -> tuple[dt.date, dt.date]:
    """The days a week-precision date stands for: "the week around" it, a week before to three
    days after."""
    return week - dt.timedelta(days=7), week + dt.timedelta(days=3)


def _in_week(day: dt.date | None, week: dt.date | None) -> bool:
    if day is None or week is None:
        return False
    first, last = week_around(week)
    return first <= day <= last


# finest first: the order in which one date says more than another
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _refines(finer: EventDate, coarse: EventDate) -> bool:
    """True when ``finer`` is more precise than ``coarse`` and falls inside its month or year."""
    if finer.date is None or coarse.date is None or finer.precision is None or coarse.precision is None:
        return False
    if PRECISION_RANK[finer.precision] >= PRECISION_RANK[coarse.precision]:
        return False
    if coarse.precision == "year":
        return finer.date.year == coarse.date.year
    if coarse.precision == "month":
        return (finer.date.year, finer.date.month) == (coarse.date.year, coarse.date.month)
    return False
