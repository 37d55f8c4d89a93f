"""Fixtures for the export tests."""
from __future__ import annotations

import pytest
from export_sample import sample_graph
from rdflib import Graph


@pytest.fixture
def graph() -> Graph:
    return sample_graph()
