"""Run SPARQL 1.1 over a store or an RDF file, with the project's prefixes predeclared.

A *target* is what a query runs against: a store folder made by ``kg build --store``
(opened, and so locked, while the target is open) or an RDF file (Turtle, TriG,
N-Triples, N-Quads, JSON-LD, RDF/XML) loaded into an in-memory Oxigraph store. Either
way the query's default graph is the union of all graphs: each article's named graph,
provenance and resolution (and, in a store, its index graphs), so a query needs no
``GRAPH`` clause. A triple stated in several graphs (an edge every supporting article
reifies) comes once per graph: use ``DISTINCT`` or aggregates.

    >>> with open_target("exports/sample.ttl") as t:                    # doctest: +SKIP
    ...     run_query(t, "ASK { ?l a kg:Letter }").boolean
    True

Values for variables (``bindings``) are RDF terms that Oxigraph itself serializes into a
``VALUES`` block, never text pasted into the query, so a name with quotes or braces in
it is just a literal.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import OWL, RDF

from kg.errors import KGError, QueryError
from kg.export.formats import format_for
from kg.graph.build import PREFIXES as GRAPH_PREFIXES
from kg.graph.vocab import ID

PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "owl": str(OWL),
    **{p: str(ns) for p, ns in GRAPH_PREFIXES.items()},
    "id": str(ID),
}
"""Prefixes every query may use without declaring them (a query's own PREFIX wins)."""

RDF_FORMATS = {  # our export format names -> Oxigraph's parser and serializer formats
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass
class Target:
    """An open graph to query: ``db`` is the Oxigraph store, ``name`` what to call it in messages."""

    db: ox.Store
    name: str
    kind: str  # "store" or "file"
    _store: object = None  # the KGStore holding the lock, for a store folder

    def close(self) -> None:
        """Release the store (and its lock); the target cannot be queried after."""
        if self._store is not None:
            self._store.close()
            self._store = None
        self.db = None

    def __enter__(self) -> Target:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_target(path: str | Path, fmt: str | None = None) -> Target:
    """A store folder or an RDF file, opened for querying. ``fmt`` overrides the file's extension."""
    path = Path(path)
    if path.is_dir():
        return open_store(path)
    return open_file(path, fmt)


def open_store(path: str | Path) -> Target:
    """A store made by ``kg build --store DIR``; it stays locked until the target is closed."""
    from kg.graph.store import KGStore

    store = KGStore(path, create=False)
    return Target(store.db, str(path), "store", store)


def open_file(path: str | Path, fmt: str | None = None) -> Target:
    """An RDF file loaded into memory; named graphs of TriG and N-Quads are kept."""
    path = Path(path)
    if not path.is_file():
        raise KGError(f"there is no file {path}: give an RDF file (.ttl, .trig, .nt, .nq, .jsonld, .rdf) or a store folder")
    fmt = fmt or format_for(path)
    if fmt not in RDF_FORMATS:
        raise KGError(f"cannot read {path} as {fmt!r}: use one of {', '.join(RDF_FORMATS)}")
    db = ox.Store()
    # Triples go in a named graph of their own, as a store's do, so that queries reading
    # one graph at a time (GRAPH ?g { ... }) read a file too; TriG and N-Quads keep theirs.
    into = {} if RDF_FORMATS[fmt].supports_datasets else {"to_graph": ox.NamedNode(path.resolve().as_uri())}
    try:
        db.load(path=str(path), format=RDF_FORMATS[fmt], **into)
    except SyntaxError as e:
        raise KGError(f"cannot read {path} as {fmt}: {e}; if it is another format, give the file that "
                      "format's extension (.ttl, .trig, .nt, .nq, .jsonld, .rdf)") from None
    except OSError as e:
        raise KGError(f"cannot read {path}: {getattr(e, 'strerror', None) or e}") from None
    return Target(db, str(path), "file")


@dataclass
class Result:
    """What a query gave: ``rows`` of terms under ``variables`` (SELECT), a ``boolean`` (ASK),
    or ``triples`` (CONSTRUCT, DESCRIBE)."""

    variables: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None

    @property
    def kind(self) -> str:
        """"select", "ask" or "graph"."""
        if self.boolean is not None:
            return "ask"
        return "graph" if self.triples is not None else "select"


def run_query(target: Target | ox.Store, sparql: str, bindings: Mapping[str, Binding] | None = None) -> Result:
    """Run ``sparql`` over the union of all graphs of ``target``.

    ``bindings`` give variables their values, one term or several (the query then
    answers for each), as a ``VALUES`` block at the start of the query's WHERE clause
    (see ``with_values``).
    """
    if bindings:
        sparql = with_values(sparql, bindings)
    try:
        return _run(target.db if isinstance(target, Target) else target, sparql)
    except SyntaxError as e:
        error = QueryError(syntax_message(sparql, str(e)))
    except OSError as e:
        error = QueryError(f"the query failed while reading {_name(target)}: {e}")
    except (ValueError, TypeError, RuntimeError) as e:
        error = QueryError(f"the query failed: {e}")
    raise error  # outside the except clause, so it carries no traceback of _run (see there)


def _run(db: ox.Store, sparql: str) -> Result:
    """The query itself. Apart from ``run_query`` so that an error's traceback keeps no reference to the
    store: a store stays locked while anything refers to it, and a notebook keeps the last traceback."""
    if db is None:
        raise QueryError("this graph is closed: open it again")
    raw = db.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(raw, ox.QueryBoolean):
        return Result(boolean=bool(raw))
    if isinstance(raw, ox.QueryTriples):
        return Result(triples=list(raw))
    variables = tuple(v.value for v in raw.variables)
    return Result(variables, [tuple(solution) for solution in raw])


# --- values for variables -------------------------------------------------------------------------------

Binding = Term | Sequence[Term]
TOKENS = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'{3}.*?'{3}|"{3}.*?"{3}|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_][\w-]*)
  | (?P<brace>\{)
""", re.S | re.X)


def with_values(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """``sparql`` with the values of its variables: where the query has ``VALUES ?name { ... }`` (a
    default), the values given replace that block's; the others open its WHERE clause as
    ``VALUES (?a ?b) { (<x> "y") ... }``, one row per combination (a variable given several
    values takes each in turn).

    The values are RDF terms written by Oxigraph's own serializer (an IRI it has checked,
    a literal it has escaped), so nothing given can change the query around them. Placed
    where the query uses them, they let the store's planner start from them: the query
    costs what the actor's own facts cost, not what the whole store holds.
    """
    for name in bindings:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"{name!r} cannot name a variable: use letters, digits and _")
    terms = {name: [v] if isinstance(v, (ox.NamedNode, ox.BlankNode, ox.Literal)) else list(v)
             for name, v in bindings.items()}
    masked = _masked(sparql)
    leading = {}
    for name, values in reversed(list(terms.items())):
        block = re.search(rf"\bVALUES\s+[?$]{name}\s*(\{{[^{{}}]*\}})", masked, re.I)
        if block is None:
            leading[name] = values
            continue
        data = "{ " + " ".join(str(t) for t in values) + " }"
        start, end = block.span(1)
        sparql = sparql[:start] + data + sparql[end:]
        masked = masked[:start] + data + masked[end:]
    if not leading:
        return sparql
    names = list(reversed(leading))
    rows = " ".join("(" + " ".join(str(t) for t in combo) + ")" for combo in product(*(leading[n] for n in names)))
    at = _where_brace(sparql)
    return f"{sparql[:at + 1]} VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}\n{sparql[at + 1:]}"


def _masked(sparql: str) -> str:
    """The query with its comments and strings blanked out, the same length, to search its syntax."""
    return TOKENS.sub(lambda m: " " * len(m[0]) if m.lastgroup in ("comment", "string") else m[0], sparql)


def _where_brace(sparql: str) -> int:
    """Where the WHERE clause opens: the ``{`` after the first WHERE keyword (outside comments, strings
    and IRIs), or the first ``{`` when the query leaves the keyword out (``SELECT * { ... }``)."""
    first, after_where = None, False
    for m in TOKENS.finditer(sparql):
        if m.lastgroup == "word" and m[0].upper() == "WHERE":
            after_where = True
        elif m.lastgroup == "brace":
            if after_where:
                return m.start()
            first = m.start() if first is None else first
    if first is None:
        raise QueryError("the query has no WHERE clause to give values to")
    return first


def _name(target) -> str:
    return target.name if isinstance(target, Target) else "the store"


# --- syntax errors a person can act on ------------------------------------------------------------------

POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
FUNCTIONS = {"ABS", "AVG", "BOUND", "CONCAT", "COUNT", "DAY", "IRI", "LANG", "MAX", "MD5", "MIN", "NOT", "NOW",
             "REGEX", "STR", "STRBEFORE", "STRSTARTS", "SUM", "URI", "isIRI", "isLITERAL", "isNUMERIC"}
CHAR_CLASS = re.compile(r"\[[^\[\]]*(?:\.\.=|\|)[^\[\]]*\]")


def syntax_message(sparql: str, error: str) -> str:
    """Oxigraph's parser error as "line L, column C: expected ..." with the line and a caret under the column."""
    m = POSITION.match(error.strip())
    if not m:
        return f"the query is not valid SPARQL: {error}"
    line, column, rest = int(m[1]), int(m[2]), m[3]
    lines = sparql.splitlines() or [""]
    start = _query_form(sparql)
    if start is not None:
        line, column, what = *start, "a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX lines)"
    else:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        what = _expected(rest, text, column)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    caret = " " * (column - 1) + "^"
    return f"the query is not valid SPARQL: line {line}, column {column}: {what}\n  {text}\n  {caret}"


PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|(?i:PREFIX)\s+[\w.-]*:\s*<[^>]*>|(?i:BASE)\s*<[^>]*>)*")
FORMS = re.compile(r"(?i:SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def _query_form(sparql: str) -> tuple[int, int] | None:
    """Where the query should name its form but does not (``SELEC ?x``): (line, column), else None."""
    at = PROLOGUE.match(sparql).end()
    if at >= len(sparql) or FORMS.match(sparql, at) or sparql.startswith(("INSERT", "DELETE"), at):
        return None
    before = sparql[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1


def _expected(rest: str, text: str, column: int) -> str:
    """Oxigraph's list of expected tokens, with character classes named and its own messages kept."""
    if not rest.startswith("expected one of "):
        return rest
    items = [i.strip() for i in _split_items(rest[len("expected one of "):])]
    messages = [i for i in items if i and i[0] not in "\"'[" and " " in i]
    if "Prefix not found" in messages:
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", text[:column - 1])
        name = f"{prefix[1] or ''}:" if prefix else "this prefix"
        return (f"unknown prefix {name} declare it with PREFIX {name} <...>; predeclared are "
                f"{', '.join(p + ':' for p in PREFIXES)}")
    if messages:
        return "; ".join(m[0].lower() + m[1:] for m in messages)
    if len(FUNCTIONS.intersection(items)) >= 3:  # Oxigraph lists some of the function names an expression may start with
        return "expected an expression: a variable, a value, or a function call such as STR(?x)"
    tokens = [i for i in items if i not in ("[_]", "")]
    if tokens and all(t.startswith('"') and ("\\" in t or t in ('"\\""', '"\'"')) for t in tokens):
        return "a string is not closed: end it with the quote mark it began with"
    words = []
    for i in items:
        if i in ("[_]", ""):
            continue
        if CHAR_CLASS.fullmatch(i) or i.startswith(("['A'", "['-'")):
            word = "a name" if "'A'" in i or "'a'" in i else "a name character"
        elif i.startswith("['") and i.endswith("']"):
            word = i[1:-1]
        elif i.startswith('"') and i.endswith('"'):
            word = "'" + i[1:-1].replace('\\"', '"').replace("\\\\", "\\") + "'"
        else:
            word = i
        if word not in words:
            words.append(word)
    if not words:
        return "unexpected text"
    if len(words) > 8:
        return f"expected {', '.join(words[:6])} or one of {len(words) - 6} more"
    return "expected " + (" or ".join(words) if len(words) <= 2 else ", ".join(words[:-1]) + " or " + words[-1])


def _split_items(text: str) -> list[str]:
    """Split ``a, "b", ['x' | 'y']`` at the commas outside brackets and quotes."""
    items, depth, quote, cur = [], 0, None, []
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            cur.append(c)
            if c == "\\" and i + 1 < len(text):
                cur.append(text[i + 1])
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            cur.append(c)
        elif c == "[":
            depth += 1
            cur.append(c)
        elif c == "]":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    items.append("".join(cur))
    return [" ".join(i.split()) for i in items]
