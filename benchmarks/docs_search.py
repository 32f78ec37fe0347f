"""The docs search on QEMU's full schema: index size and time to the first result.

Not a test: run it by hand on a quiet machine.  Writes the manual, opens the
index page in headless Chromium (as tests/backends/docs does), and for each
query times, inside the page, the search from the input event until the first
result is in the list, on a freshly loaded page whose index has just been
loaded by focusing the search box (so the one-off preparation of the index is
included, the file's loading is not).  Fails (exit 1) when the gzip-compressed index exceeds
1 MB or the median first result of a query takes 50 ms or more (the worst run
is printed too: on a busy machine single runs stall).

Usage: .venv/bin/python benchmarks/docs_search.py [SCHEMA] [--runs N]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from qapi_backends.docs import DocsBackend
from qapi_ir.frontend import load_schema
from qapi_ir.plugin_api import Output

REPO = Path(__file__).resolve().parents[1]
FULL_SCHEMA = (REPO.parent / "shared" / "conformance" / "qemu-10.2" / "codegen" / "schemas"
               / "qapi" / "qapi-schema.json")
QUERIES = ("blockdev_add", "node-name", "deprecated", "ejects the medium", "b")
INDEX_BUDGET_BYTES = 1_000_000
FIRST_RESULT_BUDGET_MS = 50.0

#: Runs in the page: focus the search box and wait for the index it loads.
_LOAD_INDEX = """
const done = arguments[arguments.length - 1];
document.getElementById("search-box").focus();
const wait = () => window.QAPI_SEARCH_INDEX ? done(true) : setTimeout(wait, 5);
wait();
"""

#: Runs in the page: one search, timed from the input event to the first result shown.
_TIME_SEARCH = """
const box = document.getElementById("search-box");
const start = performance.now();
box.value = arguments[0];
box.dispatchEvent(new Event("input"));
return document.querySelector("#search-results a") ? performance.now() - start : -1;
"""


def _screenshot_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "docs_screenshot", REPO / "scripts" / "docs_screenshot.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    """Measure, print, and check the budgets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", nargs="?", default=str(FULL_SCHEMA))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    output = Output()
    DocsBackend().generate(load_schema(args.schema), output,
                          {o.name: o.default for o in DocsBackend.options})
    index = output.files["search-index.js"].encode()
    compressed = len(gzip.compress(index, 9))
    print(f"search index: {len(index) / 1e6:.2f} MB, {compressed / 1e6:.3f} MB gzip -9")
    slowest_median = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        for name, text in output.files.items():
            (site / name).write_text(text, encoding="utf-8")
        driver = _screenshot_script().open_browser(Path(tmp) / "profile")
        try:
            for query in QUERIES:
                times = []
                for _ in range(args.runs):
                    driver.get((site / "index.html").as_uri())
                    driver.execute_async_script(_LOAD_INDEX)
                    times.append(float(driver.execute_script(_TIME_SEARCH, query)))
                if min(times) < 0:
                    print(f"{query!r}: no result")
                    return 1
                slowest_median = max(slowest_median, statistics.median(times))
                print(f"{query!r}: first result in {statistics.median(times):.1f} ms median, "
                      f"{max(times):.1f} ms worst of {args.runs}")
        finally:
            driver.quit()
    ok = compressed < INDEX_BUDGET_BYTES and slowest_median < FIRST_RESULT_BUDGET_MS
    print(f"budget (index < 1 MB compressed, median first result < 50 ms): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
