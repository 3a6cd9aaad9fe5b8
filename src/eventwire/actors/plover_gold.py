"""Scores actor resolution against the PLOVER gold standard records (actorText → code).

PLOVER's gold file (CC BY-SA, openeventdata/PLOVER) predates some ISO codes and codes every
international organisation as IGO; ``normalise_code`` maps both sides onto one scheme before
comparing, so the score measures resolution, not code-book drift.

Example:
    >>> normalise_code("JAP"), normalise_code("UNO")
    ('JPN', 'IGO')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors.resolve import resolve_actor

#: Old or non-ISO codes in the PLOVER gold file → ISO 3166 alpha-3.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
#: Codes for international actors; PLOVER's gold file uses IGO for all of them.
INTERNATIONAL = {"IGO": "IGO", "UNO": "IGO", "NGO": "IGO"}


def normalise_code(code: str | None) -> str | None:
    """One scheme for gold and predicted codes (old ISO codes fixed; UN/NGO → IGO)."""
    if code is None:
        return None
    code = OLD_CODES.get(code, code)
    return INTERNATIONAL.get(code, code)


@dataclass
class Score:
    """Country and sector agreement over the gold actors, with the disagreements."""

    n: int = 0
    country_ok: int = 0
    unresolved: int = 0
    sector_n: int = 0
    sector_ok: int = 0
    misses: list[tuple[str, str, str | None]] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        """Share of gold actors whose country code was resolved correctly."""
        return self.country_ok / self.n if self.n else 0.0

    @property
    def sector_accuracy(self) -> float:
        """Share of gold actors with a plain sector code whose sector was resolved correctly."""
        return self.sector_ok / self.sector_n if self.sector_n else 0.0


def gold_actors(path: Path) -> list[tuple[str, str, str]]:
    """(actorText, code, sector) of every source and target actor in a PLOVER gold file."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for role in ("source", "target"):
                actors = record.get(role)
                if not isinstance(actors, list):
                    continue
                for a in actors:
                    if a.get("actorText") and a.get("code"):
                        out.append((a["actorText"], a["code"], a.get("sector") or ""))
    return out


def score_plover(path: Path) -> Score:
    """Resolve every gold actorText (no context) and compare country and sector."""
    score = Score()
    for text, code, sector in gold_actors(path):
        actor = resolve_actor(text)
        got = normalise_code(actor.country if actor else None)
        score.n += 1
        score.unresolved += actor is None
        if got == normalise_code(code):
            score.country_ok += 1
        else:
            score.misses.append((text, code, got))
        # Only plain three-letter sectors are compared ("CVLalb" adds an ethnicity we do not code).
        if len(sector) == 3 and sector.isalpha() and sector.isupper():
            score.sector_n += 1
            score.sector_ok += bool(actor and actor.sector == sector)
    return score
