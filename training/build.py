"""Expand the hand-written compact sentence sources into the gold and training JSONL files.

The sentences and every label are written by hand in ``training/authoring/`` (one sentence a
line, fields separated by `` | ``); this script only expands the compact notation, fills the
ACLED fields implied by a sub-event type (event type, disorder type, interaction), resolves
weekday dates against the publication date, and assigns gold splits by a fixed rule
(alternate dev/test within each sub-event type, or within each PLOVER type outside ACLED).

Gold line:  SUB[:ii] | PLOVER[/mode] [cameo] | date | actor | recipient | fatalities | location | fact | text
Train line: SUB[:ii] | PLOVER[/mode] | actor | recipient | text [| fact]
Directive:  ``@pub YYYY-MM-DD`` sets the publication date of the lines that follow.

``notes_*.txt`` hold ACLED-note-style descriptions in the gold line format; they build gold
files of their own, so that the blind checks they were written for stay separate from the gold
the rules were written with and from each other (each set's figures before any rule changed for
it stay comparable): ``notes_01_*`` -> gold/coder_notes.jsonl (ids ``an-…``), ``notes_02_*`` ->
gold/coder_notes_02.jsonl (ids ``ao-…``), both with the same split rule.

Run: ``.venv/bin/python training/build.py`` (rewrites gold/event_sentences.jsonl,
gold/coder_notes.jsonl, gold/coder_notes_02.jsonl and training/events_train.jsonl).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AUTHORING = Path(__file__).resolve().parent / "authoring"

# Short codes of ACLED's 25 sub-event types -> (event_type, sub_event_type, disorder_type).
SUB = {
    "CLASH": ("Battles", "Armed clash", "Political violence"),
    "REGAIN": ("Battles", "Government regains territory", "Political violence"),
    "OVERTAKE": ("Battles", "Non-state actor overtakes territory", "Political violence"),
    "CHEM": ("Explosions/Remote violence", "Chemical weapon", "Political violence"),
    "AIR": ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    "SUICIDE": ("Explosions/Remote violence", "Suicide bomb", "Political violence"),
    "SHELL": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    "IED": ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
    "GRENADE": ("Explosions/Remote violence", "Grenade", "Political violence"),
    "SEXV": ("Violence against civilians", "Sexual violence", "Political violence"),
    "ATTACK": ("Violence against civilians", "Attack", "Political violence"),
    "ABDUCT": ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
    "PPROT": ("Protests", "Peaceful protest", "Demonstrations"),
    "PINT": ("Protests", "Protest with intervention", "Demonstrations"),
    "PEXC": ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    "VDEM": ("Riots", "Violent demonstration", "Demonstrations"),
    "MOB": ("Riots", "Mob violence", "Political violence; Demonstrations"),
    "AGREEMENT": ("Strategic developments", "Agreement", "Strategic developments"),
    "ARREST": ("Strategic developments", "Arrests", "Strategic developments"),
    "CHANGE": ("Strategic developments", "Change to group/activity", "Strategic developments"),
    "DISRUPT": ("Strategic developments", "Disrupted weapons use", "Strategic developments"),
    "HQ": ("Strategic developments", "Headquarters or base established", "Strategic developments"),
    "LOOT": ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    "NVT": ("Strategic developments", "Non-violent transfer of territory", "Strategic developments"),
    "OTHER": ("Strategic developments", "Other", "Strategic developments"),
}
FACT = {
    "a": "asserted",
    "r": "reported",
    "f": "future",
    "h": "hypothetical",
    "n": "negated",
    "hist": "historical",
}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_acled(field: str) -> dict | None:
    """``CLASH:12`` -> the ACLED record; ``-`` -> None (outside ACLED's scope)."""
    field = field.strip()
    if field == "-":
        return None
    code, _, inters = field.partition(":")
    event_type, sub_type, disorder = SUB[code]
    inter1 = int(inters[0])
    inter2 = int(inters[1]) if len(inters) > 1 else None
    # ACLED: interaction is the two inter codes sorted; one actor alone gives inter1 * 10.
    interaction = int("".join(sorted(inters))) if inter2 is not None else inter1 * 10
    return {
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "inter1": inter1,
        "inter2": inter2,
        "interaction": interaction,
    }


def parse_plover(field: str, with_cameo: bool) -> tuple[dict, str | None]:
    """``ASSAULT/drone 1952`` -> PLOVER record and CAMEO code."""
    parts = field.split()
    etype, _, mode = parts[0].partition("/")
    cameo = parts[1] if with_cameo and len(parts) > 1 else None
    return {"event_type": etype, "mode": mode or None}, cameo


def parse_actor(field: str) -> dict | None:
    """``JNIM militants;IMG;REB`` -> actor record; ``-`` -> None. Train files give ``IMG.REB``."""
    field = field.strip()
    if field == "-":
        return None
    if ";" in field:
        text, country, sector = (p.strip() for p in field.split(";"))
        return {"text": text, "country": country or None, "sector": sector or None}
    country, _, sector = field.partition(".")
    return {"country": country or None, "sector": sector or None}


def parse_date(field: str, published: dt.date) -> tuple[str | None, str | None]:
    """``2024-05-03`` / ``wd:Tue`` / ``2024-05/m`` / ``2024/y`` / ``2024-05-06/w`` -> date, precision."""
    field = field.strip()
    if field == "-":
        return None, None
    if field.startswith("wd:"):
        # A bare weekday in news copy is the most recent such day on or before publication.
        target = WEEKDAYS.index(field[3:].lower()[:3])
        back = (published.weekday() - target) % 7
        return (published - dt.timedelta(days=back)).isoformat(), "day"
    if field == "pub":
        return published.isoformat(), "day"
    if field == "yday":
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    value, _, prec = field.partition("/")
    if prec == "y":
        return f"{value}-01-01", "year"
    if prec == "m":
        return f"{value}-01", "month"
    if prec == "w":
        return value, "week"
    dt.date.fromisoformat(value)
    return value, "day"


def parse_count(field: str) -> dict | None:
    """``12`` / ``12,10,15`` / ``20+`` (at least) -> {best, low, high}; ``-`` -> None."""
    field = field.strip()
    if field == "-":
        return None
    if field.endswith("+"):
        n = int(field[:-1])
        return {"best": n, "low": n, "high": None}
    if "," in field:
        best, low, high = (int(x) if x != "" else None for x in field.split(","))
        return {"best": best, "low": low, "high": high}
    n = int(field)
    return {"best": n, "low": n, "high": n}


def parse_location(field: str) -> dict | None:
    """``Djibo;BFA;Sahel`` -> location record; ``-`` -> None."""
    field = field.strip()
    if field == "-":
        return None
    parts = [p.strip() for p in field.split(";")] + ["", ""]
    return {"name": parts[0], "country": parts[1] or None, "admin1": parts[2] or None}


def parse_fact(field: str) -> tuple[str, str | None]:
    """``r:the ministry`` -> ("reported", "the ministry"); ``a`` -> ("asserted", None)."""
    code, _, attributed = field.strip().partition(":")
    return FACT[code], attributed.strip() or None


def read_lines(path: Path):
    """Yield (published, fields) for each sentence line of an authoring file."""
    published = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@pub "):
            published = dt.date.fromisoformat(line[5:].strip())
            continue
        if published is None:
            sys.exit(f"{path}:{n}: no @pub before the first sentence")
        yield published, [f.strip() for f in line.split(" | ")], f"{path.name}:{n}"


def stratum(rec: dict) -> str:
    """The class a record is stratified by: its ACLED sub-type, else its PLOVER type."""
    if rec["acled"]:
        return rec["acled"]["sub_event_type"]
    return "PLOVER:" + rec["plover"]["event_type"]


def build_gold(pattern: str = "gold_*.txt", prefix: str = "as") -> list[dict]:
    """Expand the gold sources matching ``pattern`` into records with ids and dev/test splits."""
    records = []
    seen: Counter[str] = Counter()
    for path in sorted(AUTHORING.glob(pattern)):
        for published, f, where in read_lines(path):
            if len(f) != 9:
                sys.exit(f"{where}: expected 9 fields, got {len(f)}")
            plover, cameo = parse_plover(f[1], with_cameo=True)
            date, precision = parse_date(f[2], published)
            factuality, attributed = parse_fact(f[7])
            rec = {
                "id": "",
                "split": "",
                "text": f[8],
                "published": published.isoformat(),
                "plover": plover,
                "cameo": cameo,
                "acled": parse_acled(f[0]),
                "actor": parse_actor(f[3]),
                "recipient": parse_actor(f[4]),
                "fatalities": parse_count(f[5]),
                "date": date,
                "date_precision": precision,
                "location": parse_location(f[6]),
                "factuality": factuality,
                "attributed_to": attributed,
            }
            records.append(rec)
    # Fixed split rule: alternate dev/test within each stratum, in file order; strata (sorted
    # by name) start alternately with dev and with test, so odd-sized strata balance overall.
    keys = [stratum(r) + ("" if r["factuality"] in ("asserted", "reported") else ":hard") for r in records]
    first = {key: n % 2 for n, key in enumerate(sorted(set(keys)))}
    for i, (rec, key) in enumerate(zip(records, keys, strict=True), 1):
        rec["id"] = f"{prefix}-{i:04d}"
        rec["split"] = ("dev", "test")[(seen[key] + first[key]) % 2]
        seen[key] += 1
    return records


def build_notes(part: str = "01", prefix: str = "an") -> list[dict]:
    """One ACLED-note gold set: its own sources, ids and splits, so other files' ids stay put."""
    return build_gold(f"notes_{part}_*.txt", prefix)


def build_train() -> list[dict]:
    """Expand the training sources into records with ids."""
    records = []
    for path in sorted(AUTHORING.glob("train_*.txt")):
        for published, f, where in read_lines(path):
            if len(f) not in (5, 6):
                sys.exit(f"{where}: expected 5 or 6 fields, got {len(f)}")
            plover, _ = parse_plover(f[1], with_cameo=False)
            # An optional sixth field gives the factuality; without it the line is not
            # annotated for factuality (null: the event took place, asserted or reported).
            factuality = parse_fact(f[5])[0] if len(f) == 6 else None
            records.append(
                {
                    "id": "",
                    "text": f[4],
                    "published": published.isoformat(),
                    "plover": plover,
                    "acled": parse_acled(f[0]),
                    "actor": parse_actor(f[2]),
                    "recipient": parse_actor(f[3]),
                    "factuality": factuality,
                }
            )
    for i, rec in enumerate(records, 1):
        rec["id"] = f"tr-{i:04d}"
    return records


def write_jsonl(path: Path, records: list[dict]) -> None:
    """Write records one JSON object a line, UTF-8, keys in a fixed order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> None:
    """Build both files and print counts per class."""
    gold = build_gold()
    notes = build_notes()
    notes_02 = build_notes("02", "ao")
    train = build_train()
    write_jsonl(ROOT / "gold" / "event_sentences.jsonl", gold)
    write_jsonl(ROOT / "gold" / "coder_notes.jsonl", notes)
    write_jsonl(ROOT / "gold" / "coder_notes_02.jsonl", notes_02)
    write_jsonl(ROOT / "training" / "events_train.jsonl", train)
    for name, recs in (("gold", gold), ("notes", notes), ("notes_02", notes_02), ("train", train)):
        counts = Counter(stratum(r) for r in recs)
        print(f"{name}: {len(recs)} records")
        for key, n in sorted(counts.items()):
            print(f"  {n:4d}  {key}")
    print("gold factuality:", dict(Counter(r["factuality"] for r in gold)))
    print("gold split:", dict(Counter(r["split"] for r in gold)))
    print("notes split:", dict(Counter(r["split"] for r in notes)))
    print("notes_02 split:", dict(Counter(r["split"] for r in notes_02)))


if __name__ == "__main__":
    main()
