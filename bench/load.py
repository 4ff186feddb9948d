"""Load benchmark: the whole pipeline against pyoxigraph's own bulk load of the same triples.

    python -m bench.load [--count 1000] [--shacl-sample 50]

Generates ``--count`` fictional reports, loads them through yjkg's pipeline (read, parse,
tag, build, atomic graph replacement in an embedded store) on one core, then bulk-loads
the very quads it produced, from an N-Quads file, into a fresh store with
``pyoxigraph.Store.bulk_load``. It prints both rates and their ratio. SHACL validation at load
(on by default in ``yjkg load``) is timed separately on a sample.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.generate import generate
from graph.ingest import load_file
from graph.store import REPORT_GRAPHS, EmbeddedStore
from graph.validate import validate
from loaders import load_report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--shacl-sample", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "corpus", args.count)

        # parse only: read, parse, tag and build, no store
        started = time.perf_counter()
        built_triples = sum(len(load_report(p).quads) for p in files)
        parse_seconds = time.perf_counter() - started

        # the whole pipeline, as `yjkg load --no-shacl` runs it
        store = EmbeddedStore(root / "pipeline")
        started = time.perf_counter()
        for path in files:
            outcome = load_file(store, path, shacl=False)
            assert outcome.ok, outcome.error
        store._store.flush()
        pipeline_seconds = time.perf_counter() - started
        quads = [q for q in store.quads() if q.graph_name.value.startswith(REPORT_GRAPHS)]
        triples = len(quads)
        dump = root / "reports.nq"
        dump.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        store.close()

        # baseline: pyoxigraph's bulk loader on the same quads
        baseline = ox.Store(str(root / "bulk"))
        started = time.perf_counter()
        baseline.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        baseline.flush()
        bulk_seconds = time.perf_counter() - started
        assert len(baseline) == triples, (len(baseline), triples)

        # SHACL validation, per report, on a sample
        sample = files[: args.shacl_sample]
        built = [load_report(p).quads for p in sample]
        started = time.perf_counter()
        for report_quads in built:
            assert validate(report_quads).conforms
        shacl_seconds = (time.perf_counter() - started) / max(1, len(sample))

    print(f"corpus: {args.count} reports, {triples:,} triples ({built_triples:,} built, before de-duplication)")
    print(f"parse+tag+build only : {parse_seconds:6.2f} s  {args.count / parse_seconds:7.1f} reports/s")
    print(f"pipeline (yjkg load) : {pipeline_seconds:6.2f} s  {args.count / pipeline_seconds:7.1f} reports/s  "
          f"{triples / pipeline_seconds:9,.0f} triples/s")
    print(f"bulk load baseline   : {bulk_seconds:6.2f} s  {triples / bulk_seconds:9,.0f} triples/s")
    print(f"ratio pipeline/bulk  : {pipeline_seconds / bulk_seconds:6.1f}x  (target within 3x)")
    print(f"SHACL at load        : {shacl_seconds * 1000:6.0f} ms per report (sample of {len(sample)}); "
          f"{args.count} reports would add {shacl_seconds * args.count:.0f} s")


if __name__ == "__main__":
    main()
