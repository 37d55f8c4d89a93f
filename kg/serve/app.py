"""The web application: a SPARQL 1.1 Protocol endpoint at /sparql and a query page at /, as one WSGI app.

``create_app(store)`` returns the app; nothing lives in module globals, so tests can run
several apps side by side. Queries are answered by worker processes (``kg.serve.pool``)
that read the store read-only; updates are refused with 403 unless ``allow_update``.
The page and everything it loads (vis-network from the installed pyvis package, the
page's script and style) come from this server: it makes no request elsewhere.
"""
from __future__ import annotations

import json
import mimetypes
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path

from kg.errors import KGError
from kg.serve.pool import Pool
from kg.serve.protocol import Operation, ProtocolError, looks_like_update, parse_request
from kg.serve.worker import Settings

MAX_BODY = 16 * 1024 * 1024
PAGE_FILES = {"page.js", "page.css", "index.html"}
VIS_FILES = {"vis-network.min.js": "vis-network.min.js", "vis-network.css": "vis-network.css"}
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
READ_ONLY = ("this endpoint is read-only: SPARQL Update is refused. To let updates change the store, start "
             "the server with `kg serve --allow-update` (updates then bypass kg build's bookkeeping)")
Response = tuple[str, list[tuple[str, str]], bytes]


class ServeError(KGError):
    """The server cannot start: no store, a port in use."""


def _prefixes() -> dict[str, str]:
    """The prefixes every query may use undeclared: kg.query's, or the graph's when kg.query is absent."""
    try:
        from kg.query.run import PREFIXES
    except ImportError:  # pragma: no cover - kg.query ships with kg
        from kg.graph.build import PREFIXES as GRAPH

        return {p: str(ns) for p, ns in GRAPH.items()}
    return dict(PREFIXES)


def _syntax_message(text: str, error: str) -> str:
    """The parser's message with the line and a caret (kg.query's wording when it is there)."""
    try:
        from kg.query.run import syntax_message
    except ImportError:  # pragma: no cover
        return f"the query is not valid SPARQL: {error}"
    return syntax_message(text, error)


def named_examples() -> list[dict]:
    """The named queries of kg.query, for the page's examples: name, summary, description, SPARQL."""
    try:
        from kg.query import named_queries
    except ImportError:  # pragma: no cover
        return []
    return [{"name": q.name, "summary": q.summary, "description": q.description, "sparql": q.sparql,
             "params": [p.name for p in q.params]} for q in named_queries().values()]


