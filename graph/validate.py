"""SHACL validation of report graphs against ontology/shapes.ttl, with pyshacl."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate

from ontology import FILES, SHAPES


@dataclass
class Validation:
    conforms: bool
    violations: int
    text: str  # pyshacl's readable report


@lru_cache(maxsize=1)
def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _ontology_ntriples() -> bytes:
    return b"".join(ox.serialize(ox.parse(path=str(p), format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
                    for p in FILES.values())


def validate(statements: Iterable[ox.Triple | ox.Quad], with_ontology: bool = True) -> Validation:
    """Validate triples (graph names are ignored: the data graph is their union).

    The ontology, vocabularies and gazetteer join the data graph so that class and concept
    constraints (``sh:class``) can be checked.
    """
    triples = (s.triple if isinstance(s, ox.Quad) else s for s in statements)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if with_ontology:
        data += _ontology_ntriples()
    graph = rdflib.Graph().parse(data=data, format="nt")
    conforms, results, text = shacl_validate(graph, shacl_graph=_shapes(), inference="none",
                                             allow_warnings=True)
    violations = sum(1 for _ in results.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")))
    return Validation(bool(conforms), violations, str(text))
