"""The whole build: streamed, and the same graph whether it extracts here, in worker processes or on Dask."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from test_workers import InThisProcess

import kg.build
from kg.build import build, extract_all
from kg.cli import main
from kg.errors import KGError
from kg.export.dataset import write_dataset
from kg.graph.store import SPILL, KGStore
from kg.model import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "examples", ROOT / "tests" / "data" / "articles"]


def invoke_kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg", catch_exceptions=False)


def built(*args) -> str:
    result = invoke_kg("build", *CORPUS, "-q", *args)
    assert result.exit_code == 0, result.stderr
    return result.stderr.strip().splitlines()[-1]


def nquads(store_dir: Path) -> str:
    with KGStore(store_dir) as store:
        out = io.BytesIO()
        write_dataset(store, out, "nquads")
    return "\n".join(line for line in out.getvalue().decode().splitlines() if "generatedAtTime" not in line)


def same_graph(a: Path, b: Path) -> None:
    assert a.read_bytes() == b.read_bytes()
    assert isomorphic(Graph().parse(a, format="turtle"), Graph().parse(b, format="turtle"))


@pytest.fixture(scope="module")
def in_one_process(tmp_path_factory) -> Path:
    """The corpus built the plain way: one process, extraction and all."""
    out = tmp_path_factory.mktemp("one") / "graph.ttl"
    built("-o", out)
    return out


@pytest.fixture
def small_tasks(monkeypatch):
    """Tasks of 4 articles, so that a small corpus makes many of them and they finish out of order."""
    monkeypatch.setattr(kg.build, "CHUNK", 4)


@pytest.mark.slow
def test_two_worker_processes_build_the_same_graph_as_one_process(in_one_process, tmp_path, small_tasks):
    out = tmp_path / "graph.ttl"
    summary = built("-o", out, "--workers", "2")
    assert summary.startswith("built 26 articles:")
    same_graph(in_one_process, out)


@pytest.mark.slow
def test_two_worker_processes_fill_a_store_as_one_process_does_and_adding_again_changes_nothing(tmp_path,
                                                                                                 small_tasks):
    built("--store", tmp_path / "one")
    built("--store", tmp_path / "two", "--workers", "2")
    assert nquads(tmp_path / "one") == nquads(tmp_path / "two")
    again = built("--store", tmp_path / "two", "--workers", "2")
    assert "(0 added, 26 unchanged, 0 replaced)" in again
    assert nquads(tmp_path / "one") == nquads(tmp_path / "two")


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_builds_the_same_graph_and_store(in_one_process, tmp_path, small_tasks):
    distributed = pytest.importorskip("distributed")
    built("--store", tmp_path / "here")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster:
        address = cluster.scheduler_address
        out = tmp_path / "graph.ttl"
        built("-o", out, "--dask", address)
        same_graph(in_one_process, out)
        built("--store", tmp_path / "there", "--dask", address)
        assert nquads(tmp_path / "here") == nquads(tmp_path / "there")
        again = built("--store", tmp_path / "there", "--dask", address)
        assert "(0 added, 26 unchanged, 0 replaced)" in again
    local = tmp_path / "local.ttl"
    built("-o", local, "--dask", "local", "--workers", "2")
    same_graph(in_one_process, local)


def numbered(n: int, read: list[int]):
    for k in range(n):
        read.append(k)
        yield Article(id=f"a{k}", text=f"Mayor Ama Owusu{k} praised the traders on Saturday. \"You built this "
                                       f"city,\" Owusu{k} said.")


@pytest.mark.parametrize("workers", [1, 2])
def test_articles_are_read_a_batch_ahead_of_the_store_not_all_first(tmp_path, workers):
    read: list[int] = []
    ahead: list[int] = []

    class Watched(KGStore):
        def ingest(self, extractions, **kw):
            ahead.append(len(read) - len(ahead))
            return super().ingest(extractions, **kw)

    with Watched(tmp_path / "store") as store:
        result = build([], articles=numbered(300, read), store=store, workers=workers)
    assert result.statuses["added"] == 300 and len(ahead) == 300
    assert max(ahead) <= 150  # in one process, spaCy's batch of 64; else 3 tasks per worker of 16 each


def test_an_article_that_fails_in_a_worker_is_reported_and_the_others_are_built(monkeypatch):
    real = kg.build.extract

    def failing(doc, article):
        if article.id == "a3":
            raise ValueError("no luck")
        return real(doc, article)

    monkeypatch.setattr(kg.build, "extract", failing)
    problems = []
    out = list(extract_all(numbered(40, []), report=problems.append, workers=InThisProcess()))
    assert [ex.article.id for ex in out] == [f"a{k}" for k in range(40) if k != 3]
    assert [str(p) for p in problems] == ["a3: extraction failed (ValueError: no luck); article skipped"]


def test_a_build_whose_scratch_store_moves_to_disk_half_way_writes_the_same_graph(in_one_process, tmp_path,
                                                                                  monkeypatch):
    """A one-shot build keeps its graph in memory while it is small, then moves it to a temporary folder:
    the output is the same bytes either way, and the folder is gone when the build is done."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # so that tempfile reads TMPDIR again
    monkeypatch.setenv(SPILL, "400000")  # a few articles' worth
    spilled = []
    real = KGStore._spill_if_due

    def watched(store):
        was = store.path
        real(store)
        if was is None and store.path is not None:
            spilled.append(store.path)
            assert (store.path / "oxigraph").is_dir()

    monkeypatch.setattr(KGStore, "_spill_if_due", watched)
    out = tmp_path / "graph.ttl"
    built("-o", out)
    assert len(spilled) == 1, "the scratch store never moved to disk"
    assert not spilled[0].exists()
    same_graph(in_one_process, out)


def test_a_scratch_store_stays_in_memory_below_its_limit_and_says_which_setting_is_wrong(monkeypatch):
    with KGStore.scratch() as store:
        store.ingest([])
        assert store.path is None
    monkeypatch.setenv(SPILL, "lots")
    with pytest.raises(KGError, match=r"\$KG_SCRATCH_SPILL_AFTER must be a number of characters, not 'lots'"):
        KGStore.scratch()


@pytest.mark.slow
def test_a_build_stopped_by_sigterm_deletes_its_scratch_store(tmp_path):
    text = json.loads((ROOT / "tests" / "data" / "articles" / "01-rahmani-letter-houthi.json").read_text())["text"]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{k}", "text": text}) + "\n" for k in range(3000)))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    kg = Path(sys.executable).with_name("kg")
    proc = subprocess.Popen([kg, "build", feed, "-o", tmp_path / "out.ttl", "-q"], env={**os.environ,
                            "TMPDIR": str(scratch), SPILL: "1000000"}, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(scratch.glob("kg-build-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(scratch.glob("kg-build-*")), "the build made no scratch store"
    time.sleep(1)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM, proc.stderr.read()
    assert not list(scratch.glob("kg-build-*"))


def test_workers_with_a_dask_address_and_an_address_that_is_none_are_one_line_each(tmp_path):
    out = tmp_path / "graph.ttl"
    both = invoke_kg("build", ROOT / "examples", "-o", out, "--workers", "2", "--dask", "tcp://127.0.0.1:8786")
    assert both.exit_code == 1
    assert both.stderr.startswith("kg: --workers counts processes on this machine")
    bad = invoke_kg("build", ROOT / "examples", "-o", out, "--dask", "nonsense")
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines()[-1].startswith("kg: cannot reach the Dask scheduler at nonsense (")
    assert not out.exists()
