"""Word (.docx) reports, read with python-docx in document order (paragraphs and tables)."""
from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from loaders.model import Document, DocumentBuilder

_HEADING = re.compile(r"^(?:Heading|Title)\s*(\d*)$", re.IGNORECASE)


def read(path: Path, fmt: str) -> Document:
    document = docx.Document(str(path))
    builder = DocumentBuilder(path.name, fmt)
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                builder.add("row", "", cells=tuple(cells))
        elif isinstance(block, Paragraph):
            _add_paragraph(builder, block)
    return builder.build()


def _add_paragraph(builder: DocumentBuilder, paragraph: Paragraph) -> None:
    text = paragraph.text
    style = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING.match(style or "")
    if heading:
        builder.add("heading", text, level=int(heading.group(1) or 1))
    elif "\t" in text.strip("\t ") or text.rstrip(" ").endswith(":\t"):
        builder.add("row", "", cells=tuple(c.strip() for c in re.split(r"\t+", text) if c.strip()))
    elif style.lower().startswith("list"):
        builder.add("item", text)
    else:
        builder.add("para", text)
