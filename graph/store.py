"""The triple store: embedded Oxigraph on disk, or any SPARQL 1.1 endpoint.

Both stores speak the same small API. Writes are SPARQL Updates built in one place
(:meth:`Store.replace_graphs`), so a report's graph is replaced in one atomic request on
either store. SPARQL queries see the union of all graphs as their default graph (the embedded
store asks Oxigraph for that; a remote endpoint must be configured so, see the README).
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError, StoreError, StoreLocked
from graph.results import QueryResult
from ontology import FILES, GRAPH, graph_iri

_VERSION = "http://purl.org/dc/terms/hasVersion"
REPORT_GRAPHS = GRAPH + "report/"
FILE_GRAPHS = GRAPH + "file/"


def ontology_checksum() -> str:
    digest = hashlib.sha256()
    for path in FILES.values():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Store(ABC):
    """What every store offers: query, atomic graph replacement, listing, export."""

    location: str
    writable: bool

    @abstractmethod
    def query(self, sparql: str, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryResult:
        """Run a SPARQL query; the default graph is the union of all graphs unless given."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one atomic request."""

    @property
    def version(self) -> str | None:
        """A token that changes whenever the data may have changed; None when unknown (remote)."""
        return None

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release the store (flushes the embedded one)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writes

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Triple | ox.Quad]]) -> int:
        """Replace each named graph's content, all in one atomic update; return triples written."""
        if not self.writable:
            raise StoreError(f"store {self.location} is open read-only")
        parts: list[str] = []
        count = 0
        for name, statements in graphs.items():
            triples = [s.triple if isinstance(s, ox.Quad) else s for s in statements]
            count += len(triples)
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
            drop = f"DROP SILENT GRAPH <{name}> ;\n" if self.may_hold_graph(name) else ""
            parts.append(f"{drop}INSERT DATA {{ GRAPH <{name}> {{\n{body}}} }}")
        self.update(" ;\n".join(parts))
        return count

    def may_hold_graph(self, name: str) -> bool:
        """False only when the graph surely does not exist (lets a write skip its DROP)."""
        return True

    def drop_graph(self, name: str) -> bool:
        """Remove a named graph; False when there was none."""
        if name not in self.graph_names():
            return False
        self.update(f"DROP GRAPH <{name}>")
        return True

    def ensure_ontology(self) -> bool:
        """Load the ontology, vocabularies and gazetteer into their graphs when they changed."""
        checksum = ontology_checksum()
        marker = graph_iri("ontology")
        found = self.query(f'ASK {{ GRAPH <{marker}> {{ <{marker}> <{_VERSION}> "{checksum}" }} }}')
        if bool(found):
            return False
        graphs: dict[str, list[ox.Triple]] = {}
        for name, path in FILES.items():
            graphs[graph_iri(name)] = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        graphs[marker].append(ox.Triple(ox.NamedNode(marker), ox.NamedNode(_VERSION), ox.Literal(checksum)))
        self.replace_graphs(graphs)
        return True

    # ------------------------------------------------------------ reads

    def graph_names(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(row["g"].value for row in result)  # type: ignore[union-attr]

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of every named graph (and of the default graph, on stores that keep one)."""
        result = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in result:  # type: ignore[union-attr]
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def triple_count(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(result))["n"].value)  # type: ignore[arg-type]


class EmbeddedStore(Store):
    """pyoxigraph's RocksDB store in ``<path>/oxigraph``; one writer process at a time.

    A read-only store may be opened while a writer holds the directory (``yjkg serve`` next
    to ``yjkg load``); it sees the data as of its opening, and :meth:`refresh` reopens it
    when a writer has committed since (writers bump ``<path>/generation``).
    """

    def __init__(self, path: Path, read_only: bool = False, in_memory: bool = False) -> None:
        if in_memory and not read_only:
            raise StoreError("an in-memory copy of the store serves reads only")
        self.in_memory = in_memory
        self.path = Path(path)
        self.location = str(self.path)
        self.writable = not read_only
        self._db = self.path / "oxigraph"
        self._generation_file = self.path / "generation"
        self._pid_file = self.path / "writer.pid"
        if read_only:
            if not (self._db / "CURRENT").exists():
                raise StoreError(f"no store at {self.path}: load reports first (yjkg load PATH)")
            self._generation = self._read_generation()
            self._store = self._open_read_only()
            return
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create store directory {self.path}: {exc.strerror}") from exc
        try:
            self._store = ox.Store(str(self._db))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLocked(self._locked_message()) from exc
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self._pid_file.write_text(f"{os.getpid()}\n")
        self._generation = self._read_generation()
        self.ensure_ontology()

    def _open_read_only(self) -> ox.Store:
        try:
            disk = ox.Store.read_only(str(self._db))
        except OSError as exc:
            raise StoreError(f"cannot open store {self.path} read-only: {exc}") from exc
        if not self.in_memory:
            return disk
        # a copy in memory: queries run several times faster than on RocksDB
        dump = io.BytesIO()
        disk.dump(dump, format=ox.RdfFormat.N_QUADS)
        memory = ox.Store()
        memory.bulk_load(dump.getvalue(), format=ox.RdfFormat.N_QUADS)
        return memory

    def _locked_message(self) -> str:
        holder = ""
        with contextlib.suppress(OSError):
            holder = f" (process {self._pid_file.read_text().strip()})"
        return (f"store {self.path} is open for writing by another process{holder}, such as "
                f"'yjkg serve --allow-writes' or another 'yjkg load': stop it, or upload through the "
                f"web app, or use a SPARQL server as the store (--store URL)")

    def _read_generation(self) -> str:
        try:
            return self._generation_file.read_text()
        except OSError:
            return ""

    @property
    def version(self) -> str | None:
        return f"{self.path}:{self._generation}"

    def refresh(self) -> bool:
        """Reopen a read-only store if a writer committed since it was opened."""
        if self.writable:
            return False
        generation = self._read_generation()
        if generation == self._generation:
            return False
        self._store = self._open_read_only()
        self._generation = generation
        return True

    def query(self, sparql: str, default_graph: list[str] | None = None,
              named_graphs: list[str] | None = None) -> QueryResult:
        kwargs: dict[str, object] = {}
        if default_graph:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            try:
                result = self._store.query(sparql, **kwargs)
            except OSError:
                if self.writable:
                    raise
                # a writer beside this read-only store may have compacted away a file it had
                # open: reopen at the writer's current state and try once more
                self._store = self._open_read_only()
                result = self._store.query(sparql, **kwargs)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc
        if isinstance(result, ox.QueryTriples):
            return list(result)
        return result

    def update(self, sparql: str) -> None:
        if not self.writable:
            raise StoreError(f"store {self.path} is open read-only")
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL update syntax error: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"update failed: {exc}") from exc
        self._bump_generation()

    def _bump_generation(self) -> None:
        """Tell read-only openers of this directory that there is something new to see."""
        self._generation = f"{os.getpid()}-{os.urandom(4).hex()}\n"
        self._generation_file.write_text(self._generation)

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def may_hold_graph(self, name: str) -> bool:
        # this process is the only writer (RocksDB's lock), so the answer holds until our update
        return self._store.contains_named_graph(ox.NamedNode(name))

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def close(self) -> None:
        if self.writable and hasattr(self, "_store"):
            self._store.flush()
            with contextlib.suppress(OSError):
                self._pid_file.unlink()
        self.__dict__.pop("_store", None)


def open_store(location: str, read_only: bool = False, in_memory: bool = False) -> Store:
    """Open the store at a path (embedded) or a URL (a SPARQL 1.1 endpoint).

    ``in_memory`` serves reads from a copy of an embedded store held in memory (refreshed when a
    writer commits); it is ignored for a remote store.
    """
    if location.startswith(("http://", "https://")):
        from graph.remote import RemoteStore

        return RemoteStore(location, read_only=read_only)
    return EmbeddedStore(Path(location), read_only=read_only, in_memory=in_memory)
