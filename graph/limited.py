"""Queries under a time limit and a row cap, for the web endpoint and pages.

A SELECT is serialised by pyoxigraph to SPARQL TSV (one line per solution, terms in full) while
its lines are counted, so a result over the cap stops early and says so; a result under the cap
is parsed back into solutions and written in any W3C format by pyoxigraph again.

pyoxigraph cannot cancel a running query, so a query past its time limit is answered with an
error while its thread runs on; at most ``max_running`` queries run at once, so runaway queries
cannot pile up (the next ones are refused as busy until a slot frees).
"""
from __future__ import annotations

import io
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import StoreError
from graph.results import QueryResult
from graph.store import Store


class QueryLimitError(StoreError):
    """A query ran past a limit (time, rows) or found every slot busy."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind  # "timeout", "rows" or "busy"


class _RowCounter(io.RawIOBase):
    def __init__(self, cap: int) -> None:
        self.buffer = bytearray()
        self.cap = cap
        self.lines = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.buffer += data
        self.lines += data.count(b"\n")  # count what is new, not the whole buffer again
        if self.lines > self.cap + 1:  # the header line and cap rows
            raise OverflowError
        return len(data)


@dataclass
class Limits:
    timeout: float = 30.0
    max_rows: int = 10000
    max_running: int = 4


class LimitedRunner:
    """Runs queries on a store under :class:`Limits`."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.max_running)

    def run(self, store: Store, sparql: str, default_graph: list[str] | None = None,
            named_graphs: list[str] | None = None) -> QueryResult:
        """The result, fully read: solutions (iterable once), a boolean, or a list of triples."""
        if not self._slots.acquire(blocking=False):
            raise QueryLimitError("the server is busy with other queries; try again shortly", "busy")
        future: Future[tuple[str, object]] = Future()

        def work() -> None:
            try:
                future.set_result(self._execute(store, sparql, default_graph, named_graphs))
            except BaseException as exc:  # handed to the waiting request
                future.set_exception(exc)
            finally:
                self._slots.release()

        # a daemon thread: a query past its limit must not keep the server from stopping
        threading.Thread(target=work, name="yjkg-query", daemon=True).start()
        try:
            kind, payload = future.result(timeout=self.limits.timeout)
        except FutureTimeout as exc:
            raise QueryLimitError(f"the query ran past the time limit of {self.limits.timeout:g} s; "
                                  "narrow it or add a LIMIT", "timeout") from exc
        # pyoxigraph's result objects belong to the thread that made them: rebuild them here
        if kind == "tsv":
            return ox.parse_query_results(payload, format=ox.QueryResultsFormat.TSV)
        if kind == "boolean":
            return ox.parse_query_results(b'{"head":{},"boolean":%s}' % (b"true" if payload else b"false"),
                                          format=ox.QueryResultsFormat.JSON)
        return list(ox.parse(payload, format=ox.RdfFormat.N_TRIPLES))  # type: ignore[arg-type]

    def _execute(self, store: Store, sparql: str, default_graph: list[str] | None,
                 named_graphs: list[str] | None) -> tuple[str, object]:
        result = store.query(sparql, default_graph=default_graph, named_graphs=named_graphs)
        cap = self.limits.max_rows
        if isinstance(result, ox.QuerySolutions):
            counter = _RowCounter(cap)
            try:
                result.serialize(counter, format=ox.QueryResultsFormat.TSV)
            except OverflowError:
                raise QueryLimitError(f"the query returns more than {cap:,} rows, the cap of this server; "
                                      "add a LIMIT or narrow it", "rows") from None
            return "tsv", bytes(counter.buffer)
        if isinstance(result, ox.QueryBoolean):
            return "boolean", bool(result)
        if len(result) > cap:
            raise QueryLimitError(f"the query returns more than {cap:,} triples, the cap of this server; "
                                  "narrow it", "rows")
        return "triples", ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)
