"""Casualties: people killed, injured, missing and detained, and materiel lost, in one clause.

Reads counts in the shapes news uses: "killed 21 soldiers", "21 people were killed", "leaving
three dead", "the death toll rose to 40", "claimed the lives of 12", "a soldier was killed",
"no one was killed". The casualty words are data (data/casualty_terms.tsv, and which nouns are
people, things or materiel: data/casualty_nouns.tsv), the number words too
(data/number_words.tsv). Qualifiers follow UCDP's best/low/high convention and, where a figure must
be chosen, the conservative one (as UCDP and ACLED do):

- "at least 20" → best 20, low 20, high open;   "more than 50"/"over 50" → best 50, low 50
- "up to 30"/"as many as 30" → best 30, high 30; "nearly/almost 50" → best 50, high 50
- "about/around/some 40" → best 40, low and high open
- "between 10 and 15" / "10 to 15" / "10-15" → best 10, low 10, high 15
- vague words ("dozens" → best 12, low 12, high 99) come from data/number_words.tsv
- a toll that "rose to" N is the newest figure and wins over the others
- "killed 3 soldiers and 2 civilians" → 5; "killing 5, including 3 children" → 5 (the total)
- silence gives None, never 0; "no one was killed" / "no casualties" give best 0.

Attackers: deaths the text gives for the victims are ``killed``; attackers who kill themselves
("two suicide bombers blew themselves up") are not in it, because the text rarely says whether its
toll includes them. ``attacker_deaths`` reads them separately; UCDP's best counts both, so a UCDP
export adds the two.

Example:
    >>> extract_casualties("Gunmen killed at least 12 villagers and wounded 5.").killed.best
    12
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.model import Casualties, Count
from eventwire.numbers import number_pattern, parse_number
from eventwire.resources import read_tsv

KINDS = ("killed", "injured", "missing", "arrested")
# pattern forms whose term comes before the count; "people" is an active term that needs people named
ACTIVE = ("active", "people")
QUAL = (
    r"(?:(?P<qual>a\s+total\s+of|at\s+least|at\s+most|more\s+than|over|nearly|almost|about|"
    r"around|some|roughly|approximately|an\s+estimated|estimated|up\s+to|as\s+many\s+as|"
    r"fewer\s+than|less\s+than|no\s+fewer\s+than|no\s+less\s+than|another|a\s+further)\s+)?"
)
# Words that may follow a participle used passively without an auxiliary ("5 killed in Homs").
AFTER_PASSIVE = re.compile(
    r"\s*(?:[,.;:!?)\"'’—–]|-\s|$|(?:in|on|at|near|by|during|after|before|when|while|as|and|or|"
    r"but|since|following|amid|with|from|across|overnight|yesterday|today|last|this|early|late|"
    r"including|inside|outside|around|within|so|the\s+same|there|here|too|also|again|earlier|"
    r"over|under|between|among|for|to|into|of|despite|as|amid|along|throughout|per)\b)",
    re.I,
)
CONJ_BLOCK = r"(?:but|while|as|after|when|who|which|that|including|by)"
# "30 killed and injured": one figure for two kinds, so it is not a count of either
COMBINED = re.compile(r"\s*(?:and|or|&|/)\s*(?:injur|wound|hurt|kill|dead|died)", re.I)
# Explicit reports of no deaths where no count word is used.
NONE_KILLED = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:casualties|loss\s+of\s+life)\b|"
    r"\bno(?:body|\s+one)\s+(?:was|were|has\s+been)\s+(?:hurt|harmed|injured|wounded)\b",
    re.I,
)
# An attacker's own death, kept apart from the victims' toll.
ATTACKER = re.compile(
    r"(?P<num>NUM|a|an)\s+(?:[\w-]+\s+){0,2}?(?:suicide\s+)?(?:bombers?|attackers?|assailants?|"
    r"gunm[ae]n)\s+(?:[\w-]+\s+){0,2}?(?:blew|blowing|detonated|detonating)\s+"
    r"(?:himself|herself|themselves|(?:his|her|their)\s+(?:explosives?|vests?|belts?))",
    re.I,
)
# A bare "the toll" in conflict news is the death toll ("the toll from the bombing rose to nine"),
# unless it counts the wounded (blanked out before matching, hence the run of spaces).
_TOLL_HEAD = (
    r"(?:(?:death|casualty|civilian|fatality)\s+|\bthe\s+)tolls?\s+"
    r"(?!of\s+(?:the\s+)?(?:injured|wounded|\s\s))"
)
TOLL = re.compile(
    _TOLL_HEAD + r"(?:[\w'’-]+\s+){0,6}?"
    r"(?:(?:has|had|have)\s+)?(?:rose|risen|rises|rising|climbed|climbs|jumped|reached|reaches|"
    r"stands|stood|is|was|hit|hits|increased|soared|mounted)?\s*(?:at\s+|to\s+)?" + QUAL + r"(?P<num>NUM)",
    re.I,
)
# "The death toll from a suicide bombing at a police station in the city of Bannu rose to 17": a
# long "from/in/of" phrase between toll and figure, so the verb is required here.
TOLL_LONG = re.compile(
    _TOLL_HEAD + r"(?:from|in|of)\s+(?:[\w'’-]+,?\s+){1,20}?"
    r"(?:(?:has|had|have)\s+)?(?:rose|risen|rises|climbed|climbs|jumped|reached|reaches|increased|soared|"
    r"mounted|stands|stood)\s+(?:at\s+|to\s+)?" + QUAL + r"(?P<num>NUM)",
    re.I,
)
MATERIEL = re.compile(
    r"\b(?:destroy(?:ed|ing|s)?|seiz(?:ed|ing|es)|captur(?:ed|ing|es)|down(?:ed|ing)|shot\s+down|"
    r"shooting\s+down|damag(?:ed|ing|es)|disabl(?:ed|ing|es)|neutrali[sz](?:ed|ing)|torch(?:ed|ing)|"
    r"burn(?:ed|t|ing)|set\s+fire\s+to|setting\s+fire\s+to)\s+"
    r"(?P<items>ITEM(?:,?\s+and\s+ITEM)*)"
    r"(?=[.,;:]|\s+(?:in|near|on|at|during|after|as|and|belonging|used|from|of|which|that)\b|$)",
    re.I,
)


@dataclass(frozen=True)
class _Found:
    """One count read in the text: where it starts and ends, and its value."""

    start: int
    end: int
    count: Count


@lru_cache(maxsize=1)
def _terms() -> dict[tuple[str, str, bool], str]:
    """Alternations of casualty terms keyed by (kind, form, transitive)."""
    groups: dict[tuple[str, str, bool], list[str]] = {}
    for row in read_tsv("casualty_terms.tsv"):
        # verbs that take equipment as readily as people ("eliminated 2 tanks") form their own group
        form = "people" if row.get("object") == "people" else row["form"]
        key = (row["kind"], form, row["transitive"] == "yes")
        groups.setdefault(key, []).append(row["pattern"])
    return {k: "|".join(sorted(v, key=len, reverse=True)) for k, v in groups.items()}


@lru_cache(maxsize=4)
def _nouns(cls: str) -> str:
    """Alternation of one class (people | person | thing | materiel) of casualty_nouns.tsv."""
    return "|".join(r["pattern"] for r in read_tsv("casualty_nouns.tsv") if r["class"] == cls)


@lru_cache(maxsize=1)
def _not_people() -> re.Pattern[str]:
    """A number followed by one of these is not a count of people ("six hours", "40 rockets")."""
    return re.compile(rf"\s*(?:-|\s)?(?:{_nouns('thing')}|per\s+cent|-year|million\s+dollars)\b", re.I)


def _is_thing(word: str) -> bool:
    return _not_people().fullmatch(word.strip(",.;:()\"'’")) is not None


def names_one_person(word: str) -> bool:
    """The word names one person ("minister", "soldier"), per casualty_nouns.tsv's person class."""
    w = word.strip(",.;:()\"'’")
    return re.fullmatch(f"(?:{_nouns('person')})", w, re.I) is not None


