"""Actor resolution: a phrase as written → name, country, PLOVER sector, ACLED inter code.

Order of evidence: a known armed group or organisation named in the phrase decides everything;
otherwise the head noun decides the sector ("Syrian opposition forces" → opposition forces →
REB) and, for the country, a known person, then a country name, demonym or capital before the
head ("Russian troops in Syria" → RUS), then one after it ("rebels in Darfur" → SDN), then an
identity's home country, a misspelt name or a large city, then the caller's context.
"X-backed" and "pro-X" modifiers name a backer, not the actor's own country. A bare country
("Turkey") or capital ("the Kremlin") is that state's government.

Coding decisions (PLOVER/ACLED leave them open):
- defence ministries are GOV; their troops are MIL;
- protesters are CVL with inter 6 (OPP is kept for organised opposition);
- breakaway entities (DPR, LPR) take the claimant state's code and sector REB, inter 2,
  because ONTOLOGY.md's "PRE" is not one of the project's sectors;
- "pro-government militia" is PRM, inter 3 (ACLED: political militia);
- a former office holder ("ousted President X") is ELI.

Example:
    >>> a = resolve_actor("Russian-backed Syrian forces")
    >>> (a.country, a.sector, a.inter)
    ('SYR', 'MIL', 1)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.actors.fallback import city_country, misspelt_country
from eventwire.actors.vocab import NAMED_KINDS, PLACE_KINDS, Entry, singular, vocabulary, words
from eventwire.model import Actor
from eventwire.resources import read_tsv

BACKER = re.compile(
    r"^(?P<who>.+?)-(?:backed|supported|allied|aligned|sponsored|funded|armed|trained)$", re.I
)
PRO = re.compile(r"^pro-(?P<who>.+)$", re.I)
BASED = re.compile(r"^(?P<who>.+?)-based$", re.I)
AFFILIATE = re.compile(r"^(?P<who>.+?)-(?:linked|affiliated)$", re.I)
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
INTERNATIONAL = ("IGO", "UNO", "NGO", "IMG", "MNC", "ISM")
#: Words after which a place is not the actor's own ("envoy to Syria", "war against Ukraine").
_NOT_OWN = {"to", "against", "with", "on", "toward", "towards", "into", "by", "at"}
_CUT = {"of", "from", "in"}
_NON_STATE_ARMED = {"REB", "PRM", "UAF", "CRM"}
#: Particles inside Romance and Arabic place names ("Mocimboa da Praia", "Ras al Khaimah").
_PARTICLES = {"da", "de", "do", "dos", "das", "del", "di", "la", "el", "al", "les"}


@dataclass
class Resolution:
    """An actor plus what the phrase says about who backs it and why it was coded so."""

    actor: Actor
    backers: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def match_phrases(tokens: list[str]) -> list[tuple[int, int, Entry]]:
    """Non-overlapping vocabulary matches, longest first, as (start, end, entry) in text order."""
    vocab = vocabulary()
    found: list[tuple[int, int, Entry]] = []
    taken: set[int] = set()
    for n in range(min(vocab.longest, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            if taken & set(range(i, i + n)):
                continue
            entry = vocab.lookup(tokens[i : i + n])
            if entry is not None:
                found.append((i, i + n, entry))
                taken.update(range(i, i + n))
    return sorted(found, key=lambda m: m[0])


def _sector_at(tokens: list[str], i: int, n: int) -> Entry | None:
    sectors = vocabulary().sectors
    run = tokens[i : i + n]
    key = tuple(t.lower() for t in run[:-1]) + (singular(run[-1]),)
    return sectors.get(key) or sectors.get(tuple(t.lower() for t in run))


def sector_words(tokens: list[str]) -> list[tuple[int, int, Entry]]:
    """Sector words of a phrase, longest first and non-overlapping, in text order."""
    found: list[tuple[int, int, Entry]] = []
    taken: set[int] = set()
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            if taken & set(range(i, i + n)):
                continue
            entry = _sector_at(tokens, i, n)
            if entry is not None:
                found.append((i, i + n, entry))
                taken.update(range(i, i + n))
    return sorted(found, key=lambda m: m[0])


def _head(tokens: list[str]) -> tuple[int, Entry] | None:
    """The phrase's head sector word (the last one before of/from/in) as (end index, entry).

    A role word ("leader", "spokesman", "commander") takes the sector of a sector word before
    it ("rebel leader" → REB) or, failing that, of one after "of" ("head of the army" → MIL).
    """
    cut = next((k for k, t in enumerate(tokens) if t.lower() in _CUT), len(tokens))
    before = sector_words(tokens[:cut])
    after = sector_words(tokens[cut + 1 :]) if cut < len(tokens) else []
    if not before:
        if after:
            end, entry = after[-1][1] + cut + 1, after[-1][2]
            return end, entry
        return None
    end, entry = before[-1][1], before[-1][2]
    if entry.name == "force" and len(before) > 1 and before[-2][1] == before[-1][0]:
        # "rebel forces", "militia forces": a generic "forces" takes the kind of force named
        # right before it; "government forces" is listed whole
        kind = before[-2][2]
        if kind.sector in _NON_STATE_ARMED and not kind.role:
            return end, kind
    if entry.role:
        owner = next((e for _, _, e in reversed(before[:-1]) if not e.role), None)
        if owner is None and after:
            owner = next((e for _, _, e in reversed(after) if not e.role), None)
        if owner is not None:
            return end, owner
    return end, entry


def _split_modifiers(raw: list[str]) -> tuple[list[str], list[str], set[str], bool]:
    """Drop backer/pro-X/-based words and modifiers; return tokens, backers, identities, former."""
    vocab = vocabulary()
    backers: list[str] = []
    tokens: list[str] = []
    identity_next = False
    identity_idx: set[str] = set()
    former = False
    for tok in raw:
        low = tok.lower()
        effect = vocab.modifiers.get(low)
        if effect == "former" or low.startswith("ex-") and len(low) > 3:
            former = True
            if effect:
                continue
            tok = tok[3:]
        if effect == "identity":
            identity_next = True
            continue
        m = BACKER.match(tok) or PRO.match(tok)
        if m:
            who = match_phrases([m.group("who")])
            backers.extend(e.country for _, _, e in who if e.country)
            if not who and m.group("who").lower() in ("government", "regime", "state"):
                backers.append("GOVERNMENT")
            continue
        if BASED.match(tok):
            continue  # "London-based": where an office sits, not whose it is
        if tok.lower().endswith("-led"):
            tok = tok[:-4]  # "Saudi-led coalition", "Kurdish-led forces": the leader is the actor
        affiliate = AFFILIATE.match(tok)
        if affiliate:  # "Islamic State-linked insurgents": a franchise of the named group
            tok = affiliate.group("who")
        if identity_next:
            identity_idx.add(f"{len(tokens)}")
            identity_next = False
        tokens.append(tok)
    return tokens, backers, identity_idx, former


def _places(tokens: list[str], matches: list[tuple[int, int, Entry]], head_end: int | None) -> list[Entry]:
    """Place entries that say whose the actor is: before the head first, then after it."""
    own: list[tuple[int, Entry]] = []
    for i, _, entry in matches:
        if entry.kind not in PLACE_KINDS:
            continue
        if i > 0 and tokens[i - 1].lower() in _NOT_OWN:
            continue
        if i > 1 and tokens[i - 1].lower() == "the" and tokens[i - 2].lower() in _NOT_OWN:
            continue
        if i > 1 and tokens[i - 1].lower() in _PARTICLES and tokens[i - 2][:1].isupper():
            continue  # "Mocimboa da Praia": the tail of a longer place name, not Cabo Verde's capital
        own.append((i, entry))
    if head_end is None:
        return [e for _, e in own]
    return [e for i, e in own if i < head_end] + [e for i, e in own if i >= head_end]


def acled_style_name(entry: Entry, country_name: str | None) -> str:
    """A name in ACLED's style ("Military Forces of Syria", "Civilians (Nigeria)")."""
    if country_name is None:
        return entry.name
    forms = {
        "MIL": "Military Forces of {c}",
        "COP": "Police Forces of {c}",
        "SPY": "Military Forces of {c}",
        "GOV": "Government of {c}",
        "LEG": "Government of {c}",
        "JUD": "Government of {c}",
    }
    by_inter = {5: "Rioters ({c})", 6: "Protesters ({c})", 7: "Civilians ({c})"}
    form = by_inter.get(entry.inter or 0) or forms.get(entry.sector or "")
    if form is None or (entry.inter in (2, 3, 4, 8) and entry.sector not in STATE_SECTORS):
        form = "{w} ({c})"
    return form.format(c=country_name, w=entry.name)


