"""`kg viz` through click's runner: from a store and from a file, with filters, and its errors."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from viz.stores import build_store
from viz.synthetic import synthetic_turtle

from kg.cli import main
from kg.viz import fetched_urls

SUMMARY = re.compile(r"drew (\d+) nodes?, (\d+) links? -> (.+) \(\d+\.\d MB, \d+\.\d s\)")


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg", catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("viz-store"))


def summary(result) -> tuple[int, int]:
    m = SUMMARY.fullmatch(result.stderr.strip().splitlines()[-1])
    assert m, result.stderr
    return int(m[1]), int(m[2])


def test_viz_draws_a_store_to_a_page_that_fetches_nothing(store, tmp_path):
    out = tmp_path / "graph.html"
    result = kg("viz", "--store", store, "-o", out)
    assert result.exit_code == 0, result.stderr
    nodes, links = summary(result)
    assert nodes > 5 and links > 5
    html = out.read_text(encoding="utf-8")
    assert fetched_urls(html) == []
    assert "Mohammed Deif" in html and "https://jpost.example/qaani" in html


def test_viz_reads_a_turtle_file_and_applies_the_filters(tiny_path, tmp_path):
    out = tmp_path / "q.html"
    result = kg("viz", "--graph", tiny_path, "-o", out, "--focus", "Qaani", "--hops", "1",
                "--relation", "praised,sentLetterTo", "--min-sources", "2", "--collapse")
    assert result.exit_code == 0, result.stderr
    assert summary(result) == (2, 1)
    assert "kg: only edges and statements with at least 2 independent sources" in result.stderr


def test_viz_focus_finds_an_actor_however_spelt(store, tmp_path):
    result = kg("viz", "--store", store, "-o", tmp_path / "f.html", "--focus", "Esmail Qaani", "--hops", "1")
    assert result.exit_code == 0, result.stderr
    assert "within 1 hop of" in result.stderr


def test_viz_says_how_it_reduced_a_graph_over_max_nodes(tmp_path):
    big = tmp_path / "big.ttl"
    big.write_text(synthetic_turtle(120, 40), encoding="utf-8")
    result = kg("viz", "--graph", big, "-o", tmp_path / "big.html", "--collapse", "--max-nodes", "30")
    assert result.exit_code == 0
    assert summary(result)[0] == 30
    assert "more than --max-nodes 30: kept the 30 most central (by degree) and left out 90" in result.stderr


def test_viz_dates_take_iso_days(tiny_path, tmp_path):
    result = kg("viz", "--graph", tiny_path, "-o", tmp_path / "d.html", "--since", "2024-04-01", "--collapse")
    assert result.exit_code == 0 and summary(result) == (3, 2)
    bad = kg("viz", "--graph", tiny_path, "-o", tmp_path / "d.html", "--since", "April")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr or "%Y-%m-%d" in bad.stderr


@pytest.mark.parametrize("args, message", [
    ([], "say what to read: --store DIR"),
    (["--focus", "Nobody Atall"], "no actor is named 'Nobody Atall'"),
    (["--relation", "hailed"], "unknown relation hailed"),
])
def test_viz_errors_are_one_line_that_names_the_fix(tiny_path, tmp_path, args, message):
    source = [] if not args else ["--graph", tiny_path]
    result = kg("viz", *source, "-o", tmp_path / "x.html", *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: ") and message in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_viz_refuses_an_output_folder_that_is_not_there(tiny_path, tmp_path):
    result = kg("viz", "--graph", tiny_path, "-o", tmp_path / "nope" / "x.html")
    assert result.exit_code == 1 and "there is no folder" in result.stderr


def test_viz_reads_a_store_that_a_build_holds_open(store, tmp_path):
    """The store is opened read-only: a writer holding Oxigraph's lock does not stop the picture."""
    from kg.graph.store import KGStore

    with KGStore(store, create=False):
        result = kg("viz", "--store", store, "-o", tmp_path / "busy.html")
    assert result.exit_code == 0, result.stderr
