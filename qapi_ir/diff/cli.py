"""``qapi-build diff OLD NEW``: the command line of schema comparison.

Exit status 0 when no counted change reaches the ``--fail-on`` class, 1 when
one does, 2 on an error (one line on stderr).  A change is counted unless an
ignore entry of the ``[diff]`` settings sets it aside or, with ``--used-by``,
the client does not touch it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import attrs

from qapi_ir.diff.command_line import ArgumentParser, add_cache_options, parsed, reported
from qapi_ir.diff.compare import DiffResult, compare
from qapi_ir.diff.document import render_json
from qapi_ir.diff.inputs import (
    InputError,
    Warn,
    error_line,
    read_reporting,
    read_schema,
    warn_on_stderr,
)
from qapi_ir.diff.policy import counted, fails, judge, unused_ignores
from qapi_ir.diff.report import render_github, render_markdown, render_text
from qapi_ir.diff.report_ci import render_junit, render_sarif
from qapi_ir.diff.settings import Settings, SettingsError, load_settings
from qapi_ir.diff.usage import UsageError, mark_affected, read_usage
from qapi_ir.diff.wire_model import WireSchema
from qapi_ir.plugin_api import CONFIG_FILE

PROG = "qapi-build diff"


class Cache(Protocol):
    """Reads schema files and compares their models through a cache (see
    :mod:`qapi_ir.driver.diff_cache`), as :func:`read_schema` and :func:`compare` do."""

    def read(self, path: str, *, docs: bool, legacy_docs: bool,
             warn: Warn = warn_on_stderr) -> WireSchema: ...

    def compare(self, old: WireSchema, new: WireSchema, *, docs: bool) -> DiffResult: ...


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog=PROG,
        description="Classify every API change between two versions of a QAPI schema. "
        "OLD and NEW are each a schema file, an IR snapshot or a saved query-qmp-schema reply.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format",
                        choices=("text", "json", "markdown", "github", "junit", "sarif"),
                        default="text",
                        help="github: workflow annotations at the schema lines changed;"
                        " junit: JUnit XML; sarif: SARIF 2.1.0 for code-scanning dashboards")
    parser.add_argument(
        "--fail-on", choices=("breaking", "any", "none"), default="breaking",
        help="exit 1 when a counted change of this class (any: of any class) is found")
    parser.add_argument("--docs", action="store_true",
                        help="read doc comments and report doc-only changes too")
    parser.add_argument(
        "--legacy-docs", action="store_true",
        help="read schema files under older QEMU releases' doc comment rules"
        " (done anyway for a file that today's rules reject)")
    parser.add_argument("--config", metavar="FILE",
                        help="read the [diff] table of FILE (default: ./plugins.toml, if any)")
    parser.add_argument("--used-by", metavar="FILE",
                        help="count only changes touching what the QMP messages in FILE "
                        "(JSON, one per line) use")
    add_cache_options(parser)
    return parser


def _settings(config: str | None) -> Settings:
    if config is not None:
        return load_settings(Path(config))
    default = Path(CONFIG_FILE)
    return load_settings(default) if default.is_file() else Settings()


def _judged(args: argparse.Namespace, cache: Cache | None) -> DiffResult:
    """The comparison of OLD and NEW (through ``cache``, if any), with the settings and the
    client's use applied."""
    settings = _settings(args.config)
    use = None if args.used_by is None else read_usage(args.used_by)
    read = read_schema if cache is None else cache.read
    old, new = (read_reporting(path, read, docs=args.docs, legacy_docs=args.legacy_docs,
                               verbose=args.verbose) for path in (args.old, args.new))
    for note in old.notes + new.notes:
        print(f"{PROG}: warning: {note}", file=sys.stderr)
    result = (compare if cache is None else cache.compare)(old, new, docs=args.docs)
    changes = [judge(change, settings) for change in result.changes]
    for entry in unused_ignores(settings, changes):
        print(f"{PROG}: warning: ignore entry for {entry.rule} at '{entry.path}' matched no"
              f" change ({entry.reason})", file=sys.stderr)
    if use is not None and result.matching is not None:
        changes = mark_affected(changes, result.matching, use)
    return attrs.evolve(result, changes=tuple(changes))


def _renderer(args: argparse.Namespace) -> Callable[[DiffResult], str]:
    if args.format == "json":
        return lambda result: render_json(result, args.old, args.new)
    if args.format == "markdown":
        return lambda result: render_markdown(result, args.old, args.new)
    if args.format == "github":
        return render_github
    if args.format == "junit":
        return lambda result: render_junit(result, args.fail_on)
    if args.format == "sarif":
        return render_sarif
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return lambda result: render_text(result, colour)


def _message(error: Exception) -> str | None:
    expected = isinstance(error, (InputError, SettingsError, UsageError))
    return error_line(PROG, error) if expected else None


def main(
    argv: list[str], cache_in: Callable[[str | None], Cache] | None = None
) -> int:
    """Run ``qapi-build diff`` with arguments ``argv`` (without ``diff``); the exit status.

    ``cache_in`` makes the :class:`Cache` in a directory (``None``: the
    default one); without it, or with ``--no-cache``, schema files are read
    and compared afresh.
    """
    args = parsed(PROG, argv, _parser(), lambda args: args)
    if isinstance(args, int):
        return args
    cache = None if cache_in is None or args.no_cache else cache_in(args.cache_dir)
    result = reported(PROG, lambda: _judged(args, cache), _message)
    if isinstance(result, int):
        return result
    sys.stdout.write(_renderer(args)(result))
    return 1 if any(counted(c) and fails(c, args.fail_on) for c in result.changes) else 0
