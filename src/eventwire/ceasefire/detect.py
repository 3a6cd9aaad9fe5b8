"""Detecting ceasefires in one document: who agreed, when it starts and ends, where, on what terms.

Each sentence naming a ceasefire (``ceasefire_triggers.tsv``) is read as a *mention*; its cues
(``ceasefire_cues.tsv``) say whether it defines one (agreed, declared, took effect, extended),
only refers to one (a violation, an accusation, a collapse) or only asks for one (hedged: no
ceasefire). Mentions of a document that fit together (same parties, same area) make one
ceasefire; references join the ceasefire told before them. Later reports of the same ceasefire
from other documents are joined by ``merge.merge_ceasefires``.

Example:
    >>> # detect_ceasefires(document, sentences, events) -> [Ceasefire(parties=[TUR, RUS], ...)]
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from eventwire.ceasefire import parties as P
from eventwire.ceasefire.ids import ceasefire_id, is_sentence_ref, sentence_ref
from eventwire.ceasefire.link import LINKABLE, violent
from eventwire.ceasefire.merge import STATUS_RANK, reduce_history
from eventwire.ceasefire.terms import EXTENSION_KEY, extension_term, find_terms, merge_terms
from eventwire.ceasefire.timing import (
    MONTHS,
    WEEKDAYS,
    When,
    find_days,
    find_durations,
    find_effective,
    find_end,
    zone_for,
)
from eventwire.ceasefire.vocab import Trigger, cues, find_triggers
from eventwire.model import (
    Actor,
    Ceasefire,
    Document,
    Event,
    Evidence,
    Location,
    Sentence,
    StatusChange,
    Violation,
)

Geocoder = Callable[[str], Location | None]
DEFINING = ("agree", "declare", "effective", "extend")
NEAR = 70  # characters: a cue this close to the trigger speaks about it
TERMS_AFTER = 3  # sentences: the provisions of a deal are listed in the paragraphs after it
AREA = re.compile(
    r"\b(?:in|for|across|throughout|covering|over|around|on)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central)[\w-]*\s+)?"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)
NOT_PLACES = frozenset(
    [name.title() for name in (*WEEKDAYS, *MONTHS)] + ["The", "A", "An", "This", "That", "GMT", "UTC"]
)
BROKERS = frozenset({"UNO", "IGO", "NGO"})
# "the truce agreed in Jeddah", "the ceasefire, which was signed in October": an earlier deal;
# not "a new ceasefire has been brokered", which is news of one
PARTICIPLE = re.compile(
    r"[,\s]+(?:(?:which|that)\s+(?:(?:was|were|had been|has been)\s+)?|(?:was|were|had been)\s+)?"
    r"(?:\w+ly\s+)?"
    r"(?:agreed|signed|reached|brokered|mediated|announced|declared|struck)\b",
    re.I,
)
ANAPHORIC_AREA = re.compile(
    r"\b(?:in|for|across|throughout|over)\s+the\s+(?:area|region|province|"
    r"city|town|enclave|governorate|territory|district)\b|\bthere\b",
    re.I,
)
STATE_AREA_WORDS = re.compile(r"\s+(?:province|region|governorate|state|district|city|area)$", re.I)


@dataclass
class Mention:
    """What one sentence says about a ceasefire."""

    sentence: Sentence
    trigger: Trigger
    roles: set[str]
    defining: bool
    parties: list[Actor] = field(default_factory=list)
    mediators: list[Actor] = field(default_factory=list)
    area_text: str | None = None
    reference: bool = False  # "the truce agreed in Jeddah": an earlier deal, not news of one
    anaphoric_area: bool = False  # "in the area": the place told elsewhere in the sentence
    effective: When | None = None
    effective_at: int = 0
    hours: float | None = None
    agreed: dt.date | None = None
    terms: list[tuple[str, str]] = field(default_factory=list)
    breach_hedged: bool = False  # "would violate the truce", "threatens to breach it": no breach told


def _near(matches, trigger: Trigger, limit: int = NEAR) -> list[re.Match[str]]:
    return [m for m in matches if m.start() - trigger.end <= limit and trigger.start - m.end() <= limit]


def _hedged(text: str, roles: dict, at: int) -> bool:
    """A hedge word in the 50 characters before ``at`` ("called for a truce", "could collapse")."""
    return any(0 <= at - m.end() <= 50 for m in roles.get("hedge", []))


def _area_in(text: str, trigger: Trigger, agree_cues) -> str | None:
    """The place the clause after the trigger names ("a truce in Idlib"); not a talks venue."""
    for m in AREA.finditer(text, trigger.end):
        if m.start() - trigger.end > NEAR:
            break
        between = text[trigger.end : m.start()]
        if any(trigger.end <= c.start() < m.start() for c in agree_cues) or "," in between:
            continue  # "a truce agreed in Moscow": where it was agreed, not where it applies
        place = m.group("place")
        if place.split()[0] in NOT_PLACES or re.search(r"['’]s?$", place):
            continue  # "in Sudan's capital" describes the area without naming it
        return STATE_AREA_WORDS.sub("", place)
    return None


def _duration(text: str, trigger: Trigger) -> float | None:
    """A duration written next to the trigger ("a 72-hour truce", "a truce of three days")."""
    for start, end, hours in find_durations(text):
        if 0 <= trigger.start - end <= 25 or 0 <= start - trigger.end <= 25:
            return hours
    return None


def _event_parties(events: Sequence[Event], sentence: Sentence) -> list[Actor]:
    out: list[Actor] = []
    for e in events:
        if (
            sentence.start <= e.evidence.start < sentence.end
            and e.event_type in ("AGREE", "CONCEDE", "RETREAT")
            and (e.mode in (None, "ceasefire"))
        ):
            out.extend(a for a in (e.actor, e.recipient, *e.assoc_actors) if a is not None)
    return out


def read_mention(document: Document, sentence: Sentence, events: Sequence[Event]) -> Mention | None:
    """Read one sentence; None when it names no ceasefire."""
    text = sentence.text
    triggers = find_triggers(text)
    if not triggers:
        return None
    trigger = triggers[0]
    found = cues(text)
    roles = {r for r, ms in found.items() if _near(ms, trigger) or r in ("future", "unilateral")}
    defining_cues = sorted(
        (m for r in DEFINING for m in _near(found.get(r, []), trigger)),
        key=lambda m: abs(m.start() - trigger.start),
    )
    # a hedge before the trigger ("urged a truce") or before the verb after it ("the two sides
    # have not reached a deal", "a truce they could sign next week") leaves nothing agreed
    verb_at = defining_cues[0].start() if defining_cues else trigger.start
    defining = bool(defining_cues) and not any(
        _hedged(text, found, at) for at in {min(trigger.start, verb_at), verb_at}
    )
    if defining:  # "announce their intention to seek a truce": a hedge between verb and trigger
        low, high = sorted((defining_cues[0].end(), trigger.start))
        defining = not any(low <= m.start() < high for m in found.get("hedge", []))
    if any(m.start() - trigger.end in (0, 1) for m in found.get("topic", [])):
        defining = False  # "approved a delegation for ceasefire talks"
    if "collapse" in roles and (
        _hedged(text, found, _near(found["collapse"], trigger)[0].start()) or (defining and "agree" in roles)
    ):
        roles.discard("collapse")  # "could collapse"; "agreed to end the fighting" is a new deal
    mention = Mention(sentence, trigger, roles, defining)
    mention.breach_hedged = bool(found.get("future")) or any(
        _hedged(text, found, v.start()) for v in found.get("violate", [])
    )
    mention.mediators, med_spans = P.find_mediators(text)
    cleaned = text
    for span in med_spans:
        cleaned = cleaned.replace(span, " " * len(span))
    if defining:
        verb = defining_cues[0]
        left, right = P.clause_around(cleaned, min(verb.start(), trigger.start), max(verb.end(), trigger.end))
        clause = cleaned[left:right]
        found_parties = P.find_parties(clause, verb.start() - left, mediators=mention.mediators)
        # the UN and other organisations announce and broker truces; they are not sides to them
        mention.mediators += [a for a in found_parties if a.country in BROKERS]
        mention.parties = [a for a in found_parties if a.country not in BROKERS]
        if len(mention.parties) < (2 if "agree" in roles else 1):
            extra = [a for a in _event_parties(events, sentence) if a.country and a.country not in BROKERS]
            mention.parties = P.unique(mention.parties + extra)
        mention.terms = find_terms(text)
    else:
        # "strikes killed five despite the truce between Israel and Hamas": a truce told in
        # passing still names its sides after the trigger
        _, right = P.clause_around(cleaned, trigger.start, trigger.end)
        told = P.find_parties(cleaned[trigger.start : right], None, mediators=mention.mediators)
        mention.parties = [a for a in told if a.country not in BROKERS]
    mention.area_text = _area_in(cleaned, trigger, found.get("agree", []) + found.get("declare", []))
    after = text[trigger.end : trigger.end + NEAR]
    mention.anaphoric_area = mention.area_text is None and bool(ANAPHORIC_AREA.search(after))
    mention.hours = _duration(text, trigger)
    future = "future" in roles
    if "effective" in roles or "extend" in roles:
        cue = _near(found.get("effective", []) + found.get("extend", []), trigger)[0]
        mention.effective_at = cue.start()
        mention.effective = (
            find_effective(text[cue.start() : cue.start() + 90], document.published, future=future)
            if "effective" in roles
            else None
        )
    if defining and ("agree" in roles or "declare" in roles) and document.published:
        verb = defining_cues[0]
        days = [
            d
            for d in find_days(text[verb.start() : verb.start() + 60] if verb else "", document.published)
            if d.date <= document.published
        ]
        # "the truce agreed in Jeddah" refers to an earlier deal: its date only if the text gives it
        participle = PARTICIPLE.match(text, trigger.end) is not None
        mention.reference = participle
        if mention.effective is None or not days or days[0].text not in mention.effective.text:
            mention.agreed = days[0].date if days else None if participle else document.published
    if "extend" in roles and mention.hours:
        mention.terms.append((EXTENSION_KEY, extension_term(mention.hours)))
        mention.hours = None  # "extended by 48 hours" is not the truce's own length
    return mention


def _compatible(group: list[Mention], m: Mention) -> bool:
    keys = {P.party_key(a) for x in group for a in x.parties}
    areas = {x.area_text.lower() for x in group if x.area_text}
    if keys and m.parties and not keys & {P.party_key(a) for a in m.parties}:
        return False
    return not (areas and m.area_text and m.area_text.lower() not in areas)


def group_mentions(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions of one document grouped by ceasefire (references join the group before them)."""
    groups: list[list[Mention]] = []
    for m in mentions:
        fits = [g for g in groups if _compatible(g, m)]
        if fits:
            fits[-1].append(m)
        elif m.defining or not groups:
            groups.append([m])
        else:
            groups[-1].append(m)
    return groups


