"""The named queries and the Turtle export on a big store, against rdflib's in-memory Graph as the baseline.

    .venv/bin/python bench/queries.py                          # 100,000 statements, a few minutes
    .venv/bin/python bench/queries.py --statements 1000000     # the issue's figure: ~25 min, ~3 GiB for rdflib

Builds a store of STATEMENTS exported triples (the quads every article graph, the
provenance graph and the resolution graph hold; the store's own index comes on top)
through the real write path, ``KGStore.ingest``, from synthetic articles of our shape:
three people and an organization from pools of names (some famous ones spelled several
ways, so resolution merges them), an outlet, a dated letter to one or two recipients
whose words are quoted, another quote, praise and a quoted edge, each with its evidence;
one article in six retells an earlier story, so letters and edges have several reports.

Then it times every named query on the store (``kg query``'s path: ``run_named``, actor
names matched as users type them; best of three, after a first cold run) and the same
SPARQL on rdflib's in-memory ``Graph`` of the same triples (actors bound as IRIs, each
query in a child process stopped after --rdflib-timeout seconds), and the Turtle export
of the store with our streaming writer (``kg export``) against rdflib's serializer, each
in a process of its own so that its peak RSS is its own (rdflib's is stopped after
--rdflib-export-timeout seconds). It prints a table, the queries' part before rdflib's
export starts; it asserts nothing about time.
"""
from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.graph.store import INDEX, KGStore  # noqa: E402
from kg.model import ORGANIZATION, PERSON, Actor, Article, Extraction, Letter, Quote, Relation, Span  # noqa: E402

BATCH = 500
STORIES = 300  # stories that later articles retell
SYLLABLES = ["ka", "ri", "mo", "ha", "de", "la", "su", "ne", "to", "ba", "zi", "fa", "go", "pe", "yu", "an", "el",
             "or", "in", "um", "sa", "ki", "qa", "vi"]
FAMOUS = [("Esmail", "Qaani", ["Esmaeil Ghaani", "Ismail Qaani"]), ("Mohammed", "Deif", ["Muhammad Deif"]),
          ("Qasem", "Soleimani", ["Qassem Suleimani"]), ("Hossein", "Salami", ["Hussein Salami"])] + \
         [(f"Famous{n}", f"Leader{n}", []) for n in range(16)]
PARAMS = {"who-praised": "actor", "praised-by": "actor", "quotes-by": "actor", "who-quoted": "actor",
          "timeline": "actor", "statements-between": "pair"}
EXPORTED = f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?g), "{INDEX}")) }}'


# --- a store of our shape -------------------------------------------------------------------------------

def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Pools:
    def __init__(self, seed: int = 7):
        rng = random.Random(seed)
        self.given = sorted({word(rng, 2) + "o" for _ in range(1500)})
        self.surnames = sorted({word(rng, 3) + "i" for _ in range(4000)})
        self.orgs = sorted({f"{word(rng, 3)} {rng.choice(['Brigades', 'Council', 'Party', 'Front', 'Ministry'])}"
                            for _ in range(1500)})
        self.outlets = sorted({f"{word(rng, 2)} {rng.choice(['News', 'Times', 'Post', 'Daily'])}"
                               for _ in range(120)})

    def person(self, rng: random.Random) -> str:
        if rng.random() < 0.15:
            given, surname, spellings = rng.choice(FAMOUS)
            return rng.choice([f"{given} {surname}", *spellings])
        return f"{rng.choice(self.given)} {rng.choice(self.surnames)}"


