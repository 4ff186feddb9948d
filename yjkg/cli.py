"""The ``yjkg`` command: one verb per job, each with --help."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import catalog
from graph.errors import StoreError
from graph.ingest import Outcome, collect, load_file
from graph.results import (
    QUAD_FORMATS,
    RESULT_FORMATS,
    is_graph,
    serialize,
    serialize_rdf,
    table,
    term_text,
)
from graph.store import Store, open_store
from graph.validate import validate as shacl_validate
from graph.views import short
from loaders import LoadError
from ontology import GRAPH, PREFIXES, with_prefixes
from yjkg import __version__, config


def _open(store: str, read_only: bool = False) -> Store:
    try:
        return open_store(store, read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yjkg")
def main() -> None:
    """yjkg: a knowledge graph of youth-justice inspection reports.

    Load reports into a triple store, query them with SPARQL, and serve the web explorer.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@config.STORE.option()
@click.option("--shacl/--no-shacl", default=True, show_default=True,
              help="Validate each report's graph against ontology/shapes.ttl before writing it.")
def load(paths: tuple[Path, ...], store: str, shacl: bool) -> None:
    """Load report files (.md .txt .html .pdf .docx) and RDF files (.ttl .nt .nq .trig .jsonld).

    Folders are searched recursively. Each file is all-or-nothing: a file that fails leaves the
    store as it was, and the others still load. Loading a report again replaces its graph.
    """
    try:
        files, skipped = collect(paths)
    except LoadError as exc:
        raise click.ClickException(str(exc)) from exc
    for path in skipped:
        click.echo(f"skipped: {path}: not a report or RDF file", err=True)
    if not files:
        raise click.ClickException("no report or RDF files to load")
    outcomes: list[Outcome] = []
    with _open(store) as db, click.progressbar(files, label="Loading", file=sys.stderr, show_pos=True,
                           item_show_func=lambda p: p.name if p else "") as bar:
        for path in bar:
            outcomes.append(load_file(db, path, shacl=shacl))
    reports = sum(1 for o in outcomes if o.ok)
    warnings = sum(len(o.warnings) for o in outcomes)
    for outcome in outcomes:
        for warning in outcome.warnings:
            click.echo(f"warning: {outcome.path}: {warning}", err=True)
        if not outcome.ok:
            click.echo(f"error: {outcome.path}: {outcome.error}", err=True)
    failed = len(outcomes) - reports
    click.echo(f"Loaded {reports} of {len(outcomes)} files into {store}: "
               f"{sum(o.triples for o in outcomes):,} triples, {warnings} warnings, {failed} failed.")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("sparql")
@config.STORE.option()
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", *RESULT_FORMATS, "ttl", "nt", "jsonld"]),
              help="Output: a readable table, a W3C result format, or an RDF format for CONSTRUCT.")
def query(sparql: str, store: str, fmt: str) -> None:
    """Run a SPARQL query (the text, or @file.rq) over the union of all graphs.

    The project's prefixes (yj:, org:, foaf:, skos:, dcterms:, ...) are predeclared.
    """
    if sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text()
        except OSError as exc:
            raise click.ClickException(f"{sparql[1:]}: {exc.strerror}") from exc
    with _open(store, read_only=True) as db:
        try:
            result = db.query(with_prefixes(sparql))
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        if fmt != "table":
            sys.stdout.buffer.write(serialize(result, fmt, PREFIXES))
            return
        graph_result = is_graph(result)
        names, rows = table(result)
        _print_table(names, [[short(term_text(c)) for c in row] for row in rows])
        click.echo(f"({len(rows)} {'triples' if graph_result else 'rows'})", err=True)


def _print_table(names: list[str], rows: list[list[str]]) -> None:
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    clip = lambda s, w: s if len(s) <= w else s[: w - 1] + "…"  # noqa: E731
    click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=False)))
    click.echo("  ".join("-" * w for w in widths))
    for row in rows:
        click.echo("  ".join(clip(c.replace("\n", " "), w).ljust(w) for c, w in zip(row, widths, strict=False)))


