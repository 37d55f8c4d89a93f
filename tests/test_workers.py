"""Extraction elsewhere: results in input order, a failed batch reported alone, a dead worker replaced."""
from __future__ import annotations

import os
from concurrent.futures import Future

import pytest

from kg.workers import ProcessPool, Workers, in_order


class InThisProcess(Workers):
    """Workers that run each task at once, here: the ordering and error paths without processes."""

    slots = 3

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, *args) -> Future:
        self.submitted += 1
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except Exception as e:
            future.set_exception(e)
        return future


def doubled(batch: list[int]) -> list[int]:
    if 13 in batch:
        raise ValueError("unlucky")
    return [2 * x for x in batch]


def crash_on(batch: list[str]) -> list[str]:
    """Kills the worker process that runs it when the batch says so: no exception, no answer."""
    if "crash" in batch:
        os._exit(3)
    return [x.upper() for x in batch]


def test_in_order_gives_results_in_input_order_and_reports_a_failed_batch_alone():
    failed = []
    batches = [[1, 2], [3], [13, 14], [5, 6]]
    out = list(in_order(InThisProcess(), doubled, batches, failed=lambda b, e: failed.append((b, str(e)))))
    assert out == [[2, 4], [6], [10, 12]]
    assert failed == [([13, 14], "unlucky")]


def test_in_order_reads_only_a_few_batches_ahead():
    read = []

    def batches():
        for k in range(50):
            read.append(k)
            yield [k]

    workers = InThisProcess()
    for k, result in enumerate(in_order(workers, doubled, batches(), failed=lambda b, e: None)):
        assert len(read) <= k + 1 + workers.slots


@pytest.mark.slow
def test_a_worker_process_that_dies_costs_only_its_own_batch():
    failed = []
    with ProcessPool(2) as pool:
        batches = [["a"], ["crash"], ["b"], ["c", "d"]]
        out = list(in_order(pool, crash_on, batches, failed=lambda b, e: failed.append((b, type(e).__name__))))
    assert out == [["A"], ["B"], ["C", "D"]]
    assert failed == [(["crash"], "BrokenProcessPool")]
