"""The W3C SPARQL 1.1 Protocol tests (../shared/conformance/sparql11-protocol) against /sparql.

Every query test must pass. The endpoint is read-only, so every update test must be refused
with a 4xx instead of getting the status its manifest expects from an update endpoint.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import requests
from rdflib.collection import Collection

from graph.store import open_store
from tests.conftest import SHARED
from tests.web_server import serving

SUITE = SHARED / "conformance" / "sparql11-protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = rdflib.Namespace("http://www.w3.org/2011/http-statusCodes#")


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    expected_status: set[str]
    expected_format: str | None
    expected_boolean: bool | None


@dataclass
class ProtocolTest:
    name: str
    title: str
    requests: list[Request] = field(default_factory=list)

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def _tests() -> list[ProtocolTest]:
    g = rdflib.Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE.as_uri() + "/manifest.ttl")
    tests = []
    for test in g.subjects(rdflib.RDF.type, MF.ProtocolTest):
        item = ProtocolTest(str(test).rsplit("#", 1)[-1], str(g.value(test, MF.name)))
        action = g.value(test, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            header_list = g.value(req, HT.headers)
            for header in Collection(g, header_list) if header_list else []:
                headers[str(g.value(header, HT.fieldName))] = str(g.value(header, HT.fieldValue))
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding)
            resp = g.value(req, HT.resp)
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            item.requests.append(Request(
                str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)), headers, body,
                {str(s).rsplit("#", 1)[-1] for s in g.objects(resp, MF.expectedStatus)},
                str(fmt) if fmt is not None else None, boolean.toPython() if boolean is not None else None))
        tests.append(item)
    return sorted(tests, key=lambda t: t.name)


TESTS = _tests() if SUITE.exists() else []


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store holding the suite's data graphs under the names the manifest gives them."""
    location = str(tmp_path_factory.mktemp("protocol") / "store")
    store = open_store(location)
    for n in (1, 2, 3):
        triples = [q.triple for q in ox.parse(path=str(SUITE / f"data{n}.nt"), format=ox.RdfFormat.N_TRIPLES)]
        store.replace_graphs({f"http://kasei.us/2009/09/sparql/data/data{n}.rdf": triples})
    store.close()
    with serving(location) as url:
        yield url


def test_the_suite_is_there() -> None:
    assert len(TESTS) == 34
    assert sum(1 for t in TESTS if not t.is_update) == 20


def _send(base: str, req: Request) -> requests.Response:
    path = req.path.replace("/sparql/", "/sparql", 1)
    return requests.request(req.method, base + path, headers=req.headers, data=req.body, timeout=30,
                            allow_redirects=False)


def _check_body(response: requests.Response, req: Request) -> None:
    media = response.headers.get("Content-Type", "").split(";")[0]
    if req.expected_format == "boolean":
        if media == "application/sparql-results+json":
            value = json.loads(response.content)["boolean"]
        else:
            assert media == "application/sparql-results+xml", media
            value = bool(ox.parse_query_results(response.content, format=ox.QueryResultsFormat.XML))
        assert isinstance(value, bool)
        if req.expected_boolean is not None:  # query_content_type_ask checks the format only
            assert value is req.expected_boolean
    elif req.expected_format == "tabular":
        formats = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                   "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                   "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV}
        assert media in formats, media
        rows = list(ox.parse_query_results(response.content, format=formats[media]))
        assert len(rows) == 1
    elif req.expected_format == "RDF":
        formats = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
                   "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}
        assert media in formats, media
        list(ox.parse(response.content, format=formats[media], base_iri="http://www.example/sparql"))


@pytest.mark.parametrize("test", [t for t in TESTS if not t.is_update], ids=lambda t: t.name)
def test_query(endpoint: str, test: ProtocolTest) -> None:
    for req in test.requests:
        response = _send(endpoint, req)
        family = f"StatusCode{str(response.status_code)[0]}xx"
        assert family in req.expected_status, f"{test.title}: {response.status_code} {response.text[:200]}"
        if response.ok:
            _check_body(response, req)


@pytest.mark.parametrize("test", [t for t in TESTS if t.is_update], ids=lambda t: t.name)
def test_update_is_refused(endpoint: str, test: ProtocolTest) -> None:
    # the first request of an update test is the update itself (later ones query its effect)
    response = _send(endpoint, test.requests[0])
    assert 400 <= response.status_code < 500, f"{test.title}: {response.status_code}"
    if test.name.startswith("update_"):  # a well-formed update: refused because the endpoint is read-only
        assert response.status_code == 403 and "read-only" in response.text


def test_federated_query_is_refused(endpoint: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    response = requests.get(endpoint + "/sparql", params={"query": query}, timeout=30)
    assert response.status_code == 403 and "SERVICE" in response.text


def test_load_is_refused_even_as_a_query_parameter(endpoint: str) -> None:
    response = requests.get(endpoint + "/sparql", params={"query": "LOAD <http://example.org/data.ttl>"}, timeout=30)
    assert response.status_code == 403 and "read-only" in response.text


@pytest.mark.parametrize("accept,media", [("application/sparql-results+xml", "application/sparql-results+xml"),
                                          ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values"),
                                          ("application/sparql-results+json", "application/sparql-results+json")])
def test_result_formats_by_accept(endpoint: str, accept: str, media: str) -> None:
    response = requests.get(endpoint + "/sparql", params={"query": "SELECT (1 AS ?one) {}"},
                            headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(media)


def test_unacceptable_media_type(endpoint: str) -> None:
    response = requests.get(endpoint + "/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}, timeout=30)
    assert response.status_code == 406


def test_suite_path() -> None:
    assert Path(SUITE / "manifest.ttl").exists()
