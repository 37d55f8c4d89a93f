"""Write a graph as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML, and read it back.

Output is deterministic: serializers see the triples in sorted order (line formats
are sorted outright), so building the same input twice gives byte-identical files.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import IO

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.export import lines
from kg.export.lines import sorted_triples

from kg.errors import KGError

FORMATS = {  # our name -> rdflib's serializer/parser name
    "turtle": "turtle",
    "nt": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
    "xml": "pretty-xml",
}
EXTENSIONS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}
LINE_FORMATS = {"nt", "nquads"}
QUAD_FORMATS = {"nquads", "trig"}


def format_for(path: str | Path) -> str:
    """The format a file name asks for by its extension, Turtle when it names none we know."""
    return EXTENSIONS.get(Path(path).suffix.lower(), "turtle")


def serialize(g: Graph, fmt: str = "turtle") -> str:
    """The graph as text in ``fmt`` (one of FORMATS), always in the same order."""
    _checked(fmt)
    if fmt in ("turtle", "nt", "nquads", "trig"):
        return "".join(_lines(g, fmt))
    if g.context_aware:  # a Dataset keeps its named graphs as they are
        out = g.serialize(format=FORMATS[fmt])
    else:
        out = _sorted_copy(g, quads=fmt in QUAD_FORMATS).serialize(
            format=FORMATS[fmt], **_jsonld_options(g) if fmt == "jsonld" else {})
    if fmt in LINE_FORMATS:
        out = "".join(sorted(line + "\n" for line in out.splitlines() if line.strip()))
    elif fmt == "jsonld":
        out = json.dumps(_sorted_json(json.loads(out)), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    elif fmt == "xml":  # rdflib declares the namespaces in set order
        out = re.sub(r"(?:^  xmlns:.*\n)+", lambda m: "".join(sorted(m[0].splitlines(True))), out, flags=re.M)
    return out


def write_graph(g: Graph, dest: str | Path | IO, fmt: str | None = None) -> str:
    """Write ``g`` to a path or an open (text or binary) stream; return the format used.

    Without ``fmt`` the format comes from the file extension (Turtle for streams).
    """
    fmt = fmt or (format_for(dest) if isinstance(dest, (str, Path)) else "turtle")
    out = serialize(g, fmt)
    if isinstance(dest, (str, Path)):
        Path(dest).write_text(out, encoding="utf-8", newline="")
    elif isinstance(dest, io.TextIOBase):
        dest.write(out)
    else:
        dest.write(out.encode("utf-8"))
    return fmt


def read_graph(src: str | Path | IO, fmt: str | None = None) -> Graph:
    """Parse a file or stream written by ``write_graph`` back into one graph."""
    fmt = _checked(fmt or (format_for(src) if isinstance(src, (str, Path)) else "turtle"))
    parser = "xml" if fmt == "xml" else FORMATS[fmt]
    g = Graph(bind_namespaces="core")
    if isinstance(src, (str, Path)):
        return g.parse(source=str(src), format=parser)
    data = src.read()
    return g.parse(data=data.encode("utf-8") if isinstance(data, str) else data, format=parser)


def _checked(fmt: str) -> str:
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def _lines(g: Graph, fmt: str):
    """Turtle, TriG, N-Triples or N-Quads from our line writer: one sort, then one pass."""
    prefixes = {p: str(ns) for p, ns in g.namespaces() if p}
    if g.context_aware:
        quads = sorted(((s, p, o, None if c.identifier == DATASET_DEFAULT_GRAPH_ID else c.identifier)
                        for s, p, o, c in g.quads((None, None, None, None))),
                       key=lambda q: ("" if q[3] is None else q[3].n3(), q[0].n3(), q[1].n3(), q[2].n3()))
    else:
        quads = [(s, p, o, None) for s, p, o in sorted_triples(g)]
    if fmt == "turtle":
        return lines.turtle(((s, p, o) for s, p, o, _ in quads), prefixes)
    if fmt == "nt":
        return lines.ntriples((s, p, o) for s, p, o, _ in quads)
    if fmt == "trig":
        return lines.trig(quads, prefixes)
    return lines.nquads(quads)


def _term_key(triple) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


class _SortedGraph(Graph):
    """A graph that answers every pattern in sorted order, where rdflib's store answers in set order."""

    def triples(self, triple):
        yield from sorted(super().triples(triple), key=_term_key)


def _sorted_copy(g: Graph, quads: bool) -> Graph:
    """A copy that yields its triples in sorted order; the default graph of a Dataset for quads."""
    copy = Dataset() if quads else _SortedGraph(bind_namespaces="none")
    for prefix, ns in sorted(g.namespaces()):
        copy.bind(prefix, ns, override=True, replace=True)
    for triple in sorted(g, key=_term_key):
        copy.add(triple)
    return copy


def _sorted_json(node, ordered: bool = False):
    """JSON-LD with every array sorted: arrays are unordered in JSON-LD, except an @list."""
    if isinstance(node, dict):
        return {k: _sorted_json(v, ordered=k == "@list") for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_json(v) for v in node]
        return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return node


def _jsonld_options(g: Graph) -> dict:
    """Compact JSON-LD keys with the graph's prefixes ("kg:sender", not the full IRI)."""
    return {"context": {p: str(ns) for p, ns in sorted(g.namespaces()) if p}, "auto_compact": True}

