"""Reading an input file (schema, include, configuration, snapshot, log, cache entry) safely.

Only a regular file is read (a FIFO, a device such as ``/dev/zero`` or a
directory is refused without blocking), and at most :data:`MAX_INPUT_BYTES`
of it; text must be UTF-8, and a bad byte is reported with its line.  TOML
that nests too deeply for the parser is refused in one line too.  A message
that quotes what such a file holds quotes it through :func:`shown`.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable
from typing import Any

#: The largest input file read (QEMU's whole schema is ~1 MiB).
MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputFileError(Exception):
    """A file that is not a readable input; ``str()`` is one line naming the file."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")
        self.reason = reason
        self.line = line


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The content of the regular file at ``path``.

    Raises :class:`OSError` when it cannot be opened and :class:`InputFileError`
    when it is not a regular file or is too large.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as stream:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise InputFileError(str(path), "not a regular file")
        # as much as it holds (one allocation of the right size), more if it grew meanwhile
        data = stream.read(min(status.st_size, MAX_INPUT_BYTES) + 1)
        if len(data) > status.st_size:
            data += stream.read(MAX_INPUT_BYTES + 1 - len(data))
    if len(data) > MAX_INPUT_BYTES:
        raise InputFileError(
            str(path), f"larger than the limit of {MAX_INPUT_BYTES // (1024 * 1024)} MiB"
        )
    return data


def read_text(path: str | os.PathLike[str]) -> str:
    """The UTF-8 text of the regular file at ``path`` (errors as :func:`read_bytes`)."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputFileError(
            str(path), f"invalid UTF-8 (byte 0x{data[exc.start]:02x})", line
        ) from None


#: What the parsers say of input that nests deeper than Python's recursion limit.
TOO_DEEP = "values nest too deeply"


def read_text_or(path: str | os.PathLike[str], error: Callable[[str], Exception],
                 what: str = "") -> str:
    """The text of the file at ``path`` (as :func:`read_text`); a failure raised as
    ``error`` of its one-line message, ``can't read WHAT 'PATH': REASON``."""
    named = f"can't read {what} " if what else "can't read "
    try:
        return read_text(path)
    except OSError as exc:
        raise error(f"{named}'{path}': {exc.strerror or exc}") from exc
    except InputFileError as exc:
        raise error(f"{named}{exc}") from exc


def read_config_toml(path: str | os.PathLike[str],
                     error: Callable[[str], Exception]) -> dict[str, Any]:
    """The table of the configuration (TOML) file at ``path``; a failure (unreadable, not
    TOML, nesting too deeply) raised as ``error`` of its one-line message (the same
    words for every reader of ``plugins.toml``)."""
    import tomllib  # here: a run without a TOML file need not import it (6 ms)

    text = read_text_or(path, error, "configuration file")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: {exc}") from None
    except RecursionError:
        raise error(f"{path}: {TOO_DEEP}") from None


#: Characters that move the cursor, end a line or reorder text on a terminal or in a log:
#: C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidi overrides.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The most characters of input a message quotes.
MAX_SHOWN = 200
#: The most characters of one line of a message printed.
MAX_MESSAGE = 1000
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: str, limit: int | None = MAX_SHOWN) -> str:
    """``text`` as a one-line message may quote it: cut after ``limit`` characters (``...``
    marks the cut; ``None``: never cut) and control characters escaped; printable text is
    unchanged."""
    cut = text[:limit] + "..." if limit is not None and len(text) > limit else text
    return CONTROL_CHARACTERS.sub(_escape, cut)


def message_line(text: str) -> str:
    """A line of an error message as printed: control characters escaped and, past
    :data:`MAX_MESSAGE` characters, its middle cut out (the start names the place, the
    end the problem), for what quoted input in full."""
    line = shown(text, limit=None)
    if len(line) <= MAX_MESSAGE:
        return line
    head = MAX_MESSAGE * 2 // 3
    return f"{line[:head]}...{line[head - MAX_MESSAGE:]}"


def imported_class(module: str, qualname: str) -> type | None:
    """The class ``qualname`` defined in ``module``, if that module is imported and
    defines it; for unpickling data: nothing is imported, and no other object is given."""
    found: Any = sys.modules.get(module)
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if isinstance(found, type) and found.__module__ == module and found.__qualname__ == qualname:
        return found
    return None
