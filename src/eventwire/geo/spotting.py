"""Spotting: the place names of a text, with the evidence that they are places.

The small spaCy model's labels are not trusted alone (it calls Saraqib an ORG and Khan Younis a
PERSON): capitalised word sequences are looked up in the gazetteer and kept when something says
they are places — a NER place label, a locative preposition before ("in", "near", "outskirts
of"), an administrative word after ("Idlib province") or a curated conflict spelling. Names the
gazetteer lacks are kept on stronger cues ("the village of Maidema"): they are resolved through
the places around them.

Example:
    >>> # [m.text for m in Geocoder.load().spot("Shelling hit Saraqib.")]  -> ['Saraqib']
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.geo.build import norm
from eventwire.geo.cues import (
    ADDRESS_AFTER,
    ADMIN_AFTER,
    ADMIN_BRACKET,
    ARABIC_LINK,
    DESCRIPTOR_BEFORE,
    LEADING_FUNCTION_WORDS,
    LOCATIVE_BEFORE,
    NEAR_BEFORE,
    PLACE_LABELS,
    POPULATED_AFTER,
    POPULATED_BEFORE,
    POSSESSIVE_BEFORE,
    POSSESSIVE_END,
    PREPOSITION_ADJECTIVE,
    REGION_AFTER,
    REGION_BEFORE,
    SOURCE_AFTER,
    WATER_FEATURES,
    PlaceMention,
    actor_name,
    after_org_head,
    coordinated,
    country_of,
    cue_patterns,
    curated_names,
    demonyms,
    inside_longer_name,
    is_acronym,
    is_shouting,
    part_of_longer,
    sequences,
    stands_alone,
    stopwords,
    trim_name,
    unknown_place,
    water_body,
)
from eventwire.geo.gazetteer import Gazetteer, Place
from eventwire.geo.resolve import USUAL_MEANING_POPULATION

# a city this big is taken as a place on its name alone ("Kandahar", "Basra")
WELL_KNOWN_POPULATION = 100_000
# ", Haut-Mbomou, CAR" / ", Mali" closing a clause: the tail of an address
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_ADDRESS_TAIL = re.compile(rf",\s*({_NAME})(?:,\s*({_NAME}))?\s*(?=$|[;|.(\n]|,\s*\d)")


def _sub_name(words: list, i: int, j: int, base: int, ents, mention: PlaceMention) -> bool:
    """The match ends a longer name the parser labels a place as a whole ("Kafr Dael", "Beit
    Hanina"): that name, which the gazetteer lacks, is the place, not the town its last word
    names. A name going on after the town is a thing in it ("Damascus International Airport")
    and keeps the town; countries and eventwire's own conflict names are kept too."""
    if i == 0 or not part_of_longer(words, i, i + 1) or any(c.is_country for c in mention.candidates):
        return False
    if norm(mention.text) in curated_names():
        return False
    if any(c.primary and not c.fuzzy and c.population >= WELL_KNOWN_POPULATION for c in mention.candidates):
        return False  # "Greater Khartoum": a big city's own name still says where
    first = base + words[i - 1].start()
    return any(
        label in PLACE_LABELS and s <= first and mention.end <= e <= mention.end + 1 for s, e, label in ents
    )


# a hyphen between two capitalised names, neither an Arabic article ("Ras al-Ayn") nor a
# one-letter part: "Bakhmut-Soledar", "Nikolaev-Kryvyi Rih"
_JOINED = re.compile(r"(?<=[a-z]{3})-(?=[A-Z][a-z]{2})")


class Spotting:
    """Finds place mentions in text (a part of ``Geocoder``: it needs ``self.gazetteer``)."""

    gazetteer: Gazetteer

    def spot(self, text: str, ents=None) -> list[PlaceMention]:
        """Place names in ``text`` (character offsets), with evidence; no overlaps."""
        ents = ents or []
        out: list[PlaceMention] = []
        for m in sequences(text):
            prev = out[-1] if out else None
            listed = (
                prev is not None
                and (prev.locative or prev.near)
                and bool(re.fullmatch(r",?\s*(?:and|or|,)?\s*", text[prev.end : m.start()]))
            )
            found = self._spot_in(text, m.start(), m.group(0), ents, listed)
            if not found and _JOINED.search(m.group(0)):
                found = self._joined(text, m.start(), m.group(0), ents, listed)
            if listed and found and found[0].start == m.start() and prev.near and not found[0].near:
                found[0] = replace(found[0], near=True)  # "near Soledar and Siversk"
            if not found and (
                unknown := unknown_place(
                    text,
                    m.start(),
                    m.group(0),
                    listed or self._addressed(text, m.start() + len(m.group(0))),
                )
            ):
                found = [unknown]
            out.extend(found)
        # places the parser finds that the gazetteer lacks (districts, streets, camps) still
        # say where an event was; they resolve through the places around them
        for s, e, label in ents:
            if label in PLACE_LABELS and all(e <= m.start or s >= m.end for m in out):
                surface = re.sub(r"['’]s$", "", text[s:e].strip())
                e = s + len(surface)
                key = norm(surface)
                if not surface or not surface[0].isupper() or key in demonyms():
                    continue
                if all(w in stopwords() for w in key.split()):
                    continue  # "Center", "Middle": the parser's label on a common word
                if after_org_head(text, s):
                    continue  # "Jaysh Hama": the parser's place is an armed group's name
                if SOURCE_AFTER.match(re.sub(r"^[\s-]+[A-Z][\w'’-]*", "", text[e : e + 40])):
                    continue  # "Agence France-Presse reported": a news agency's name
                before, after = text[max(0, s - 40) : s], text[e : e + 20]
                out.append(
                    PlaceMention(
                        s,
                        e,
                        surface,
                        (),
                        bool(LOCATIVE_BEFORE.search(before)),
                        bool(NEAR_BEFORE.search(before)),
                        bool(REGION_AFTER.match(after)),
                        label,
                    )
                )
        # "Iran-backed Hezbollah", "the Lendu community": a name that is part of an actor
        actor_after = cue_patterns()["actor"]
        out = [m for m in out if not actor_after.match(text[m.end : m.end + 30])]
        # "Moscow's forces": a capital standing for its state is an actor, not where they fought
        owner = cue_patterns()["owner"]
        out = [m for m in out if not owner.match(text[m.end : m.end + 20])]
        # "a call with president Vladimir Putin", "a leader in Hurras al-Din": a known actor
        out = [m for m in out if not _an_actor(text, m)]
        return coordinated(text, _in_named_country(text, sorted(out, key=lambda m: m.start)))

    def _joined(self, text: str, base: int, seq: str, ents, listed: bool) -> list[PlaceMention]:
        """Places a hyphen joins into a front's, a road's or a route's name ("the Bakhmut-Soledar
        axis", "the Nikolaev-Kryvyi Rih direction"): each is a place when every part is one."""
        out: list[PlaceMention] = []
        at = 0
        for part in _JOINED.split(seq):
            start = seq.index(part, at)
            at = start + len(part)
            found = self._spot_in(text, base + start, part, ents, listed or bool(out))
            if not found or not any(not c.fuzzy for c in found[0].candidates):
                return []
            out.extend(found)
        return out

    def _spot_in(self, text: str, base: int, seq: str, ents, listed: bool = False) -> list[PlaceMention]:
        words = list(re.finditer(r"\S+", seq))
        shouting = is_shouting(text)  # in all-capitals text every word looks like a name
        found: list[PlaceMention] = []
        i = 0
        while i < len(words):
            if norm(words[i].group(0)) in LEADING_FUNCTION_WORDS:
                i += 1  # "An Afghan patrol", "The Hague" is a known exception kept by its whole name
                continue
            hit = None
            for j in range(len(words), i, -1):
                if (
                    j < len(words)
                    and ARABIC_LINK.match(words[j].group(0))
                    and not POSSESSIVE_END.search(words[j - 1].group(0))
                ):
                    continue  # "Bab" of "Bab al-Nairab", "Jaysh" of "Jaysh al-Islam"; not "Syria's al-Bab"
                start = base + words[i].start()
                end = base + words[j - 1].end()
                surface = trim_name(text[start:end])
                end = start + len(surface)
                # the first name of a sequence that follows a placed one in a list is placed too
                mention = self._mention(text, start, end, surface, ents, listed and i == 0)
                if (
                    mention is not None
                    and not shouting
                    and inside_longer_name(words, i, j, mention)
                    and not _a_towns_building(words, j, mention)
                ):
                    mention = None  # "Marwan" of "Marwan Zalloum", "Temple" of "Temple of Heaven"
                if mention is not None and _sub_name(words, i, j, base, ents, mention):
                    mention = None  # "Dael" of "Kafr Dael town": the village the gazetteer lacks
                if mention is not None and not shouting and part_of_longer(words, i, j):
                    mention = replace(mention, partial=True)
                if mention is not None:
                    hit = (j, mention)
                    break
            if hit:
                found.append(hit[1])
                i = hit[0]
            else:
                i += 1
        return found

    def _mention(
        self, text: str, start: int, end: int, surface: str, ents, listed: bool = False
    ) -> PlaceMention | None:
        tail = re.match(r"(\s+[a-z]+)(\s+[a-z]+)?", text[end : end + 40])
        if tail:  # curated features written with lower-case words: "Rafah crossing"
            for ext in (tail.group(0), tail.group(1)):
                if norm(surface + ext) in curated_names():
                    end += len(ext)
                    surface = text[start:end]
                    break
        key = norm(surface)
        if not key or key in demonyms():
            return None
        if cue_patterns()["meeting"].fullmatch(" " + surface):
            return None  # "the Summit of Baltic Sea Allies": a meeting's name, not Summit, NJ
        cands = self.gazetteer.lookup(surface)
        if all(w in stopwords() for w in key.split()) and not (
            # "Bakinjaw, Southwest Region, Cameroon": common words, but a region in an address
            self._addressed(text, end) and any(c.is_region and not c.fuzzy for c in cands)
        ):
            return None
        if not cands:
            return None
        if water_body(surface, text[end : end + 20]) and not any(c.feature in WATER_FEATURES for c in cands):
            # "the Dnipro River" is not Dnipro city: the river, a place the gazetteer lacks
            water = cue_patterns()["water"].match(text[end : end + 20])
            end += water.end() if water else 0
            surface, cands = text[start:end], ()
        ner = next((lab for s, e, lab in ents if s <= start < e or start <= s < end), None)
        before = text[max(0, start - 40) : start]
        after = text[end : end + 20]
        cues = cue_patterns()
        near = bool(NEAR_BEFORE.search(before) or cues["near"].search(before))
        preposition = (
            bool(LOCATIVE_BEFORE.search(before) or cues["locative"].search(before))
            or bool(PREPOSITION_ADJECTIVE.search(before))
            or near
        )
        if preposition and cues["org_of"].search(before):
            preposition = near = False  # "the Islamic State of Iraq and al-Sham": part of a name
        # a verb's object ("shelled X") is weaker evidence: the parser's PERSON label wins
        # ("captured Ocalan"), unless the name is a big city's own ("captured Jaffna")
        well_known = any(c.primary and not c.fuzzy and c.population >= WELL_KNOWN_POPULATION for c in cands)
        locative = preposition or (
            (ner != "PERSON" or well_known)
            and (ner != "ORG" or well_known or _a_towns_own_name(cands))
            and bool(cues["object"].search(before))
        )
        if DESCRIPTOR_BEFORE.search(before):
            locative = True  # "the capital Damascus", "the town of Marea"
        populated = bool(POPULATED_BEFORE.search(before) or POPULATED_AFTER.match(after))
        if populated:
            # "the town of X": the populated place, not the district or region of its name
            cands = tuple(c for c in cands if not c.is_region) or cands
        if not locative and (poss := POSSESSIVE_BEFORE.search(before)):
            # "Ukraine's Donetsk", "Miami's Little Havana": what a country, a region or a real
            # town possesses, that the gazetteer knows as a place, is a place
            locative = any(
                c.is_country or c.is_region or (c.primary and not c.fuzzy and c.population >= 20_000)
                for c in self.gazetteer.lookup(poss.group(1))
            )
        region_word = bool(ADMIN_AFTER.match(after))
        if not locative and ADDRESS_AFTER.match(text[end : end + 80]):
            locative = True
        if not locative and self._addressed(text, end):
            locative = True  # "Tabane, Haut-Mbomou, CAR": an address ending in a country
        if not locative and ADMIN_BRACKET.match(text[end : end + 120]):
            locative = True  # ACLED's "Mocimboa da Praia (Mocimboa da Praia, Cabo Delgado)"
        curated = key in curated_names()
        is_country = any(c.is_country for c in cands)
        if is_acronym(surface, text) and not (is_country or curated):
            return None  # "SDF", "UN", "ISIS": organisations, not the towns of those names
        alone = stands_alone(text, start, end)
        after_cue = bool(cues["after"].match(after))
        if not after_cue and ner in PLACE_LABELS and cues["event"].match(after):
            after_cue = bool(re.search(r"\w", text[:start].rsplit(";", 1)[-1]))  # not a first word
        locative = locative or after_cue or listed  # "in this West Bank settlement", "a Baghdad mosque"
        evidence = (
            ner in PLACE_LABELS or locative or region_word or curated or alone or well_known or after_cue
        )
        if is_country and ner not in ("PERSON",):
            evidence = True
        if ner in ("PERSON", "ORG", "NORP") and not (locative or region_word or curated or alone):
            evidence = False
        if not evidence:
            return None
        return PlaceMention(
            start,
            end,
            surface,
            cands,
            locative,
            near,
            # "Daraa province" after it, within the name ("al-Hasaka Province"), or before it
            # ("the northern region of Gao")
            bool(
                REGION_AFTER.match(after)
                or REGION_AFTER.match(" " + surface.rsplit(" ", 1)[-1])
                or (REGION_BEFORE.search(before) and not cues["org_of"].search(before))
            ),
            ner,
            populated=populated,
        )

    def _addressed(self, text: str, end: int) -> bool:
        """The name is followed by an address that ends in a country's name ("Tabane,
        Haut-Mbomou, CAR", "Kidal, Mali."): one or two comma-joined names, the last a country."""
        m = _ADDRESS_TAIL.match(text, end)
        if m is None:
            return False
        last = m.group(2) or m.group(1)
        return any(c.is_country and not c.fuzzy for c in self.gazetteer.lookup(last))

    def document_places(self, text: str, ents=None, limit: int = 20) -> list[str]:
        """The sub-national places a document names, most mentioned first (``GeoContext.places``).

        Only names the gazetteer knows and the text puts as places (a preposition, an admin
        word, a place label): they are hints that favour candidates in the same region."""
        counts: dict[str, int] = {}
        surfaces: dict[str, str] = {}
        for m in self.spot(text, ents):
            if not m.candidates or country_of(m) is not None:
                continue
            if not (m.locative or m.region_word or m.ner in PLACE_LABELS):
                continue
            key = norm(m.text)
            counts[key] = counts.get(key, 0) + 1
            surfaces.setdefault(key, m.text)
        ranked = sorted(counts, key=lambda k: -counts[k])  # stable: first mention breaks ties
        return [surfaces[k] for k in ranked[:limit]]


def _a_towns_building(words: list, j: int, mention: PlaceMention) -> bool:
    """ "the Jolo Cathedral", "the Gao Market": a real town's own name, then the last word of a
    building the town's name is given to ("cathedral", "mosque": geo_cues kind after). The
    building is in the town; a smaller namesake ("Al-Shifa Hospital") is not taken."""
    if j != len(words) - 1 or not _a_towns_own_name(mention.candidates):
        return False
    return bool(cue_patterns()["after"].match(" " + words[j].group(0)))


def _an_actor(text: str, m: PlaceMention) -> bool:
    """A known armed group's, organisation's or person's name, or a part of one, is no place;
    a country, a region or a real town that merely shares a group's name still is ("Azov")."""
    if country_of(m) is not None:
        return False
    kind = actor_name(text, m.start, m.end)
    if kind == "part":
        return True
    return kind == "whole" and not (
        _a_towns_own_name(m.candidates) or any(c.is_region and not c.fuzzy for c in m.candidates)
    )


def _in_named_country(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """An address puts its places in the country it ends with ("Tripoli, Lebanon", "X, Southwest
    Region, Cameroon"): their namesakes elsewhere are dropped, when one is in that country."""
    out = list(mentions)
    for k, m in enumerate(out):
        country = country_of(m)
        if country is None or not country.iso3:
            continue
        for back in range(k - 1, max(-1, k - 3), -1):
            prev = out[back]
            if not re.fullmatch(r"\s*,\s*", text[prev.end : out[back + 1].start]):
                break
            inside = tuple(c for c in prev.candidates if c.iso3 == country.iso3)
            if inside and country_of(prev) is None:
                out[back] = replace(prev, candidates=inside)
    return out


def _a_towns_own_name(cands: tuple[Place, ...]) -> bool:
    """The exact main name of a real town: as a verb's object ("captures Mayadin") it is the
    town, whatever organisation label the parser gives it."""
    return any(c.primary and not c.fuzzy and c.population >= USUAL_MEANING_POPULATION for c in cands)
