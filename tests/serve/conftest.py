"""Fixtures for the endpoint tests: a real store, and the server running on a free loopback port."""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from viz.stores import build_store

from kg.serve.app import create_app
from kg.serve.server import http_server


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "")


@contextmanager
def running(store, **options):
    """The app over ``store`` served on 127.0.0.1 and a free port, in a thread; yields the base URL."""
    app = create_app(store, **options)
    server = http_server(app, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        app.close()


def http(url: str, *, method: str = "GET", body: bytes | None = None, headers: dict | None = None) -> Reply:
    """A plain HTTP request; error statuses are replies too."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return Reply(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as e:
        return Reply(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("serve-store"))


@pytest.fixture(scope="module")
def endpoint(store):
    """The read-only server, with a short timeout so a runaway query is stopped quickly."""
    with running(store, timeout=2.0, workers=2) as base:
        yield base
