"""The whole path: articles in, one graph out.

read -> NLP (spaCy, in batches) -> extract -> resolve actors across articles -> RDF graph.
One bad article is reported and skipped; it never stops the others.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import RDF, Graph

from kg.errors import ExtractError, IngestError, KGError
from kg.extract import extract
from kg.graph.build import graph_of
from kg.graph.vocab import KG
from kg.ingest import read_articles
from kg.model import Article, Extraction
from kg.nlp.pipeline import load_pipeline
from kg.resolve.actors import resolve

log = logging.getLogger(__name__)
BATCH = 64


@dataclass
class BuildResult:
    graph: Graph
    extractions: list[Extraction]
    problems: list[KGError] = field(default_factory=list)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        g = self.graph

        def n(cls) -> int:
            return len(set(g.subjects(RDF.type, cls)))

        return {"articles": len(self.extractions), "actors": n(KG.Person) + n(KG.Organization),
                "letters": n(KG.Letter), "speeches": n(KG.Speech), "quotes": n(KG.Quote), "edges": n(KG.Edge)}


def extract_all(articles: Iterable[Article], model: str | None = None,
                report: Callable[[KGError], None] = lambda e: None) -> Iterator[Extraction]:
    """Run the NLP pipeline and the extractors over a stream of articles."""
    nlp = load_pipeline(model)
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH):
        try:
            yield extract(doc, article)
        except Exception as e:  # one article's failure is reported, never fatal for the build
            log.debug("extraction failed for %s", article.origin, exc_info=True)
            report(ExtractError(f"{article.origin or article.id}: extraction failed ({type(e).__name__}: {e}); "
                                "article skipped"))


def build(inputs: Iterable[str], *, model: str | None = None, progress: Callable[[Iterable], Iterable] | None = None,
          report: Callable[[KGError], None] | None = None) -> BuildResult:
    """Read every input, extract, resolve and return the graph with what went wrong on the way."""
    t0 = time.perf_counter()
    problems: list[KGError] = []

    def note(e: KGError) -> None:
        problems.append(e)
        if report:
            report(e)

    articles: Iterable[Article] = read_articles(inputs, report=note)
    if progress:
        articles = progress(articles)
    extractions = list(extract_all(articles, model, note))
    canon = resolve(extractions)
    g = graph_of(zip(extractions, canon))
    return BuildResult(g, extractions, problems, time.perf_counter() - t0)


__all__ = ["build", "extract_all", "BuildResult", "IngestError"]
