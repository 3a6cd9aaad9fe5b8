"""The examples manifest lists every bundled article with its metadata (it is generated)."""

import importlib.util

from tests.conftest import ROOT


def test_manifest_is_up_to_date():
    spec = importlib.util.spec_from_file_location("m", ROOT / "scripts" / "build_examples_manifest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    manifest = ROOT / "examples" / "manifest.jsonl"
    assert manifest.read_text(encoding="utf-8").splitlines() == module.manifest_lines(), (
        "run scripts/build_examples_manifest.py"
    )
