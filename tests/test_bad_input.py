"""Bad input: a one-line error naming the file, a non-zero exit, and nothing half-written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.store import open_store
from yjkg.cli import main


@pytest.fixture
def location(tmp_path: Path, salford: Path) -> str:
    location = str(tmp_path / "store")
    assert CliRunner().invoke(main, ["load", str(salford), "--store", location]).exit_code == 0
    return location


def _quads(location: str) -> list[str]:
    with open_store(location, read_only=True) as store:
        return sorted(str(q) for q in store.quads())


def _no_text_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # a scan-like page: marks but no text layer
    pdf.output(str(path))


def _make(kind: str, tmp_path: Path) -> tuple[Path, str]:
    if kind == "empty":
        path = tmp_path / "empty.md"
        path.write_text("")
        return path, "file is empty"
    if kind == "binary":
        path = tmp_path / "binary.html"
        path.write_bytes(os.urandom(4000) + b"\x00" * 10)
        return path, "binary content"
    if kind == "fake-pdf":
        path = tmp_path / "fake.pdf"
        path.write_bytes(b"this is not a pdf at all")
        return path, "not a readable PDF"
    if kind == "fake-docx":
        path = tmp_path / "fake.docx"
        path.write_bytes(b"PK\x03\x04 broken zip")
        return path, "not a readable DOCX"
    if kind == "no-text-pdf":
        path = tmp_path / "scan.pdf"
        _no_text_pdf(path)
        return path, "no text layer"
    if kind == "unreadable":
        path = tmp_path / "dangling.md"
        path.symlink_to(tmp_path / "does-not-exist.md")
        return path, "cannot read file"
    if kind == "corrupt-rdf":
        path = tmp_path / "corrupt.ttl"
        path.write_text("@prefix x: <urn:x:> .\nx:a x:b \"unterminated .\n")
        return path, "not valid TTL RDF"
    if kind == "no-structure":
        path = tmp_path / "notes.txt"
        path.write_text("shopping list\n\nmilk and eggs\n")
        return path, "no recognisable report structure"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["empty", "binary", "fake-pdf", "fake-docx", "no-text-pdf", "unreadable",
                                  "corrupt-rdf", "no-structure"])
def test_bad_file(kind: str, tmp_path: Path, location: str) -> None:
    path, message = _make(kind, tmp_path)
    before = _quads(location)
    result = CliRunner().invoke(main, ["load", str(path), "--store", location])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert str(path) in errors[0] and message in errors[0]
    assert _quads(location) == before


def test_good_files_load_beside_a_bad_one(tmp_path: Path, location: str) -> None:
    from tests.conftest import SAMPLES

    bad, _ = _make("empty", tmp_path)
    result = CliRunner().invoke(main, ["load", str(bad), str(SAMPLES / "northmoor-sqs-2016.md"), "--store", location])
    assert result.exit_code == 1
    assert "Loaded 1 of 2 files" in result.output
    assert "northmoor" in CliRunner().invoke(main, ["reports", "--store", location]).output


def test_missing_path(tmp_path: Path, location: str) -> None:
    result = CliRunner().invoke(main, ["load", str(tmp_path / "nope.md"), "--store", location])
    assert result.exit_code == 1 and "no such file or folder" in result.output


def test_unsupported_files_in_a_folder_are_named(tmp_path: Path, location: str, salford: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.xlsx").write_bytes(b"x")
    (folder / "report.md").write_text(salford.read_text())
    result = CliRunner().invoke(main, ["load", str(folder), "--store", location])
    assert result.exit_code == 0
    assert "skipped:" in result.output and "notes.xlsx" in result.output
