"""``qapi-build history LABEL=PATH LABEL=PATH ...``: the life of an API across releases.

Each PATH is a schema file, an IR snapshot or a saved ``query-qmp-schema``
reply, read as ``diff`` reads its inputs; the releases are put in release
order (:mod:`qapi_ir.diff.release_order`).  Exit status 0, or 1 when
``--policy`` finds what ``--fail-on`` names (``breaking``: a violation;
``any``: also a removal it cannot check), 2 on an error (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from qapi_ir.diff.command_line import (
    ArgumentParser,
    CommandLineError,
    add_cache_options,
    parsed,
    reported,
)
from qapi_ir.diff.deprecation_policy import PolicyFinding, check_policy
from qapi_ir.diff.history_document import HistoryReport, Input, render_json, report
from qapi_ir.diff.history_report import render_markdown, render_rst, render_text
from qapi_ir.diff.inputs import InputError, error_line, read_reporting, read_schema
from qapi_ir.diff.lifecycle import lifecycle
from qapi_ir.diff.release_order import in_release_order
from qapi_ir.diff.wire_model import WireSchema

if TYPE_CHECKING:
    from qapi_ir.diff.cli import Cache

PROG = "qapi-build history"
_RENDERERS: dict[str, Callable[[HistoryReport], str]] = {
    "text": render_text, "markdown": render_markdown, "json": render_json, "rst": render_rst}


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="When each command, event, type, member, enumeration value, branch and"
        " feature appeared, was deprecated, changed and went, across releases of a QAPI"
        " schema.  Each PATH is a schema file, an IR snapshot or a saved query-qmp-schema"
        " reply; releases are ordered by their labels' version numbers.")
    parser.add_argument("releases", nargs="+", metavar="LABEL=PATH")
    parser.add_argument("--format", choices=tuple(_RENDERERS), default="text",
                        help="rst: in the shape of QEMU's removed-features.rst")
    parser.add_argument("--release", metavar="LABEL",
                        help="show only what changed in this release (a changelog)")
    parser.add_argument("--policy", choices=("qemu",),
                        help="check QEMU's deprecation policy (docs/about/deprecated.rst)")
    parser.add_argument("--fail-on", choices=("breaking", "any", "none"), default="breaking",
                        help="with --policy, exit 1 on a violation (any: also on a removal"
                        " that cannot be checked)")
    parser.add_argument("--legacy-docs", action="store_true",
                        help="read schema files under older QEMU releases' doc comment rules")
    add_cache_options(parser)
    return parser


def _inputs(values: list[str]) -> tuple[Input, ...]:
    by_label: dict[str, str] = {}
    for value in values:
        label, equals, path = value.partition("=")
        if not equals or not label or not path:
            raise CommandLineError(f"'{value}' is not LABEL=PATH")
        if label in by_label:
            raise CommandLineError(f"release '{label}' given twice")
        by_label[label] = path
    if len(by_label) < 2:
        raise CommandLineError("give at least two releases")
    return tuple(Input(label, by_label[label]) for label in in_release_order(list(by_label)))


def _checked(args: argparse.Namespace) -> tuple[argparse.Namespace, tuple[Input, ...]]:
    inputs = _inputs(args.releases)
    if args.release is not None and args.release not in {i.label for i in inputs}:
        raise CommandLineError(f"--release {args.release}: not one of the releases given")
    return args, inputs


def _document(args: argparse.Namespace, inputs: tuple[Input, ...], cache: Cache | None
              ) -> HistoryReport:
    read = read_schema if cache is None else cache.read
    models: list[tuple[str, WireSchema]] = []
    for given in inputs:
        models.append((given.label, read_reporting(given.path, read, docs=False,
                                                   legacy_docs=args.legacy_docs,
                                                   verbose=args.verbose)))
    history = lifecycle(models) if cache is None else lifecycle(
        models, lambda old, new: cache.compare(old, new, docs=False))
    findings: tuple[PolicyFinding, ...] = ()
    if args.policy is not None:
        findings = check_policy(history)
    if args.release is not None:
        history = history.in_release(args.release)
        findings = tuple(f for f in findings if f.release == args.release)
    return report(history, inputs, args.release, args.policy, findings)


def _fails(findings: tuple[PolicyFinding, ...], fail_on: str) -> bool:
    if fail_on == "any":
        return bool(findings)
    return fail_on == "breaking" and any(f.violation for f in findings)


def _message(error: Exception) -> str | None:
    return error_line(PROG, error) if isinstance(error, InputError) else None


def main(argv: list[str], cache_in: Callable[[str | None], Cache] | None = None) -> int:
    """Run ``qapi-build history`` with ``argv`` (without ``history``); the exit status.

    ``cache_in`` makes the cache of schema models and comparisons, as for ``diff``.
    """
    checked = parsed(PROG, argv, _parser(), _checked)
    if isinstance(checked, int):
        return checked
    args, inputs = checked
    cache = None if cache_in is None or args.no_cache else cache_in(args.cache_dir)
    document = reported(PROG, lambda: _document(args, inputs, cache), _message)
    if isinstance(document, int):
        return document
    sys.stdout.write(_RENDERERS[args.format](document))
    return 1 if _fails(document.findings, args.fail_on) else 0