def _is_people(word: str) -> bool:
    w = word.strip(",.;:()\"'’")
    return re.fullmatch(f"(?:{_nouns('people')}|{_nouns('person')})", w, re.I) is not None


@lru_cache(maxsize=1)
def _any_term() -> str:
    return "|".join(f"(?:{v})" for v in _terms().values())


@lru_cache(maxsize=1)
def _count_expr() -> str:
    num = number_pattern()
    rng = rf"(?:\s*(?:-|–|to|or)\s*(?P<num2>{num}))?"
    between = rf"between\s+(?P<bnum>{num})\s+and\s+(?P<bnum2>{num})"
    # "no" counts zero only before people ("no civilians were hurt"); a bare article counts one
    # only before a noun ("killed a soldier", not "killed a number of")
    people = f"(?:{_nouns('people')}|one|deaths|fatalities|injuries)"
    zero = rf"(?P<zero>no(?:body|\s+one|ne)\b|no(?=\s+(?:[\w-]+\s+)?{people}\b))"
    # "an unknown number of militants" counts nobody
    article = (
        r"(?P<art>\b(?:a|an)\b(?=\s+(?!total\b|number\b|series\b|few\b|lot\b"
        r"|unknown\b|undetermined\b|unspecified\b|undisclosed\b)\w))"
    )
    # one named person: "the commander was killed", "killed his wife", and in a headline's
    # first words without article "Serviceman killed in shelling"
    person = f"(?:{_nouns('person')})"
    one = (
        rf"(?P<one>\b(?:the|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,2}}?{person}\b"
        rf"|(?:^|(?<=[:;]\s))(?:[A-Z][\w'’-]*\s+){{0,2}}?{person}\b)"
    )
    return rf"(?:{between}|{zero}|{one}|{QUAL}(?:(?P<num>{num}){rng}|{article}))"


