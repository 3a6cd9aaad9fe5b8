"""Spotting cues: the patterns and word lists that say a capitalised name is a place.

Prepositions and admin words are built in; the rest is data (``geo_cues.tsv``: locative,
object and near cues, place-type words, organisation words, titles; ``geo_stopwords.tsv``).
``locate.py`` uses these to find place mentions; nothing here touches the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from eventwire.actors.vocab import spans, vocabulary
from eventwire.geo.build import norm
from eventwire.geo.gazetteer import Place
from eventwire.resources import read_tsv

_CONNECT = (
    r"(?:al|el|ad|an|ar|as|ash|at|az|ez|de|del|la|le|of|the|au|es|bin|ibn|abu|bani|wa|du|des|da|do|dos)"
)
_TOKEN = r"(?:[‘ʿ]?[A-Z][\w'’ʿ.]*(?:-[\w'’‘ʿ]+)*|(?:al|el|ad|an|ar|as|ash|az|ez)-[A-Za-z‘][\w'’ʿ]*)"
# not inside a word: "war-torn" holds no "ar-torn"
NAME_SEQ = re.compile(rf"(?<![A-Za-z]){_TOKEN}(?:\s+(?:{_CONNECT}\s+)?{_TOKEN}){{0,4}}")
# "in biblical Bethlehem", "near restive Saraqib": one unknown adjective between
PREPOSITION_ADJECTIVE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?[a-z][a-z-]+\s+$")
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|around|inside|into|across|from|towards?|toward|through|"
    r"nearby|between|of|à|au|aux|dans|près de|en|on the outskirts of|outskirts of|"
    r"north of|south of|east of|west of|"
    r"northeast of|northwest of|southeast of|southwest of|kilometres? from|km from)\s+"
    r"(?:(?:the|his|her|its|their|a|an|this|that)\s+)?(?:far\s+)?"
    r"(?:(?:(?:north|south|east|west)(?:ern|east|west|eastern|western)?|central|downtown|rural|"
    r"suburban|coastal|ancient|old|restive|war-torn|besieged|rebel-held|government-held|"
    r"occupied)\s+)?(?:(?:city|town|village|capital|province|region|district|state) of\s+|"
    r"capital,?\s+)?)$",
    re.I,
)
NEAR_BEFORE = re.compile(
    r"\b(?:near|outside|around|nearby|outskirts of|(?:north|south|east|west|northeast|northwest|"
    r"southeast|southwest)(?:ern)? of|\d+\s*(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:from|of))"
    r"\s+(?:the\s+)?$",
    re.I,
)
ADMIN_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|district|state|oblast|county|prefecture|department|"
    r"municipality|city|town|village|area|camp|neighbourhood|neighborhood|suburb)\b",
    re.I,
)
REGION_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|state|oblast|county|prefecture|"
    r"department)\b",
    re.I,
)
REGION_BEFORE = re.compile(
    r"\b(?:province|governorate|region|state|oblast|county|prefecture|department)\s+of\s+(?:the\s+)?$",
    re.I,
)
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text, with the evidence that it is a place."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    locative: bool
    near: bool
    region_word: bool
    ner: str | None
    # only part of a longer capitalised name ("Abu" of "the Abu Shouk camp"): weak evidence of
    # which namesake is meant, never enough to go abroad
    partial: bool = False
    # the text calls it a town or a village ("the town of X"): a populated place, even one the
    # gazetteer lacks and that is placed at the region around it
    populated: bool = False


LEADING_FUNCTION_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "of", "to", "for", "by", "with"})
ARABIC_LINK = re.compile(r"^(?:(?:al|el|ad|an|ar|as|ash|at|az|ez|ed|es)-|(?:al|el|bin|ibn)$)", re.I)
DESCRIPTOR_BEFORE = re.compile(
    r"\b(?:city|town|village|capital|province|governorate|district|oblast|neighbou?rhood|camp|"
    r"port|island|hamlet|settlement|suburb)(?:\s+of)?,?\s+$",
    re.I,
)
# "the town of X", "X village": the text calls the place a populated one, not a district
POPULATED_BEFORE = re.compile(r"\b(?:city|town|village|hamlet|port\s+town|port\s+city)(?:\s+of)?,?\s+$", re.I)
# not "the north Sinai town of El-Arish": the town there is the name after
POPULATED_AFTER = re.compile(r"^\s+(?:city|town|village)\b(?!\s+of\b)", re.I)
DIRECTION = r"(?:(?:(?:north|south|east|west)(?:ern|east|west|eastern|western)?|central|rural)\s+)?"
POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+$")


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """Data cues (``geo_cues.tsv``) as one regex per kind, anchored at the name's start."""
    by_kind: dict[str, list[str]] = {}
    for r in read_tsv("geo_cues.tsv"):
        by_kind.setdefault(r["kind"], []).append(re.escape(r["cue"]).replace("\\ ", r"\s+"))
    after = by_kind.pop("after", [])
    event = by_kind.pop("event", [])
    actor = by_kind.pop("actor", [])
    water = by_kind.pop("water", [])
    meeting = by_kind.pop("meeting", [])
    owner = by_kind.pop("owner", [])
    types = by_kind.pop("type", [])
    for kind in ("org", "org_head", "title", "facility"):  # word lists, not context patterns (org_words ...)
        by_kind.pop(kind, None)
    org_of = [w.capitalize() for w in by_kind.pop("org_of", [])]
    patterns = {
        "after": re.compile(rf"^['’]?s?\s+(?:{'|'.join(after)})\b", re.I),
        "type": re.compile(rf"\s(?:{'|'.join(types)})$", re.I),
        # "a Kabul car bombing": one lower-case word may stand between the place and the event
        "event": re.compile(rf"^['’]?s?\s+(?-i:[a-z]+[\s-]+)?(?:{'|'.join(event)})\b", re.I),
        "actor": re.compile(rf"^(?:-|\s+)(?:{'|'.join(actor)})\b", re.I),
        # "Herat's military and civilian airport": an adjective of a noun to come is no owner's
        "owner": re.compile(rf"^['’]s?\s+(?:{'|'.join(owner)})\b(?!\s+(?:and|or)\b)", re.I),
        "water": re.compile(rf"^\s+(?:{'|'.join(water)})\b", re.I),
        # "Minsk peace summit", "Astana-format talks", "Minsk II agreements"
        "meeting": re.compile(
            rf"^(?:[\s-]+(?:peace|ceasefire|truce|security|trilateral|format|ii|2))*[\s-]+(?:{'|'.join(meeting)})\b",
            re.I,
        ),
        # capitalised: "the Islamic State of Iraq" is a name, "the state of Borno" a place
        "org_of": re.compile(rf"\b(?:{'|'.join(org_of)})\s+(?:of|in|for)\s+(?:the\s+)?$"),
    }
    return patterns | {
        kind: re.compile(
            rf"\b(?:{'|'.join(sorted(cues, key=len, reverse=True))})\s+(?:the\s+)?{DIRECTION}$", re.I
        )
        for kind, cues in by_kind.items()
    }


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_tsv("geo_cues.tsv") if r["kind"] == "title")


@lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_tsv("geo_cues.tsv") if r["kind"] == "facility")


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_tsv("geo_cues.tsv") if r["kind"] == "org")


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(r["cue"] for r in read_tsv("geo_cues.tsv") if r["kind"] == "org_head")


def after_org_head(text: str, start: int) -> bool:
    """The name right after a word that opens an armed group's name ("Jaysh Hama", "Liwa
    al-Quds"): part of the group's name, whatever label the parser gives it."""
    m = re.search(r"([\w'’]+)[\s-]+$", text[max(0, start - 20) : start])
    return m is not None and norm(m.group(1)) in org_heads()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("geo_stopwords.tsv"))


@lru_cache(maxsize=1)
def curated_names() -> frozenset[str]:
    names = {norm(r[col]) for r in read_tsv("geo_aliases.tsv") for col in ("alias", "canonical")}
    for r in read_tsv("geo_toponyms.tsv"):
        names.update(norm(n) for n in r["names"].split("|"))
    for r in read_tsv("geo_features.tsv"):
        names.update(norm(n) for n in r["names"].split("|"))
    return frozenset(names)


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    out = set()
    for r in read_tsv("actors_countries.tsv"):
        out.update(norm(d) for d in r["demonyms"].split("|") if d)
    return frozenset(out)