def article(n: int, pools: Pools, rng: random.Random) -> Extraction:
    """One synthetic article: its text, and the records the extractors would find in it.

    One article in six retells one of the first few hundred stories in another outlet's
    words, so letters are reported several times and edges have several sources.
    """
    outlet = rng.choice(pools.outlets)
    story = rng.randrange(STORIES) if n >= STORIES and rng.random() < 1 / 6 else n
    rng = random.Random(story)  # the story decides who, what and when; the outlet is this article's
    people = list(dict.fromkeys(pools.person(rng) for _ in range(3)))
    while len(people) < 3:
        people.append(f"{rng.choice(pools.given)} {rng.choice(pools.surnames)}")
    org = rng.choice(pools.orgs)
    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    a, b, c = people
    recipients = [b] if rng.random() < 0.6 else [b, c]
    words1 = f"We stand with you in {word(rng, 2)} and {word(rng, 2)}"
    words2 = f"The {word(rng, 3)} plan will not pass"
    sentences = [f"{a} of the {org} sent a letter to {' and '.join(recipients)} on {day}.",
                 f'In it, {a.split()[-1]} wrote: "{words1}."',
                 f"{a} praised {b} for the {word(rng, 2)} talks.",
                 f'{c} recalled {a.split()[-1]}\'s words, saying "{words2}."']
    text, spans = "", []
    for s in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {s}" if text else s
        spans.append(Span(start, start + len(s), s))

    def inner(words: str, i: int) -> tuple[int, int]:
        start = text.index(words, spans[i].start)
        return start, start + len(words)

    keys = {p: f"p{i}" for i, p in enumerate(people)}
    actors = [Actor(keys[p], PERSON, p, (p.split()[-1],)) for p in people] + [Actor("o", ORGANIZATION, org)]
    q0, q1 = Quote("q0", words1, *inner(words1, 1), "p0", spans[1], "wrote", "l0"), \
        Quote("q1", words2, *inner(words2, 3), "p2", spans[3], "saying")
    return Extraction(
        article=Article(f"bench-{n:07d}", text, source=outlet, date=day, title=f"{a} writes to {b}",
                        url=f"https://news.example/{n}"),
        actors=tuple(actors),
        quotes=(q0, q1),
        letters=(Letter("l0", ("p0",), tuple(keys[r] for r in recipients), spans[0], day, ("q0",)),),
        relations=(Relation("praised", "p0", "p1", spans[2]), Relation("quoted", "p2", "p0", spans[3], "q1")),
    )


def build_store(path: Path, statements: int) -> tuple[int, int, float]:
    """A store of at least ``statements`` exported triples: (articles, statements, seconds).

    The size of the first batch says how many articles make the rest; a count at the end checks it.
    """
    pools, rng = Pools(), random.Random(42)
    t0, n, have = time.perf_counter(), 0, 0
    with KGStore(path, timestamps=True) as store:
        def count() -> int:
            return int(next(iter(store.db.query(EXPORTED)))["n"].value)

        while have < statements:
            need = BATCH if n == 0 else math.ceil((statements - have) * n / have)
            for start in range(n, n + need, BATCH):
                store.ingest([article(i, pools, rng) for i in range(start, min(start + BATCH, n + need))])
                if start and start % (20 * BATCH) == 0:
                    print(f"  ... {start:,} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            n += need
            have = count()
        store.db.optimize()  # let RocksDB finish compacting, as a store at rest would
    return n, have, time.perf_counter() - t0


# --- what to ask ----------------------------------------------------------------------------------------

def arguments(target) -> dict[str, list[str]]:
    """Arguments a user would give: the most mentioned actor, by one of its other spellings; two linked actors."""
    from kg.query.run import run_query

    top = run_query(target, """SELECT ?a ?name (COUNT(DISTINCT ?art) AS ?n) WHERE {
        ?a a kg:Person ; rdfs:label ?name ; kg:mentionedIn ?art } GROUP BY ?a ?name ORDER BY DESC(?n) LIMIT 1""")
    actor, name = top.rows[0][0], top.rows[0][1].value
    other = run_query(target, "SELECT ?a ?alias WHERE { ?a skos:altLabel ?alias FILTER(CONTAINS(?alias, ' ')) } "
                              "ORDER BY ?alias LIMIT 1", {"a": actor}).rows
    spelled = other[0][1].value if other else name
    pair = run_query(target, """SELECT ?a ?x ?y WHERE { ?e rdf:subject ?a ; rdf:object ?o ; kg:sourceCount ?n .
        ?a rdfs:label ?x . ?o rdfs:label ?y } ORDER BY DESC(?n) ?x ?y LIMIT 1""", {"a": actor}).rows[0]
    return {"actor": [spelled], "pair": [pair[1].value, pair[2].value], "": []}


def args_for(name: str, given: dict[str, list[str]]) -> list[str]:
    return given[PARAMS.get(name, "")]


def time_ours(store_dir: Path, repeat: int) -> tuple[dict, dict, dict]:
    """Named query -> (best seconds, first seconds, rows), and the arguments and IRIs used."""
    from kg.query.named import find_actors, named_queries, run_named
    from kg.query.run import open_store

    out = {}
    with open_store(store_dir) as target:
        given = arguments(target)
        iris = {name: [find_actors(target, a)[0].value for a in args_for(name, given)]
                for name in named_queries()}
        for name in named_queries():
            runs = []
            for _ in range(repeat + 1):
                t0 = time.perf_counter()
                result = run_named(target, name, args_for(name, given))
                runs.append(time.perf_counter() - t0)
            out[name] = (min(runs[1:]), runs[0], len(result.rows))
    return out, given, iris


# --- rdflib, in child processes -------------------------------------------------------------------------

def peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the parent across exec)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def rss_mib() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def _rdflib_one(graph, sparql: str, bindings: dict, conn) -> None:
    t0 = time.perf_counter()
    rows = len(list(graph.query(sparql, initBindings=bindings)))
    conn.send((time.perf_counter() - t0, rows))