@lru_cache(maxsize=1)
def _active_count_expr() -> str:
    """What an active verb's count may also be: one named person, by a name of two to four
    capitalised words ("shot dead Ahmed Yusuf") or titled ("killed Hezbollah commander Fuad
    Shukr"). A name before a people noun is a group ("killed Boko Haram fighters"), and only an
    active verb's object is read so: before "were killed" a name is as often the source."""
    name = r"[A-Z][\w'’.-]*[\w]"
    titled = rf"(?:{name}\s+){{1,3}}(?:{_nouns('person')})\b"
    named = rf"(?:{name}\s+){{1,3}}{name}\b(?!\s+(?:[A-Z]|(?:{_nouns('people')}|{_nouns('person')})\b))"
    # a headline drops the article: "Rocket attack kills soldier, wounds three"
    bare = rf"(?:{_nouns('person')})\b(?!['’-])(?={AFTER_PASSIVE.pattern})"
    # "raped a woman before killing her": a pronoun alone as the object is one person; "her"
    # before a noun is a possessive ("killing her 2 children"), counted elsewhere
    pron = r"\b(?:him|her)\b(?=\s*(?:[.,;)]|$|\s+(?:and|in|on|at|near|during|after|before|with|as)\b))"
    return rf"(?:{_count_expr()}|(?P<named>{titled}|{named})|(?P<bare>{bare})|(?P<pron>{pron}))"


