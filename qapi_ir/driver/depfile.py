"""``--depfile FILE``: what a build re-runs the generator for, in the Makefile syntax ninja reads.

The rule names every generated file as a target, and as prerequisites every
schema file read (the main one and those it includes) and every source file
of the code that generated them (``qapi_ir`` and each backend's package), so
that editing an included schema file, or installing another qapi-build,
makes the build run the generator again.  Ninja reads the file after the
command succeeded (meson's ``custom_target(depfile: ...)``) and deletes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from qapi_ir.driver.output_dir import OutputError

#: Characters a file name in a depfile cannot hold: they would end the rule or its line.
_UNWRITABLE = re.compile(r"[\n\r\t\0]")
#: A space, with the backslashes before it (doubled when escaping, as ninja reads them).
_SPACE = re.compile(r"(\\*) ")


def escape(path: str) -> str:
    """``path`` as a word of a depfile rule; :class:`OutputError` when it cannot be one."""
    if _UNWRITABLE.search(path):
        raise OutputError(f"can't name {path!r} in a depfile: it holds a tab or a line break")
    escaped = _SPACE.sub(lambda m: m.group(1) * 2 + "\\ ", path)
    return escaped.replace("$", "$$").replace("#", "\\#")


def rule(targets: Iterable[str], prerequisites: Iterable[str]) -> str:
    """The text of a depfile saying ``targets`` depend on ``prerequisites``, one per line."""
    heads = " \\\n".join(escape(t) for t in targets)
    if not heads:
        raise OutputError("no file was generated: a depfile needs at least one target")
    tails = "".join(f" \\\n  {escape(p)}" for p in dict.fromkeys(prerequisites))
    return f"{heads}:{tails}\n"


def write_depfile(path: str, text: str) -> None:
    """Write ``text`` (a :func:`rule`) to ``path``, replaced as a whole, never through a link."""
    import tempfile  # only a run with --depfile needs it

    data = text.encode("utf-8", "surrogateescape")
    directory = os.path.dirname(path) or "."
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=".depfile-")
        try:
            with os.fdopen(fd, "wb") as stream:
                os.fchmod(stream.fileno(), 0o644)
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as exc:
        raise OutputError(f"can't write depfile '{path}': {exc.strerror or exc}") from exc
