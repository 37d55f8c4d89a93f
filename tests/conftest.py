"""Shared fixtures: the built-in pipeline, loaded once, and a runner for the extractor."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article, Extraction
from kg.nlp.pipeline import load_pipeline


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp):
    """``run(text, date=None) -> Extraction`` for an article made of ``text``."""

    def run(text: str, date: str | None = None) -> Extraction:
        article = Article(id="t", text=text, date=date)
        return extract(nlp(text), article)

    return run