_FILLER = 10  # words between a count and its passive verb ("were killed")
_SHORT_FILLER = 5  # ... and between a count and a bare participle ("5 soldiers of the unit killed")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Per kind: (pattern, form) where form is active | passive | participle."""
    terms = _terms()
    count = _count_expr()
    # up to _FILLER words ("5 members of the regime forces and militiamen loyal to them were
    # killed") and an aside between
    # commas ("five people, including two children, were killed"), but no new clause
    # "and" may join nouns ("fighters and members ... were killed") but not a new count or verb
    # a filler word is never a number: "the leader said 5 were killed" is a count of 5
    word = (
        rf"(?!{CONJ_BLOCK}\b|(?:and|or)\s+(?:\d|(?:{_any_term()})\b)|(?:{_any_term()})\b"
        rf"|(?:\d[\d,.]*|{number_pattern()})(?![\w-]))"
        r"[\w'’#-]+"
    )
    among = r"(?:including|among\s+them|mostly|most\s+of\s+them|all|many)\b"
    aside = (
        rf"(?:,\s*{among}[^,.;]{{0,80}},\s*|\s*[-–—(]\s*{among}[^-–—()]{{0,80}}[-–—)]\s*"
        rf"|\s+{among}\s+(?:[\w'’-]+\s+){{1,4}}?)"
    )
    filler = rf"(?:(?:{word}\s+){{0,{_FILLER}}}?|(?:{word}\s+){{0,{_FILLER - 1}}}?{word}{aside})"
    aux = r"(?P<aux>(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|been|got|get)\s+)?"
    out: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for kind in KINDS:
        pats = []
        if (kind, "active", False) in terms:
            verb = terms[(kind, "active", False)]
            pats.append((re.compile(rf"\b(?:{verb})\s+{count}", re.I), "active"))
            # "killing her 2 children": a possessive before the count
            possessive = r"(?:his|her|their)\s+(?=(?:at\s+least\s+)?\d)"
            pats.append((re.compile(rf"\b(?:{verb})\s+{possessive}{count}", re.I), "active"))
            if kind == "killed":  # case matters in a name: the verb's case does not
                pats.append((re.compile(rf"\b(?i:{verb})\s+{_active_count_expr()}"), "active"))
                # "tortured a detainee to death", "stoned two women to death": the count sits
                # between the verb and "to death"
                harm = r"(?:beat|tortured|stoned|hacked|stabbed|clubbed|bludgeoned|kicked|whipped|burn[te]d?)"
                to_death = r"(?=(?:\s+[\w'’-]+){0,3}?\s+to\s+death\b)"
                pats.append((re.compile(rf"\b{harm}\s+{count}{to_death}", re.I), "active"))
                # "lynched and burned 13 men": a second verb shares the killing verb's count,
                # unless it is a count of its own kind ("killed and wounded 13")
                others = "|".join(v for (k, f, _t), v in terms.items() if k != kind and f == "active")
                pats.append(
                    (
                        re.compile(rf"\b(?:{verb})\s+and\s+(?!(?:{others})\b)[a-z]+ed\s+{count}", re.I),
                        "active",
                    )
                )
        if (kind, "people", False) in terms:
            verb = terms[(kind, "people", False)]
            pats.append((re.compile(rf"\b(?:{verb})\s+{count}", re.I), "people"))
        if (kind, "passive", False) in terms:
            word = terms[(kind, "passive", False)]
            pats.append(
                (re.compile(rf"\b{count}\s+{filler}{aux}(?:reported\s+)?(?P<term>{word})\b", re.I), "passive")
            )
        if (kind, "passive", True) in terms:
            word = terms[(kind, "passive", True)]
            pats.append(
                (
                    re.compile(rf"\b{count}\s+{filler}{aux}(?:reportedly\s+)?(?P<term>{word})\b", re.I),
                    "participle",
                )
            )
        out[kind] = pats
    return out


