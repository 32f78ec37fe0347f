"""Writing a diff for people: text (optionally coloured), Markdown and GitHub annotations.

Text and Markdown read in order of consequence: the breaking changes first,
then the notices, then the compatible ones, each part grouped by command,
event or type; then the changes that do not affect the client (``--used-by``), those
ignored (each with its reason), the types renamed without a wire change, and
what could not be compared.  The templates ``report.txt.mako``, ``report.md.mako`` and
``report.github.mako`` lay out what this module computes.  Names come from
replies and snapshots anyone may write: every text shown has its control
characters and line breaks escaped, so none can forge a report line (or a
workflow command), and Markdown code spans are fenced to hold any backticks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

import attrs

from qapi_ir.diff.changes import GROUP_KINDS, Change, Group
from qapi_ir.diff.compare import DiffResult
from qapi_ir.diff.document import summary
from qapi_ir.diff.policy import counted
from qapi_ir.diff.rules import Severity
from qapi_ir.input_file import shown
from qapi_ir.ir import Location
from qapi_ir.templating import Renderer

TEMPLATES = Path(__file__).parent / "templates"

_COLOURS = {Severity.BREAKING: "\033[31m", Severity.NOTICE: "\033[33m",
            Severity.COMPATIBLE: "\033[32m"}
_BOLD, _RESET = "\033[1m", "\033[0m"
_USES_SHOWN = 3
_PART_TITLES = {Severity.BREAKING: "Breaking", Severity.NOTICE: "Notices",
                Severity.COMPATIBLE: "Compatible"}
_ANNOTATIONS = {Severity.BREAKING: "error", Severity.NOTICE: "warning"}


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
    """One group: its name, old names, users ("" if none), where it is defined, its changes."""

    kind: str
    name: str
    old_names: str
    uses: str
    location: str
    rows: tuple[_Row, ...]


@attrs.frozen
class _Part:
    """A part of the report: a title and its groups."""

    title: str
    sections: tuple[_Section, ...]


@attrs.frozen
class _Annotation:
    """One GitHub workflow command: level, its properties and message, escaped."""

    level: str
    properties: str
    message: str


def plain(text: str) -> str:
    """``text`` on one line, its control characters escaped."""
    return shown(text, limit=None)


def _summary_line(result: DiffResult) -> str:
    counts = summary(result.changes)
    if not result.changes:
        return "no changes"
    return ", ".join(f"{getattr(counts, str(s))} {s}" for s in sorted(Severity, reverse=True))


def _location_text(location: Location | None) -> str:
    return "" if location is None else plain(f"{location.file}:{location.line}")


def _uses_text(result: DiffResult, *groups: Group) -> str:
    """Which commands and events use ``groups``: the first few, then how many more."""
    uses = sorted({use for group in groups for use in result.uses.get(group, ())})
    more = len(uses) - _USES_SHOWN
    return plain(", ".join(uses[:_USES_SHOWN])) + (f" and {more} more" if more > 0 else "")


def _row(change: Change) -> _Row:
    rule_id = change.rule.id if change.replaced is None \
        else f"{change.rule.id} for {change.replaced}"
    detail = change.detail if change.ignored is None \
        else f"{change.detail} (ignored: {change.ignored})"
    return _Row(str(change.severity), plain(change.path), plain(detail), plain(rule_id),
                "+".join(sorted(str(d) for d in change.directions)))


def _sections(result: DiffResult, changes: Iterable[Change]) -> tuple[_Section, ...]:
    """``changes`` (in result order) grouped, with what the reports show of each group.

    A change found alike in several types (a member of a base they share) is
    shown once, under all of them.
    """
    by_group = [(group, list(grouped))
                for group, grouped in groupby(changes, key=lambda c: c.group)]
    sharing: dict[_Row, dict[Group, None]] = {}
    for group, grouped in by_group:
        if group.kind == "type":
            for change in grouped:
                sharing.setdefault(_row(change), {})[group] = None
    shared = {row: tuple(groups) for row, groups in sharing.items() if len(groups) > 1}
    sections = []
    for group, grouped in by_group:
        rows = [c for c in grouped if shared.get(_row(c)) is None]
        if rows:
            sections.append(_section(result, (group,), rows))
    together: dict[tuple[Group, ...], list[Change]] = {}
    for group, grouped in by_group:
        for change in grouped:
            groups = shared.get(_row(change))
            if groups is not None and groups[0] == group:
                together.setdefault(groups, []).append(change)
    sections += [_section(result, groups, rows) for groups, rows in together.items()]
    return tuple(sorted(sections, key=_section_order))


def _section_order(section: _Section) -> tuple[int, str]:
    """Commands, then events, then types (alone or together), by name."""
    kind = section.kind if section.kind in GROUP_KINDS else "type"
    return GROUP_KINDS.index(kind), section.name


def _section(result: DiffResult, groups: tuple[Group, ...], changes: list[Change]) -> _Section:
    location = next((c.location or c.old_location for c in changes
                     if c.location or c.old_location), None)
    kind = groups[0].kind if len(groups) == 1 else f"{len(groups)} types"
    return _Section(kind, plain(", ".join(g.name for g in groups)),
                    plain(", ".join(name for g in groups for name in result.renamed.get(g, ()))),
                    _uses_text(result, *groups), _location_text(location),
                    tuple(_row(c) for c in changes))


def _parts(result: DiffResult) -> list[_Part]:
    parts = [_Part(_PART_TITLES[severity], _sections(
                 result, (c for c in result.changes if counted(c) and c.severity is severity)))
             for severity in sorted(Severity, reverse=True)]
    parts.append(_Part("Not affecting this client", _sections(
        result, (c for c in result.changes if c.ignored is None and not c.affects))))
    parts.append(_Part("Ignored", _sections(
        result, (c for c in result.changes if c.ignored is not None))))
    return [part for part in parts if part.sections]


def _renamed_only(result: DiffResult) -> list[str]:
    """``New (was Old)`` for each renamed type without a wire change."""
    changed = {c.group for c in result.changes}
    return [plain(f"{group.name} (was {', '.join(old)})")
            for group, old in sorted(result.renamed.items()) if group not in changed]


def _context(result: DiffResult) -> dict[str, object]:
    counts = summary(result.changes)
    return {
        "parts": _parts(result),
        "renamed_types": _renamed_only(result),
        "ignored": counts.ignored,
        "not_compared": plain(", ".join(result.not_compared)),
        "summary": _summary_line(result),
    }


def render_text(result: DiffResult, colour: bool = False) -> str:
    """The diff as text for a terminal; ANSI colours only when ``colour``."""
    return Renderer().render(
        TEMPLATES, "report.txt.mako", **_context(result),
        bold=_BOLD if colour else "",
        reset=_RESET if colour else "",
        colours={str(s): code if colour else "" for s, code in _COLOURS.items()},
    )


def cell(text: str) -> str:
    """``text`` fit for a Markdown table cell: ``|`` escaped, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def code_span(text: str) -> str:
    """``text`` as a Markdown code span: fenced by more backticks than any run it holds."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_markdown(result: DiffResult, old: str, new: str) -> str:
    """The diff as a Markdown document: a summary, then a part per class, a table per group."""
    return Renderer().render(TEMPLATES, "report.md.mako", old=plain(old), new=plain(new),
                             cell=cell, code=code_span, **_context(result))


def _escape(text: str, in_property: bool = False) -> str:
    """``text`` as a workflow command data (or, with ``in_property``, property) value;
    the other control characters are escaped as everywhere."""
    text = plain(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if in_property else text


def _annotation(change: Change) -> _Annotation:
    location = change.location or change.old_location
    properties = [] if location is None else [f"file={_escape(location.file, True)}",
                                              f"line={location.line}"]
    properties.append(f"title={_escape(f'{change.severity}: {change.rule.id}', True)}")
    where = " ".join(part for part in (change.group.kind, change.group.name, change.path)
                     if part)
    return _Annotation(_ANNOTATIONS[change.severity], ",".join(properties),
                       _escape(f"{where}: {change.detail} ({change.rule.reason})"))


def render_github(result: DiffResult) -> str:
    """GitHub workflow annotations: an error per breaking change, then a warning per notice."""
    shown = [c for c in result.changes if counted(c) and c.severity in _ANNOTATIONS]
    annotations = [_annotation(c) for c in sorted(shown, key=lambda c: -c.severity)]
    return Renderer().render(TEMPLATES, "report.github.mako", annotations=annotations,
                  **_context(result))
