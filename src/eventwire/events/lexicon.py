"""The event vocabularies (trigger words, light verbs, weapon cues, situational cues) as data.

All four are TSV files in ``eventwire/data`` whose formats are documented in their headers;
this module parses them once and matches them against spaCy tokens. Matching is on lemmas,
so "strikes", "struck" and "striking" all find the row for "strike".

Example:
    >>> lex = Lexicon.load()
    >>> [row.event_type for row in lex.triggers_for("airstrike")][:1]
    ['ASSAULT']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from eventwire.errors import ResourceError
from eventwire.model import PloverType
from eventwire.resources import read_tsv

PLOVER_TYPES: frozenset[str] = frozenset(PloverType.__args__)  # type: ignore[attr-defined]
QUAD_CLASS: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
_POS = {
    "VERB": {"VERB", "AUX"},
    "AUX": {"AUX"},
    "NOUN": {"NOUN", "PROPN"},
    "ANY": {"VERB", "NOUN", "PROPN", "ADJ"},
}


def split_lemmas(phrase: str) -> tuple[str, ...]:
    """Split a data-file phrase the way spaCy tokenizes it: spaces, and hyphens kept as tokens."""
    return tuple(p for p in re.split(r"\s+|(-)", phrase.lower().strip()) if p)


@dataclass(frozen=True)
class TriggerRow:
    """One row of event_triggers.tsv."""

    lemmas: tuple[str, ...]
    pos: str
    event_type: str
    mode: str | None
    cameo: str
    needs: tuple[tuple[str, frozenset[str]], ...]
    note: str
    # "recipient": the grammatical subject of the active trigger is the victim ("a woman died")
    subject_role: str = "actor"


@dataclass(frozen=True)
class ModeCue:
    """One row of event_modes.tsv."""

    lemmas: tuple[str, ...]
    mode: str
    weapon: str
    rank: int
    agent: bool = False


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Irregular forms by lemma (event_verb_forms.tsv): "retook" for "retake"."""
    out: dict[str, set[str]] = {}
    for r in read_tsv("event_verb_forms.tsv"):
        out.setdefault(r["lemma"], set()).add(r["form"])
    return {lemma: frozenset(fs) for lemma, fs in out.items()}


@lru_cache(maxsize=4096)
def forms(lemma: str) -> frozenset[str]:
    """Inflections of a lemma, for tokens the lemmatizer gets wrong ("raped" → "rap", "retook")."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    out |= _irregular().get(lemma, frozenset())
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(out)


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas of the verbs of saying (``attribution_verbs.tsv``)."""
    return frozenset(r["lemma"] for r in read_tsv("attribution_verbs.tsv"))


def token_lemma(tok: Token) -> str:
    """Lower-cased lemma; spaCy leaves some proper-noun lemmas capitalised."""
    return tok.lemma_.lower()


def match_at(tokens: Span, i: int, lemmas: tuple[str, ...]) -> int:
    """Length in tokens of ``lemmas`` matched at ``tokens[i]``, or 0.

    A contiguous match counts; so does a two-word phrasal verb whose particle is a child of the
    verb ("gunned him down"), or a verb and its object with words between them ("exchanged
    heavy fire", "held direct talks"); then the length is 1 (only the verb is the trigger word).
    """
    n = len(lemmas)
    if i + n <= len(tokens):
        window = tokens[i : i + n]
        if all(
            token_lemma(t) == lem or t.lower_ in forms(lem) for t, lem in zip(window, lemmas, strict=True)
        ):
            return n
    if n == 2:
        head = tokens[i]
        if token_lemma(head) == lemmas[0] or head.lower_ == lemmas[0]:
            for child in head.children:
                if child.dep_ in ("prt", "prep", "advmod") and child.lower_ == lemmas[1]:
                    return 1
                if child.dep_ == "dobj" and child.i > head.i + 1 and token_lemma(child) == lemmas[1]:
                    return 1
    return 0