def _value(m: re.Match[str]) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of a count match, qualifiers applied; None when it is not a count."""
    g = m.groupdict()
    if g.get("zero"):
        return 0, 0, 0
    if g.get("art") or g.get("one") or g.get("named") or g.get("bare") or g.get("pron"):
        return 1, 1, 1
    if g.get("bnum"):
        a, b = parse_number(g["bnum"]), parse_number(g["bnum2"])
        if not a or not b or b[0] <= a[0]:
            return None
        return a[0], a[0], b[0]
    parsed = parse_number(g["num"])
    if parsed is None:
        return None
    best, low, high = parsed
    if g.get("num2"):
        upper = parse_number(g["num2"])
        if upper is None or upper[0] <= best:
            return None  # "twenty-one" or "3-2" is not a range
        return best, best, upper[0]
    qual = " ".join((g.get("qual") or "").lower().split())
    if qual in ("at least", "more than", "over", "no fewer than", "no less than"):
        low, high = best, None
    elif qual in ("up to", "as many as", "at most", "fewer than", "less than", "nearly", "almost"):
        low, high = None, best
    elif qual in ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated"):
        low, high = None, None
    return best, low, high


def _object_is_people(after: str) -> bool:
    """Whether the words after an active count name people. The noun phrase runs up to five
    words (a preposition, punctuation or an -ing word ends it); its head, the last word, decides
    ("a village chief", "a bomb maker" are people; "a US MQ-9 Reaper drone" is a thing), else its
    first word does ("3 hours later")."""
    phrase: list[str] = []
    words = after.split()
    if words[:1] == ["of"]:  # "dozens of soldiers": the counted noun follows "of"
        words = words[1:]
    for word in words[:5]:
        w = word.strip(",.;:()\"'’").lower()
        if w in _PHRASE_ENDS or w.endswith("ing"):  # "shot down a helicopter carrying troops"
            break
        phrase.append(w)
        if word[-1:] in ",.;:":
            break
    if not phrase:
        return True
    if _is_people(phrase[-1]):
        return True
    if _is_thing(phrase[-1]):
        return False
    return not _is_thing(phrase[0])  # "killed 3 hours later": the count's own noun is a thing


_PHRASE_ENDS = frozenset(
    {"in", "on", "at", "near", "and", "or", "by", "during", "after", "as", "when", "off", "from", "with"}
    | {"into", "inside", "outside", "across", "around", "who", "which", "that", "while", "last", "this"}
    | {"yesterday", "today", "overnight", "early", "late", "earlier"}
    # "shot down 23 drones over the capital": a place phrase ends the noun phrase too
    | {"over", "above", "along", "through", "towards", "toward", "between", "behind", "under"}
)


def _names_people(after: str) -> bool:
    """Whether a people noun comes within the three words after a count ("40 Ukrainian soldiers")."""
    return any(_is_people(w) for w in after.split()[:3])


_GROUP_NAME = re.compile(
    r"\b(?:Forces|Army|Brigades?|Front|Group|Movement|Party|Council|Guards?|Corps|Police|Militias?|Units?"
    r"|Battalions?|Regiment|State|Organi[sz]ation|Alliance|Coalition|Committee)$"
)


def _plausible(m: re.Match[str], text: str, form: str) -> bool:
    """Reject numbers that are not people and participles that are active verbs."""
    g = m.groupdict()
    end_num = m.end("num2") if g.get("num2") else m.end("num") if g.get("num") else None
    if end_num is not None:
        after = text[end_num:]
        if _not_people().match(after):
            return False
        before = text[max(0, m.start("num") - 12) : m.start("num")]
        if re.search(r"(?:resolution|article|no\.|number|route|highway|road|\bm|\bd)\s*$", before, re.I):
            return False
        if re.fullmatch(r"(?:1[89]|20)\d\d", g["num"]) and not g.get("qual"):
            return False  # a year ("in 2019, 30 people ...") is never a count
    if g.get("named") and _GROUP_NAME.search(g["named"]):
        return False  # "killed Syrian Democratic Forces" names a force, not a person
    if form == "people" and not _names_people(text[m.end() :]):
        return False  # "eliminated 2 BMPs": these verbs count people only when people are named
    if form not in ACTIVE and COMBINED.match(text, m.end()):
        return False
    if form in ACTIVE and re.search(
        r"(?:kill|injur|wound|hurt)\w*\s*(?:and|or|&|/)\s*$", text[max(0, m.start() - 30) : m.start()], re.I
    ):
        return False  # "kill and injure 13": one figure for two kinds
    if form in ACTIVE and not g.get("named") and not _object_is_people(text[m.end() :]):
        return False  # "shot down a helicopter", "killed 3 hours later"
    if form not in ACTIVE and form != "toll":  # a toll's words name its event ("toll from the car bomb")
        # "an Israeli drone was shot down": a thing, not a person, between count and term
        if g.get("num") and g.get("term"):
            between = text[m.end("num") : m.start("term")].split()  # not the term's own words
        elif g.get("term"):  # "a man was shot dead": the term's own "shot" is no thing hit
            between = text[m.start() : m.start("term")].split()[1:]
        else:
            between = text[m.start() : m.end()].split()[1:-1]
        if any(_is_thing(w) for w in between):
            return False
    if form in ("passive", "participle") and re.search(
        r"\b(?:the|those|of)\s+$", text[m.start() : m.start("term")], re.I
    ):
        return False  # "a speedy recovery to the injured": "the injured" is a noun
    # without "were" only a short phrase may stand between count and verb: "two armed groups in
    # the Libyan capital killed at least 31" is a subject, not a count of the dead
    bare = form in ("passive", "participle") and not g.get("aux") and g.get("term")
    if bare and len(text[m.start() : m.start("term")].split()) > _SHORT_FILLER + 1:
        return False
    if form == "participle" and not g.get("aux"):
        return AFTER_PASSIVE.match(text, m.end()) is not None
    return True


_Toll = tuple[int, int, int | None]  # (best, low, high)


def _plus(total: _Toll, parsed: _Toll) -> _Toll:
    """Two counts added as (best, low, high); an open-ended high ("more than") stays open."""
    high = None if total[2] is None or parsed[2] is None else total[2] + parsed[2]
    return total[0] + parsed[0], total[1] + parsed[1], high


def _more(text: str, pos: int, kind: str) -> tuple[int, int, int | None, int]:
    """Counts joined to the one ending at ``pos`` by "and"/",": "killed 3 soldiers and 2 civilians"."""
    num = number_pattern()
    item = re.compile(
        rf"(?:\s+[\w'’-]+){{0,3}}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their|its)\s+)?(?P<n>{num})"
        rf"(?P<noun>(?:\s+[\w'’-]+){{0,2}}?\s+[\w'’-]+)?\b",
        re.I,
    )
    add_best, add_low, add_high, end = 0, 0, 0, pos
    while True:
        m = item.match(text, end)
        if not m:
            break
        noun = (m.group("noun") or "").split()
        if noun and (noun[0].lower() == "of" or _is_thing(noun[0])):
            break  # "killed twenty people, one of the deadliest": not a count
        rest = text[m.end() :]
        other = "|".join(v for (k, _f, _t), v in _terms().items() if k != kind)
        if re.match(rf"\s+(?:of\s+(?:them|whom)|(?:were|was|are|have\s+been)?\s*(?:{other}))", rest, re.I):
            break  # "killed 3 and 5 were wounded": the second count is another kind
        parsed = parse_number(m.group("n"))
        if parsed is None:
            break
        add_best, add_low, add_high = _plus((add_best, add_low, add_high), parsed)
        end = m.end()
    return add_best, add_low, add_high, end


_DATE_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{4})\b",
    re.I,
)


def _before(text: str, pos: int) -> tuple[int, int, int | None, int]:
    """Counts joined before a passive one: "3 soldiers and 2 civilians were killed" → +3."""
    num = number_pattern()
    item = re.compile(
        rf"(?:^|(?<=\s))(?P<n>{num}|an?)(?P<noun>(?:\s+[\w'’-]+){{1,3}}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)$",
        re.I,
    )
    add_best, add_low, add_high, start = 0, 0, 0, pos
    while True:
        m = item.search(text[:start])
        if not m or any(_is_thing(w) for w in m.group("noun").split()):
            break
        if _DATE_WORD.search(m.group("noun")):
            break  # "On 4 June 2024, 3 soldiers were killed": a day of the month, not a count
        if re.search(rf"\b(?:{_any_term()})\b", m.group("noun"), re.I):
            break  # "12 dead and 5 soldiers were wounded": the first count is another kind
        if re.search(r"\b(?:including|among\s+them|of\s+(?:them|whom))\s+$", text[: m.start()], re.I):
            break  # "four killed, including two policemen, and 35 injured": the 2 is a part
        if re.search(rf"\b(?:{_any_term()})\s+{QUAL}$", text[: m.start()], re.I):
            break  # "killed 3 soldiers and 2 were wounded": the 3 belongs to "killed"
        if m.group("n").lower() in ("a", "an"):  # "a soldier and 2 civilians were killed"
            if not _names_one(m.group("noun")):
                break
            parsed: tuple[int, int | None, int | None] | None = (1, 1, 1)
        else:
            parsed = parse_number(m.group("n"))
        if parsed is None:
            break
        add_best, add_low, add_high = _plus((add_best, add_low, add_high), parsed)
        start = m.start()
    return add_best, add_low, add_high, start


def _names_one(noun: str) -> bool:
    """The words after "a" are one person ("a soldier", "a local chief"), not a thing."""
    words = noun.split()
    return bool(words) and (names_one_person(words[-1]) or _is_people(words[-1]))


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Every match, overlapping ones included: a rejected "A shell leaves one dead" must not hide
    the "one dead" inside it."""
    out, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


