from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_sample import TEXT, sample_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.errors import KGError
from kg.export import EXTENSIONS, FORMATS, format_for, read_graph, serialize, write_graph

pytestmark = pytest.mark.filterwarnings(  # rdflib's own plugins call its deprecated APIs
    "ignore:.*(ConjunctiveGraph|default_context|contexts|identifier):DeprecationWarning")

EXTENSION_OF = {fmt: ext for ext, fmt in reversed(EXTENSIONS.items())}  # the first listed wins
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_graph_round_trips_through_a_file(graph, tmp_path, fmt):
    path = tmp_path / f"graph{EXTENSION_OF[fmt]}"
    assert write_graph(graph, path) == fmt
    assert isomorphic(read_graph(path), graph)


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_graph_round_trips_through_text_and_binary_streams(graph, fmt):
    text, binary = io.StringIO(), io.BytesIO()
    write_graph(graph, text, fmt)
    write_graph(graph, binary, fmt)
    assert text.getvalue().encode("utf-8") == binary.getvalue()
    assert isomorphic(read_graph(io.BytesIO(binary.getvalue()), fmt), graph)


def test_format_for_reads_the_extension():
    assert format_for("out.ttl") == "turtle"
    assert format_for("out.NQ") == "nquads"
    assert format_for("out.jsonld") == "jsonld"
    assert format_for("out.rdf") == "xml"
    assert format_for("out") == "turtle"


def test_stream_without_format_gets_turtle(graph):
    out = io.StringIO()
    assert write_graph(graph, out) == "turtle"
    assert "@prefix kg: <https://w3id.org/newskg/ns#> ." in out.getvalue()


def test_unknown_format_names_the_known_ones(graph):
    with pytest.raises(KGError, match="turtle, nt"):
        serialize(graph, "csv")


def test_jsonld_keys_are_compacted_with_the_prefixes(graph):
    assert '"kg:sender"' in serialize(graph, "jsonld")


def test_line_formats_are_sorted(graph):
    for fmt in ("nt", "nquads"):
        lines = serialize(graph, fmt).splitlines()
        assert lines == sorted(lines) and all(lines)


BUILD_AND_WRITE = """
import sys
sys.path.insert(0, sys.argv[1])
from export_sample import sample_graph
from kg.export import FORMATS, serialize
g = sample_graph()
sys.stdout.write("\\x00".join(serialize(g, fmt) for fmt in FORMATS))
"""


def test_building_twice_writes_byte_identical_files():
    """Separate processes with different hash seeds, so set order cannot leak into the output."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        runs.append(subprocess.run([sys.executable, "-c", BUILD_AND_WRITE, str(Path(__file__).parent)],
                                   env=env, capture_output=True, check=True).stdout)
    assert runs[0] == runs[1]
    assert len(runs[0].split(b"\x00")) == len(FORMATS)


TEXTS = st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn")) | st.sampled_from("\n\t\r"), max_size=40)


@settings(max_examples=25, deadline=None)
@given(extra=TEXTS)
def test_every_format_round_trips_any_article_text(extra):
    g = sample_graph(TEXT + extra)
    for fmt in FORMATS:
        assert isomorphic(read_graph(io.StringIO(serialize(g, fmt)), fmt), g), fmt

