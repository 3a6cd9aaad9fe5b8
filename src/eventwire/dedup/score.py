"""Blocking and scoring of two reports: could they describe one real-world event, and how well
do they agree?

A pair is first *blocked* by hard rules (different documents, compatible event types, dates at
most ``SLACK_DAYS`` apart once each date is widened to what its precision allows, or consistent
when a follow-up's date on its reporting day stands for the days before it — never for an
armed side's act —, not two days each report states for its own event two or more days apart
(``distinct_days``; a day of saying or counting, "police said on Friday", is no event's day),
places at most ``MAX_KM`` apart when both are towns, same country, unless the
other report names the place — unless one side's attack answers the other's (``reprisal``) —, not
two differently named towns that neither report names, of one country and more than
``DISTINCT_KM`` apart, or on different days (``distinct_places``),
not an accusation and its counter-accusation — ``data/dedup_directed.tsv``), then *scored*: a
weighted mean of per-field agreements (date, place, actors, fatalities, wording, mode, type) with
weights and the decision threshold in ``data/dedup_weights.tsv``, compatible types in
``data/dedup_types.tsv`` and the words that tell a stated day from a reporting day in
``data/dedup_date_cues.tsv``.

Pure functions: the same two events (and publication dates) always give the same score.

Example:
    >>> # score_pair(a, b).score >= threshold() means a and b may be one event
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from eventwire.dedup.days import days_apart, distinct_days
from eventwire.dedup.words import content_words, named_in, wording_score
from eventwire.geo.distance import haversine_km
from eventwire.model import Event, Location
from eventwire.resources import read_tsv
from eventwire.when import week_around

STRONG_WORDING = 0.9  # reports sharing this much wording override a geocoder's country slip
SLACK_DAYS = 3  # two reports of one event disagree by at most this many days
MAX_KM = 50.0  # two located towns farther apart than this are different events
NEARBY_TOWN = 0.8  # the place score of two differently named towns (less their distance / MAX_KM)
UNDATED_WINDOW = 7  # an undated report tells of something in the week before publication
REPORTING_WINDOW = 5  # a reporting-day date may stand for an event this many days older (a working week)
SAME_SPOT_KM = 2.0  # two places this close are one spot written differently ("Nuseirat camp")
# two towns this far apart that neither report names tell of two events, even on one day: a
# neighbouring town struck the same morning is another strike, not the same one placed twice
# (places inside one town are geocoded to it, so its own spread does not count here)
DISTINCT_KM = 8.0
LOOSE_DATE_SCORE = 0.25  # the date score of two dates consistent only through a reporting-day date
COUNTRY_WIDE = 0.5  # the place score of a country-wide report against a place in that country
PROXY_PLACE = 0.5  # the place score of a differently named place coded at the other's coordinates
_PRECISION_RANK = {"point": 0, "town": 1, "region": 2, "country": 3}


@dataclass(frozen=True)
class PairScore:
    """The verdict on a pair: blocked (never merge) or a score with the fields that agreed."""

    score: float
    blocked: str | None = None
    agreed: tuple[str, ...] = ()
    disagreed: tuple[str, ...] = ()
    parts: dict[str, float] = field(default_factory=dict, compare=False)


# ---- data files ---------------------------------------------------------------------------


@cache
def weights() -> dict[str, tuple[float, float]]:
    """Component → (weight, score when missing), from ``dedup_weights.tsv``."""
    out = {}
    for row in read_tsv("dedup_weights.tsv"):
        out[row["component"]] = (float(row["weight"]), float(row["missing"] or 0.0))
    return out


def threshold() -> float:
    """The minimum pair score for two reports to be one event."""
    return weights()["threshold"][0]


@cache
def type_scores() -> dict[tuple[str, str], tuple[float, frozenset[str], frozenset[str]]]:
    """Compatible pairs (type_a, type_b) of different PLOVER types → (score, the modes the
    type_b report must have, words one of its sides' names must contain; both empty = any)."""
    out: dict[tuple[str, str], tuple[float, frozenset[str], frozenset[str]]] = {}
    for row in read_tsv("dedup_types.tsv"):
        modes = frozenset(m for m in row["modes_b"].split(",") if m)
        sides = frozenset(w for w in (row.get("sides_b") or "").split(",") if w)
        out[(row["type_a"], row["type_b"])] = (float(row["score"]), modes, sides)
    return out


def _fits(event: Event, modes: frozenset[str], sides: frozenset[str]) -> bool:
    """True when a record meets a compatible-type row's conditions (either one, when both given)."""
    if not modes and not sides:
        return True
    if event.mode in modes:
        return True
    names = " ".join((x.name or x.text).lower() for x in (event.actor, event.recipient) if x is not None)
    return any(word in names for word in sides)


@cache
def type_group(event_type: str) -> str:
    """A key shared by all types that may merge with each other (connected compatible types)."""
    seen, todo = {event_type}, [event_type]
    while todo:
        t = todo.pop()
        for pair in type_scores():
            if t in pair:
                for other in pair:
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
    return min(seen)


def type_score(a: Event, b: Event) -> float | None:
    """1.0 for the same type, the listed score for compatible types, None when incompatible."""
    if a.event_type == b.event_type:
        return 1.0
    for x, y in ((a, b), (b, a)):
        found = type_scores().get((x.event_type, y.event_type))
        if found is not None and _fits(y, found[1], found[2]):
            return found[0]
    return None


# ---- dates --------------------------------------------------------------------------------


def reporting_day(event: Event, published: dt.date | None) -> bool:
    """True when a day-precision date is the publication day or the day before it.

    Such a date often comes from the reporting ("officials said on Wednesday", "fires were still
    burning on Monday") rather than from the event, which may be days older.
    """
    if event.date is None or published is None or (event.date_precision or "day") != "day":
        return False
    return 0 <= (published - event.date).days <= 1


def date_interval(
    event: Event, published: dt.date | None = None, *, loose: bool = False
) -> tuple[dt.date, dt.date] | None:
    """The days an event may have happened on, from its date and precision.

    A week-precision date is "the week around this date"; a month or year date is its first day;
    an undated event is placed in the week before its report's publication date. ``loose`` (for
    blocking) also lets a ``reporting_day`` date stand for the ``REPORTING_WINDOW`` days before it
    (see ``follow_up_date``).
    """
    d = event.date
    if d is None:
        if published is None:
            return None
        return published - dt.timedelta(days=UNDATED_WINDOW), published
    if loose and reporting_day(event, published):
        return d - dt.timedelta(days=REPORTING_WINDOW), d
    precision = event.date_precision or "day"
    if precision == "week":
        return week_around(d)
    if precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "year":
        return d, d.replace(month=12, day=31)
    return d, d


def interval_gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def date_score(a: Event, b: Event, pa: dt.date | None, pb: dt.date | None) -> float | None:
    """How well two dates agree: same day 1.0, a day apart (overnight, time zones) 0.5; a
    vague date that is merely consistent 0.6; an undated report, consistent with publication, 0.4."""
    ia, ib = date_interval(a, pa), date_interval(b, pb)
    if ia is None or ib is None:
        return None
    gap = interval_gap(ia, ib)
    if a.date is None or b.date is None:
        return 0.4 if gap == 0 else 0.1
    if (a.date_precision or "day") == "day" and (b.date_precision or "day") == "day":
        score = {0: 1.0, 1: 0.6, 2: 0.3}.get(gap, 0.0)
    else:
        score = 0.6 if gap == 0 else 0.2
    if reporting_day(a, pa) or reporting_day(b, pb):
        # a date on the reporting day often comes from "officials said on Thursday" in a
        # follow-up report, not from the event: weak evidence either way; but a reporting day
        # before the other report's date cannot stand for it (Thursday's kidnapping, reported on
        # Friday, is not Saturday's)
        if gap == 0 or (gap <= 2 and not toll_fell(a, b, pa, pb) and _reported_after(a, b, pa, pb)):
            score = max(score, 0.4)
        elif follow_up_date(a, b, pa, pb):  # consistent only through that: weaker still
            score = max(score, LOOSE_DATE_SCORE)
    return score


ARMED_SECTORS = frozenset({"MIL", "REB"})


def _reported_after(a: Event, b: Event, pa: dt.date | None, pb: dt.date | None) -> bool:
    """True when one record's date is its reporting day and falls after the other's date."""
    return (reporting_day(a, pa) and a.date > b.date) or (reporting_day(b, pb) and b.date > a.date)  # type: ignore[operator]


def toll_fell(a: Event, b: Event, pa: dt.date | None, pb: dt.date | None) -> bool:
    """True when the later-published report gives a lower toll than the earlier one (tolls of
    one event rise as bodies are counted; a lower count days later is another event's)."""
    if pa is None or pb is None or pa == pb:
        return False
    early, late = (a, b) if pa < pb else (b, a)
    te, tl = _toll(early), _toll(late)
    return te is not None and tl is not None and tl < te


def _armed(event: Event) -> bool:
    # a record whose agent is an organised armed side (an army, a rebel force) tells of an act,
    # not of a toll being updated: its reporting-day date is the act's own day
    return event.actor is not None and event.actor.sector in ARMED_SECTORS


def follow_up_date(a: Event, b: Event, pa: dt.date | None, pb: dt.date | None) -> bool:
    """True when the later-published report's date is its reporting day, may stand for the
    other's date (``REPORTING_WINDOW``) and its toll is not lower (follow-ups count more dead)."""
    for (x, px), (y, py) in (((a, pa), (b, pb)), ((b, pb), (a, pa))):
        if px is None or py is None or px <= py or not reporting_day(x, px) or _armed(x):
            continue
        tx, ty = _toll(x), _toll(y)
        if tx is not None and ty is not None and tx < ty:
            continue
        other = date_interval(y, py)
        if other is not None and interval_gap(date_interval(x, px, loose=True), other) == 0:  # type: ignore[arg-type]
            return True
    return False


# ---- places -------------------------------------------------------------------------------


def _fine(loc: Location) -> bool:
    return loc.precision in ("point", "town") and loc.lat is not None and loc.lon is not None


def _admin1(loc: Location) -> str | None:
    """The first-level region a place lies in (a region-precision place is its own region)."""
    if loc.admin1:
        return loc.admin1.lower()
    if loc.precision == "region" or (loc.feature_code or "").startswith("ADM1"):
        return loc.name.lower()
    return None


def _same_region(a: str, b: str) -> bool:
    # "Zamfara" and "Zamfara State", "Kharkiv" and "Kharkivska oblast": one name inside the other
    # or a close fuzzy match
    return a == b or a in b or b in a or fuzz.ratio(a, b) >= 85


def _same_name(a: Location, b: Location) -> bool:
    return a.name.lower() == b.name.lower() or a.text.lower() == b.text.lower()


def place_block(a: Location | None, b: Location | None) -> str | None:
    """Why two places cannot be one event's (different countries unless two towns within
    MAX_KM, towns > MAX_KM apart, different regions)."""
    if a is None or b is None:
        return None
    near = _fine(a) and _fine(b) and haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_KM  # type: ignore[arg-type]
    if a.country and b.country and a.country != b.country and not _same_name(a, b) and not near:
        # one name geocoded to two countries is a geocoder slip, not two events; two towns
        # either side of a border are where each side's outlets place one border clash
        return "country"
    if _same_name(a, b):
        return None
    if _fine(a) and _fine(b) and not near:
        return "distance"
    ra, rb = _admin1(a), _admin1(b)
    if ra and rb and not _same_region(ra, rb) and not (_fine(a) and _fine(b)):
        return "admin1"
    return None


def distinct_places(
    a: Event,
    b: Event,
    words: tuple[frozenset[str], frozenset[str]],
    places: tuple[Location | None, Location | None],
) -> bool:
    """True for two places that neither report names, dated to the day, either two towns of one
    country more than ``DISTINCT_KM`` apart, or more than ``SAME_SPOT_KM`` apart on different days
    and against different targets or two days or more apart: the market shelled on Sunday and
    the army base stormed on Monday across the city are two events, however alike the reports'
    wording, actors and tolls. ``places`` are the records' places, or their
    documents' where a record has none."""
    la, lb = places
    if la is None or lb is None or not (_fine(la) and _fine(lb)) or _same_name(la, lb):
        return False
    if haversine_km(la.lat, la.lon, lb.lat, lb.lon) <= SAME_SPOT_KM:  # type: ignore[arg-type]
        return False
    if named_in(la, words[1]) or named_in(lb, words[0]):
        return False
    if a.date is None or b.date is None:
        return False
    if (a.date_precision or "day") != "day" or (b.date_precision or "day") != "day":
        return False
    # a point (an airport, a camp) may lie in a town; two towns either side of a border are where
    # each side's outlets place one border clash
    towns = la.precision == lb.precision == "town" and la.country == lb.country
    if towns and haversine_km(la.lat, la.lon, lb.lat, lb.lon) > DISTINCT_KM:  # type: ignore[arg-type]
        return True
    if a.date == b.date:
        return False
    ta, tb = _side(a.recipient), _side(b.recipient)
    return abs((a.date - b.date).days) >= 2 or (ta is not None and tb is not None and ta != tb)


def place_score(a: Location | None, b: Location | None) -> float | None:
    """How well two places agree: the same place 1.0, towns by distance, same region 0.6, a
    country and a place in it ``COUNTRY_WIDE``, two places of one country only 0.35."""
    if a is None or b is None:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0 if a.precision in ("point", "town") else 0.7
    if _same_name(a, b):
        return 1.0 if a.precision in ("point", "town") else 0.7
    if _fine(a) and _fine(b):
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if d <= 2 and (_stand_in(a) or _stand_in(b)):
            # a village the gazetteer lacks is placed at the town it is near ("near Awdinle, west
            # of Baidoa"): near that town, at an unknown distance, not at the same spot
            return PROXY_PLACE
        return max(0.3, NEARBY_TOWN - d / MAX_KM) if d > 2 else 0.95
    ra, rb = _admin1(a), _admin1(b)
    if ra and rb and _same_region(ra, rb):
        return 0.6
    if not (a.country and a.country == b.country):
        return 0.2
    # "demonstrated across France" and "clashed in Paris": a country holding the other's place
    # agrees as far as it goes, more than an unknown place; two places of one country otherwise
    # (a village the gazetteer lacks is placed at country precision under its own name) are two
    return COUNTRY_WIDE if _a_country(a) or _a_country(b) else 0.35


def _stand_in(loc: Location) -> bool:
    """A place with no gazetteer entry of its own, coded at a nearby known place's coordinates."""
    return loc.geonameid is None and loc.geo_precision >= 2


def _a_country(loc: Location) -> bool:
    return loc.precision == "country" and (loc.feature_code or "").startswith("PCL")


# ---- actors, counts, words ---------------------------------------------------------------


def _actor_keys(event: Event) -> tuple[set[tuple[str | None, str | None]], set[str]]:
    """((country, sector) keys, lower-cased names) of everyone on either side of an event."""
    keys, names = set(), set()
    for actor in (event.actor, event.recipient, *event.assoc_actors):
        if actor is None:
            continue
        if actor.country or actor.sector:
            keys.add((actor.country, actor.sector))
        if actor.name:
            names.add(actor.name.lower())
    return keys, names


def _compatible(x: tuple[str | None, str | None], y: tuple[str | None, str | None]) -> bool:
    # a side without a country ("unidentified armed group", "gunmen") may be anyone's of its sector
    return x[1] == y[1] and (x[0] is None or y[0] is None or x[0] == y[0])


def actor_score(a: Event, b: Event) -> float | None:
    """How well the parties agree, ignoring who is actor and who recipient (outlets differ in
    direction, ACLED's actor1/actor2 too): a shared name, or the share of country/sector keys
    with a compatible key on the other side (a key without a country matches its sector)."""
    ka, na = _actor_keys(a)
    kb, nb = _actor_keys(b)
    if not (ka or na) or not (kb or nb):
        return None
    if na & nb - {"people", "civilian", "person"}:
        return 1.0
    if not ka or not kb:
        return 0.3
    hits = sum(any(_compatible(x, y) for y in kb) for x in ka)
    hits += sum(any(_compatible(x, y) for x in ka) for y in kb)
    return max(0.1, hits / (len(ka) + len(kb)))


def _toll(event: Event) -> int | None:
    c = event.fatalities
    if c is None:
        return None
    for v in (c.best, c.low, c.high):
        if v is not None:
            return v
    return None


def fatality_score(a: Event, b: Event, pa: dt.date | None = None, pb: dt.date | None = None) -> float | None:
    """How compatible two death tolls are, on a log scale: 12 and 15 agree, 3 and 40 hardly.

    A toll that rises in the later report (10 → 21) is what updates look like, so a rise is
    judged on a gentler scale than a fall.
    """
    ta, tb = _toll(a), _toll(b)
    if ta is None and tb is None:
        return None
    if ta is None or tb is None:
        return 0.5  # one outlet does not give the toll: neither agreement nor conflict
    low, high = sorted((ta, tb))
    later_higher = pa is not None and pb is not None and pa != pb and (tb > ta) == (pb > pa)
    scale = math.log(30 if later_higher else 12)
    return max(0.0, 1.0 - math.log((high + 1) / (low + 1)) / scale)


def mode_score(a: Event, b: Event) -> float | None:
    """1.0 for the same PLOVER mode, 0.3 for different ones, None when either lacks one."""
    if not a.mode or not b.mode:
        return None
    return 1.0 if a.mode == b.mode else 0.3


# ---- the pair verdict ---------------------------------------------------------------------


@cache
def directed_types() -> frozenset[str]:
    """PLOVER types where swapped sides mean two events, from ``dedup_directed.tsv``."""
    return frozenset(row["type"] for row in read_tsv("dedup_directed.tsv"))


def _side(actor) -> str | None:
    # country/sector says who a side is even when outlets name it differently ("the army",
    # "Military Forces of Sudan"); the name is the fallback
    if actor is None:
        return None
    if actor.country and actor.sector:
        return f"{actor.country}/{actor.sector}"
    return (actor.name or "").lower() or None


_ARMED_TARGETS = frozenset({"MIL", "REB", "PRM", "COP", "UAF", "SPY"})


def _unlike_targets(a: Event, b: Event) -> bool:
    """One record's recipient is armed people (soldiers, a militia), the other's unarmed ones."""
    ra, rb = a.recipient, b.recipient
    if ra is None or rb is None or ra.sector is None or rb.sector is None:
        return False
    return (ra.sector in _ARMED_TARGETS) != (rb.sector in _ARMED_TARGETS)


def swapped(a: Event, b: Event) -> bool:
    """True when a's actor is b's recipient and a's recipient b's actor (two distinct sides)."""
    sa, ra, sb, rb = _side(a.actor), _side(a.recipient), _side(b.actor), _side(b.recipient)
    return None not in (sa, ra, sb, rb) and sa != ra and sa == rb and ra == sb


def reprisal(a: Event, b: Event) -> bool:
    """True when the attacker of one record is the target of the other and the attackers differ:
    "Israel struck Hodeidah a day after a Houthi drone hit Tel Aviv" names both places, but
    the strike and the attack it answers are two events, however the reports word them."""
    sa, sb = _side(a.actor), _side(b.actor)
    if sa is None or sb is None or sa == sb:
        return False
    return sa == _side(b.recipient) or sb == _side(a.recipient)


def block(a: Event, b: Event, pa: dt.date | None = None, pb: dt.date | None = None) -> str | None:
    """Why two reports can never be one event, or None when they may be."""
    if a.evidence.doc_id == b.evidence.doc_id:
        return "same document"
    if type_score(a, b) is None:
        return "type"
    if a.event_type == b.event_type and a.event_type in directed_types() and swapped(a, b):
        return "direction"
    ia, ib = date_interval(a, pa), date_interval(b, pb)
    # too far apart, unless a follow-up's reporting-day date may stand for the other's day
    far = ia is not None and ib is not None and interval_gap(ia, ib) > SLACK_DAYS
    if (far and not follow_up_date(a, b, pa, pb)) or distinct_days(a, b):
        return "date"
    if days_apart(a, b) == 1 and _unlike_targets(a, b):
        # a convoy bombed on Tuesday and a market raided on Wednesday near the same town: each
        # report states its own day and the two hit different kinds of people
        return "date"
    return place_block(a.location, b.location)


def score_pair(
    a: Event,
    b: Event,
    pa: dt.date | None = None,
    pb: dt.date | None = None,
    *,
    words: tuple[frozenset[str], frozenset[str]] | None = None,
    places: tuple[Location | None, Location | None] | None = None,
) -> PairScore:
    """Block, then score two reports; ``pa``/``pb`` are their publication dates when known.

    ``words`` are the content words of each whole report (see ``content_words``); without them
    the evidence sentences' words are compared. ``places`` stand in for the records' own places
    in the place score (e.g. the document's place for a record without one): a guessed place
    may raise or lower the score but never blocks a pair.
    """
    if words is None:
        words = (content_words(a.evidence.sentence), content_words(b.evidence.sentence))
    wording = wording_score(*words)
    why = block(a, b, pa, pb)
    if (
        why in ("country", "distance", "admin1")
        and (
            (wording is not None and wording >= STRONG_WORDING)
            or named_in(a.location, words[1])
            or named_in(b.location, words[0])
        )
        and not reprisal(a, b)
    ):
        # geocoders misplace rare names (a "Mile 4" suburb, a meadow named like a Turkish
        # village); near-identical wording, or the other report naming the place, outweighs
        # the slip
        why = None
    loc_a, loc_b = places if places is not None else (a.location, b.location)
    if why is None and distinct_places(a, b, words, (loc_a, loc_b)):
        why = "distinct places"
    if why is not None:
        return PairScore(score=0.0, blocked=why)
    parts: dict[str, float | None] = {
        "type": type_score(a, b),
        "date": date_score(a, b, pa, pb),
        "place": place_score(loc_a, loc_b),
        "actors": actor_score(a, b),
        "fatalities": fatality_score(a, b, pa, pb),
        "wording": wording,
        "mode": mode_score(a, b),
    }
    total = weight_sum = 0.0
    agreed, disagreed, used = [], [], {}
    for name, value in parts.items():
        weight, missing = weights()[name]
        value = missing if value is None else value
        used[name] = round(value, 3)
        total += weight * value
        weight_sum += weight
        if parts[name] is not None:
            (agreed if value >= 0.6 else disagreed).append(name)
    return PairScore(
        score=round(total / weight_sum, 4),
        agreed=tuple(agreed),
        disagreed=tuple(disagreed),
        parts=used,
    )


def place_rank(loc: Location | None) -> tuple[int, int]:
    """Sort key of a place by precision: point before town before region before country."""
    if loc is None:
        return (9, 9)
    return (_PRECISION_RANK.get(loc.precision, 5), loc.geo_precision)
