"""How fast `kg build` is on a real corpus, against spaCy's tokenizer, with 1 and 2 workers, and what it keeps in memory.

    .venv/bin/python bench/build_throughput.py [--corpus ../shared/corpora/bbc-news-2004-2005.jsonl] [--dir DIR]

In one run, on the same machine state:

- the raw spaCy English tokenizer over every text (words/s): the baseline;
- `kg build CORPUS -o FILE` end to end (reading, NLP, extraction, resolution, the store
  writes and the Turtle output) with --workers 1 and --workers 2, checking the two files
  are the same bytes, and on the first tenth of the corpus (memory against size);
- `kg build --store` of all but the last 100 articles, then the time to add those 100
  articles to an empty store and to that full store, end to end and (in this process,
  from records extracted once) the store's own part, ``KGStore.ingest`` one article at a time.

Peak memory is the largest sum of the resident sizes of the `kg` process and its workers,
sampled every 0.1 s. Words are whitespace-separated words of the article texts. It prints
a table and the ratios the README quotes and asserts nothing: times depend on the machine
and on what else it is doing (the load average is printed).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KG = str(Path(sys.executable).with_name("kg"))
ADDED = 100


def run(*args: str) -> tuple[float, float, str]:
    """Run `kg ARGS`: seconds, peak MB of it and its workers, its last stderr line."""
    t0 = time.perf_counter()
    proc = psutil.Popen([KG, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read()
    if proc.returncode != 0:
        sys.exit(f"kg {' '.join(args)} failed:\n{err}")
    return seconds, peak / 2**20, err.strip().splitlines()[-1]


def tokenizer_seconds(texts: list[str]) -> float:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    t0 = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    return time.perf_counter() - t0


def ingest_seconds(store_dir: Path, records) -> float:
    """Adding ``records`` to the store in ``store_dir``, one transaction each, as `kg build --store` does."""
    from kg.graph.store import KGStore

    with KGStore(store_dir) as store:
        t0 = time.perf_counter()
        for ex in records:
            store.ingest([ex])
        return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/bbc-news-2004-2005.jsonl"))
    parser.add_argument("--dir", default=None, help="where to put the stores and outputs (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    lines = Path(args.corpus).read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    tenth, first, last = work / "tenth.jsonl", work / "first.jsonl", work / "last.jsonl"
    tenth.write_text("\n".join(lines[:len(lines) // 10]) + "\n", encoding="utf-8")
    first.write_text("\n".join(lines[:-ADDED]) + "\n", encoding="utf-8")
    last.write_text("\n".join(lines[-ADDED:]) + "\n", encoding="utf-8")
    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, Python "
          f"{sys.version.split()[0]}; load average at start {os.getloadavg()[0]:.1f}")
    print(f"corpus: {args.corpus}: {len(lines):,} articles, {words:,} words\n")

    rows = []
    tok = tokenizer_seconds(texts)
    rows.append(("spaCy tokenizer alone (spacy.blank('en'))", tok, words / tok, None, ""))
    one = run("build", args.corpus, "-o", str(work / "w1.ttl"), "-q", "--workers", "1")
    rows.append(("kg build -o, --workers 1", one[0], words / one[0], one[1], one[2]))
    two = run("build", args.corpus, "-o", str(work / "w2.ttl"), "-q", "--workers", "2")
    rows.append(("kg build -o, --workers 2", two[0], words / two[0], two[1], two[2]))
    same = (work / "w1.ttl").read_bytes() == (work / "w2.ttl").read_bytes()
    small = run("build", str(tenth), "-o", str(work / "tenth.ttl"), "-q")
    rows.append((f"kg build -o, first tenth ({len(lines) // 10} articles)", small[0], None, small[1], small[2]))
    full = run("build", str(first), "--store", str(work / "full"), "-q")
    rows.append((f"kg build --store, {len(lines) - ADDED:,} articles", full[0], None, full[1], full[2]))
    shutil.copytree(work / "full", work / "full-copy")
    to_empty = run("build", str(last), "--store", str(work / "empty"), "-q")
    rows.append((f"add {ADDED} articles to an empty store", to_empty[0], None, to_empty[1], to_empty[2]))
    to_full = run("build", str(last), "--store", str(work / "full"), "-q")
    rows.append((f"add {ADDED} articles to the {len(lines) - ADDED:,}-article store", to_full[0], None, to_full[1],
                 to_full[2]))

    from kg.build import extract_all
    from kg.ingest import read_articles

    records = list(extract_all(read_articles([str(last)], report=print)))
    empty_ingest = ingest_seconds(work / "empty-ingest", records)
    full_ingest = ingest_seconds(work / "full-copy", records)
    rows.append((f"  of which KGStore.ingest, empty store", empty_ingest, None, None, ""))
    rows.append((f"  of which KGStore.ingest, {len(lines) - ADDED:,}-article store", full_ingest, None, None, ""))

    print(f"{'step':<52} {'seconds':>8} {'words/s':>9} {'peak MB':>8}")
    for name, seconds, rate, peak, _ in rows:
        print(f"{name:<52} {seconds:8.1f} {rate and f'{rate:,.0f}' or '':>9} {peak and f'{peak:.0f}' or '':>8}")
    print("\nsummaries:")
    for name, *_, summary in rows:
        if summary:
            print(f"  {name}: {summary}")
    print("\nratios:")
    print(f"  end to end, 1 worker, / tokenizer throughput: {tok / one[0]:.1%} (target >= 3%)")
    print(f"  2 workers / 1 worker: {one[0] / two[0]:.2f}x (target >= 1.7x); same bytes: {'yes' if same else 'NO'}")
    print(f"  add {ADDED} to the full store / to an empty one: end to end {to_full[0] / to_empty[0]:.2f}x, "
          f"store part {full_ingest / empty_ingest:.2f}x (target <= 1.5x)")
    print(f"  peak memory, whole corpus: {max(one[1], two[1]):.0f} MB (target < 1024 MB); "
          f"whole / first tenth: {one[1] / small[1]:.2f}x for 10x the articles")
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
