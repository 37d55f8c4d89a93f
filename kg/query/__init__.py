"""Questions to the graph: SPARQL over a store or a file, and the named queries in ``queries/``.

    from kg.query import open_target, run_query, run_named, named_queries
    with open_target("kgdata/") as t:
        run_named(t, "who-praised", ["Qaani"]).rows
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from kg.errors import QueryError
from kg.query.named import NamedQuery, find_actors, named_queries, named_query, parse_named, run_named
from kg.query.run import PREFIXES, Result, Target, open_target, run_query

NAME = re.compile(r"^[A-Za-z][\w-]*$")


def answer(target: Target, words: Sequence[str], query_file: str | Path | None = None) -> Result:
    """What ``kg query`` runs: SPARQL text, a named query with its arguments, or a ``.rq`` file with its arguments.

    A ``.rq`` file may declare parameters as the named queries do (``# param: actor ACTOR ...``).
    """
    if query_file is not None:
        path = Path(query_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"cannot read the query file {path}: {e.strerror or e}") from None
        q = parse_named(path.stem, text)
        if q.params or words:
            return run_named(target, q, words)
        return run_query(target, text)
    if not words:
        raise QueryError("say what to ask: a SPARQL query, a named query (`kg query --list`), or -f FILE.rq")
    first, rest = words[0], list(words[1:])
    if NAME.match(first):
        return run_named(target, first, rest)
    if rest:
        raise QueryError("a SPARQL query takes no arguments: quote the whole query as one argument, "
                         "or give parameters to a named query or a .rq file")
    return run_query(target, first)


__all__ = ["answer", "find_actors", "named_queries", "named_query", "open_target", "run_named", "run_query",
           "NamedQuery", "PREFIXES", "Result", "Target"]
