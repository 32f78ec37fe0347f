"""``qapi-gen``: QEMU's ``scripts/qapi-gen.py`` command line, run with qapi-build's C backend.

A build that runs QEMU's generator can run this instead with the same
arguments and get the same files (the comment at the top of each aside),
messages and exit statuses: 0, 1 for an error in the schema or the prefix,
2 for a command line ``argparse`` refuses.  It runs the ``c`` backend and
nothing else, never reads a ``plugins.toml``, and keeps a build cache only
where it is told (``--cache-dir DIR``, else ``$QAPI_BUILD_CACHE``): by
default it writes nothing but the output directory and the depfile.

``-B MODULE.CLASS`` (QEMU's Python backends) cannot work here and is refused.
The command line is parsed before the build's modules are imported.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from qapi_ir.driver.process import end_process, flushing_stdout
from qapi_ir.driver.qemu_options import add_depfile_option, add_generator_options

PROG = "qapi-gen"
#: The one line that answers ``-B``.
NO_PYTHON_BACKENDS = (
    f"{PROG}: -B (QEMU's Python backends) is not supported: {PROG} runs qapi-build's C"
    " backend; for other output use 'qapi-build --backend NAME' (see 'qapi-build"
    " --list-backends')"
)


def _argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Generate C code from a QAPI schema as QEMU's scripts/qapi-gen.py does,"
        " with qapi-build's C backend.",
    )
    add_generator_options(parser)
    parser.add_argument("-B", "--backend", dest="qemu_backend", metavar="MODULE.CLASS",
                        help="not supported: QEMU's Python backends do not run here")
    add_depfile_option(parser)
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="keep qapi-build's cache there (default: $QAPI_BUILD_CACHE,"
                        " else no cache)")
    parser.add_argument("schema", help="the main schema file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``qapi-gen`` with ``argv`` (default: the process arguments); the exit status."""
    status = flushing_stdout(lambda: _main(argv))
    if argv is None:  # this process is qapi-gen; standard output is flushed, files closed
        end_process(status)
    return status


def _main(argv: Sequence[str] | None) -> int:
    args = _argument_parser().parse_args(argv)
    if args.qemu_backend is not None:
        print(NO_PYTHON_BACKENDS, file=sys.stderr)
        return 1
    from qapi_ir.driver.cli import default_arguments, run_parsed

    build = default_arguments()  # qapi-build's, with qapi-gen's settings
    cache_dir = args.cache_dir or os.environ.get("QAPI_BUILD_CACHE") or None
    vars(build).update(vars(args), prog=PROG, read_config=False, backend=["c"],
                       cache_dir=cache_dir, no_cache=cache_dir is None, quiet=True,
                       code_cache=False)
    return run_parsed(build, in_process=argv is None)
