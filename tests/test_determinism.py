"""Output does not depend on the process: two runs with different hash seeds agree.

Python randomises ``str`` hashes per process, so set and dict iteration that
leaks into output shows only across processes; every check here runs twice,
in two processes with different ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.helpers import EXAMPLE
from tests.conftest import REPO_ROOT
from tests.diff.test_report import NEW, OLD
from tests.ir.strategies import schema_texts

SEEDS = ("1", "4242")


def _run_with_seed(seed: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def _tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_every_backend_writes_the_same_files_whatever_the_hash_seed(tmp_path: Path) -> None:
    backends = [arg for name in ("c", "introspect", "python", "docs", "dump", "ir")
                for arg in ("--backend", name)]
    trees = []
    for seed in SEEDS:
        out = tmp_path / seed
        result = _run_with_seed(seed, "-m", "qapi_ir", "-q", "--no-cache", *backends,
                                "-o", out, EXAMPLE, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        trees.append(_tree(out))
    assert len(trees[0]) > 20
    assert trees[0] == trees[1]


def test_diff_reports_are_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    (tmp_path / "old.json").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.json").write_text(NEW, encoding="utf-8")
    for report in ("text", "markdown", "json", "github"):
        runs = [_run_with_seed(seed, "-m", "qapi_ir", "diff", "--no-cache", "--format", report,
                               "old.json", "new.json", cwd=tmp_path) for seed in SEEDS]
        assert runs[0].stdout.count("\n") > 3, runs[0].stderr
        assert runs[0].stdout == runs[1].stdout, report


_DUMP = """
import sys
from qapi_ir import snapshot
from qapi_ir.frontend import load_schema
for path in sys.argv[1:]:
    sys.stdout.write(snapshot.dumps(load_schema(path)))
"""


@settings(max_examples=2, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(schema_texts(), min_size=5, max_size=5))
def test_snapshots_of_generated_schemas_are_the_same_whatever_the_hash_seed(
    tmp_path: Path, texts: list[str]
) -> None:
    names = []
    for number, text in enumerate(texts):
        (tmp_path / f"s{number}.json").write_text(text, encoding="utf-8")
        names.append(f"s{number}.json")
    runs = [_run_with_seed(seed, "-c", _DUMP, *names, cwd=tmp_path) for seed in SEEDS]
    assert runs[0].returncode == 0, runs[0].stderr
    assert runs[0].stdout.count("\n}\n") == len(texts)  # one snapshot per schema
    assert runs[0].stdout == runs[1].stdout
