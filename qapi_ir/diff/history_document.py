"""The JSON history (``qapi-build history --format json``): its classes and its JSON Schema.

The classes are the format: ``schema/history-report.schema.json`` is derived
from them (``python -m qapi_ir.diff.history_document``) and a test keeps it in
step.  Things are those of :mod:`qapi_ir.diff.lifecycle`, policy findings those
of :mod:`qapi_ir.diff.deprecation_policy` (none without ``--policy``).
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from qapi_ir.diff.deprecation_policy import PolicyFinding
from qapi_ir.diff.lifecycle import Lifecycle, Thing

FORMAT = "qapi-build-history"
VERSION = 1


@attrs.frozen
class Input:
    """A release: its label and the file it was read from."""

    label: str
    path: str


@attrs.frozen
class HistoryReport:
    """The releases in order, what changed across them, and the policy's verdicts.

    ``release`` is the one release shown with ``--release``, ``policy`` the
    policy checked (``None`` when none was).
    """

    format: str
    version: int
    releases: tuple[Input, ...]
    release: str | None
    policy: str | None
    things: tuple[Thing, ...]
    findings: tuple[PolicyFinding, ...]


def report(history: Lifecycle, inputs: tuple[Input, ...], release: str | None,
           policy: str | None, findings: tuple[PolicyFinding, ...]) -> HistoryReport:
    """The document of ``history`` read from ``inputs``."""
    return HistoryReport(FORMAT, VERSION, inputs, release, policy, history.things, findings)


def render_json(document: HistoryReport) -> str:
    """The document as JSON text."""
    return json.dumps(attrs.asdict(document), indent=2, ensure_ascii=False) + "\n"


def history_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every history document satisfies."""
    from qapi_ir.diff.report_jsonschema import document_schema  # only to publish the schema

    return document_schema(HistoryReport, "qapi-build history", FORMAT, VERSION)


def render_schema() -> str:
    """The JSON Schema as the text kept in the repository."""
    return json.dumps(history_json_schema(), indent=2) + "\n"


if __name__ == "__main__":
    print(render_schema(), end="")
