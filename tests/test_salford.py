"""The shared Salford report loads to the graph the issue describes, on both stores."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.ingest import load_file
from graph.store import Store
from tests.helpers import scalar, select

R = "<https://w3id.org/yjkg/id/report/sqs-salford-2016-03-23>"


@pytest.fixture
def loaded(store: Store, salford: Path) -> Store:
    outcome = load_file(store, salford)
    assert outcome.ok, outcome.error
    assert outcome.warnings == []
    return store


def test_report_facts(loaded: Store) -> None:
    row = select(loaded, f"""SELECT * WHERE {{ {R} a yj:Report ; dcterms:title ?title ; dcterms:issued ?issued ;
        dcterms:publisher ?publisher ; yj:fieldworkStart ?start ; yj:fieldworkEnd ?end ; yj:casesExamined ?cases ;
        yj:area ?area ; yj:inspectionType ?type ; yj:previousInspection ?previous ; dcterms:source ?source ;
        yj:inspects ?yos . ?yos skos:prefLabel ?yosName }}""")
    assert len(row) == 1
    r = row[0]
    assert r["issued"] == "2016-03-23"
    assert (r["start"], r["end"]) == ("2016-02-29", "2016-03-02")
    assert r["cases"] == "20"
    assert r["area"] == "Salford"
    assert r["type"] == "Short Quality Screening"
    assert r["previous"] == "2013-02"
    assert r["source"] == "salford-sqs-2016.md"
    assert r["publisher"].endswith("/org/hmi-probation")
    assert r["yosName"] == "Salford Youth Offending Service"
    assert "Short Quality Screening" in r["title"]


def test_reoffending_rate_and_comparator(loaded: Store) -> None:
    rows = select(loaded, f"""SELECT ?rate ?avg ?label ?cohort ?source WHERE {{ {R} yj:hasMeasurement ?m .
        ?m rdf:value ?rate ; yj:cohort ?cohort ; dcterms:source ?source ; yj:comparedWith ?c .
        ?c rdf:value ?avg ; rdfs:label ?label }}""")
    assert len(rows) == 1
    assert float(rows[0]["rate"]) == 35.6 and float(rows[0]["avg"]) == 38.0
    assert rows[0]["label"] == "England and Wales average"
    assert rows[0]["cohort"] == "April 2013 – March 2014"
    assert rows[0]["source"].endswith("/org/ministry-of-justice")


def test_numbered_findings_with_themes(loaded: Store) -> None:
    rows = select(loaded, f"""SELECT ?n ?theme WHERE {{ ?f a yj:Finding ; dcterms:isPartOf {R} ;
        dcterms:identifier ?n ; dcterms:subject ?t . ?t skos:prefLabel ?theme }}""")
    numbers = sorted((r["n"] for r in rows), key=lambda n: tuple(map(int, n.split("."))))
    assert numbers == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "2.5",
                       "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4"]
    themes = {r["n"]: r["theme"] for r in rows}
    assert themes["1.3"] == "Reducing reoffending"
    assert themes["2.5"] == "Protecting the public"
    assert themes["3.2"] == "Protecting the child or young person"
    assert themes["4.4"] == "Ensuring that the sentence is served"


def test_summary_and_operational_management_are_findings(loaded: Store) -> None:
    rows = select(loaded, f"""SELECT ?section (COUNT(?f) AS ?n) WHERE {{ ?f a yj:Finding ; dcterms:isPartOf {R} ;
        yj:section ?section FILTER NOT EXISTS {{ ?f dcterms:identifier ?id }} }} GROUP BY ?section""")
    assert {r["section"]: int(r["n"]) for r in rows} == {"Summary": 2, "Operational management": 1}


def test_strengths_and_areas_for_improvement(loaded: Store) -> None:
    assert scalar(loaded, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s a yj:Strength ; dcterms:isPartOf {R} }}") == "4"
    texts = [r["t"] for r in select(loaded, f"""SELECT ?t ?o WHERE {{ ?s a yj:Recommendation ;
        dcterms:isPartOf {R} ; rdf:value ?t ; yj:ordinal ?o }} ORDER BY ?o""")]
    assert len(texts) == 4
    assert texts[3].startswith("More consistent communication with children's social care services")


def test_copy_list_posts_and_holders(loaded: Store) -> None:
    posts = select(loaded, f"""SELECT ?post ?role (COUNT(?person) AS ?n) WHERE {{ {R} yj:copiedTo ?post .
        ?post skos:prefLabel ?role ; org:heldBy ?person }} GROUP BY ?post ?role""")
    assert len(posts) == 15
    assert sum(int(p["n"]) for p in posts) == 23
    holders = {p["role"]: int(p["n"]) for p in posts}
    assert holders["Ofsted – Social Care"] == 2
    assert holders["YJB link staff"] == 4
    names = {r["name"] for r in select(loaded, f"""SELECT ?name WHERE {{ {R} yj:copiedTo/org:heldBy/foaf:name ?name }}""")}
    assert {"Kay Davidson", "Lisa Harvey-Messina", "Caroline Prandas", "Adrian Stretch"} <= names
    ofsted = select(loaded, f"""SELECT ?org WHERE {{ {R} yj:copiedTo ?p . ?p skos:prefLabel "Ofsted – Social Care"@en ;
        org:postIn ?org }}""")
    assert [r["org"] for r in ofsted] == ["https://w3id.org/yjkg/id/org/ofsted"]


def test_addressee_author_and_lead_inspector_are_people(loaded: Store) -> None:
    rows = select(loaded, f"""SELECT ?to ?from ?lead WHERE {{ {R} yj:addressee/org:heldBy/foaf:name ?to ;
        yj:author/org:heldBy/foaf:name ?from ; yj:leadInspector/foaf:name ?lead }}""")
    assert {(r["to"], r["from"], r["lead"]) for r in rows} == {("Charlotte Ramsden", "Alan MacDonald", "Helen Mercer")}
    roles = {r["role"] for r in select(loaded, f"SELECT ?role WHERE {{ {R} yj:addressee/skos:prefLabel ?role }}")}
    assert roles == {"Chair of Salford Youth Offending Service Management Board", "Director of Children's Services"}


def test_organisations(loaded: Store) -> None:
    labels = {r["label"] for r in select(loaded, f"""SELECT DISTINCT ?label WHERE {{
        {{ ?s dcterms:isPartOf {R} ; yj:mentions ?o }} UNION {{ {R} yj:copiedTo/org:postIn ?o }}
        UNION {{ {R} yj:inspects|dcterms:publisher ?o }} UNION {{ {R} yj:hasMeasurement/dcterms:source ?o }}
        ?o a org:Organization ; skos:prefLabel ?label }}""")}
    assert {"Salford Youth Offending Service", "HM Inspectorate of Probation", "Youth Justice Board", "Ofsted",
            "Care Quality Commission", "Ministry of Justice", "Salford children's social care"} <= labels


def test_social_care_gap_on_finding_3_2_and_fourth_area_for_improvement(loaded: Store) -> None:
    rows = select(loaded, f"""SELECT ?s ?kind ?evidence WHERE {{ ?s dcterms:isPartOf {R} ; a ?kind ;
        yj:gap gap:social-care-communication ;
        yj:mentions <https://w3id.org/yjkg/id/org/salford/childrens-social-care> ;
        yj:hasTag ?tag . ?tag oa:hasBody gap:social-care-communication ; yj:evidence ?evidence }}""")
    found = {r["s"].rsplit("/", 2)[-2] + "/" + r["s"].rsplit("/", 1)[-1] for r in rows}
    assert found == {"finding/3.2", "recommendation/4"}
    evidence = {r["evidence"] for r in rows}
    assert any("communication between the two organisations was not always good enough" in e for e in evidence)


def test_positive_statements_evidence_no_gap(loaded: Store) -> None:
    assert scalar(loaded, f"""SELECT (COUNT(*) AS ?n) WHERE {{ ?s a yj:Strength ; dcterms:isPartOf {R} ;
        yj:gap ?g }}""") == "0"
    assert scalar(loaded, f"""SELECT (COUNT(*) AS ?n) WHERE {{ ?s dcterms:identifier "1.2" ;
        dcterms:isPartOf {R} ; yj:gap ?g }}""") == "0"


def test_every_statement_points_back_to_its_words(loaded: Store) -> None:
    source = scalar(loaded, f"SELECT ?t WHERE {{ {R} yj:sourceText ?t }}")
    rows = select(loaded, f"""SELECT ?text ?start ?end WHERE {{ ?s dcterms:isPartOf {R} ; rdf:value ?text ;
        yj:startOffset ?start ; yj:endOffset ?end }}""")
    assert len(rows) == 17 + 3 + 4 + 4
    for row in rows:
        assert source[int(row["start"]):int(row["end"])] == row["text"]
    tags = select(loaded, f"""SELECT ?e ?start ?end WHERE {{ ?s dcterms:isPartOf {R} ; yj:hasTag ?t .
        ?t yj:evidence ?e ; yj:startOffset ?start ; yj:endOffset ?end }}""")
    assert tags
    for tag in tags:
        assert source[int(tag["start"]):int(tag["end"])] == tag["e"]
