"""The store: transactions per article, re-ingest, replace, order independence, a killed ingest, exports."""
from __future__ import annotations

import dataclasses
import io
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from records import (
    KHAMENEI_ALI,
    KHAMENEI_BARE,
    KHAMENEI_MOJTABA,
    POOL,
    QAANI_JPOST,
    QAANI_MEHR,
    QAANI_MEHR_ITSELF,
    article,
    org,
    person,
)

from kg.errors import StoreError
from kg.export import FORMATS
from kg.export.dataset import write_dataset
from kg.graph.build import actor_iri, article_iri, edge_iri
from kg.graph.store import PAUSE, KGStore, graph_iri
from kg.graph.vocab import ID, KG, NIF
from kg.model import PERSON
from kg.resolve.actors import Form

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
PARSERS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml"}


def text_of(store: KGStore, fmt: str = "nquads") -> str:
    out = io.StringIO()
    write_dataset(store, out, fmt)
    return out.getvalue()


def no_time(text: str) -> str:
    return "".join(line for line in text.splitlines(True) if str(PROV.generatedAtTime) not in line)


def one_shot(exs) -> KGStore:
    store = KGStore(timestamps=False)
    store.ingest(list(exs))
    return store


def merged(text: str, fmt: str) -> Graph:
    """The triples of an export, all graphs together, without ingest times."""
    if fmt in ("nquads", "trig"):
        ds = Dataset().parse(data=text, format=PARSERS[fmt])
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
    else:
        g = Graph().parse(data=text, format=PARSERS[fmt])
    g.remove((None, PROV.generatedAtTime, None))
    return g


@pytest.fixture
def disk(tmp_path) -> KGStore:
    store = KGStore(tmp_path / "kgdata")
    yield store
    store.close()


# --- round trips and idempotence -----------------------------------------------------------------------------

@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("fmt", FORMATS)
def test_store_exports_round_trip_to_the_one_shot_graph(disk, fmt):
    for ex in POOL:
        assert disk.ingest([ex]) == {ex.article.id: "added"}
    expected = merged(text_of(one_shot(POOL), "nt"), "nt")
    assert isomorphic(merged(text_of(disk, fmt), fmt), expected)


def test_trig_keeps_one_graph_per_article_with_provenance(disk):
    disk.ingest(POOL)
    ds = Dataset().parse(data=text_of(disk, "trig"), format="trig")
    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert {str(graph_iri(ex.article.id)) for ex in POOL} <= names
    assert {str(ID["provenance"]), str(ID["resolution"])} <= names
    assert not any(n.startswith(str(ID["index/"])) for n in names)
    prov = ds.graph(ID["provenance"])
    g = graph_iri("jpost-qaani")
    assert prov.value(g, PROV.wasDerivedFrom) == article_iri("jpost-qaani")
    assert prov.value(g, PROV.generatedAtTime) is not None
    assert str(prov.value(article_iri("jpost-qaani"), KG.source)) == "The Jerusalem Post"
    activity = prov.value(g, PROV.wasGeneratedBy)
    assert str(prov.value(activity, KG.pipeline)) == "builtin"
    assert prov.value(g, KG.contentHash).startswith("sha256:")


def test_ingesting_again_changes_nothing(disk):
    disk.ingest(POOL)
    before = text_of(disk, "trig")
    assert set(disk.ingest(POOL).values()) == {"unchanged"}
    for ex in POOL:
        assert disk.ingest([ex]) == {ex.article.id: "unchanged"}
    assert text_of(disk, "trig") == before


