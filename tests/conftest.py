"""Shared fixtures: the reference report, real stores (embedded and an Oxigraph server)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from graph.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SALFORD = SHARED / "reports" / "salford-sqs-2016.md"
SAMPLES = ROOT / "samples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered at {url} within {timeout} s")


@pytest.fixture(scope="session")
def salford() -> Path:
    assert SALFORD.exists(), f"the shared reference report is missing: {SALFORD}"
    return SALFORD


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server (from the `oxigraph` PyPI package) on loopback, union default graph on."""
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert binary, "the oxigraph server is not installed (pip install -r requirements-dev.txt)"
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/query?query=ASK%7B%7D")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(params=["embedded", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty writable store of each kind."""
    if request.param == "embedded":
        db = open_store(str(tmp_path / "store"))
    else:
        url = request.getfixturevalue("oxigraph_server")
        requests.post(url + "/update", data={"update": "DROP ALL"}, timeout=10).raise_for_status()
        db = open_store(url)
    try:
        yield db
    finally:
        db.close()

