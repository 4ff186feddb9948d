"""The same report in PDF, DOCX and HTML gives the same graph as its text export."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from loaders import load_report
from loaders.readers import read_document
from ontology import NS
from tools.render import render

# what may differ between formats: the file, and where the words stand in the extracted text
_FORMAT_SPECIFIC = {"http://purl.org/dc/terms/source", NS + "sourceFormat", NS + "sourceText",
                    NS + "startOffset", NS + "endOffset"}


def _comparable(path: Path) -> set[ox.Triple]:
    return {q.triple for q in load_report(path).quads if q.predicate.value not in _FORMAT_SPECIFIC}


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_rendered_report_gives_the_same_graph(salford: Path, tmp_path: Path, suffix: str) -> None:
    rendered = tmp_path / f"salford{suffix}"
    render(salford, rendered)
    expected = _comparable(salford)
    got = _comparable(rendered)
    assert got - expected == set()
    assert expected - got == set()


def test_pdf_copy_list_with_wrapped_names(salford: Path, tmp_path: Path) -> None:
    rendered = tmp_path / "salford.pdf"
    render(salford, rendered)
    report = load_report(rendered).parsed
    assert report.document.fmt == "pdf"
    # the names of this row wrap onto a second line in the PDF's names column
    link_staff = next(h for h in report.copy_list if h.role == "YJB link staff")
    assert link_staff.names == ["Lisa Harvey-Messina", "Paula Williams", "Linda Paris", "Rowena Finnegan"]
    assert len(report.copy_list) == 15
    assert sum(len(h.names) for h in report.copy_list) == 23


def test_pdf_names_wrapping_inside_a_hyphenated_name(tmp_path: Path) -> None:
    from fpdf import FPDF

    from tools.render import FONT_DIR

    pdf = FPDF(format="A4")
    pdf.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("Body", "", 10)
    pdf.multi_cell(0, 5, "Copy to:", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y()
    pdf.multi_cell(60, 5, "YJB link staff", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(100, y)
    pdf.cell(0, 5, "Ann Smith, Lisa Harvey-", new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(100)
    pdf.cell(0, 5, "Messina, Bo Li", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "wrap.pdf"
    pdf.output(str(path))
    rows = [b for b in read_document(path).blocks if b.kind == "row"]
    assert [r.cells for r in rows] == [("YJB link staff", "Ann Smith, Lisa Harvey-Messina, Bo Li")]


def test_each_sample_format_is_read(tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    formats = {read_document(p).fmt for p in SAMPLES.iterdir()}
    assert {"md", "pdf", "docx", "html"} <= formats
