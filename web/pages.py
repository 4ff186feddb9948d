"""Browsing pages: home, reports, a report, any entity, and the recurring gaps."""
from __future__ import annotations

from flask import Blueprint, Flask, Response, abort, jsonify, render_template, request, url_for

from graph import views
from graph.errors import StoreError
from graph.results import serialize_rdf
from ontology import PREFIXES, is_iri
from web.common import page, store, wants_json

bp = Blueprint("pages", __name__)

_RDF_DOWNLOADS = {"ttl": ("text/turtle", "ttl"), "jsonld": ("application/ld+json", "jsonld")}


@bp.route("/index.json")
@bp.route("/")
def index() -> Response | str:
    return page("index.html", views.overview(store()))


@bp.route("/reports.json")
@bp.route("/reports")
def reports() -> Response | str:
    return page("reports.html", {"reports": views.report_list(store())})


@bp.route("/reports/<key>")
def report(key: str) -> Response | str:
    try:
        data = views.report_detail(store(), key)
    except StoreError as exc:
        abort(404, str(exc))
    return page("report.html", data)


@bp.route("/entity")
def entity() -> Response | str:
    iri = request.args.get("iri", "").strip()
    if not iri:
        abort(400, "give the resource as ?iri=...")
    if not is_iri(iri):
        abort(400, "not a valid IRI")
    fmt = request.args.get("format") or _rdf_by_accept()
    if fmt in _RDF_DOWNLOADS:
        media, suffix = _RDF_DOWNLOADS[fmt]
        triples = views.describe(store(), iri)
        if not triples:
            abort(404, f"nothing is known about <{iri}>")
        body = serialize_rdf(triples, fmt, PREFIXES)
        name = iri.rstrip("/").rsplit("/", 1)[-1] or "entity"
        return Response(body, mimetype=media,
                        headers={"Content-Disposition": f'inline; filename="{name}.{suffix}"', "Vary": "Accept"})
    try:
        data = views.entity(store(), iri)
    except views.NotFound as exc:
        abort(404, str(exc))
    return page("entity.html", data)


def _rdf_by_accept() -> str | None:
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "text/turtle", "application/ld+json"])
    return {"text/turtle": "ttl", "application/ld+json": "jsonld"}.get(best or "")


@bp.route("/gaps.json")
@bp.route("/gaps")
def gaps() -> Response | str:
    return page("gaps.html", {"gaps": views.gaps(store())})


@bp.route("/gaps/<slug>")
def gap(slug: str) -> Response | str:
    try:
        data = views.gap_detail(store(), slug)
    except views.NotFound as exc:
        abort(404, str(exc))
    return page("gap.html", data)


@bp.app_template_filter("entity_url")
def entity_url(iri: str) -> str:
    return url_for("pages.entity", iri=iri)


@bp.app_template_filter("short")
def short_filter(iri: str) -> str:
    return views.short(iri)


def register_error_handlers(app: Flask) -> None:
    def handler(exc):  # type: ignore[no-untyped-def]
        code = getattr(exc, "code", 500) or 500
        message = getattr(exc, "description", None) or str(exc)
        if code == 413:
            limit = app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)
            message = f"the file is too large: this server takes files up to {limit} MiB"
        if wants_json() or request.path.startswith("/sparql"):
            response = jsonify({"error": message, "status": code})
            response.status_code = code
            return response
        return render_template("error.html", code=code, message=message), code

    for code in (400, 403, 404, 405, 413, 500, 503):
        app.register_error_handler(code, handler)
    app.register_error_handler(StoreError, lambda exc: handler(_Http(503, str(exc))))


class _Http(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
