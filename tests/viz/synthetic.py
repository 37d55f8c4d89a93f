"""Big graphs of the project's shape, made up, for size limits and the browser's layout time."""
from __future__ import annotations

import random

PREFIXES = """@prefix kg: <https://w3id.org/newskg/ns#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
ID = "https://w3id.org/newskg/id/"
RELATIONS = ("praised", "quoted", "sentLetterTo")
OUTLETS = ("Tasnim", "Al Jazeera", "Reuters", "The Gulf Observer", "Anadolu")


def synthetic_turtle(actors: int, extra_edges: int, seed: int = 1) -> str:
    """``actors`` actors, each linked to an earlier one (hubs form), plus ``extra_edges`` random edges.

    Every actor has at least one edge, so a collapsed view draws exactly ``actors`` nodes.
    """
    rng = random.Random(seed)
    out = [PREFIXES]
    for i in range(actors):
        cls = "kg:Person" if i % 3 else "kg:Organization"
        out.append(f'<{ID}actor/a{i}> a {cls} ; rdfs:label "Actor {i}" .\n')
    pairs = []
    for i in range(1, actors):
        j = rng.randrange(0, i) if rng.random() < 0.5 else rng.randrange(0, max(1, i // 10))
        pairs.append((i, j))
    for _ in range(extra_edges):
        a, b = rng.randrange(actors), rng.randrange(actors)
        if a != b:
            pairs.append((a, b))
    for k, (a, b) in enumerate(dict.fromkeys(pairs)):
        relation = RELATIONS[k % len(RELATIONS)]
        article = f"{ID}article/n{k}"
        evidence = f"{article}#char=0,30"
        out.append(
            f'<{article}> a kg:Article ; kg:source "{OUTLETS[k % len(OUTLETS)]}" ; '
            f'schema:datePublished "2024-{1 + k % 12:02d}-{1 + k % 28:02d}"^^xsd:date ; '
            f'schema:url "https://news.example/{k}"^^xsd:anyURI .\n'
            f'<{evidence}> a kg:Evidence ; kg:article <{article}> ; nif:anchorOf "Actor {a} {relation} Actor {b}." .\n'
            f'<{ID}actor/a{a}> kg:{relation} <{ID}actor/a{b}> .\n'
            f'<{ID}edge/{relation}/a{a}/a{b}> a kg:Edge ; rdf:subject <{ID}actor/a{a}> ; '
            f'rdf:predicate kg:{relation} ; rdf:object <{ID}actor/a{b}> ; kg:sourceCount {1 + k % 3} ; '
            f'kg:evidence <{evidence}> .\n')
    return "".join(out)
