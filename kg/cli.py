"""The `kg` command: one thin subcommand per stage."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.errors import IngestError, KGError

SUMMARY = "{articles} articles, {actors} actors, {letters} letters, {speeches} speeches, {quotes} quotes, {edges} edges"


def _fail(e: KGError) -> None:
    click.echo(f"kg: {e}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kg")
def main() -> None:
    """Build a knowledge graph of who said what to whom in the news.

    Feed it articles (text, Markdown, HTML, JSON Lines); it finds persons and
    organizations, their letters, speeches and quotes, who praised and who quoted
    whom, and writes one RDF graph where every fact keeps its evidence.

    \b
    Examples:
      kg build articles/ feed.jsonl -o graph.ttl
      cat story.txt | kg build - -o story.ttl
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="Where to write the graph; the format follows the extension (.ttl, .trig, .nq, .nt, .jsonld).")
@click.option("--format", "fmt", default=None, help="Output format when the extension does not say it.")
@click.option("--model", default=None, metavar="NAME",
              help="An installed spaCy pipeline (e.g. en_core_web_sm) to add its entities and parse; "
                   "the default is the built-in rule pipeline, which needs no model.")
@click.option("--strict", is_flag=True, help="Exit non-zero when any input had a problem.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, only problems and the summary.")
def build(inputs: tuple[str, ...], output: str, fmt: str | None, model: str | None, strict: bool,
          quiet: bool) -> None:
    """Build a graph from INPUT files, folders, .jsonl feeds or - (stdin).

    Each input problem (an unreadable file, a malformed JSON line) is reported with
    the file and line and skipped; the other articles are still built.
    """
    from tqdm import tqdm

    from kg.build import build as run
    from kg.export import write_graph

    def report(e: KGError) -> None:
        tqdm.write(f"kg: {e}", file=sys.stderr)

    def progress(articles):
        return tqdm(articles, desc="articles", unit=" art", file=sys.stderr, delay=1.0, disable=quiet,
                    leave=False)

    try:
        result = run(inputs, model=model, progress=progress, report=report)
    except KGError as e:
        _fail(e)
    counts = result.counts()
    if counts["articles"] == 0:
        click.echo("kg: nothing could be built: no article was read (see the messages above)", err=True)
        sys.exit(1)
    try:
        write_graph(result.graph, Path(output), fmt)
    except (KGError, OSError) as e:
        _fail(KGError(f"cannot write {output}: {e}"))
    skipped = sum(isinstance(p, IngestError) for p in result.problems)
    tail = f"; {len(result.problems)} problem(s), see above" if result.problems else ""
    click.echo(f"built {SUMMARY.format(**counts)} -> {output} in {result.seconds:.1f}s{tail}", err=True)
    if strict and (result.problems or skipped):
        sys.exit(1)


if __name__ == "__main__":
    main()
