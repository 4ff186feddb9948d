"""The web app over real HTTP: `yjkg serve` on loopback against a real embedded store."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from tests import payloads
from tests.conftest import SAMPLES
from tests.web_server import load, serving

PAGES = ["/", "/reports", "/reports/sqs-salford-2016-03-23", "/gaps", "/gaps/social-care-communication", "/network",
         "/query", "/query?query=SELECT+%3Fr+WHERE+%7B+%3Fr+a+yj%3AReport+%7D",
         "/entity?iri=https://w3id.org/yjkg/id/report/sqs-salford-2016-03-23/finding/3.2",
         "/entity?iri=https://w3id.org/yjkg/id/person/tom-okafor",
         "/entity?iri=https://w3id.org/yjkg/id/org/salford/childrens-social-care",
         "/entity?iri=https://w3id.org/yjkg/id/gap/social-care-communication"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, salford: Path) -> str:
    folder = tmp_path_factory.mktemp("web")
    location = str(folder / "store")
    result = load(location, SAMPLES, salford, payloads.write(folder))
    assert result.returncode == 0, result.stderr
    return location


@pytest.fixture(scope="module")
def server(store_dir: str) -> Iterator[str]:
    with serving(store_dir, "--max-rows", "500", "--query-timeout", "10") as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_only_local_resources(server: str, path: str) -> None:
    response = requests.get(server + path, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    for url in re.findall(r'(?:src|href)="([^"]+)"', response.text):
        assert not re.match(r"(https?:)?//", url), f"{path} links outside the app: {url}"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_also_json(server: str, path: str) -> None:
    response = requests.get(server + path, headers={"Accept": "application/json"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()


def test_report_page_content(server: str) -> None:
    data = requests.get(server + "/reports/sqs-salford-2016-03-23?format=json", timeout=30).json()
    assert [t["label"] for t in data["themes"]] == ["Reducing reoffending", "Protecting the public",
                                                   "Protecting the child or young person",
                                                   "Ensuring that the sentence is served"]
    assert sum(len(t["findings"]) for t in data["themes"]) == 17
    assert len(data["strengths"]) == 4 and len(data["recommendations"]) == 4
    copied = [p for p in data["posts"] if p["link"] == "yj:copiedTo"]
    assert len(copied) == 15 and sum(len(p["holders"]) for p in copied) == 23
    assert "Communication and information sharing with children's social care" in [g["label"] for g in data["gaps"]]


def test_gaps_rank_by_distinct_reports(server: str) -> None:
    gaps = requests.get(server + "/gaps.json", timeout=30).json()["gaps"]
    assert gaps[0]["slug"] == "social-care-communication"
    assert gaps[0]["reports"] == 5  # Salford, three fictional areas, and the payload report
    assert [g["reports"] for g in gaps] == sorted((g["reports"] for g in gaps), reverse=True)
    detail = requests.get(server + "/gaps/social-care-communication.json", timeout=30)
    assert detail.status_code == 404 or detail.ok
    detail = requests.get(server + "/gaps/social-care-communication?format=json", timeout=30).json()
    assert any(e["number"] == "3.2" and e["area"] == "Salford" for e in detail["evidence"])
    assert detail["agencies"][0]["type"] == "Children's social care"


def test_entity_statement_in_context(server: str) -> None:
    data = requests.get(server + "/entity", params={
        "iri": "https://w3id.org/yjkg/id/report/sqs-salford-2016-03-23/finding/3.2", "format": "json"}, timeout=30).json()
    assert data["kind"] == "finding"
    assert data["context"]["number"] == "3.2"
    assert data["context"]["text"].startswith("We saw some good and detailed work")
    labels = {p["label"] for p in data["properties"]}
    assert {"mentions", "gap", "polarity"} <= labels


@pytest.mark.parametrize("accept,media,fmt", [("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
                                              ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD)])
def test_entity_as_rdf(server: str, accept: str, media: str, fmt: ox.RdfFormat) -> None:
    iri = "https://w3id.org/yjkg/id/person/tom-okafor"
    response = requests.get(server + "/entity", params={"iri": iri}, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(media)
    triples = list(ox.parse(response.content, format=fmt))
    assert any(t.object == ox.Literal("Tom Okafor") for t in triples)


def test_unknown_entity_is_404(server: str) -> None:
    assert requests.get(server + "/entity", params={"iri": "urn:x:nothing"}, timeout=30).status_code == 404


def test_network_is_capped_and_says_so(server: str) -> None:
    data = requests.get(server + "/network.json", params={"max": 20, "kind": ["report", "agency", "person", "post"]},
                        timeout=30).json()
    assert data["shown"] == 20 and data["total"] > 20
    assert {n["kind"] for n in data["nodes"]} <= {"report", "agency", "person", "post"}
    html = requests.get(server + "/network", params={"max": 20}, timeout=30).text
    assert re.search(r"Showing 20 of \d+ nodes", html)


def test_network_ego_view(server: str) -> None:
    focus = "https://w3id.org/yjkg/id/person/tom-okafor"
    data = requests.get(server + "/network.json", params={"focus": focus, "hops": 1, "kind": ["post", "person"]},
                        timeout=30).json()
    ids = {n["id"] for n in data["nodes"]}
    assert focus in ids and len(ids) == 1 + 4  # his YJB Business Area Manager posts in four sample reports


def test_payloads_are_text_everywhere(server: str) -> None:
    pages = ["/reports/sqs-payload-2019-04-01", "/gaps/social-care-communication",
             "/network?max=1000&kind=post&kind=person&kind=report",
             "/entity?iri=https://w3id.org/yjkg/id/report/sqs-payload-2019-04-01/finding/3.1",
             "/query?query=SELECT+%3Fv+WHERE+%7B+%3Fs+rdf%3Avalue+%3Fv+%7D"]
    for path in pages:
        html = requests.get(server + path, timeout=30).text
        assert payloads.SCRIPT not in html and payloads.IMG not in html, path
        assert "__pwned" in html, path  # the payload is there, as text
    report = requests.get(server + "/reports/sqs-payload-2019-04-01", timeout=30).text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in report


def test_row_cap_is_reported_not_truncated(server: str) -> None:
    response = requests.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=30)
    assert response.status_code == 400
    assert "more than 500 rows" in response.text
    page = requests.get(server + "/query", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=30).text
    assert "more than 500 rows" in page


def test_upload_is_off_without_writes(server: str) -> None:
    assert requests.get(server + "/upload", timeout=30).status_code == 403


def test_serve_beside_load_sees_new_reports(tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    assert load(location, salford).returncode == 0
    with serving(location) as url:
        assert len(requests.get(url + "/reports.json", timeout=30).json()["reports"]) == 1
        result = load(location, SAMPLES / "northmoor-sqs-2016.md")  # the server holds the store read-only
        assert result.returncode == 0, result.stderr
        assert len(requests.get(url + "/reports.json", timeout=30).json()["reports"]) == 2


def test_upload_with_writes(tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    assert load(location, salford).returncode == 0
    with serving(location, "--allow-writes", "--max-upload-mb", "1") as url:
        refused = load(location, SAMPLES / "northmoor-sqs-2016.md")
        assert refused.returncode == 1 and "open for writing by another process" in refused.stderr
        with open(SAMPLES / "kestrel-vale-sqs-2017.pdf", "rb") as f:
            response = requests.post(url + "/upload", files={"file": ("kestrel-vale-sqs-2017.pdf", f)}, timeout=60)
        assert response.status_code == 200 and "Loaded kestrel-vale-sqs-2017.pdf" in response.text
        before = requests.get(url + "/reports.json", timeout=30).json()
        bad = requests.post(url + "/upload", files={"file": ("empty.md", b"")}, timeout=30)
        assert bad.status_code == 422 and "file is empty" in bad.text
        wrong = requests.post(url + "/upload", files={"file": ("sheet.xlsx", b"x")}, timeout=30)
        assert wrong.status_code == 400 and "not a report or RDF file" in wrong.text
        big = requests.post(url + "/upload", files={"file": ("big.md", b"x" * (2 * 1024 * 1024))}, timeout=30)
        assert big.status_code == 413 and "too large" in big.text
        assert requests.get(url + "/reports.json", timeout=30).json() == before
        assert len(before["reports"]) == 2


def test_memory_serving_refreshes_after_a_load(tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    assert load(location, salford).returncode == 0
    with serving(location, "--memory") as url:
        assert [r["key"] for r in requests.get(url + "/reports.json", timeout=30).json()["reports"]] == [
            "sqs-salford-2016-03-23"]
        assert load(location, SAMPLES / "fenwick-sqs-2018.html").returncode == 0
        keys = {r["key"] for r in requests.get(url + "/reports.json", timeout=60).json()["reports"]}
        assert keys == {"sqs-salford-2016-03-23", "sqs-fenwick-2018-03-06"}
        ask = requests.get(url + "/sparql", params={"query": "ASK { ?r <https://w3id.org/yjkg/ns#area> \"Fenwick\" }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=30).json()
        assert ask["boolean"] is True


def test_memory_cannot_go_with_writes(tmp_path: Path) -> None:
    import subprocess

    from tests.web_server import YJKG

    result = subprocess.run([str(YJKG), "serve", "--store", str(tmp_path / "s"), "--memory", "--allow-writes"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--memory" in result.stderr


@pytest.mark.parametrize("path", ["/network?report=x%3E%20%7D%20%7D", "/network?focus=not%20an%20iri",
                                  "/entity?iri=urn:x:a%3E%20%7B", "/entity?iri=plain"])
def test_malformed_iris_are_refused(server: str, path: str) -> None:
    response = requests.get(server + path, timeout=30)
    assert response.status_code == 400 and "IRI" in response.text