def test_a_changed_text_replaces_the_article_and_what_came_from_it(disk):
    disk.ingest(POOL)
    changed = article("jpost-qaani", "Esmail Qaani thanked Ismail Haniyeh.", source="The Jerusalem Post",
                      actors=[person("q", "Esmail Qaani"), person("h", "Ismail Haniyeh")],
                      relations=[("praised", "q", "h", "Esmail Qaani thanked Ismail Haniyeh.")])
    assert disk.ingest([changed]) == {"jpost-qaani": "replaced"}
    final = [changed if ex.article.id == "jpost-qaani" else ex for ex in POOL]
    assert no_time(text_of(disk)) == text_of(one_shot(final))
    assert disk.verify() == []
    g = merged(text_of(disk, "nt"), "nt")
    assert (None, NIF.isString, Literal(QAANI_JPOST.article.text)) not in g
    assert not list(g.subjects(RDF.type, KG.Organization)) or \
        (None, None, Literal("Izzadin al-Qassam Brigades")) not in g


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(POOL))
def test_articles_in_any_order_give_one_store(order):
    store = KGStore(timestamps=False)
    for ex in order:
        store.ingest([ex])
    assert text_of(store) == text_of(one_shot(POOL))
    assert groups(store) == groups(one_shot(POOL))


def groups(store: KGStore) -> set[frozenset[str]]:
    return {frozenset({a.name, *a.aliases}) for a, _ in store.actors()}


@settings(max_examples=25, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cn")), min_size=1, max_size=60))
def test_any_article_text_comes_back_from_the_store(extra):
    text = "Esmail Qaani wrote to Mohammed Deif. " + extra
    ex = article("odd", text, actors=[person("q", "Esmail Qaani"), person("d", "Mohammed Deif")],
                 letters=[("l0", "q", "d", "Esmail Qaani wrote to Mohammed Deif.")])
    store = one_shot([ex])
    g = merged(text_of(store, "nt"), "nt")
    assert str(g.value(article_iri("odd"), NIF.isString)) == text
    assert isomorphic(merged(text_of(store, "turtle"), "turtle"), g)


# --- merging across articles ---------------------------------------------------------------------------------

def test_one_letter_reported_by_two_outlets_is_one_node_with_two_sources():
    store = one_shot([QAANI_MEHR, QAANI_JPOST])
    g = merged(text_of(store, "nt"), "nt")
    letters = list(g.subjects(RDF.type, KG.Letter))
    assert len(letters) == 1
    assert set(g.objects(letters[0], KG.article)) == {article_iri("mehr-qaani"), article_iri("jpost-qaani")}
    assert len(set(g.objects(letters[0], KG.evidence))) == 2
    (sender,) = g.objects(letters[0], KG.sender)
    (recipient,) = g.objects(letters[0], KG.recipient)
    edge = edge_iri("sentLetterTo", str(sender).rsplit("/", 1)[1], str(recipient).rsplit("/", 1)[1])
    assert int(g.value(edge, KG.sourceCount)) == 2


def test_sources_count_independent_outlets_only():
    def count(exs) -> int:
        g = merged(text_of(one_shot(exs), "nt"), "nt")
        (e,) = g.subjects(RDF.predicate, KG.praised)
        return int(g.value(e, KG.sourceCount))

    assert count([QAANI_MEHR_ITSELF, QAANI_JPOST]) == 2  # two outlets
    assert count([QAANI_MEHR, QAANI_MEHR_ITSELF]) == 1  # an article crediting Mehr, and Mehr itself
    assert count([QAANI_MEHR, QAANI_MEHR_ITSELF, QAANI_JPOST]) == 2


def test_corroboration_is_queryable_in_the_store():
    store = one_shot(POOL)
    rows = list(store.db.query(f"""
        SELECT ?e ?n WHERE {{ GRAPH <{ID['resolution']}> {{ ?e <{KG.sourceCount}> ?n }} FILTER(?n >= 2) }}"""))
    assert rows
    assert all(int(r["n"].value) >= 2 for r in rows)


def summary(store: KGStore, node) -> dict[str, set[str]]:
    """What the resolution graph sums up of a node: each summary property's values."""
    out: dict[str, set[str]] = {}
    for q in store.db.quads_for_pattern(ox.NamedNode(str(node)), None, None, ox.NamedNode(str(ID["resolution"]))):
        name = q.predicate.value.rsplit("#", 1)[1]
        if name in ("articleCount", "reportCount", "sourceCount", "origin", "type", "subject", "object"):
            out.setdefault(name, set()).add(q.object.value.rsplit("#", 1)[-1])
    return out


def test_the_resolution_graph_keeps_counts_current_as_articles_come_and_go():
    def the_letter() -> str:  # named after its first report, so it may change as reports come
        (letter,) = {q.subject.value for q in store.db.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                                                          ox.NamedNode(str(KG.Letter)), None)}
        return letter

    store = KGStore(timestamps=False)
    store.ingest([QAANI_MEHR])
    qaani, deif = actor_iri("esmaeil-ghaani"), actor_iri("mohammed-deif")  # named after the first spelling
    edge = edge_iri("praised", "esmaeil-ghaani", "mohammed-deif")
    assert summary(store, the_letter()) == {"type": {"Letter"}, "reportCount": {"1"}, "sourceCount": {"1"},
                                      "origin": {"Mehr News Agency"}}
    store.ingest([QAANI_JPOST, QAANI_MEHR_ITSELF])
    assert summary(store, the_letter()) == {"type": {"Letter"}, "reportCount": {"3"}, "sourceCount": {"2"},
                                      "origin": {"Mehr News Agency", "The Jerusalem Post"}}
    assert summary(store, qaani) == {"type": {"Person"}, "articleCount": {"3"}}
    assert summary(store, edge) == {"type": {"Edge"}, "reportCount": {"3"}, "sourceCount": {"2"},
                                    "origin": {"Mehr News Agency", "The Jerusalem Post"},
                                    "subject": {str(qaani)}, "object": {str(deif)}}
    # the Jerusalem Post's story changes: no letter, no praise, and Deif is gone from it
    changed = dataclasses.replace(QAANI_JPOST, article=dataclasses.replace(
        QAANI_JPOST.article, text=QAANI_JPOST.article.text + " Updated."), actors=QAANI_JPOST.actors[:1],
        letters=(), relations=())
    store.ingest([changed])
    assert summary(store, the_letter())["reportCount"] == {"2"} and summary(store, the_letter())["sourceCount"] == {"1"}
    assert summary(store, the_letter())["origin"] == {"Mehr News Agency"}
    assert summary(store, qaani)["articleCount"] == {"3"}
    assert summary(store, deif)["articleCount"] == {"2"}
    assert summary(store, edge)["reportCount"] == {"2"}
    assert store.verify() == []