def _named(
    named: Entry, text: str, context_country: str | None, backers: list[str], tokens: list[str]
) -> Resolution:
    sector, inter = named.sector, named.inter
    head = _head(tokens)
    if named.kind == "org" and head is not None and head[1].sector == "MIL" and sector != "MIL":
        # "African Union troops": an organisation's troops are a peace force (ACLED: external, 8)
        sector = "MIL"
        inter = 8 if named.country in INTERNATIONAL else head[1].inter
    elif sector in _NON_STATE_ARMED and head is not None and head[1].sector == "GOV" and not head[1].role:
        # "the Taliban administration", "the Houthi-run ministry": an armed group that governs
        # acts as the (de facto) state
        sector, inter = "GOV", 1
    country = named.country or context_country
    where = _acled_country(text)
    if where is not None and sector not in STATE_SECTORS and named.country not in INTERNATIONAL:
        country = where  # "Dozo Communal Militia (Burkina Faso)": the chapter ACLED names
    actor = Actor(text=text, name=named.name, country=country, sector=sector, inter=inter)
    return Resolution(actor, backers, [named.kind])


_TRAILING = re.compile(r"\(([^()]+)\)\s*$")


def _acled_country(text: str) -> str | None:
    """The country of an ACLED-style actor name's closing brackets ("Islamic State (Mali)")."""
    m = _TRAILING.search(text)
    if m is None:
        return None
    inner = words(m.group(1))
    found = [e for i, j, e in match_phrases(inner) if e.kind == "country" and (i, j) == (0, len(inner))]
    return found[0].country if found else None


