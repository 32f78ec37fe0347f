"""How long the docs backend takes on QEMU's full schema (target: at most 1 s).

Not a test: run it by hand.  Prints the best of several runs of the backend
alone (the front end is timed separately), the files written and the warnings.

Usage: .venv/bin/python benchmarks/docs_full_schema.py [SCHEMA] [--runs N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from qapi_backends.docs import DocsBackend
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output

FULL_SCHEMA = (Path(__file__).resolve().parents[2] / "shared" / "conformance" / "qemu-10.2"
               / "codegen" / "schemas" / "qapi" / "qapi-schema.json")


def main() -> None:
    """Time the front end once and the docs backend ``--runs`` times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", nargs="?", default=str(FULL_SCHEMA))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    schema = load_schema(args.schema)
    print(f"front end: {time.perf_counter() - start:.3f} s")
    best = float("inf")
    output = Output()
    for _ in range(args.runs):
        output = Output()
        start = time.perf_counter()
        DocsBackend().generate(schema, output, {o.name: o.default for o in DocsBackend.options})
        best = min(best, time.perf_counter() - start)
    size = sum(len(text) for text in output.files.values())
    print(f"docs backend: {best:.3f} s (best of {args.runs}), {len(output.files)} files, "
          f"{size / 1e6:.1f} MB, {len(output.warnings)} warnings")


if __name__ == "__main__":
    main()
