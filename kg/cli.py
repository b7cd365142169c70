"""Thin commands: parse options, call one library function, print.  Errors become one line."""
from __future__ import annotations

import functools
import json
import logging
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KGError

OUT_HELP = "Output folder of `kg build` (holds statements.jsonl, kg.ttl, store/, graph.html)."


def _clean_errors(command):
    """Turn KGError into `kg: error: message` and its exit code; Ctrl-C into a short message."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KGError as error:
            click.echo(f"kg: error: {error}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; previous output left as it was", err=True)
            sys.exit(130)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Log what is skipped and why.")
def main(verbose: bool) -> None:
    """Build a knowledge graph from news articles.

    \b
    kg build examples/ --out output/
    kg query 'SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10'
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="kg: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", default="output", show_default=True, type=click.Path(path_type=Path), help="Output folder.")
@click.option("--format", "formats", multiple=True, default=("ttl",), show_default=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]), help="RDF serialisation(s) to write as kg.FORMAT.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@_clean_errors
def build(paths: tuple[Path, ...], out: Path, formats: tuple[str, ...], quiet: bool) -> None:
    """Extract statements from articles (.txt .md .html .jsonl, files or folders) into OUT.

    \b
    Example: kg build examples/ --out output/ --format ttl --format nq
    """
    from kg.pipeline import build as run_build

    report = run_build(paths, out=out, formats=formats, quiet=quiet)
    if not quiet:
        click.echo(report.summary(), err=True)


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a file.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "ttl", "nt"]), help="Result format (ttl/nt for CONSTRUCT/DESCRIBE).")
@click.option("--out", default="output", show_default=True, type=click.Path(path_type=Path), help=OUT_HELP)
@_clean_errors
def query(sparql: str | None, query_file: Path | None, fmt: str, out: Path) -> None:
    """Run a SPARQL query against the embedded store in OUT/store.

    \b
    Example: kg query 'SELECT ?s ?o WHERE { ?s rel:strike ?o }'
             kg query --file queries/attacks.rq --format csv
    """
    from kg.store import query as run_query

    if query_file is not None:
        sparql = query_file.read_text(encoding="utf-8")
    if not sparql:
        raise click.UsageError("give a SPARQL query or --file")
    click.echo(run_query(sparql, store=out / "store", format=fmt), nl=False)


@main.command()
@click.option("--out", "html", default=None, type=click.Path(path_type=Path),
              help="Where to write [default: OUTPUT/graph.html, or OUTPUT/graph.FORMAT].")
@click.option("--from", "source", default="output", show_default=True, type=click.Path(path_type=Path), help=OUT_HELP)
@click.option("--format", "fmt", default="html", show_default=True, type=click.Choice(["html", "graphml", "gexf", "json"]),
              help="The interactive page, or a graph file for Gephi / Cytoscape (GraphML, GEXF, node-link JSON).")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Keep only the N most central entities (degree centrality).")
@click.option("--focus", default=None, metavar="ENTITY", help="Keep only ENTITY (id, name or alias) and its neighbourhood.")
@click.option("--hops", type=click.IntRange(min=0), default=None, help="How many links from --focus to reach [default: 1].")
@_clean_errors
def view(html: Path | None, source: Path, fmt: str, top: int | None, focus: str | None, hops: int | None) -> None:
    """Regenerate the interactive graph page (or a graph file) from a build's statements.

    \b
    Example: kg view --out output/graph.html
             kg view --focus Russia --hops 2 --out russia.html
             kg view --top 200 --format gexf
    """
    from kg.pipeline import view_page

    if hops is not None and focus is None:
        raise click.UsageError("--hops needs --focus")
    path = view_page(out=source, html=html, format=fmt, top=top, focus=focus, hops=1 if hops is None else hops)
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("file", required=False, type=click.File("r", encoding="utf-8"), default="-")
@click.option("--doc-id", default="stdin", show_default=True, help="Document id to record in each statement.")
@_clean_errors
def extract(file, doc_id: str) -> None:
    """Print the statements of one article (FILE or standard input) as JSON lines; no store.

    \b
    Example: kg extract < examples/article.txt
    """
    from kg.pipeline import extract as run_extract

    for statement in run_extract(file.read(), doc_id=doc_id):
        click.echo(json.dumps(statement.to_record(), ensure_ascii=False))


if __name__ == "__main__":
    main()