def child_rdflib_queries(trig: Path, iris: dict, timeout: float) -> None:
    """Load our TriG export into rdflib's in-memory Dataset (the default graph the union of all, as
    ours), and run every named query on it, each in a forked process stopped after ``timeout``."""
    from rdflib import Dataset, Literal, URIRef

    from kg.query.named import named_queries

    report = {"start_rss": rss_mib()}
    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(trig, format="trig")
    report.update(load=time.perf_counter() - t0, quads=len(ds), loaded_rss=rss_mib())
    ctx, queries = mp.get_context("fork"), {}
    for name, q in named_queries().items():
        bindings = {p.name: URIRef(v) for p, v in zip([p for p in q.params if p.type == "ACTOR"], iris[name])}
        bindings.update({p.name: Literal(int(p.default)) for p in q.params if p.type == "INTEGER"})
        here, there = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_rdflib_one, args=(ds, q.sparql, bindings, there))
        proc.start()
        proc.join(timeout)
        if proc.is_alive():
            proc.kill()
            proc.join()
        queries[name] = here.recv() if here.poll() else None
        print(f"  rdflib {name}: {queries[name]}", file=sys.stderr)
    report.update(queries=queries, peak_rss=peak_rss_mib())
    print(json.dumps(report))


def child_rdflib_export(turtle: Path, out: Path) -> None:
    """Load our Turtle export into rdflib's in-memory Graph and write it back with rdflib's Turtle serializer."""
    from rdflib import Graph

    t0 = time.perf_counter()
    g = Graph()
    g.parse(turtle, format="turtle")
    report = {"load": time.perf_counter() - t0, "triples": len(g), "loaded_rss": rss_mib()}
    print(json.dumps(report), flush=True)  # what the parent keeps if the serializer is stopped
    t0 = time.perf_counter()
    g.serialize(destination=str(out), format="turtle")
    report.update(serialize=time.perf_counter() - t0, peak_rss=peak_rss_mib(), bytes=out.stat().st_size)
    print(json.dumps(report))


def child_export(store_dir: Path, out: Path, trig: Path) -> None:
    """``kg export --store DIR -o OUT.ttl``: our streaming writer, in a process of its own (and the TriG
    that rdflib's Dataset reads, written after the timed Turtle)."""
    from kg.export.dataset import write_dataset

    with KGStore(store_dir, create=False) as store:
        start = rss_mib()
        t0 = time.perf_counter()
        write_dataset(store, out, "turtle")
        seconds = time.perf_counter() - t0
        peak = peak_rss_mib()
        t0 = time.perf_counter()
        write_dataset(store, trig, "trig")
        trig_seconds = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "start_rss": start, "peak_rss": peak, "bytes": out.stat().st_size,
                      "trig_seconds": trig_seconds}))


