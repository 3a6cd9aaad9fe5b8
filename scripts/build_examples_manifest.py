"""Writes examples/manifest.jsonl from the expectation files, so that `eventwire code examples/`
codes every bundled article with its publication date, publisher and title (the texts carry no
year). Run after adding an example: `.venv/bin/python scripts/build_examples_manifest.py`."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def manifest_lines() -> list[str]:
    lines = []
    for exp in sorted(EXAMPLES.glob("*.expected.json")):
        doc = json.loads(exp.read_text(encoding="utf-8"))["document"]
        name = exp.name.removesuffix(".expected.json")
        lines.append(json.dumps({
            "id": name, "path": f"{name}.txt", "published": doc["published"],
            "publisher": doc.get("publisher"), "title": doc.get("title"),
        }, ensure_ascii=False))
    return lines


if __name__ == "__main__":
    (EXAMPLES / "manifest.jsonl").write_text("\n".join(manifest_lines()) + "\n", encoding="utf-8")
