"""Snapshots written by every released format version still read, build and diff alike.

The files under ``tests/data/snapshots/`` were written by the qapi-build of
each format version (see the README there); a newer qapi-build migrates them.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path

import pytest

from qapi_backends.c import CBackend
from qapi_ir import ir, snapshot, snapshot_versions
from qapi_ir.frontend import load_schema
from qapi_ir.input_file import MAX_INPUT_BYTES, read_bytes
from qapi_ir.plugin_api import Output
from tests.cli.helpers import EXAMPLE, run_cli
from tests.conftest import CORPUS_DIR, REPO_ROOT, need

STORED = REPO_ROOT / "tests" / "data" / "snapshots"
VERSIONS = sorted(path.name for path in STORED.iterdir() if path.is_dir())
FULL_SCHEMA = Path("qemu-10.2") / "codegen" / "schemas"


def _text(path: Path) -> str:
    """A stored snapshot's text, unpacked within the input size limit when gzipped."""
    data = read_bytes(path)
    if path.suffix == ".gz":
        unpacker = zlib.decompressobj(wbits=31)
        data = unpacker.decompress(data, MAX_INPUT_BYTES)
        assert not unpacker.unconsumed_tail, f"{path} unpacks to more than the input limit"
    return data.decode()


def _c_files(schema: ir.Schema) -> dict[str, str]:
    backend = CBackend()
    output = Output()
    backend.generate(schema, output, {o.name: o.default for o in backend.options})
    return output.files


def _load_in(directory: Path, schema_file: str) -> ir.Schema:
    """The schema read as the stored snapshots' was: from its folder (locations alike)."""
    with contextlib.chdir(directory):
        return load_schema(schema_file)


@pytest.fixture(scope="module")
def example_today() -> ir.Schema:
    return _load_in(EXAMPLE.parent, EXAMPLE.name)


def test_a_snapshot_is_kept_for_every_earlier_format_version() -> None:
    """The current version's may follow when it is released; every earlier one is kept."""
    current = snapshot_versions.FORMAT_VERSION
    assert VERSIONS[:current - 1] == [f"v{n}" for n in range(1, current)], (
        "keep the snapshots each format version wrote in tests/data/snapshots/vN"
        " (see the README there)")
    assert set(VERSIONS) <= {f"v{n}" for n in range(1, current + 1)}
    for version in VERSIONS:
        for name in ("service.ir.json", "qapi-schema.ir.json.gz"):
            document = json.loads(_text(STORED / version / name))
            assert document["version"] == int(version[1:]), f"{version}/{name}"


@pytest.mark.parametrize("version", VERSIONS)
def test_stored_example_snapshot_reads_as_today_s_ir_of_the_example(
        version: str, example_today: ir.Schema) -> None:
    schema = snapshot.loads(_text(STORED / version / "service.ir.json"))
    assert schema == example_today


@pytest.mark.parametrize("version", VERSIONS)
def test_stored_example_snapshot_builds_the_same_c_as_the_example(
        version: str, example_today: ir.Schema) -> None:
    from_snapshot = _c_files(snapshot.loads(_text(STORED / version / "service.ir.json")))
    assert from_snapshot == _c_files(example_today)
    assert "qapi-commands.c" in from_snapshot


@pytest.mark.parametrize("version", VERSIONS)
def test_stored_example_snapshot_diffs_against_the_example_with_no_finding(
        version: str) -> None:
    result = run_cli("diff", "--no-cache", "--format", "json", "--fail-on", "any",
                     STORED / version / "service.ir.json", EXAMPLE)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["changes"], report["not_compared"]) == ([], [])
    assert report["types"], "the diff compared no types"


@pytest.fixture(scope="module")
def full_schema_today() -> tuple[Path, dict[str, str]]:
    """QEMU 10.2's whole schema (read where the stored snapshots were made) and its C."""
    schemas = CORPUS_DIR / FULL_SCHEMA
    need((schemas / "qapi" / "qapi-schema.json").is_file(),
         f"QEMU 10.2's schema not found in the corpus at {CORPUS_DIR}"
         " (set QAPI_BUILD_CORPUS to its folder)")
    return schemas, _c_files(_load_in(schemas, "qapi/qapi-schema.json"))


@pytest.mark.parametrize("version", VERSIONS)
def test_stored_full_schema_snapshot_builds_the_same_c_and_diffs_with_no_finding(
        version: str, full_schema_today: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    schemas, c_today = full_schema_today
    text = _text(STORED / version / "qapi-schema.ir.json.gz")
    assert _c_files(snapshot.loads(text)) == c_today
    unpacked = tmp_path / "ir.json"
    unpacked.write_text(text)
    result = run_cli("diff", "--no-cache", "--format", "json", "--fail-on", "any",
                     unpacked, "qapi/qapi-schema.json", cwd=schemas)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["changes"], report["not_compared"]) == ([], [])
    assert len(report["types"]) > 500