def in_child(*args: str, timeout: float | None = None) -> dict:
    """The last JSON line a child process printed; with ``stopped`` set when it ran past ``timeout`` seconds."""
    try:
        done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                              check=False, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        lines = out.strip().splitlines()
        return {**(json.loads(lines[-1]) if lines else {}), "stopped": timeout}
    if done.returncode != 0:
        raise SystemExit(f"child {args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the table ------------------------------------------------------------------------------------------

def seconds(x: float | None, limit: float) -> str:
    return f"> {limit:.0f} s (stopped)" if x is None else f"{x:.3f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=100_000, help="exported triples in the store (1000000: the "
                    "issue's figure)")
    ap.add_argument("--dir", type=Path, default=None, help="where to put the store and the exports (a new "
                    "temporary folder); a store already there is reused")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per query, after one cold run")
    ap.add_argument("--rdflib-timeout", type=float, default=60, help="seconds before an rdflib query is stopped")
    ap.add_argument("--rdflib-export-timeout", type=float, default=3600, help="seconds before rdflib's Turtle "
                    "serializer is stopped")
    ap.add_argument("--no-rdflib", action="store_true", help="time only our side")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "export":
            child_export(Path(rest[0]), Path(rest[1]), Path(rest[2]))
        elif kind == "rdflib-queries":
            child_rdflib_queries(Path(rest[0]), json.loads(rest[1]), float(rest[2]))
        else:
            child_rdflib_export(Path(rest[0]), Path(rest[1]))
        return 0

    root = args.dir or Path(tempfile.mkdtemp(prefix="kg-bench-queries-"))
    root.mkdir(parents=True, exist_ok=True)
    store_dir = root / f"store-{args.statements}"
    if (store_dir / "oxigraph").is_dir():
        with KGStore(store_dir, create=False) as store:
            have = int(next(iter(store.db.query(EXPORTED)))["n"].value)
            articles, built = store.counts()["articles"], None
    else:
        print(f"building a store of {args.statements:,} statements in {store_dir} ...", file=sys.stderr)
        articles, have, built = build_store(store_dir, args.statements)
    how = f"built in {built:.0f} s through KGStore.ingest" if built else "reused"
    print(f"store: {have:,} statements (exported triples) from {articles:,} synthetic articles, {how}")

    ours, given, iris = time_ours(store_dir, args.repeat)
    print(f"arguments: ACTOR {given['actor'][0]!r}, A B {given['pair'][0]!r} {given['pair'][1]!r}\n")

    export = in_child("export", str(store_dir), str(root / "ours.ttl"), str(root / "ours.trig"))
    theirs = None
    if not args.no_rdflib:
        print("rdflib: loading our TriG export into an in-memory Dataset, then the queries ...", file=sys.stderr)
        theirs = in_child("rdflib-queries", str(root / "ours.trig"), json.dumps(iris), str(args.rdflib_timeout))

    limit = args.rdflib_timeout
    print(f"{'named query':<20} {'rows':>7}  {'kg (Oxigraph store)':>20}  {'first run':>10}  "
          f"{'rdflib (in memory)':>20}  {'speed-up':>8}")
    for name, (best, first, rows) in ours.items():
        other = theirs["queries"].get(name) if theirs else None
        rd = other[0] if other else None
        ratio = f"{rd / best:,.0f}×" if rd else (f"> {limit / best:,.0f}×" if theirs else "")
        print(f"{name:<20} {rows:>7,}  {seconds(best, limit):>20}  {first:>8.3f} s  "
              f"{(seconds(rd, limit) if theirs else '-'):>20}  {ratio:>8}")
    worst = max(best for best, _, _ in ours.values())
    print(f"slowest named query on the store: {worst:.3f} s (median {statistics.median(b for b, _, _ in ours.values()):.3f} s)\n")

    if theirs:
        print(f"rdflib's Dataset held {theirs['quads']:,} quads after {theirs['load']:.0f} s of parsing, "
              f"{theirs['loaded_rss']:,.0f} MiB\n")
    print(f"Turtle export of the store ({have:,} statements)")
    print(f"  kg export (streaming from the store): {export['seconds']:7.1f} s   peak RSS {export['peak_rss']:6,.0f} MiB "
          f"(store open, before writing: {export['start_rss']:,.0f} MiB)   {export['bytes'] / 2**20:,.0f} MiB",
          flush=True)
    if args.no_rdflib:
        return 0
    print("rdflib: loading our Turtle export into an in-memory Graph, then writing it as Turtle ...", file=sys.stderr)
    written = in_child("rdflib-export", str(root / "ours.ttl"), str(root / "rdflib.ttl"),
                       timeout=args.rdflib_export_timeout)
    if "serialize" in written:
        total = written["load"] + written["serialize"]
        print(f"  rdflib Graph.serialize(turtle):       {written['serialize']:7.1f} s   peak RSS "
              f"{written['peak_rss']:6,.0f} MiB (graph loaded: {written['loaded_rss']:,.0f} MiB)   "
              f"{written['bytes'] / 2**20:,.0f} MiB")
        print(f"  rdflib had to load the graph first:   {written['load']:7.1f} s   ({written['triples']:,} triples); "
              f"load + serialize {total:.1f} s")
        print(f"  ours: {written['serialize'] / export['seconds']:.1f}x faster than rdflib's serializer alone, "
              f"{total / export['seconds']:.1f}x faster than rdflib's load + serialize, "
              f"{written['peak_rss'] / export['peak_rss']:.1f}x less peak memory")
    elif "load" in written:
        left = written["stopped"] - written["load"]
        print(f"  rdflib Graph.serialize(turtle):       stopped unfinished after about {left:,.0f} s "
              f"(--rdflib-export-timeout {written['stopped']:.0f}), "
              f"graph loaded: {written['loaded_rss']:,.0f} MiB")
        print(f"  rdflib had to load the graph first:   {written['load']:7.1f} s   ({written['triples']:,} triples)")
        print(f"  ours: more than {left / export['seconds']:.0f}x faster than rdflib's serializer alone")
    else:
        print(f"  rdflib did not even load the graph in {written['stopped']:,.0f} s (--rdflib-export-timeout)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