def test_bare_surname_moves_when_a_second_khamenei_arrives():
    store = KGStore(timestamps=False)
    store.ingest([KHAMENEI_ALI, KHAMENEI_BARE])
    assert frozenset({"Ali Khamenei", "Supreme Leader Ali Khamenei", "Khamenei", "Ayatollah Khamenei"}) in groups(store)
    store.ingest([KHAMENEI_MOJTABA])
    gs = groups(store)
    assert frozenset({"Khamenei", "Ayatollah Khamenei"}) in gs
    assert text_of(store) == text_of(one_shot([KHAMENEI_ALI, KHAMENEI_BARE, KHAMENEI_MOJTABA]))


def test_a_fuller_name_renames_the_actor_in_every_article_graph():
    short = article("first", "Qaani praised Deif.", actors=[person("q", "Qaani"), person("d", "Deif")],
                    relations=[("praised", "q", "d", "Qaani praised Deif.")])
    store = KGStore(timestamps=False)
    store.ingest([short])
    assert (actor_iri("qaani"), KG.praised, actor_iri("deif")) in merged(text_of(store, "nt"), "nt")
    store.ingest([QAANI_JPOST])
    g = merged(text_of(store, "nt"), "nt")
    assert (actor_iri("esmail-qaani"), KG.praised, actor_iri("mohammed-deif")) in g
    assert (actor_iri("qaani"), None, None) not in g
    assert len(set(g.objects(edge_iri("praised", "esmail-qaani", "mohammed-deif"), KG.article))) == 2


def test_actors_file_overrides_and_can_be_changed(disk):
    disk.ingest(POOL)
    never = Form(PERSON, "Esmail Qaani", (), None, True, ("Esmaeil Ghaani",))
    assert disk.use_actors_file([never])
    gs = groups(disk)
    assert not any({"Esmail Qaani", "Esmaeil Ghaani"} <= g for g in gs)
    assert not disk.use_actors_file([never])  # the same file again changes nothing
    assert disk.verify() == []
    disk.use_actors_file([])
    assert any({"Esmail Qaani", "Esmaeil Ghaani"} <= g for g in groups(disk))
    assert no_time(text_of(disk)) == text_of(one_shot(POOL))


