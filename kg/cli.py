"""Thin commands: parse options, call one library function, print.  Errors become one line."""
from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OUTPUT, KGError, one_line

# --out names the build folder in every command: the one `kg build` writes, the others read.
OUT_HELP = "The build folder: what `kg build --out` wrote (statements.jsonl, kg.ttl, store/, graph.html)."


def _clean_errors(command):
    """Turn KGError into `kg: error: message` and its exit code (kg/errors.py lists them), an
    OSError into the same with exit code 3, Ctrl-C into a short message: never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KGError as error:
            click.echo(f"kg: error: {one_line(str(error))}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; the previous output is left as it was", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except UnicodeDecodeError as error:  # a binary file or a stream in another encoding
            click.echo(f"kg: error: the input is not UTF-8 text ({error.reason} at byte {error.start})", err=True)
            sys.exit(EXIT_INPUT)
        except BrokenPipeError:  # `kg query ... | head`: the reader has gone, nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OUTPUT)
        except OSError as error:
            where = f": {error.filename}" if error.filename else ""
            click.echo(f"kg: error: {error.strerror or error}{where}", err=True)
            sys.exit(EXIT_OUTPUT)

    return wrapper


class _Commands(click.Group):
    """The command group, whose usage mistakes (an unknown command or option, a bad choice,
    a missing argument) are one line too, ``kg: error: …``, exit code 2, as the README says."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            value = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            if not standalone_mode:
                raise
            hint = ""
            if isinstance(error, click.UsageError) and error.ctx is not None:
                hint = f" (see {' '.join(['kg', *error.ctx.command_path.split()[1:]])} --help)"
            message = one_line(error.format_message()).rstrip(".")
            if message[1:2].islower():  # click's "Invalid value…", "No such command…"
                message = message[0].lower() + message[1:]
            click.echo(f"kg: error: {message}{hint}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:  # Ctrl-C at a prompt
            if not standalone_mode:
                raise
            click.echo("kg: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        if standalone_mode:
            sys.exit(value if isinstance(value, int) else 0)
        return value


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", default="output", show_default=True, type=click.Path(path_type=Path), help=OUT_HELP)
@click.option("--format", "formats", multiple=True, default=("ttl",), show_default=True,
              type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]), help="RDF serialisation(s) to write as kg.FORMAT.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@click.option("--strict", is_flag=True, help="Fail (exit 1, nothing written) if any input is skipped, instead of listing it.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes that parse and extract in parallel (each loads the model once); up to one per core.")
@click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Your names: a TSV of surface form, canonical name, and optionally type and Wikidata id; "
                   "applied before the built-in gazetteer.")
@click.option("--stop", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="Names that never make a node, one a line.")
@click.option("--all", "keep_gated", is_flag=True,
              help="Assert and draw the statements the precision gate keeps back too (they are always in statements.jsonl).")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Parse on a Dask cluster: local:N (N worker processes here) or a scheduler, tcp://HOST:8786. "
                   "Needs pip install 'kg[cluster]'.")
@click.option("--parts", default=None, metavar="DIR", type=click.Path(path_type=Path),
              help="With --cluster and --format nq: the workers write DIR/part-NNNNN.nq.gz and a manifest, "
                   "instead of OUT (for builds too big for this machine; DIR on storage they share).")
