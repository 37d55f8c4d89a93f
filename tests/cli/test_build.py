"""`kg build` through click's runner: inputs of every kind, problems, exit codes, formats, help."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from rdflib import RDF, Dataset

from kg.cli import build
from kg.export import FORMATS, format_for, read_graph
from kg.graph.vocab import KG

from .inputs import STDIN_TEXT, summary


def articles_in(path: Path, fmt: str | None = None) -> int:
    """Articles in an output file; N-Quads and TriG are read as datasets, since each article has its own graph."""
    fmt = fmt or format_for(path)
    if fmt in ("nquads", "trig"):
        ds = Dataset().parse(path, format=FORMATS[fmt])
        return len({s for s, _, _, _ in ds.quads((None, RDF.type, KG.Article, None))})
    return len(set(read_graph(path, fmt).subjects(RDF.type, KG.Article)))


def test_build_reads_a_folder_a_feed_and_stdin(kg, news, tmp_path):
    out = tmp_path / "graph.ttl"
    result = kg("build", "-q", news, tmp_path / "feed.jsonl", "-", "-o", out, input=STDIN_TEXT)
    assert result.exit_code == 0, result.stderr
    counts = summary(result.stderr)
    assert counts["articles"] == 5 and counts["output"] == str(out)
    assert counts["letters"] >= 1 and counts["speeches"] >= 1 and counts["quotes"] >= 5
    assert articles_in(out) == 5


def test_build_reports_each_bad_input_with_file_and_line_and_builds_the_rest(kg, news, bad, tmp_path):
    out = tmp_path / "graph.ttl"
    result = kg("build", "-q", news, tmp_path / "feed.jsonl", bad, "-o", out)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"kg: {tmp_path / 'feed.jsonl'}:2: not valid JSON") for line in lines), lines
    assert any(line.startswith(f"kg: {bad / 'empty.txt'}: empty file") for line in lines), lines
    assert any(line.startswith(f"kg: {bad / 'image.txt'}: binary file") for line in lines), lines
    assert summary(result.stderr)["articles"] == 4
    assert articles_in(out) == 4


def test_build_exits_1_when_nothing_can_be_built(kg, bad, tmp_path):
    out = tmp_path / "graph.ttl"
    result = kg("build", bad, tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"kg: nothing could be built from {bad}, {tmp_path / 'missing.txt'} " \
                                             "(see the problems above)"
    assert f"kg: {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
    assert not out.exists()


def test_strict_exits_1_and_writes_nothing_when_an_input_has_a_problem(kg, news, tmp_path):
    out = tmp_path / "graph.ttl"
    result = kg("build", "--strict", news, tmp_path / "feed.jsonl", "-o", out)
    assert result.exit_code == 1
    assert f"kg: {tmp_path / 'feed.jsonl'}:2: not valid JSON" in result.stderr
    assert result.stderr.splitlines()[-1] == f"kg: 1 input problem(s) and --strict: nothing written to {out}"
    assert not out.exists()


def test_strict_exits_0_when_every_input_is_good(kg, news, tmp_path):
    result = kg("build", "--strict", news, "-o", tmp_path / "graph.ttl")
    assert result.exit_code == 0, result.stderr
    assert summary(result.stderr)["articles"] == 2


def test_unknown_model_is_one_line_that_says_how_to_install_it(kg, news, tmp_path):
    result = kg("build", "--model", "xx_no_such_pipeline", news, "-o", tmp_path / "graph.ttl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "kg: spaCy pipeline 'xx_no_such_pipeline' is not installed; install it with "
        "`python -m spacy download xx_no_such_pipeline` or leave out --model to use the built-in pipeline"
    ]


def test_model_folder_that_is_not_a_pipeline_is_one_line(kg, news, tmp_path):
    result = kg("build", "--model", news, news, "-o", tmp_path / "graph.ttl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: --model {news} is not a spaCy pipeline folder (one written by "
                                          "nlp.to_disk)"]


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"])
def test_output_format_follows_the_extension(kg, news, tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    result = kg("build", "-q", news, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert articles_in(out) == 2


def test_format_option_overrides_the_extension(kg, news, tmp_path):
    out = tmp_path / "graph.txt"
    assert kg("build", "-q", news, "-o", out, "--format", "nt").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<")
    assert articles_in(out, "nt") == 2


def test_dash_output_writes_turtle_to_stdout(kg, news):
    result = kg("build", "-q", news, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "kg:Article" in result.stdout
    assert summary(result.stderr)["output"] == "stdout"


def test_missing_output_folder_fails_before_building(kg, news, tmp_path):
    result = kg("build", news, "-o", tmp_path / "no" / "graph.ttl")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kg: cannot write {tmp_path / 'no' / 'graph.ttl'}: there is no folder " \
                                    f"{tmp_path / 'no'}"


def test_help_explains_every_option(kg):
    text = kg("build", "--help").stdout
    for option in (p for p in build.params if isinstance(p, click.Option)):
        assert option.help, f"{option.name} has no help"
        for flag in option.opts + option.secondary_opts:
            assert flag in text, flag
    for word in ("Usage: kg build", "Examples:", "Exit status:", ".jsonl", "stdin"):
        assert word in text
    top = kg("--help").stdout
    assert "build" in top and "Examples:" in top and "--version" in top
