"""`eventwire bench`: the report's fields, for the local engine and for Dask."""

import hashlib

import pytest

from eventwire.bench import load_corpus, render, render_dask, run_bench, run_dask_bench
from eventwire.model import RawDocument

TEXTS = [
    "Gunmen killed 12 villagers in Zamfara state on Tuesday, police said.",
    "Rebels attacked an army base near Goma on Monday, killing four soldiers.",
    "Police fired tear gas to disperse protesters in Nairobi on Friday.",
]


def test_local_bench_reports_the_ratio_against_bare_spacy(tmp_path):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("\n".join(f'{{"id": "d{i}", "text": "{t}"}}' for i, t in enumerate(TEXTS)))
    result = run_bench(load_corpus([str(corpus)]))
    assert result["documents"] == 3
    assert result["events"] >= 3
    assert result["ratio_vs_spacy"] > 0
    assert set(result["stage_share"]) >= {"parse", "events"}
    assert "throughput ratio" in render(result)


def test_dask_bench_times_each_cluster_size():
    pytest.importorskip("distributed")
    raws = [RawDocument(text=t, raw_sha256=hashlib.sha256(t.encode()).hexdigest()) for t in TEXTS]
    result = run_dask_bench(raws, workers=(1,))
    (run,) = result["runs"]
    assert run["workers"] == 1 and run["documents"] == 3
    assert run["speedup_vs_first"] == 1.0
    assert run["worker_peak_rss_mb"] > 50  # a worker holding spaCy and the gazetteer
    assert "1 worker(s)" in render_dask(result)
