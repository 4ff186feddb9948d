"""Markdown and plain-text exports (inline HTML tags included), read with markdown-it."""
from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from loaders.model import Document, DocumentBuilder
from loaders.readers import read_text_file

_MD = MarkdownIt("commonmark")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
_CELL_SPLIT = re.compile(r"\t+")


def read(path: Path, fmt: str) -> Document:
    return read_string(read_text_file(path), path.name, fmt)


def read_string(text: str, source: str, fmt: str = "md") -> Document:
    builder = DocumentBuilder(source, fmt)
    tokens = _MD.parse(text)
    kind = "para"
    level = 0
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            kind, level = "heading", int(token.tag[1])
        elif token.type == "paragraph_open":
            in_item = i > 0 and tokens[i - 1].type == "list_item_open"
            kind, level = ("item" if in_item else "para"), 0
        elif token.type == "inline":
            _add_inline(builder, _inline_text(token), kind, level)
        elif token.type in ("code_block", "fence", "html_block"):
            for line in _strip_tags(token.content).splitlines():
                _add_inline(builder, line, "para", 0)
    return builder.build()


def _add_inline(builder: DocumentBuilder, text: str, kind: str, level: int) -> None:
    """Add inline text; a paragraph whose lines hold tabs is a table, one row a line."""
    lines = [line for line in text.split("\n") if line.strip()]
    if kind == "para" and lines and all("\t" in line for line in lines):
        for line in lines:
            cells = tuple(c.strip() for c in _CELL_SPLIT.split(line.strip("\n")))
            builder.add("row", "", cells=tuple(c for c in cells if c) or ("",))
    else:
        builder.add(kind, " ".join(lines), level)  # type: ignore[arg-type]


def _inline_text(token: Token) -> str:
    out: list[str] = []
    in_sup = False
    for child in token.children or []:
        if child.type == "html_inline":
            match = _TAG.match(child.content)
            if match and match.group(2).lower() == "sup":
                in_sup = not match.group(1)
            continue
        if child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type in ("text", "code_inline"):
            if in_sup and child.content.strip().isdigit():
                continue  # a footnote mark
            out.append(child.content)
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)
