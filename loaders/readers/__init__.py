"""Document readers: each turns one file into a :class:`~loaders.model.Document`.

Readers are registered by file suffix, so a new format is one module and one line here.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from loaders.model import Document, LoadError

Reader = Callable[[Path], Document]

_READERS: dict[str, tuple[str, str]] = {
    # suffix: (module, format name)
    ".md": ("loaders.readers.markdown", "md"),
    ".markdown": ("loaders.readers.markdown", "md"),
    ".txt": ("loaders.readers.markdown", "txt"),
    ".html": ("loaders.readers.html", "html"),
    ".htm": ("loaders.readers.html", "html"),
    ".pdf": ("loaders.readers.pdf", "pdf"),
    ".docx": ("loaders.readers.docx", "docx"),
}

REPORT_SUFFIXES = frozenset(_READERS)


def read_document(path: Path) -> Document:
    """Read a report document of any supported format; raise LoadError on bad input."""
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise LoadError(f"unsupported file type {suffix or '(none)'}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise LoadError("file is empty")
    module_name, fmt = _READERS[suffix]
    module = __import__(module_name, fromlist=["read"])
    try:
        document: Document = module.read(path, fmt)
    except LoadError:
        raise
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    except Exception as exc:  # a library's parse error on a corrupt file
        raise LoadError(f"not a readable {fmt.upper()} file ({type(exc).__name__}: {exc})") from exc
    if not document.text.strip():
        raise LoadError("no text found in the document")
    return document


def read_text_file(path: Path) -> str:
    """Read a text-format file as UTF-8, refusing binary content."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise LoadError("binary content in a text-format file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise LoadError("file is neither UTF-8 nor Windows-1252 text") from exc
    if sum(not (c.isprintable() or c.isspace()) for c in text) > len(text) // 100:
        raise LoadError("binary content in a text-format file")
    return text