def _fallback_country(
    tokens: list[str], matches: list[tuple[int, int, Entry]]
) -> tuple[str | None, str | None]:
    """Country from a misspelt name or a large city among the words no vocabulary matched."""
    matched = {k for i, j, _ in matches for k in range(i, j)}
    tokens = [t for k, t in enumerate(tokens) if k not in matched]
    for tok in tokens:
        found = misspelt_country(tok)
        if found:
            return found, "typo"
    found = city_country(tokens)
    return (found, "city") if found else (None, None)


_HEAD_CUT = {"of", "for", "in", "on", "against", "over", "to"}
_ARMED = re.compile(r"\b(?:heavily\s+|well\s+)?armed\b", re.I)


@lru_cache(maxsize=1)
def _not_actors() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("actors_not_actors.tsv"))


def names_a_thing(raw: list[str]) -> bool:
    """True when the phrase's head is a thing or a happening ("EU agricultural policy",
    "Imran Khan's arrest"): no party to an event, whatever names sit inside it."""
    cut = next((k for k, t in enumerate(raw) if k and t.lower() in _HEAD_CUT), len(raw))
    if not cut:
        return False
    head = raw[cut - 1].lower()
    return singular(head) in _not_actors() or head in _not_actors()


def _first_conjunct(raw: list[str]) -> list[str] | None:
    """"Military forces of Burkina Faso and VDP volunteers": ACLED's actor is the force named
    first (the other is an associated actor), so the left part is resolved alone when it is an
    actor of its own. "Mozambican and Rwandan forces" shares one head and stays whole."""
    cut = next((k for k, t in enumerate(raw) if k and t.lower() == "and"), None)
    if cut is None or cut == len(raw) - 1:
        return None
    left = raw[:cut]
    if _head(left) is None and not any(e.kind in NAMED_KINDS for _, _, e in match_phrases(left)):
        return None
    return left


