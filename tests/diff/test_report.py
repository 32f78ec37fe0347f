"""The text and Markdown reports: grouping, order and colour."""

from __future__ import annotations

from pathlib import Path

import pytest

from qapi_ir.diff.cli import main
from qapi_ir.diff.compare import DiffResult, compare
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.report import code_span, render_markdown, render_text
from tests.diff.helpers import hostile_reply, write

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


INJECTED = "gone\n::error file=x.json,line=1::INJECTED"


@pytest.mark.parametrize("form", ["text", "markdown", "github"])
def test_names_with_line_breaks_and_controls_cannot_forge_report_lines(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = hostile_reply(tmp_path, [INJECTED, "tick`x", "\x1b[2Jclear", "ok"])
    new = hostile_reply(tmp_path, ["ok"])
    assert main([str(old), str(new), "--format", form]) == 1
    out = capsys.readouterr().out
    assert not any(ord(c) < 32 and c != "\n" for c in out), repr(out)
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith("::error file=x.json")]
    assert len([line for line in lines if line.startswith("::")]) == (3 if form == "github" else 0)
    if form == "text":
        assert "command gone\\n::error file=x.json,line=1::INJECTED" in lines
    if form == "markdown":
        headings = [line for line in lines if line.startswith("#")]
        assert "### command `gone\\n::error file=x.json,line=1::INJECTED`" in headings
        assert "### command ``tick`x``" in headings
        assert len(headings) == 5  # the title, "Breaking", a heading per command removed


def test_a_markdown_code_span_holds_any_run_of_backticks() -> None:
    assert code_span("plain") == "`plain`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("``x") == "``` ``x ```"
