"""The ``qapi-build`` program: ``diff`` and ``history`` without the imports only a build needs.

A build's command line (:mod:`qapi_ir.driver.cli`) imports configuration,
plugin loading, options, templates and the output directory; ``diff`` needs
none of them, and it is what a CI job runs again and again; nor does ``history``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from qapi_ir.driver.process import end_process, flushing_stdout, interruptible


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
    """Run ``qapi-build`` with ``argv`` (default: the process arguments), as
    :func:`qapi_ir.driver.cli.main` does."""
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
    from qapi_ir.driver.cli import main as build_main

    return build_main(argv)
