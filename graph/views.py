"""Page data for the web app and the JSON API: SPARQL in, plain dicts and lists out."""
from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox

from graph import catalog
from graph.errors import StoreError
from graph.store import Store
from ontology import GRAPH, ID, NS, PREFIXES, sparql_prefixes

_P = sparql_prefixes()
_LABEL = "rdfs:label|skos:prefLabel|foaf:name|dcterms:title"
KINDS = {  # class IRI -> kind name used by pages and the network
    NS + "Report": "report", NS + "Finding": "finding", NS + "Recommendation": "recommendation",
    NS + "Strength": "strength", NS + "YouthOffendingService": "yos", PREFIXES["org"] + "Organization": "agency",
    PREFIXES["org"] + "Post": "post", PREFIXES["foaf"] + "Person": "person", NS + "Tag": "tag",
    NS + "Measurement": "measurement", PREFIXES["skos"] + "Concept": "concept",
}


class NotFound(StoreError):
    """No such resource in the store."""


def _rows(store: Store, body: str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
    result = store.query(_P + body)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]  # type: ignore[union-attr]


def _v(term: object) -> str:
    return term.value if term is not None else ""  # type: ignore[attr-defined]


def short(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def labels(store: Store, iris: set[str]) -> dict[str, str]:
    """A readable label for each IRI that has one."""
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    found: dict[str, str] = {}
    for row in _rows(store, f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {_LABEL} ?l }}"):
        found.setdefault(_v(row["s"]), _v(row["l"]))
    return found


def overview(store: Store) -> dict[str, object]:
    counts = _rows(store, """SELECT
      (COUNT(DISTINCT ?r) AS ?reports) (COUNT(DISTINCT ?area) AS ?areas) WHERE { ?r a yj:Report ; yj:area ?area }""")[0]
    people = _rows(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a foaf:Person }")[0]
    statements = _rows(store, """SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s dcterms:isPartOf ?r ; rdf:value ?t }""")[0]
    orgs = _rows(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization }")[0]
    return {"reports": int(_v(counts["reports"])), "areas": int(_v(counts["areas"])),
            "people": int(_v(people["n"])), "statements": int(_v(statements["n"])),
            "organisations": int(_v(orgs["n"])), "gaps": gaps(store)[:5]}


def report_list(store: Store) -> list[dict[str, object]]:
    areas = {_v(r["r"]): _v(r["area"]) for r in _rows(store, "SELECT ?r ?area WHERE { ?r a yj:Report ; yj:area ?area }")}
    return [{"key": r.key, "report": r.report, "label": r.label, "area": areas.get(r.report, ""), "issued": r.issued,
             "source": r.source, "format": r.format, "findings": r.findings, "strengths": r.strengths,
             "recommendations": r.recommendations, "triples": r.triples} for r in catalog.reports(store)]


def _statement_rows(store: Store, where: str) -> list[dict[str, object]]:
    rows = _rows(store, f"""SELECT ?s ?kind ?text ?number ?section ?ordinal ?theme ?themeLabel ?polarity ?report
        WHERE {{ {where} ?s dcterms:isPartOf ?report ; a ?kind ; rdf:value ?text ; yj:ordinal ?ordinal .
          FILTER(?kind IN (yj:Finding, yj:Strength, yj:Recommendation))
          OPTIONAL {{ ?s dcterms:identifier ?number }} OPTIONAL {{ ?s yj:section ?section }}
          OPTIONAL {{ ?s yj:polarity/skos:prefLabel ?polarity }}
          OPTIONAL {{ ?s dcterms:subject ?theme . ?theme skos:prefLabel ?themeLabel }} }}
        ORDER BY ?report ?ordinal""")
    return [{"iri": _v(r["s"]), "kind": KINDS[_v(r["kind"])], "text": _v(r["text"]), "number": _v(r.get("number")),
             "section": _v(r.get("section")), "theme": _v(r.get("theme")), "theme_label": _v(r.get("themeLabel")),
             "polarity": _v(r.get("polarity")), "report": _v(r["report"]), "ordinal": int(_v(r["ordinal"]))}
            for r in rows]


