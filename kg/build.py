"""The whole path: articles in, one graph out.

read -> NLP (spaCy, in batches) -> extract -> resolve actors and statements across articles -> RDF.
One bad article is reported and skipped; it never stops the others.

A one-shot build (``kg build ... -o FILE``) and a build into a store on disk
(``--store DIR``) run the same code: the one-shot build fills a scratch Oxigraph store (in
memory while it is small, then in a temporary folder: ``KGStore.scratch``; in batches, without
timestamps, so the output is deterministic) and writes it out; the store build commits each
article in its own transaction and skips articles it already holds.

Everything streams: articles are read, extracted and committed a batch at a time. With
``workers`` (processes on this machine) or ``dask`` (a Dask cluster) the extraction runs
elsewhere in batches of ``CHUNK`` articles while this process resolves and writes the
records that come back, in input order, so the graph is the same as a build in one process.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING

from kg.errors import ExtractError, IngestError, KGError, ModelError
from kg.graph.store import KGStore, Prepared
from kg.ingest import read_articles
from kg.model import Article, Extraction
from kg.resolve.actors import Form
from kg.workers import Workers, in_order, start

if TYPE_CHECKING:
    from spacy.language import Language
# spaCy, the pipeline and the extractors are imported where they run: a build with workers never
# loads them in this process (a second of CPU time on the process that resolves and writes)

log = logging.getLogger(__name__)
BATCH = 64  # articles per spaCy batch, and per transaction of a one-shot build
CHUNK = 16  # articles per task given to a worker process or a Dask worker


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
                report: Callable[[KGError], None] = lambda e: None,
                workers: Workers | None = None, *, prepared: bool = False) -> Iterator[Extraction | Prepared]:
    """Run the NLP pipeline and the extractors over a stream of articles, in order.

    In this process (loading the pipeline only if there is an article), or by ``workers``; with
    ``prepared``, the workers also do the store's work that needs only the article (``Prepared``).
    """
    articles = iter(articles)
    if workers is not None:
        yield from _extract_elsewhere(articles, model, report, workers, prepare_batch if prepared else extract_batch)
        return
    first = next(articles, None)
    if first is None:
        return
    from kg.nlp.pipeline import load_pipeline

    yield from _extracted(load_pipeline(model), chain([first], articles), report)


def extract(doc, article: Article) -> Extraction:
    """``kg.extract.extract``, imported on first use."""
    from kg.extract import extract as run

    return run(doc, article)


def _extracted(nlp: Language, articles: Iterable[Article], report: Callable[[KGError], None]) -> Iterator[Extraction]:
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH):
        try:
            yield extract(doc, article)
        except Exception as e:  # one article's failure is reported, never fatal for the build
            log.debug("extraction failed for %s", article.origin, exc_info=True)
            report(ExtractError(f"{article.origin or article.id}: extraction failed ({type(e).__name__}: {e}); "
                                "article skipped"))


_loaded = threading.local()


def _pipeline(model: str | None) -> Language:
    """The pipeline of this worker (and thread), loaded on its first batch."""
    pipelines = _loaded.__dict__.setdefault("pipelines", {})
    if model not in pipelines:
        from kg.nlp.pipeline import load_pipeline

        pipelines[model] = load_pipeline(model)
    return pipelines[model]


def extract_batch(articles: list[Article], model: str | None = None) -> tuple[list[Extraction], list[ExtractError]]:
    """What a worker does with a batch of articles: their records, and a problem for each one that failed."""
    problems: list[ExtractError] = []
    return list(_extracted(_pipeline(model), articles, problems.append)), problems


def prepare_batch(articles: list[Article], model: str | None = None) -> tuple[list[Prepared], list[ExtractError]]:
    """``extract_batch``, each article's records prepared for the store."""
    done, problems = extract_batch(articles, model)
    return [Prepared(ex) for ex in done], problems


def _extract_elsewhere(articles: Iterator[Article], model: str | None, report: Callable[[KGError], None],
                       workers: Workers, task: Callable = extract_batch) -> Iterator[Extraction | Prepared]:
    def failed(batch: list[Article], error: BaseException) -> None:
        if isinstance(error, ModelError):  # every batch would fail alike
            raise error
        for a in batch:
            report(ExtractError(f"{a.origin or a.id}: extraction failed in a worker ({type(error).__name__}: "
                                f"{error}); article skipped"))

    batches = iter(lambda: list(islice(articles, CHUNK)), [])
    for done, problems in in_order(workers, task, batches, model, failed=failed):
        for problem in problems:
            report(problem)
        yield from done


def build(inputs: Iterable[str], *, model: str | None = None, progress: Callable[[Iterable], Iterable] | None = None,
          report: Callable[[KGError], None] | None = None, store: KGStore | None = None,
          known: list[Form] | None = None, articles: Iterable[Article] | None = None,
          workers: int = 1, dask: str | None = None) -> BuildResult:
    """Read every input, extract, and resolve into ``store`` (when None, a new scratch store: close it after use).

    ``known`` are the actors file's entries; ``articles``, when given, are used instead of
    reading ``inputs`` again. ``workers`` > 1 extracts in that many processes on this machine;
    ``dask`` on the Dask cluster with that scheduler address ("local": a new one here).
    """
    t0 = time.perf_counter()
    problems: list[KGError] = []

    def note(e: KGError) -> None:
        problems.append(e)
        if report:
            report(e)

    one_shot = store is None
    if store is None:
        store = KGStore.scratch(pipeline=model or "builtin")
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

    try:
        if known is not None:
            store.use_actors_file(known)
        _run(changed(stream), model, note, store, result, BATCH if one_shot else 1, workers, dask)
    except BaseException:
        if one_shot:
            store.close()
        raise
    result.seconds = time.perf_counter() - t0
    return result


def _run(articles: Iterator[Article], model: str | None, report: Callable[[KGError], None], store: KGStore,
         result: BuildResult, per_commit: int, workers: int, dask: str | None) -> None:
    """Extract ``articles`` and commit their records to ``store``, ``per_commit`` articles a transaction."""
    batch: list[Extraction | Prepared] = []
    pool = start(workers, dask)
    try:
        for ex in extract_all(articles, model, report, pool, prepared=True):
            batch.append(ex)
            if len(batch) >= per_commit:
                result.statuses.update(store.ingest(batch).values())
                batch = []
    finally:
        if pool is not None:
            pool.close()
    if batch:
        result.statuses.update(store.ingest(batch).values())


__all__ = ["build", "extract_all", "extract_batch", "prepare_batch", "BuildResult", "IngestError"]
