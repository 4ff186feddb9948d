"""The partnership network as a networkx graph built from SPARQL, and its pyvis drawing data."""
from __future__ import annotations

import json
import math
from collections import OrderedDict
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox
from pyvis.network import Network

from graph.store import Store
from ontology import sparql_prefixes

KIND_COLOURS = {
    "report": "#4e79a7", "yos": "#f28e2b", "agency": "#59a14f", "post": "#b6992d", "person": "#e15759",
    "finding": "#76b7b2", "recommendation": "#ff9da7", "strength": "#8cd17d", "gap": "#b07aa1",
}
KIND_LABELS = {"report": "Report", "yos": "Youth Offending Service", "agency": "Agency", "post": "Post",
               "person": "Person", "finding": "Finding", "recommendation": "Recommendation",
               "strength": "Strength", "gap": "Partnership gap"}
DEFAULT_KINDS = ("report", "yos", "agency", "gap", "recommendation", "finding")

@dataclass
class Filters:
    kinds: tuple[str, ...] = DEFAULT_KINDS
    report: str = ""
    area: str = ""
    theme: str = ""
    gap: str = ""
    agency_type: str = ""
    focus: str = ""  # an entity IRI: show its neighbourhood only
    hops: int = 1
    max_nodes: int = 300


# Edge patterns, one per pair of node kinds: each binds ?a ?al ?b ?bl ?report (and ?theme,
# ?atype where they apply). Only the branches whose two kinds are shown are queried.
# (matching on yj:agencyType is several times faster here than on the organisation's class)
_AGENCY = ("?b yj:agencyType ?atype ; rdfs:label ?bl . "
           "FILTER(?atype != <https://w3id.org/yjkg/id/agency-type/youth-offending-service>)")
_YOS = "?b yj:agencyType <https://w3id.org/yjkg/id/agency-type/youth-offending-service> ; rdfs:label ?bl ."
_STATEMENT = "?a dcterms:isPartOf ?report ; a {cls} ; rdfs:label ?al . OPTIONAL {{ ?a dcterms:subject ?theme }}"
_BRANCHES: list[tuple[str, str, str, str]] = [
    ("report", "yos", "inspects", "?a a yj:Report ; rdfs:label ?al ; yj:inspects ?b . ?b rdfs:label ?bl . BIND(?a AS ?report)"),
    ("report", "post", "copied to",
     "?a a yj:Report ; rdfs:label ?al ; yj:copiedTo|yj:addressee|yj:author ?b . ?b rdfs:label ?bl . BIND(?a AS ?report)"),
    ("post", "yos", "post in", "?a a org:Post ; rdfs:label ?al ; org:postIn ?b ; dcterms:isPartOf ?report . " + _YOS),
    ("post", "agency", "post in", "?a a org:Post ; rdfs:label ?al ; org:postIn ?b ; dcterms:isPartOf ?report . " + _AGENCY),
    ("post", "person", "held by",
     "?a a org:Post ; rdfs:label ?al ; org:heldBy ?b ; dcterms:isPartOf ?report . ?b foaf:name ?bl ."),
]
for _kind, _cls in (("finding", "yj:Finding"), ("recommendation", "yj:Recommendation"), ("strength", "yj:Strength")):
    _BRANCHES += [
        (_kind, "report", "part of", _STATEMENT.format(cls=_cls) + " ?report rdfs:label ?bl . BIND(?report AS ?b)"),
        (_kind, "yos", "mentions", _STATEMENT.format(cls=_cls) + " ?a yj:mentions ?b . " + _YOS),
        (_kind, "agency", "mentions", _STATEMENT.format(cls=_cls) + " ?a yj:mentions ?b . " + _AGENCY),
        (_kind, "gap", "evidences", _STATEMENT.format(cls=_cls) + " ?a yj:gap ?b . ?b skos:prefLabel ?bl ."),
    ]


