"""Checks coded events against an expectations file (the format of shared/examples/*.expected.json).

An expected event matches a coded event when every field it lists holds within its tolerance;
fields it does not list are not checked. Lists mean "any of these"; "A or B" strings too.
"""

from __future__ import annotations

import datetime as dt
import re

from eventwire.geo.distance import haversine_km
from eventwire.model import Event

DURATION = re.compile(r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                      r"several|few)[- ](?:hours?|minutes?|days?|weeks?)", re.I)
BOILERPLATE = ("Advertisement", "Latest Headlines", "Photo by", "Share this", "Read more")


def _options(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(" or ")]


def _actor_ok(want: dict | None, got) -> str | None:
    if want is None:
        return None
    if got is None:
        return "missing"
    for key in ("country", "sector"):
        if key in want and want[key] is not None and getattr(got, key) not in _options(want[key]):
            return f"{key} {getattr(got, key)!r} not in {_options(want[key])}"
    return None


def mismatches(want: dict, event: Event) -> list[str]:
    """Why ``event`` does not satisfy the expected event ``want`` (empty: it does)."""
    out: list[str] = []
    plover = want.get("plover") or {}
    if "event_type" in plover and event.event_type not in _options(plover["event_type"]):
        out.append(f"type {event.event_type}")
    if plover.get("mode") and event.mode not in _options(plover["mode"]):
        out.append(f"mode {event.mode}")
    if "evidence_contains" in want and want["evidence_contains"] not in event.evidence.sentence:
        out.append("evidence")
    acled = want.get("acled", "absent")
    if acled is None and event.acled is not None:
        out.append("acled should be null")
    elif isinstance(acled, dict):
        if event.acled is None:
            out.append("acled missing")
        else:
            for key, value in acled.items():
                if str(getattr(event.acled, key)) not in _options(value):
                    out.append(f"acled.{key} {getattr(event.acled, key)!r}")
    if "cameo_root" in want and not (event.cameo or "").startswith(str(want["cameo_root"])):
        out.append(f"cameo {event.cameo}")
    if "cameo" in want and event.cameo not in _options(want["cameo"]):
        out.append(f"cameo {event.cameo}")
    for role in ("actor", "recipient"):
        if role in want:
            why = _actor_ok(want[role], getattr(event, role))
            if want[role] is None and getattr(event, role) is not None:
                why = None  # "no recipient" is not checked against extra detail
            if why:
                out.append(f"{role}: {why}")
    out.extend(_location_mismatch(want.get("location", "absent"), event))
    out.extend(_date_mismatch(want.get("date"), event))
    if "fatalities" in want:
        f = want["fatalities"]
        got = event.fatalities
        if f is None:
            if got is not None and (got.best or 0) > 0:
                out.append(f"fatalities {got.best} but none expected")
        elif got is None:
            out.append("fatalities missing")
        else:
            for key in ("best", "low", "high"):
                if key in f and getattr(got, key) != f[key]:
                    out.append(f"fatalities.{key} {getattr(got, key)}")
    if want.get("attributed_to"):
        a = (event.attributed_to or "").lower()
        w = want["attributed_to"].lower()
        if not a or (w not in a and a not in w):
            out.append(f"attributed_to {event.attributed_to!r}")
    for item in want.get("materiel") or []:
        head = item.split()[-1].lower().rstrip("s")
        if not any(head in m.lower() for m in event.materiel):
            out.append(f"materiel {item!r}")
    if want.get("factuality") and event.factuality not in _options(want["factuality"]):
        out.append(f"factuality {event.factuality}")
    return out


def _location_mismatch(want, event: Event) -> list[str]:
    if want == "absent":
        return []
    loc = event.location
    if want is None:
        return [] if loc is None or loc.precision == "country" else ["location should be null"]
    if loc is None:
        return ["location missing"]
    out = []
    if want.get("country") and loc.country not in _options(want["country"]):
        out.append(f"location country {loc.country}")
    if want.get("acceptable_precision") and loc.precision not in want["acceptable_precision"]:
        out.append(f"location precision {loc.precision}")
    if "lat" in want and loc.lat is not None:
        km = haversine_km(want["lat"], want["lon"], loc.lat, loc.lon)
        if km > want.get("max_km", 50):
            out.append(f"location {loc.name} {km:.0f} km away")
    elif "lat" in want:
        out.append("location has no coordinates")
    return out


def _date_mismatch(want, event: Event) -> list[str]:
    if not want:
        return []
    got = event.date
    if got is None:
        return ["date missing"]
    out = []
    if "value" in want:
        delta = abs((got - dt.date.fromisoformat(want["value"])).days)
        if delta > want.get("tolerance_days", 0):
            out.append(f"date {got}")
    if "before_or_on" in want and got > dt.date.fromisoformat(want["before_or_on"]):
        out.append(f"date {got} after {want['before_or_on']}")
    if "between" in want:
        lo, hi = (dt.date.fromisoformat(d) for d in want["between"])
        if not lo <= got <= hi:
            out.append(f"date {got} outside {want['between']}")
    if (
        want.get("acceptable_precision")
        and event.date_precision not in want["acceptable_precision"]
    ):
        out.append(f"date precision {event.date_precision}")
    return out


def check(expected: dict, events: list[Event], skip: frozenset[str] = frozenset()) -> list[str]:
    """Problems with ``events`` against an expectations file (empty: all good).

    ``skip`` names required events that are known gaps (see examples/known_gaps.json)."""
    problems = []
    for want in expected["events"]:
        if want["id"] in skip:
            continue
        matched = [e for e in events if not mismatches(want, e)]
        if want.get("required", True) and len(matched) != 1:
            near = sorted(events, key=lambda e: len(mismatches(want, e)))[:1]
            why = "; ".join(mismatches(want, near[0])) if near else "no events"
            problems.append(f"{want['id']} matched {len(matched)} events (closest: {why})")
    for e in events:
        if any(b in e.evidence.sentence for b in BOILERPLATE):
            problems.append(f"event from boilerplate: {e.evidence.sentence[:60]!r}")
        if e.date_text and DURATION.fullmatch(e.date_text.strip()):
            problems.append(f"duration read as a date: {e.date_text!r}")
    return problems


def failing_required(expected: dict, events: list[Event]) -> set[str]:
    """Ids of the required events that are not found exactly once."""
    return {
        want["id"] for want in expected["events"]
        if want.get("required", True) and len([e for e in events if not mismatches(want, e)]) != 1
    }
