"""Errors the user can act on. Each message names the input and says what to do."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error `kg` reports to its user."""


class IngestError(KGError):
    """An input file or line could not be read as an article.

    ``where`` is "path" or "path:line" so the message points at the bad input.
    """

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class ModelError(KGError):
    """A spaCy pipeline asked for with --model is missing or unusable."""


class ExtractError(KGError):
    """Extraction failed for a whole article (single bad candidates are skipped, not raised)."""


class StoreError(KGError):
    """The on-disk store is missing, locked or inconsistent."""


class QueryError(KGError):
    """A SPARQL query is malformed or failed."""
