"""Writing a diff for CI systems: JUnit XML and SARIF 2.1.0.

JUnit XML: one test case per change (class name the group, name the path and
rule); a change of the ``--fail-on`` class is a failure, an ignored one is
skipped with its reason, any other passes.  SARIF (the format code-scanning
dashboards read): one result per change, ``error`` for breaking, ``warning``
for a notice and ``note`` for a compatible change, at the schema line when
known, an ignored one suppressed with its reason; the driver lists the rules
the results use, each with its reason.
"""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree

from qapi_ir.diff.changes import Change
from qapi_ir.diff.compare import DiffResult
from qapi_ir.diff.policy import fails
from qapi_ir.diff.rules import Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.BREAKING: "error", Severity.NOTICE: "warning", Severity.COMPATIBLE: "note"}
_TOOL = "qapi-build diff"


def _where(change: Change) -> str:
    return " ".join(part for part in (change.group.kind, change.group.name, change.path) if part)


def _message(change: Change) -> str:
    return f"{_where(change)}: {change.detail} ({change.rule.reason})"


def render_junit(result: DiffResult, fail_on: str) -> str:
    """The diff as a JUnit XML test suite."""
    suite = ElementTree.Element("testsuite", name=_TOOL)
    failures = skipped = 0
    for change in result.changes:
        case = ElementTree.SubElement(
            suite, "testcase", classname=f"{change.group.kind} {change.group.name}",
            name=f"{change.path or '(whole)'} [{change.rule.id}]")
        if change.ignored is not None or not change.affects:
            skipped += 1
            reason = change.ignored or "does not affect this client"
            ElementTree.SubElement(case, "skipped", message=reason)
        elif fails(change, fail_on):
            failures += 1
            failure = ElementTree.SubElement(case, "failure", type=str(change.severity),
                                             message=change.detail)
            failure.text = _message(change)
    suite.set("tests", str(len(result.changes)))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    ElementTree.indent(suite)
    return ElementTree.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def _result(change: Change, rule_index: int) -> dict[str, Any]:
    found: dict[str, Any] = {
        "ruleId": change.rule.id,
        "ruleIndex": rule_index,
        "level": _LEVELS[change.severity],
        "message": {"text": _message(change)},
    }
    location = change.location or change.old_location
    if location is not None:
        found["locations"] = [{"physicalLocation": {
            "artifactLocation": {"uri": location.file},
            "region": {"startLine": max(location.line, 1)}}}]
    if change.ignored is not None:
        found["suppressions"] = [{"kind": "external", "justification": change.ignored}]
    return found


def render_sarif(result: DiffResult) -> str:
    """The diff as a SARIF 2.1.0 log with one run."""
    rules = sorted({change.rule.id: change.rule for change in result.changes}.values(),
                   key=lambda r: r.id)
    index = {rule.id: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": _TOOL,
                "rules": [{"id": rule.id, "shortDescription": {"text": rule.reason}}
                          for rule in rules]}},
            "results": [_result(c, index[c.rule.id]) for c in result.changes if c.affects],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