def edges_query(filters: Filters) -> str:
    """One SPARQL query for the edges between the kinds shown, with the report filters inside."""
    kinds = set(filters.kinds)
    scope = ""
    if filters.report:
        scope += f"VALUES ?report {{ <{filters.report}> }} "
    if filters.area:
        scope += f"?report yj:area {ox.Literal(filters.area)} . "
    parts = [f"{{ {pattern} {scope}BIND({ox.Literal(a)} AS ?ak) BIND({ox.Literal(b)} AS ?bk) BIND({ox.Literal(rel)} AS ?rel) }}"
             for a, b, rel, pattern in _BRANCHES if a in kinds and b in kinds]
    if not parts:
        return ""
    return sparql_prefixes() + "SELECT ?a ?ak ?al ?b ?bk ?bl ?rel ?theme ?atype WHERE {\n" + "\nUNION\n".join(parts) + "\n}"


@dataclass
class NetworkView:
    graph: nx.Graph
    total_nodes: int
    shown_nodes: int
    filters: Filters
    notes: list[str] = field(default_factory=list)


_ROWS: OrderedDict[tuple[object, ...], list[tuple[str, ...]]] = OrderedDict()


def _edge_rows(store: Store, filters: Filters) -> list[tuple[str, ...]]:
    """The edge query's rows as strings, kept until the store's data changes (where it can tell),
    so that changing the theme, gap, focus or size of a view does not query again."""
    query = edges_query(filters)
    if not query:
        return []
    key = (store.version, query)
    if store.version is not None and key in _ROWS:
        _ROWS.move_to_end(key)
        return _ROWS[key]
    # the SELECT's variables in order: ?a ?ak ?al ?b ?bk ?bl ?rel ?theme ?atype
    rows = [tuple(t.value if t is not None else "" for t in row) for row in store.query(query)]  # type: ignore[union-attr]
    if store.version is not None:
        _ROWS[key] = rows
        while len(_ROWS) > 8:
            _ROWS.popitem(last=False)
    return rows


def clear_cache() -> None:
    """Forget the kept edge rows (for benchmarks that time a first view)."""
    _ROWS.clear()


def build_graph(store: Store, filters: Filters) -> nx.Graph:
    """The filtered network, every node with its kind and label."""
    g = nx.Graph()
    for a, ak, al, b, bk, bl, rel, theme, agency_type in _edge_rows(store, filters):
        if filters.theme and ak in ("finding", "recommendation", "strength") and theme != filters.theme:
            continue
        if filters.gap and bk == "gap" and b != filters.gap:
            continue
        if filters.agency_type and bk == "agency" and agency_type != filters.agency_type:
            continue
        if a == b:
            continue
        if a not in g:  # set a node's attributes once, not once per edge
            g.add_node(a, kind=ak, label=al)
        if b not in g:
            g.add_node(b, kind=bk, label=bl)
        g.add_edge(a, b, rel=rel)
    return g


def view(store: Store, filters: Filters) -> NetworkView:
    """The graph to draw: filtered, focused, capped to the most central nodes, sized by centrality."""
    g = build_graph(store, filters)
    notes = []
    if filters.focus:
        if filters.focus in g:
            g = nx.ego_graph(g, filters.focus, radius=max(1, min(2, filters.hops)))
        else:
            notes.append("the focus entity is not in this network (check the node kinds and filters)")
            g = nx.Graph()
    total = g.number_of_nodes()
    centrality = nx.degree_centrality(g) if total > 1 else {n: 1.0 for n in g}
    if total > filters.max_nodes:
        g = _induced(g, _most_central(g, centrality, filters.max_nodes, filters.focus))
    for node, data in g.nodes(data=True):
        data["centrality"] = centrality.get(node, 0.0)
    return NetworkView(g, total, g.number_of_nodes(), filters, notes)


def _induced(g: nx.Graph, keep: list[str]) -> nx.Graph:
    """The subgraph on ``keep``, built directly (a subgraph view's copy is several times slower)."""
    kept = set(keep)
    h = nx.Graph()
    h.add_nodes_from((n, g.nodes[n]) for n in keep)
    h.add_edges_from((u, v, d) for u, v, d in g.edges(keep, data=True) if v in kept)
    return h


