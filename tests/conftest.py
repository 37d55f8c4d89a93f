"""Shared fixtures: the built-in pipeline, loaded once, a runner for the extractor, and the sample corpus built."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
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


# --- the sample corpus built for real, once per session (query, analytics, validation, notebook tests) ---

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def invoke_kg(*args) -> Result:
    """Run the `kg` command in-process, stderr kept apart from stdout."""
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg", catch_exceptions=False)


@pytest.fixture(scope="session")
def kg_cli():
    """``kg_cli(*args) -> Result``: the `kg` command, in-process."""
    return invoke_kg


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store built from examples/ by `kg build --store`. Tests open it and close it again; none change it."""
    folder = tmp_path_factory.mktemp("sample") / "kgdata"
    result = invoke_kg("build", EXAMPLES, "--store", folder, "-q")
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="session")
def sample_ttl(tmp_path_factory) -> Path:
    """examples/ built by `kg build -o sample.ttl`, as `make demo` builds exports/sample.ttl."""
    path = tmp_path_factory.mktemp("sample") / "sample.ttl"
    result = invoke_kg("build", EXAMPLES, "-o", path, "-q")
    assert result.exit_code == 0, result.output
    return path