class Lexicon:
    """The parsed vocabularies; build it once with ``Lexicon.load()``."""

    def __init__(
        self,
        triggers: list[TriggerRow],
        light_verbs: list[tuple[str, ...]],
        modes: list[ModeCue],
        cues: dict[str, list[tuple[str, ...]]],
    ) -> None:
        self.triggers = triggers
        self.light_verbs = light_verbs
        self.modes = sorted(modes, key=lambda m: (m.rank, -len(m.lemmas)))
        self.cues = cues
        self._by_first: dict[str, list[TriggerRow]] = {}
        for row in triggers:
            self._by_first.setdefault(row.lemmas[0], []).append(row)
        self._surface = {f: lem for lem in self._by_first for f in forms(lem)}
        self._mode_index = PhraseIndex([(m.lemmas, m) for m in self.modes])
        self._cue_index = PhraseIndex([(lem, name) for name, ps in cues.items() for lem in ps])

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> Lexicon:
        """Parse the bundled data files (cached: once per process)."""
        triggers = []
        for r in read_tsv("event_triggers.tsv"):
            if r["type"] not in PLOVER_TYPES:
                raise ResourceError(f"event_triggers.tsv: unknown PLOVER type {r['type']!r}")
            if r["pos"] not in _POS:
                raise ResourceError(f"event_triggers.tsv: unknown pos {r['pos']!r}")
            triggers.append(
                TriggerRow(
                    lemmas=split_lemmas(r["lemma"]),
                    pos=r["pos"],
                    event_type=r["type"],
                    mode=r["mode"] or None,
                    cameo=r["cameo"],
                    needs=_parse_needs(r["needs"]),
                    note=r["note"],
                    subject_role=_parse_subject_role(r.get("subject", "")),
                )
            )
        light = [split_lemmas(r["lemma"]) for r in read_tsv("event_light_verbs.tsv")]
        modes = [
            ModeCue(
                split_lemmas(r["lemma"]),
                r["mode"],
                r["weapon"],
                int(r["rank"]),
                r["agent"] == "yes",
            )
            for r in read_tsv("event_modes.tsv")
        ]
        cues: dict[str, list[tuple[str, ...]]] = {}
        for r in read_tsv("event_cues.tsv"):
            cues.setdefault(r["cue"], []).append(split_lemmas(r["lemma"]))
        return cls(triggers, light, modes, cues)

    def triggers_for(self, lemma: str) -> list[TriggerRow]:
        """Trigger rows whose first word is ``lemma``, in file order."""
        return self._by_first.get(lemma.lower(), [])

    def match_trigger(self, sent: Span, i: int, verb_like: bool = False) -> tuple[TriggerRow, int] | None:
        """The first trigger row that matches at ``sent[i]`` with its conditions, and its length.

        ``verb_like`` lets verb rows match a token tagged as a noun: a headline verb the parser
        misread ("ISIS attacks locations", "Bomb ... kills 4").
        """
        tok = sent[i]
        candidates = (
            self.triggers_for(token_lemma(tok))
            or self.triggers_for(tok.lower_)
            or self.triggers_for(self._surface.get(tok.lower_, ""))
        )
        pos = tok.pos_
        if verb_like and pos in ("NOUN", "PROPN"):
            pos = "VERB"
        for row in candidates:
            if pos not in _POS[row.pos] and tok.pos_ not in _POS[row.pos]:
                continue
            length = match_at(sent, i, row.lemmas)
            if length and _needs_hold(row.needs, sent, i, length):
                return row, length
        return None

    def is_light_verb(self, sent: Span, i: int) -> bool:
        """True when ``sent[i]`` is a light verb ("carried out", "launched", "held")."""
        return any(match_at(sent, i, lemmas) for lemmas in self.light_verbs)

    def mode_cue(self, lemmas: tuple[str, ...]) -> ModeCue | None:
        """The event_modes.tsv row of ``lemmas``."""
        return next((m for m in self.modes if m.lemmas == lemmas), None)

    def weapon_cue(self, tokens: list[Token]) -> ModeCue | None:
        """The best-ranked weapon cue among ``tokens`` (a contiguous stretch of a sentence), not
        counting words of a place's name ("Tank district", "Bomb Alley")."""
        return self._best_cue(tokens, set())

    def _best_cue(self, tokens: list[Token], skip: set[int]) -> ModeCue | None:
        """The best weapon cue in the stretches of ``tokens`` between the indices in ``skip`` and
        the words of place names."""
        runs: list[list[Token]] = [[]]
        for tok in tokens:
            if tok.i in skip or _in_place_name(tok) or tok.lower_ in _NOT_WEAPONS or _names_target(tok):
                runs.append([])
            else:
                runs[-1].append(tok)
        found = []
        for run in runs:
            if run:
                found.extend(self._mode_index.find(run[0].doc[run[0].i : run[-1].i + 1]))
        return min(found, key=lambda m: (m.rank, -len(m.lemmas))) if found else None

    def instrument_cue(self, sent: Span) -> ModeCue | None:
        """The best weapon cue of ``sent`` that names a means of harm, not a target: "the raids
        hit a drone storage depot" and "targeted missile launchers" name what was hit."""
        anywhere = self.weapon_cue(list(sent))
        if anywhere is not None and anywhere.weapon in _STRUCK_WEAPONS:
            return anywhere  # "their vehicle struck an IED": a mine is the means as an object too
        means = _instrument_verbs()
        targets = {
            t.i
            for tok in sent
            if tok.dep_ in _TARGET_DEPS and token_lemma(tok.head) not in means and self._harms(tok.head)
            for t in tok.subtree
        }
        # "an attack on an air force base", "strikes against missile sites": what was hit
        targets.update(
            t.i
            for tok in sent
            if tok.dep_ == "prep" and tok.lower_ in _TARGET_PREPS and self._assaults(tok.head)
            for t in tok.subtree
        )
        return self._best_cue(list(sent), targets)

    def _assaults(self, word: Token) -> bool:
        rows = self.triggers_for(token_lemma(word)) or self.triggers_for(word.lower_)
        return any(r.event_type == "ASSAULT" for r in rows)

    def _harms(self, verb: Token) -> bool:
        """The verb is an act of violence or coercion (what it acts on was hit); "condemned the
        air strike" acts on the strike only in words."""
        rows = self.triggers_for(token_lemma(verb)) or self.triggers_for(verb.lower_)
        return any(r.event_type in ("ASSAULT", "COERCE") and r.pos in ("VERB", "ANY") for r in rows)

    def cues_in(self, span: Span) -> set[str]:
        """Names of the situational cues present in ``span``."""
        return {
            name
            for name, tok in self._cue_index.find_at(span)
            if not (name == "territory_taken" and _takes_people(tok))
        }


