"""The SPARQL 1.1 Protocol, as plain functions: what a request asks, and in which format to answer.

A query comes as ``GET /sparql?query=...``, as ``POST`` with a ``query=`` form, or as
``POST`` with an ``application/sparql-query`` body; an update as ``POST`` with an
``update=`` form or an ``application/sparql-update`` body. ``default-graph-uri`` and
``named-graph-uri`` (query) or ``using-graph-uri`` and ``using-named-graph-uri``
(update) name the dataset; without them a query sees every exported graph at once.

The answer's format follows the ``Accept`` header (or a ``format=`` parameter, for
links): SPARQL JSON, XML, CSV or TSV for SELECT and ASK; Turtle, N-Triples, JSON-LD or
RDF/XML for CONSTRUCT and DESCRIBE.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from kg.errors import KGError

RESULTS = {  # media type -> pyoxigraph QueryResultsFormat name, for SELECT and ASK
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "text/xml": "XML",
}
GRAPHS = {  # media type -> pyoxigraph RdfFormat name, for CONSTRUCT and DESCRIBE
    "text/turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
    "application/xml": "RDF_XML",
    "text/xml": "RDF_XML",
}
CONTENT_TYPES = {
    "JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml",
    "CSV": "text/csv; charset=utf-8", "TSV": "text/tab-separated-values; charset=utf-8",
    "TURTLE": "text/turtle; charset=utf-8", "N_TRIPLES": "application/n-triples",
    "JSON_LD": "application/ld+json", "RDF_XML": "application/rdf+xml",
}
SHORT_NAMES = {  # format= parameter -> (for results, for graphs)
    "json": ("JSON", "JSON_LD"), "xml": ("XML", "RDF_XML"), "csv": ("CSV", None), "tsv": ("TSV", None),
    "turtle": (None, "TURTLE"), "ttl": (None, "TURTLE"), "nt": (None, "N_TRIPLES"),
    "ntriples": (None, "N_TRIPLES"), "n-triples": (None, "N_TRIPLES"), "jsonld": (None, "JSON_LD"),
    "json-ld": (None, "JSON_LD"), "rdfxml": (None, "RDF_XML"), "rdf": (None, "RDF_XML"),
}
DEFAULTS = {"results": "JSON", "graph": "TURTLE"}
UPDATE_WORDS = re.compile(r"(?i:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b")
PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s+[\w.-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")


class ProtocolError(KGError):
    """A request the endpoint cannot take; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Operation:
    """One SPARQL request: a query or an update, its text and the graphs it names."""

    kind: str  # "query" or "update"
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None  # the format= parameter, if any


def parse_request(method: str, query_string: str, content_type: str, body: bytes) -> Operation:
    """The operation an HTTP request to the endpoint carries, or ProtocolError saying what is wrong."""
    params = parse_qs(query_string, keep_blank_values=True)
    mime = content_type.split(";")[0].strip().lower()
    if method == "GET":
        if "update" in params:
            raise ProtocolError(400, "an update must be sent with POST (an update= form or an "
                                     "application/sparql-update body), not GET")
        return _operation("query", params)
    if method != "POST":
        raise ProtocolError(405, f"{method} is not part of the SPARQL protocol: use GET or POST")
    if mime == "application/x-www-form-urlencoded":
        form = parse_qs(_text(body), keep_blank_values=True)
        for k, v in params.items():
            form.setdefault(k, v)
        if "query" in form and "update" in form:
            raise ProtocolError(400, "send either query= or update=, not both")
        return _operation("update" if "update" in form else "query", form)
    if mime in ("application/sparql-query", "application/sparql-update"):
        if "query" in params or "update" in params:
            raise ProtocolError(400, f"with an {mime} body, the query goes in the body, not in the URL")
        kind = "query" if mime.endswith("query") else "update"
        return _operation(kind, {**params, kind: [_text(body)]})
    raise ProtocolError(415, f"cannot read a POST body of type {mime or '(none)'}: send "
                             "application/x-www-form-urlencoded (query= or update=), "
                             "application/sparql-query or application/sparql-update")


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8 text") from None


def _operation(kind: str, params: dict[str, list[str]]) -> Operation:
    texts = params.get(kind, [])
    if len(texts) != 1 or not texts[0].strip():
        raise ProtocolError(400, f"give exactly one {kind}: ?{kind}=... (URL-encoded SPARQL)"
                            if not texts else f"the {kind} is empty" if len(texts) == 1 else
                            f"give exactly one {kind}, not {len(texts)}")
    if kind == "query":
        default, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    else:
        default, named = params.get("using-graph-uri", []), params.get("using-named-graph-uri", [])
    fmt = (params.get("format") or [None])[0]
    return Operation(kind, texts[0], tuple(default), tuple(named), fmt.lower() if fmt else None)


def looks_like_update(text: str) -> bool:
    """Whether SPARQL text starts (after PREFIX and BASE lines) like an update: INSERT, DELETE, DROP..."""
    return bool(UPDATE_WORDS.match(text, PROLOGUE.match(text).end()))


# --- content negotiation ---------------------------------------------------------------------------------

def accepted(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header, best first (by q, then by order)."""
    if not header:
        return [("*/*", 1.0)]
    out = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q, i))
    return [(m, q) for m, q, _ in sorted(out, key=lambda x: (-x[1], x[2])) if q > 0]


def choose_format(result: str, accept: str | None, short: str | None = None) -> str:
    """The pyoxigraph format name to answer with: ``result`` is "results" (SELECT, ASK) or "graph".

    Raises ProtocolError 406 when the client accepts none of the formats there are.
    """
    table = RESULTS if result == "results" else GRAPHS
    if short:
        names = SHORT_NAMES.get(short)
        chosen = names and names[0 if result == "results" else 1]
        if not chosen:
            usable = [n for n, pair in SHORT_NAMES.items() if pair[0 if result == "results" else 1]]
            raise ProtocolError(400, f"format={short} is not a format for this result: use one of {', '.join(usable)}")
        return chosen
    for media, _ in accepted(accept):
        if media in table:
            return table[media]
        if media == "*/*" or (media.endswith("/*") and any(m.startswith(media[:-1]) for m in table)):
            if media == "*/*":
                return DEFAULTS[result]
            return next(table[m] for m in table if m.startswith(media[:-1]))
    offered = ", ".join(dict.fromkeys(CONTENT_TYPES[v].split(";")[0] for v in table.values()))
    raise ProtocolError(406, f"cannot answer in any format the request accepts ({accept}): this result comes as "
                             f"{offered}")
