"""The `kg` command: one thin subcommand per stage."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from kg.errors import KGError
from kg.export import FORMATS

SUMMARY = ("built {articles} articles: {actors} actors, {letters} letters, {speeches} speeches, "
           "{quotes} quotes, {edges} edges -> {output} ({seconds:.1f} s)")
STORE_SUMMARY = ("built {read} articles into {store} ({added} added, {unchanged} unchanged, {replaced} replaced); "
                 "it holds {articles} articles: {actors} actors, {letters} letters, {speeches} speeches, "
                 "{quotes} quotes, {edges} edges{to} ({seconds:.1f} s)")
EXPORT_SUMMARY = ("exported {articles} articles: {actors} actors, {letters} letters, {speeches} speeches, "
                  "{quotes} quotes, {edges} edges -> {output} ({fmt}, {seconds:.1f} s)")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(message: str) -> None:
    click.echo(f"kg: {message}", err=True)
    sys.exit(1)


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="kg")
def main() -> None:
    """Build a knowledge graph of who said what to whom in the news.

    Feed it articles (plain text, Markdown, HTML, JSON, JSON Lines or stdin); it
    finds persons and organizations, their letters, speeches and quotes, who sent
    letters to, praised and quoted whom, and writes one RDF graph in which every
    fact points at the characters of the article that support it.

    \b
    Examples:
      kg build examples/ -o exports/sample.ttl
      kg build articles/ feed.jsonl -o graph.jsonld
      cat story.txt | kg build - -o story.ttl
      kg build monday/ --store kgdata/          # a store that grows day by day
      kg build tuesday.jsonl --store kgdata/
      kg export --store kgdata/ -o all.trig
      kg actors --store kgdata/ --review

    Run `kg COMMAND --help` for a command's options.
    """


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", default=None, metavar="FILE",
              type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the graph, or - for stdout. The format follows the extension: "
                   ".ttl Turtle, .nt N-Triples, .nq N-Quads, .trig TriG, .jsonld JSON-LD, .rdf RDF/XML; "
                   "Turtle for any other name. With --store, the whole store is written after the build.")
@click.option("--store", "store_dir", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="Add the articles to the store in DIR (made if missing) instead of building a graph "
                   "in memory: each article is committed on its own, an article the store already holds "
                   "unchanged is skipped, and one whose text changed replaces its old version.")
@click.option("--actors", "actors_file", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="A file of known actors (.csv or .ttl: canonical name, type, aliases, names never to "
                   "merge with) that overrides automatic resolution. A store keeps the last one given.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default=None, metavar="FORMAT",
              help=f"Write this format whatever the extension of FILE says: {', '.join(FORMATS)}.")
@click.option("--model", default=None, metavar="NAME|PATH",
              help="Run this spaCy pipeline (an installed package such as en_core_web_sm, or a folder "
                   "saved with nlp.to_disk) and use its named entities too. Default: the built-in "
                   "rule pipeline, which needs no model.")
@click.option("--strict", is_flag=True,
              help="Treat any input problem as an error: exit 1 and write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only problems and the summary.")
def build(inputs: tuple[str, ...], output: str | None, store_dir: str | None, actors_file: str | None,
          fmt: str | None, model: str | None, strict: bool, quiet: bool) -> None:
    """Build one graph from INPUT files, folders and - (stdin), or add them to a store.

    \b
    INPUT is any of:
      FILE.txt, FILE.md     one article; a short first line then a blank line is its title
      FILE.html, FILE.htm   one web page; its main text and metadata are kept, menus dropped
      FILE.jsonl            one article per line: {"text": ..., "id", "title", "source", "date", "url"}
      FILE.json             one such object, or a list of them
      FOLDER                every file above in it and its subfolders (hidden ones skipped)
      -                     stdin: JSON Lines when it starts with "{", else one plain-text article

    Actors and letters are merged across all the articles (and, with --store, with
    those the store already holds): one node per actor however outlets spell it,
    one letter however many outlets report it.

    Every input problem (an empty or binary file, a malformed JSON line) is printed
    as "kg: FILE:LINE: problem" and skipped; the other articles are still built.
    The last line on stderr sums up what was built.

    \b
    Exit status:
      0  at least one article was built (problems are reported above the summary)
      1  nothing could be built, the output could not be written, the store could not
         be opened, or --strict and a problem

    \b
    Examples:
      kg build examples/ -o exports/sample.ttl
      kg build news/ feed.jsonl -o graph.nq --strict
      cat story.txt | kg build - -o - | grep -c kg:Quote
      kg build monday/ --store kgdata/
      kg build tuesday.jsonl --store kgdata/ --actors actors.csv
    """
    started = time.perf_counter()
    from tqdm import tqdm

    from kg.build import build as run
    from kg.export.dataset import write_dataset
    from kg.graph.store import KGStore
    from kg.ingest import read_articles
    from kg.resolve.known import read_actors_file

    if output is None and store_dir is None:
        _fail("say where the graph goes: -o FILE, --store DIR, or both")
    if output not in (None, "-") and not Path(output).parent.is_dir():
        _fail(f"cannot write {output}: there is no folder {Path(output).parent}")

    def report(e: KGError) -> None:
        tqdm.write(f"kg: {e}", file=sys.stderr)

    def progress(articles):
        return tqdm(articles, desc="articles", unit=" art", file=sys.stderr, delay=1.0, leave=False,
                    disable=quiet or not sys.stderr.isatty())

    try:
        known = read_actors_file(actors_file) if actors_file else None
        articles = None
        if strict:  # read everything first, so a problem stops the build before anything is written
            problems: list[KGError] = []
            articles = list(read_articles(inputs, report=lambda e: (problems.append(e), report(e))))
            if problems:
                where = output if store_dir is None else store_dir
                _fail(f"{len(problems)} input problem(s) and --strict: nothing written to {where}")
        store = KGStore(store_dir, pipeline=model or "builtin") if store_dir else None
        try:
            result = run(inputs, model=model, progress=progress, report=report, store=store, known=known,
                         articles=articles)
            counts = result.counts()
            if result.read == 0:
                see = " (see the problems above)" if result.problems else ""
                _fail(f"nothing could be built from {_listed(inputs)}{see}")
            if output is not None:
                try:
                    write_dataset(result.store, sys.stdout if output == "-" else Path(output), fmt)
                except OSError as e:
                    _fail(f"cannot write {output}: {e.strerror or e}")
        finally:
            if store is not None:
                store.close()
    except KGError as e:
        _fail(str(e))
    shown = "stdout" if output == "-" else output
    seconds = time.perf_counter() - started
    if store_dir is None:
        click.echo(SUMMARY.format(**counts, output=shown, seconds=seconds), err=True)
    else:
        s = result.statuses
        to = f" -> {shown}" if output else ""
        click.echo(STORE_SUMMARY.format(read=result.read, store=store_dir, added=s["added"],
                                        unchanged=s["unchanged"], replaced=s["replaced"], **counts,
                                        to=to, seconds=seconds), err=True)


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="The store to export, made by `kg build ... --store DIR`.")
@click.option("-o", "--output", required=True, metavar="FILE", type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the graph, or - for stdout. The format follows the extension as for "
                   "`kg build`.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default=None, metavar="FORMAT",
              help=f"Write this format whatever the extension of FILE says: {', '.join(FORMATS)}. "
                   "trig and nquads keep one named graph per article, plus the provenance and "
                   "resolution graphs; the others merge all of them.")
def export(store_dir: str, output: str, fmt: str | None) -> None:
    """Write everything a store holds as one RDF file.

    TriG and N-Quads keep each article's facts in its own named graph
    (<https://w3id.org/newskg/id/graph/ARTICLE>), with PROV-O about each in the
    provenance graph and what holds across articles (actors' names, letters' dates,
    edges' number of independent sources) in the resolution graph. Turtle,
    N-Triples, JSON-LD and RDF/XML give the merged view of all of them. The output
    streams from the store and is the same bytes for the same store.

    \b
    Examples:
      kg export --store kgdata/ -o all.trig
      kg export --store kgdata/ --format nt -o - | wc -l
    """
    started = time.perf_counter()
    from kg.export.dataset import write_dataset
    from kg.graph.store import KGStore

    if output != "-" and not Path(output).parent.is_dir():
        _fail(f"cannot write {output}: there is no folder {Path(output).parent}")
    try:
        with KGStore(store_dir, create=False) as store:
            counts = store.counts()
            try:
                used = write_dataset(store, sys.stdout if output == "-" else Path(output), fmt)
            except OSError as e:
                _fail(f"cannot write {output}: {e.strerror or e}")
    except KGError as e:
        _fail(str(e))
    shown = "stdout" if output == "-" else output
    click.echo(EXPORT_SUMMARY.format(**counts, fmt=used, output=shown, seconds=time.perf_counter() - started),
               err=True)


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="The store whose actors to list, made by `kg build ... --store DIR`.")
@click.option("--review", is_flag=True,
              help="Instead of the actors, list the merges made across articles and those considered "
                   "and refused, each with its reason and the articles, as rows of an actors file.")
def actors(store_dir: str, review: bool) -> None:
    """List the actors of a store, or review how their names were merged.

    Without --review: one line per actor, tab-separated: id, type, label, number of
    articles, other names (separated by |).

    With --review: every merge of two differently written names that resolution made,
    and every merge it considered and refused (a surname shared by two people, an
    acronym with several expansions, a person and an organization of one name), each
    with the reason and the articles it rests on, as rows of an actors file. Keep a
    row to confirm the decision, or swap it for the commented row under it to reverse
    it, then pass the file to `kg build --actors FILE`.

    \b
    Examples:
      kg actors --store kgdata/ | sort -t$'\t' -k4 -rn | head
      kg actors --store kgdata/ --review > actors.csv
    """
    from kg.graph.store import KGStore
    from kg.resolve.known import review_text

    try:
        with KGStore(store_dir, create=False) as store:
            if review:
                lines = list(review_text(store.review()))
            else:
                lines = ["\t".join([a.id, a.type, a.name, str(n), "|".join(a.aliases)]) for a, n in store.actors()]
    except KGError as e:
        _fail(str(e))
    for line in lines:
        click.echo(line)


def _listed(inputs: tuple[str, ...]) -> str:
    names = ["stdin" if i == "-" else i for i in inputs]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


if __name__ == "__main__":
    main()
