"""The yjkg web app: a read-only explorer and SPARQL endpoint over the store (Flask app factory).

Configuration comes from ``create_app(config)`` and from ``YJKG_*`` environment variables, the
same names as the CLI flags (see yjkg/config.py). The app reads only through ``graph/``.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from flask import Flask

from graph.limited import LimitedRunner, Limits
from graph.store import EmbeddedStore, Store, open_store
from yjkg import config

_SETTINGS = (config.STORE, config.ALLOW_WRITES, config.MEMORY, config.QUERY_TIMEOUT, config.MAX_ROWS,
             config.MAX_UPLOAD_MB)


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.update({setting.envvar: setting.from_env() for setting in _SETTINGS})
    app.config.update(overrides or {})
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["YJKG_MAX_UPLOAD_MB"]) * 1024 * 1024
    app.extensions["yjkg.store"] = _store_opener(app.config["YJKG_STORE"], bool(app.config["YJKG_ALLOW_WRITES"]),
                                                 bool(app.config["YJKG_MEMORY"]))
    app.extensions["yjkg.runner"] = LimitedRunner(Limits(timeout=float(app.config["YJKG_QUERY_TIMEOUT"]),
                                                         max_rows=int(app.config["YJKG_MAX_ROWS"])))
    from web import network, pages, sparql, upload

    app.register_blueprint(pages.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(network.bp)
    app.register_blueprint(upload.bp)
    pages.register_error_handlers(app)
    return app


def _store_opener(location: str, writable: bool, in_memory: bool) -> Callable[[], Store]:
    """A function giving the app's store, opened on first use.

    Without writes the embedded store is opened read-only, so ``yjkg load`` can run beside the
    server; it is reopened when a writer has committed since (see EmbeddedStore.refresh).
    """
    lock = threading.Lock()
    holder: dict[str, Store] = {}

    def get() -> Store:
        with lock:
            store = holder.get("store")
            if store is None:
                store = holder["store"] = open_store(location, read_only=not writable,
                                                     in_memory=in_memory and not writable)
            elif isinstance(store, EmbeddedStore):
                store.refresh()
            return store

    return get
