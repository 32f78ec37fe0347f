"""``qapi-build diff`` reads schemas through the IR cache: a repeated diff reads no schema."""

from __future__ import annotations

from pathlib import Path

import pytest

import qapi_ir.diff.cli
import qapi_ir.frontend
from qapi_ir import templating
from qapi_ir.build import installed
from qapi_ir.build.cache_store import CacheStore
from qapi_ir.build.cli import main
from qapi_ir.build.ir_cache import from_schema_file
from qapi_ir.ir import Schema
from tests.diff.helpers import write

OLD = """
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
"""
NEW = """
{ 'enum': 'Mode', 'data': ['fast'] }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
{ 'command': 'reset' }
"""


@pytest.fixture
def schema_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the front end reads from now on (the CLI's cache settings are undone)."""
    monkeypatch.setattr(templating, "_cache_root", templating._cache_root)
    monkeypatch.setattr(installed, "_store", installed._store)
    reads: list[str] = []
    load_schema = qapi_ir.frontend.load_schema

    def counting(path: str, **kwargs: object) -> Schema:
        reads.append(Path(path).name)
        return load_schema(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(qapi_ir.frontend, "load_schema", counting)
    monkeypatch.setattr(qapi_ir.diff.cli, "load_schema", counting)
    return reads


def _diff(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert main(["diff", str(old), str(new), "--cache-dir", str(tmp_path / "cache"),
                 *extra]) == 1
    return capsys.readouterr().out


def test_a_repeated_diff_reads_no_schema_and_reports_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    reports = [_diff(tmp_path, capsys) for _ in range(3)]
    # the IR is stored by the second run, which found the files unchanged
    assert schema_reads == ["old.json", "new.json"] * 2
    assert reports[0] == reports[1] == reports[2]
    assert "value 'slow' removed" in reports[0]


def test_a_changed_schema_file_is_read_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    for _ in range(3):
        _diff(tmp_path, capsys)
    write(tmp_path, "new.json", NEW.replace("'reset'", "'restart'"))
    report = _diff(tmp_path, capsys)
    assert schema_reads[4:] == ["new.json"]
    assert "command restart" in report and "command reset" not in report


def test_no_cache_reads_every_time_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    for _ in range(2):
        _diff(tmp_path, capsys, "--no-cache")
    assert schema_reads == ["old.json", "new.json"] * 2
    assert not (tmp_path / "cache").exists()


def test_lenient_and_strict_reads_are_cached_apart(tmp_path: Path) -> None:
    doc = "##\n# @Mode:\n#\n# How fast.\n#\n# @fast: quickly\n##\n"
    documented = write(tmp_path, "new.json", doc + NEW)
    store = CacheStore(tmp_path / "cache")
    for _ in range(3):  # the third is served from the cache
        lenient = from_schema_file(str(documented), store, lenient_docs=True).schema()
    strict = from_schema_file(str(documented), store).schema()
    assert not lenient.docs
    assert strict.doc_for("Mode") is not None