def conflict_area(events: Sequence[Event], sentence: Sentence | None = None) -> Location | None:
    """The most reported place of the violent events (of one sentence, when given)."""
    counts: Counter[str] = Counter()
    by_name: dict[str, Location] = {}
    for e in sorted(events, key=lambda e: e.id):
        if sentence and not sentence.start <= e.evidence.start < sentence.end:
            continue
        loc = e.location
        if e.event_type in ("ASSAULT", "COERCE") and loc and loc.precision != "country":
            counts[loc.name] += 1
            by_name.setdefault(loc.name, loc)
    return by_name[min(counts, key=lambda n: (-counts[n], n))] if counts else None


def _area_location(
    area_text: str | None, events: Sequence[Event], geocode: Geocoder | None
) -> Location | None:
    if not area_text:
        return None
    if geocode is not None:
        found = geocode(area_text)
        if found is not None:
            return found
    low = area_text.lower()
    for e in sorted(events, key=lambda e: e.id):
        loc = e.location
        if loc and low in (loc.name.lower(), loc.text.lower()):
            return loc
        if loc and loc.admin1 and loc.admin1.lower() == low:
            return Location(
                text=area_text,
                name=loc.admin1,
                admin1=loc.admin1,
                country=loc.country,
                precision="region",
                geo_precision=3,
            )
    return None


