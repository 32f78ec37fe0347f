"""Every backend gives the same files from an IR snapshot as from the schema itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import EXAMPLE, files_below, run_cli


def _tree(directory: Path) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in files_below(directory)}


@pytest.mark.parametrize("backend", ["c", "introspect", "python", "docs", "dump"])
def test_backend_output_from_snapshot_equals_output_from_schema(
    tmp_path: Path, backend: str
) -> None:
    direct, snapshot, via_ir = tmp_path / "direct", tmp_path / "snapshot", tmp_path / "via-ir"
    assert run_cli("--backend", "ir", "-o", snapshot, EXAMPLE).returncode == 0
    first = run_cli("-q", "--no-cache", "--backend", backend, "-o", direct, EXAMPLE)
    assert first.returncode == 0, first.stderr
    again = run_cli("-q", "--no-cache", "--backend", backend, "-o", via_ir,
                    "--from-ir", snapshot / "ir.json")
    assert again.returncode == 0, again.stderr
    assert again.stderr == first.stderr
    assert _tree(direct)
    assert _tree(via_ir) == _tree(direct)
