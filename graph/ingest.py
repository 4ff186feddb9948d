"""Loading files into a store: reports through the loaders, RDF files as they are.

Each file is all-or-nothing: it is read, parsed, built and (by default) SHACL-validated in
memory, then written in one atomic update that replaces its named graph. A file that fails at
any step leaves the store as it was, and the others still load.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.store import FILE_GRAPHS, Store
from graph.validate import validate
from loaders import LoadError, load_report
from loaders.readers import REPORT_SUFFIXES
from ontology import slug

RDF_SUFFIXES: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
}
LOADABLE = REPORT_SUFFIXES | set(RDF_SUFFIXES)


@dataclass
class Outcome:
    """What loading one file did."""

    path: Path
    graphs: list[str] = field(default_factory=list)
    label: str = ""
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Expand folders; return (loadable files, skipped files). A missing path raises LoadError."""
    files: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                (files if child.suffix.lower() in LOADABLE else skipped).append(child)
        elif path.exists() or path.is_symlink():  # a dangling link fails when read, with its reason
            files.append(path)
        else:
            raise LoadError(f"{path}: no such file or folder")
    return files, skipped


def load_file(store: Store, path: Path, shacl: bool = True) -> Outcome:
    """Load one report or RDF file into the store; never raises for bad input."""
    outcome = Outcome(path)
    try:
        if path.suffix.lower() in RDF_SUFFIXES:
            _load_rdf(store, path, outcome)
        else:
            _load_report(store, path, outcome, shacl)
    except LoadError as exc:
        outcome.error = str(exc)
    return outcome


def _load_report(store: Store, path: Path, outcome: Outcome, shacl: bool) -> None:
    built = load_report(path)
    if shacl:
        result = validate(built.quads)
        if not result.conforms:
            first = next((line.strip() for line in result.text.splitlines() if line.strip().startswith("Message")), "")
            raise LoadError(f"the report's graph fails SHACL validation ({result.violations} violations; {first})")
    outcome.triples = store.replace_graphs({built.graph: built.quads})
    outcome.graphs = [built.graph]
    outcome.label = f"{built.parsed.inspection_type}, {built.parsed.area}"
    outcome.warnings = list(built.parsed.warnings)


def _load_rdf(store: Store, path: Path, outcome: Outcome) -> None:
    """An RDF file as it is: its triples into a graph named for the file, its named graphs as named."""
    file_graph = FILE_GRAPHS + slug(path.name)
    try:
        quads = list(ox.parse(path=str(path), format=RDF_SUFFIXES[path.suffix.lower()],
                              base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        raise LoadError(f"not valid {path.suffix[1:].upper()} RDF: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise LoadError(f"cannot read RDF file: {exc}") from exc
    if not quads:
        raise LoadError("the RDF file holds no triples")
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        name = file_graph if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, []).append(quad)
    outcome.triples = store.replace_graphs(graphs)  # type: ignore[arg-type]
    outcome.graphs = sorted(graphs)
    outcome.label = f"RDF ({len(graphs)} graph{'s' if len(graphs) != 1 else ''})"
