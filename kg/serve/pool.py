"""Worker processes that answer SPARQL, and the timeout that kills one whose query runs too long.

Oxigraph cannot stop a query once it runs, so each query goes to a worker process
(``python -m kg.serve.worker``); when no answer comes within the timeout the worker is
killed and a fresh one takes its place. Workers are plain subprocesses talking over two
pipes (multiprocessing's connection framing), so they never re-run the parent's main
module and import only pyoxigraph.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection

from kg.serve.protocol import ProtocolError
from kg.serve.worker import Settings


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    send: Connection
    receive: Connection


class QueryTimeout(ProtocolError):
    def __init__(self, seconds: float, kind: str):
        super().__init__(503, f"the {kind} took longer than the server's timeout of {seconds:g} s and was "
                              f"stopped: make it more selective (a LIMIT, fewer OPTIONALs, no cross products) "
                              f"or start the server with a longer --timeout")


class Pool:
    """``size`` workers; ``run`` hands a request to an idle one and waits at most ``timeout`` seconds."""

    def __init__(self, settings: Settings, *, size: int, timeout: float, writable: bool = False):
        self.settings = settings
        self.timeout = timeout
        self.writable = writable
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.all: set[_Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self) -> _Worker:
        from_parent, to_child = os.pipe()  # (read end, write end)
        from_child, to_parent = os.pipe()
        args = [sys.executable, "-m", "kg.serve.worker", json.dumps(asdict(self.settings)),
                str(from_parent), str(to_parent), "update" if self.writable else "query"]
        process = subprocess.Popen(args, pass_fds=(from_parent, to_parent), stdin=subprocess.DEVNULL)
        os.close(from_parent)
        os.close(to_parent)
        w = _Worker(process, Connection(to_child, readable=False), Connection(from_child, writable=False))
        with self.lock:
            self.all.add(w)
        return w

    def _stop(self, w: _Worker) -> None:
        with self.lock:
            self.all.discard(w)
        if w.process.poll() is None:
            w.process.kill()
        w.process.wait()
        w.send.close()
        w.receive.close()

    def run(self, request: dict) -> tuple:
        """The worker's reply to ``request``; QueryTimeout when none comes in time."""
        kind = "update" if self.writable else "query"
        deadline = time.monotonic() + self.timeout
        try:
            w = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(self.timeout, kind) from None
        try:
            w.send.send(request)
            if w.receive.poll(max(0.0, deadline - time.monotonic())):
                reply = w.receive.recv()
                self.idle.put(w)
                return reply
        except (EOFError, OSError):
            self._replace(w)
            raise ProtocolError(500, f"the {kind} worker stopped unexpectedly; the {kind} was not answered") \
                from None
        self._replace(w)
        raise QueryTimeout(self.timeout, kind)

    def _replace(self, w: _Worker) -> None:
        self._stop(w)
        if not self.closed:
            self.idle.put(self._start())

    def close(self) -> None:
        """Stop every worker."""
        self.closed = True
        with self.lock:
            workers = list(self.all)
        for w in workers:
            self._stop(w)
