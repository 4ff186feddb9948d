"""A report of unknown layout still yields a report, findings with provenance, agencies, gaps and warnings."""
from __future__ import annotations

from pathlib import Path

from loaders import load_report
from loaders.parser import clean_name, split_names
from ontology import ID

UNFAMILIAR = """# Joint inspection of youth justice services in Westmarsh

Published 12 May 2021. Fieldwork took place from 8 to 10 March 2021.

## What we found

1.1 Westmarsh Youth Offending Team had a clear strategy, and leaders were visible.

1.2 Information sharing with children's social care was not timely, and social workers did not attend reviews.

1.3 The police did not share intelligence about exploitation with the YOT in good time.

## Areas to develop

- Access to CAMHS should be improved for children on court orders.
- The partnership board needs to monitor education outcomes.

## Distribution

Director of Children's Services\tDr Ada Fenwick
Chair of the Youth Justice Partnership Board\tCllr Ben Ode, Mr Carl Moss
"""


def test_unfamiliar_layout(tmp_path: Path) -> None:
    path = tmp_path / "westmarsh.md"
    path.write_text(UNFAMILIAR)
    built = load_report(path)
    report = built.parsed
    assert report.parser == "generic"
    assert report.area == "Westmarsh"
    assert any("not recognised as a Short Quality Screening" in w for w in report.warnings)
    assert any("Areas to develop" in w or "What we found" in w for w in report.warnings)
    numbered = {s.number: s for s in report.statements if s.number}
    assert set(numbered) == {"1.1", "1.2", "1.3"}
    for statement in report.statements:
        assert report.document.text[statement.span.start:statement.span.end] == statement.span.text
    gaps = {t.target.rsplit("/", 1)[1] for t in numbered["1.2"].tags if t.kind == "gap"}
    assert gaps == {"social-care-communication"}
    assert "police-joint-working" in {t.target.rsplit("/", 1)[1] for t in numbered["1.3"].tags if t.kind == "gap"}
    mentions = {t.target for t in numbered["1.3"].tags if t.kind == "mention"}
    assert ID + "org/westmarsh/police" in mentions
    assert ID + "org/westmarsh/youth-offending-service" in mentions
    assert not [t for t in numbered["1.1"].tags if t.kind == "gap"]
    assert report.issued is not None and report.issued.isoformat() == "2021-05-12"
    assert (report.fieldwork_start.isoformat(), report.fieldwork_end.isoformat()) == ("2021-03-08", "2021-03-10")
    # the bulleted list under a heading the parser does not know is still read, as findings
    assert any(s.span.text.startswith("Access to CAMHS") for s in report.statements)
    # any recognisable copy list: a distribution table of roles and names
    assert [(h.role, h.names) for h in report.copy_list] == [
        ("Director of Children's Services", ["Ada Fenwick"]),
        ("Chair of the Youth Justice Partnership Board", ["Ben Ode", "Carl Moss"]),
    ]
    assert built.graph.startswith("https://w3id.org/yjkg/graph/report/inspection-westmarsh-2021-05-12-")


def test_names_lose_their_honorifics() -> None:
    assert clean_name("Dr. Jane Roe") == "Jane Roe"
    assert clean_name("Cllr Sir John Smith") == "John Smith"
    assert split_names("Mary Candlin, Mrs Carolyn Adcock and Prof Ann Lee") == ["Mary Candlin", "Carolyn Adcock", "Ann Lee"]
