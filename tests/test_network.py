"""The network view: filters, capping, centrality sizes, and the server-side layout of large graphs."""
from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pytest

from graph.ingest import load_file
from graph.network import PHYSICS_LIMIT, Filters, NetworkView, positions, pyvis_data, view
from graph.store import Store
from tests.conftest import SAMPLES


@pytest.fixture
def loaded(tmp_path: Path, salford: Path) -> Store:
    from graph.store import open_store

    store = open_store(str(tmp_path / "store"))
    for path in [salford, *SAMPLES.iterdir()]:
        assert load_file(store, path, shacl=False).ok
    return store


def test_filters_by_kind_area_and_gap(loaded: Store) -> None:
    everything = view(loaded, Filters())
    assert {d["kind"] for _, d in everything.graph.nodes(data=True)} == {"report", "yos", "agency", "gap",
                                                                        "recommendation", "finding"}
    salford = view(loaded, Filters(area="Salford"))
    reports = [n for n, d in salford.graph.nodes(data=True) if d["kind"] == "report"]
    assert reports == ["https://w3id.org/yjkg/id/report/sqs-salford-2016-03-23"]
    gap = "https://w3id.org/yjkg/id/gap/health-camhs-access"
    only_gap = view(loaded, Filters(gap=gap))
    assert {n for n, d in only_gap.graph.nodes(data=True) if d["kind"] == "gap"} == {gap}


def test_cap_keeps_the_focus_and_reports_the_total(loaded: Store) -> None:
    kinds = ("report", "yos", "agency", "post", "person", "finding", "recommendation", "strength", "gap")
    focus = "https://w3id.org/yjkg/id/person/tom-okafor"
    capped = view(loaded, Filters(kinds=kinds, max_nodes=20))
    assert capped.shown_nodes == 20 < capped.total_nodes and focus not in capped.graph
    capped = view(loaded, Filters(kinds=kinds, max_nodes=20, focus="https://w3id.org/yjkg/id/org/youth-justice-board",
                                  hops=2))
    assert capped.shown_nodes == 20 < capped.total_nodes
    assert "https://w3id.org/yjkg/id/org/youth-justice-board" in capped.graph


def test_sizes_follow_degree_centrality(loaded: Store) -> None:
    data = pyvis_data(view(loaded, Filters()))
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    hub = max(sizes, key=sizes.get)  # type: ignore[arg-type]
    assert data["nodes"] and data["legend"]
    assert hub.endswith("/gap/social-care-communication") or "/org/" in hub or "/report/" in hub
    assert data["options"]["physics"]["solver"] == "barnesHut"  # small: the browser lays it out


def test_large_networks_come_with_positions_and_no_physics() -> None:
    g = nx.barabasi_albert_graph(PHYSICS_LIMIT + 100, 2, seed=1)
    g = nx.relabel_nodes(g, {n: f"urn:x:{n}" for n in g})
    centrality = nx.degree_centrality(g)
    for node in g:
        g.nodes[node].update(kind="agency", label=node, centrality=centrality[node])
    placed = positions(g)
    assert set(placed) == set(g)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in placed.values())
    assert len(set(placed.values())) == len(placed)  # no two nodes on the same spot
    data = pyvis_data(NetworkView(g, g.number_of_nodes(), g.number_of_nodes(), Filters()))
    assert data["options"]["physics"] == {"enabled": False}
    assert all("x" in n and "y" in n for n in data["nodes"])


def test_kept_edges_are_dropped_when_the_data_changes(tmp_path: Path, salford: Path) -> None:
    from graph.store import open_store

    store = open_store(str(tmp_path / "store"))
    assert load_file(store, salford, shacl=False).ok
    before = {n for n, d in view(store, Filters()).graph.nodes(data=True) if d["kind"] == "report"}
    assert load_file(store, SAMPLES / "northmoor-sqs-2016.md", shacl=False).ok
    after = {n for n, d in view(store, Filters()).graph.nodes(data=True) if d["kind"] == "report"}
    assert after - before == {"https://w3id.org/yjkg/id/report/sqs-northmoor-2016-06-14"}
    store.close()
