"""The yjkg command, run in-process with click's runner against a real embedded store."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from tests.conftest import SAMPLES
from yjkg.cli import main


def run(*args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def loaded(tmp_path: Path, salford: Path) -> str:
    location = str(tmp_path / "store")
    result = run("load", str(SAMPLES), str(salford), "--store", location)
    assert "Loaded 5 of 5 files" in result.output
    return location


def test_every_verb_has_help() -> None:
    for verb in ("load", "query", "export", "validate", "reports", "remove", "serve"):
        assert "Usage:" in run(verb, "--help").output


def test_store_from_environment(tmp_path: Path, salford: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YJKG_STORE", str(tmp_path / "env-store"))
    run("load", str(salford))
    assert (tmp_path / "env-store" / "oxigraph").is_dir()
    assert "sqs-salford-2016-03-23" in run("reports").output


def test_reports_lists_counts(loaded: str) -> None:
    output = run("reports", "--store", loaded).output
    line = next(line for line in output.splitlines() if line.startswith("sqs-salford"))
    assert line.split()[1:6] == ["2016-03-23", "md", "20", "4", "4"]
    assert len([line for line in output.splitlines() if line.startswith("sqs-")]) == 5


def test_query_formats(loaded: str) -> None:
    q = "SELECT ?area WHERE { ?r a yj:Report ; yj:area ?area } ORDER BY ?area"
    data = json.loads(run("query", q, "--store", loaded, "--format", "json").output)
    areas = [b["area"]["value"] for b in data["results"]["bindings"]]
    assert areas == ["Ashbury", "Fenwick", "Kestrel Vale", "Northmoor", "Salford"]
    rows = list(csv.reader(io.StringIO(run("query", q, "--store", loaded, "--format", "csv").output)))
    assert rows[0] == ["area"] and len(rows) == 6
    assert run("query", q, "--store", loaded, "--format", "tsv").output.startswith("?area")
    assert "<sparql" in run("query", q, "--store", loaded, "--format", "xml").output
    table = run("query", q, "--store", loaded).output
    assert "Kestrel Vale" in table


def test_query_from_file(loaded: str) -> None:
    path = Path(__file__).resolve().parent.parent / "graph" / "queries" / "02-recurring-gaps.rq"
    data = json.loads(run("query", f"@{path}", "--store", loaded, "--format", "json").output)
    counts = {b["gap"]["value"].rsplit("/", 1)[1]: int(b["reports"]["value"]) for b in data["results"]["bindings"]}
    assert counts["social-care-communication"] == 4  # Salford and three fictional areas


def test_query_syntax_error(loaded: str) -> None:
    result = run("query", "SELECT WHERE {", "--store", loaded, ok=False)
    assert result.exit_code == 1 and "syntax error" in result.output.lower()


@pytest.mark.parametrize("fmt,parse_as", [("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS),
                                          ("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                                          ("jsonld", ox.RdfFormat.JSON_LD)])
def test_export_round_trips(loaded: str, tmp_path: Path, fmt: str, parse_as: ox.RdfFormat) -> None:
    out = tmp_path / f"export.{fmt}"
    run("export", "--store", loaded, "--format", fmt, "--output", str(out))
    quads = list(ox.parse(path=str(out), format=parse_as))
    assert len(quads) > 3000
    if fmt in ("trig", "nq"):
        assert len({q.graph_name for q in quads}) == 5 + 3


def test_validate_passes_on_samples_and_salford(loaded: str) -> None:
    result = run("validate", "--store", loaded)
    assert "5 of 5 graphs conform" in result.output


def test_validate_reports_violations(loaded: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:x:f> a <https://w3id.org/yjkg/ns#Finding> .\n")
    run("load", str(broken), "--store", loaded)
    result = run("validate", "--store", loaded, ok=False)
    assert result.exit_code == 1
    assert "MinCount" in result.output and "urn:x:f" in result.output


def test_remove(loaded: str) -> None:
    assert "Removed sqs-fenwick-2018-03-06" in run("remove", "fenwick-sqs-2018.html", "--store", loaded).output
    assert "fenwick" not in run("reports", "--store", loaded).output
    result = run("remove", "fenwick-sqs-2018.html", "--store", loaded, ok=False)
    assert result.exit_code == 1 and "no loaded report matches" in result.output


def test_read_verbs_on_a_missing_store(tmp_path: Path) -> None:
    result = run("reports", "--store", str(tmp_path / "nothing"), ok=False)
    assert result.exit_code == 1 and "no store at" in result.output