def _evidence(document: Document, s: Sentence) -> Evidence:
    return Evidence(doc_id=document.id, sentence=s.text, start=s.start, end=s.end)


def build_ceasefire(
    document: Document, group: Sequence[Mention], events: Sequence[Event], geocode: Geocoder | None = None
) -> Ceasefire:
    """One ceasefire record from the mentions of one document that describe it."""
    parties = P.unique(a for m in group for a in m.parties)
    mediators = P.unique(a for m in group for a in m.mediators)
    keys = {P.party_key(a) for a in mediators}
    parties = [a for a in parties if P.party_key(a) not in keys]
    area_text = next((m.area_text for m in group if m.area_text), None)
    area = _area_location(area_text, events, geocode)
    if area is None and area_text is None:
        # "a cease-fire in the area": the place of the violence told in the same sentence
        # (or, when that sentence has none, of the document's violence)
        anaphoric = [m for m in group if m.anaphoric_area]
        area = next(
            (a for m in anaphoric if (a := conflict_area(events, m.sentence))),
            conflict_area(events) if anaphoric else None,
        )
        area_text = area.text if area else None
    tz = zone_for(area.country, area.admin1) if area else None
    if tz is None and (region := conflict_area(events)) is not None:
        tz = zone_for(region.country, region.admin1)
    when = next((m for m in group if m.effective), None)
    effective = None
    if when is not None and when.effective is not None:
        window = when.sentence.text[when.effective_at : when.effective_at + 90]
        effective = find_effective(window, document.published, area_tz=tz, future="future" in when.roles)
    hours = next((m.hours for m in group if m.hours), None)
    agreed = min((m.agreed for m in group if m.agreed), default=None)
    if agreed and effective and agreed > effective.value.date():
        agreed = effective.value.date()
    terms = merge_terms(t for m in group for t in m.terms)
    ends = effective.value + dt.timedelta(hours=hours) if effective and hours else None
    if ends is None:  # "the ceasefire is expected to last until April 22"
        told = (find_end(m.sentence.text, document.published, area_tz=tz) for m in group if "ends" in m.roles)
        ends = next((w.value for w in told if w is not None), None)
    extra = sum(float(label.split()[2]) for key, label in terms if key == EXTENSION_KEY)
    if ends and extra:
        ends += dt.timedelta(hours=extra)
    history, violations = _history(document, group, events, effective, agreed)
    history = reduce_history(history)
    # one accusation per document unless events carry them (a headline repeats the story)
    coded = [v for v in violations if not is_sentence_ref(v.event_id)]
    violations = list({v.event_id: v for v in coded}.values()) or violations[:1]
    if area is None and area_text is None and violations:
        # a truce named only through its breach covers at least the region the breach is in (a
        # town would be too small a guess: the record then stays unplaced)
        told = {v.event_id for v in violations}
        wide = [
            e.location
            for e in sorted(events, key=lambda e: e.evidence.start)
            if e.id in told and e.location is not None and e.location.precision in ("region", "country")
        ]
        if wide:
            area, area_text = wide[0], wide[0].text
    kind = group[0].trigger.kind
    if any("unilateral" in m.roles for m in group if m.defining):
        kind = f"unilateral {kind}"
    anchor = next(
        (
            e
            for m in group
            for e in events
            if m.defining
            and e.event_type in ("AGREE", "CONCEDE")
            and m.sentence.start <= e.evidence.start < m.sentence.end
        ),
        None,
    )
    return Ceasefire(
        id=ceasefire_id([P.party_key(a) for a in parties], area_text, agreed),
        kind=kind,
        parties=parties,
        mediators=mediators,
        agreed=agreed,
        effective=effective.value if effective else None,
        effective_text=effective.text if effective else None,
        timezone=effective.timezone if effective else None,
        ends=ends,
        duration_hours=hours,
        area=area,
        area_text=area_text,
        terms=[label for _, label in terms],
        status=max((h.status for h in history), key=STATUS_RANK.index, default="announced"),
        history=history,
        violations=violations,
        sources=[_evidence(document, m.sentence) for m in group if m.defining]
        or [_evidence(document, group[0].sentence)],
        event_id=anchor.id if anchor else None,
    )


