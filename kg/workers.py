"""Where extraction runs: a pool of processes on this machine, or the workers of a Dask cluster.

The NLP and the extractors are most of a build's work and need nothing but the article, so
they run wherever a core is free; resolution and the store writes stay in the process that
owns the store. A task is a batch of articles and its answer the batch's records
(``Extraction``: strings and numbers, never a spaCy Doc), so little crosses between
processes. ``in_order`` gives the answers back in input order with a few batches in flight
at most: the graph is the same whatever the number of workers, and memory stays flat
however many articles come.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from kg.errors import KGError

log = logging.getLogger(__name__)
LOCAL = "local"  # --dask local: a Dask cluster of processes on this machine


class Workers:
    """Runs functions elsewhere: ``submit(fn, *args)`` gives a future; ``slots`` tasks may be in flight."""

    slots = 2

    def submit(self, fn: Callable, *args) -> Any:
        raise NotImplementedError

    def retry(self, error: BaseException) -> bool:
        """Whether a task that failed with ``error`` may be run again (its worker died, not its code)."""
        return False

    def close(self) -> None:
        pass

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ProcessPool(Workers):
    """``n`` worker processes on this machine, started from a clean server process (not forked from this one)."""

    def __init__(self, n: int, preload: tuple[str, ...] = ("kg.build", "kg.extract", "kg.nlp.pipeline")):
        self.n, self.preload = n, preload
        self.slots = 3 * n
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers fork from a server that imported kg once, not from this process and its threads
        ctx = get_context("forkserver")
        ctx.set_forkserver_preload(list(self.preload))
        return ProcessPoolExecutor(self.n, mp_context=ctx)

    def submit(self, fn: Callable, *args) -> Future:
        try:
            return self.pool.submit(fn, *args)
        except BrokenProcessPool:
            log.warning("a worker process died; starting new ones")
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._start()
            return self.pool.submit(fn, *args)

    def retry(self, error: BaseException) -> bool:
        return isinstance(error, BrokenProcessPool)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster(Workers):
    """The workers of the Dask cluster whose scheduler is at ``address`` (``local``: a new one on this machine)."""

    def __init__(self, address: str, n: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise KGError("--dask needs Dask: install kg with its dask extra (pip install -c constraints.txt "
                          "-e '.[dask]')") from None
        self.cluster = None
        try:
            if address == LOCAL:
                self.cluster = LocalCluster(n_workers=n or os.cpu_count() or 1, threads_per_worker=1,
                                            processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout="20s")
        except (OSError, TimeoutError, ValueError) as e:
            self.close()
            where = "start a local Dask cluster" if address == LOCAL else f"reach the Dask scheduler at {address}"
            raise KGError(f"cannot {where} ({e}); start one with `dask scheduler` and `dask worker ADDRESS`, "
                          "or use --dask local") from None
        self._check_workers(address)
        self.slots = max(2, 2 * sum(self.client.nthreads().values()))

    def _check_workers(self, address: str) -> None:
        """Every worker must run this kg: the records they send back are read here."""
        from kg.graph.store import kg_version

        mine = kg_version()
        try:
            theirs = self.client.run(kg_version)
        except Exception as e:  # the workers cannot even unpickle the check: no kg there
            self.close()
            raise KGError(f"the Dask workers at {address} cannot run kg ({type(e).__name__}: {e}); "
                          f"install kg {mine} where each `dask worker` runs") from None
        if not theirs:
            self.close()
            raise KGError(f"the Dask cluster at {address} has no workers; start some with `dask worker {address}`")
        wrong = sorted(w for w, v in theirs.items() if v != mine)
        if wrong:
            self.close()
            raise KGError(f"Dask workers {', '.join(wrong)} run another kg version than this one ({mine}); "
                          "install the same kg on every worker")

    def submit(self, fn: Callable, *args) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self.cluster
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        self.client = self.cluster = None


def in_order(workers: Workers, fn: Callable, batches: Iterable, *args,
             failed: Callable[[Any, BaseException], None]) -> Iterator:
    """``fn(batch, *args)`` for each batch, run by ``workers``, in the order of ``batches``.

    At most ``workers.slots`` batches are read ahead. A batch whose task fails is given to
    ``failed`` with the error (after one more try when its worker died) and left out.
    """
    pending: deque = deque()

    def settle():
        batch, future, tries = pending.popleft()
        while True:
            try:
                return future.result()
            except Exception as e:
                if tries == 0 and workers.retry(e):
                    future, tries = workers.submit(fn, batch, *args), 1
                    continue
                failed(batch, e)
                return None

    for batch in batches:
        pending.append((batch, workers.submit(fn, batch, *args), 0))
        while len(pending) >= workers.slots:
            result = settle()
            if result is not None:
                yield result
    while pending:
        result = settle()
        if result is not None:
            yield result


def start(workers: int = 1, dask: str | None = None) -> Workers | None:
    """The workers a build asks for: None to extract in this process."""
    if dask:
        return DaskCluster(dask, workers if workers > 1 else None)
    if workers > 1:
        return ProcessPool(workers)
    return None
