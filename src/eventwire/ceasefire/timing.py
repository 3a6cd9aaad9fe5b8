"""When a ceasefire starts and ends: clock times, days, time zones and durations in news text.

Conventions (documented because news is ambiguous):
- "midnight Friday" / "midnight on Friday" is the midnight at the START of Friday (00:00);
  "midnight on Friday night" / "Friday night at midnight" / "tonight at midnight" is the end of
  that day (00:00 of the next day).
- A weekday is resolved against the publication date: the last such day on or before it, or,
  when the clause speaks of the future ("will take effect"), the next one on or after it.
- "12:00 GMT" / "1900 UTC" is UTC; "local time" or no zone is the local time of the area the
  ceasefire covers (``zone_for``), or a naive datetime when that area's zone is unknown.

Example:
    >>> when = find_effective("The truce, which started at midnight Friday, held.",
    ...                       dt.date(2020, 3, 6), area_tz="Asia/Damascus")
    >>> (when.value.isoformat(), when.timezone)
    ('2020-03-06T00:00:00+02:00', 'Asia/Damascus')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from eventwire.numbers import number_pattern, parse_number
from eventwire.resources import read_tsv

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_AMPM = r"(?P<ampm>[ap]\.?\s?m\.?)"
_TZ = r"(?:\s*\(?\s*(?P<tz>GMT|UTC|Z|local time|local))?"
UNIT_HOURS = {"hour": 1.0, "day": 24.0, "week": 168.0, "month": 720.0}

DAY_PATTERNS = [
    ("iso", re.compile(r"\b(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    (
        "md",
        re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>20\d\d))?", re.I),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b"
            rf"(?:,?\s+(?P<y>20\d\d))?",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY})(?:\s+(?P<part>night|evening|morning))?\b", re.I)),
    ("rel", re.compile(r"\b(?P<rel>today|tonight|tomorrow|yesterday|this (?:morning|evening))\b", re.I)),
]


@dataclass(frozen=True)
class Clock:
    """A time of day found in a text: where, which hour, and in which zone it was given."""

    start: int
    end: int
    hour: int
    minute: int
    zone: str | None  # "UTC", "local" or None (unstated)
    text: str


@dataclass(frozen=True)
class DayRef:
    """A day found in a text, resolved; ``night`` marks "Friday night"/"tonight"."""

    start: int
    end: int
    date: dt.date
    night: bool
    text: str


@dataclass(frozen=True)
class When:
    """A resolved start (or end) time: the datetime, its zone name, and the words."""

    value: dt.datetime
    timezone: str | None
    text: str


@lru_cache(maxsize=1)
def _clock_words() -> dict[str, tuple[int, int]]:
    out = {}
    for row in read_tsv("ceasefire_clock.tsv"):
        hh, mm = row["time"].split(":")
        out[row["word"].lower()] = (int(hh), int(mm))
    return out


@lru_cache(maxsize=1)
def _clock_patterns() -> tuple[re.Pattern[str], ...]:
    words = "|".join(sorted(_clock_words(), key=len, reverse=True))
    return (
        re.compile(rf"\b(?P<word>{words})\b{_TZ}", re.I),
        re.compile(rf"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s*{_AMPM}?{_TZ}", re.I),
        re.compile(
            r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?:hours?|hrs|h)?\s*"
            r"\(?\s*(?P<tz>GMT|UTC|Z|local time|local)\b",
            re.I,
        ),
        re.compile(rf"\b(?P<h>1[0-2]|0?[1-9])\s*{_AMPM}(?!\w){_TZ}", re.I),
    )


def _zone_label(raw: str | None) -> str | None:
    if not raw:
        return None
    return "UTC" if raw.upper() in ("GMT", "UTC", "Z") else "local"


def find_clocks(text: str) -> list[Clock]:
    """Times of day in ``text`` ("midnight", "12:00 GMT", "0900 local time", "6 a.m."), in order."""
    found: list[Clock] = []
    for pattern in _clock_patterns():
        for m in pattern.finditer(text):
            if any(m.start() < c.end and c.start < m.end() for c in found):
                continue
            groups = m.groupdict()
            if groups.get("word"):
                hour, minute = _clock_words()[groups["word"].lower()]
            else:
                hour, minute = int(groups["h"]), int(groups.get("m") or 0)
                ampm = (groups.get("ampm") or "").lower()
                if ampm.startswith("p") and hour < 12:
                    hour += 12
                elif ampm.startswith("a") and hour == 12:
                    hour = 0
            end = m.end() if groups.get("tz") else m.end("word") if groups.get("word") else m.end()
            found.append(
                Clock(
                    m.start(), end, hour, minute, _zone_label(groups.get("tz")), text[m.start() : end].strip()
                )
            )
    return sorted(found, key=lambda c: c.start)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _with_year(month: int, day: int, year: str | None, published: dt.date) -> dt.date | None:
    if year:
        return _safe(int(year), month, day)
    date = _safe(published.year, month, day)
    if date and (date - published).days > 180:  # "December 30" in a January story
        date = _safe(published.year - 1, month, day)
    elif date and (published - date).days > 180:  # "January 2" in a December story
        date = _safe(published.year + 1, month, day)
    return date


def weekday_date(weekday: int, published: dt.date, *, future: bool) -> dt.date:
    """The named weekday nearest the publication date: last one on/before, or next on/after."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def find_days(text: str, published: dt.date, *, future: bool = False) -> list[DayRef]:
    """Day expressions in ``text`` resolved against ``published``, in text order."""
    found: list[DayRef] = []
    for kind, pattern in DAY_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < d.end and d.start < m.end() for d in found):
                continue
            g = m.groupdict()
            night = False
            date: dt.date | None
            if kind == "iso":
                date = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
            elif kind in ("md", "dm"):
                date = _with_year(MONTHS[g["mon"].lower().rstrip(".")], int(g["d"]), g["y"], published)
            elif kind == "weekday":
                date = weekday_date(WEEKDAYS[g["wd"].lower()], published, future=future)
                night = (g.get("part") or "").lower() in ("night", "evening")
            else:
                rel = g["rel"].lower()
                offset = {"tomorrow": 1, "yesterday": -1}.get(rel, 0)
                date = published + dt.timedelta(days=offset)
                night = rel == "tonight"
            if date is not None:
                found.append(DayRef(m.start(), m.end(), date, night, m.group(0)))
    return sorted(found, key=lambda d: d.start)


