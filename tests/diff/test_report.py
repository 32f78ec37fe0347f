"""The text and Markdown reports: grouping, order and colour."""

from __future__ import annotations

from pathlib import Path

from qapi_ir.diff.compare import DiffResult, compare
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.report import render_markdown, render_text
from tests.diff.helpers import write

OLD = """
{ 'struct': 'Info', 'data': { 'a': 'int', 'b': 'str' } }
{ 'command': 'zeta', 'data': { 'x': 'int' } }
{ 'command': 'alpha', 'returns': 'Info' }
{ 'event': 'GONE' }
"""
NEW = """
{ 'struct': 'Info', 'data': { 'a': 'int' } }
{ 'command': 'zeta', 'data': { 'x': 'int', 'y': 'int' }, 'allow-oob': true }
{ 'command': 'alpha', 'returns': 'Info' }
"""


def _result(tmp_path: Path) -> DiffResult:
    old = read_input(str(write(tmp_path, "old.json", OLD)), docs=False)
    new = read_input(str(write(tmp_path, "new.json", NEW)), docs=False)
    return compare(old, new)


def test_text_reads_by_class_then_commands_events_and_types_each_sorted(
    tmp_path: Path,
) -> None:
    text = render_text(_result(tmp_path))
    titles = [line.split("  [")[0] for line in text.splitlines()
              if line and not line.startswith(" ")]
    assert titles == ["== Breaking ==", "command zeta",
                      "type Info  (used by command alpha returns)",
                      "== Notices ==", "event GONE",
                      "== Compatible ==", "command zeta",
                      "2 breaking, 1 notice, 1 compatible"]
    assert "  compatible 'allow-oob' false -> true [allow-oob-added]" in text


def test_text_is_coloured_only_when_asked(tmp_path: Path) -> None:
    result = _result(tmp_path)
    assert "\033[" not in render_text(result)
    coloured = render_text(result, colour=True)
    assert "\033[31mbreaking" in coloured and "\033[1mcommand zeta\033[0m" in coloured


def test_markdown_has_a_title_and_a_row_per_change(tmp_path: Path) -> None:
    markdown = render_markdown(_result(tmp_path), "a|b", "c")
    assert markdown.startswith("# API changes from `a|b` to `c`")
    assert "| breaking | `arguments.y` | mandatory member added (int) " \
           "| `member-added-mandatory` | into |" in markdown