def test_review_lists_merges_and_refusals_with_articles(disk):
    disk.ingest(POOL)
    items = disk.review()
    merged_pairs = {(i.decision.a.name, i.decision.b.name) for i in items if i.decision.merged}
    assert ("Esmaeil Ghaani", "Esmail Qaani") in merged_pairs
    refused = [i for i in items if not i.decision.merged and i.decision.a.name == "Khamenei"]
    assert refused and refused[0].articles_a == ("bare",)


# --- a killed ingest -----------------------------------------------------------------------------------------

SCRIPT = """
import sys
sys.path.insert(0, sys.argv[2])
from records import POOL, article, person
from kg.graph.store import KGStore
extra = [article(f"extra-{n}", f"Person{n} Surname{n} praised Esmail Qaani.",
                 source=f"Outlet {n % 3} News",
                 actors=[person("p", f"Person{n} Surname{n}"), person("q", "Esmail Qaani", "Qaani")],
                 relations=[("praised", "p", "q", f"Person{n} Surname{n} praised Esmail Qaani.")])
         for n in range(int(sys.argv[3]))]
store = KGStore(sys.argv[1])
for ex in POOL + extra:
    print(ex.article.id, store.ingest([ex])[ex.article.id], flush=True)
store.close()
"""


def run_script(path: Path, extra: int = 0, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(path), str(TESTS), str(extra)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_an_ingest_killed_before_its_commit_leaves_the_article_out_and_a_rerun_adds_it(tmp_path):
    path = tmp_path / "kgdata"
    victim = POOL[3].article.id
    proc = run_script(path, env={PAUSE: victim})
    line = proc.stderr.readline()
    assert line.startswith(f"kg: pausing before committing {victim}"), line + proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with KGStore(path) as store:
        assert store.article_ids() == sorted(ex.article.id for ex in POOL[:3])
        assert store.verify() == []
    done = run_script(path)
    out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    assert [line.split()[1] for line in out.splitlines()] == ["unchanged"] * 3 + ["added"] * (len(POOL) - 3)
    with KGStore(path) as store:
        assert store.verify() == []
        assert no_time(text_of(store)) == text_of(one_shot(POOL))


@pytest.mark.slow
def test_ingests_killed_at_random_moments_always_leave_a_consistent_store(tmp_path):
    path = tmp_path / "kgdata"
    rng = random.Random(7)
    total, partial = len(POOL) + 600, 0
    for attempt in range(6):
        proc = run_script(path, extra=600)
        proc.stdout.readline()  # the first article is in: kill somewhere in the ones after it
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with KGStore(path) as store:
            assert store.verify() == [], f"attempt {attempt}"
            partial += 0 < len(store.article_ids()) < total
    assert partial  # some kills did land in the middle of the build
    done = run_script(path, extra=600)
    assert done.wait(timeout=300) == 0, done.stderr.read()
    with KGStore(path) as store:
        assert len(store.article_ids()) == total
        assert store.verify() == []


# --- what adding an article costs ----------------------------------------------------------------------------

class CountingDB:
    """Counts the lookups a store makes, passing everything on to the real one."""

    def __init__(self, db):
        self.db = db
        self.lookups = 0

    def quads_for_pattern(self, *args):
        for q in self.db.quads_for_pattern(*args):
            self.lookups += 1
            yield q

    def __getattr__(self, name):
        return getattr(self.db, name)


def unrelated(n: int):
    return [article(f"u{i}", f"Person{i} Surname{i} praised Org{i} Agency.",
                    source=f"Outlet{i} News",
                    actors=[person("p", f"Person{i} Surname{i}"), org("o", f"Org{i} Agency")],
                    relations=[("praised", "p", "o", f"Person{i} Surname{i} praised Org{i} Agency.")])
            for i in range(n)]


def test_adding_an_article_reads_as_much_from_a_big_store_as_from_a_small_one():
    def reads(n: int) -> int:
        store = KGStore(timestamps=False)
        store.ingest(unrelated(n) + [QAANI_MEHR, KHAMENEI_ALI])
        counting = CountingDB(store.db)
        store.db = store.forms.db = store.reports.db = counting
        store.ingest([QAANI_JPOST])
        return counting.lookups

    assert reads(5) == reads(300)


# --- opening ---------------------------------------------------------------------------------------------------

def test_a_store_in_use_is_refused_with_a_message_naming_it(disk, tmp_path):
    with pytest.raises(StoreError, match=f"the store {tmp_path / 'kgdata'} is in use by another kg process"):
        KGStore(tmp_path / "kgdata")


def test_a_damaged_store_is_refused_with_a_message_naming_it(tmp_path):
    path = tmp_path / "kgdata"
    with KGStore(path) as store:
        store.ingest([QAANI_MEHR])
    (path / "oxigraph" / "CURRENT").write_text("garbage\n")
    with pytest.raises(StoreError, match=f"the store {path} is damaged"):
        KGStore(path)


def test_an_oxigraph_store_not_made_by_kg_is_refused(tmp_path):
    path = tmp_path / "other"
    path.mkdir()
    db = ox.Store(str(path / "oxigraph"))
    db.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal("x")))
    del db
    with pytest.raises(StoreError, match="not one kg made"):
        KGStore(path)


