"""The ``kotakg`` command: thin wrappers that call ``kg`` functions and report errors."""

from __future__ import annotations

import functools
import json
import sys

import click

from kg.errors import KotakgError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
QUERY_FORMATS = ["table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld"]


def store_option(fn):
    """``--store DIR`` on every command (env ``KOTAKG_STORE``)."""
    return click.option("--store", "store_path", type=click.Path(file_okay=False),
                        envvar="KOTAKG_STORE", show_envvar=True,
                        help="Store directory (default: $XDG_DATA_HOME/kotakg/store).")(fn)


def reports_errors(fn):
    """Turn kotakg's own errors into ``Error: ...`` and exit status 1, without a traceback."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KotakgError as e:
            raise click.ClickException(e.message) from e
    return wrapper


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="kotakg")
def cli() -> None:
    """kotakg: Indonesian news about city governments, as a knowledge graph."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out facts whose confidence is below this.")
@reports_errors
def ingest(paths: tuple[str, ...], store_path: str | None, threshold: float) -> None:
    """Read articles (.jsonl, .txt, .html or folders of them) into the store.

    Re-ingesting an article (same id, URL or text) replaces it. Bad records are reported
    with their file and line and skipped; the exit status is then 1.
    """
    from kg.ingest import ingest as run_ingest
    from kg.store import open_store

    store = open_store(store_path)
    with _progress() as tick:
        summary = run_ingest(paths, store, threshold=threshold, on_article=tick)
    click.echo(summary.line(), err=True)
    if summary.problems:
        sys.exit(1)


def _progress():
    """A tqdm bar on a terminal, nothing otherwise."""
    from contextlib import contextmanager

    from tqdm import tqdm

    @contextmanager
    def bar():
        with tqdm(unit=" articles", disable=not sys.stderr.isatty(), leave=False) as t:
            yield lambda: t.update(1)
    return bar()


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
@reports_errors
def remove(articles: tuple[str, ...], store_path: str | None) -> None:
    """Remove articles (by id or URL) and the facts that only they supported."""
    from kg.store import find_article, open_store, remove_articles

    store = open_store(store_path)
    found, missing = [], []
    for reference in articles:
        iri = find_article(store, reference)
        (found.append(iri) if iri else missing.append(reference))
    removed = remove_articles(store, found)
    click.echo(f"removed {len(found)} articles and {removed} triples", err=True)
    if missing:
        raise click.ClickException("no article with id or URL " + ", ".join(missing))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=False))
@reports_errors
def extract(file: str) -> None:
    """Print the facts of the articles in FILE as JSON, without touching a store."""
    from kg.extraction import extract as run_extract
    from kg.reading import ReadProblem, read_articles

    failed = False
    for item in read_articles([file]):
        if isinstance(item, ReadProblem):
            click.echo(f"skipped: {item}", err=True)
            failed = True
            continue
        facts = run_extract(item)
        click.echo(json.dumps({"id": item.id, **facts.to_json()}, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("query")
@store_option
@click.option("--format", "format_name", type=click.Choice(QUERY_FORMATS), default=None,
              help="Results format (default: table for SELECT/ASK, turtle for CONSTRUCT).")
@reports_errors
def query(query: str, store_path: str | None, format_name: str | None) -> None:
    """Run a SPARQL query: a .rq file, a saved query's name, or - for stdin."""
    from kg.output import write_results
    from kg.queries import load_query, run_query
    from kg.store import open_store

    store = open_store(store_path, read_only=True)
    results = run_query(store, load_query(query))
    write_results(results, format_name, sys.stdout)


@cli.command()
@store_option
@click.option("--format", "format_name", type=click.Choice(["turtle", "trig", "nquads",
              "ntriples"]), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="File to write (.gz compresses); default stdout.")
@click.option("--graph", help="Dump only this named graph.")
@reports_errors
def export(store_path: str | None, format_name: str, output: str | None,
           graph: str | None) -> None:
    """Dump the knowledge graph (turtle, ntriples) or everything (trig, nquads)."""
    from kg.export import export as run_export
    from kg.store import open_store

    run_export(open_store(store_path, read_only=True), format_name, output, graph)


@cli.command()
@store_option
@reports_errors
def validate(store_path: str | None) -> None:
    """Check the graph with SHACL and the ontology's consistency with HermiT."""
    from kg.store import open_store
    from kg.validate import format_report, validate_store

    report = validate_store(open_store(store_path, read_only=True))
    click.echo(format_report(report))
    if not report.conforms or not report.owl_consistent:
        sys.exit(1)


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@reports_errors
def stats(store_path: str | None, as_json: bool) -> None:
    """Articles, graphs, triples, and entities per class."""
    from kg.store import open_store
    from kg.store import stats as store_stats

    figures = store_stats(open_store(store_path, read_only=True))
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    for name, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{name}:")
            for cls, n in value.items():
                click.echo(f"  {n:>8}  {cls}")
        else:
            click.echo(f"{name}: {value}")


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the demo graph and stop.")
@reports_errors
def demo(store_path: str | None, host: str, port: int, no_serve: bool) -> None:
    """Build the graph from the bundled articles and serve it."""
    from kg.ingest import ingest as run_ingest
    from kg.resources import data_dir
    from kg.store import open_store

    demo_dir = data_dir() / "demo"
    store = open_store(store_path)
    summary = run_ingest([demo_dir], store)
    click.echo(summary.line(), err=True)
    del store
    if not no_serve:
        ctx = click.get_current_context()
        ctx.invoke(cli.commands["serve"], store_path=store_path, host=host, port=port)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped (503).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--update-token", envvar="KOTAKG_UPDATE_TOKEN", show_envvar=True,
              help="Enable SPARQL Update and the Graph Store Protocol for this bearer token.")
@click.option("--allow-service", "service_allowlist", multiple=True,
              help="IRI prefix a SERVICE clause may call (repeatable; none by default).")
@click.option("--max-rows", type=click.IntRange(1), default=100_000, show_default=True)
@click.option("--max-request-bytes", type=click.IntRange(1024), default=1_000_000,
              show_default=True)
@reports_errors
def serve(store_path: str | None, host: str, port: int, timeout: float, workers: int,
          update_token: str | None, service_allowlist: tuple[str, ...], max_rows: int,
          max_request_bytes: int) -> None:
    """Serve the store through the SPARQL endpoint, its query page and entity pages."""
    from endpoint.serve import run  # the one place kg/ reaches into endpoint/
    from kg.store import default_store_path

    run(store_path or str(default_store_path()), host=host, port=port, timeout=timeout,
        workers=workers, update_token=update_token,
        service_allowlist=list(service_allowlist), max_rows=max_rows,
        max_request_bytes=max_request_bytes)


def _register_link_command() -> None:
    """Online linking keeps its command beside its code."""
    from kg.online_linking import link_command

    cli.add_command(link_command, "link")


_register_link_command()


def main() -> None:  # pragma: no cover
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli()

