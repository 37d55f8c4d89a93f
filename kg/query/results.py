"""Query results as text: an aligned table for people, CSV, TSV and JSON as SPARQL 1.1 defines them,
and RDF for CONSTRUCT and DESCRIBE.

    write_result(result, sys.stdout, "table")

CSV, TSV and JSON follow the W3C *SPARQL 1.1 Query Results* formats, so other tools read
them: CSV gives plain values, TSV gives RDF terms (``<iri>``, ``"text"@en``), JSON is
``{"head": {"vars": [...]}, "results": {"bindings": [...]}}``.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from typing import IO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.run import PREFIXES, RDF_FORMATS, Result, Term

TABLE_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = tuple(RDF_FORMATS)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda p: -len(p[1]))


def write_result(result: Result, out: IO[str], fmt: str = "table", *, width: int | None = None) -> None:
    """Write ``result`` to a text stream in ``fmt`` (table, csv, tsv, json, or an RDF format for graphs)."""
    if result.kind == "graph":
        out.write(graph_text(result, "turtle" if fmt == "table" else fmt))
    elif fmt in GRAPH_FORMATS:
        raise QueryError(f"a {result.kind.upper()} query gives a table, not a graph: use --format "
                         f"{'|'.join(TABLE_FORMATS)}, or CONSTRUCT for RDF")
    elif fmt == "table":
        out.write(table(result, width))
    elif fmt == "csv":
        out.write(to_csv(result))
    elif fmt == "tsv":
        out.write(to_tsv(result))
    elif fmt == "json":
        out.write(to_json(result))
    else:
        raise QueryError(f"unknown result format {fmt!r}: use {', '.join(TABLE_FORMATS + GRAPH_FORMATS)}")


# --- for people -----------------------------------------------------------------------------------------

def short(term: Term | None) -> str:
    """A term as a person reads it: ``kg:Letter``, ``id:actor/khalil-haddad``, a literal's bare text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in _BY_LENGTH:
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def table(result: Result, width: int | None = None) -> str:
    """Columns padded to line up, cut with … to fit ``width`` (the terminal's, by default)."""
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    header = list(result.variables)
    cells = [[" ".join(short(t).split()) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    widths = _fit(widths, [len(h) for h in header], width or shutil.get_terminal_size((120, 24)).columns)
    lines = ["  ".join(_cut(h, w).ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("─" * w for w in widths)]
    lines += ["  ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def _fit(widths: list[int], floors: list[int], total: int) -> list[int]:
    """Narrow the widest columns until the row fits in ``total`` characters (never below 8 or the header)."""
    widths = list(widths)
    while sum(widths) + 2 * (len(widths) - 1) > total:
        i = max(range(len(widths)), key=lambda k: widths[k])
        floor = max(8, min(floors[i], 20))
        if widths[i] <= floor:
            break
        widths[i] -= 1
    return widths


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


# --- SPARQL 1.1 result formats --------------------------------------------------------------------------

def to_csv(result: Result) -> str:
    """SPARQL 1.1 CSV: a header of variable names, then plain values (IRIs bare, literals' text)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.variables)
    for row in result.rows:
        w.writerow(["" if t is None else _plain(t) for t in row])
    return buf.getvalue()


def _plain(t: Term) -> str:
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: a header of ``?variables``, then terms as in N-Triples, tabs between."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        data = {"head": {}, "boolean": bool(result.boolean)}
    else:
        data = {"head": {"vars": list(result.variables)},
                "results": {"bindings": [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                                         for row in result.rows]}}
    return json.dumps(data, ensure_ascii=False) + "\n"


def _json_term(t: Term) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value not in (XSD_STRING, LANG_STRING):
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(t, k)) for k in ("subject", "predicate", "object")}}


# --- graphs ---------------------------------------------------------------------------------------------

def graph_text(result: Result, fmt: str = "turtle") -> str:
    """The triples of a CONSTRUCT or DESCRIBE in an RDF format, with the project's prefixes where it has them."""
    if fmt in ("trig", "nquads"):
        fmt = {"trig": "turtle", "nquads": "nt"}[fmt]  # a query's graph has no named graphs
    if fmt not in RDF_FORMATS:
        raise QueryError(f"a CONSTRUCT or DESCRIBE query gives a graph: use --format {'|'.join(GRAPH_FORMATS)}")
    prefixes = {p: ns for p, ns in PREFIXES.items() if p != "id"}  # id:actor\/x is valid but unreadable
    kwargs = {"prefixes": prefixes} if fmt in ("turtle", "xml", "jsonld") else {}
    data = ox.serialize(result.triples or [], None, RDF_FORMATS[fmt], **kwargs)
    return data.decode("utf-8")