@lru_cache(maxsize=1)
def identities() -> frozenset[str]:
    """Ethnic and religious identities ("Kurdish", "Fulani"): "the Kurdish town of X" names X."""
    return frozenset(norm(n) for r in read_tsv("actors_ethnic.tsv") for n in r["names"].split("|") if n)


STRONG_CUE = re.compile(
    r"\b(?:in|at|near|outside|(?:towns?|villages?|city|cities|suburbs?|districts?|outskirts|"
    r"settlements?|neighbou?rhoods?|province|region|county|communes?|locality|areas?|hamlets?|"
    r"camps?)(?:\s+of)?|(?:perimeter|part|parts|edge|vicinity|heart|centre|center|side|"
    r"entrance|gates?)\s+of|en route to)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def inside_longer_name(words: list, i: int, j: int, mention: PlaceMention) -> bool:
    """The match is only part of a longer capitalised name that is not itself a place."""
    if i > 0 and norm(words[i - 1].group(0)) in org_heads():
        return True  # "Jaysh Hama": an armed group, even when the parser calls Hama a place
    if mention.candidates and all(c.fuzzy for c in mention.candidates) and part_of_longer(words, i, j):
        return True  # "Agence" of "Agence France-Presse": a near-spelling inside a longer name
    if i > 0 and part_of_longer(words, i, j) and all(_type_word(w.group(0)) for w in words[i:j]):
        return True  # "Mall" of "the Gush Etzion Mall": a building's type word is no town's name
    if mention.ner in PLACE_LABELS or mention.region_word or any(c.is_country for c in mention.candidates):
        return False
    if norm(mention.text) in curated_names():
        return False
    return part_of_longer(words, i, j)


def part_of_longer(words: list, i: int, j: int) -> bool:
    """Words ``i:j`` of a capitalised sequence are only part of its name: a name word (not a
    type word, an admin word or a possessive) stands right before or after them."""
    stop = stopwords()

    def name_word(w: str) -> bool:
        if re.search(r"['’]s$", w):
            return False  # "Syria's al-Bab": a possessive ends the name before it
        k = norm(w)
        if not k or not w[0].isupper() or k in stop or ADMIN_AFTER.match(" " + w):
            return False
        return not cue_patterns()["type"].search(" " + w)  # "Al-Mayadin Desert" is still Al-Mayadin

    def org_word(w: str) -> bool:
        # "Border Security Force", "Kabul Police": the place name begins an organisation's
        k = norm(w)
        return bool(k) and w[0].isupper() and k in org_words()

    before = i > 0 and name_word(words[i - 1].group(0)) and not ARABIC_LINK.match(words[i - 1].group(0))
    after = j < len(words) and (name_word(words[j].group(0)) or org_word(words[j].group(0)))
    return bool(before or after)


def _type_word(word: str) -> bool:
    return norm(word) in facility_words() or bool(cue_patterns()["type"].search(" " + word))


# what a name must be in the actor vocabularies to be no place: armed groups, organisations, people
_ACTOR_KINDS = frozenset({"group", "org", "person"})


def actor_name(text: str, start: int, end: int) -> str | None:
    """Whether the words at ``start:end`` are a known actor's name ("whole": "Hamas", "Vladimir
    Putin") or part of one ("part": "Hurras" of "Hurras al-Din"), after ``eventwire.actors.vocab``;
    None when they are neither."""
    vocab = vocabulary()
    lo = max(0, start - 60)
    # a sentence's full stop is no part of its last word ("ascribed to the Taliban.")
    toks = []
    for s, e, w in spans(text[lo : end + 60]):
        stop = w.endswith(".") and w.count(".") == 1
        toks.append((s + lo, e + lo - stop, w[:-1] if stop else w))
    if lo and toks and toks[0][0] == lo:
        toks = toks[1:]  # a word the window cut
    inside = [k for k, t in enumerate(toks) if t[0] >= start and t[1] <= end]
    if not inside:
        return None
    a0, b0 = inside[0], inside[-1] + 1
    found = None
    for a in range(max(0, b0 - vocab.longest), a0 + 1):
        for b in range(b0, min(len(toks), a + vocab.longest) + 1):
            entry = vocab.lookup([t[2] for t in toks[a:b]])
            if entry is not None and entry.kind in _ACTOR_KINDS:
                if (a, b) != (a0, b0):
                    return "part"
                found = "whole"
    return found


SOURCE_AFTER = re.compile(r"^\s+(?:reported|reports|said|says|quoted|cited|told)\b")


def unknown_place(text: str, start: int, seq: str, listed: bool = False) -> PlaceMention | None:
    """A capitalised name the gazetteer lacks, put in the text as a place ("in Maidema",
    "Bemal village", "Handarat Refugee Camp"); ``listed``: it follows a placed name in a list."""
    words = seq.split()
    stop = stopwords()
    if words and norm(words[0]) in titles():
        return None  # "Col. Sarchal Abdul-Karim"
    while words and norm(words[0]) in stop:  # "The", "In"
        start += len(words[0]) + 1
        words = words[1:]
    surface = re.sub(r"['’]s$", "", " ".join(words)).rstrip(".")
    key = norm(surface)
    if not key or all(w in stop for w in key.split()) or key in demonyms() or len(key) < 3:
        return None
    if " " not in surface and norm(surface.split("-")[-1]) in identities():
        return None  # "mostly-Kurdish town of Khanaqin": the town is Khanaqin
    if any(w in titles() for w in key.split()[:-1]) and not _type_word(words[-1]):
        return None  # "NATO Secretary General Mark Rutte": a title inside says it is a person
    first = key.split()[0]
    if cue_patterns()["meeting"].fullmatch(" " + words[0]):
        return None  # "the Summit of Nordic Allies": a meeting's name
    if first in org_heads():
        return None  # "Hayyaat Tahrir al-Sham": an armed group
    if first in demonyms() or first in identities() or any(w in org_words() for w in key.split()):
        return None  # "Syrian Arab Army", "Al-Nusra Front": organisations
    if re.search(r"-(?:controlled|held|led|backed|based|run)$", surface):
        return None
    if SOURCE_AFTER.match(text[start + len(surface) : start + len(surface) + 20]):
        return None  # "..., Agence France-Presse reported": who reported it, not where
    if re.match(r",\s*\d{1,3}\s*,", text[start + len(surface) : start + len(surface) + 8]):
        return None  # "Khaled Radaida, 55,": a person and his age
    if text[start : start + len(surface)] != surface:
        return None
    before = text[max(0, start - 40) : start]
    after = text[start + len(surface) : start + len(surface) + 20]
    typed = bool(cue_patterns()["type"].search(surface)) and len(words) > 1  # "Handarat Refugee Camp"
    typed = typed or bool(ADMIN_AFTER.match(after))  # "Bemal village"
    if not (listed or typed or STRONG_CUE.search(before) or NEAR_BEFORE.search(before)):
        return None
    near = bool(NEAR_BEFORE.search(text[max(0, start - 40) : start]))
    populated = bool(POPULATED_BEFORE.search(before) or POPULATED_AFTER.match(after))
    return PlaceMention(start, start + len(surface), surface, (), True, near,
                        bool(REGION_AFTER.match(after)), "CUE", populated=populated)  # fmt: skip


WATER_FEATURES = frozenset({"SEA", "GULF", "STRT", "LK", "BAY", "STM", "OCN", "CNL", "LGN"})


def water_body(surface: str, after: str = "") -> bool:
    """A river's or sea's name ("the Dnipro River", "Euphrates river"): the name, or the name with
    the word after it, names water; never a village or a town, even one of the same name."""
    water = cue_patterns()["water"]
    last = surface.rsplit(" ", 1)
    return bool(water.match(after)) or (len(last) == 2 and bool(water.match(" " + last[1])))


def coordinated(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A place joined to a placed one by "and"/"or"/a comma shares its placement ("in Iran
    and Iraq", "the towns of Anadan, Huraytan and Kafar Hamra")."""
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.locative or prev.near)
            and not m.locative
            and re.fullmatch(r",?\s*(?:and|or|,)?\s*(?:the\s+)?", text[prev.end : m.start])
        ):
            m = replace(m, locative=prev.locative, near=prev.near)
        out.append(m)
    return out


def trim_name(span: str) -> str:
    """A name without trailing punctuation or possessive; abbreviations keep their dots."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}", span):
        return span  # "U.S.", "U.K."
    return re.sub(r"['’]s$", "", span.rstrip(".,;:'’"))


@lru_cache(maxsize=4096)
def is_shouting(text: str) -> bool:
    """Mostly capital letters (wire headlines): capitalisation says nothing about names."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def is_acronym(surface: str, text: str) -> bool:
    """An all-capitals short word in mixed-case text ("SDF", "UN"), i.e. an abbreviation."""
    return not is_shouting(text) and surface.isupper() and len(surface.replace(".", "")) <= 5


def stands_alone(text: str, start: int, end: int) -> bool:
    """The name is all its line or list item says ("Debaltseve", "Bria, ..."): a place label."""
    before = text[:start].rsplit(";", 1)[-1].rsplit("\n", 1)[-1]
    after = text[end:].split(";", 1)[0].split("\n", 1)[0]
    heading = before.rstrip().endswith(":") and len(before) < 40  # "RCA : Bria, ..."
    return (heading or not before.strip(" -:–—")) and (
        not after.strip(" .") or after.lstrip().startswith(",")
    )


def country_of(mention: PlaceMention) -> Place | None:
    """The country a mention names, if it names one ("Georgia" the country, not the state)."""
    if names_a_region(mention.text, mention.candidates):
        return None
    return next((c for c in mention.candidates if c.is_country), None)


def names_a_region(surface: str, cands: tuple[Place, ...]) -> bool:
    """ "West Bank", "Darfur": the name of a region of eventwire's feature data, exactly as
    written, though the actor data also lets it stand for its country (Palestine, Sudan)."""
    key = norm(surface)
    return any(c.feature == "RGN" and c.id < 0 and not c.fuzzy and norm(c.name) == key for c in cands)


COUNTRYSIDE_AFTER = re.compile(r"^['’]?s?\s+(?:\w+ern\s+)?(?:countryside|outskirts|suburbs|vicinity)\b", re.I)
TOWN_AFTER = re.compile(r"^\s+(?:city|town|village)\b", re.I)
TOWN_BEFORE = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", re.I)


def reference_rank(text: str, m: PlaceMention) -> int:
    """How a text names a place: 0 as a town ("Daraa city"), 1 plainly, 2 as a reference
    point or a town's countryside ("north of Homs", "Idlib countryside")."""
    if TOWN_AFTER.match(text[m.end : m.end + 12]) or TOWN_BEFORE.search(text[max(0, m.start - 20) : m.start]):
        return 0
    if m.near or COUNTRYSIDE_AFTER.match(text[m.end : m.end + 30]):
        return 2
    return 1


POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE_SPLIT = re.compile(r"(?<=['’]s)\s+(?=\S)")


class _Seq:
    """A capitalised word sequence (a ``re.Match`` look-alike: ``start()``, ``group(0)``)."""

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def group(self, _: int = 0) -> str:
        return self._text


def sequences(text: str):
    """Capitalised word sequences, split after a possessive: "Miami's Little Havana" names
    two places, each looked up (and, if unknown, placed) on its own."""
    for m in NAME_SEQ.finditer(text):
        seq, base = m.group(0), m.start()
        if "'s " not in seq and "’s " not in seq:
            yield m
            continue
        pos = 0
        for piece in _POSSESSIVE_SPLIT.split(seq):
            at = seq.index(piece, pos)
            pos = at + len(piece)
            yield _Seq(base + at, piece)


# "Mayadin, Deir Ezzor governorate": a town written with its region, as an address
# ACLED's bracket of the divisions that hold a place: "Boni (Hombori, Douentza, Mopti)" — two or
# more capitalised names, comma-separated
ADMIN_BRACKET = re.compile(r"^\s*\((?:[A-Z][\w'’ .-]{1,40},\s*)+[A-Z][\w'’ .-]{1,40}\)")
ADDRESS_AFTER = re.compile(
    r"^,\s*(?:[^\x00-\x7F]+\s*)*(?:[A-Z][\w'’-]*\s+){1,3}(?:governorate|province|oblast|region|"
    r"district|state|county|prefecture)\b",
    re.I,
)