class App:
    """The WSGI application. Call ``close()`` to stop its workers."""

    def __init__(self, store, *, allow_update: bool = False, timeout: float = 30.0, workers: int = 2,
                 cors: bool = False):
        from kg.graph.store import INDEX, KGStore

        where = getattr(store, "path", store)  # a KGStore, or its folder
        if where is None:
            raise ServeError("an in-memory store cannot be served: build one on disk with `kg build ... --store DIR`")
        self.store = Path(where)
        KGStore(self.store, read_only=True).close()  # fails now, with a message, if it is not a kg store
        self.settings = Settings(str(self.store / "oxigraph"), _prefixes(), INDEX)
        self.timeout = timeout
        self.allow_update = allow_update
        self.cors = cors
        self.readers = Pool(self.settings, size=max(1, workers), timeout=timeout)
        self.updater = Pool(self.settings, size=1, timeout=timeout, writable=True) if allow_update else None
        self.examples = json.dumps({"queries": named_examples(), "prefixes": self.settings.prefixes,
                                    "store": self.store.name or str(self.store), "timeout": timeout,
                                    "updates": allow_update}, ensure_ascii=False).encode("utf-8")

    def close(self) -> None:
        self.readers.close()
        if self.updater is not None:
            self.updater.close()

    # --- WSGI ---------------------------------------------------------------------------------------------

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        status, headers, body = self.respond(environ)
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def respond(self, environ: dict) -> Response:
        path = environ.get("PATH_INFO", "/")
        method = environ.get("REQUEST_METHOD", "GET")
        try:
            if path == "/sparql":
                return self.sparql(environ, method)
            if method not in ("GET", "HEAD"):
                raise ProtocolError(405, f"{method} {path}: only GET is allowed here")
            if path in ("/", "/index.html"):
                return self.static("index.html")
            if path == "/queries.json":
                return _ok("application/json", self.examples)
            if path.startswith("/static/"):
                return self.static(path[len("/static/"):])
            raise ProtocolError(404, f"nothing at {path}: the endpoint is /sparql, the query page /")
        except ProtocolError as e:
            return _text(e.status, str(e), self._cors_headers() if path == "/sparql" else [])

    def _cors_headers(self) -> list[tuple[str, str]]:
        return [("Access-Control-Allow-Origin", "*")] if self.cors else []

    def static(self, name: str) -> Response:
        if name in VIS_FILES:
            import pyvis

            data = (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / VIS_FILES[name]).read_bytes()
        elif name in PAGE_FILES:
            data = (files("kg.serve") / "static" / name).read_bytes()
        else:
            raise ProtocolError(404, f"there is no file {name} here")
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        return "200 OK", [("Content-Type", kind), ("Content-Security-Policy", PAGE_POLICY),
                          ("X-Content-Type-Options", "nosniff"), ("Cache-Control", "no-cache")], data

    def sparql(self, environ: dict, method: str) -> Response:
        if method == "OPTIONS" and self.cors:
            return "204 No Content", [*self._cors_headers(), ("Access-Control-Allow-Methods", "GET, POST"),
                                      ("Access-Control-Allow-Headers", "Content-Type, Accept")], b""
        op = parse_request(method, environ.get("QUERY_STRING", ""), environ.get("CONTENT_TYPE", ""),
                           _body(environ) if method == "POST" else b"")
        if op.kind == "update" or (looks_like_update(op.text) and not self.allow_update):
            return self.update(op)
        reply = self.readers.run({"text": op.text, "accept": environ.get("HTTP_ACCEPT"), "format": op.format,
                                  "default": op.default_graphs, "named": op.named_graphs})
        return self._reply(reply, op)

    def update(self, op: Operation) -> Response:
        if self.updater is None:
            raise ProtocolError(403, READ_ONLY)
        if op.kind != "update":
            raise ProtocolError(400, "this is an update: send it as update= or with an application/sparql-update "
                                     "body, not as a query")
        return self._reply(self.updater.run({"text": op.text}), op)

    def _reply(self, reply: tuple, op: Operation) -> Response:
        outcome, second, third = reply
        if outcome == "ok":
            return "200 OK", [("Content-Type", second), ("Vary", "Accept"), *self._cors_headers()], third
        if outcome == "syntax":
            message = _syntax_message(op.text, third) if op.kind == "query" else \
                f"the update is not valid SPARQL: {third}"
            if op.kind == "query" and looks_like_update(op.text):
                message = "this is an update: send it as update= or with an application/sparql-update body"
            raise ProtocolError(400, message)
        raise ProtocolError(second, third)


def _body(environ: dict) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise ProtocolError(400, "Content-Length is not a number") from None
    if length > MAX_BODY:
        raise ProtocolError(413, f"the request body is {length:,} bytes, more than the {MAX_BODY:,} this server "
                                 "takes")
    return environ["wsgi.input"].read(length) if length else b""


def _ok(content_type: str, body: bytes) -> Response:
    return "200 OK", [("Content-Type", content_type)], body


STATUS_TEXT = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
               406: "Not Acceptable", 413: "Content Too Large", 415: "Unsupported Media Type",
               500: "Internal Server Error", 503: "Service Unavailable"}


def _text(status: int, message: str, extra: list[tuple[str, str]]) -> Response:
    return (f"{status} {STATUS_TEXT.get(status, 'Error')}", [("Content-Type", "text/plain; charset=utf-8"), *extra],
            (message + "\n").encode("utf-8"))


def create_app(store, *, allow_update: bool = False, timeout: float = 30.0, workers: int = 2,
               cors: bool = False) -> App:
    """The endpoint and page over the kg store in the folder ``store`` (a path, or a KGStore on disk).

    ``timeout`` (seconds) bounds every query and update; ``workers`` is how many queries
    run at once. The caller owns the app: ``app.close()`` stops its worker processes.
    """
    return App(store, allow_update=allow_update, timeout=timeout, workers=workers, cors=cors)