def _find(kind: str, text: str) -> list[_Found]:
    found = []
    for pattern, form in _patterns()[kind]:
        for m in _matches(pattern, text):
            if not _plausible(m, text, form):
                continue
            value = _value(m)
            if value is None:
                continue
            best, low, high = value
            end = m.end()
            start = m.start()
            if form not in ACTIVE and not m.groupdict().get("zero"):
                b, lo, hi, start = _before(text, m.start())
                best += b
                low = None if low is None else low + lo
                high = None if high is None or hi is None else high + hi
            if form in ACTIVE and not m.groupdict().get("zero"):
                b, lo, hi, end2 = _more(text, m.end(), kind)
                if b:
                    best += b
                    low = None if low is None else low + lo
                    high = None if high is None or hi is None else high + hi
                    end = end2
            count = Count(best=best, low=low, high=high, text=text[start:end].strip())
            found.append(_Found(start, end, count))
    return found


def _choose(found: list[_Found], trigger: tuple[int, int] | None) -> Count | None:
    """The count nearest the trigger, else the first one ("killing 5, including 3 children")."""
    if not found:
        return None
    if trigger is None:
        return min(found, key=lambda f: (f.start, -f.end)).count
    t0, t1 = trigger

    def distance(f: _Found) -> int:
        return 0 if f.start <= t1 and t0 <= f.end else min(abs(f.start - t1), abs(t0 - f.end))

    return min(found, key=lambda f: (distance(f), f.start)).count


