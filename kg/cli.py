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

    Run `kg COMMAND --help` for a command's options.
    """


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the graph, or - for stdout. The format follows the extension: "
                   ".ttl Turtle, .nt N-Triples, .nq N-Quads, .trig TriG, .jsonld JSON-LD, .rdf RDF/XML; "
                   "Turtle for any other name.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default=None, metavar="FORMAT",
              help=f"Write this format whatever the extension of FILE says: {', '.join(FORMATS)}.")
@click.option("--model", default=None, metavar="NAME|PATH",
              help="Run this spaCy pipeline (an installed package such as en_core_web_sm, or a folder "
                   "saved with nlp.to_disk) and use its named entities too. Default: the built-in "
                   "rule pipeline, which needs no model.")
@click.option("--strict", is_flag=True,
              help="Treat any input problem as an error: exit 1 and write nothing.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only problems and the summary.")
def build(inputs: tuple[str, ...], output: str, fmt: str | None, model: str | None, strict: bool,
          quiet: bool) -> None:
    """Build one graph from INPUT files, folders and - (stdin).

    \b
    INPUT is any of:
      FILE.txt, FILE.md     one article; a short first line then a blank line is its title
      FILE.html, FILE.htm   one web page; its main text and metadata are kept, menus dropped
      FILE.jsonl            one article per line: {"text": ..., "id", "title", "source", "date", "url"}
      FILE.json             one such object, or a list of them
      FOLDER                every file above in it and its subfolders (hidden ones skipped)
      -                     stdin: JSON Lines when it starts with "{", else one plain-text article

    Every input problem (an empty or binary file, a malformed JSON line) is printed
    as "kg: FILE:LINE: problem" and skipped; the other articles are still built.
    The last line on stderr sums up what was built.

    \b
    Exit status:
      0  at least one article was built (problems are reported above the summary)
      1  nothing could be built, the output could not be written, or --strict and a problem

    \b
    Examples:
      kg build examples/ -o exports/sample.ttl
      kg build news/ feed.jsonl -o graph.nq --strict
      cat story.txt | kg build - -o - | grep -c kg:Quote
      kg build --model en_core_web_sm news/ -o graph.trig
    """
    started = time.perf_counter()
    from tqdm import tqdm

    from kg.build import build as run
    from kg.export import write_graph

    if output != "-" and not Path(output).parent.is_dir():
        _fail(f"cannot write {output}: there is no folder {Path(output).parent}")

    def report(e: KGError) -> None:
        tqdm.write(f"kg: {e}", file=sys.stderr)

    def progress(articles):
        return tqdm(articles, desc="articles", unit=" art", file=sys.stderr, delay=1.0, leave=False,
                    disable=quiet or not sys.stderr.isatty())

    try:
        result = run(inputs, model=model, progress=progress, report=report)
    except KGError as e:
        _fail(str(e))
    counts = result.counts()
    if counts["articles"] == 0:
        see = " (see the problems above)" if result.problems else ""
        _fail(f"nothing could be built from {_listed(inputs)}{see}")
    if strict and result.problems:
        _fail(f"{len(result.problems)} input problem(s) and --strict: nothing written to {output}")
    try:
        if output == "-":
            write_graph(result.graph, sys.stdout, fmt)
        else:
            write_graph(result.graph, Path(output), fmt)
    except (KGError, OSError) as e:
        _fail(f"cannot write {output}: {getattr(e, 'strerror', None) or e}")
    shown = "stdout" if output == "-" else output
    click.echo(SUMMARY.format(**counts, output=shown, seconds=time.perf_counter() - started), err=True)


def _listed(inputs: tuple[str, ...]) -> str:
    names = ["stdin" if i == "-" else i for i in inputs]
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


if __name__ == "__main__":
    main()
