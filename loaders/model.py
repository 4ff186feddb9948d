"""The typed objects that flow from readers to parsers to the RDF builder."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "para", "item", "row"]


@dataclass(frozen=True)
class Block:
    """One unit of a document's text: a heading, paragraph, list item or table row.

    ``start``/``end`` index into ``Document.text``; for a row, ``cells`` holds the cell texts
    and ``text`` joins them with a tab.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    level: int = 0
    cells: tuple[str, ...] = ()


@dataclass
class Document:
    """A document as a reader saw it: its plain text and the blocks that tile it."""

    source: str  # file name
    fmt: str  # md, txt, html, pdf, docx
    text: str
    blocks: list[Block]


class DocumentBuilder:
    """Accumulates blocks and the plain text they index into (blocks separated by blank lines)."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.fmt = fmt
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def add(self, kind: BlockKind, text: str, level: int = 0, cells: tuple[str, ...] = ()) -> None:
        text = " ".join(text.split()) if kind != "row" else "\t".join(cells)
        if not text.strip():
            return
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        self.blocks.append(Block(kind, text, start, self._length, level, cells))

    def build(self) -> Document:
        return Document(self.source, self.fmt, "".join(self._parts), self.blocks)


@dataclass
class Span:
    """A passage of the document text: verbatim words and where they stand."""

    text: str
    start: int
    end: int


@dataclass
class Tag:
    """Why a statement mentions an organisation or evidences a gap."""

    kind: Literal["mention", "gap"]
    target: str  # organisation IRI or gap concept IRI
    matched: str
    evidence: Span


@dataclass
class Statement:
    """A finding, strength or recommendation with its provenance and tags."""

    kind: Literal["finding", "strength", "recommendation"]
    span: Span
    section: str
    number: str | None = None  # paragraph number as printed
    theme: str | None = None  # theme concept IRI
    polarity: str | None = None  # polarity concept IRI
    tags: list[Tag] = field(default_factory=list)
    addressed_to: list[str] = field(default_factory=list)  # organisation IRIs


@dataclass
class Holder:
    """A post and the people who hold it, as printed on the report."""

    role: str
    names: list[str]
    org: str | None = None  # organisation IRI
    span: Span | None = None
    other_roles: list[tuple[str, str | None]] = field(default_factory=list)  # more posts of the same holder


@dataclass
class Measurement:
    value: float
    label: str
    unit: str = "percent"
    cohort: str | None = None
    published: str | None = None
    source_org: str | None = None  # organisation IRI
    comparator: Measurement | None = None


@dataclass
class Organisation:
    iri: str
    label: str
    classes: tuple[str, ...]
    agency_type: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass
class Report:
    """Everything a parser extracted from one report."""

    document: Document
    parser: str
    title: str
    area: str
    inspection_type: str
    issued: dt.date | None = None
    yos_name: str | None = None
    publisher: str | None = None  # organisation IRI
    fieldwork_start: dt.date | None = None
    fieldwork_end: dt.date | None = None
    cases_examined: int | None = None
    previous_inspection: tuple[int, int] | None = None  # (year, month)
    reoffending: Measurement | None = None
    addressee: Holder | None = None
    author: Holder | None = None
    lead_inspector: str | None = None
    copy_list: list[Holder] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Statement]:
        return [s for s in self.statements if s.kind == "finding"]


class LoadError(Exception):
    """A document that cannot be loaded; the message names the problem (the caller adds the file)."""
