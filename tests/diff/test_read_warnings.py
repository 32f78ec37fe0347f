"""Older doc comment rules: one summary line per input, each file with ``-v``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from qapi_ir.diff.read_warnings import ReadWarnings
from tests.diff.helpers import write

LONG = "# " + "A line of documentation well past the seventy characters today's rules allow."


def _schema(directory: Path) -> Path:
    write(directory, "sub.json", f"##\n# @Sub:\n#\n{LONG}\n##\n"
          "{ 'struct': 'Sub', 'data': {} }\n")
    return write(directory, "main.json", "{ 'include': 'sub.json' }\n"
                 f"##\n# @Top:\n#\n{LONG}\n##\n{{ 'struct': 'Top', 'data': {{}} }}\n")


def test_an_input_needing_older_rules_in_many_files_gives_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = _schema(tmp_path)
    assert main([str(schema), str(schema), "--no-cache"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines == 2 * [f"{schema}: warning: accepted older doc comment rules in 2 files: "
                         "lines longer than 70 characters (-v lists each file)"]


def test_verbose_lists_each_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema(tmp_path)
    assert main([str(schema), str(schema), "--no-cache", "-v"]) == 0
    assert len(capsys.readouterr().err.splitlines()) == 4


def test_other_warnings_are_said_as_they_are() -> None:
    warnings = ReadWarnings()
    warnings("x.json: warning: something else")
    assert warnings.said("x.json", verbose=False) == ["x.json: warning: something else"]