def report_detail(store: Store, key: str) -> dict[str, object]:
    row = catalog.resolve_report(store, key)
    r = f"<{row.report}>"
    facts = _rows(store, f"""SELECT * WHERE {{ {r} dcterms:title ?title ; yj:area ?area ; yj:inspectionType ?type ;
        yj:inspects ?yos . ?yos skos:prefLabel ?yosLabel .
        OPTIONAL {{ {r} dcterms:issued ?issued }} OPTIONAL {{ {r} yj:fieldworkStart ?start ; yj:fieldworkEnd ?end }}
        OPTIONAL {{ {r} yj:casesExamined ?cases }} OPTIONAL {{ {r} yj:previousInspection ?previous }}
        OPTIONAL {{ {r} yj:hasMeasurement ?m . ?m rdf:value ?rate .
                    OPTIONAL {{ ?m yj:comparedWith ?c . ?c rdf:value ?avg ; rdfs:label ?avgLabel }} }}
        OPTIONAL {{ {r} yj:leadInspector ?lead . ?lead foaf:name ?leadName }} }} LIMIT 1""")
    f = {k: _v(v) for k, v in facts[0].items()} if facts else {}
    statements = _statement_rows(store, f"VALUES ?report {{ {r} }}")
    themes: dict[str, dict[str, object]] = {}
    for s in statements:
        if s["kind"] == "finding" and s["theme"]:
            theme = themes.setdefault(str(s["theme"]), {"iri": s["theme"], "label": s["theme_label"], "findings": []})
            theme["findings"].append(s)  # type: ignore[union-attr]
    posts = _rows(store, f"""SELECT ?post ?role ?link ?org ?orgLabel ?person ?name WHERE {{
        {r} ?link ?post . FILTER(?link IN (yj:copiedTo, yj:addressee, yj:author))
        ?post skos:prefLabel ?role . OPTIONAL {{ ?post org:postIn ?org . ?org rdfs:label ?orgLabel }}
        OPTIONAL {{ ?post org:heldBy ?person . ?person foaf:name ?name }} }}""")
    by_post: dict[str, dict[str, object]] = {}
    for p in posts:
        entry = by_post.setdefault(_v(p["post"]), {"iri": _v(p["post"]), "role": _v(p["role"]),
                                                    "link": short(_v(p["link"])), "org": _v(p.get("org")),
                                                    "org_label": _v(p.get("orgLabel")), "holders": []})
        if "person" in p:
            entry["holders"].append({"iri": _v(p["person"]), "name": _v(p["name"])})  # type: ignore[union-attr]
    ordered_posts = sorted(by_post.values(), key=lambda p: (p["link"] != "yj:addressee", p["link"] != "yj:author",
                                                           _post_number(str(p["iri"]))))
    gap_rows = _rows(store, f"""SELECT ?gap ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s dcterms:isPartOf {r} ;
        yj:gap ?gap . ?gap skos:prefLabel ?label }} GROUP BY ?gap ?label ORDER BY DESC(?n)""")
    return {"key": row.key, "iri": row.report, "label": row.label, "source": row.source, "format": row.format,
            "facts": f, "themes": list(themes.values()),
            "summary": [s for s in statements if s["kind"] == "finding" and not s["theme"]],
            "strengths": [s for s in statements if s["kind"] == "strength"],
            "recommendations": [s for s in statements if s["kind"] == "recommendation"],
            "posts": ordered_posts,
            "gaps": [{"iri": _v(g["gap"]), "label": _v(g["label"]), "statements": int(_v(g["n"]))} for g in gap_rows]}


