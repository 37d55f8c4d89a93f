"""Fixtures for the ingest tests: run the reader and collect what it reports."""
from __future__ import annotations

import io
import sys

import pytest

from kg.ingest import read_articles


@pytest.fixture
def read():
    """``read(*inputs) -> (articles, errors)``: every article and every reported IngestError."""

    def read(*inputs):
        errors = []
        articles = list(read_articles([str(i) for i in inputs], report=errors.append))
        return articles, errors

    return read


@pytest.fixture
def stdin(monkeypatch):
    """``stdin(data: bytes)`` makes ``data`` the process's standard input."""

    def set_stdin(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return set_stdin
