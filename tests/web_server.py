"""Run `yjkg serve` for real on loopback, for the web and browser tests."""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT, free_port, wait_for_http

YJKG = Path(sys.executable).parent / "yjkg"


@contextmanager
def serving(store: str, *flags: str) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([str(YJKG), "serve", "--store", store, "--port", str(port), *flags], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/sparql?query=ASK%7B%7D")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def load(store: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(YJKG), "load", *map(str, paths), "--store", store], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
