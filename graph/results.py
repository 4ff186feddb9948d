"""Query results: one shape for both stores, serialised with pyoxigraph's own writers.

A SELECT gives :class:`pyoxigraph.QuerySolutions`, an ASK :class:`pyoxigraph.QueryBoolean`,
and a CONSTRUCT or DESCRIBE a list of :class:`pyoxigraph.Triple`, whichever store answered.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

QueryResult = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]

RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"nq", "trig"}
# for a CONSTRUCT asked for in a result-set format, the nearest RDF format
GRAPH_FOR_RESULT_FORMAT = {"json": "jsonld", "xml": "xml", "csv": "nt", "tsv": "nt"}


def is_graph(result: QueryResult) -> bool:
    return not isinstance(result, ox.QuerySolutions | ox.QueryBoolean)


def serialize(result: QueryResult, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Serialise a result: W3C result formats for SELECT/ASK, RDF formats for graphs."""
    if is_graph(result):
        fmt = GRAPH_FOR_RESULT_FORMAT.get(fmt, fmt)
        if fmt not in RDF_FORMATS:
            raise ValueError(f"unknown RDF format {fmt!r}")
        return serialize_rdf(result, fmt, prefixes)  # type: ignore[arg-type]
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown result format {fmt!r} (json, xml, csv, tsv)")
    return result.serialize(format=RESULT_FORMATS[fmt])  # type: ignore[union-attr]


def serialize_rdf(statements: Iterable[ox.Triple | ox.Quad], fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    kwargs = {"prefixes": prefixes} if prefixes and fmt in ("ttl", "trig") else {}
    return ox.serialize(statements, format=RDF_FORMATS[fmt], **kwargs)


def term_text(term: object) -> str:
    """A term as a person reads it: the IRI, or the literal's lexical form."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return f"<< {term_text(term.subject)} {term_text(term.predicate)} {term_text(term.object)} >>"
    return term.value  # type: ignore[attr-defined]


def table(result: QueryResult) -> tuple[list[str], list[list[object]]]:
    """Column names and rows of any result (a graph becomes subject/predicate/object)."""
    if isinstance(result, ox.QueryBoolean):
        return ["boolean"], [[ox.Literal(str(bool(result)).lower(),
                                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))]]
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [[solution[name] for name in names] for solution in result]
    return ["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in result]
