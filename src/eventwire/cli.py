"""The `eventwire` command: a thin layer over the library.

Each command parses its options, calls one library function and formats the result: machine
output (JSONL, CSV) on stdout, progress and logs on stderr.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import click

from eventwire.export import EXPORT_FORMATS, FORMATS, format_table, write_csv, write_jsonl
from eventwire.model import CodedDocument, Event
from eventwire.store import DEFAULT_URL


def _date(_ctx, _param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: code news about armed conflict and diplomacy into events, and track ceasefires."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (relative dates resolve against it).",
)
@click.option(
    "--db",
    default=DEFAULT_URL,
    show_default=True,
    help="Store URL: a SQLite path or URL, or postgresql://...",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format on stdout (or --out).",
)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the output to this file instead of stdout.",
)
@click.option("--no-store", is_flag=True, help="Do not write to the store; only print.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run here, or on Dask (a LocalCluster unless --scheduler is given).",
)
@click.option("--scheduler", metavar="ADDRESS", help="Address of a running Dask scheduler.")
@click.option(
    "--workers",
    type=int,
    default=2,
    show_default=True,
    help="Worker processes of the LocalCluster (with --engine dask).",
)
@click.option(
    "--text-column", metavar="NAME", help="Text column of CSV/TSV inputs (default: text/body/content)."
)
def code(paths, published, db, fmt, out, no_store, engine, scheduler, workers, text_column) -> None:
    """Code articles into events and store them.

    PATHS are files, directories (recursive), globs, or - for stdin. Text, JSONL
    ({id, text, published?, title?, url?, publisher?} per line) and the other
    supported formats are recognised by extension and content.

    \b
    Examples:
      eventwire code examples/
      eventwire code story.txt --published 2020-03-06 --format jsonl
      cat stories.jsonl | eventwire code - --format csv --out events.csv
      eventwire code corpus/ --engine dask --workers 2
      eventwire code reports.csv --text-column notes
    """
    from eventwire.runner import Engine, code_paths

    results: Iterator[CodedDocument] = code_paths(
        list(paths),
        published=published,
        db=None if no_store else db,
        progress=True,
        engine=Engine(engine, scheduler, workers),
        text_column=text_column,
    )
    failed = 0

    def events() -> Iterator[Event]:
        nonlocal failed
        for res in results:
            doc = res.document
            if doc.status != "coded":
                failed += 1
                click.echo(f"[{doc.status}] {doc.source or doc.id}: {doc.error}", err=True)
            for w in res.warnings:
                click.echo(f"[warning] {doc.source or doc.id}: {w}", err=True)
            yield from res.events

    _emit(events(), fmt, out)
    if failed:
        click.echo(f"{failed} document(s) not coded; see the messages above.", err=True)


@main.command()
@click.option("--db", default=DEFAULT_URL, show_default=True, help="Store URL or SQLite path.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl (PLOVER-style records), csv (flat), acled (ACLED's columns), ucdp (GED-style), "
    "geojson, parquet (needs --out), table.",
)
@click.option("--out", default="-", help="Output file (- for stdout).")
@click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Events on or after this date.")
@click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Events on or before this date.")
@click.option("--country", metavar="ISO3", help="Events located in this country.")
@click.option("--type", "event_type", metavar="PLOVER", help="Only this PLOVER event type.")
@click.option(
    "--bbox",
    type=float,
    nargs=4,
    metavar="W S E N",
    help="Events inside this bounding box (west south east north, degrees).",
)
@click.option(
    "--clusters",
    is_flag=True,
    help="One row per real-world event (dedup cluster: merged record, n_reports, n_outlets, sources) "
    "instead of one per report; formats jsonl, csv, acled, geojson, parquet.",
)
def export(db, fmt, out, since, until, country, event_type, bbox, clusters) -> None:
    """Export stored events.

    \b
    Examples:
      eventwire export --format csv --out events.csv
      eventwire export --country SYR --since 2020-03-01 --type ASSAULT
      eventwire export --format acled --out acled.csv
      eventwire export --format parquet --out events.parquet
      eventwire export --clusters --format acled --out events_dedup.csv
    """
    from eventwire.export import write_acled_csv, write_geojson, write_ucdp_csv
    from eventwire.store import Store

    store = Store(db)
    if clusters:
        _export_clusters(
            store,
            fmt,
            out,
            dict(since=since, until=until, country=country, event_type=event_type, bbox=bbox or None),
        )
        return
    events = store.events(since=since, until=until, country=country, event_type=event_type, bbox=bbox or None)
    if fmt == "parquet":
        from eventwire.export.parquet import write_parquet

        if out == "-":
            raise click.UsageError("parquet is binary: give a file with --out")
        n = write_parquet(events, out)
        click.echo(f"{n} event(s) written to {out}", err=True)
        return
    publishers = store.publishers()
    with click.open_file(out, "w", encoding="utf-8") as fh:
        if fmt == "acled":
            write_acled_csv(events, fh, publishers)
        elif fmt == "ucdp":
            write_ucdp_csv(events, fh, publishers)
        elif fmt == "geojson":
            write_geojson(events, fh)
        else:
            _emit(events, fmt, fh)


def _export_clusters(store, fmt: str, out: str, filters: dict) -> None:
    from eventwire.export.clusters import CLUSTER_FORMATS, stored_clusters, write_clusters

    if fmt not in CLUSTER_FORMATS:
        raise click.UsageError(f"--clusters exports {', '.join(CLUSTER_FORMATS)}, not {fmt}")
    found, names = stored_clusters(store, **filters)
    if fmt == "parquet":
        if out == "-":
            raise click.UsageError("parquet is binary: give a file with --out")
        n = write_clusters(fmt, found, out, names)
    else:
        with click.open_file(out, "w", encoding="utf-8") as fh:
            n = write_clusters(fmt, found, fh, names)
    click.echo(f"{n} event(s) written", err=True)


def _emit(events, fmt: str, out) -> None:
    if fmt == "jsonl":
        write_jsonl(events, out)
    elif fmt == "csv":
        write_csv(events, out)
    else:
        evs = list(events)
        text = format_table(evs)
        click.echo(text if evs else "(no events)", file=out)
        click.echo(f"{len(evs)} event(s).", err=True)


@main.command()
@click.option("--db", default=DEFAULT_URL, show_default=True, help="Store URL or SQLite path.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def ceasefires(db, fmt) -> None:
    """List ceasefires with their terms, status and the events since they took effect.

    \b
    Example:
      eventwire ceasefires --format jsonl
    """
    from eventwire.ceasefire import format_ceasefires_table
    from eventwire.store import Store

    store = Store(db)
    items = store.ceasefires()
    if fmt == "jsonl":
        for cf in items:
            click.echo(cf.model_dump_json())
    else:
        click.echo(format_ceasefires_table(items, list(store.events())) if items else "(no ceasefires)")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False),
    help="Score these predictions (JSONL from `eventwire code --format jsonl`) "
    "instead of coding the gold texts.",
)
@click.option("--split", type=click.Choice(["dev", "test"]), help="Score only this part of the gold file.")
@click.option("--limit", type=int, help="Score only the first N gold items.")
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
def evaluate(gold, pred, split, limit, as_json) -> None:
    """Score eventwire against a gold file: P/R/F1, confusion, fatalities, dates, calibration.

    \b
    Examples:
      eventwire evaluate ../shared/data/plover_gsr.jsonl --split test
      eventwire evaluate gold/event_sentences.jsonl --json > scores.json
      eventwire evaluate gold.jsonl --pred predictions.jsonl
    """
    import json

    from eventwire.evaluate import evaluate as run
    from eventwire.evaluate import render

    result = run(gold, pred, split=split, limit=limit)
    click.echo(json.dumps(result, indent=2) if as_json else render(result))


@main.command()
@click.argument("corpus", nargs=-1)
@click.option("--limit", type=int, help="Use only the first N documents.")
@click.option("--batch-size", type=int, default=32, show_default=True, help="spaCy batch size.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--text-column", metavar="NAME", help="Text column of CSV/TSV inputs.")
@click.option(
    "--dask-workers",
    metavar="N,N",
    help="Also time the Dask engine on LocalClusters of these sizes (e.g. 1,2).",
)
@click.option("--dask-only", is_flag=True, help="With --dask-workers: skip the local engine and bare spaCy.")
def bench(corpus, limit, batch_size, as_json, text_column, dask_workers, dask_only) -> None:
    """Measure throughput against bare spaCy nlp.pipe on the same texts, in one run.

    CORPUS is any input `eventwire code` accepts (default: examples/).

    \b
    Examples:
      eventwire bench
      eventwire bench ../shared/corpora/conflict_sample.jsonl --limit 200 --json
      eventwire bench corpus.jsonl --limit 2000 --dask-workers 1,2
    """
    import json

    from eventwire.bench import load_corpus, render, render_dask, run_bench, run_dask_bench

    sources = list(corpus) or ["examples"]
    if dask_only and not dask_workers:
        raise click.UsageError("--dask-only needs --dask-workers")
    raws = load_corpus(sources, limit=limit, text_column=text_column)
    result = {} if dask_only else run_bench(raws, batch_size=batch_size)
    if dask_workers:
        sizes = [int(n) for n in dask_workers.split(",") if n.strip()]
        result["dask"] = run_dask_bench(raws, sizes)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    if result.get("documents"):
        click.echo(render(result))
    if dask_workers:
        click.echo(render_dask(result["dask"]))


@main.command()
@click.argument("place")
@click.option("--country", metavar="ISO3", help="Rank as for a document about this country (e.g. SYR).")
@click.option("--limit", type=int, default=10, show_default=True, help="Show at most N candidates.")
@click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON lines.")
def geocode(place, country, limit, as_json) -> None:
    """Rank the gazetteer places a name may mean: name, feature, admin1, country, population,
    lat/lon, GeoNames id and the resolution score.

    \b
    Examples:
      eventwire geocode "Tripoli"
      eventwire geocode "Ariha" --country SYR --json
    """
    from eventwire.geo import get_geocoder
    from eventwire.geo.lookup import candidates, render

    found = candidates(get_geocoder(), place, country=country, limit=limit)
    if as_json:
        for c in found:
            click.echo(c.model_dump_json())
    elif found:
        click.echo(render(found))
    else:
        click.echo(f"no gazetteer place is called {place!r}", err=True)


@main.group()
def db() -> None:
    """Manage the store's database schema (SQLite or PostgreSQL)."""


