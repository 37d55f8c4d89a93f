"""Turtle, TriG, N-Triples and N-Quads written line by line, fast and in a fixed order.

rdflib's serializers hold the whole graph and query it per subject; this writer takes
triples (or quads) already grouped by subject, or sorts them once, and writes each
subject's block as it goes. Prefixed names are used where the local part allows it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

PN_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
Triple = tuple  # (s, p, o) of rdflib terms
Quad = tuple  # (s, p, o, g), g None for the default graph


class Terms:
    """Writes rdflib terms as Turtle/N-Triples text, compacting IRIs with the given prefixes."""

    def __init__(self, prefixes: dict[str, str] | None = None):
        self.prefixes = sorted(((p, ns) for p, ns in (prefixes or {}).items() if p), key=lambda x: -len(x[1]))
        self._cache: dict[URIRef, str] = {}

    def iri(self, u: URIRef, compact: bool = True) -> str:
        if not compact:
            return u.n3()
        out = self._cache.get(u)
        if out is None:
            out = u.n3()
            for prefix, ns in self.prefixes:
                if u.startswith(ns) and PN_LOCAL.match(u[len(ns):]):
                    out = f"{prefix}:{u[len(ns):]}"
                    break
            self._cache[u] = out
        return out

    def term(self, t, compact: bool = True) -> str:
        if isinstance(t, URIRef):
            return self.iri(t, compact)
        if isinstance(t, Literal):
            if t.datatype is not None and t.datatype != XSD.string:
                return f"{_quoted(t)}^^{self.iri(t.datatype, compact)}"
            if t.language:
                return f"{_quoted(t)}@{t.language}"
            return _quoted(t)
        if isinstance(t, BNode):
            return t.n3()
        return t.n3()

    def prefix_lines(self, turtle: bool = True) -> Iterator[str]:
        for prefix, ns in sorted(self.prefixes):
            yield f"@prefix {prefix}: <{ns}> .\n"
        if self.prefixes:
            yield "\n"


def _quoted(lit: Literal) -> str:
    s = str(lit).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{s}"'


def _key(t) -> str:
    return t.n3()


def sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    return sorted(triples, key=lambda t: (_key(t[0]), _key(t[1]), _key(t[2])))


def turtle(triples: Iterable[Triple], prefixes: dict[str, str]) -> Iterator[str]:
    """Turtle text, one subject block at a time; ``triples`` must be grouped by subject."""
    terms = Terms(prefixes)
    yield from terms.prefix_lines()
    yield from _blocks(triples, terms, indent="")


def _blocks(triples: Iterable[Triple], terms: Terms, indent: str) -> Iterator[str]:
    for s, group in groupby(triples, key=lambda t: t[0]):
        parts = []
        for p, same_p in groupby(group, key=lambda t: t[1]):
            pred = "a" if str(p) == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" else terms.term(p)
            objs = ", ".join(terms.term(t[2]) for t in same_p)
            parts.append(f"{pred} {objs}")
        joined = f" ;\n{indent}    ".join(parts)
        yield f"{indent}{terms.term(s)} {joined} .\n\n"


def trig(quads: Iterable[Quad], prefixes: dict[str, str]) -> Iterator[str]:
    """TriG text; ``quads`` grouped by graph (None first for the default graph), then by subject."""
    terms = Terms(prefixes)
    yield from terms.prefix_lines()
    for g, group in groupby(quads, key=lambda q: q[3]):
        triples = ((q[0], q[1], q[2]) for q in group)
        if g is None:
            yield from _blocks(triples, terms, indent="")
        else:
            yield f"{terms.term(g)} {{\n"
            yield from _blocks(triples, terms, indent="    ")
            yield "}\n\n"


def ntriples(triples: Iterable[Triple]) -> Iterator[str]:
    terms = Terms()
    for s, p, o in triples:
        yield f"{terms.term(s, False)} {terms.term(p, False)} {terms.term(o, False)} .\n"


def nquads(quads: Iterable[Quad]) -> Iterator[str]:
    terms = Terms()
    for s, p, o, g in quads:
        graph = f" {terms.term(g, False)}" if g is not None else ""
        yield f"{terms.term(s, False)} {terms.term(p, False)} {terms.term(o, False)}{graph} .\n"
