"""What a backend plugin implements and what it is given.

A backend is any object with the attributes of :class:`Backend`, registered
under the entry-point group :data:`ENTRY_POINT_GROUP` (or named by import path
in ``plugins.toml``).  It receives the whole IR and an :class:`Output` that
collects files in memory; nothing reaches the disk unless every backend of the
run succeeded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Protocol, TypeAlias

import attrs

from qapi_ir.ir import Location, Schema

#: The plugin API this version of qapi-build implements.
PLUGIN_API_VERSION = 1

#: The entry-point group backends register under.
ENTRY_POINT_GROUP = "qapi_build.backends"

#: The longest file name most file systems allow, in bytes.
NAME_MAX = 255

OptionKind: TypeAlias = Literal["str", "bool", "int", "list"]
OptionValue: TypeAlias = str | bool | int | tuple[str, ...]


@attrs.frozen
class Option:
    """An option a backend accepts: ``-O BACKEND.NAME=VALUE`` or ``plugins.toml``."""

    name: str
    kind: OptionKind
    default: OptionValue
    help: str


class BackendError(Exception):
    """A failure a backend reports to the user as one message (no traceback)."""


def output_path_problem(path: object, text: object) -> str | None:
    """Why ``path`` (with content ``text``) cannot be a generated file, if it cannot.

    A path is relative, ``/``-separated, inside the output directory, with
    names of at most :data:`NAME_MAX` bytes; the content is text.
    """
    if not isinstance(path, str):
        return f"the path {path!r} is not a string"
    if not isinstance(text, str):
        return f"the content of {path!r} is {type(text).__name__}, not str"
    if "\0" in path or "\\" in path or path.startswith("/"):
        return f"{path!r} is not a relative path"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return f"{path!r} is not a path inside the output directory"
    try:
        encoded = path.encode("utf-8")
        text.encode("utf-8")
    except UnicodeEncodeError:
        return f"{path!r} or its content is not valid text (a lone surrogate)"
    if any(len(part) > NAME_MAX for part in encoded.split(b"/")):
        return f"{path!r} has a name longer than {NAME_MAX} bytes"
    return None


class Output:
    """The files a backend produces, held in memory until the run succeeds."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.warnings: list[str] = []

    def write(self, path: str, text: str) -> None:
        """Record ``text`` as the content of ``path``, relative to the output directory."""
        problem = output_path_problem(path, text)
        if problem:
            raise BackendError(f"refusing to write: {problem}")
        if path in self.files:
            raise BackendError(f"file written twice: {path}")
        self.files[path] = text

    def warn(self, location: Location | None, message: str) -> None:
        """Report a problem that does not stop generation (``file:LINE: message``)."""
        where = f"{location.file}:{location.line}: " if location else ""
        self.warnings.append(f"{where}warning: {message}")


class Backend(Protocol):
    """The interface of a backend plugin."""

    name: str
    description: str
    api_version: int
    options: tuple[Option, ...]

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Render ``schema`` into ``output``; ``options`` holds every declared option."""
