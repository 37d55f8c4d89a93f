"""kg: a knowledge graph of who wrote to, praised and quoted whom in the news.

    import kg
    g = kg.open("kgdata/")        # a store made by `kg build --store`, or an RDF file
    g.named("who-praised", "Qaani").df()

The names below load on first use, so ``import kg`` (and the ``kg`` command) stays quick.
"""
from __future__ import annotations

_API = {"open": "open_graph", "KnowledgeGraph": "KnowledgeGraph", "IRI": "IRI", "Rows": "Rows"}


def __getattr__(name: str):
    if name in _API:
        from kg import api

        return getattr(api, _API[name])
    if name == "named_queries":
        from kg.query.named import named_queries

        return named_queries
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["open", "KnowledgeGraph", "IRI", "Rows", "named_queries"]
