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
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.model import CodedDocument, RawDocument

PARTITION = 32


def code_partition(raws: list[RawDocument], published: dt.date | None) -> list[CodedDocument]:
    """Code one partition on a worker (the worker's models are cached across partitions)."""
    from eventwire.pipeline import Options, Pipeline

    return list(Pipeline(Options(published=published)).code(raws))


def _partitions(raws: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    it = iter(raws)
    while chunk := list(islice(it, size)):
        yield chunk


def code_dask(
    raws: Iterable[RawDocument],
    *,
    published: dt.date | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    partition: int = PARTITION,
) -> Iterator[CodedDocument]:
    """Code documents on a Dask cluster, yielding results in input order."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = []
        max_in_flight = max(2, 2 * workers)
        pending: dict[int, list[CodedDocument]] = {}
        next_out = 0
        parts = enumerate(_partitions(raws, partition))
        index_of = {}
        ac = as_completed()
        for k, part in parts:
            fut = client.submit(code_partition, part, published, pure=False)
            index_of[fut.key] = k
            ac.add(fut)
            futures.append(fut)
            if ac.count() >= max_in_flight:
                fut_done = next(ac)
                pending[index_of[fut_done.key]] = fut_done.result()
                while next_out in pending:
                    yield from pending.pop(next_out)
                    next_out += 1
        for fut_done in ac:
            pending[index_of[fut_done.key]] = fut_done.result()
            while next_out in pending:
                yield from pending.pop(next_out)
                next_out += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
