"""The installed `kg` script end to end, in its own process, as a shell user runs it."""
from __future__ import annotations

import subprocess

import pytest
from rdflib import RDF, Graph

from kg.graph.vocab import KG

from .inputs import ROOT, STDIN_TEXT, summary

KG_SCRIPT = ROOT / ".venv" / "bin" / "kg"


@pytest.mark.skipif(not KG_SCRIPT.exists(), reason=f"{KG_SCRIPT} is not installed (run `make install`)")
def test_kg_script_builds_folder_feed_and_stdin_and_reports_bad_inputs(news, bad, tmp_path):
    out = tmp_path / "graph.ttl"
    done = subprocess.run([KG_SCRIPT, "build", news, tmp_path / "feed.jsonl", bad, "-", "-o", out],
                          input=STDIN_TEXT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    problems = [line for line in done.stderr.splitlines() if line.startswith("kg: ")]
    assert problems == [
        f"kg: {tmp_path / 'feed.jsonl'}:2: not valid JSON (Expecting ',' delimiter at column 44); "
        'each line needs a JSON object with a "text" string',
        f"kg: {bad / 'empty.txt'}: empty file",
        f"kg: {bad / 'image.txt'}: binary file (it holds NUL bytes); expected UTF-8 text",
    ]
    assert summary(done.stderr)["articles"] == 5
    assert done.stdout == ""
    g = Graph().parse(out, format="turtle")
    assert len(set(g.subjects(RDF.type, KG.Article))) == 5