def _post_number(iri: str) -> int:
    tail = iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def entity(store: Store, iri: str) -> dict[str, object]:
    """Everything said about one resource, grouped by property, with inverse links."""
    out = _rows(store, f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}")
    inverse = _rows(store, f"SELECT ?s ?p WHERE {{ ?s ?p <{iri}> }} LIMIT 2000")
    if not out and not inverse:
        raise NotFound(f"nothing is known about <{iri}>")
    types = [_v(r["o"]) for r in out if _v(r["p"]) == PREFIXES["rdf"] + "type"]
    names = {_v(r["p"]) for r in out + inverse} | {_v(r["o"]) for r in out if isinstance(r["o"], ox.NamedNode)}
    names |= {_v(r["s"]) for r in inverse} | {iri}
    label_of = labels(store, names)
    props: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in out:
        if _v(r["p"]) == NS + "sourceText":
            continue  # shown through the statements' context links instead
        term = r["o"]
        value = {"value": _v(term), "label": label_of.get(_v(term), _v(term))}
        if isinstance(term, ox.NamedNode):
            value["iri"] = term.value
        elif isinstance(term, ox.Literal) and term.language:
            value["lang"] = term.language
        props[_v(r["p"])].append(value)
    links: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in inverse:
        links[_v(r["p"])].append({"iri": _v(r["s"]), "label": label_of.get(_v(r["s"]), _v(r["s"]))})
    data: dict[str, object] = {
        "iri": iri, "label": label_of.get(iri, short(iri)), "types": [{"iri": t, "label": short(t)} for t in types],
        "kind": next((KINDS[t] for t in types if t in KINDS), "resource"),
        "properties": [{"iri": p, "label": label_of.get(p, short(p)), "objects": v} for p, v in sorted(props.items())],
        "inverse": [{"iri": p, "label": label_of.get(p, short(p)), "subjects": v} for p, v in sorted(links.items())],
    }
    if data["kind"] in ("finding", "strength", "recommendation"):
        data["context"] = statement_context(store, iri)
    return data


def statement_context(store: Store, iri: str, chars: int = 600) -> dict[str, object]:
    """A statement's words in the report around them, from the report's stored source text."""
    rows = _rows(store, f"""SELECT ?report ?label ?start ?end ?text ?number WHERE {{ <{iri}> dcterms:isPartOf ?report ;
        yj:startOffset ?start ; yj:endOffset ?end . ?report yj:sourceText ?text ; rdfs:label ?label .
        OPTIONAL {{ <{iri}> dcterms:identifier ?number }} }}""")
    if not rows:
        return {}
    r = rows[0]
    text, start, end = _v(r["text"]), int(_v(r["start"])), int(_v(r["end"]))
    return {"report": _v(r["report"]), "report_label": _v(r["label"]), "number": _v(r.get("number")),
            "start": start, "end": end, "before": text[max(0, start - chars):start], "text": text[start:end],
            "after": text[end:end + chars]}


def gaps(store: Store) -> list[dict[str, object]]:
    """Partnership gaps ranked by the distinct reports, then areas, that evidence them."""
    rows = _rows(store, """SELECT ?gap ?label ?definition (COUNT(DISTINCT ?r) AS ?reports) (COUNT(DISTINCT ?area) AS ?areas)
        (COUNT(DISTINCT ?s) AS ?statements) WHERE { ?gap skos:inScheme <https://w3id.org/yjkg/id/scheme/gaps> ;
        skos:prefLabel ?label . OPTIONAL { ?gap skos:definition ?definition }
        OPTIONAL { ?s yj:gap ?gap ; dcterms:isPartOf ?r . ?r yj:area ?area } }
        GROUP BY ?gap ?label ?definition ORDER BY DESC(?reports) DESC(?areas) ?label""")
    years = _rows(store, """SELECT ?gap ?year (COUNT(DISTINCT ?r) AS ?n) WHERE { ?s yj:gap ?gap ; dcterms:isPartOf ?r .
        ?r dcterms:issued ?d BIND(YEAR(?d) AS ?year) } GROUP BY ?gap ?year""")
    by_year: dict[str, dict[str, int]] = defaultdict(dict)
    for y in years:
        by_year[_v(y["gap"])][_v(y["year"])] = int(_v(y["n"]))
    return [{"iri": _v(r["gap"]), "slug": _v(r["gap"]).rsplit("/", 1)[1], "label": _v(r["label"]),
             "definition": _v(r.get("definition")), "reports": int(_v(r["reports"])), "areas": int(_v(r["areas"])),
             "statements": int(_v(r["statements"])), "by_year": by_year.get(_v(r["gap"]), {})} for r in rows]


