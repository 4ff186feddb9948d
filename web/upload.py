"""Adding a report from the browser: only when the server was started with --allow-writes."""
from __future__ import annotations

import tempfile
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, request

from graph import views
from graph.ingest import LOADABLE, load_file
from web.common import page, store

bp = Blueprint("upload", __name__)


@bp.route("/upload", methods=["GET", "POST"])
def upload() -> Response | str:
    if not current_app.config["YJKG_ALLOW_WRITES"]:
        abort(403, "uploads are disabled: start the server with --allow-writes to enable them")
    data: dict[str, object] = {"accepted": sorted(LOADABLE)}
    if request.method == "POST":
        file = request.files.get("file")
        if file is None or not file.filename:
            abort(400, "choose a file to upload")
        name = Path(file.filename).name
        suffix = Path(name).suffix.lower()
        if suffix not in LOADABLE:
            abort(400, f"{name}: not a report or RDF file (accepted: {', '.join(sorted(LOADABLE))})")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            file.save(path)
            outcome = load_file(store(), path)
        data["outcome"] = {"file": name, "ok": outcome.ok, "error": outcome.error, "warnings": outcome.warnings,
                           "triples": outcome.triples, "graphs": outcome.graphs, "label": outcome.label}
        if outcome.ok and outcome.graphs and outcome.graphs[0].startswith("https://w3id.org/yjkg/graph/report/"):
            data["report"] = views.report_detail(store(), outcome.graphs[0].rsplit("/", 1)[1])
        if not outcome.ok:
            return page("upload.html", data), 422  # type: ignore[return-value]
    return page("upload.html", data)
