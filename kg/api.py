"""The graph from Python: open a store or a file, ask it SPARQL or a named query, get rows, a DataFrame, networkx.

    import kg
    g = kg.open("kgdata/")                       # a store folder; or kg.open("exports/sample.ttl")
    rows = g.query("SELECT ?name WHERE { ?a a kg:Person ; rdfs:label ?name }")
    rows[0].name                                 # rows are named tuples of Python values
    rows.df()                                    # a pandas DataFrame, when pandas is installed
    g.query("SELECT ?a WHERE { ?a rdfs:label ?name }", name="Khalil Haddad")   # bound safely
    g.named("who-praised", "Qaani")              # a named query (kg.named_queries() lists them)
    g.actors().df()
    G = g.to_networkx()                          # actors as nodes, typed edges with source counts

Values come back as Python values: text as ``str``, IRIs as ``IRI`` (a ``str`` that a
query binds as an IRI again), whole numbers as ``int``, dates as ``datetime.date``.
"""
from __future__ import annotations

import datetime as dt
from collections import namedtuple
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError
from kg.query.named import run_named
from kg.query.run import Result, Target, open_target, run_query

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
                              "unsignedShort", "unsignedByte")}


class IRI(str):
    """An IRI in a row: prints and compares as the plain string, and binds as an IRI in ``query(..., x=iri)``."""

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"


class Rows(list):
    """The rows of a SELECT: a list of named tuples, with ``columns`` and ``df()``."""

    def __init__(self, columns: tuple[str, ...], rows: list[tuple]):
        super().__init__(rows)
        self.columns = columns

    def df(self):
        """The rows as a pandas DataFrame (pandas must be installed: pip install pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise KGError("pandas is not installed: pip install pandas, then call .df() again") from None
        return pd.DataFrame([tuple(r) for r in self], columns=list(self.columns))

    def __repr__(self) -> str:
        return f"<Rows {len(self)} × {', '.join(self.columns)}>"


class KnowledgeGraph:
    """A store or an RDF file, open for questions. Close it (or use ``with``) to release a store's lock."""

    def __init__(self, target: Target):
        self.target = target

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.target.kind} {self.target.name}>"

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.target.close()

    def query(self, sparql: str, **bindings) -> Rows | bool | object:
        """Run SPARQL: rows for SELECT, a bool for ASK, an rdflib Graph for CONSTRUCT and DESCRIBE.

        Keyword arguments give variables their values (an ``IRI`` binds as an IRI, other
        values as literals; a list, each in turn), as terms, never as query text.
        """
        terms = {k: [to_term(x) for x in v] if isinstance(v, (list, tuple, set)) else to_term(v)
                 for k, v in bindings.items()}
        return _python(run_query(self.target, sparql, terms))

    def named(self, name: str, *args, **values) -> Rows:
        """Run a named query with its parameters in order or by name: ``named("corroborated", min=3)``."""
        return _python(run_named(self.target, name, [_iri(a) for a in args],
                                 {k: _iri(v) for k, v in values.items()}))

    def actors(self) -> Rows:
        """Every actor: IRI, name, type, kind, other names and number of articles, most mentioned first."""
        return self.named("actors")

    def to_networkx(self, statements: bool = False):
        """A networkx MultiDiGraph: actors as nodes, sentLetterTo/praised/quoted edges with source counts.

        With ``statements=True`` letters, speeches and quotes are nodes too (see kg.analytics.network).
        """
        from kg.analytics.network import to_networkx

        return to_networkx(self.target, statements=statements)

    def stats(self, top: int = 10):
        """What ``kg stats`` prints, as a dataclass (counts, degree, pagerank, communities, corroborated)."""
        from kg.analytics.stats import stats

        return stats(self.target, top)


def open_graph(path: str | Path) -> KnowledgeGraph:
    """Open a store folder (made by ``kg build --store``) or an RDF file (.ttl, .trig, .nq, .nt, .jsonld, .rdf)."""
    return KnowledgeGraph(open_target(path))


def _iri(value):
    """An IRI argument of a named query names an actor exactly; anything else is matched by name."""
    return ox.NamedNode(value) if isinstance(value, IRI) else value


def _python(result: Result):
    if result.kind == "ask":
        return result.boolean
    if result.kind == "graph":
        from rdflib import Graph

        data = ox.serialize(result.triples, None, ox.RdfFormat.N_TRIPLES)
        return Graph().parse(data=data, format="nt")
    Row = namedtuple("Row", result.variables, rename=True)
    return Rows(result.variables, [Row(*(to_python(t) for t in row)) for row in result.rows])


def to_python(term):
    """An RDF term as a Python value: IRI, str, int, float, Decimal, bool, date or datetime (None when unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    dt_iri, text = term.datatype.value, term.value
    try:
        if dt_iri in INTEGERS:
            return int(text)
        if dt_iri in (XSD + "double", XSD + "float"):
            return float(text)
        if dt_iri == XSD + "decimal":
            return Decimal(text)
        if dt_iri == XSD + "boolean":
            return text in ("true", "1")
        if dt_iri == XSD + "date":
            return dt.date.fromisoformat(text)
        if dt_iri == XSD + "dateTime":
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        pass
    return text


def to_term(value) -> ox.NamedNode | ox.Literal:
    """A Python value as an RDF term for binding: IRI (or rdflib URIRef) -> IRI, anything else -> a literal."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, IRI) or type(value).__name__ == "URIRef":
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal(value)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(value)
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    return ox.Literal(str(value))