@db.command()
@click.option(
    "--db",
    "url",
    default=DEFAULT_URL,
    show_default=True,
    help="Store URL: a SQLite path or URL, or postgresql://...",
)
def upgrade(url) -> None:
    """Apply schema migrations up to the latest revision (safe to run repeatedly).

    \b
    Example:
      eventwire db upgrade --db postgresql://user@localhost/events
    """
    from eventwire.store import Store
    from eventwire.store.migrate import current

    store = Store(url)  # opening a store runs the migrations
    click.echo(f"{store.url}: schema at revision {current(store.engine)}")


@main.command()
@click.option(
    "--train",
    "train_path",
    default="training/events_train.jsonl",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Team-written training sentences.",
)
@click.option(
    "--gold",
    default="gold/event_sentences.jsonl",
    show_default=True,
    help="Gold sentences: only their dev split is used.",
)
@click.option(
    "--plover",
    default="../shared/data/plover_gsr.jsonl",
    show_default=True,
    help="PLOVER gold standard records, if present: only their dev split is used (CC BY-SA 4.0).",
)
@click.option(
    "--out",
    default="src/eventwire/data/models",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Directory the model files are written to.",
)
@click.option(
    "--confidence",
    "confidence_out",
    flag_value="src/eventwire/data/confidence_weights.json",
    default=None,
    help="Instead of the classifier, fit the confidence weights (src/eventwire/data/"
    "confidence_weights.json) on the dev split of --gold and the training sentences, each coded "
    "by a classifier that never saw it (--plover dev only trains those classifiers).",
)
@click.option(
    "--embeddings",
    is_flag=True,
    help="Fit the classifier that also reads sentence embeddings (needs `pip install "
    "eventwire[embeddings]`; writes event_classifier_emb.*, the light model is left as it is).",
)
def train(train_path, gold, plover, out, confidence_out, embeddings) -> None:
    """Fit the sentence classifier (ACLED sub-type, PLOVER type) from training and dev data.

    \b
    Example:
      eventwire train
      eventwire train --confidence
      eventwire train --embeddings
    """
    import json
    from pathlib import Path

    if confidence_out:
        from eventwire.events.train_confidence import train as fit_confidence

        doc = fit_confidence(Path(gold), Path(plover), Path(train_path), Path(confidence_out))
        click.echo(json.dumps(doc["fitted"], indent=2), err=True)
        return
    from eventwire.events.train_classifier import train as fit_model

    model = fit_model(Path(train_path), Path(gold), Path(plover), Path(out), embeddings=embeddings)
    meta = {k: model.meta[k] for k in ("n_examples", "sources", "n_features", "licence")}
    click.echo(json.dumps(meta, indent=2), err=True)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the event record (the file schema/event.schema.json).

    \b
    Example:
      eventwire schema > event.schema.json
    """
    import json

    from eventwire.model import event_json_schema

    click.echo(json.dumps(event_json_schema(), indent=2, sort_keys=True))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