@lru_cache(maxsize=1)
def _with_numbers() -> tuple[re.Pattern[str], ...]:
    """TOLL, TOLL_LONG and ATTACKER with the number expression in place of NUM, compiled once."""
    forms = (TOLL, TOLL_LONG, ATTACKER)
    return tuple(re.compile(f.pattern.replace("NUM", number_pattern()), re.I) for f in forms)


def stated_toll(text: str) -> Count | None:
    """The newest death toll a sentence states as a toll ("put the toll at 12", "the death toll
    rose to 40"; the last one stated wins), whatever event it counts; None when it states none."""
    found = []
    for pattern in _with_numbers()[:2]:
        found.extend(pattern.finditer(text))
    last = None
    for m in sorted(found, key=lambda m: m.end()):
        if not _plausible(m, text, "toll"):
            continue
        value = _value(m)
        if value is not None:
            last = Count(best=value[0], low=value[1], high=value[2], text=m.group(0).strip())
    return last


# ACLED notes state the figure the dataset records: "Fatalities coded as 10", "fatalities were
# coded at 3 (as per methodology)". It is the conservative figure a coder chose among the reports,
# so it stands over the counts the note quotes.
_CODED = (
    r"\bfatalit(?:y|ies)\s+(?:(?:were|was|are|is|have\s+been|has\s+been)\s+)?coded\s+(?:as|at)\s+"
    r"(?P<num>NUM)"
)
# A note's closing toll with no verb or side of its own: "12 fatalities.", "Fatalities: 3".
_TOLL_ONLY = (
    r"^\W*(?:(?:fatalities|deaths|dead|killed)\s*[:=]\s*(?P<a>NUM)"
    r"|(?:[a-z]+\s+){0,2}(?P<b>NUM)\s+(?:fatalities|deaths|dead))\W*$"
)


@lru_cache(maxsize=2)
def _with_numbers_rx(template: str) -> re.Pattern[str]:
    """``template`` with NUM as the number expression, compiled once (it is long, and the coded
    toll is read for every clause)."""
    return re.compile(template.replace("NUM", number_pattern()), re.I)


def coded_toll(text: str) -> Count | None:
    """The death toll an ACLED-style note says it coded ("Fatalities coded as 12") or None."""
    m = _with_numbers_rx(_CODED).search(text)
    parsed = parse_number(m.group("num")) if m else None
    if m is None or parsed is None:
        return None
    return Count(best=parsed[0], low=parsed[0], high=parsed[0], text=m.group(0))


def note_toll(sentence: str) -> Count | None:
    """The toll a sentence states and nothing else ("Fatalities coded as 10.", "4 fatalities."),
    which an ACLED note gives for the event it has just told; None for any other sentence."""
    if re.match(r"\W*fatalit(?:y|ies)\s+(?:(?:were|was|are|is)\s+)?coded\b", sentence, re.I):
        return coded_toll(sentence)
    m = _with_numbers_rx(_TOLL_ONLY).match(sentence.strip())
    if m is None:
        return None
    if m.group("b"):
        return extract_casualties(sentence).killed  # "At least 5 dead.": qualifiers as usual
    parsed = parse_number(m.group("a"))
    return None if parsed is None else Count(best=parsed[0], low=parsed[1], high=parsed[2], text=m.group(0))


