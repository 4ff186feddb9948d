"""Store behaviour, the same on the embedded store and a real Oxigraph server."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import catalog
from graph.errors import QueryError, StoreError
from graph.ingest import load_file
from graph.results import serialize, table
from graph.store import Store
from ontology import GRAPH
from tests.conftest import SAMPLES
from tests.helpers import scalar


def _count(store: Store) -> int:
    return store.triple_count()


def test_ontology_loaded_once_into_its_own_graphs(store: Store) -> None:
    names = store.graph_names()
    assert {GRAPH + "ontology", GRAPH + "vocabularies", GRAPH + "agencies"} <= set(names)
    before = _count(store)
    assert store.ensure_ontology() is False
    assert _count(store) == before


def test_default_graph_is_the_union(store: Store, salford: Path) -> None:
    assert load_file(store, salford).ok
    # report triples (yj:gap) and vocabulary triples (skos:prefLabel) meet in one query without GRAPH
    n = scalar(store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f yj:gap ?g . ?g skos:prefLabel ?l }")
    assert n == "4"  # summary, 1.3, 3.2 and the fourth area requiring improvement


def test_reload_replaces_the_graph(store: Store, salford: Path, tmp_path: Path) -> None:
    assert load_file(store, salford).ok
    first = _count(store)
    assert load_file(store, salford).ok
    assert _count(store) == first
    copy = tmp_path / "another-name.md"
    shutil.copy(salford, copy)
    outcome = load_file(store, copy)
    assert outcome.ok
    assert len(catalog.reports(store)) == 1  # the same report under another file name is not a second report
    assert scalar(store, "SELECT ?s WHERE { ?r a yj:Report ; dcterms:source ?s }") == "another-name.md"


def test_failed_load_leaves_the_store_as_it_was(store: Store, salford: Path, tmp_path: Path) -> None:
    assert load_file(store, salford).ok
    before = sorted(str(q) for q in store.quads())
    bad = tmp_path / "salford-sqs-2016.md"
    bad.write_bytes(b"\x00\x01binary\x00" * 50)
    outcome = load_file(store, bad)
    assert not outcome.ok and "binary" in outcome.error
    corrupt = tmp_path / "bad.ttl"
    corrupt.write_text("<a> <b> .\n")
    assert not load_file(store, corrupt).ok
    assert sorted(str(q) for q in store.quads()) == before


def test_remove_report(store: Store, salford: Path) -> None:
    assert load_file(store, salford).ok
    assert load_file(store, SAMPLES / "northmoor-sqs-2016.md").ok
    row = catalog.resolve_report(store, "salford-sqs-2016.md")
    assert store.drop_graph(row.graph)
    assert [r.key for r in catalog.reports(store)] == ["sqs-northmoor-2016-06-14"]
    assert store.drop_graph(row.graph) is False
    with pytest.raises(StoreError):
        catalog.resolve_report(store, "salford")


def test_rdf_files_load_as_they_are(store: Store, tmp_path: Path) -> None:
    ttl = tmp_path / "extra.ttl"
    ttl.write_text('<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    trig = tmp_path / "extra.trig"
    trig.write_text('<urn:g:1> { <urn:x:b> <urn:x:p> "B" . }\n<urn:g:2> { <urn:x:c> <urn:x:p> "C" . }\n')
    assert load_file(store, ttl).graphs == [GRAPH + "file/extra-ttl"]
    assert load_file(store, trig).graphs == ["urn:g:1", "urn:g:2"]
    assert scalar(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:x:p> ?o }") == "2"


def test_query_result_shapes_and_formats(store: Store, salford: Path) -> None:
    assert load_file(store, salford).ok
    select = store.query("SELECT ?r WHERE { ?r a <https://w3id.org/yjkg/ns#Report> }")
    assert b"sqs-salford-2016-03-23" in serialize(select, "json")
    ask = store.query("ASK { ?r a <https://w3id.org/yjkg/ns#Report> }")
    assert bool(ask) is True
    construct = store.query("CONSTRUCT { ?r a ?t } WHERE { ?r a ?t . FILTER(?t = <https://w3id.org/yjkg/ns#Report>) }")
    names, rows = table(construct)
    assert names == ["subject", "predicate", "object"] and len(rows) == 1
    assert isinstance(rows[0][0], ox.NamedNode)
    for fmt in ("ttl", "nt", "jsonld"):
        assert serialize(construct, fmt)


def test_bad_query_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {")


def test_read_only_store_refuses_writes(store: Store, tmp_path: Path) -> None:
    from graph.store import open_store

    store.close()
    reader = open_store(store.location, read_only=True)
    try:
        with pytest.raises(StoreError):
            reader.replace_graphs({"urn:g": []})
    finally:
        reader.close()
