"""The `kg` command: one thin subcommand per stage."""
from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path

import click

from kg.errors import ExtractError, KGError
from kg.export import FORMATS
from kg.export.network import NETWORK_FORMATS

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
      kg query --store kgdata/ who-praised "Qaani"   # SPARQL and named queries
      kg stats --store kgdata/                       # counts, central actors, communities
      kg validate exports/sample.ttl                 # check against the SHACL shapes

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
@click.option("--workers", default=1, show_default=True, metavar="N", type=click.IntRange(min=1),
              help="Extract in N processes on this machine (about one per core); this process resolves "
                   "and writes. The graph is the same for any N.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Extract on the workers of the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://host:8786), or on a new cluster of --workers processes here with 'local'. "
                   "The store stays with this process.")
@click.option("--strict", is_flag=True,
              help="Treat any input problem as an error: exit 1 and write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only problems and the summary.")
def build(inputs: tuple[str, ...], output: str | None, store_dir: str | None, actors_file: str | None,
          fmt: str | None, model: str | None, workers: int, dask: str | None, strict: bool, quiet: bool) -> None:
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
      kg build big.jsonl --store kgdata/ --workers 2
      kg build feeds/*.jsonl --store kgdata/ --dask tcp://scheduler:8786
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
    if dask not in (None, "local") and workers > 1:
        _fail("--workers counts processes on this machine; with --dask ADDRESS the cluster's workers extract "
              "(start more with `dask worker ADDRESS`)")

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
        result = None
        restore = _exit_on_sigterm()
        try:
            result = run(inputs, model=model, progress=progress, report=report, store=store, known=known,
                         articles=articles, workers=workers, dask=dask)
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
            restore()
            if store is not None:
                store.close()
            elif result is not None:  # the one-shot build's scratch store
                result.store.close()
    except KGError as e:
        _fail(str(e))
    shown = "stdout" if output == "-" else output
    seconds = time.perf_counter() - started
    if store_dir is None:
        line = SUMMARY.format(**counts, output=shown, seconds=seconds)
    else:
        s = result.statuses
        to = f" -> {shown}" if output else ""
        line = STORE_SUMMARY.format(read=result.read, store=store_dir, added=s["added"], unchanged=s["unchanged"],
                                    replaced=s["replaced"], **counts, to=to, seconds=seconds)
    click.echo(line + _skipped(result.problems), err=True)


def _exit_on_sigterm():
    """Make SIGTERM (kill, a timeout) exit through ``finally`` blocks, so that a build closes its store and
    deletes its scratch store; returns a function that puts the previous handler back."""
    def exit_(signum, frame):
        sys.exit(128 + signum)

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, exit_)
    return lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _skipped(problems: list[KGError]) -> str:
    """The end of a build's summary: how many articles failed and how many input problems were reported."""
    failed = sum(isinstance(p, ExtractError) for p in problems)
    other = len(problems) - failed
    parts = [f"{failed} article{'' if failed == 1 else 's'} skipped (extraction failed)"] if failed else []
    if other:
        parts.append(f"{other} input problem{'' if other == 1 else 's'}")
    return f"; {', '.join(parts)}: see above" if parts else ""


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="The store to export, made by `kg build ... --store DIR`.")
@click.option("-o", "--output", required=True, metavar="FILE", type=click.Path(allow_dash=True),
              help="Where to write the graph, or - for stdout. The format follows the extension as for "
                   "`kg build`, and .graphml and .gexf write the actor network. For csv, a folder.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS) + list(NETWORK_FORMATS)), default=None,
              metavar="FORMAT",
              help=f"Write this format whatever the extension of FILE says: {', '.join(FORMATS)}. "
                   "trig and nquads keep one named graph per article, plus the provenance and "
                   "resolution graphs; the others merge all of them. graphml, gexf and csv (nodes.csv "
                   "and edges.csv in the folder FILE) write the actor network for Gephi or Cytoscape: "
                   "actors as nodes, who sent letters to, praised and quoted whom as edges.")
@click.option("--statements", is_flag=True,
              help="graphml, gexf, csv: add the letters, speeches and quotes as nodes, linked to their actors.")
def export(store_dir: str, output: str, fmt: str | None, statements: bool) -> None:
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
      kg export --store kgdata/ --format graphml -o actors.graphml
      kg export --store kgdata/ --format csv -o network/      # network/nodes.csv, network/edges.csv
    """
    started = time.perf_counter()
    network = fmt if fmt in NETWORK_FORMATS else None if fmt else NETWORK_EXTENSIONS.get(Path(output).suffix.lower())
    if network:
        _export_network(store_dir, output, network, statements, started)
        return
    if Path(output).is_dir():
        _fail(f"{output} is a folder: give -o a file name (a folder is only for --format csv)")
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


NETWORK_EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf"}


def _export_network(store_dir: str, output: str, fmt: str, statements: bool, started: float) -> None:
    """`kg export --format graphml|gexf|csv`: the actor network of a store."""
    from kg.analytics.network import to_networkx
    from kg.export.network import write_network

    if output == "-":
        _fail(f"{fmt} is written to files: give -o a {'folder' if fmt == 'csv' else 'file name'}")
    if fmt != "csv" and not Path(output).parent.is_dir():
        _fail(f"cannot write {output}: there is no folder {Path(output).parent}")
    try:
        with _target(store_dir, None) as target:
            G = to_networkx(target, statements=statements)
        written = write_network(G, output, fmt)
    except KGError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror or e}")
    click.echo(f"exported {G.number_of_nodes()} nodes, {G.number_of_edges()} edges -> "
               f"{', '.join(map(str, written))} ({fmt}, {time.perf_counter() - started:.1f} s)", err=True)


QUERY_FORMATS = ("table", "csv", "tsv", "json", *FORMATS)


def _target(store_dir: str | None, graph_file: str | None):
    """The store or file a command reads, opened; exits with a message when neither or both are given."""
    from kg.query.run import open_file, open_store

    if (store_dir is None) == (graph_file is None):
        _fail("say what to read: --store DIR (a store made by kg build --store) or --graph FILE (an RDF file)")
    return open_store(store_dir) if store_dir is not None else open_file(graph_file)


@main.command(context_settings=CONTEXT)
@click.argument("words", nargs=-1, metavar="[QUERY | NAME [ARG]...]")
@click.option("--store", "store_dir", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="Ask the store in DIR, made by `kg build ... --store DIR`.")
@click.option("--graph", "graph_file", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Ask an RDF file instead: .ttl, .trig, .nt, .nq, .jsonld or .rdf, as `kg build -o` and "
                   "`kg export` write them.")
@click.option("-f", "--file", "query_file", default=None, metavar="FILE.rq", type=click.Path(dir_okay=False),
              help="Read the SPARQL query from FILE.rq; ARGs fill the parameters it declares as the named "
                   "queries do (# param: NAME ACTOR|INTEGER|TEXT  help).")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default=None, metavar="FORMAT",
              help="table (aligned columns), csv, tsv or json (the SPARQL 1.1 results formats) for SELECT "
                   "and ASK; turtle, nt, jsonld or xml for CONSTRUCT and DESCRIBE. Default: a table on a "
                   "terminal, tsv in a pipe, Turtle for graphs.")
@click.option("--list", "list_", is_flag=True, help="List the named queries, one line each, and exit.")
@click.option("--show", "show", default=None, metavar="NAME", help="Print the named query NAME (its SPARQL and "
              "documentation) and exit.")
def query(words: tuple[str, ...], store_dir: str | None, graph_file: str | None, query_file: str | None,
          fmt: str | None, list_: bool, show: str | None) -> None:
    """Ask the graph a SPARQL question, or one of the named questions.

    QUERY is SPARQL 1.1 (SELECT, ASK, CONSTRUCT or DESCRIBE) with the prefixes kg:,
    schema:, prov:, skos:, rdfs:, rdf:, foaf:, nif:, xsd:, dcterms:, owl: and id:
    (https://w3id.org/newskg/id/) declared. It sees every graph of the store at
    once (each article's, provenance and resolution), so it needs no GRAPH clause;
    a triple several articles state comes once per article, so use DISTINCT.

    NAME is a named query (see --list) followed by its arguments. An ACTOR argument
    is matched against every actor's name and other names, in any case and common
    spelling ("Qaani" finds Esmail Qaani, "Ghaani" too); when it names several
    actors, the rows of each follow in turn.

    \b
    Examples:
      kg query --store kgdata/ 'SELECT ?sender ?recipient WHERE { ?l a kg:Letter ;
          kg:sender/rdfs:label ?sender ; kg:recipient/rdfs:label ?recipient }'
      kg query --store kgdata/ -f question.rq --format csv > out.csv
      kg query --store kgdata/ --list
      kg query --store kgdata/ who-praised "Qaani"
      kg query --graph exports/sample.ttl corroborated 2 --format json
      kg query --graph exports/sample.ttl 'DESCRIBE id:actor\\/khalil-haddad'
    """
    from kg.query import answer, named_queries, named_query
    from kg.query.results import write_result

    if list_:
        queries = named_queries().values()
        width = max(len(q.usage) for q in queries)
        for q in queries:
            click.echo(f"{q.usage.ljust(width)}  {q.summary}")
        return
    if show:
        try:
            click.echo(named_query(show).sparql, nl=False)
        except KGError as e:
            _fail(str(e))
        return
    started = time.perf_counter()
    try:
        with _target(store_dir, graph_file) as target:
            result = answer(target, words, query_file)
        chosen = fmt or ("turtle" if result.kind == "graph" else "table" if sys.stdout.isatty() else "tsv")
        write_result(result, sys.stdout, chosen)
    except KGError as e:
        _fail(str(e))
    if result.kind == "select" and chosen == "table":
        n = len(result.rows)
        click.echo(f"{n} row{'s' if n != 1 else ''} ({time.perf_counter() - started:.2f} s)", err=True)


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="The store to describe, made by `kg build ... --store DIR`.")
@click.option("--graph", "graph_file", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Describe an RDF file instead (.ttl, .trig, .nt, .nq, .jsonld, .rdf).")
@click.option("--top", default=10, show_default=True, metavar="N", type=click.IntRange(1),
              help="How many actors, communities and edges each list shows.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people, json for programs.")
def stats(store_dir: str | None, graph_file: str | None, top: int, fmt: str) -> None:
    """Sum up a graph: what it holds, its most central actors, its communities.

    \b
    Counts         persons, organizations, articles, letters, speeches, quotes, edges
                   (and of those, sentLetterTo, praised and quoted), pieces of evidence
    Degree         the actors linked to the most others, either way
    PageRank       the actors that well-linked actors write to, praise or quote,
                   each edge weighted by its number of independent sources
    Communities    groups of actors linked more among themselves (Louvain, networkx)
    Corroborated   the edges with the most independent sources

    \b
    Examples:
      kg stats --store kgdata/
      kg stats --graph exports/sample.ttl --top 5 --format json | jq .pagerank
    """
    import json

    from kg.analytics.stats import stats as compute
    from kg.analytics.stats import stats_text

    try:
        with _target(store_dir, graph_file) as target:
            result = compute(target, top)
    except KGError as e:
        _fail(str(e))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(stats_text(result), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("graph_file", required=False, metavar="[FILE]", type=click.Path(dir_okay=False))
@click.option("--store", "store_dir", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="Validate the store in DIR (what `kg export` would write) instead of a file.")
@click.option("--shapes", default=None, metavar="FILE", type=click.Path(dir_okay=False, exists=True),
              help="SHACL shapes to validate against. Default: the project's ontology/shapes.ttl.")
@click.option("--limit", default=50, show_default=True, metavar="N", type=click.IntRange(0),
              help="Print at most N problems; the summary counts them all.")
def validate(graph_file: str | None, store_dir: str | None, shapes: str | None, limit: int) -> None:
    """Check a graph against the SHACL shapes of the ontology and list what breaks them.

    The shapes (ontology/shapes.ttl) say what a well-formed graph holds: every actor
    is a Person or an Organization with one label, a letter has a sender and at least
    one recipient, a quote has one text and a speaker, every statement and edge has
    an article and evidence, the evidence's text is exactly the article's text at its
    offsets, every reified edge is asserted, and so on. Each problem is one line:
    its severity, the node, what is wrong and the shape. Warnings (a quote whose
    speaker could not be named) are listed but do not fail.

    \b
    Exit status:
      0  the graph conforms (maybe with warnings)
      1  at least one violation, or the graph or the shapes could not be read

    \b
    Examples:
      kg validate exports/sample.ttl
      kg validate --store kgdata/ --limit 10
    """
    from kg.graph.validate import SHAPES, report_text, union_graph
    from kg.graph.validate import validate as check

    if (store_dir is None) == (graph_file is None):
        _fail("say what to validate: FILE (an RDF file) or --store DIR")
    try:
        with _target(store_dir, graph_file) as target:
            data = union_graph(target.db)
        report = check(data, shapes or SHAPES)
    except KGError as e:
        _fail(str(e))
    click.echo(report_text(report, store_dir or graph_file, limit), nl=False)
    if not report.conforms:
        sys.exit(1)


def _listed(inputs: tuple[str, ...]) -> str:
    names = ["stdin" if i == "-" else i for i in inputs]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _source(store_dir: str | None, graph_file: str | None) -> str:
    """The store folder or RDF file a command reads; exits with a message when neither or both are given."""
    if (store_dir is None) == (graph_file is None):
        _fail("say what to read: --store DIR (a store made by kg build --store) or --graph FILE (an RDF file)")
    return store_dir or graph_file


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", default=None, metavar="DIR", type=click.Path(file_okay=False),
              help="Draw the store in DIR, made by `kg build ... --store DIR`. It is opened read-only, so a "
                   "build may run meanwhile.")
@click.option("--graph", "graph_file", default=None, metavar="FILE", type=click.Path(dir_okay=False),
              help="Draw an RDF file instead: .ttl, .trig, .nt, .nq, .jsonld or .rdf.")
@click.option("-o", "--output", required=True, metavar="FILE.html", type=click.Path(dir_okay=False),
              help="Where to write the page.")
@click.option("--focus", default=None, metavar="ACTOR",
              help="Only the neighbourhood of this actor, named by its name or another name in any case "
                   "or common spelling.")
@click.option("--hops", default=1, show_default=True, type=int, metavar="N",
              help="With --focus: how far from the actor to go. Sender -> letter -> recipient is one hop.")
@click.option("--relation", "relations", default=None, metavar="LIST",
              help="Only these relations, separated by commas: sentLetterTo, praised, quoted (and the "
                   "statements they rest on).")
@click.option("--min-sources", default=1, show_default=True, type=int, metavar="N",
              help="Only edges and statements that at least N independent sources (outlets) report.")
@click.option("--since", default=None, type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only what articles published on or after this date report.")
@click.option("--until", default=None, type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only what articles published on or before this date report.")
@click.option("--statements/--collapse", default=True, show_default=True,
              help="Draw letters, speeches and quotes as nodes between their actors, or collapse them into "
                   "actor-to-actor edges (sentLetterTo, praised, quoted).")
@click.option("--max-nodes", default=2000, show_default=True, type=int, metavar="N",
              help="Above N nodes keep the N most central and say so: a bigger page is not usable.")
@click.option("--title", default=None, metavar="TEXT", help="The page's title. Default: kg: and the input's name.")
def viz(store_dir: str | None, graph_file: str | None, output: str, focus: str | None, hops: int,
        relations: str | None, min_sources: int, since, until, statements: bool, max_nodes: int,
        title: str | None) -> None:
    """Draw the graph as one interactive HTML page that works offline.

    Persons, organizations, letters, speeches and quotes are coloured and shaped by
    type (see the legend) and sized by centrality; edges are labelled by relation
    and as wide as the number of independent sources. Hovering a node or an edge
    shows its other names, the sentences of evidence with outlet and date, and a
    link to each article; clicking keeps it in a side panel. Everything the page
    needs (vis-network, styles, data) is inside the file: it makes no request.

    The layout settles in a few seconds and then stays still; above --max-nodes
    the most central nodes are kept and the command says how many were left out.

    \b
    Examples:
      kg viz --store kgdata/ -o exports/graph.html
      kg viz --store kgdata/ --focus "Esmail Qaani" --hops 2 --relation praised,sentLetterTo --min-sources 2 -o q.html
      kg viz --graph exports/sample.ttl --collapse --since 2024-03-01 -o actors.html
    """
    started = time.perf_counter()
    from kg.viz import ViewOptions, visualize

    source = _source(store_dir, graph_file)
    if not Path(output).parent.is_dir():
        _fail(f"cannot write {output}: there is no folder {Path(output).parent}")
    options = ViewOptions(focus=focus, hops=hops, min_sources=min_sources, statements=statements,
                          relations=tuple(r.strip() for r in relations.split(",") if r.strip()) if relations else (),
                          since=since.date() if since else None, until=until.date() if until else None,
                          max_nodes=max_nodes)
    try:
        drawn = visualize(source, output, options, title)
    except KGError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write {output}: {e.strerror or e}")
    for note in drawn.notes:
        click.echo(f"kg: {note}", err=True)
    click.echo(f"drew {_count(drawn.nodes, 'node')}, {_count(drawn.links, 'link')} -> {output} "
               f"({drawn.size / 1e6:.1f} MB, "
               f"{time.perf_counter() - started:.1f} s)", err=True)


@main.command(context_settings=CONTEXT)
@click.option("--store", "store_dir", required=True, metavar="DIR", type=click.Path(file_okay=False),
              help="Serve the store in DIR, made by `kg build ... --store DIR`. It is opened read-only, so a "
                   "build may run meanwhile; queries see what the store holds at the time they run.")
@click.option("--port", default=7878, show_default=True, type=int, help="The port to listen on (0: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. The default answers this machine only; 0.0.0.0 answers "
                   "anyone who can reach it.")
@click.option("--timeout", default=30.0, show_default=True, type=float, metavar="SECONDS",
              help="Stop a query (or update) that runs longer and answer 503.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update (POST update= or application/sparql-update). Without it, updates "
                   "are refused with 403. Updates change the store outside kg build's bookkeeping.")
@click.option("--workers", default=2, show_default=True, type=int, metavar="N",
              help="How many queries run at once, each in a process of its own.")
@click.option("--cors", is_flag=True,
              help="Let web pages of any origin query the endpoint (Access-Control-Allow-Origin: *), as "
                   "YASGUI on another site needs.")
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request on stderr.")
def serve(store_dir: str, port: int, host: str, timeout: float, allow_update: bool, workers: int, cors: bool,
          quiet: bool) -> None:
    """Answer SPARQL over HTTP, with a query page, until stopped.

    /sparql is a SPARQL 1.1 Protocol endpoint: GET ?query=..., POST with a query=
    form or an application/sparql-query body. SELECT and ASK answer in SPARQL JSON,
    XML, CSV or TSV, CONSTRUCT and DESCRIBE in Turtle, N-Triples, JSON-LD or RDF/XML,
    as the Accept header asks. Queries see every graph of the store at once (each
    article's, provenance, resolution) and may use the prefixes kg:, rdfs:, skos:,
    schema:, prov:, nif:, id: ... without declaring them.

    / is a page to write queries (the named queries are there as examples) and see
    the answer as a table and as a graph. It loads nothing from the internet.

    \b
    Examples:
      kg serve --store kgdata/                       # http://127.0.0.1:7878/
      kg serve --store kgdata/ --port 8080 --timeout 10
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a kg:Letter }' \
          http://127.0.0.1:7878/sparql
    """
    from kg.serve.app import create_app
    from kg.serve.server import http_server

    if timeout <= 0 or workers < 1:
        _fail("--timeout must be more than 0 seconds and --workers at least 1")
    try:
        app = create_app(store_dir, allow_update=allow_update, timeout=timeout, workers=workers, cors=cors)
    except KGError as e:
        _fail(str(e))
    try:
        server = http_server(app, host, port, quiet=quiet)
    except KGError as e:
        app.close()
        _fail(str(e))
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_port}/"
    mode = "updates allowed" if allow_update else "read-only"
    click.echo(f"serving {store_dir} at {url} (SPARQL endpoint {url}sparql; {mode}; timeout {timeout:g} s); "
               "Ctrl-C stops it", err=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kg: listening on {host}: anyone who can reach this machine can query the store", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.close()

if __name__ == "__main__":
    main()
