"""Scores of the casualty reader on UCDP GED rows (headline text against GED's best/low/high).

A GED row is one event; its ``text`` is the headline(s) of the report(s) UCDP coded it from,
several joined with ";". One report often gives many GED events (a daily toll for a whole
country becomes one event per town), so a headline's figure is frequently not the event's. The
scores therefore come on three honestly separated sets:

- ``all``: every row. ``coverage`` = share of rows where the reader's answer agrees with whether
  the headline states the event's toll: a count when the headline contains GED's best as a
  number, no count when it does not. ``best_exact``/``within_20`` over the rows with a count.
- ``states_toll``: rows whose headline contains GED's best (> 0) as a number expression (numeral
  or number words, read with ``eventwire.numbers``, not with the casualty reader). The question
  is then only whether the reader picks that figure as the killed count: ``recall`` = share with
  any count, ``best_exact`` = share whose count equals GED's best (no count = wrong).
- ``event_headline``: the ``states_toll`` rows whose headlines do not sum a period or an area
  ("... were killed yesterday including ...", "raises the death toll to ..."; ``AGGREGATE``), so
  that the headline's figure can be the event's.

The reader's figure for a row is that of the first ";"-joined headline that gives one (the
others are the same story from other outlets); the rows are never re-scored per headline.

Rows are split by a hash of their id: one fifth is held out (``holdout``) and was never looked at
while tuning the rules; scores are given for both parts.

Example:
    >>> score_ucdp_fatalities([{"id": "1", "text": "Clashes kill 5 in Homs", "best": 5,
    ...                         "low": 5, "high": 5}])["tune"]["states_toll"]["best_exact"]
    1.0
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

from eventwire.casualties import extract_casualties
from eventwire.numbers import number_pattern, parse_number


def is_holdout(row_id: str) -> bool:
    """True for the fifth of rows (by a stable hash of the id) kept out of tuning."""
    return int(hashlib.sha1(str(row_id).encode()).hexdigest(), 16) % 5 == 0


# Death words in any form, English and French (CAR reports): a number within six words of one
# is a stated toll. Deliberately loose and independent of the casualty reader's rules.
DEATH_CUE = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|dies?|martyr\w*|execut\w*|assassinat\w*|massacre\w*|"
    r"lives|toll|bodies|corpses|slain|perish\w*|murder\w*|tu[ée]e?s?|morts?)\b",
    re.I,
)


# Headlines that sum a period or a whole area ("58 were killed yesterday including ...", "the
# death toll rises to 225 in 30 days"): GED splits these into many events, so their figure is
# not one event's. Independent of the casualty reader and of the gold figures.
AGGREGATE = re.compile(
    r"\b(?:yesterday|in\s+(?:a|one)\s+(?:day|week)|past\s+(?:day|week|hours|24\s+hours)|"
    r"in\s+\d+\s+(?:days|hours|weeks|months)|(?:during|over)\s+(?:the\s+)?(?:last|past)|"
    r"death\s+toll|raises?|raising|rises?|rising|number\s+of|since|out\s+of|so\s+far|"
    r"daily|weekly|monthly|a\s+day|per\s+day|toll)\b",
    re.I,
)


def stated_tolls(text: str) -> set[int]:
    """Numbers the text writes within six words of a death word (any number reader's candidates)."""
    out = set()
    for m in re.finditer(number_pattern(), text, re.I):
        parsed = parse_number(m.group(0))
        if parsed is None:
            continue
        before = " ".join(text[: m.start()].split()[-6:])
        after = " ".join(text[m.end() :].split()[:6])
        if DEATH_CUE.search(before) or DEATH_CUE.search(after):
            out.add(parsed[0])
    return out


def killed_from_headlines(text: str) -> int | None:
    """The killed figure of the first ";"-joined headline that states one."""
    for headline in text.split(";"):
        killed = extract_casualties(headline.strip()).killed
        if killed is not None and killed.best is not None:
            return killed.best
    return None


def _share(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def _score(rows: list[dict]) -> dict:
    n = len(rows)
    agree = with_count = exact = near = 0
    toll_rows = toll_found = toll_exact = toll_near = 0
    event_rows = event_exact = 0
    for row in rows:
        gold = int(row["best"])
        got = killed_from_headlines(row["text"])
        states = gold > 0 and gold in stated_tolls(row["text"])
        agree += (got is not None) == states
        if got is not None:
            with_count += 1
            exact += got == gold
            near += abs(got - gold) <= 0.2 * gold
        if states and not AGGREGATE.search(row["text"]):
            event_rows += 1
            event_exact += got == gold
        if states:
            toll_rows += 1
            toll_found += got is not None
            toll_exact += got == gold
            toll_near += got is not None and abs(got - gold) <= 0.2 * gold
    return {
        "all": {
            "rows": n,
            "coverage": _share(agree, n),
            "with_count": with_count,
            "best_exact": _share(exact, with_count),
            "within_20": _share(near, with_count),
        },
        "states_toll": {
            "rows": toll_rows,
            "recall": _share(toll_found, toll_rows),
            "best_exact": _share(toll_exact, toll_rows),
            "within_20": _share(toll_near, toll_rows),
        },
        "event_headline": {
            "rows": event_rows,
            "best_exact": _share(event_exact, event_rows),
        },
    }


def score_ucdp_fatalities(rows: Iterable[dict]) -> dict:
    """Fatality scores on UCDP GED rows, for the tuning part and the held-out part (see module)."""
    tune, hold = [], []
    for row in rows:
        (hold if is_holdout(row["id"]) else tune).append(row)
    return {"tune": _score(tune), "holdout": _score(hold)}


def score_sentence_counts(rows: Iterable[dict]) -> dict:
    """Killed/injured exact-match on sentence-level gold (PLOVER GSR: ``text``, ``dead``, ``injured``).

    ``exact`` counts the rows whose gold gives a figure; ``silent_rows_with_count`` the rows whose
    gold gives none but where a count is read (often a background toll the coder left out).
    """
    gold_rows = exact = silent = silent_with_count = 0
    for row in rows:
        if "text" not in row or not isinstance(row.get("text"), str):
            continue
        result = extract_casualties(row["text"])
        got = tuple(c.best if c else None for c in (result.killed, result.injured))
        gold = tuple(int(row[k]) if str(row.get(k) or "").strip() else None for k in ("dead", "injured"))
        if gold == (None, None):
            silent += 1
            silent_with_count += got != (None, None)
            continue
        gold_rows += 1
        exact += got == gold
    return {
        "rows_with_gold_count": gold_rows,
        "exact": _share(exact, gold_rows),
        "silent_rows": silent,
        "silent_rows_with_count": silent_with_count,
    }


def score_ucdp_file(path: str | Path) -> dict:
    """``score_ucdp_fatalities`` on a UCDP JSONL file (one GED row per line)."""
    with Path(path).open(encoding="utf-8") as fh:
        return score_ucdp_fatalities(json.loads(line) for line in fh if line.strip())
