"""Render a report written in the markdown export format to PDF, DOCX or HTML.

Used to build the bundled samples (``python -m tools.render``) and by the tests, which render
the shared Salford report to PDF and check that it loads to the same graph. The text goes
through the project's own markdown reader, so every format carries the same blocks.

PDF layout follows the inspectorate's: headings in bold, numbered paragraphs, bulleted lists,
and the copy list as a two-column table whose names wrap onto further lines.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

from loaders.model import Document
from loaders.readers.markdown import read_string

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def document(markdown: str, name: str = "report.md") -> Document:
    return read_string(markdown, name)


def to_pdf(markdown: str, out: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in document(markdown).blocks:
        if block.kind == "heading":
            pdf.set_font("Body", "B", 15 if block.level <= 2 else 12)
            pdf.ln(2)
            pdf.multi_cell(width, 7, block.text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.kind == "row":
            pdf.set_font("Body", "", 10)
            cells = list(block.cells) + [""] * (2 - len(block.cells))
            y = pdf.get_y()
            if y > pdf.h - 40:
                pdf.add_page()
                y = pdf.get_y()
            pdf.multi_cell(85, 5, cells[0], new_x="LMARGIN", new_y="NEXT")
            left_end = pdf.get_y()
            pdf.set_xy(pdf.l_margin + 90, y)
            pdf.multi_cell(width - 90, 5, ", ".join(c for c in cells[1:] if c), new_x="LMARGIN", new_y="NEXT")
            pdf.set_y(max(left_end, pdf.get_y()) + 2)
        else:
            pdf.set_font("Body", "", 10)
            text = ("•  " + block.text) if block.kind == "item" and not block.text[:1].isdigit() else block.text
            pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(out))


def to_docx(markdown: str, out: Path) -> None:
    import docx

    doc = docx.Document()
    table = None
    for block in document(markdown).blocks:
        if block.kind == "row":
            if table is None:
                table = doc.add_table(rows=0, cols=2)
            cells = table.add_row().cells
            cells[0].text = block.cells[0]
            cells[1].text = ", ".join(block.cells[1:])
            continue
        table = None
        if block.kind == "heading":
            doc.add_heading(block.text, level=min(block.level, 9))
        elif block.kind == "item":
            doc.add_paragraph(block.text, style="List Bullet" if not block.text[:1].isdigit() else None)
        else:
            doc.add_paragraph(block.text)
    doc.save(str(out))


def to_html(markdown: str, title: str) -> str:
    head = f"<meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
    parts = [f"<!doctype html>\n<html lang=\"en\"><head>{head}</head><body>"]
    in_list = in_table = False
    for block in document(markdown).blocks:
        if in_list and block.kind != "item":
            parts.append("</ul>")
            in_list = False
        if in_table and block.kind != "row":
            parts.append("</table>")
            in_table = False
        if block.kind == "heading":
            parts.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif block.kind == "item":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{html.escape(block.text)}</li>")
        elif block.kind == "row":
            if not in_table:
                parts.append("<table>")
                in_table = True
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in block.cells) + "</tr>")
        else:
            parts.append(f"<p>{html.escape(block.text)}</p>")
    parts.append("</ul>" if in_list else "")
    parts.append("</table>" if in_table else "")
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)


def render(source: Path, out: Path) -> None:
    markdown = source.read_text()
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        to_pdf(markdown, out)
    elif suffix == ".docx":
        to_docx(markdown, out)
    elif suffix in (".html", ".htm"):
        out.write_text(to_html(markdown, source.stem))
    elif suffix in (".md", ".txt"):
        out.write_text(markdown)
    else:
        raise SystemExit(f"cannot render to {suffix}")


def main(argv: list[str]) -> None:
    """python -m tools.render: rebuild samples/ from tools/sample-src/ (each source names its target)."""
    root = Path(__file__).resolve().parent.parent
    for source in sorted((root / "tools" / "sample-src").glob("*.md")):
        target_suffix = source.stem.rsplit(".", 1)[-1] if "." in source.stem else "md"
        out = root / "samples" / (source.stem.rsplit(".", 1)[0] + "." + target_suffix)
        render(source, out)
        print(f"{source.name} -> {out.relative_to(root)}")


if __name__ == "__main__":
    main(sys.argv[1:])