def _sentence_day(document: Document, m: Mention) -> dt.date | None:
    if document.published is None:
        return None
    days = [d.date for d in find_days(m.sentence.text, document.published) if d.date <= document.published]
    return days[0] if days else document.published


def _history(
    document: Document,
    group: Sequence[Mention],
    events: Sequence[Event],
    effective: When | None,
    agreed: dt.date | None,
) -> tuple[list[StatusChange], list[Violation]]:
    history: list[StatusChange] = []
    violations: list[Violation] = []
    published = document.published
    for m in group:
        ev = _evidence(document, m.sentence)
        if m.defining and ({"agree", "declare"} & m.roles) and not (m.reference and not agreed):
            history.append(StatusChange(status="announced", date=agreed or published, evidence=ev))
        started = effective is not None and published is not None and (effective.value.date() <= published)
        if ("effective" in m.roles and m.effective and started and "future" not in m.roles) or (
            "hold" in m.roles and effective is not None
        ):
            date = effective.value.date() if effective else published
            history.append(StatusChange(status="in_effect", date=date, evidence=ev))
        if "collapse" in m.roles:
            history.append(StatusChange(status="collapsed", date=_sentence_day(document, m), evidence=ev))
        if "violate" in m.roles and "accuse" not in m.roles and not m.breach_hedged:
            # "an Israeli drone strike killed two men in Rafah, in violation of the truce": the
            # text itself says the attack broke it
            violations.extend(
                Violation(event_id=e.id, date=e.date, kind="attack_after_start", evidence=e.evidence)
                for e in _violence_of(events, m.sentence)
            )
        if "violate" in m.roles and "accuse" in m.roles:
            accuse = next(
                (
                    e
                    for e in events
                    if e.event_type == "ACCUSE" and m.sentence.start <= e.evidence.start < m.sentence.end
                ),
                None,
            )
            violations.append(
                Violation(
                    event_id=accuse.id if accuse else sentence_ref(document.id, m.sentence.start),
                    date=accuse.date if accuse and accuse.date else _sentence_day(document, m),
                    kind="accused_violation",
                    evidence=accuse.evidence if accuse else ev,
                )
            )
    return history, violations


