"""What a backend plugin implements and what it is given.

A backend is any object with the attributes of :class:`Backend`, registered
under the entry-point group :data:`ENTRY_POINT_GROUP` (or named by import path
in ``plugins.toml``).  It receives the whole IR and an :class:`Output` that
collects files in memory; nothing reaches the disk unless every backend of the
run succeeded.

Version 2 changed two things a backend meets, so backends written for
version 1 are refused with a message that says so:

- the flags of commands and events are read with ``flag(name)`` from the one
  table of flags (:mod:`qapi_ir.flags`), not from one attribute each, and text
  is rendered through ``output.templates`` (the build's :class:`Renderer`);
- the option kind ``"releases"``: ``-O BACKEND.NAME=LABEL=PATH``, repeatable,
  names older releases of the schema (a schema file, an IR snapshot or a saved
  ``query-qmp-schema`` reply).  qapi-build reads them, compares each with the
  schema being generated (types matched by the place they take on the wire,
  not by name) and hands the backend a :class:`ReleaseHistory` instead of the
  text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Protocol, TypeAlias

import attrs

from qapi_ir.input_file import CONTROL_CHARACTERS
from qapi_ir.ir import Location, Schema
from qapi_ir.templating import Renderer

#: The plugin API this version of qapi-build implements.
PLUGIN_API_VERSION = 2

#: The versions a backend may state (version 2 changed how flags are read).
SUPPORTED_API_VERSIONS = (2,)

#: The entry-point group backends register under.
ENTRY_POINT_GROUP = "qapi_build.backends"

#: The configuration file read from the working directory (which backends run,
#: their options, the diff's settings).
CONFIG_FILE = "plugins.toml"

#: The longest file name most file systems allow, in bytes.
NAME_MAX = 255

OptionKind: TypeAlias = Literal["str", "bool", "int", "list", "releases"]

#: A member of an object type: (type name, member name), both as in the generated schema.
MemberKey: TypeAlias = tuple[str, str]
#: A value of an enumeration: (enum type name, value name), both as in the generated schema.
EnumValueKey: TypeAlias = tuple[str, str]


@attrs.frozen
class Release:
    """What one older release lacks, named as in the schema being generated.

    Types are matched by the place they take on the wire, so a type renamed
    since ``label`` is still compared with its older self.  A member is keyed by
    the type that holds it once bases are flattened in (an implicit type's
    ``q_obj_...`` name for a command's arguments or an event's data); when one
    type takes several places, what one of them lacks counts.  Every tuple is
    sorted.
    """

    #: The release's name as the user gave it (``7.2``).
    label: str
    #: Commands the release does not have.
    absent_commands: tuple[str, ...] = ()
    #: Events the release does not have.
    absent_events: tuple[str, ...] = ()
    #: Members the release does not have (of types it has at that place).
    absent_members: tuple[MemberKey, ...] = ()
    #: Members that are mandatory now but optional in the release.
    optional_members: tuple[MemberKey, ...] = ()
    #: Enumeration values the release does not have.
    absent_enum_values: tuple[EnumValueKey, ...] = ()
    #: Named types the release does not have (by name).
    absent_types: tuple[str, ...] = ()
    #: Definitions (by name) the release marks deprecated.
    deprecated: tuple[str, ...] = ()
    #: What changed for clients in this release, from the release given before it (none
    #: for the oldest), in the order ``qapi-build history`` lists it.
    changes: tuple[ReleaseChange, ...] = ()


@attrs.frozen
class ReleaseChange:
    """One change for clients in a release: what happened (``appeared``, ``removed``,
    ``deprecated``, ``type changed``, ...), to what kind of thing (``command``,
    ``member``, ``value``, ...), the command, event or type it is reported under, the
    place inside it (``""`` for the definition itself), and the change in words."""

    event: str
    kind: str
    definition: str
    path: str
    detail: str


@attrs.frozen
class ReleaseHistory:
    """The older releases named by a ``"releases"`` option, in release order.

    Empty when the option was not given: a backend then generates what it
    generates without history.
    """

    releases: tuple[Release, ...] = ()

    def labels(self) -> tuple[str, ...]:
        """The releases' labels, in release order."""
        return tuple(release.label for release in self.releases)


OptionValue: TypeAlias = str | bool | int | tuple[str, ...] | ReleaseHistory


@attrs.frozen
class Option:
    """An option a backend accepts: ``-O BACKEND.NAME=VALUE`` or ``plugins.toml``.

    A ``"list"`` option is repeatable and its value a tuple of strings.  A
    ``"releases"`` option (plugin API 2) is repeatable with ``LABEL=PATH``
    values (a list of them in ``plugins.toml``) and its default ``()``; the
    backend always receives a :class:`ReleaseHistory` for it.
    """

    name: str
    kind: OptionKind
    default: OptionValue
    help: str


class BackendError(Exception):
    """A failure a backend reports to the user as one message (no traceback)."""


def output_path_problem(path: object, text: object) -> str | None:
    """Why ``path`` (with content ``text``) cannot be a generated file, if it cannot.

    A path is relative, ``/``-separated, inside the output directory, with
    names of at most :data:`NAME_MAX` bytes and no control character (a name
    that ends a line would forge lines of a build log); the content is text.
    """
    if not isinstance(path, str):
        return f"the path {path!r} is not a string"
    if not isinstance(text, str):
        return f"the content of {path!r} is {type(text).__name__}, not str"
    if "\0" in path or "\\" in path or path.startswith("/"):
        return f"{path!r} is not a relative path"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return f"{path!r} is not a path inside the output directory"
    if CONTROL_CHARACTERS.search(path):
        return f"{path!r} has a control character"
    try:
        encoded = path.encode("utf-8")
        text.encode("utf-8")
    except UnicodeEncodeError:
        return f"{path!r} or its content is not valid text (a lone surrogate)"
    if any(len(part) > NAME_MAX for part in encoded.split(b"/")):
        return f"{path!r} has a name longer than {NAME_MAX} bytes"
    return None


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
    """The interface of a backend plugin.

    ``api_version`` is the plugin API the backend was written for, one of
    :data:`SUPPORTED_API_VERSIONS`.
    """

    name: str
    description: str
    api_version: int
    options: tuple[Option, ...]

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Render ``schema`` into ``output``; ``options`` holds every declared option."""
