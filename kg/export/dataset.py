"""Write a store as Turtle, N-Triples, TriG, N-Quads, JSON-LD or RDF/XML, streaming from Oxigraph.

Nothing holds the whole graph in memory: subjects are listed once (sorted), then each
subject's triples are read from the store's index and written before the next. Turtle,
N-Triples, JSON-LD and RDF/XML are the merged view of all the exported graphs; TriG and
N-Quads keep each article's named graph, the provenance graph and the resolution graph.
The order is fixed (graphs, subjects, predicates, objects sorted), so the same store
always gives the same bytes.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.errors import KGError
from kg.export.formats import FORMATS, format_for

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
OXIGRAPH_FORMATS = {"jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}


def _prefixes() -> dict[str, str]:
    from kg.graph.build import PREFIXES

    return {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", **{p: str(ns) for p, ns in PREFIXES.items()}}


class _Terms:
    """pyoxigraph terms as Turtle text, IRIs compacted with the prefixes where the local part allows."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = sorted(prefixes.items(), key=lambda x: -len(x[1]))
        self.cache: dict[str, str] = {}

    def iri(self, value: str) -> str:
        out = self.cache.get(value)
        if out is None:
            out = f"<{value}>"
            for prefix, ns in self.prefixes:
                if value.startswith(ns) and PN_LOCAL.match(value[len(ns):]):
                    out = f"{prefix}:{value[len(ns):]}"
                    break
            self.cache[value] = out
        return out

    def term(self, t) -> str:
        if isinstance(t, ox.NamedNode):
            return self.iri(t.value)
        if isinstance(t, ox.Literal):
            if t.language:
                return str(t)
            if t.datatype.value == XSD_STRING:
                return str(t)
            return f"{ox.Literal(t.value)}^^{self.iri(t.datatype.value)}"
        return str(t)


def _blocks(store, graph, terms: _Terms, indent: str) -> Iterator[str]:
    for s in store.subjects(graph):
        parts = []
        pairs = store.about(s, graph)
        i = 0
        while i < len(pairs):
            p = pairs[i][0]
            objs = []
            while i < len(pairs) and pairs[i][0] == p:
                objs.append(terms.term(pairs[i][1]))
                i += 1
            parts.append(f"{'a' if p.value == RDF_TYPE else terms.term(p)} {', '.join(objs)}")
        joined = f" ;\n{indent}    ".join(parts)
        yield f"{indent}{terms.term(s)} {joined} .\n\n"


def chunks(store, fmt: str) -> Iterator[str]:
    """The text of ``store`` in ``fmt`` (turtle, nt, trig or nquads), a piece at a time."""
    if fmt == "nt":
        for s in store.subjects():
            for p, o in store.about(s):
                yield f"{s} {p} {o} .\n"
    elif fmt == "nquads":
        for g in store.exported_graphs():
            for s in store.subjects(g):
                for p, o in store.about(s, g):
                    yield f"{s} {p} {o} {g} .\n"
    else:
        prefixes = _prefixes()
        terms = _Terms(prefixes)
        for prefix, ns in sorted(prefixes.items()):
            yield f"@prefix {prefix}: <{ns}> .\n"
        yield "\n"
        if fmt == "turtle":
            yield from _blocks(store, None, terms, "")
        else:
            for g in store.exported_graphs():
                yield f"{terms.term(g)} {{\n"
                yield from _blocks(store, g, terms, "    ")
                yield "}\n\n"


def triples(store) -> Iterator[ox.Triple]:
    """The merged view, triple by triple, in a fixed order."""
    for s in store.subjects():
        for p, o in store.about(s):
            yield ox.Triple(s, p, o)


def write_dataset(store, dest: str | Path | IO, fmt: str | None = None) -> str:
    """Write the store to a path or an open (text or binary) stream; return the format used."""
    fmt = fmt or (format_for(dest) if isinstance(dest, (str, Path)) else "turtle")
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt in OXIGRAPH_FORMATS:
        if isinstance(dest, (str, Path)):
            ox.serialize(triples(store), str(dest), OXIGRAPH_FORMATS[fmt], prefixes=_prefixes())
        else:
            data = ox.serialize(triples(store), None, OXIGRAPH_FORMATS[fmt], prefixes=_prefixes())
            _write(dest, [data.decode("utf-8")])
        return fmt
    if isinstance(dest, (str, Path)):
        with open(dest, "w", encoding="utf-8", newline="") as fh:
            _write(fh, chunks(store, fmt))
    else:
        _write(dest, chunks(store, fmt))
    return fmt


def _write(dest: IO, pieces) -> None:
    if isinstance(dest, io.TextIOBase) or hasattr(dest, "encoding"):
        for piece in pieces:
            dest.write(piece)
    else:
        for piece in pieces:
            dest.write(piece.encode("utf-8"))