_PLACE_NOUNS = frozenset({"district", "province", "region", "county", "city", "town", "village", "state"})
# words whose lemma is a weapon cue's but that name no weapon: "a mining site" is no landmine
_NOT_WEAPONS = frozenset({"mining", "miner", "miners"})
# heads that turn a weapon word before them into the name of a thing that is hit, not the means:
# "missiles fired at an aircraft carrier" are no airstrike, "a strike on a drone factory" no drone
_TARGET_HEADS = frozenset(
    {"carrier", "factory", "plant", "depot", "warehouse", "storage", "facility", "workshop", "maker"}
    | {"manufacturer"}
)


def _names_target(tok: Token) -> bool:
    """The weapon-like word only qualifies a target noun ("aircraft carrier", "drone factory")."""
    return tok.dep_ == "compound" and tok.head.lemma_.lower() in _TARGET_HEADS and tok.head.i > tok.i


def _in_place_name(tok: Token) -> bool:
    """The word is part of a place's name: a place entity, or a proper noun before a place noun."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "PROPN" and nxt is not None and nxt.lower_ in _PLACE_NOUNS


# The dependencies of what a verb acts on: a weapon named there is the target, not the means.
_TARGET_DEPS = frozenset({"dobj", "nsubjpass"})
_STRUCK_WEAPONS = frozenset({"ied", "landmine"})
_TARGET_PREPS = frozenset({"on", "against"})


@lru_cache(maxsize=1)
def _instrument_verbs() -> frozenset[str]:
    return frozenset(r["lemma"].split()[0] for r in read_tsv("event_instrument_verbs.tsv"))


class PhraseIndex:
    """Lemma phrases indexed by their first word, matched in one pass over a span."""

    def __init__(self, phrases: list[tuple[tuple[str, ...], object]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for lemmas, payload in phrases:
            for form in forms(lemmas[0]):
                self._by_first.setdefault(form, []).append((lemmas, payload))

    def find(self, span: Span) -> list:
        """Payloads of every phrase that occurs in ``span``."""
        return [payload for payload, _tok in self.find_at(span)]

    def find_at(self, span: Span) -> list[tuple[object, Token]]:
        """(payload, first token) of every phrase that occurs in ``span``."""
        out = []
        for j, tok in enumerate(span):
            cands = self._by_first.get(token_lemma(tok), []) + self._by_first.get(tok.lower_, [])
            for lemmas, payload in dict.fromkeys(cands):
                if match_at(span, j, lemmas):
                    out.append((payload, tok))
        return out


def _takes_people(verb: Token) -> bool:
    """'a cartel leader was captured', 'seized 20 soldiers': what is taken is people, not ground."""
    from eventwire.actors.vocab import singular, vocabulary

    if verb.pos_ not in ("VERB", "AUX"):
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl", "amod"):  # "the commander captured in the raid"
        objs.append(verb.head)
    sectors = vocabulary().sectors
    return bool(objs) and all(o.ent_type_ == "PERSON" or (singular(o.lower_),) in sectors for o in objs)


def _parse_needs(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        kind, _, values = part.partition("=")
        if kind not in ("child", "prep", "obj", "near", "nearbefore", "sub", "subj") or not values:
            raise ResourceError(f"event_triggers.tsv: bad condition {part!r}")
        out.append((kind, frozenset(v.strip().lower() for v in values.split("|"))))
    return tuple(out)


def _needs_hold(needs, sent: Span, i: int, length: int) -> bool:
    tok = sent[i]
    for kind, values in needs:
        if kind == "child":
            ok = any(token_lemma(c) in values or c.lower_ in values for c in tok.children)
        elif kind == "prep":
            ok = any(c.dep_ in ("prep", "prt", "agent") and c.lower_ in values for c in tok.children)
        elif kind == "obj":
            objs = _objects(tok)
            ok = any(token_lemma(o) in values for o in objs) or (
                "@place" in values and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objs)
            ) or ("@person" in values and any(o.ent_type_ == "PERSON" for o in objs))
        elif kind == "sub":
            ok = any(token_lemma(t) in values for t in tok.subtree if t.i != tok.i)
        elif kind == "subj":
            ok = any(_names(s, values) for s in _subjects(tok))
        elif kind == "near":
            window = sent[i + length : i + length + 6]
            ok = any(token_lemma(t) in values or t.lower_ in values for t in window)
        else:  # nearbefore
            window = sent[max(0, i - 4) : i]
            ok = any(token_lemma(t) in values or t.lower_ in values for t in window)
            # the passive puts the verb after its noun: "an agreement was reached", "talks were held"
            ok = ok or (tok.dep_ == "nsubjpass" and token_lemma(tok.head) in values)
        if not ok:
            return False
    return True


def _parse_subject_role(text: str) -> str:
    if text not in ("", "actor", "recipient"):
        raise ResourceError(f"event_triggers.tsv: bad subject role {text!r}")
    return text or "actor"


# sectors of people who carry arms for a state or against it: "soldiers beat marchers"
_ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "UAF", "SPY", "CRM"})


def _names(tok: Token, values: frozenset[str]) -> bool:
    """True when ``tok`` has one of the lemmas, or names an armed force and ``@armed`` is listed."""
    if token_lemma(tok) in values or tok.lower_ in values:
        return True
    if "@armed" not in values:
        return False
    from eventwire.actors.vocab import singular, vocabulary

    entry = vocabulary().sectors.get((singular(tok.text),))
    if entry is not None and entry.sector in _ARMED_SECTORS:
        return True
    if tok.ent_type_ == "ORG":  # a named armed group ("Al-Shabaab", "M23")
        words = [c.text for c in tok.lefts if c.dep_ in ("compound", "flat")] + [tok.text]
        found = vocabulary().lookup(words)
        return found is not None and found.sector in _ARMED_SECTORS
    return False


def _subjects(tok: Token) -> list[Token]:
    """The subject of a trigger verb, climbing through conjuncts and complements ("beat and injured")."""
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "agent")]
        if subj:
            out = []
            for s in subj:
                if s.dep_ == "agent":
                    out.extend(g for g in s.children if g.dep_ == "pobj")
                else:
                    out.append(s)
            # "thousands of protesters gathered": the counted people are the subject
            of = [p for s in out for p in s.children if p.dep_ == "prep" and p.lower_ == "of"]
            counted = [g for p in of for g in p.children if g.dep_ == "pobj"]
            return out + counted + [c for s in out for c in s.children if c.dep_ == "conj"]
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _objects(tok: Token) -> list[Token]:
    """Direct objects, prepositional objects and the subject of a passive trigger."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "conj")
            for p in c.children:  # "50 tonnes of medical supplies": the supplies are the object
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(g for g in p.children if g.dep_ == "pobj")
        elif c.dep_ in ("prep", "prt"):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ in ("acl", "relcl", "amod"):
        out.append(tok.head)
    return out
