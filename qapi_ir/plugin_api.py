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
from qapi_ir.templating import Renderer

#: The plugin API this version of qapi-build implements.
#: 2: flags of commands and events are read with ``flag(name)`` (see :mod:`qapi_ir.flags`).
PLUGIN_API_VERSION = 2

#: The entry-point group backends register under.
ENTRY_POINT_GROUP = "qapi_build.backends"

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


class Output:
    """The files a backend produces, held in memory until the run succeeds.

    ``templates`` renders the backend's templates: the build's renderer, which
    keeps compiled templates in the build cache (by default, one that keeps
    them in memory).
    """

    def __init__(self, templates: Renderer | None = None) -> None:
        self.files: dict[str, str] = {}
        self.warnings: list[str] = []
        self.templates = templates or Renderer()

    def write(self, path: str, text: str) -> None:
        """Record ``text`` as the content of ``path``, relative to the output directory."""
        parts = path.replace("\\", "/").split("/")
        if path.startswith("/") or ".." in parts or not path:
            raise BackendError(f"refusing to write outside the output directory: {path!r}")
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