@_clean_errors
def build(paths: tuple[str, ...], out: Path, formats: tuple[str, ...], quiet: bool, strict: bool, workers: int,
          aliases: Path | None, stop: Path | None, keep_gated: bool, cluster: str | None, parts: Path | None) -> None:
    """Extract statements from articles (.txt .md .html .jsonl .jsonl.gz, files or folders) into OUT.

    Files that cannot be read (binary, empty, too large, broken JSON lines...) are skipped
    and listed in the summary. The previous output is replaced only when the build is done.

    \b
    Example: kg build examples/ --out output/ --format ttl --format nq --workers 2
             kg build news/ --aliases my-names.tsv --stop not-names.txt
             kg build news/*.jsonl --cluster tcp://10.0.0.5:8786 --out output/
             kg build s3://news/2026/ --cluster tcp://10.0.0.5:8786 --format nq --parts /shared/kg-parts
    """
    if cluster is not None and workers > 1:
        raise click.UsageError("--workers is for parsing on this machine; with --cluster the cluster's workers parse")
    if parts is not None:
        if cluster is None or formats != ("nq",):
            raise click.UsageError("--parts needs --cluster and --format nq (the only format written in parts)")
        from kg.cluster import build_parts

        report = build_parts(paths, parts=parts, cluster=cluster, quiet=quiet, strict=strict, aliases=aliases, stop=stop,
                             keep_gated=keep_gated)
    else:
        from kg.pipeline import build as run_build

        report = run_build(paths, out=out, formats=formats, quiet=quiet, strict=strict, workers=workers, aliases=aliases,
                           stop=stop, keep_gated=keep_gated, cluster=cluster)
    if not quiet:
        click.echo(report.summary(), err=True)


def _server_options(command):
    """--user/--password (or KG_USER/KG_PASSWORD) and --timeout, for commands that talk to a server."""
    command = click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
                           help="Seconds to wait for each HTTP request.")(command)
    command = click.option("--password", envvar="KG_PASSWORD", default=None, show_envvar=True,
                           help="Password for --user (prefer the variable: options show in `ps`).")(command)
    return click.option("--user", envvar="KG_USER", default=None, show_envvar=True,
                        help="User for servers that ask (Basic or Digest authentication).")(command)


def _password(user: str | None, password: str | None) -> str | None:
    if user and password is None and sys.stdin.isatty():
        return click.prompt(f"password for {user}", hide_input=True, err=True)
    return password


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Read the query from a file.")
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"]),
              help="Result format (ttl/nt/jsonld for CONSTRUCT/DESCRIBE).")
@click.option("--out", default="output", show_default=True, type=click.Path(path_type=Path), help=OUT_HELP)
@click.option("--endpoint", default=None, metavar="URL",
              help="Query this SPARQL endpoint over HTTP instead of OUT/store (e.g. http://127.0.0.1:7878/query).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a parameter the query declares (`# @param NAME KIND DEFAULT`, used as $NAME).")
@_server_options
@_clean_errors
def query(sparql: str | None, query_file: Path | None, fmt: str, out: Path, endpoint: str | None,
          params: tuple[str, ...], user: str | None, password: str | None, timeout: float) -> None:
    """Run a SPARQL query against the embedded store in OUT/store, or a server.

    \b
    Example: kg query 'SELECT ?s ?o WHERE { ?s rel:strike ?o }'
             kg query --file queries/attacks.rq --format csv
             kg query --endpoint http://127.0.0.1:8890/sparql --file queries/hedged.rq
             kg query --file queries/entity_timeline.rq --param entity=Russia --param from=2015-10-01
    """
    from kg.sparql import bind_parameters, parse_assignments

    if query_file is not None:
        sparql = query_file.read_text(encoding="utf-8")
    if not sparql:
        raise click.UsageError("give a SPARQL query or --file")
    sparql = bind_parameters(sparql, parse_assignments(params))
    if endpoint is not None:
        from kg.remote import Client, query as run_remote

        client = Client(user=user, password=_password(user, password), timeout=timeout)
        click.echo(run_remote(sparql, endpoint=endpoint, format=fmt, client=client), nl=False)
        return
    from kg.outputs import BuildFolder
    from kg.parts import ensure_store, is_parts_folder
    from kg.store import query as run_query

    store = ensure_store(out) if is_parts_folder(out) else BuildFolder(out).require().store
    click.echo(run_query(sparql, store=store, format=fmt), nl=False)


