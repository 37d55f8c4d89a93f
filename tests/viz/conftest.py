"""Fixtures for the viz tests: the hand-made graph of tiny.ttl, read as a view."""
from __future__ import annotations

from pathlib import Path

import pytest
from viz.names import TINY

from kg.viz import open_dataset, read_view


@pytest.fixture
def tiny_path() -> Path:
    return TINY


@pytest.fixture
def tiny():
    return read_view(open_dataset(TINY))