def _violence_of(events: Sequence[Event], sentence: Sentence) -> list[Event]:
    """The attacks and seizures a sentence tells as having happened."""
    return [
        e
        for e in sorted(events, key=lambda e: e.id)
        if sentence.start <= e.evidence.start < sentence.end and violent(e) and e.factuality in LINKABLE
    ]


def _attach_terms(groups: list[list[Mention]], sentences: Sequence[Sentence]) -> None:
    """Give each group the terms told next to it: provisions often follow in the next sentences
    ("The two agreed to establish a security corridor...") without naming the ceasefire."""
    for k, s in enumerate(sentences):
        terms = find_terms(s.text)
        if not terms:
            continue
        near = [
            g
            for g in groups
            if any(m.defining and -1 <= k - sentences.index(m.sentence) <= TERMS_AFTER for m in g)
        ]
        if not near and not cues(s.text).keys() & {"agree", "declare"}:
            continue
        before = [g for g in groups if g[0].sentence.start <= s.start] or groups
        target = near[0] if near else before[-1]
        target[0].terms.extend(terms)


def detect_ceasefires(
    document: Document,
    sentences: Sequence[Sentence],
    events: Sequence[Event],
    geocode: Geocoder | None = None,
) -> list[Ceasefire]:
    """Ceasefires a document reports (see the module docstring); ``geocode`` places the area."""
    mentions = [
        m
        for s in sorted(sentences, key=lambda s: s.start)
        if (m := read_mention(document, s, events)) is not None
    ]
    # a mention that defines nothing must tell something else of one (a breach, its collapse, its
    # end): "the two sides had not reached a deal" after "ceasefire talks in Doha" tells nothing
    for m in mentions:
        if "despite" in m.roles and _violence_of(events, m.sentence):
            m.roles.add("violate")
    telling_nothing = {"hedge", "topic", "future", "unilateral", "despite", *DEFINING}
    mentions = [m for m in mentions if m.defining or m.roles - telling_nothing]
    if not mentions:
        return []
    groups = group_mentions(mentions)
    _attach_terms(groups, sorted(sentences, key=lambda s: s.start))
    out = {}
    for group in groups:
        cf = build_ceasefire(document, group, events, geocode)
        if cf.parties or cf.area_text or cf.agreed or cf.effective or cf.history or cf.violations:
            out.setdefault(cf.id, cf)  # a bare "the ceasefire" tells nothing to track
    return sorted(out.values(), key=lambda c: c.id)