def resolve_actor_detail(text: str, *, context_country: str | None = None) -> Resolution | None:
    """Resolve a phrase; None when nothing in it names an actor."""
    raw = words(text)
    if not raw or names_a_thing(raw):
        return None
    first = _first_conjunct(raw)
    if first is not None:
        return resolve_actor_detail(" ".join(first), context_country=context_country)
    tokens, backers, identity_idx, former = _split_modifiers(raw)
    # A group whose name includes its backer ("pro-Russian separatists") is matched as written.
    named = next((e for _, _, e in match_phrases(raw) if e.kind in NAMED_KINDS), None)
    if named is not None:
        return _named(named, text, context_country, backers, tokens)
    matches = match_phrases(tokens)
    # "ethnic Albanians": a nationality word after "ethnic" is an identity, not a state.
    matches = [
        (i, j, Entry(" ".join(tokens[i:j]), None, "CVL", 7, "identity"))
        if str(i) in identity_idx and e.kind in PLACE_KINDS
        else (i, j, e)
        for i, j, e in matches
    ]
    named = next((e for _, _, e in matches if e.kind in NAMED_KINDS), None)
    if named is not None:
        return _named(named, text, context_country, backers, tokens)
    head = _head(tokens)
    head_end = head[0] if head else None
    person = next((e for _, _, e in matches if e.kind == "person"), None)
    places = _places(tokens, matches, head_end)
    identity = next((e for _, _, e in matches if e.kind == "identity"), None)
    evidence: list[str] = []
    country: str | None = None
    if person is not None:
        country, evidence = person.country, ["person"]
    elif places:
        country, evidence = places[0].country, [places[0].kind]
    elif identity is not None and identity.country:
        country, evidence = identity.country, ["identity"]
    if country is None and (head or identity or person):
        country, how = _fallback_country(tokens, matches)
        evidence += [how] if how else []
    if head is None and not (person or places or identity):
        country, how = _fallback_country(tokens, matches)
        if country is None:
            return None
        # a city says where, not who: no name, so that no rule reads it as its state's forces
        # ("a drone attack on Odesa city" hit the city, not Ukraine's army)
        name = None if how == "city" else country
        actor = Actor(text=text, name=name, country=country, sector=None, inter=None)
        return Resolution(actor, backers, [how or "city"])
    place_name = places[0].name if places else None
    if head is not None:
        entry = head[1]
        sector, inter = entry.sector, entry.inter
        if entry.national and places and not identity:
            sector, inter = "MIL", 1  # "Turkish fighters" are Turkey's forces
            entry = Entry(entry.name, None, sector, inter, "sector", state=True)
        elif identity is not None and sector in ("PRM", "REB", "UAF") and inter in (2, 3):
            inter = 4 if sector != "REB" else inter  # "Fulani militia": an identity militia
        elif identity is not None and entry.state and sector == "MIL" and not places:
            sector, inter = "REB", 2  # "Karen National Army": a people's army is no state's
        if inter == 7 and _ARMED.search(text):
            # "armed herders", "armed villagers": people who carry arms as a community's force
            sector, inter = "UAF", 4
        if country is None:
            country = entry.code or context_country
        if former and sector in STATE_SECTORS:
            sector, inter = "ELI", None
        name = acled_style_name(entry, place_name)
        actor = Actor(text=text, name=name, country=country, sector=sector, inter=inter)
        return Resolution(actor, backers, [*evidence, "sector"])
    if person is not None:
        sector = "ELI" if former and person.sector in STATE_SECTORS else person.sector
        inter = 1 if sector in STATE_SECTORS and country not in INTERNATIONAL else None
        actor = Actor(text=text, name=person.name, country=country, sector=sector, inter=inter)
        return Resolution(actor, backers, evidence)
    if places:
        place = places[0]
        sector = place.sector if place.kind in ("country", "metonym") else None
        inter = 1 if sector else None
        actor = Actor(text=text, name=place.name, country=country, sector=sector, inter=inter)
        return Resolution(actor, backers, evidence)
    assert identity is not None
    actor = Actor(
        text=text,
        name=identity.name,
        country=country or context_country,
        sector="CVL",
        inter=7,
    )
    return Resolution(actor, backers, [*evidence, "identity"])


def resolve_actor(text: str, *, context_country: str | None = None) -> Actor | None:
    """Resolve an actor phrase to an Actor (see the module docstring); None if it is not one."""
    found = resolve_actor_detail(text, context_country=context_country)
    return found.actor if found else None


def inter_code(actor: Actor, *, event_country: str | None) -> int | None:
    """ACLED inter code of ``actor`` in an event located in ``event_country``.

    A state's forces are state forces (1) at home and external forces (8) abroad; a government
    signing or talking abroad is still its state (1); the other codes do not depend on where
    the event happens.

    Example:
        >>> inter_code(Actor(text="Turkish troops", country="TUR", sector="MIL", inter=1),
        ...            event_country="SYR")
        8
    """
    inter = actor.inter
    if inter is None and actor.sector in STATE_SECTORS and actor.country:
        inter = 1
    abroad = bool(actor.country and event_country) and actor.country != event_country
    civil = actor.sector in ("GOV", "LEG", "JUD")
    if inter == 1 and abroad and actor.country not in INTERNATIONAL and not civil:
        return 8
    return inter
