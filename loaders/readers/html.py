"""HTML reports, read with BeautifulSoup."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from loaders.model import Document, DocumentBuilder
from loaders.readers import read_text_file

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote"}


def read(path: Path, fmt: str) -> Document:
    return read_string(read_text_file(path), path.name, fmt)


def read_string(html: str, source: str, fmt: str = "html") -> Document:
    soup = BeautifulSoup(html, "lxml")
    for junk in soup(["script", "style", "noscript", "template", "head"]):
        junk.decompose()
    for br in soup("br"):
        br.replace_with("\n")
    for sup in soup("sup"):
        if sup.get_text().strip().isdigit():
            sup.decompose()  # footnote marks
    builder = DocumentBuilder(source, fmt)
    root = soup.body or soup
    for element in root.find_all(_BLOCKS):
        if _inside_block(element):
            continue
        name = element.name
        if name == "tr":
            cells = tuple(
                " ".join(c.get_text().split()) for c in element.find_all(["td", "th"], recursive=False)
            )
            builder.add("row", "", cells=cells)
        elif name[0] == "h" and name[1:].isdigit():
            builder.add("heading", element.get_text(), level=int(name[1]))
        elif name == "li":
            builder.add("item", element.get_text())
        else:
            builder.add("para", element.get_text())
    return builder.build()


def _inside_block(element: Tag) -> bool:
    """True when an enclosing element is itself read as a block (a <p> inside an <li>...)."""
    return any(parent.name in _BLOCKS for parent in element.parents)
