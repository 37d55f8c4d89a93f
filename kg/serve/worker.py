"""A query worker: a process of its own that answers SPARQL over the store, so a query that runs too long can be killed.

Readers open the store read-only (no lock: ``kg build --store`` can run meanwhile) and
reopen it when its files change, so they answer from what the store holds now. The
updater opens the store for writing only while it applies one update, then lets it go.
This module imports nothing heavy: workers start fast and stay small.
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph as ox

from kg.serve.protocol import CONTENT_TYPES, ProtocolError, choose_format

REOPEN_TRIES = 3


@dataclass
class Settings:
    """What every worker needs to know, sent to it when it starts."""

    store_dir: str  # the folder holding Oxigraph's files (``STORE/oxigraph``)
    prefixes: dict[str, str] = field(default_factory=dict)
    hidden: str = ""  # named graphs under this IRI are left out of queries (the store's index)


def files_stamp(folder: str) -> tuple:
    """What changes whenever the store's files do: every file's name, size and modification time."""
    out = []
    for entry in os.scandir(folder):
        try:
            st = entry.stat()
        except FileNotFoundError:  # removed while we looked: the next stamp differs anyway
            continue
        out.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(out))


class Reader:
    """Answers queries from a read-only view of the store, reopened when the store's files change."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.stamp: tuple | None = None
        self.db: ox.Store | None = None
        self.graphs: list = []

    def fresh(self, force: bool = False) -> ox.Store:
        """The store, reopened when its files changed since it was opened (a build or an update wrote)."""
        stamp = files_stamp(self.settings.store_dir)
        if force or stamp != self.stamp or self.db is None:
            self.db = None
            for attempt in range(REOPEN_TRIES):
                try:
                    self.db = ox.Store.read_only(self.settings.store_dir)
                    break
                except (OSError, RuntimeError):  # a writer removed a file the manifest we read names
                    if attempt == REOPEN_TRIES - 1:
                        raise ProtocolError(503, "the store is being rewritten (a build is running): "
                                                 "try again in a moment") from None
                    time.sleep(0.05 * (attempt + 1))
            hidden = self.settings.hidden
            self.graphs = sorted((g for g in self.db.named_graphs()
                                  if not (hidden and isinstance(g, ox.NamedNode) and g.value.startswith(hidden))),
                                 key=str)
            self.stamp = stamp
        return self.db

    def answer(self, request: dict) -> tuple:
        """Run the query; if the store's files moved under it (a build compacted), reopen and run it again."""
        try:
            return self._answer(request, self.fresh())
        except (OSError, RuntimeError):
            if files_stamp(self.settings.store_dir) == self.stamp:
                raise
            return self._answer(request, self.fresh(force=True))

    def _answer(self, request: dict, db: ox.Store) -> tuple:
        default = [ox.NamedNode(g) for g in request.get("default", ())] or [ox.DefaultGraph(), *self.graphs]
        named = [ox.NamedNode(g) for g in request.get("named", ())] or self.graphs
        result = db.query(request["text"], prefixes=self.settings.prefixes, default_graph=default,
                          named_graphs=named)
        if isinstance(result, ox.QueryTriples):
            fmt = choose_format("graph", request.get("accept"), request.get("format"))
            body = ox.serialize(result, format=getattr(ox.RdfFormat, fmt), prefixes=self._prefixes(fmt))
        else:
            fmt = choose_format("results", request.get("accept"), request.get("format"))
            body = result.serialize(format=getattr(ox.QueryResultsFormat, fmt))
        return "ok", CONTENT_TYPES[fmt], body

    def _prefixes(self, fmt: str) -> dict[str, str] | None:
        return self.settings.prefixes if fmt in ("TURTLE", "RDF_XML") else None


class Updater:
    """Applies updates, opening the store for writing only for the length of one update."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def answer(self, request: dict) -> tuple:
        try:
            db = ox.Store(self.settings.store_dir)
        except OSError as e:
            if "lock" in str(e).lower():
                raise ProtocolError(503, "the store is in use by another kg process (a build?): try the update "
                                         "again when it is done") from None
            raise
        try:
            db.update(request["text"], prefixes=self.settings.prefixes)
            db.flush()
        finally:
            del db
        return "ok", "text/plain; charset=utf-8", b"update applied\n"


def serve(requests: Connection, replies: Connection, settings: Settings, writable: bool = False) -> None:
    """Answer ``requests`` until they stop: ("ok", content type, body), ("syntax" or "error", status, message)."""
    worker = Updater(settings) if writable else Reader(settings)
    while True:
        try:
            request = requests.recv()
        except (EOFError, OSError):
            return
        try:
            reply = worker.answer(request)
        except ProtocolError as e:
            reply = ("error", e.status, str(e))
        except SyntaxError as e:
            reply = ("syntax", 400, str(e))
        except (OSError, RuntimeError, ValueError, TypeError) as e:
            reply = ("error", 500, f"the {'update' if writable else 'query'} failed: {e}")
        try:
            replies.send(reply)
        except (EOFError, OSError):
            return


if __name__ == "__main__":
    # python -m kg.serve.worker SETTINGS_JSON READ_FD WRITE_FD query|update, started by kg.serve.pool
    serve(Connection(int(sys.argv[2]), writable=False), Connection(int(sys.argv[3]), readable=False),
          Settings(**json.loads(sys.argv[1])), sys.argv[4] == "update")