def with_coded(reported: Count | None, coded: Count) -> Count:
    """The coded figure as best and low; a higher figure the reports give stays the high one."""
    high = reported.high if reported is not None and reported.high is not None else None
    if high is None or coded.best is None or high < coded.best:
        return coded
    return coded.model_copy(update={"high": high})


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def attacker_deaths(sentence: str) -> Count | None:
    """Attackers who died by their own act: "two suicide bombers blew themselves up" → 2."""
    m = re.compile(ATTACKER.pattern.replace("NUM", number_pattern()), re.I).search(sentence)
    if not m:
        return None
    n = 1 if m.group("num").lower() in ("a", "an") else (parse_number(m.group("num")) or (None,))[0]
    if n is None:
        return None
    return Count(best=n, low=n, high=n, text=m.group(0))


def extract_casualties(sentence: str, trigger: tuple[int, int] | None = None) -> Casualties:
    """Counts of killed, injured, missing and detained people, and materiel, in one clause.

    ``trigger`` (character offsets of the event's trigger in ``sentence``) picks, for each kind,
    the count nearest the trigger; without it the first count wins.
    """
    attack = _with_numbers()[2]
    # the bombers' own deaths are not victims; same length keeps trigger offsets valid
    text = _mask(sentence, [m.span() for m in attack.finditer(sentence)])
    counts = {kind: _choose(_find(kind, text), trigger) for kind in KINDS}
    toll = stated_toll(text)
    newer = toll is not None and (counts["killed"] is None or toll.best != 0)
    if newer and not _own_count_nearer(text, trigger, counts["killed"], toll):
        counts["killed"] = toll
    coded = coded_toll(text)
    if coded is not None:
        counts["killed"] = with_coded(counts["killed"], coded)
    none = NONE_KILLED.search(text)
    if counts["killed"] is None and none:
        counts["killed"] = Count(best=0, low=0, high=0, text=none.group(0))
    return Casualties(**counts, materiel=_materiel(text))


def _own_count_nearer(text: str, trigger: tuple[int, int] | None, own: Count | None, toll: Count) -> bool:
    """"An army spokesman put the toll at 12 and said troops pursued the attackers, killing two of
    them": the pursuit's own count is nearer its trigger than a toll the trigger is not part of."""
    if trigger is None or own is None or not own.text or not toll.text:
        return False
    at_toll, at_own = text.find(toll.text), text.find(own.text)
    if at_toll < 0 or at_own < 0 or at_toll <= trigger[0] < at_toll + len(toll.text):
        return False

    def gap(at: int, n: int) -> int:
        return 0 if at <= trigger[0] < at + n else min(abs(at - trigger[0]), abs(at + n - trigger[1]))
    return gap(at_own, len(own.text)) < gap(at_toll, len(toll.text))


def _materiel(text: str) -> list[str]:
    """Equipment destroyed or seized: quantity and nouns as written ("two missile launchers")."""
    # "a stock of explosives", "a cache of weapons": the container and its contents are one item
    stock = r"(?:stocks?|caches?|stockpiles?|quantit(?:y|ies))\s+of\s+"
    item = rf"(?:(?:NUM|a|an)\s+)?(?:{stock})?[\w'’ -]+?"
    pattern = re.compile(MATERIEL.pattern.replace("ITEM", item).replace("NUM", number_pattern()), re.I)
    gear = re.compile(f"(?:{_nouns('materiel')})", re.I)
    out = []
    for m in pattern.finditer(text):
        for item in re.split(r",?\s+and\s+", m.group("items")):
            words = item.strip(" ,").split()
            # keep the quantity and the words up to the last equipment noun of the first run
            # ("32 drones entering the airspace" → "32 drones"; "a village" is no materiel)
            heads = [i for i, w in enumerate(words[:6]) if gear.fullmatch(w.strip(",.;:"))]
            if not heads or (heads[0] == 0 and not words[0].lower().endswith("s")):
                continue  # a bare noun counts only as a plural ("destroying motorcycles")
            last = heads[0]
            while last + 1 in heads or (last + 2 in heads and words[last + 1].lower() == "of"):
                last += 1 if last + 1 in heads else 2
            out.append(" ".join(words[: last + 1]))
    return out