def test_a_store_of_format_1_gains_its_counts_when_next_opened_for_writing(tmp_path):
    path = tmp_path / "kgdata"
    with KGStore(path, timestamps=False) as store:
        store.ingest([QAANI_MEHR, QAANI_JPOST, KHAMENEI_ALI])
        before = text_of(store)
        # what a store made before the counts looks like: no summaries, format 1
        resolution = ID["resolution"]
        store.db.update(f"""DELETE {{ GRAPH <{resolution}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{resolution}> {{ ?s ?p ?o }}
            FILTER(?p IN (kg:articleCount, kg:reportCount, kg:sourceCount, kg:origin, rdf:subject, rdf:predicate,
                          rdf:object) || (?p = rdf:type && ?o IN (kg:Letter, kg:Speech, kg:Edge))) }} ;
            DELETE WHERE {{ GRAPH <{ID['index/known']}> {{ <{ID['index/store']}> kg:record ?f }} }} ;
            INSERT DATA {{ GRAPH <{ID['index/known']}> {{ <{ID['index/store']}> kg:record "{{\\"format\\": 1}}" }} }}""",
                        prefixes={"kg": str(KG), "rdf": str(RDF)})
        assert text_of(store) != before
    with pytest.raises(StoreError, match="made by an older kg .format 1.*kg actors --store"):
        KGStore(path, read_only=True)
    with KGStore(path, timestamps=False) as store:
        assert text_of(store) == before
        assert store.verify() == []
    with KGStore(path, read_only=True) as reader:
        assert reader.article_ids()


def test_a_missing_store_is_not_made_when_only_reading(tmp_path):
    with pytest.raises(StoreError, match="there is no store in"):
        KGStore(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_a_store_in_use_can_still_be_read_read_only(disk, tmp_path):
    disk.ingest([QAANI_MEHR])
    with KGStore(tmp_path / "kgdata", read_only=True) as reader:
        assert reader.article_ids() == [QAANI_MEHR.article.id]
        assert reader.record(QAANI_MEHR.article.id) is not None
    disk.ingest([QAANI_JPOST])  # the writer kept its lock and goes on
    assert len(disk.article_ids()) == 2


def test_read_only_refuses_what_is_not_a_kg_store_and_makes_nothing(tmp_path):
    with pytest.raises(StoreError, match="there is no store in"):
        KGStore(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()
    path = tmp_path / "other"
    path.mkdir()
    db = ox.Store(str(path / "oxigraph"))
    db.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://p"), ox.Literal("x")))
    del db
    with pytest.raises(StoreError, match="is not a store kg made"):
        KGStore(path, read_only=True)


def test_extraction_records_survive_the_store(disk):
    disk.ingest([QAANI_JPOST])
    assert disk.record("jpost-qaani") == dataclasses.replace(QAANI_JPOST, sentences=())
