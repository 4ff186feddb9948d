"""PDF reports, read with pdfplumber from the positions and fonts of words.

Lines are rebuilt from words; a line with a wide horizontal gap is a table row (a two-column
copy list), and a following line that starts under a row's second column continues that cell,
so names that wrap onto a second line stay with their role. Headings are told by font size or
weight, list items by their bullet or paragraph number, and paragraphs by vertical spacing.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from loaders.model import Document, DocumentBuilder, LoadError

_BULLETS = ("•", "●", "▪", "◦", "-", "–", "*")
_NUMBERED = re.compile(r"^\d+(\.\d+)+\.?$")
_PAGE_FURNITURE = re.compile(r"^(page\s+)?\d+(\s+of\s+\d+)?$", re.IGNORECASE)
_SENTENCE_END = (".", ":", ";", "!", "?")


@dataclass
class _Line:
    words: list[dict]
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[tuple[float, str]] = field(default_factory=list)  # (x0, text)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]


@dataclass
class _Pending:
    kind: str
    parts: list[str]
    level: int = 0
    cell_x: list[float] = field(default_factory=list)
    bottom: float = 0.0
    page: int = 0


def read(path: Path, fmt: str) -> Document:
    with pdfplumber.open(path) as pdf:
        pages = [_lines(page) for page in pdf.pages]
    if not any(pages):
        raise LoadError("PDF has no text layer (a scan?): run OCR on it first")
    sizes = Counter(round(line.size, 1) for page in pages for line in page for _ in line.words)
    body = sizes.most_common(1)[0][0]
    builder = DocumentBuilder(path.name, fmt)
    pending: _Pending | None = None
    for page_no, lines in enumerate(pages):
        for line in lines:
            pending = _feed(builder, pending, line, page_no, body)
    _flush(builder, pending)
    return builder.build()


def _lines(page) -> list[_Line]:
    words = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, x_tolerance=1.5)
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < 2.5:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = max(w["size"] for w in row)
        line = _Line(row, min(w["top"] for w in row), max(w["bottom"] for w in row), size,
                     all("bold" in w["fontname"].lower() for w in row))
        if _PAGE_FURNITURE.match(line.text.strip()):
            continue
        line.cells = _cells(row)
        lines.append(line)
    return lines


def _cells(words: list[dict]) -> list[tuple[float, str]]:
    """Split a line into cells at horizontal gaps wider than three spaces of its font."""
    cells: list[tuple[float, list[str]]] = []
    previous = None
    for word in words:
        if previous is None or word["x0"] - previous["x1"] > 3 * word["size"] * 0.5:
            cells.append((word["x0"], [word["text"]]))
        else:
            cells[-1][1].append(word["text"])
        previous = word
    if len(cells) > 1 and len(cells[0][1]) == 1 and cells[0][1][0] in _BULLETS:
        cells[0][1].extend(cells.pop(1)[1])  # a bullet and its (justified) text are one cell
    return [(x, " ".join(parts)) for x, parts in cells]


def _feed(builder: DocumentBuilder, pending: _Pending | None, line: _Line, page: int,
          body: float) -> _Pending | None:
    gap = line.top - pending.bottom if pending and pending.page == page else None
    line_height = line.bottom - line.top
    close = gap is not None and gap < 0.8 * line_height
    first = line.words[0]["text"]
    if line.size >= body + 1.5 or (line.bold and len(line.text) < 120 and len(line.cells) == 1):
        level = 1 if line.size >= body + 6 else 2 if line.size >= body + 3 else 3
        if pending and pending.kind == "heading" and close and pending.level == level:
            pending.parts.append(line.text)
            pending.bottom = line.bottom
            return pending
        _flush(builder, pending)
        return _Pending("heading", [line.text], level, bottom=line.bottom, page=page)
    if pending and pending.kind == "row" and (close or gap is None) and len(line.cells) <= len(pending.cell_x):
        column = _column(pending.cell_x, line.cells[0][0])
        if column is not None and (len(line.cells) == 1 or column == 0) and (column > 0 or close):
            for x, text in line.cells:
                col = _column(pending.cell_x, x)
                if col is None:
                    break
                pending.parts[col] = _join(pending.parts[col], text)
            else:
                pending.bottom = line.bottom
                return pending
    if len(line.cells) > 1:
        _flush(builder, pending)
        return _Pending("row", [t for _, t in line.cells], cell_x=[x for x, _ in line.cells],
                        bottom=line.bottom, page=page)
    starts_item = first in _BULLETS or bool(_NUMBERED.match(first))
    if pending and pending.kind in ("para", "item") and not starts_item:
        continues_page = gap is None and not pending.parts[-1].endswith(_SENTENCE_END)
        if close or continues_page:
            pending.parts.append(line.text)
            pending.bottom = line.bottom
            pending.page = page
            return pending
    _flush(builder, pending)
    if first in _BULLETS:
        text = line.text[len(first):].strip()
        return _Pending("item", [text], bottom=line.bottom, page=page)
    return _Pending("item" if starts_item else "para", [line.text], bottom=line.bottom, page=page)


def _column(cell_x: list[float], x: float) -> int | None:
    for index, start in enumerate(cell_x):
        if abs(start - x) < 4:
            return index
    return None


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if left.endswith("-") and not left.endswith(" -"):
        return left + right  # a hyphenated name broken at its hyphen
    return f"{left} {right}"


def _flush(builder: DocumentBuilder, pending: _Pending | None) -> None:
    if pending is None:
        return
    if pending.kind == "row":
        builder.add("row", "", cells=tuple(pending.parts))
    else:
        text = ""
        for part in pending.parts:
            text = _join(text, part)
        builder.add(pending.kind, text, pending.level)  # type: ignore[arg-type]
