"""Corpus scale: the same pipeline on Dask (a LocalCluster by default, or a running scheduler).

Documents are cut into partitions; each worker codes whole partitions with the ordinary
``Pipeline`` (models load once per worker process, on its first partition), and results stream
back as partitions finish, so the caller writes them to the store in batches. Records are
identical to the local engine's: same code, same ids. Dask is an optional extra
(``pip install eventwire[dask]``): nothing else imports this module.

Example:
    >>> # for res in code_dask(raws, workers=2): store.save(res)
"""

from __future__ import annotations

import datetime as dt
import resource
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

from eventwire.model import CodedDocument, RawDocument

if TYPE_CHECKING:
    from dask.distributed import Client

PARTITION = 32


def code_partition(raws: list[RawDocument], published: dt.date | None) -> list[CodedDocument]:
    """Code one partition on a worker (the worker's models are cached across partitions)."""
    from eventwire.pipeline import Options, Pipeline

    return list(Pipeline(Options(published=published)).code(raws))


def _partitions(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    it = iter(raws)
    while chunk := list(islice(it, size)):
        yield chunk


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # one thread a process: spaCy holds the GIL, so threads would only share one core
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def warm_up(client: Client) -> None:
    """Load the models and the gazetteer in every worker, so timings leave start-up out."""
    sample = [RawDocument(text="Rebels attacked an army base near Goma on Monday.", raw_sha256="0" * 64)]
    client.run(code_partition, sample, None)


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def worker_peak_rss_mb(client: Client) -> dict[str, float]:
    """Peak resident memory of each worker process, in MB."""
    return client.run(_peak_rss_mb)


def code_on(
    client: Client,
    raws: Iterable[RawDocument],
    *,
    published: dt.date | None = None,
    partition: int = PARTITION,
) -> Iterator[CodedDocument]:
    """Code documents on a connected cluster, yielding results in input order.

    At most two partitions a worker are in flight, so a corpus larger than memory streams."""
    from dask.distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    max_in_flight = 2 * workers
    pending: dict[int, list[CodedDocument]] = {}
    index_of: dict[str, int] = {}
    next_out = 0
    done = as_completed()

    def collect(fut) -> Iterator[CodedDocument]:
        nonlocal next_out
        pending[index_of.pop(fut.key)] = fut.result()
        while next_out in pending:
            yield from pending.pop(next_out)
            next_out += 1

    for k, part in enumerate(_partitions(raws, partition)):
        fut = client.submit(code_partition, part, published, pure=False)
        index_of[fut.key] = k
        done.add(fut)
        if done.count() >= max_in_flight:
            yield from collect(next(done))
    for fut in done:
        yield from collect(fut)


def code_dask(
    raws: Iterable[RawDocument],
    *,
    published: dt.date | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition: int = PARTITION,
) -> Iterator[CodedDocument]:
    """Code documents on a Dask cluster, yielding results in input order."""
    with dask_client(scheduler, workers) as client:
        yield from code_on(client, raws, published=published, partition=partition)
