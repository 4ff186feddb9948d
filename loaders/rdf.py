"""RDF builder: a typed :class:`~loaders.model.Report` -> the quads of its own named graph."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from loaders.model import Holder, Measurement, Report, Span, Statement
from ontology import GRAPH, ID, NS, PREFIXES, slug

_XSD = PREFIXES["xsd"]
_RDF, _RDFS, _DCT, _SKOS = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["dcterms"], PREFIXES["skos"]
_ORG, _FOAF, _OA = PREFIXES["org"], PREFIXES["foaf"], PREFIXES["oa"]
A = NamedNode(_RDF + "type")
_KIND_CLASS = {"finding": "Finding", "strength": "Strength", "recommendation": "Recommendation"}


@dataclass
class ReportGraph:
    """A report's named graph: its IRI, the report node and all its quads."""

    graph: str
    report: str
    quads: list[Quad]
    parsed: Report


def report_key(report: Report) -> str:
    """A stable key from the report's identity (type, area, date), never from the file path."""
    when = report.issued or report.fieldwork_end
    kind = "sqs" if report.parser == "sqs" else slug(report.inspection_type)
    key = f"{kind}-{slug(report.area)}-{when.isoformat() if when else 'undated'}"
    if report.parser != "sqs":
        key += "-" + hashlib.sha1(report.title.encode()).hexdigest()[:8]
    return key


def person_iri(name: str) -> str:
    return f"{ID}person/{slug(name)}"


class _Builder:
    def __init__(self, graph: str) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = []
        self._nodes: dict[str, NamedNode] = {}

    def node(self, iri: str) -> NamedNode:
        """One NamedNode per IRI (subjects and predicates repeat: building them once is faster)."""
        found = self._nodes.get(iri)
        if found is None:
            found = self._nodes[iri] = NamedNode(iri)
        return found

    def add(self, s: str, p: str, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(self.node(s), self.node(p), o, self.graph))

    def iri(self, s: str, p: str, o: str | None) -> None:
        if o:
            self.add(s, p, self.node(o))

    def lit(self, s: str, p: str, value: object, datatype: str | None = None, lang: str | None = None) -> None:
        if value is None:
            return
        if datatype is None and isinstance(value, bool):
            datatype = _XSD + "boolean"
            value = str(value).lower()
        elif isinstance(value, int):
            datatype = _XSD + "integer"
        elif isinstance(value, float):
            datatype = _XSD + "decimal"
            value = repr(value)
        elif isinstance(value, dt.date):
            datatype = _XSD + "date"
            value = value.isoformat()
        if lang:
            self.add(s, p, Literal(str(value), language=lang))
        else:
            self.add(s, p, Literal(str(value), datatype=self.node(datatype) if datatype else None))

    def span(self, s: str, span: Span) -> None:
        self.lit(s, NS + "startOffset", span.start)
        self.lit(s, NS + "endOffset", span.end)


def build(report: Report) -> ReportGraph:
    """All triples of one report, in the report's own named graph."""
    key = report_key(report)
    graph = f"{GRAPH}report/{key}"
    r = f"{ID}report/{key}"
    b = _Builder(graph)
    when = report.issued or report.fieldwork_end
    short = f"{report.inspection_type}, {report.area}" + (f" ({when.year})" if when else "")
    b.iri(r, _RDF + "type", NS + "Report")
    b.lit(r, _DCT + "title", report.title)
    b.lit(r, _RDFS + "label", short)
    b.lit(r, _DCT + "issued", report.issued)
    b.iri(r, _DCT + "publisher", report.publisher)
    b.lit(r, _DCT + "source", report.document.source)
    b.lit(r, NS + "sourceFormat", report.document.fmt)
    b.lit(r, NS + "parser", report.parser)
    b.lit(r, NS + "sourceText", report.document.text)
    b.lit(r, NS + "inspectionType", report.inspection_type)
    b.lit(r, NS + "area", report.area)
    b.lit(r, NS + "fieldworkStart", report.fieldwork_start)
    b.lit(r, NS + "fieldworkEnd", report.fieldwork_end)
    b.lit(r, NS + "casesExamined", report.cases_examined)
    if report.previous_inspection:
        year, month = report.previous_inspection
        b.lit(r, NS + "previousInspection", f"{year:04d}-{month:02d}", _XSD + "gYearMonth")
    for warning in report.warnings:
        b.lit(r, NS + "warning", warning)
    for org in report.organisations.values():
        if org.iri.startswith(ID + "org/") and org.iri.count("/") > (ID + "org/").count("/"):  # local bodies
            for cls in org.classes:
                b.iri(org.iri, _RDF + "type", cls)
            b.lit(org.iri, _SKOS + "prefLabel", org.label, lang="en")
            b.lit(org.iri, _RDFS + "label", org.label)
            b.iri(org.iri, NS + "agencyType", org.agency_type)
    yos = next(o.iri for o in report.organisations.values() if o.label == report.yos_name)
    b.iri(r, NS + "inspects", yos)
    b.lit(yos, _SKOS + "altLabel", "YOS", lang="en")
    b.lit(yos, _SKOS + "altLabel", f"{report.area} YOS", lang="en")
    if report.reoffending:
        _measurement(b, r, f"{r}/reoffending-rate", report.reoffending)
    if report.addressee:
        _post(b, r, NS + "addressee", f"{r}/post/to", report.addressee)
        for index, (role, org) in enumerate(report.addressee.other_roles, start=2):
            extra = Holder(role, report.addressee.names, org, report.addressee.span)
            _post(b, r, NS + "addressee", f"{r}/post/to-{index}", extra)
    if report.author:
        _post(b, r, NS + "author", f"{r}/post/from", report.author)
    if report.lead_inspector:
        lead = Holder("Lead inspector", [report.lead_inspector], report.publisher)
        _post(b, r, None, f"{r}/post/lead-inspector", lead)
        b.iri(r, NS + "leadInspector", person_iri(report.lead_inspector))
    for index, holder in enumerate(report.copy_list, start=1):
        _post(b, r, NS + "copiedTo", f"{r}/post/{index}", holder)
    counters: dict[str, int] = {}
    for ordinal, statement in enumerate(report.statements, start=1):
        _statement(b, r, short, ordinal, statement, counters)
    return ReportGraph(graph, r, b.quads, report)


