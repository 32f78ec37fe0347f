"""``qapi-build diff OLD NEW``: the command line of schema comparison.

Exit status 0 when no change reaches the ``--fail-on`` class, 1 when one
does, 2 on an error (one line on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import NoReturn

from qapi_ir.diff.compare import compare
from qapi_ir.diff.inputs import InputError, SchemaLoader, read_input
from qapi_ir.diff.report import render_json, render_markdown, render_text
from qapi_ir.diff.rules import Severity
from qapi_ir.frontend import load_schema

PROG = "qapi-build diff"


class _UsageError(Exception):
    """A command line that cannot be understood."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Classify every API change between two versions of a QAPI schema. "
        "OLD and NEW are each a schema file, an IR snapshot or a saved query-qmp-schema reply.",
    )
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument(
        "--fail-on", choices=("breaking", "any", "none"), default="breaking",
        help="exit 1 when a change of this class (any: of any class) is found")
    parser.add_argument("--docs", action="store_true",
                        help="read doc comments and report doc-only changes too")
    parser.add_argument(
        "--legacy-docs", action="store_true",
        help="read schema files under older QEMU releases' doc comment rules"
        " (done anyway for a file that today's rules reject)")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="build cache for the schemas read (default: qapi-build's)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the build cache")
    return parser


def _fails(severities: set[Severity], fail_on: str) -> bool:
    if fail_on == "any":
        return bool(severities)
    return fail_on == "breaking" and Severity.BREAKING in severities


def main(
    argv: list[str], cached_loader: Callable[[str | None], SchemaLoader] | None = None
) -> int:
    """Run ``qapi-build diff`` with arguments ``argv`` (without ``diff``); the exit status.

    ``cached_loader`` makes the loader that reads schema files through the
    build cache in a directory (``None``: the default one); without it, or with
    ``--no-cache``, they are read afresh.
    """
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    load: SchemaLoader = load_schema
    if cached_loader is not None and not args.no_cache:
        load = cached_loader(args.cache_dir)
    try:
        old = read_input(args.old, docs=args.docs, legacy_docs=args.legacy_docs, load=load)
        new = read_input(args.new, docs=args.docs, legacy_docs=args.legacy_docs, load=load)
    except InputError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    for note in old.notes + new.notes:
        print(f"{PROG}: warning: {note}", file=sys.stderr)
    result = compare(old, new, docs=args.docs)
    if args.format == "json":
        sys.stdout.write(render_json(result, args.old, args.new))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(result, args.old, args.new))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(render_text(result, colour))
    return 1 if _fails({c.severity for c in result.changes}, args.fail_on) else 0
