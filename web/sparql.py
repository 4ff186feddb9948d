"""The SPARQL 1.1 Protocol endpoint (read-only) and the query page."""
from __future__ import annotations

import re

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for

from graph import catalog, views
from graph.errors import QueryError, StoreError
from graph.limited import QueryLimitError
from graph.results import GRAPH_FOR_RESULT_FORMAT, is_graph, serialize, table
from ontology import PREFIXES, with_prefixes
from web.common import runner, store, wants_json

bp = Blueprint("sparql", __name__)

RESULT_TYPES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
               "xml": "application/rdf+xml"}
_ACCEPT_RESULTS = {v: k for k, v in RESULT_TYPES.items()} | {"application/json": "json", "text/plain": "tsv"}
_ACCEPT_GRAPHS = {v: k for k, v in GRAPH_TYPES.items()} | {"text/plain": "nt", "application/json": "jsonld"}
_SERVICE = re.compile(r"\bSERVICE\s+(SILENT\s+)?[<?$a-zA-Z]", re.IGNORECASE)
# IRIs, strings and comments, so that words inside them are not read as keywords
_TOKENS = re.compile(r'<[^<>"{}|^`\\\s]*>'
                     r'|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r"|#[^\n]*")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)


def _plain(message: str, status: int) -> Response:
    return Response(message.rstrip() + "\n", status=status, mimetype="text/plain")


def _request_query() -> tuple[str | None, list[str], list[str], Response | None]:
    """The query and dataset of a protocol request, or the response refusing it."""
    if request.method == "POST":
        media = (request.mimetype or "").lower()
        if media == "application/sparql-update" or "update" in request.form:
            return None, [], [], _plain("this SPARQL endpoint is read-only: updates are refused", 403)
        charset = (request.mimetype_params.get("charset") or "utf-8").lower()
        if charset.replace("-", "") != "utf8":
            return None, [], [], _plain(f"the request body must be UTF-8, not {charset}", 415)
        if media == "application/sparql-query":
            try:
                query = request.get_data().decode("utf-8")
            except UnicodeDecodeError:
                return None, [], [], _plain("the query is not valid UTF-8", 400)
            args = request.args
        elif media == "application/x-www-form-urlencoded":
            if "query" in request.args:
                return None, [], [], _plain("a form POST carries the query in its body, not the URL", 400)
            query = request.form.get("query")
            args = request.values  # dataset parameters may come in the URL too
            if len(request.form.getlist("query")) > 1:
                return None, [], [], _plain("more than one query parameter", 400)
        else:
            return None, [], [], _plain(f"unsupported request media type {media or '(none)'}", 415)
    else:
        if "update" in request.args:
            return None, [], [], _plain("this SPARQL endpoint is read-only: updates are refused", 403)
        if len(request.args.getlist("query")) > 1:
            return None, [], [], _plain("more than one query parameter", 400)
        query = request.args.get("query")
        args = request.args
    return query, args.getlist("default-graph-uri"), args.getlist("named-graph-uri"), None


def refusal(query: str) -> Response | None:
    """Updates and federated queries are not served here."""
    code = _TOKENS.sub(lambda m: "<x>" if m.group(0).startswith("<") else " ", query)
    if _UPDATE.match(code):
        return _plain("this SPARQL endpoint is read-only: SPARQL Update (including LOAD) is refused", 403)
    if _SERVICE.search(code):
        return _plain("federated queries (SERVICE) are disabled on this endpoint", 403)
    return None


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    query, default_graphs, named_graphs, refused = _request_query()
    if refused is not None:
        return refused
    if query is None:
        if request.method == "GET" and not request.args:
            return Response(render_template("query.html", **_query_page_context("")), mimetype="text/html")
        return _plain("no query given (use the query parameter)", 400)
    refused = refusal(query)
    if refused is not None:
        return refused
    if not re.search(r"(?im)^\s*BASE\s*<", query):
        query = f"BASE <{request.base_url}>\n{query}"  # relative IRIs resolve against the endpoint
    try:
        result = runner().run(store(), query, default_graphs or None, named_graphs or None)
    except QueryLimitError as exc:
        return _plain(str(exc), 503 if exc.kind in ("timeout", "busy") else 400)
    except QueryError as exc:
        return _plain(str(exc), 400)
    fmt = _negotiate(is_graph(result))
    if fmt is None:
        return _plain("cannot produce any of the requested media types", 406)
    media = (GRAPH_TYPES if is_graph(result) else RESULT_TYPES)[fmt]
    body = serialize(result, fmt, PREFIXES if fmt == "ttl" else None)
    response = Response(body, mimetype=media)
    response.headers["Vary"] = "Accept"
    if request.args.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="results.{fmt}"'
    return response


def _negotiate(graph: bool) -> str | None:
    table_ = GRAPH_TYPES if graph else RESULT_TYPES
    fmt = request.values.get("format")
    if fmt:
        if fmt in table_:
            return fmt
        return GRAPH_FOR_RESULT_FORMAT.get(fmt) if graph else None
    accept = _ACCEPT_GRAPHS if graph else _ACCEPT_RESULTS
    if not request.accept_mimetypes:
        return "ttl" if graph else "json"
    best = request.accept_mimetypes.best_match(list(accept))
    return accept.get(best) if best else None


def _query_page_context(query: str) -> dict[str, object]:
    examples = catalog.examples()
    groups: dict[str, list[catalog.Example]] = {}
    for example in examples:
        groups.setdefault(example.group, []).append(example)
    db = store()
    params = tuple(sorted({p for e in examples for p in e.params}))
    return {"query": query, "groups": groups, "prefixes": PREFIXES, "choices": views.choices(db, params),
            "terms": views.vocabulary_terms(db)}


# how a chosen parameter value is written into the query's VALUES clause
_PARAM_TERMS = {"area": "literal", "year": "integer", "gap": "iri", "agency": "iri", "theme": "iri",
                "agency_type": "iri", "report": "iri"}


def fill_parameters(example: catalog.Example, values: dict[str, str]) -> str:
    """The example's query with each parameter's VALUES clause set to the chosen value."""
    query = example.sparql
    for name in example.params:
        value = values.get(name, "")
        if not value:
            continue
        kind = _PARAM_TERMS.get(name, "literal")
        if kind == "iri":
            term = str(ox.NamedNode(value))
        elif kind == "integer":
            if not value.isdigit():
                raise ValueError(f"{name} must be a whole number")
            term = value
        else:
            term = str(ox.Literal(value))
        clause = re.compile(r"(VALUES\s+\?" + name + r"\s*\{)[^}]*(\})")
        query = clause.sub(lambda m, term=term: f"{m.group(1)} {term} {m.group(2)}", query)
    return query


@bp.route("/query")
def query_page() -> Response | str:
    """The editor, the example gallery, and the results of the query in the URL."""
    if request.args.get("example"):
        example = next((e for e in catalog.examples() if e.name == request.args["example"]), None)
        if example is None:
            return _plain("no such example", 404)
        try:
            text = fill_parameters(example, request.args)
        except ValueError as exc:
            return _plain(str(exc), 400)
        return redirect(url_for("sparql.query_page", query=text))
    query = request.args.get("query", "")
    data: dict[str, object] = {"query": query}
    if query:
        refused = refusal(query)
        if refused is not None:
            data["error"] = refused.get_data(as_text=True).strip()
        else:
            try:
                result = runner().run(store(), with_prefixes(query))
                graph = is_graph(result)
                if graph:
                    data["network"] = _triples_network(result)  # type: ignore[arg-type]
                names, rows = table(result)
                data.update(columns=names, graph=graph, rows=[[_cell(term) for term in row] for row in rows])
                data["chart"] = _chart(names, data["rows"])  # type: ignore[arg-type]
            except (QueryError, QueryLimitError, StoreError) as exc:
                data["error"] = str(exc)
    if wants_json():
        return jsonify(data)
    context = _query_page_context(query or catalog.examples()[0].sparql)
    downloads = {fmt: url_for("sparql.endpoint", query=with_prefixes(query), format=fmt, download=1)
                 for fmt in ("csv", "json", "tsv")} if query else {}
    return render_template("query.html", data=data, downloads=downloads, **context)


def _chart(names: list[str], rows: list[list[dict[str, str]]]) -> dict[str, object] | None:
    """A bar chart of an aggregate result: the first text column against the first numeric one."""
    if not rows or len(rows) > 200:
        return None
    numeric = [i for i in range(len(names)) if all("number" in row[i] for row in rows)]
    text = [i for i in range(len(names)) if i not in numeric]
    if not numeric or not text:
        return None
    value, label = numeric[0], text[0]
    top = max(float(row[value]["number"]) for row in rows) or 1.0
    return {"label": names[label], "value": names[value],
            "bars": [{"label": row[label]["text"], "value": row[value]["number"],
                      "width": round(100 * max(0.0, float(row[value]["number"])) / top, 1)} for row in rows]}


def _triples_network(triples: list[ox.Triple], limit: int = 500) -> dict[str, object]:
    """A CONSTRUCT result as vis-network nodes and edges (literals become leaf nodes)."""
    nodes: dict[str, dict[str, object]] = {}
    edges = []

    def node(term: object) -> str:
        if isinstance(term, ox.Literal):
            key = f"literal:{len(nodes)}"
            text = term.value
            nodes[key] = {"id": key, "label": text if len(text) <= 40 else text[:39] + "…", "title": text,
                          "shape": "box", "color": "#eeeeee"}
            return key
        key = term.value  # type: ignore[attr-defined]
        if key not in nodes:
            nodes[key] = {"id": key, "label": views.short(key), "title": key, "shape": "dot", "size": 10,
                          "color": "#4e79a7"}
        return key

    for triple in triples[:limit]:
        edges.append({"from": node(triple.subject), "to": node(triple.object),
                      "label": views.short(triple.predicate.value), "title": triple.predicate.value, "arrows": "to"})
    return {"nodes": list(nodes.values()), "edges": edges, "shown": min(limit, len(triples)), "total": len(triples),
            "options": {"physics": {"stabilization": {"iterations": 200}}, "edges": {"font": {"size": 9}}}}


def _cell(term: object) -> dict[str, str]:
    if term is None:
        return {"text": ""}
    if isinstance(term, ox.NamedNode):
        return {"text": views.short(term.value), "iri": term.value}
    if isinstance(term, ox.Literal):
        cell = {"text": term.value}
        if term.datatype.value.endswith(("#integer", "#decimal", "#double", "#float")):
            cell["number"] = term.value
        return cell
    return {"text": str(term)}
