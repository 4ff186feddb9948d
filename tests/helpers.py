"""Small query helpers for the tests."""
from __future__ import annotations

from graph.store import Store
from ontology import sparql_prefixes


def select(store: Store, body: str) -> list[dict[str, str]]:
    """Rows of a SELECT as {variable: lexical value}."""
    result = store.query(sparql_prefixes() + body)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]  # type: ignore[union-attr]


def scalar(store: Store, body: str) -> str:
    rows = select(store, body)
    assert len(rows) == 1, rows
    return next(iter(rows[0].values()))
