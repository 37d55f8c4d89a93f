"""Fixtures for the graph tests: the sample article of graph_sample and its canonical actors."""
from __future__ import annotations

import pytest
from graph_sample import CANONICAL, extraction

from kg.model import CanonicalActor, Extraction


@pytest.fixture
def sample() -> Extraction:
    return extraction()


@pytest.fixture
def canonical() -> dict[str, CanonicalActor]:
    return dict(CANONICAL)
