"""Reads the data files bundled in ``eventwire/data`` (rules and vocabularies as data).

Every data file is read through this module, so a newcomer finds the formats in one
place: TSV files have a header row and ``#`` comment lines; JSONL files hold one object
per line. Results are cached: each file is parsed once per process.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.errors import ResourceError


def data_path(name: str) -> Path:
    """Path of a bundled data file, e.g. ``data_path("triggers.tsv")``."""
    path = Path(str(resources.files("eventwire") / "data" / name))
    if not path.exists():
        raise ResourceError(f"bundled data file {name!r} is missing; reinstall eventwire")
    return path


@cache
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a bundled TSV file as dicts keyed by its header; ``#`` lines are comments."""
    with data_path(name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for row in reader:
        if None in row:
            raise ResourceError(f"{name}: too many columns in row {row!r}")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(rows)


@cache
def read_jsonl(name: str) -> tuple[dict, ...]:
    """Objects of a bundled JSONL file; blank lines and ``//`` comment lines are skipped."""
    out = []
    with data_path(name).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ResourceError(f"{name}:{n}: invalid JSON ({exc.msg})") from exc
    return tuple(out)
