"""The JSON report: its classes, and the document built from a judged diff.

The classes are the format: ``schema/diff-report.schema.json`` is derived
from them (``python -m qapi_ir.diff.report_jsonschema``) and a test keeps it
in step.  Changes are listed in the order of :class:`DiffResult`; ignored ones
and those not affecting the client (``--used-by``) are listed too, marked.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from qapi_ir.diff.changes import Change
from qapi_ir.diff.compare import DiffResult
from qapi_ir.diff.policy import counted
from qapi_ir.diff.rules import Severity
from qapi_ir.ir import Location

FORMAT = "qapi-build-diff"
VERSION = 2


@attrs.frozen
class SourceLine:
    """A line of a schema file."""

    file: str
    line: int


@attrs.frozen
class ChangeRecord:
    """One change: where, which rule and class, and what changed.

    ``replaced`` names the rule a stability rule replaced; ``ignored`` holds
    the reason of the ignore entry that set it aside; ``affects_client`` is
    false when ``--used-by`` shows the client does not touch it.
    """

    kind: str
    name: str
    path: str
    severity: str
    rule: str
    reason: str
    directions: tuple[str, ...]
    detail: str
    old: str | None
    new: str | None
    unstable: bool
    replaced: str | None
    ignored: str | None
    affects_client: bool
    location: SourceLine | None
    old_location: SourceLine | None


@attrs.frozen
class TypeRecord:
    """A type reached from commands or events: its old names if renamed, and its users."""

    name: str
    old_names: tuple[str, ...]
    used_by: tuple[str, ...]
    wire_changed: bool


@attrs.frozen
class Summary:
    """How many counted changes of each class, and how many were not counted and why."""

    breaking: int
    notice: int
    compatible: int
    ignored: int
    not_affecting_client: int


@attrs.frozen
class Report:
    """A diff report: what was compared, the summary, the changes and the types."""

    format: str
    version: int
    old: str
    new: str
    summary: Summary
    not_compared: tuple[str, ...]
    changes: tuple[ChangeRecord, ...]
    types: tuple[TypeRecord, ...]


def summary(changes: tuple[Change, ...]) -> Summary:
    """The counts of ``changes`` by class (counted ones) and by why not counted."""
    classes = [c.severity for c in changes if counted(c)]
    return Summary(classes.count(Severity.BREAKING), classes.count(Severity.NOTICE),
                   classes.count(Severity.COMPATIBLE),
                   sum(c.ignored is not None for c in changes),
                   sum(c.ignored is None and not c.affects for c in changes))


def _line(location: Location | None) -> SourceLine | None:
    return None if location is None else SourceLine(location.file, location.line)


def _record(change: Change) -> ChangeRecord:
    return ChangeRecord(
        kind=change.group.kind, name=change.group.name, path=change.path,
        severity=str(change.severity), rule=change.rule.id, reason=change.rule.reason,
        directions=tuple(sorted(str(d) for d in change.directions)), detail=change.detail,
        old=change.old, new=change.new, unstable=change.unstable, replaced=change.replaced,
        ignored=change.ignored, affects_client=change.affects,
        location=_line(change.location), old_location=_line(change.old_location))


def report(result: DiffResult, old: str, new: str) -> Report:
    """The report of ``result``, a diff of file ``old`` with file ``new``."""
    changed = {c.group for c in result.changes}
    return Report(
        format=FORMAT, version=VERSION, old=old, new=new, summary=summary(result.changes),
        not_compared=result.not_compared,
        changes=tuple(_record(c) for c in result.changes),
        types=tuple(TypeRecord(name=group.name, old_names=result.renamed.get(group, ()),
                               used_by=uses, wire_changed=group in changed)
                    for group, uses in sorted(result.uses.items())))


def to_json(document: Report) -> dict[str, Any]:
    """The report as JSON data."""
    return attrs.asdict(document)


def render_json(result: DiffResult, old: str, new: str) -> str:
    """The JSON report as text."""
    return json.dumps(to_json(report(result, old, new)), indent=2, ensure_ascii=False) + "\n"