def _build_folder(command):
    """FOLDER (an argument) or --out: the build folder, as in every command; default output/."""
    command = click.option("--out", "out", default=None, type=click.Path(path_type=Path),
                           help=OUT_HELP + " The same as FOLDER.  [default: output]")(command)
    return click.argument("folder", required=False, default=None, type=click.Path(path_type=Path))(command)


def _folder(folder: Path | None, out: Path | None) -> Path:
    if folder is not None and out is not None and folder != out:
        raise click.UsageError(f"two build folders given: {folder} and --out {out}")
    return folder or out or Path("output")


@main.command()
@_build_folder
@click.option("--endpoint", required=True, metavar="URL",
              help="The server's Graph Store endpoint: http://HOST:7878/store (Oxigraph), "
                   "http://HOST:8890/sparql-graph-crud-auth (Virtuoso), http://HOST:3030/DATASET/data (Fuseki).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="Load everything into this one graph, instead of one graph per document.")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="The server's SPARQL Update endpoint [default: guessed from --endpoint].")
@_server_options
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Further attempts after a network error or a busy server (backoff 0.5 s, 1 s, 2 s…).")
@click.option("--prune", is_flag=True,
              help="Afterwards drop the server's document graphs that this build does not have (removed documents).")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
@_clean_errors
def load(folder: Path | None, out: Path | None, endpoint: str, graph_iri: str | None, update_endpoint: str | None, user: str | None,
         password: str | None, timeout: float, retries: int, prune: bool, quiet: bool) -> None:
    """Load a build (FOLDER, default output/, or a --parts folder) into a running triple store.

    Each document graph is replaced, atomically: it is uploaded into a temporary graph and
    moved over the old one, so a failed load leaves the server's graphs as they were, and
    loading again is safe.  Uses the Graph Store Protocol, or SPARQL Update if the server
    has none.

    \b
    Example: kg load --endpoint http://127.0.0.1:7878/store
             KG_PASSWORD=... kg load output/ --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
    """
    from kg.remote import load as run_load

    report = run_load(_folder(folder, out), endpoint=endpoint, graph=graph_iri, update_endpoint=update_endpoint, user=user,
                      password=_password(user, password), timeout=timeout, retries=retries, prune=prune)
    if not quiet:
        click.echo(report.summary(), err=True)


@main.command()
@_build_folder
@click.option("--bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT", help="Where to listen.")
@_clean_errors
def serve(folder: Path | None, out: Path | None, bind: str) -> None:
    """Serve the store of a build (FOLDER, default output/, or a --parts folder) read-only as a SPARQL endpoint.

    Runs the Oxigraph server (PyPI package oxigraph) until Ctrl-C; queries go to
    http://HOST:PORT/query and see the union of the document graphs by default.

    \b
    Example: kg serve output/ --bind 127.0.0.1:7878
             kg query --endpoint http://127.0.0.1:7878/query --file queries/attacks.rq
    """
    from kg.outputs import BuildFolder
    from kg.parts import ensure_store, is_parts_folder
    from kg.store import serve_command

    folder = _folder(folder, out)
    store = ensure_store(folder) if is_parts_folder(folder) else BuildFolder(folder).require().store
    argv = serve_command(store, bind=bind)
    click.echo(f"kg: serving {store} read-only at http://{bind}/query (Ctrl-C to stop)", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)  # the server takes over this process: Ctrl-C and signals reach it


@main.command()
@click.argument("path", required=False, default=None, type=click.Path(path_type=Path))
@click.option("--out", default=None, type=click.Path(path_type=Path), help=OUT_HELP + " The same as PATH.  [default: output]")
@_clean_errors
def validate(path: Path | None, out: Path | None) -> None:
    """Check a build (PATH, its folder) or one RDF file against ontology/shapes.ttl (SHACL).

    Prints one line per violation (focus node, property, message) and exits with 1 if
    there are any, 0 if the data conforms.

    \b
    Example: kg validate output/
             kg validate output/kg.ttl
    """
    from kg.validate import ValidationFailed, validate as run_validate

    report = run_validate(_folder(path, out))
    for line in report.lines():
        click.echo(line)
    if not report.conforms:
        raise ValidationFailed(report.summary())
    click.echo(report.summary(), err=True)


# Before `--out` named the build folder everywhere, `kg view --out FILE` named the page and
# `--from` the build folder: both spellings still work.
VIEW_SUFFIXES = (".html", ".htm", ".graphml", ".gexf", ".json", ".xml")


@main.command()
@click.option("--out", default=None, type=click.Path(path_type=Path), help=OUT_HELP + "  [default: output]")
@click.option("--to", "target", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write [default: OUT/graph.html, or OUT/graph.FORMAT].")
@click.option("--from", "source", default=None, type=click.Path(path_type=Path), hidden=True)
@click.option("--format", "fmt", default="html", show_default=True, type=click.Choice(["html", "graphml", "gexf", "json"]),
              help="The interactive page, or a graph file for Gephi / Cytoscape (GraphML, GEXF, node-link JSON).")
@click.option("--top", type=click.IntRange(min=1), default=None, help="Keep only the N most central entities (degree centrality). The page shows at most "
                   "2,000 and about 20,000 statements unless --top is given.")
@click.option("--focus", default=None, metavar="ENTITY", help="Keep only ENTITY (id, name or alias) and its neighbourhood.")
@click.option("--hops", type=click.IntRange(min=0), default=None, help="How many links from --focus to reach [default: 1].")
@click.option("--all", "keep_gated", is_flag=True, help="Draw the statements the precision gate keeps back too.")
@_clean_errors
def view(out: Path | None, target: Path | None, source: Path | None, fmt: str, top: int | None, focus: str | None,
         hops: int | None, keep_gated: bool) -> None:
    """Regenerate the interactive graph page (or a graph file) from a build's statements.

    \b
    Example: kg view --out output/
             kg view --focus Russia --hops 2 --to russia.html
             kg view --top 200 --format gexf
    """
    from kg.pipeline import view_page

    if hops is not None and focus is None:
        raise click.UsageError("--hops needs --focus")
    if out is not None and target is None and (out.suffix.lower() in VIEW_SUFFIXES or out.is_file()):
        out, target = None, out  # the old spelling: `kg view --out russia.html`
    if out is not None and source is not None and out != source:
        raise click.UsageError(f"two build folders given: --out {out} and --from {source}")
    path = view_page(out=out or source or Path("output"), html=target, format=fmt, top=top, focus=focus,
                     hops=1 if hops is None else hops, keep_gated=keep_gated)
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("file", required=False, type=click.File("r", encoding="utf-8"), default="-")
@click.option("--doc-id", default="stdin", show_default=True, help="Document id to record in each statement.")
@click.option("--format", "fmt", default="json", show_default=True, type=click.Choice(["json", "carb"]),
              help="json: statements as JSON lines; carb: Open IE tuples of pre-tokenized sentences, one a line.")
@_clean_errors
def extract(file, doc_id: str, fmt: str) -> None:
    """Print the statements of one article (FILE or standard input) as JSON lines; no store.

    With --format carb, FILE holds one sentence a line, tokenized by single spaces (tokens
    are kept as they are), and each Open IE tuple is printed as
    sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…

    \b
    Example: kg extract < examples/article.txt
             kg extract --format carb ../shared/data/carb/dev.txt > predictions.tsv
    """
    if fmt == "carb":
        from kg.openie import carb_lines

        for row in carb_lines(file):
            click.echo(row)
        return
    from kg.extraction import extract as run_extract

    for statement in run_extract(file.read(), doc_id=doc_id):
        click.echo(json.dumps(statement.to_record(), ensure_ascii=False))


if __name__ == "__main__":
    main()
