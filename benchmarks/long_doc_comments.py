"""How reading time grows with the length of one doc comment (it must grow linearly).

Not a test: run it by hand.  Writes a schema whose only definition has a doc
comment of each size, reads it with the front end and prints seconds per MB;
linear time shows as a flat column.  Before the fix, 7.7 MB took 2.7 s and 31 MB 78 s.

Usage: .venv/bin/python benchmarks/long_doc_comments.py [MB ...]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from qapi_ir.frontend import load_schema

_LINE = "# words of documentation that go on and on, as long comments do\n"


def _schema(directory: Path, megabytes: float) -> Path:
    path = directory / f"doc-{megabytes}.json"
    lines = int(megabytes * 1_000_000 / len(_LINE))
    text = "##\n# @Thing:\n#\n" + _LINE * lines + "##\n{ 'struct': 'Thing', 'data': {} }\n"
    path.write_text(text)
    return path


def main() -> None:
    """Time the front end on doc comments of the sizes given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[1.0, 7.7, 31.0])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        for megabytes in args.sizes:
            path = _schema(Path(directory), megabytes)
            start = time.perf_counter()
            load_schema(str(path))
            seconds = time.perf_counter() - start
            print(f"{megabytes:6.1f} MB  {seconds:7.2f} s  {seconds / megabytes:6.3f} s/MB")


if __name__ == "__main__":
    main()
