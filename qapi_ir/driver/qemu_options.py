"""The options ``qapi-build`` and ``qapi-gen`` share: QEMU's generator flags and ``--depfile``.

Only :mod:`argparse` is imported here, so that ``qapi-gen`` parses its command
line (and answers ``--help`` or a usage error) before importing the build.
"""

from __future__ import annotations

import argparse


def add_generator_options(parser: argparse.ArgumentParser) -> None:
    """``-b``, ``-o``, ``-p``, ``-u`` and ``--suppress-tracing``, as QEMU's
    ``scripts/qapi-gen.py`` spells them (``-o`` defaults to ``''`` as there; ``-p`` to
    ``None``, so that ``-p ''`` still overrides a prefix from ``plugins.toml``)."""
    parser.add_argument("-b", "--builtins", action="store_true",
                        help="also generate the built-in types' modules")
    parser.add_argument("-o", "--output-dir", default="",
                        help="where to write (default: the current directory)")
    parser.add_argument("-p", "--prefix", help="prefix for generated names")
    parser.add_argument("-u", "--unmask-non-abi-names", dest="unmask", action="store_true",
                        help="keep type names visible in introspection")
    parser.add_argument("--suppress-tracing", action="store_true",
                        help="generate no trace events in the command marshallers")


def add_depfile_option(parser: argparse.ArgumentParser) -> None:
    """``--depfile FILE``: the files read and written, as a Makefile rule."""
    parser.add_argument("--depfile", metavar="FILE",
                        help="also write a Makefile rule (as ninja reads it): the files"
                        " generated depend on the schema files read and on qapi-build's code")
