"""The conformance ratchet: QEMU 10.2's generator is the reference.

``tests/conformance_known_failures.txt`` lists the cases known to differ.  The
list may only shrink: a failure not on it fails the test, and so does a listed
case that now passes (remove it from the list).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

KNOWN_FAILURES = REPO_ROOT / "tests" / "conformance_known_failures.txt"
_LABEL = re.compile(r"^--- ((?:frontend|codegen)/\S+)$", re.MULTILINE)
_SUMMARY = re.compile(r"^conformance: (\d+) passed, (\d+) failed$", re.MULTILINE)


def _known_failures(kind: str) -> set[str]:
    lines = KNOWN_FAILURES.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip().startswith(kind + "/")}


def _all_cases(corpus: Path, kind: str) -> set[str]:
    base = corpus / "qemu-10.2" / kind
    if kind == "frontend":
        return {f"frontend/{n}" for n in (base / "cases.txt").read_text().split()}
    cases = json.loads((base / "cases.json").read_text())
    return {
        f"codegen/{case['name']}/{path.relative_to(base / 'expected' / case['name'])}"
        for case in cases
        for path in (base / "expected" / case["name"]).rglob("*")
        if path.is_file()
    }


@pytest.mark.parametrize("kind", ["frontend", "codegen"])
def test_conformance_failures_are_exactly_the_known_ones(corpus_dir: Path, kind: str) -> None:
    result = subprocess.run(
        [sys.executable, str(corpus_dir / "run"), "--only", kind, "--diff-lines", "0",
         "--cmd", f"{sys.executable} -m qapi_ir"],
        capture_output=True, text=True, timeout=1800, check=False,
    )
    summary = _SUMMARY.search(result.stdout)
    assert summary, f"runner printed no summary:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    failing = set(_LABEL.findall(result.stdout))
    assert len(failing) == int(summary.group(2))
    known = _known_failures(kind)
    unexpected = sorted(failing - known)
    fixed = sorted(known & (_all_cases(corpus_dir, kind) - failing))
    assert not unexpected, f"new conformance failures: {unexpected}"
    assert not fixed, f"now passing, remove from {KNOWN_FAILURES.name}: {fixed}"
