"""What adding one article costs, in an empty store and in a store that holds 100,000 articles.

    .venv/bin/python bench/store_scaling.py [--articles 100000] [--dir /tmp/kg-bench]

The big store is built from synthetic Extraction records fed straight to ``KGStore.ingest``
(running the NLP over 100,000 articles would take hours and measure the wrong thing): each
article names two or three people and an organization, drawn from 6,000 surnames, 2,000
given names and 3,000 organizations, with one of 40 well-known actors (under a few
spellings) in a quarter of the articles, a letter, a praise edge and one of 300 outlets.
It is built in transactions of BATCH articles, which is quicker than one per article and
gives the same store, and compacted (``optimize``) before the timing, as a store at rest is.
Then each of a few new articles is added, as ``kg build --store`` does (one transaction),
to a new empty store and to the big one in turn, and the medians are printed with the
number of quads each addition read from the store's index. Nothing is asserted: times
depend on the machine and on what else it is doing.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.graph.store import KGStore  # noqa: E402
from kg.model import ORGANIZATION, PERSON, Actor, Article, Extraction, Letter, Relation, Span  # noqa: E402
from kg.resolve.actors import Form, resolve_forms  # noqa: E402

BATCH = 500
SYLLABLES = ["ka", "ri", "mo", "ha", "de", "la", "su", "ne", "to", "ba", "zi", "fa", "go", "pe", "yu", "an",
             "el", "or", "in", "um", "sh", "kh", "qa", "vi"]
FAMOUS = [("Ali", "Khamenei"), ("Esmail", "Qaani"), ("Mohammed", "Deif"), ("Ismail", "Haniyeh"),
          ("Hossein", "Salami"), ("Javad", "Zarif"), ("Qasem", "Soleimani"), ("Hassan", "Nasrallah")] + \
         [(f"Famous{n}", f"Leader{n}") for n in range(32)]
SPELLINGS = {"Esmail": ["Esmaeil", "Ismail"], "Qaani": ["Ghaani"], "Mohammed": ["Mohammad", "Muhammad"],
             "Qasem": ["Qassem", "Ghasem"], "Soleimani": ["Suleimani"], "Hossein": ["Hussein"]}


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Names:
    def __init__(self, seed: int = 1):
        rng = random.Random(seed)
        self.given = sorted({word(rng, 2) + "o" for _ in range(2000)})
        self.surnames = sorted({word(rng, 3) + "i" for _ in range(6000)})
        self.orgs = sorted({f"{word(rng, 3)} {rng.choice(['Brigades', 'Council', 'Party', 'Foundation', 'Front'])}"
                            for _ in range(3000)})
        self.outlets = sorted({f"{word(rng, 2)} {rng.choice(['News', 'Times', 'Post', 'Daily'])}" for _ in range(300)})


def synthetic(n: int, names: Names, rng: random.Random, prefix: str = "a") -> Extraction:
    """One small article: people, an organization, a letter, praise, an outlet."""
    people = []
    for _ in range(rng.choice((2, 3))):
        if rng.random() < 0.12:
            g, s = rng.choice(FAMOUS)
            g = rng.choice([g, *SPELLINGS.get(g, [])])
            s = rng.choice([s, *SPELLINGS.get(s, [])])
        else:
            g, s = rng.choice(names.given), rng.choice(names.surnames)
        people.append(f"{g} {s}")
    organization = rng.choice(names.orgs)
    sender, recipient = people[0], people[1]
    s1 = f"{sender} sent a letter to {recipient} on behalf of the {organization}."
    s2 = f"{sender} praised {recipient}."
    text = f"{s1} {s2} Officials gave no details."
    actors = [Actor(f"p{i}", PERSON, p, (p.split()[-1],)) for i, p in enumerate(people)]
    actors.append(Actor("o", ORGANIZATION, organization))
    return Extraction(
        article=Article(f"{prefix}{n:06d}", text, source=rng.choice(names.outlets), date="2024-03-05"),
        actors=tuple(actors),
        letters=(Letter("l0", ("p0",), ("p1",), Span(0, len(s1), s1)),),
        relations=(Relation("praised", "p0", "p1", Span(len(s1) + 1, len(s1) + 1 + len(s2), s2)),),
    )


class Counting:
    """Passes everything to the Oxigraph store, counting the quads its lookups return."""

    def __init__(self, db):
        self.db = db
        self.read = 0

    def quads_for_pattern(self, *args):
        for q in self.db.quads_for_pattern(*args):
            self.read += 1
            yield q

    def __getattr__(self, name):
        return getattr(self.db, name)


def time_ingest(store: KGStore, ex: Extraction) -> tuple[float, int]:
    """Seconds to add one article, and the quads read from the store's index on the way."""
    real = store.db
    counting = Counting(real)
    store.db = store.forms.db = store.reports.db = counting
    t0 = time.perf_counter()
    status = store.ingest([ex])
    seconds = time.perf_counter() - t0
    store.db = store.forms.db = store.reports.db = real
    assert status == {ex.article.id: "added"}, status
    return seconds, counting.read


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--probes", type=int, default=25, help="new articles timed in each store")
    ap.add_argument("--dir", type=Path, default=None, help="where to build the stores (a temporary folder)")
    args = ap.parse_args()
    root = args.dir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    names = Names()
    probes = [synthetic(n, names, random.Random(10_000 + n), prefix="probe") for n in range(args.probes)]
    resolve_forms(Form.of(a) for ex in probes for a in ex.actors)  # warm the name caches for both runs alike

    big = root / "big"
    rng = random.Random(42)
    t0 = time.perf_counter()
    empty, full = [], []
    with KGStore(big) as store:
        for start in range(0, args.articles, BATCH):
            store.ingest([synthetic(n, names, rng) for n in range(start, min(start + BATCH, args.articles))])
            if start and start % 20_000 == 0:
                print(f"  ... {start:,} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        built = time.perf_counter() - t0
        store.db.optimize()  # let RocksDB finish compacting the bulk load before timing, as a store at rest would
        counts = store.counts()
        for ex in probes:  # each new article to a new empty store, then to the big one, so both see the same load
            path = root / f"empty-{ex.article.id}"
            with KGStore(path) as fresh:
                empty.append(time_ingest(fresh, ex))
            shutil.rmtree(path)
            full.append(time_ingest(store, ex))
    size = sum(f.stat().st_size for f in big.rglob("*") if f.is_file())

    print(f"built the big store: {counts['articles']:,} synthetic articles ingested in transactions of {BATCH} "
          f"({built:.0f} s, {size / 2**20:.0f} MiB on disk in {big})")
    print(f"  it holds {counts['actors']:,} actors, {counts['letters']:,} letters, {counts['edges']:,} edges")
    print(f"adding one article (median of {len(probes)}, one transaction each, as `kg build --store` does):")
    for label, runs in (("to an empty store:", empty), (f"to a store of {args.articles:,} articles:", full)):
        ms = statistics.median(t for t, _ in runs) * 1000
        reads = statistics.median(r for _, r in runs)
        print(f"  {label:36} {ms:7.1f} ms   ({reads:.0f} quads read from the index, median)")
    if args.dir is None:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
