"""Named queries: the documented ``.rq`` files in ``kg/query/queries/``, and how their parameters are bound.

A named query is a SPARQL file whose leading comment documents it::

    # Who praised ACTOR, how many independent sources say so, and the words.   <- the summary
    #
    # Longer description ...
    #
    # param: actor ACTOR  the praised actor: a name or other name ...          <- a parameter
    # param: min INTEGER=2  the fewest independent sources an edge needs

``# param: NAME TYPE[=DEFAULT]  help`` declares the variable ``?NAME``. TYPE is
``ACTOR`` (a name, matched against every actor's label and other names, case- and
spelling-tolerant; the query answers for every actor it matches), ``INTEGER`` or ``TEXT``.
Values are bound as RDF terms in a VALUES block (``kg.query.run.with_values``), never
pasted into the query text: where the query has ``VALUES ?NAME { default }`` (put it
beside the FILTER that uses it, so the store filters early), else at the start of the
WHERE clause, which suits an ACTOR: the store starts from the actor's own facts.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pyoxigraph as ox

from kg.errors import QueryError
from kg.nlp.names import fold, same_name, same_word, words
from kg.query.run import Result, Target, Term, run_query

PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(ACTOR|INTEGER|TEXT)(?:=(\S+))?\s*(.*)$")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # ACTOR, INTEGER or TEXT
    default: str | None
    help: str

    @property
    def usage(self) -> str:
        shown = self.name.upper()
        return f"[{shown}]" if self.default is not None else shown


@dataclass(frozen=True)
class NamedQuery:
    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    sparql: str

    @property
    def usage(self) -> str:
        return " ".join([self.name, *(p.usage for p in self.params)])


def parse_named(name: str, text: str) -> NamedQuery:
    """A named query from its file: the header comment gives summary, description and parameters."""
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    params = tuple(Param(m[1], m[2], m[3], m[4].strip()) for m in map(PARAM.match, header) if m)
    prose = [re.sub(r"^#\s?", "", line) for line in header if not PARAM.match(line)]
    summary = prose[0].strip() if prose else name
    description = "\n".join(prose[1:]).strip()
    return NamedQuery(name, summary, description, params, text)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with kg, by name."""
    folder = files("kg.query") / "queries"
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = parse_named(name, entry.read_text(encoding="utf-8"))
    return out


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise QueryError(f"there is no named query {name!r}: {hint}`kg query --list` shows them all")
    return queries[name]


def run_named(target: Target | ox.Store, query: str | NamedQuery, args: Sequence[str] = (),
              values: Mapping[str, object] | None = None) -> Result:
    """Run a named query (or a ``.rq`` file's, parsed) with its parameters in order (``args``) or by name.

    An ACTOR parameter takes every actor its name matches, so the query answers for each.
    """
    q = query if isinstance(query, NamedQuery) else named_query(query)
    given = bind_params(q, args, values or {})
    bindings = {p.name: _actors_or_fail(target, given[p.name]) if p.type == "ACTOR" else _literal(p, given[p.name])
                for p in q.params}
    return run_query(target, q.sparql, bindings)


def bind_params(q: NamedQuery, args: Sequence[str], values: Mapping[str, object]) -> dict[str, object]:
    """The value of every parameter: positional ``args`` first, then ``values`` by name, then defaults."""
    if len(args) > len(q.params):
        raise QueryError(f"{q.name} takes {len(q.params) or 'no'} argument(s), not {len(args)}: "
                         f"kg query {q.usage}")
    unknown = set(values) - {p.name for p in q.params}
    if unknown:
        raise QueryError(f"{q.name} has no parameter {', '.join(sorted(unknown))}: kg query {q.usage}")
    out: dict[str, object] = dict(zip((p.name for p in q.params), args))
    out.update(values)
    for p in q.params:
        if p.name not in out:
            if p.default is None:
                raise QueryError(f"{q.name} needs {p.name.upper()} ({p.help}): kg query {q.usage}")
            out[p.name] = p.default
    return out


def _literal(p: Param, value: object) -> ox.Literal:
    if p.type == "INTEGER":
        try:
            return ox.Literal(str(int(str(value))), datatype=XSD_INTEGER)
        except ValueError:
            raise QueryError(f"{p.name.upper()} must be a whole number, not {value!r}") from None
    return ox.Literal(str(value))


# --- actors by name -------------------------------------------------------------------------------------

ACTOR_NAMES = """
SELECT DISTINCT ?actor ?name WHERE {
  VALUES ?class { kg:Person kg:Organization }
  ?actor a ?class ; rdfs:label|skos:altLabel ?name .
}"""
AS_WRITTEN = """
SELECT DISTINCT ?actor ?name WHERE {
  VALUES ?property { rdfs:label skos:altLabel }
  ?actor ?property ?name .
  VALUES ?class { kg:Person kg:Organization }
  ?actor a ?class .
}"""
ANY_CASE = """
SELECT DISTINCT ?actor WHERE {
  VALUES ?property { rdfs:label skos:altLabel }
  ?actor ?property ?name .
  FILTER(LCASE(STR(?name)) = ?wanted)
  VALUES ?class { kg:Person kg:Organization }
  ?actor a ?class .
}"""


def find_actors(target: Target | ox.Store, name: str) -> list[ox.NamedNode]:
    """The actors ``name`` names, best matches only, in IRI order.

    Tried in turn until one finds any: the name or another name of an actor as
    written (an index lookup), then in any case; the same name however
    transliterated (Esmaeil Ghaani for Esmail Qaani); the name as whole words of a
    longer one (Qaani for Esmail Qaani).
    """
    wanted = " ".join(name.split())
    if not wanted:
        return []
    for form in dict.fromkeys((wanted, wanted.title())):
        exact = run_query(target, AS_WRITTEN, {"name": ox.Literal(form)})
        if exact.rows:
            return sorted({r[0] for r in exact.rows}, key=lambda n: n.value)
    exact = run_query(target, ANY_CASE, {"wanted": ox.Literal(wanted.lower())})
    if exact.rows:
        return sorted({r[0] for r in exact.rows}, key=lambda n: n.value)
    names = run_query(target, ACTOR_NAMES).rows
    for same in (_folded, _transliterated, _within):
        hits = {actor.value for actor, label in names if same(wanted, label.value)}
        if hits:
            return [ox.NamedNode(v) for v in sorted(hits)]
    return []


def _folded(wanted: str, name: str) -> bool:
    return fold(wanted) == fold(name)


def _transliterated(wanted: str, name: str) -> bool:
    return same_name(wanted, name)


def _within(wanted: str, name: str) -> bool:
    """The wanted words, transliteration-tolerant, as a run of whole words of ``name``."""
    w, n = words(wanted), words(name)
    return any(all(same_word(a, b) for a, b in zip(w, n[i:i + len(w)])) for i in range(len(n) - len(w) + 1))


def _actors_or_fail(db, name: object) -> list[Term]:
    if isinstance(name, ox.NamedNode):
        return [name]
    found = find_actors(db, str(name))
    if found:
        return found
    labels = [r[1].value for r in run_query(db, ACTOR_NAMES).rows]
    close = difflib.get_close_matches(fold(str(name)), [fold(x) for x in labels], n=3, cutoff=0.6)
    shown = [next(x for x in labels if fold(x) == c) for c in close]
    hint = f" (close: {', '.join(shown)})" if shown else ""
    raise QueryError(f"no actor is named {str(name)!r}{hint}; `kg query ... actors` lists every actor and "
                     "their other names")