def gap_detail(store: Store, slug: str) -> dict[str, object]:
    iri = f"{ID}gap/{slug}"
    found = [g for g in gaps(store) if g["iri"] == iri]
    if not found:
        raise NotFound(f"no partnership gap {slug!r}")
    evidence = _rows(store, f"""SELECT ?s ?kind ?text ?number ?report ?reportLabel ?area ?issued ?evidence WHERE {{
        ?s yj:gap <{iri}> ; a ?kind ; rdf:value ?text ; dcterms:isPartOf ?report ; yj:hasTag ?tag .
        FILTER(?kind IN (yj:Finding, yj:Strength, yj:Recommendation))
        ?tag oa:hasBody <{iri}> ; yj:evidence ?evidence .
        ?report rdfs:label ?reportLabel ; yj:area ?area . OPTIONAL {{ ?report dcterms:issued ?issued }}
        OPTIONAL {{ ?s dcterms:identifier ?number }} }} ORDER BY DESC(?issued) ?area ?number""")
    agencies = _rows(store, f"""SELECT ?org ?label ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s yj:gap <{iri}> ;
        yj:mentions ?org . ?org rdfs:label ?label . OPTIONAL {{ ?org yj:agencyType/skos:prefLabel ?type }} }}
        GROUP BY ?org ?label ?type ORDER BY DESC(?n) ?label LIMIT 25""")
    return {**found[0],
            "evidence": [{"iri": _v(e["s"]), "kind": KINDS[_v(e["kind"])], "text": _v(e["text"]),
                          "number": _v(e.get("number")), "report": _v(e["report"]),
                          "report_label": _v(e["reportLabel"]), "area": _v(e["area"]), "issued": _v(e.get("issued")),
                          "evidence": _v(e["evidence"])} for e in evidence],
            "agencies": [{"iri": _v(a["org"]), "label": _v(a["label"]), "type": _v(a.get("type")),
                          "statements": int(_v(a["n"]))} for a in agencies]}


def describe(store: Store, iri: str) -> list[ox.Triple]:
    """The triples whose subject is the resource (for Turtle and JSON-LD downloads)."""
    result = store.query(f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}")
    return list(result)  # type: ignore[arg-type]


_CHOICES = {
    "area": "SELECT DISTINCT ?v ?l WHERE { ?r a yj:Report ; yj:area ?v BIND(?v AS ?l) } ORDER BY ?l",
    "year": "SELECT DISTINCT ?v ?l WHERE { ?r dcterms:issued ?d BIND(STR(YEAR(?d)) AS ?v) BIND(?v AS ?l) } ORDER BY ?v",
    "gap": "SELECT ?v ?l WHERE { ?v skos:inScheme <https://w3id.org/yjkg/id/scheme/gaps> ; skos:prefLabel ?l } ORDER BY ?l",
    "theme": "SELECT ?v ?l WHERE { ?v skos:inScheme <https://w3id.org/yjkg/id/scheme/themes> ; skos:prefLabel ?l } ORDER BY ?l",
    "agency": "SELECT DISTINCT ?v ?l WHERE { ?s yj:mentions ?v . ?v rdfs:label ?l } ORDER BY ?l",
    "agency_type": "SELECT ?v ?l WHERE { ?v skos:inScheme <https://w3id.org/yjkg/id/scheme/agency-types> ;"
                   " skos:prefLabel ?l } ORDER BY ?l",
    "report": "SELECT ?v ?l WHERE { ?v a yj:Report ; rdfs:label ?l } ORDER BY ?l",
}
_cache: dict[tuple[str, str], list[dict[str, str]]] = {}


def choices(store: Store, names: tuple[str, ...] = tuple(_CHOICES)) -> dict[str, list[dict[str, str]]]:
    """Values for the parameter lists of the query gallery and the network filters.

    Lists are kept until the store's data changes (for stores that can tell).
    """
    version = store.version
    if version is None:
        _cache.clear()
    result = {}
    for name in names:
        key = (version or "", name)
        if version is None or key not in _cache:
            if len(_cache) > 64:
                _cache.clear()
            _cache[key] = [{"value": _v(r["v"]), "label": _v(r["l"])} for r in _rows(store, _CHOICES[name])]
        result[name] = _cache[key]
    return result


def vocabulary_terms(store: Store) -> list[str]:
    """Prefixed names of the ontology's classes and properties and of the vocabularies' concepts."""
    rows = _rows(store, f"""SELECT DISTINCT ?t WHERE {{
        {{ GRAPH <{GRAPH}ontology> {{ ?t a ?type FILTER(?type IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty)) }} }}
        UNION {{ GRAPH <{GRAPH}vocabularies> {{ ?t a skos:Concept }} }} }}""")
    terms = {short(_v(r["t"])) for r in rows}
    return sorted(t for t in terms if ":" in t and not t.startswith("http"))
