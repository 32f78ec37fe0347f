"""The ``qapi-build`` program: ``diff`` and ``history`` without the imports only a build needs.

A build's command line (:mod:`qapi_ir.driver.cli`) imports configuration,
plugin loading, options, templates and the output directory; ``diff`` needs
none of them, and it is what a CI job runs again and again; nor does ``history``.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from qapi_ir.driver.process import PROG, end_process, flushing_stdout, interruptible


def run_diff(arguments: list[str]) -> int:
    """``qapi-build diff`` with ``arguments`` (after ``diff``), schemas read through the
    build cache; the exit status."""
    from qapi_ir.diff.cli import main as diff_main
    from qapi_ir.driver.diff_cache import cache_in

    return interruptible(lambda _: diff_main(arguments, cache_in=cache_in))


def run_history(arguments: list[str]) -> int:
    """``qapi-build history`` with ``arguments`` (after ``history``), as :func:`run_diff`."""
    from qapi_ir.diff.history_cli import main as history_main
    from qapi_ir.driver.diff_cache import cache_in

    return interruptible(lambda _: history_main(arguments, cache_in=cache_in))


#: The subcommands that run without the build's imports.
SUBCOMMANDS = {"diff": run_diff, "history": run_history}


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qapi-build`` with ``argv`` (default: the process arguments): a subcommand,
    else the build (:func:`qapi_ir.driver.cli.main`); the exit status."""
    status = _run(argv)
    if argv is None:  # this process is qapi-build; standard output is flushed, files closed
        end_process(status)
    return status


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] and arguments[0] in SUBCOMMANDS:
        run = SUBCOMMANDS[arguments[0]]
        if argv is None:  # this process is qapi-build: what a diff makes lives until it
            gc.disable()  # ends, in few cycles, so the cyclic collector only costs (-7%)
        return flushing_stdout(lambda: run(arguments[1:]))
    _refuse_mistyped_subcommand(arguments)
    from qapi_ir.driver.cli import main as build_main

    return build_main(argv)


def _refuse_mistyped_subcommand(arguments: Sequence[str]) -> None:
    """Exit with status 2 when the first argument is no file but close to a subcommand."""
    first = arguments[0] if arguments else ""
    if not first or first.startswith("-") or os.path.exists(first):
        return
    import difflib

    close = difflib.get_close_matches(first, list(SUBCOMMANDS), n=1)
    if close:
        print(f"{PROG}: error: no such file or command '{first}'; did you mean '{close[0]}'?",
              file=sys.stderr)
        raise SystemExit(2)
