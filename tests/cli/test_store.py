"""`kg build --store`, `kg export` and `kg actors` through click's runner."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from rdflib import RDF, Dataset

from kg.cli import actors, build, export
from kg.graph.store import KGStore
from kg.graph.vocab import KG

STORE_SUMMARY = re.compile(r"built (\d+) articles into (.+) \((\d+) added, (\d+) unchanged, (\d+) replaced\); "
                           r"it holds (\d+) articles: (\d+) actors, (\d+) letters, (\d+) speeches, (\d+) quotes, "
                           r"(\d+) edges(?: -> (.+))? \(\d+\.\d s\)(?:; .+: see above)?")
MEHR = {"id": "mehr", "source": "Tehran Times (content by Mehr News Agency)",
        "text": "Brigadier General Esmaeil Ghaani sent a letter to Mohammed Deif, commander of the Izz ad-Din "
                "al-Qassam Brigades. \"You are the pride of the nation,\" Ghaani wrote."}
JPOST = {"id": "jpost", "source": "The Jerusalem Post", "date": "2021-05-20",
         "text": "IRGC Quds Force chief Esmail Qaani sent a letter to Mohammed Deif. The Izzadin al-Qassam "
                 "Brigades welcomed it. Mojtaba Khamenei was not mentioned. Ali Khamenei praised the Quds Force."}


def store_summary(stderr: str) -> dict:
    last = stderr.strip().splitlines()[-1]
    m = STORE_SUMMARY.fullmatch(last)
    assert m, f"last stderr line is not the store summary: {last!r}"
    keys = ("read", "store", "added", "unchanged", "replaced", "articles", "actors", "letters", "speeches",
            "quotes", "edges", "output")
    return {k: (int(v) if v and v.isdigit() else v) for k, v in zip(keys, m.groups())}


def feed(path: Path, *articles: dict) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def test_build_into_a_store_adds_then_finds_articles_unchanged_or_replaced(kg, tmp_path):
    store = tmp_path / "kgdata"
    day1 = feed(tmp_path / "day1.jsonl", MEHR)
    day2 = feed(tmp_path / "day2.jsonl", MEHR, JPOST)
    first = kg("build", "-q", day1, "--store", store)
    assert first.exit_code == 0, first.stderr
    s = store_summary(first.stderr)
    assert (s["read"], s["store"], s["added"], s["unchanged"], s["articles"]) == (1, str(store), 1, 0, 1)
    second = kg("build", "-q", day2, "--store", store)
    s = store_summary(second.stderr)
    assert (s["added"], s["unchanged"], s["replaced"], s["articles"], s["letters"]) == (1, 1, 0, 2, 1)
    changed = feed(tmp_path / "day3.jsonl", {**JPOST, "text": JPOST["text"] + " Hamas thanked Iran."})
    third = kg("build", "-q", changed, "--store", store)
    s = store_summary(third.stderr)
    assert (s["added"], s["unchanged"], s["replaced"], s["articles"]) == (0, 0, 1, 2)


def test_build_into_a_store_can_also_write_the_store_out(kg, tmp_path):
    out = tmp_path / "all.trig"
    result = kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR, JPOST), "--store", tmp_path / "kgdata", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert store_summary(result.stderr)["output"] == str(out)
    ds = Dataset().parse(out, format="trig")
    assert {str(c.identifier).rsplit("/", 1)[1] for c in ds.graphs() if len(c)} >= {"mehr", "jpost", "provenance",
                                                                                     "resolution"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_export_writes_every_format_and_the_same_bytes_twice(kg, tmp_path):
    store = tmp_path / "kgdata"
    assert kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR, JPOST), "--store", store).exit_code == 0
    for fmt, suffix in (("trig", ".trig"), ("nquads", ".nq"), ("turtle", ".ttl"), ("nt", ".nt"), ("jsonld", ".jsonld"),
                        ("xml", ".rdf")):
        out = tmp_path / f"all{suffix}"
        result = kg("export", "--store", store, "-o", out)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith("exported 2 articles: ") and f"({fmt}, " in result.stderr
        first = out.read_bytes()
        assert kg("export", "--store", store, "-o", out).exit_code == 0
        assert out.read_bytes() == first
    letters = Dataset().parse(tmp_path / "all.nq", format="nquads")
    assert len({s for s, _, _, _ in letters.quads((None, RDF.type, KG.Letter, None))}) == 1


def test_export_of_a_missing_store_says_how_to_make_one(kg, tmp_path):
    result = kg("export", "--store", tmp_path / "none", "-o", tmp_path / "x.ttl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: there is no store in {tmp_path / 'none'}: make one with "
                                          f"`kg build INPUT... --store {tmp_path / 'none'}`"]


def test_a_store_in_use_is_one_clear_line(kg, tmp_path):
    store = tmp_path / "kgdata"
    holder = KGStore(store)
    try:
        for args in (("build", feed(tmp_path / "f.jsonl", MEHR), "--store", store),
                     ("export", "--store", store, "-o", tmp_path / "x.ttl"), ("actors", "--store", store)):
            result = kg(*args)
            assert result.exit_code == 1
            assert result.stderr.splitlines() == [f"kg: the store {store} is in use by another kg process (it holds "
                                                  f"{store / 'oxigraph' / 'LOCK'}); wait for it to finish, then run "
                                                  "this again"]
    finally:
        holder.close()


def test_a_damaged_store_is_one_clear_line(kg, tmp_path):
    store = tmp_path / "kgdata"
    assert kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR), "--store", store).exit_code == 0
    (store / "oxigraph" / "CURRENT").write_text("garbage\n")
    result = kg("export", "--store", store, "-o", tmp_path / "x.ttl")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"kg: the store {store} is damaged and cannot be opened (")


def test_build_needs_an_output_or_a_store(kg, tmp_path):
    result = kg("build", feed(tmp_path / "f.jsonl", MEHR))
    assert result.exit_code == 1
    assert result.stderr.strip() == "kg: say where the graph goes: -o FILE, --store DIR, or both"


def test_actors_lists_one_line_per_actor_and_review_writes_an_actors_file(kg, tmp_path):
    store = tmp_path / "kgdata"
    assert kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR, JPOST), "--store", store).exit_code == 0
    listing = kg("actors", "--store", store)
    assert listing.exit_code == 0, listing.stderr
    rows = [line.split("\t") for line in listing.stdout.splitlines()]
    qaani = [r for r in rows if "Esmail Qaani" in r[4].split("|") or r[2] == "Esmail Qaani"]
    assert len(qaani) == 1 and qaani[0][1] == "Person" and qaani[0][3] == "2"
    review = kg("actors", "--store", store, "--review")
    assert review.exit_code == 0, review.stderr
    assert '# merged "Esmaeil Ghaani" and "Esmail Qaani"' in review.stdout
    assert "#   seen: \"Esmaeil Ghaani\" in mehr; \"Esmail Qaani\" in jpost" in review.stdout
    actors_file = tmp_path / "actors.csv"
    actors_file.write_text(review.stdout, encoding="utf-8")
    again = kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR, JPOST), "--store", store, "--actors", actors_file)
    assert again.exit_code == 0, again.stderr


def test_actors_file_vetoes_a_merge(kg, tmp_path):
    actors_file = tmp_path / "actors.csv"
    actors_file.write_text("name,type,aliases,never_merge\nEsmail Qaani,Person,,Esmaeil Ghaani\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    result = kg("build", "-q", feed(tmp_path / "f.jsonl", MEHR, JPOST), "--actors", actors_file, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<https://w3id.org/newskg/id/actor/esmail-qaani>" in text
    assert "<https://w3id.org/newskg/id/actor/esmaeil-ghaani>" in text


def test_a_bad_actors_file_is_one_line(kg, tmp_path):
    actors_file = tmp_path / "actors.csv"
    actors_file.write_text("Esmail Qaani,Commander,,\n", encoding="utf-8")
    result = kg("build", feed(tmp_path / "f.jsonl", MEHR), "--actors", actors_file, "-o", tmp_path / "g.ttl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"kg: {actors_file}:1: the type must be Person or Organization, "
                                          "not 'Commander'"]


@pytest.mark.parametrize("command, words", [
    (build, ("--store DIR", "--actors FILE", "kg build monday/ --store kgdata/")),
    (export, ("Usage: kg export", "--store DIR", "trig", "named graph", "Examples:")),
    (actors, ("Usage: kg actors", "--review", "actors file", "Examples:")),
])
def test_help_explains_every_option(kg, command, words):
    text = kg(command.name, "--help").stdout
    for option in (p for p in command.params if isinstance(p, click.Option)):
        assert option.help, f"{option.name} has no help"
        for flag in option.opts + option.secondary_opts:
            assert flag in text, flag
    for word in words:
        assert word in text, word
    top = kg("--help").stdout
    assert command.name in top
