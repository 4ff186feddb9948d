"""Loaders: document -> reader (blocks with offsets) -> parser (a typed report) -> RDF quads.

Nothing here knows about stores or the web: :func:`load_report` returns quads for the caller
to write.
"""
from __future__ import annotations

from pathlib import Path

from loaders.model import LoadError, Report
from loaders.rdf import ReportGraph


def load_report(path: Path) -> ReportGraph:
    """Read, parse and build one report file; raise LoadError naming the problem."""
    from loaders.parser import parse
    from loaders.rdf import build
    from loaders.readers import read_document

    return build(parse(read_document(path)))


__all__ = ["LoadError", "Report", "ReportGraph", "load_report"]
