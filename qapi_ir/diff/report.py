"""Writing a diff: text (grouped, optionally coloured), JSON and Markdown.

All three list the changes in the order :class:`~qapi_ir.diff.changes.DiffResult`
keeps them (commands, events, types; by name, then path), one group per
command, event or type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from typing import Any

from qapi_ir.diff.changes import Change, DiffResult, Group
from qapi_ir.diff.rules import Severity

JSON_FORMAT = "qapi-build-diff"
JSON_VERSION = 1

_COLOURS = {Severity.BREAKING: "\033[31m", Severity.NOTICE: "\033[33m",
            Severity.COMPATIBLE: "\033[32m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
_USES_SHOWN = 3


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


def _group_title(group: Group) -> str:
    renamed = f" (was {group.old_name})" if group.old_name else ""
    return f"{group.kind} {group.name}{renamed}"


def _uses_text(result: DiffResult, group: Group) -> str:
    uses = result.uses.get(group, ())
    if not uses:
        return ""
    more = len(uses) - _USES_SHOWN
    shown = ", ".join(uses[:_USES_SHOWN]) + (f" and {more} more" if more > 0 else "")
    return f"used by {shown}"


def _groups(result: DiffResult) -> Iterator[tuple[Group, list[Change]]]:
    for group, changes in groupby(result.changes, key=lambda c: c.group):
        yield group, list(changes)


def _rule_text(change: Change) -> str:
    directions = _directions(change)
    return change.rule.id + (f", {directions}" if directions else "")


def render_text(result: DiffResult, colour: bool = False) -> str:
    """The diff as text for a terminal; ANSI colours only when ``colour``."""
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines: list[str] = []
    for group, changes in _groups(result):
        uses = _uses_text(result, group)
        lines.append(paint(_group_title(group), _BOLD) + (f"  ({uses})" if uses else ""))
        for change in changes:
            severity = change.severity
            label = paint(f"{severity!s:<10}", _COLOURS[severity])
            where = f"{change.path}: " if change.path else ""
            lines.append(f"  {label} {where}{change.detail} [{_rule_text(change)}]")
        lines.append("")
    lines.append(_summary_line(result))
    return "\n".join(lines) + "\n"


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
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: DiffResult, old: str, new: str) -> str:
    """The diff as a Markdown document: a summary, then one table per group."""
    lines = [f"# API changes from `{old}` to `{new}`", "", f"**{_summary_line(result)}**"]
    for group, changes in _groups(result):
        renamed = f" (was `{group.old_name}`)" if group.old_name else ""
        lines += ["", f"## {group.kind} `{group.name}`{renamed}", ""]
        uses = _uses_text(result, group)
        if uses:
            lines += [_cell(uses), ""]
        lines += ["| class | where | change | rule | direction |", "|---|---|---|---|---|"]
        for change in changes:
            where = f"`{_cell(change.path)}`" if change.path else ""
            lines.append(f"| {change.severity} | {where} | {_cell(change.detail)} "
                         f"| `{change.rule.id}` | {_directions(change)} |")
    return "\n".join(lines) + "\n"
