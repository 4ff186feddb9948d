"""What every blueprint shares: the store, the query runner, and HTML-or-JSON responses."""
from __future__ import annotations

from typing import Any

from flask import Response, current_app, jsonify, render_template, request

from graph.limited import LimitedRunner
from graph.store import Store


def store() -> Store:
    return current_app.extensions["yjkg.store"]()


def runner() -> LimitedRunner:
    return current_app.extensions["yjkg.runner"]


def wants_json() -> bool:
    if request.args.get("format") == "json" or request.path.endswith(".json"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and not request.accept_mimetypes.accept_html


def page(template: str, data: dict[str, Any], **extra: Any) -> Response | str:
    """The page as HTML, or its data as JSON (``?format=json``, a ``.json`` path, or Accept)."""
    if wants_json():
        return jsonify(data)
    return render_template(template, data=data, **extra)
