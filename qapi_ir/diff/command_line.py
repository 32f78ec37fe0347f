"""What the command lines of ``diff`` and ``history`` share: parsing, the reading options and
turning errors into one line and exit status 2."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

from qapi_ir.input_file import message_line

_T = TypeVar("_T")

#: The exit status of an error.
ERROR_STATUS = 2


class CommandLineError(Exception):
    """A command line that cannot be understood."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises :class:`CommandLineError` instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(message)


def add_cache_options(
    parser: argparse.ArgumentParser,
    cache_help: str = "build cache for the schemas read (default: qapi-build's)",
    verbose_help: str = "list each file read under older doc comment rules",
) -> None:
    """Add ``--cache-dir``, ``--no-cache`` and ``-v`` (warnings per file) to ``parser``."""
    parser.add_argument("--cache-dir", metavar="DIR", help=cache_help)
    parser.add_argument("--no-cache", action="store_true",
                        help="neither read nor write the build cache")
    parser.add_argument("-v", "--verbose", action="store_true", help=verbose_help)


def parsed(prog: str, argv: list[str], parser: argparse.ArgumentParser,
           check: Callable[[argparse.Namespace], _T]) -> _T | int:
    """``check`` of ``argv`` parsed (it may raise :class:`CommandLineError`); or, when the
    command line is wrong, the error printed and its status, and after ``--help``, 0."""
    try:
        return check(parser.parse_args(argv))
    except CommandLineError as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return ERROR_STATUS
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0


def reported(prog: str, work: Callable[[], _T],
             message: Callable[[Exception], str | None]) -> _T | int:
    """What ``work`` returns; or, when it raises, the error's line printed and the error
    status.  ``message`` words an expected error (``None``: a bug, an internal error)."""
    try:
        return work()
    except Exception as exc:
        line = message(exc)
        if line is None:  # a bug: still one line and the error status
            if os.environ.get("QAPI_BUILD_DEBUG"):
                raise
            line = f"{prog}: internal error: {type(exc).__name__}: {message_line(str(exc))}"
        print(line, file=sys.stderr)
        return ERROR_STATUS