@lru_cache(maxsize=1)
def _zones() -> dict[tuple[str, str], str]:
    return {(r["country"], r["admin1"].lower()): r["tz"] for r in read_tsv("ceasefire_timezones.tsv")}


def zone_for(country: str | None, admin1: str | None = None) -> str | None:
    """IANA time zone of a place in a conflict country (``ceasefire_timezones.tsv``), or None."""
    if not country:
        return None
    zones = _zones()
    return zones.get((country, (admin1 or "").lower())) or zones.get((country, ""))


def _tzinfo(name: str | None) -> dt.tzinfo | None:
    if name is None:
        return None
    if name == "UTC":
        return dt.UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _nearest_day(days: list[DayRef], start: int, end: int, window: int = 40) -> DayRef | None:
    close = [d for d in days if d.start - end <= window and start - d.end <= window]
    return min(close, key=lambda d: min(abs(d.start - end), abs(start - d.end)), default=None)


def find_effective(
    text: str, published: dt.date | None, *, area_tz: str | None = None, future: bool = False
) -> When | None:
    """The start time a clause gives ("at midnight Friday", "12:00 GMT on Sunday"), or None.

    A clock without a day is on the publication day (the next day for a future "midnight");
    a day without a clock starts at 00:00 of that day.
    """
    if published is None:
        return None
    end = END_CUE.search(text)
    if end is not None:  # "took effect at midnight and runs until Sunday": Sunday is its end
        text = text[: end.start()]
    clocks = find_clocks(text)
    days = find_days(text, published, future=future)
    if clocks:
        clock = clocks[0]
        day = _nearest_day(days, clock.start, clock.end)
        if day is not None:
            date = day.date
            words = text[min(clock.start, day.start) : max(clock.end, day.end)]
            if clock.hour == 0 and clock.minute == 0 and day.night:
                date += dt.timedelta(days=1)  # "midnight on Friday night" ends Friday
        else:
            date, words = published, clock.text
            if clock.hour == 0 and clock.minute == 0 and future:
                date += dt.timedelta(days=1)  # "will take effect at midnight": the coming one
        zone = "UTC" if clock.zone == "UTC" else area_tz
        value = dt.datetime(date.year, date.month, date.day, clock.hour, clock.minute, tzinfo=_tzinfo(zone))
        return When(value, zone if value.tzinfo else None, words.strip())
    if days:
        day = days[0]
        value = dt.datetime(day.date.year, day.date.month, day.date.day, tzinfo=_tzinfo(area_tz))
        return When(value, area_tz if value.tzinfo else None, day.text)
    return None


END_CUE = re.compile(
    r"\b(?:until|till|through|(?:expires?|expiring|ends?|ending|runs?|running)\s+(?:on|at|until|through))\s+",
    re.I,
)


def find_end(text: str, published: dt.date | None, *, area_tz: str | None = None) -> When | None:
    """The last day a clause gives ("until April 22", "expires on Sunday"), as the midnight that
    ends it; None when the words after the cue are no day ("until the end of the month")."""
    if published is None:
        return None
    for cue in END_CUE.finditer(text):
        days = find_days(text[cue.end() : cue.end() + 40], published, future=True)
        if days and days[0].start == 0:
            last = days[0].date + dt.timedelta(days=1)
            value = dt.datetime(last.year, last.month, last.day, tzinfo=_tzinfo(area_tz))
            words = text[cue.start() : cue.end() + days[0].end]
            return When(value, area_tz if value.tzinfo else None, words)
    return None


@lru_cache(maxsize=1)
def _duration_pattern() -> re.Pattern[str]:
    num = number_pattern()
    return re.compile(
        rf"(?<![\w-])(?P<n>{num}|a|an|one)[-\s]+(?P<unit>hour|day|week|month)s?(?:[-\s]long)?"
        r"(?![\w-])",
        re.I,
    )


def find_durations(text: str) -> list[tuple[int, int, float]]:
    """Durations in ``text`` as (start, end, hours): "72-hour", "three days", "a week-long"."""
    out = []
    for m in _duration_pattern().finditer(text):
        n_text = m.group("n").lower()
        parsed = (1, 1, 1) if n_text in ("a", "an", "one") else parse_number(n_text)
        if parsed is None or parsed[0] is None:
            continue
        out.append((m.start(), m.end(), parsed[0] * UNIT_HOURS[m.group("unit").lower()]))
    return out
