"""Serve a WSGI app over HTTP with the standard library: one thread per request, on loopback by default.

``wsgiref`` with ``ThreadingMixIn`` is all a local endpoint needs: no extra dependency,
and queries run in worker processes anyway, so a slow one never holds the others up.
"""
from __future__ import annotations

import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from kg.serve.app import ServeError


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class QuietHandler(WSGIRequestHandler):
    """Logs one short line per request to stderr, or nothing when ``quiet``."""

    quiet = False

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the standard library's name
        if not self.quiet:
            sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


def http_server(app, host: str = "127.0.0.1", port: int = 7878, *, quiet: bool = False) -> ThreadingWSGIServer:
    """A server bound to ``host:port`` (port 0: any free one; see ``server.server_port``), not yet serving."""
    handler = type("Handler", (QuietHandler,), {"quiet": quiet})
    try:
        return make_server(host, port, app, server_class=ThreadingWSGIServer, handler_class=handler)
    except OSError as e:
        raise ServeError(f"cannot listen on {host}:{port}: {e.strerror or e}; pick another --port "
                         "(or stop what uses it)") from None
