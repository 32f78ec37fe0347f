"""Writing a diff: text (grouped, optionally coloured), JSON and Markdown.

All three list the changes in the order :class:`~qapi_ir.diff.changes.DiffResult`
keeps them (commands, events, types; by name, then path), one group per
command, event or type.  The text and Markdown reports are shaped by the
templates ``report.txt.mako`` and ``report.md.mako``; this module computes
what they show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.diff.changes import Change, DiffResult, Group
from qapi_ir.diff.rules import Severity
from qapi_ir.templating import Renderer

JSON_FORMAT = "qapi-build-diff"
JSON_VERSION = 1

TEMPLATES = Path(__file__).parent / "templates"

_COLOURS = {Severity.BREAKING: "\033[31m", Severity.NOTICE: "\033[33m",
            Severity.COMPATIBLE: "\033[32m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
_USES_SHOWN = 3


@attrs.frozen
class _Row:
    """One change as the reports show it."""

    severity: str
    path: str
    detail: str
    rule: str
    directions: str


@attrs.frozen
class _Section:
    """One group as the reports show it: its name, who uses it ("" if none), its changes."""

    kind: str
    name: str
    old_name: str | None
    uses: str
    rows: tuple[_Row, ...]


def summary(result: DiffResult) -> dict[str, int]:
    """How many changes of each class."""
    counts = {str(s): 0 for s in sorted(Severity, reverse=True)}
    for change in result.changes:
        counts[str(change.severity)] += 1
    return counts


def _summary_line(result: DiffResult) -> str:
    if not result.changes:
        return "no changes"
    return ", ".join(f"{count} {name}" for name, count in summary(result).items())


def _directions(change: Change) -> str:
    return "+".join(sorted(str(d) for d in change.directions))


def _uses_text(result: DiffResult, group: Group) -> str:
    """Which commands and events use ``group``: the first few, then how many more."""
    uses = result.uses.get(group, ())
    more = len(uses) - _USES_SHOWN
    return ", ".join(uses[:_USES_SHOWN]) + (f" and {more} more" if more > 0 else "")


def _groups(result: DiffResult) -> Iterator[tuple[Group, list[Change]]]:
    for group, changes in groupby(result.changes, key=lambda c: c.group):
        yield group, list(changes)


def _sections(result: DiffResult) -> list[_Section]:
    """The groups of ``result`` in order, with what the reports show of them."""
    return [
        _Section(group.kind, group.name, group.old_name, _uses_text(result, group),
                 tuple(_Row(str(change.severity), change.path, change.detail,
                            change.rule.id, _directions(change))
                       for change in changes))
        for group, changes in _groups(result)
    ]


def render_text(result: DiffResult, colour: bool = False) -> str:
    """The diff as text for a terminal; ANSI colours only when ``colour``."""
    return Renderer().render(
        TEMPLATES, "report.txt.mako",
        sections=_sections(result),
        summary=_summary_line(result),
        bold=_BOLD if colour else "",
        reset=_RESET if colour else "",
        colours={str(s): code if colour else "" for s, code in _COLOURS.items()},
    )


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "kind": change.group.kind,
        "name": change.group.name,
        "old_name": change.group.old_name,
        "path": change.path,
        "class": str(change.severity),
        "rule": change.rule.id,
        "reason": change.rule.reason,
        "directions": sorted(str(d) for d in change.directions),
        "detail": change.detail,
        "old": change.old,
        "new": change.new,
    }


def to_json(result: DiffResult, old: str, new: str) -> dict[str, Any]:
    """The diff as a JSON document (see the README for its fields)."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "old": old,
        "new": new,
        "summary": summary(result),
        "changes": [_change_json(change) for change in result.changes],
        "types": [
            {"name": group.name, "old_name": group.old_name, "used_by": list(uses)}
            for group, uses in sorted(result.uses.items())
        ],
    }


def render_json(result: DiffResult, old: str, new: str) -> str:
    """The JSON document as text, keys in a fixed order."""
    return json.dumps(to_json(result, old, new), indent=2, ensure_ascii=False) + "\n"


def _cell(text: str) -> str:
    """``text`` fit for a Markdown table cell: ``|`` escaped, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: DiffResult, old: str, new: str) -> str:
    """The diff as a Markdown document: a summary, then one table per group."""
    return Renderer().render(TEMPLATES, "report.md.mako", old=old, new=new,
                  sections=_sections(result), summary=_summary_line(result), cell=_cell)
