"""One writer at a time on the embedded store: a second writer fails at once, readers keep working."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph import catalog
from graph.ingest import load_file
from graph.store import open_store
from tests.conftest import ROOT, SAMPLES

HOLD = """
import sys, time
from graph.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
store.close()
"""


def test_second_writer_fails_at_once_with_a_message(tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, location], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yjkg = Path(sys.executable).parent / "yjkg"
        # the timeout guards against a hang; a locked store must refuse, not wait
        result = subprocess.run([str(yjkg), "load", str(salford), "--store", location], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 1
        assert "open for writing by another process" in result.stderr
        assert f"process {holder.pid}" in result.stderr
    finally:
        holder.communicate("\n", timeout=30)
    # once the holder is gone, loading works and nothing was damaged
    result = subprocess.run([str(Path(sys.executable).parent / "yjkg"), "load", str(salford), "--store", location],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_reader_beside_a_writer_sees_new_loads_after_refresh(tmp_path: Path, salford: Path) -> None:
    location = str(tmp_path / "store")
    writer = open_store(location)
    try:
        assert load_file(writer, salford).ok
        reader = open_store(location, read_only=True)
        assert [r.key for r in catalog.reports(reader)] == ["sqs-salford-2016-03-23"]
        assert reader.refresh() is False  # nothing new yet
        assert load_file(writer, SAMPLES / "northmoor-sqs-2016.md").ok
        assert reader.refresh() is True
        assert len(catalog.reports(reader)) == 2
        reader.close()
    finally:
        writer.close()