@main.command()
@config.STORE.option()
@click.option("--format", "fmt", default="trig", show_default=True,
              type=click.Choice(["trig", "nq", "ttl", "nt", "jsonld"]),
              help="trig and nq keep the named graphs; ttl, nt and jsonld give their union.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
def export(store: str, fmt: str, output: Path | None) -> None:
    """Export every graph of the store as RDF."""
    with _open(store, read_only=True) as db:
        if fmt in QUAD_FORMATS:
            data = serialize_rdf(db.quads(), fmt, PREFIXES)
        else:
            data = serialize_rdf(list(dict.fromkeys(q.triple for q in db.quads())), fmt, PREFIXES)
    if output:
        output.write_bytes(data)
        click.echo(f"Wrote {len(data):,} bytes to {output}.", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@config.STORE.option()
def validate(store: str) -> None:
    """Check every report and RDF-file graph against the SHACL shapes; exit 1 on violations."""
    with _open(store, read_only=True) as db:
        names = [g for g in db.graph_names() if g.startswith((GRAPH + "report/", GRAPH + "file/"))]
        failed = 0
        with click.progressbar(names, label="Validating", file=sys.stderr, show_pos=True) as bar:
            for name in bar:
                statements = db.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
                result = shacl_validate(statements)  # type: ignore[arg-type]
                if not result.conforms:
                    failed += 1
                    click.echo(f"\n{name}: {result.violations} violations\n{result.text}", err=True)
    click.echo(f"{len(names) - failed} of {len(names)} graphs conform to the shapes.")
    if failed:
        sys.exit(1)


@main.command()
@config.STORE.option()
def reports(store: str) -> None:
    """List the loaded reports with their counts."""
    with _open(store, read_only=True) as db:
        rows = catalog.reports(db)
    _print_table(["key", "issued", "format", "findings", "strengths", "recs", "triples", "source"],
                 [[r.key, r.issued, r.format, str(r.findings), str(r.strengths), str(r.recommendations),
                   str(r.triples), r.source] for r in rows])
    click.echo(f"({len(rows)} reports)", err=True)


@main.command()
@click.argument("report")
@config.STORE.option()
def remove(report: str, store: str) -> None:
    """Remove a report (by key, IRI or source file name) and its whole graph."""
    with _open(store) as db:
        try:
            row = catalog.resolve_report(db, report)
        except StoreError as exc:
            raise click.ClickException(str(exc)) from exc
        db.drop_graph(row.graph)
    click.echo(f"Removed {row.key} ({row.label}, {row.triples:,} triples).")


@main.command()
@config.STORE.option()
@config.HOST.option()
@config.PORT.option()
@config.THREADS.option()
@config.ALLOW_WRITES.option()
@config.MEMORY.option()
@config.QUERY_TIMEOUT.option()
@config.MAX_ROWS.option()
@config.MAX_UPLOAD_MB.option()
def serve(store: str, host: str, port: int, threads: int, allow_writes: bool, memory: bool, query_timeout: float,
          max_rows: int, max_upload_mb: int) -> None:
    """Serve the web explorer and SPARQL endpoint with waitress."""
    import waitress

    from web import create_app

    if memory and allow_writes:
        raise click.UsageError("--memory serves a read-only copy: it cannot go with --allow-writes")
    app = create_app({"YJKG_STORE": store, "YJKG_ALLOW_WRITES": allow_writes, "YJKG_MEMORY": memory,
                      "YJKG_QUERY_TIMEOUT": query_timeout,
                      "YJKG_MAX_ROWS": max_rows, "YJKG_MAX_UPLOAD_MB": max_upload_mb})
    try:
        app.extensions["yjkg.store"]()  # open the store now, so a bad store fails before serving
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"yjkg serving {store} on http://{host}:{port}/ ({threads} threads"
               f"{', writes allowed' if allow_writes else ', read-only'}); Ctrl-C stops it.")
    waitress.serve(app, host=host, port=port, threads=threads, ident="yjkg")
