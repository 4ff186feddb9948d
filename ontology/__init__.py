"""The yjkg ontology, vocabularies, gazetteer and shapes, and the IRIs everything shares."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent

NS = "https://w3id.org/yjkg/ns#"  # the yj: vocabulary
ID = "https://w3id.org/yjkg/id/"  # instances: reports, organisations, people, concepts
GRAPH = "https://w3id.org/yjkg/graph/"  # named graphs

# ontology files, each loaded into a named graph of its own
FILES: dict[str, Path] = {
    "ontology": HERE / "yjkg.ttl",
    "vocabularies": HERE / "vocabularies.ttl",
    "agencies": HERE / "agencies.ttl",
}
SHAPES = HERE / "shapes.ttl"

PREFIXES: dict[str, str] = {
    "yj": NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "theme": ID + "theme/",
    "gap": ID + "gap/",
    "agency": ID + "agency-type/",
    "pol": ID + "polarity/",
}


def graph_iri(name: str) -> str:
    """IRI of an ontology graph ('ontology', 'vocabularies', 'agencies') or of a report ('report/<slug>')."""
    return GRAPH + name


def slug(text: str) -> str:
    """A lower-case ASCII slug: "Children's Social Care" -> "childrens-social-care"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def with_prefixes(query: str) -> str:
    """The query with the project's prefixes declared, except those it declares itself."""
    declared = {p.lower() for p in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", query)}
    missing = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared)
    return missing + query


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")


def is_iri(text: str) -> bool:
    """True for an absolute IRI that can stand between < and > in SPARQL."""
    return bool(_IRI.match(text))
