"""Questions the CLI and the web app ask of the store, in SPARQL, in one place."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store import REPORT_GRAPHS, Store
from ontology import is_iri, sparql_prefixes

QUERY_DIR = Path(__file__).parent / "queries"

_REPORTS = sparql_prefixes() + """
SELECT ?graph ?report ?label ?issued ?source ?format
       (SUM(IF(?kind = yj:Finding, 1, 0)) AS ?findings)
       (SUM(IF(?kind = yj:Strength, 1, 0)) AS ?strengths)
       (SUM(IF(?kind = yj:Recommendation, 1, 0)) AS ?recommendations)
WHERE {
  %s
  GRAPH ?graph {
    ?report a yj:Report ; rdfs:label ?label ; dcterms:source ?source ; yj:sourceFormat ?format .
    OPTIONAL { ?report dcterms:issued ?issued }
    OPTIONAL { ?s dcterms:isPartOf ?report ; a ?kind . FILTER(?kind IN (yj:Finding, yj:Strength, yj:Recommendation)) }
  }
}
GROUP BY ?graph ?report ?label ?issued ?source ?format
ORDER BY ?issued ?label
"""
_TRIPLES_PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { %s GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass
class ReportRow:
    graph: str
    report: str
    label: str
    issued: str
    source: str
    format: str
    findings: int
    strengths: int
    recommendations: int
    triples: int = 0

    @property
    def key(self) -> str:
        return self.graph.removeprefix(REPORT_GRAPHS)


def reports(store: Store, graphs: list[str] | None = None) -> list[ReportRow]:
    """Loaded reports (all, or those of the given graphs) with their statement and triple counts."""
    scope = "VALUES ?graph { " + " ".join(f"<{g}>" for g in graphs) + " }" if graphs is not None else ""
    triples_scope = scope.replace("?graph", "?g")
    triples = {row["g"].value: int(row["n"].value)
               for row in store.query(_TRIPLES_PER_GRAPH % triples_scope)}  # type: ignore[union-attr]
    rows = []
    for row in store.query(_REPORTS % scope):  # type: ignore[union-attr]
        graph = row["graph"].value
        rows.append(ReportRow(graph, row["report"].value, row["label"].value,
                              row["issued"].value if row["issued"] else "", row["source"].value,
                              row["format"].value, int(row["findings"].value), int(row["strengths"].value),
                              int(row["recommendations"].value), triples.get(graph, 0)))
    return rows


def resolve_report(store: Store, ref: str) -> ReportRow:
    """A report by key, report IRI, graph IRI or source file name (with or without its suffix)."""
    literal = str(ox.Literal(ref))
    tests = [f"?source = {literal}", f'STRBEFORE(?source, ".") = {literal}']
    if is_iri(ref):
        tests += [f"?graph = <{ref}>", f"?report = <{ref}>"]
    if _KEY.match(ref):
        tests.append(f"?graph = <{REPORT_GRAPHS}{ref}>")
    found = store.query(sparql_prefixes() + f"""SELECT DISTINCT ?graph WHERE {{
        GRAPH ?graph {{ ?report a yj:Report ; dcterms:source ?source }} FILTER({" || ".join(tests)}) }}""")
    graphs = [row["graph"].value for row in found]  # type: ignore[union-attr]
    if not graphs:
        raise StoreError(f"no loaded report matches {ref!r} (see 'yjkg reports')")
    matches = reports(store, graphs)
    if len(matches) > 1:
        raise StoreError(f"{ref!r} matches {len(matches)} reports; use a key: " + ", ".join(m.key for m in matches))
    return matches[0]


@dataclass
class Example:
    """A canned query from graph/queries/*.rq, with its title and the question it answers."""

    name: str
    title: str
    group: str
    question: str
    sparql: str
    params: list[str]  # variables bound by a VALUES clause that the query page offers as lists


_HEADER = re.compile(r"^#\s*(title|group|question):\s*(.+)$", re.MULTILINE)
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*$", re.MULTILINE)


def examples() -> list[Example]:
    result = []
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text()
        meta = {k: v.strip() for k, v in _HEADER.findall(text)}
        result.append(Example(path.stem, meta.get("title", path.stem), meta.get("group", "Other"),
                              meta.get("question", ""), text, _PARAM.findall(text)))
    return result
