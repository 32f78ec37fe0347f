"""``qapi-build diff`` reads schemas through the build cache: a repeated diff reads no schema
(nor the IR: it takes the comparable model) and compares nothing again, a damaged entry is
made again, and a schema that failed to load costs only its failing file the next time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import qapi_ir.driver.diff_cache
import qapi_ir.frontend
from qapi_ir.diff.compare import DiffResult
from qapi_ir.driver.cache_store import CacheStore
from qapi_ir.driver.entry import main
from qapi_ir.driver.ir_cache import from_schema_file
from qapi_ir.frontend import parser
from qapi_ir.frontend.errors import QAPIError
from qapi_ir.ir import Schema
from tests.conftest import REPO_ROOT
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
    """The paths the front end reads from now on."""
    reads: list[str] = []
    load_schema = qapi_ir.frontend.load_schema

    def counting(path: str, **kwargs: object) -> Schema:
        reads.append(Path(path).name)
        return load_schema(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(qapi_ir.frontend, "load_schema", counting)
    return reads


def _diff_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str
                 ) -> tuple[str, str]:
    """What a diff of old.json and new.json wrote to stdout and to stderr."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    assert main(["diff", str(old), str(new), "--cache-dir", str(tmp_path / "cache"),
                 *extra]) == 1
    captured = capsys.readouterr()
    return captured.out, captured.err


def _diff(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    return _diff_output(tmp_path, capsys, *extra)[0]


def test_a_repeated_diff_reads_no_schema_and_reports_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    reports = [_diff(tmp_path, capsys) for _ in range(3)]
    assert schema_reads == ["old.json", "new.json"]
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
    assert schema_reads[2:] == ["new.json"]
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


def test_after_a_failed_read_only_the_failing_file_is_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "good.json", OLD)
    write(tmp_path, "bad.json", "{ 'command': 'broken', 'data': ")
    main_file = write(tmp_path, "main.json",
                      "{ 'include': 'good.json' }\n{ 'include': 'bad.json' }\n")
    parsed: list[str] = []
    parse = parser.QAPISchemaParser._parse

    def counting(self: parser.QAPISchemaParser, *args: object) -> object:
        parsed.append(Path(self._fname).name)
        return parse(self, *args)

    monkeypatch.setattr(parser.QAPISchemaParser, "_parse", counting)
    store = CacheStore(tmp_path / "cache")
    for _ in range(3):
        with pytest.raises(QAPIError, match=r"bad\.json"):
            from_schema_file(str(main_file), store)
    assert parsed.count("bad.json") == 3
    assert parsed.count("good.json") == 2  # the third read takes it from the cache


LEGACY_OLD = """
##
# @Mode:
#
# @fast: a mode that is fast, told here on a line much longer than today's rules allow
#
# @slow: slow
##
{ 'enum': 'Mode', 'data': ['fast', 'slow'] }
{ 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
"""


def test_a_repeated_diff_of_an_older_release_reads_nothing_and_warns_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", LEGACY_OLD)
    write(tmp_path, "new.json", NEW)
    runs = [_diff_output(tmp_path, capsys) for _ in range(3)]
    # today's rules reject old.json, older releases' accept it: read twice, then never
    assert schema_reads == ["old.json", "old.json", "new.json"]
    assert runs[0] == runs[1] == runs[2]
    assert "old.json: warning: accepted older doc comment rules" in runs[0][1]


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "entries").glob("*/*") if not p.name.startswith("."))


def test_damaged_or_foreign_cache_entries_are_read_again_to_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], schema_reads: list[str]
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    expected = _diff(tmp_path, capsys)
    cache = tmp_path / "cache"
    for number, entry in enumerate(_entries(cache)):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if number % 2 else data[:-1] + b"!")
    assert _diff(tmp_path, capsys) == expected
    store = CacheStore(cache)
    for entry in _entries(cache):  # checked entries holding something else than a model
        key = entry.parent.name + entry.name
        if not isinstance(store.get_object(key), tuple):
            store.put_object(key, {"commands": {}})
    assert _diff(tmp_path, capsys) == expected
    assert schema_reads == ["old.json", "new.json"] * 3


_IMPORTED = """\
import sys
from qapi_ir.driver.entry import main
status = main(sys.argv[1:])
print(sorted(m for m in ("qapi_ir.driver.cli", "qapi_ir.driver.plugins", "qapi_ir.frontend",
                         "mako") if m in sys.modules))
sys.exit(status)
"""


def test_a_repeated_diff_imports_neither_the_build_nor_the_front_end(tmp_path: Path) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    argv = [sys.executable, "-c", _IMPORTED, "diff", "--format", "json", "--cache-dir",
            str(tmp_path / "cache"), str(tmp_path / "old.json"), str(tmp_path / "new.json")]
    runs = [subprocess.run(argv, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
                           check=False) for _ in range(2)]
    assert [run.returncode for run in runs] == [1, 1]
    assert "'qapi_ir.frontend'" in runs[0].stdout.splitlines()[-1]  # the first one reads
    assert runs[1].stdout.splitlines()[-1] == "[]"
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]


def test_a_diff_repeated_in_another_format_reuses_the_comparison(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "old.json", OLD)
    write(tmp_path, "new.json", NEW)
    compared: list[object] = []
    compare = qapi_ir.driver.diff_cache.compare

    def counting(*args: Any, **kwargs: Any) -> DiffResult:
        compared.append(args)
        return compare(*args, **kwargs)

    monkeypatch.setattr(qapi_ir.driver.diff_cache, "compare", counting)
    formats = ("text", "json", "markdown")
    cached = [_diff(tmp_path, capsys, "--format", name) for name in formats]
    assert len(compared) == 1
    afresh = [_diff(tmp_path, capsys, "--format", name, "--no-cache") for name in formats]
    assert cached == afresh
