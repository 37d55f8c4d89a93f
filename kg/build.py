"""The whole path: articles in, one graph out.

read -> NLP (spaCy, in batches) -> extract -> resolve actors and statements across articles -> RDF.
One bad article is reported and skipped; it never stops the others.

A one-shot build (``kg build ... -o FILE``) and a build into a store on disk
(``--store DIR``) run the same code: the one-shot build fills an Oxigraph store in memory
(in batches, without timestamps, so the output is deterministic) and writes it out; the
store build commits each article in its own transaction and skips articles it already holds.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from kg.errors import ExtractError, IngestError, KGError
from kg.extract import extract
from kg.graph.store import KGStore
from kg.ingest import read_articles
from kg.model import Article, Extraction
from kg.nlp.pipeline import load_pipeline
from kg.resolve.actors import Form

log = logging.getLogger(__name__)
BATCH = 64


@dataclass
class BuildResult:
    store: KGStore
    statuses: Counter = field(default_factory=Counter)  # "added", "unchanged", "replaced" -> articles
    problems: list[KGError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def read(self) -> int:
        """Articles read and built (or found unchanged)."""
        return sum(self.statuses.values())

    def counts(self) -> dict[str, int]:
        """What the store holds: articles, actors, letters, speeches, quotes, edges."""
        return self.store.counts()


def extract_all(articles: Iterable[Article], model: str | None = None,
                report: Callable[[KGError], None] = lambda e: None) -> Iterator[Extraction]:
    """Run the NLP pipeline and the extractors over a stream of articles (loading it only if there is one)."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    nlp = load_pipeline(model)
    stream = ((a.text, a) for a in chain([first], articles))
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH):
        try:
            yield extract(doc, article)
        except Exception as e:  # one article's failure is reported, never fatal for the build
            log.debug("extraction failed for %s", article.origin, exc_info=True)
            report(ExtractError(f"{article.origin or article.id}: extraction failed ({type(e).__name__}: {e}); "
                                "article skipped"))


def build(inputs: Iterable[str], *, model: str | None = None, progress: Callable[[Iterable], Iterable] | None = None,
          report: Callable[[KGError], None] | None = None, store: KGStore | None = None,
          known: list[Form] | None = None, articles: Iterable[Article] | None = None) -> BuildResult:
    """Read every input, extract, and resolve into ``store`` (a new in-memory one when None).

    ``known`` are the actors file's entries; ``articles``, when given, are used instead of
    reading ``inputs`` again.
    """
    t0 = time.perf_counter()
    problems: list[KGError] = []

    def note(e: KGError) -> None:
        problems.append(e)
        if report:
            report(e)

    one_shot = store is None
    if store is None:
        store = KGStore(pipeline=model or "builtin", timestamps=False)
    if known is not None:
        store.use_actors_file(known)
    result = BuildResult(store, Counter(), problems)
    stream: Iterable[Article] = articles if articles is not None else read_articles(inputs, report=note)
    if progress:
        stream = progress(stream)

    def changed(articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            if store.status(a) == "unchanged":
                result.statuses["unchanged"] += 1
            else:
                yield a

    batch: list[Extraction] = []
    for ex in extract_all(changed(stream), model, note):
        batch.append(ex)
        if not one_shot or len(batch) >= BATCH:
            result.statuses.update(store.ingest(batch).values())
            batch = []
    if batch:
        result.statuses.update(store.ingest(batch).values())
    result.seconds = time.perf_counter() - t0
    return result


__all__ = ["build", "extract_all", "BuildResult", "IngestError"]