def _most_central(g: nx.Graph, centrality: dict[str, float], limit: int, focus: str = "") -> list[str]:
    """Up to ``limit`` nodes: the most central ones, each followed by a few of its most central
    neighbours, so that the picture keeps hubs together with some of what connects to them."""
    rank = sorted(g, key=lambda n: (-centrality[n], n))
    per_hub = max(5, limit // 20)
    keep: dict[str, None] = {focus: None} if focus in g else {}
    for hub in rank:
        if len(keep) >= limit:
            break
        keep[hub] = None
        neighbours = sorted(g[hub], key=lambda n: (-centrality[n], n))[:per_hub]
        for neighbour in neighbours[: limit - len(keep)]:
            keep[neighbour] = None
    return list(keep)


PHYSICS_LIMIT = 400  # above this many nodes the server places them and the browser runs no physics


def positions(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """A quick deterministic layout: hubs on a golden-angle spiral, every other node in a ring
    around its most central neighbour. Linear in nodes and edges, so a large network appears at
    once instead of after thousands of physics steps in the browser."""
    rank = sorted(g, key=lambda n: (-g.nodes[n].get("centrality", 0.0), n))
    anchor: dict[str, str] = {}
    hubs: list[str] = []
    for node in rank:
        if node in anchor:
            continue
        anchor[node] = node
        hubs.append(node)
        for neighbour in g[node]:
            anchor.setdefault(neighbour, node)
    members: dict[str, list[str]] = {hub: [] for hub in hubs}
    for node in rank:
        if anchor[node] != node:
            members[anchor[node]].append(node)
    placed: dict[str, tuple[float, float]] = {}
    golden = math.pi * (3 - math.sqrt(5))
    radius = 0.0
    for index, hub in enumerate(hubs):
        ring = 40 + 9 * math.sqrt(len(members[hub]))
        radius = max(radius, 60 * math.sqrt(index) + ring)
        x, y = radius * math.cos(index * golden), radius * math.sin(index * golden)
        placed[hub] = (x, y)
        for k, node in enumerate(members[hub]):
            r = ring * math.sqrt((k + 1) / (len(members[hub]) + 1))
            placed[node] = (x + r * math.cos(k * golden), y + r * math.sin(k * golden))
    return placed


def pyvis_data(network: NetworkView) -> dict[str, object]:
    """Nodes, edges and options for vis-network, through pyvis's data model.

    Labels and tooltips stay plain strings (vis-network draws labels on a canvas and shows
    string titles as text), and the page embeds them as JSON, never as HTML. Nodes and edges
    are set on the pyvis Network directly: its add_edge checks every earlier edge, which is
    quadratic on large graphs.
    """
    net = Network(directed=False, cdn_resources="remote")
    graph = network.graph
    top = max((d["centrality"] for _, d in graph.nodes(data=True)), default=1.0) or 1.0
    placed = positions(graph) if graph.number_of_nodes() > PHYSICS_LIMIT else {}
    net.nodes = []
    for n, d in graph.nodes(data=True):
        node = {"id": n, "label": _clip(d["label"]), "title": f"{KIND_LABELS[d['kind']]}: {d['label']}",
                "kind": d["kind"], "color": KIND_COLOURS[d["kind"]], "shape": "dot",
                "size": 8 + 30 * d["centrality"] / top}
        if n in placed:
            node["x"], node["y"] = placed[n]
        net.nodes.append(node)
    net.node_ids = [n["id"] for n in net.nodes]
    net.edges = [{"from": a, "to": b, "title": d.get("rel", "")} for a, b, d in graph.edges(data=True)]
    physics = ('{"enabled": false}' if placed else
               '{"solver": "barnesHut", "barnesHut": {"gravitationalConstant": -3000, "springLength": 90}, '
               '"stabilization": {"iterations": 200, "updateInterval": 50}}')
    net.set_options(f"""{{"layout": {{"improvedLayout": false}}, "physics": {physics},
        "interaction": {{"hover": true, "tooltipDelay": 150, "hideEdgesOnDrag": true}},
        "edges": {{"color": {{"opacity": 0.4}}, "smooth": false}}}}""")
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    if isinstance(options, str):
        options = json.loads(options)
    return {"nodes": nodes, "edges": edges, "options": options, "total": network.total_nodes,
            "shown": network.shown_nodes, "notes": network.notes,
            "legend": [{"kind": k, "label": KIND_LABELS[k], "colour": c} for k, c in KIND_COLOURS.items()]}


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
