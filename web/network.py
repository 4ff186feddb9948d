"""The network explorer: pyvis data for vis-network, drawn in the page with its local script."""
from __future__ import annotations

from pathlib import Path

import pyvis
from flask import Blueprint, Response, abort, request, send_from_directory

from graph import views
from graph.network import DEFAULT_KINDS, KIND_LABELS, Filters, pyvis_data, view
from ontology import is_iri
from web.common import page, store

bp = Blueprint("network", __name__)
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


def filters_from_request() -> Filters:
    args = request.args
    kinds = tuple(k for k in args.getlist("kind") if k in KIND_LABELS) or DEFAULT_KINDS
    try:
        hops = int(args.get("hops", 1))
        max_nodes = max(10, min(5000, int(args.get("max", 300))))
    except ValueError:
        hops, max_nodes = 1, 300
    for name in ("report", "focus", "theme", "gap", "agency_type"):
        if args.get(name) and not is_iri(args[name]):
            abort(400, f"{name} must be an IRI")
    return Filters(kinds=kinds, report=args.get("report", ""), area=args.get("area", ""),
                   theme=args.get("theme", ""), gap=args.get("gap", ""), agency_type=args.get("agency_type", ""),
                   focus=args.get("focus", ""), hops=hops, max_nodes=max_nodes)


@bp.route("/network.json")
@bp.route("/network")
def network() -> Response | str:
    filters = filters_from_request()
    db = store()
    data = pyvis_data(view(db, filters))
    data["filters"] = {"kinds": list(filters.kinds), "report": filters.report, "area": filters.area,
                       "theme": filters.theme, "gap": filters.gap, "agency_type": filters.agency_type,
                       "focus": filters.focus, "hops": filters.hops, "max": filters.max_nodes}
    if filters.focus:
        data["focus_label"] = views.labels(db, {filters.focus}).get(filters.focus, filters.focus)
    filter_lists = views.choices(db, ("report", "area", "theme", "gap", "agency_type"))
    return page("network.html", data, choices=filter_lists, kinds=KIND_LABELS)


@bp.route("/vendor/vis-network/<path:name>")
def vis_network(name: str) -> Response:
    """vis-network from pyvis's own package files: no CDN."""
    return send_from_directory(VIS_DIR, name, max_age=86400)
