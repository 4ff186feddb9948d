"""The partnership network as a networkx graph built from SPARQL, and its pyvis drawing data."""
from __future__ import annotations

import json
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

# one row per edge: the two ends with their kinds and labels
_EDGES = sparql_prefixes() + """
SELECT ?a ?ak ?al ?b ?bk ?bl ?rel ?report ?area ?theme ?gapf ?atype WHERE {
  {
    ?a a yj:Report ; rdfs:label ?al ; yj:inspects ?b ; yj:area ?area . ?b rdfs:label ?bl .
    BIND("report" AS ?ak) BIND("yos" AS ?bk) BIND("inspects" AS ?rel) BIND(?a AS ?report)
  } UNION {
    ?a a yj:Report ; rdfs:label ?al ; yj:area ?area . ?a yj:copiedTo|yj:addressee|yj:author ?b . ?b rdfs:label ?bl .
    BIND("report" AS ?ak) BIND("post" AS ?bk) BIND("copied to" AS ?rel) BIND(?a AS ?report)
  } UNION {
    ?a a org:Post ; rdfs:label ?al ; org:postIn ?b ; dcterms:isPartOf ?report . ?report yj:area ?area .
    ?b rdfs:label ?bl . OPTIONAL { ?b yj:agencyType ?atype }
    BIND("post" AS ?ak) BIND(IF(EXISTS { ?b a yj:YouthOffendingService }, "yos", "agency") AS ?bk) BIND("post in" AS ?rel)
  } UNION {
    ?a a org:Post ; rdfs:label ?al ; org:heldBy ?b ; dcterms:isPartOf ?report . ?report yj:area ?area .
    ?b foaf:name ?bl . BIND("post" AS ?ak) BIND("person" AS ?bk) BIND("held by" AS ?rel)
  } UNION {
    ?a dcterms:isPartOf ?report ; a ?class ; rdfs:label ?al . ?report yj:area ?area .
    VALUES (?class ?ak) { (yj:Finding "finding") (yj:Recommendation "recommendation") (yj:Strength "strength") }
    OPTIONAL { ?a dcterms:subject ?theme }
    {
      ?a yj:mentions ?b . ?b rdfs:label ?bl . OPTIONAL { ?b yj:agencyType ?atype }
      BIND(IF(EXISTS { ?b a yj:YouthOffendingService }, "yos", "agency") AS ?bk) BIND("mentions" AS ?rel)
    } UNION {
      ?a yj:gap ?b . ?b skos:prefLabel ?bl . BIND("gap" AS ?bk) BIND("evidences" AS ?rel) BIND(?b AS ?gapf)
    }
  } UNION {
    ?a dcterms:isPartOf ?report ; a ?class ; rdfs:label ?al . ?report a yj:Report ; rdfs:label ?bl ; yj:area ?area .
    VALUES (?class ?ak) { (yj:Finding "finding") (yj:Recommendation "recommendation") (yj:Strength "strength") }
    OPTIONAL { ?a dcterms:subject ?theme }
    BIND(?report AS ?b) BIND("report" AS ?bk) BIND("part of" AS ?rel)
  }
}
"""


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


@dataclass
class NetworkView:
    graph: nx.Graph
    total_nodes: int
    shown_nodes: int
    filters: Filters
    notes: list[str] = field(default_factory=list)


def build_graph(store: Store, filters: Filters) -> nx.Graph:
    """The filtered network, every node with its kind and label."""
    g = nx.Graph()
    kinds = set(filters.kinds)
    for row in store.query(_EDGES):  # type: ignore[union-attr]
        def get(key: str, row: ox.QuerySolution = row) -> str:
            term = row[key]
            return term.value if term is not None else ""
        if filters.report and get("report") != filters.report:
            continue
        if filters.area and get("area") != filters.area:
            continue
        if filters.theme and get("ak") == "finding" and get("theme") != filters.theme:
            continue
        if filters.gap and get("bk") == "gap" and get("b") != filters.gap:
            continue
        if filters.agency_type and get("bk") == "agency" and get("atype") != filters.agency_type:
            continue
        a, b = get("a"), get("b")
        if get("ak") not in kinds or get("bk") not in kinds or a == b:
            continue
        g.add_node(a, kind=get("ak"), label=get("al"))
        g.add_node(b, kind=get("bk"), label=get("bl"))
        g.add_edge(a, b, rel=get("rel"))
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
        keep = sorted(g, key=lambda n: (-centrality[n], n))[: filters.max_nodes]
        if filters.focus and filters.focus in g and filters.focus not in keep:
            keep[-1] = filters.focus
        g = g.subgraph(keep).copy()
    for node, data in g.nodes(data=True):
        data["centrality"] = centrality.get(node, 0.0)
    return NetworkView(g, total, g.number_of_nodes(), filters, notes)


def pyvis_data(network: NetworkView) -> dict[str, object]:
    """Nodes, edges and options for vis-network, through pyvis's data model.

    Labels and tooltips stay plain strings (vis-network draws labels on a canvas and shows
    string titles as text), and the page embeds them as JSON, never as HTML. Nodes and edges
    are set on the pyvis Network directly: its add_edge checks every earlier edge, which is
    quadratic on large graphs.
    """
    net = Network(directed=False, cdn_resources="remote")
    top = max((d["centrality"] for _, d in network.graph.nodes(data=True)), default=1.0) or 1.0
    net.nodes = [{"id": n, "label": _clip(d["label"]), "title": f"{KIND_LABELS[d['kind']]}: {d['label']}",
                  "kind": d["kind"], "color": KIND_COLOURS[d["kind"]], "shape": "dot",
                  "size": 8 + 30 * d["centrality"] / top} for n, d in network.graph.nodes(data=True)]
    net.node_ids = [n["id"] for n in net.nodes]
    net.edges = [{"from": a, "to": b, "title": d.get("rel", "")} for a, b, d in network.graph.edges(data=True)]
    net.set_options("""{"physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 250},
                        "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 80}},
                        "interaction": {"hover": true, "tooltipDelay": 150}, "edges": {"color": {"opacity": 0.4}}}""")
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    if isinstance(options, str):
        options = json.loads(options)
    return {"nodes": nodes, "edges": edges, "options": options, "total": network.total_nodes,
            "shown": network.shown_nodes, "notes": network.notes,
            "legend": [{"kind": k, "label": KIND_LABELS[k], "colour": c} for k, c in KIND_COLOURS.items()]}


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
