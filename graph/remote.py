"""A store behind SPARQL 1.1 Protocol endpoints (Oxigraph server, Fuseki, GraphDB, Virtuoso...)."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
import requests

from graph.errors import QueryError, StoreError
from graph.results import QueryResult
from graph.store import Store

_ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
           "application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5")
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
_RDF_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def endpoints(url: str) -> tuple[str, str]:
    """Query and update URLs from one URL.

    ``http://host:7878`` (an Oxigraph server) gives ``/query`` and ``/update``; a URL that ends
    in ``/query`` or ``/sparql`` is the query endpoint itself, its update endpoint being
    ``/update`` beside it or, for ``/sparql``, the same URL.
    """
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        query_path, update_path = path, path[: -len("query")] + "update"
    elif path.endswith("/sparql"):
        query_path = update_path = path
    else:
        query_path, update_path = path + "/query", path + "/update"
    rebuild = lambda p: urlunsplit((parts.scheme, parts.netloc, p, parts.query, ""))  # noqa: E731
    return rebuild(query_path), rebuild(update_path)


class RemoteStore(Store):
    def __init__(self, url: str, read_only: bool = False, timeout: float = 120.0) -> None:
        self.location = url
        self.writable = not read_only
        self.query_url, self.update_url = endpoints(url)
        self.timeout = timeout
        self._session = requests.Session()
        try:
            self.query("ASK { }")
        except StoreError as exc:
            raise StoreError(f"no SPARQL endpoint answers at {self.query_url}: {exc}") from exc
        if self.writable:
            self.ensure_ontology()

    def _post(self, url: str, data: dict[str, object], accept: str | None = None) -> requests.Response:
        headers = {"Accept": accept} if accept else {}
        try:
            response = self._session.post(url, data=data, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise StoreError(f"cannot reach {url}: {exc}") from exc
        if response.status_code >= 400:
            raise QueryError(f"{url} answered {response.status_code}: {response.text.strip()[:500]}")
        return response

    def query(self, sparql: str, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryResult:
        data: dict[str, object] = {"query": sparql}
        if default_graph:
            data["default-graph-uri"] = default_graph
        if named_graphs:
            data["named-graph-uri"] = named_graphs
        response = self._post(self.query_url, data, _ACCEPT)
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        try:
            if media in _RESULT_TYPES:
                return ox.parse_query_results(response.content, format=_RESULT_TYPES[media])
            if media in _RDF_TYPES:
                return [q.triple for q in ox.parse(response.content, format=_RDF_TYPES[media])]
        except SyntaxError as exc:
            raise QueryError(f"unreadable answer from {self.query_url}: {exc}") from exc
        raise QueryError(f"{self.query_url} answered with an unexpected media type {media!r}")

    def update(self, sparql: str) -> None:
        if not self.writable:
            raise StoreError(f"store {self.location} is open read-only")
        self._post(self.update_url, {"update": sparql})

    def close(self) -> None:
        self._session.close()