def _measurement(b: _Builder, report: str, m_iri: str, m: Measurement) -> None:
    b.iri(m_iri, _RDF + "type", NS + "Measurement")
    b.lit(m_iri, _RDFS + "label", m.label)
    b.lit(m_iri, _RDF + "value", m.value)
    b.lit(m_iri, NS + "unit", m.unit)
    b.lit(m_iri, NS + "cohort", m.cohort)
    b.lit(m_iri, NS + "publishedPeriod", m.published)
    b.iri(m_iri, _DCT + "source", m.source_org)
    if report:
        b.iri(report, NS + "hasMeasurement", m_iri)
    if m.comparator:
        _measurement(b, "", m_iri + "/comparator", m.comparator)
        b.iri(m_iri, NS + "comparedWith", m_iri + "/comparator")


def _post(b: _Builder, report: str, link: str | None, post: str, holder: Holder) -> None:
    if link:
        b.iri(report, link, post)
    b.iri(post, _RDF + "type", _ORG + "Post")
    b.lit(post, _SKOS + "prefLabel", holder.role, lang="en")
    b.lit(post, _RDFS + "label", holder.role)
    b.iri(post, _ORG + "postIn", holder.org)
    b.iri(post, _DCT + "isPartOf", report)
    if holder.span:
        b.span(post, holder.span)
    for name in holder.names:
        person = person_iri(name)
        b.iri(person, _RDF + "type", _FOAF + "Person")
        b.lit(person, _FOAF + "name", name)
        b.lit(person, _RDFS + "label", name)
        b.iri(post, _ORG + "heldBy", person)
        b.iri(person, _ORG + "holds", post)


def _statement(b: _Builder, report: str, short: str, ordinal: int, st: Statement, counters: dict[str, int]) -> None:
    if st.number:
        local = f"finding/{st.number}"
        label = f"Finding {st.number}"
    else:
        prefix = f"{slug(st.section)}-" if st.kind == "finding" and st.section else ""
        counters[st.kind + prefix] = counters.get(st.kind + prefix, 0) + 1
        local = f"{st.kind}/{prefix}{counters[st.kind + prefix]}"
        label = f"{_KIND_CLASS[st.kind]} {counters[st.kind + prefix]}" + (f" ({st.section})" if prefix else "")
    s = f"{report}/{local}"
    b.iri(s, _RDF + "type", NS + _KIND_CLASS[st.kind])
    b.lit(s, _RDFS + "label", f"{label}, {short}")
    b.lit(s, _DCT + "identifier", st.number)
    b.lit(s, _RDF + "value", st.span.text)
    b.iri(s, _DCT + "isPartOf", report)
    b.iri(s, _DCT + "subject", st.theme)
    b.lit(s, NS + "section", st.section or None)
    b.lit(s, NS + "ordinal", ordinal)
    b.span(s, st.span)
    b.iri(s, NS + "polarity", st.polarity)
    for org in st.addressed_to:
        b.iri(s, NS + "addressedTo", org)
    for index, tag in enumerate(st.tags, start=1):
        t = f"{s}/tag/{index}"
        b.iri(s, NS + ("mentions" if tag.kind == "mention" else "gap"), tag.target)
        b.iri(s, NS + "hasTag", t)
        b.iri(t, _RDF + "type", NS + "Tag")
        b.iri(t, _OA + "hasTarget", s)
        b.iri(t, _OA + "hasBody", tag.target)
        b.lit(t, NS + "matched", tag.matched)
        b.lit(t, NS + "evidence", tag.evidence.text)
        b.span(t, tag.evidence)
