"""Web benchmark: endpoint latency against in-process pyoxigraph, and the network page.

    python -m bench.web [--reports 1250] [--repeat 5]

Builds a store of about one million report-shaped triples (generated fictional reports,
bulk-loaded), serves it with ``yjkg serve`` on loopback, and times four representative
queries through the SPARQL endpoint (HTTP, JSON results) against the same queries on
pyoxigraph's in-memory store in this process, serialised to JSON too, best of ``--repeat``.
Then it times the network page for about 2,000 nodes: server-side (view, pyvis data, page)
and, when Chromium is installed, until vis-network has stabilised in the browser.
"""
from __future__ import annotations

import argparse
import http.client
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox

from bench.generate import generate
from graph.network import Filters, clear_cache, pyvis_data, view
from graph.store import EmbeddedStore
from loaders import load_report
from ontology import sparql_prefixes
from tests.conftest import free_port, wait_for_http

QUERIES = {
    "per-theme counts": """SELECT ?theme (COUNT(?f) AS ?n) WHERE { ?f a yj:Finding ; dcterms:subject ?theme }
                           GROUP BY ?theme""",
    "agency co-mention pairs": """SELECT ?a ?b (COUNT(*) AS ?n) WHERE { ?s yj:mentions ?a , ?b . FILTER(STR(?a) < STR(?b)) }
                                  GROUP BY ?a ?b ORDER BY DESC(?n) LIMIT 50""",
    "text filter": """SELECT ?s ?text WHERE { ?s rdf:value ?text . FILTER(CONTAINS(LCASE(?text), "camhs")) } LIMIT 500""",
    "entity neighbourhood": """SELECT ?p ?o ?s2 ?p2 WHERE { { <https://w3id.org/yjkg/id/person/tom-okafor> ?p ?o }
                               UNION { ?s2 ?p2 <https://w3id.org/yjkg/id/person/tom-okafor> } }""",
}


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def best_pair(first, second, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best times of two functions run in alternation."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, bucket in ((first, times[0]), (second, times[1])):
            started = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - started)
    return min(times[0]), min(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1250)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        quads = [q for p in generate(root / "corpus", args.reports) for q in load_report(p).quads]
        dump = root / "corpus.nq"
        dump.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        EmbeddedStore(root / "store").close()  # creates it with the ontology graphs
        disk = ox.Store(str(root / "store" / "oxigraph"))
        disk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        disk.flush()
        del disk
        memory = ox.Store()
        memory.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        triples = len(memory)
        print(f"corpus: {args.reports} reports, {triples:,} triples, built in {time.perf_counter() - started:.0f} s")

        rows: dict[str, dict[str, float]] = {name: {"in-process": float("inf")} for name in QUERIES}
        kinds = ("report", "yos", "agency", "gap", "recommendation")
        page_url = "/network?max=2000&" + "&".join(f"kind={k}" for k in kinds)
        pages: dict[str, float] = {}
        for mode, flags in (("disk", []), ("memory", ["--memory"])):
            with _server(root / "store", flags) as url:
                # a lean keep-alive client, so that the timings are the server's rather than the client library's
                client = http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=300)
                for name, body in QUERIES.items():
                    query = sparql_prefixes() + body
                    path = "/sparql?" + urlencode({"query": query})
                    # alternate the two, so that a slow spell of this shared machine hits both alike
                    local, remote = best_pair(
                        lambda q=query: memory.query(q, use_default_graph_as_union=True).serialize(
                            format=ox.QueryResultsFormat.JSON),
                        lambda p=path, c=client: _get(c, p, "application/sparql-results+json"), args.repeat)
                    rows[name][mode] = remote
                    rows[name]["in-process"] = min(rows[name]["in-process"], local)
                pages[mode] = best(lambda c=client: _get(c, page_url, "text/html"), args.repeat)
                client.close()
                if mode == "memory":
                    _browser(url + page_url)
        print(f"{'query':26} {'in-process':>11} {'endpoint':>10} {'ratio':>6} {'--memory':>10} {'ratio':>6}")
        for name, t in rows.items():
            base = t["in-process"]
            print(f"{name:26} {base * 1000:9.1f}ms {t['disk'] * 1000:8.1f}ms {t['disk'] / base:5.2f}x "
                  f"{t['memory'] * 1000:8.1f}ms {t['memory'] / base:5.2f}x")

        store = EmbeddedStore(root / "store", read_only=True, in_memory=True)
        filters = Filters(kinds=kinds, max_nodes=2000)
        network = view(store, filters)
        graph_only = best(lambda: pyvis_data(_sized(network)), args.repeat)
        first = best(lambda: (clear_cache(), pyvis_data(view(store, filters))), args.repeat)
        again = best(lambda: pyvis_data(view(store, filters)), args.repeat)
        print(f"network: {network.shown_nodes} nodes and {network.graph.number_of_edges()} edges shown of "
              f"{network.total_nodes} nodes ({', '.join(kinds)})")
        print(f"  from a networkx graph of that size to vis-network data (centrality, pyvis): {graph_only * 1000:.0f} ms")
        print(f"  with its SPARQL on the in-memory store: {first * 1000:.0f} ms first view, "
              f"{again * 1000:.0f} ms again (edge rows kept until the data changes)")
        print(f"  whole page over HTTP, best of repeated loads: {pages['disk'] * 1000:.0f} ms on disk, "
              f"{pages['memory'] * 1000:.0f} ms with --memory")


def _get(client: http.client.HTTPConnection, path: str, accept: str) -> bytes:
    client.request("GET", path, headers={"Accept": accept})
    response = client.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"{path[:80]} answered {response.status}: {body[:200]!r}")
    return body


def _sized(network):  # type: ignore[no-untyped-def]
    """The same view again, from its networkx graph: the part of the page that is not SPARQL."""
    import networkx as nx

    from graph.network import NetworkView

    g = network.graph.copy()
    for node, value in nx.degree_centrality(g).items():
        g.nodes[node]["centrality"] = value
    return NetworkView(g, network.total_nodes, g.number_of_nodes(), network.filters)


@contextmanager
def _server(store: Path, flags: list[str]) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).parent / "yjkg"), "serve", "--store", str(store),
                               "--port", str(port), "--max-rows", "1000000", "--query-timeout", "300", *flags],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/sparql?query=ASK%7B%7D", timeout=600)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _browser(page_url: str) -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        print("browser: chromium not installed, skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                  "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            page.goto(page_url, timeout=120000)
            page.wait_for_selector("#network[data-stable=true]", timeout=120000)
            timings.append(time.perf_counter() - started)
        browser.close()
    print(f"browser (--memory): navigation to a stable network picture, best of 3: {min(timings):.2f} s")


if __name__ == "__main__":
    main()
