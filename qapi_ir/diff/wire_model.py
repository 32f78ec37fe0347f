"""The comparable model: what a QMP client can see of a schema, whatever it was read from.

Types are kept under the name they have in their input, but only so that
places can be followed; :mod:`qapi_ir.diff.compare` pairs them by the place
they take, never by name.  Object members are flattened (bases are invisible
on the wire), arrays are plain element references, and what an input cannot
know (conditions and most flags in a ``query-qmp-schema`` reply) is absent
from ``WireSchema.knows`` or from ``Command.flags`` and is then not compared.

Features, enum values and members are the IR's own classes (a member's
``type`` names a type of the same input; an object's members include its
base's).  The classes defined here are frozen but not slotted: the build cache keeps
each schema's model, and a slotted attrs instance is unpickled through Python
code (its ``__setstate__``), a plain one in C, twice as fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

import attrs

from qapi_ir.ir import Condition, Location
from qapi_ir.ir import EnumValue as EnumValue
from qapi_ir.ir import Feature as Feature
from qapi_ir.ir import Member as Member

#: The things an input may or may not know; compared only when both inputs do.
KNOWS_CONDITIONS = "conditions"
KNOWS_SCALAR_NAMES = "scalar-names"
KNOWS_DOCS = "docs"


@attrs.frozen(slots=False)
class Scalar:
    """A built-in type: its JSON type and, when the input knows it, its QAPI name."""

    json_type: str
    name: str | None = None


@attrs.frozen(slots=False)
class Array:
    """An array; ``element`` refers to a type of the same input."""

    element: str


@attrs.frozen(slots=False)
class Enum:
    """An enumeration."""

    values: tuple[EnumValue, ...]


@attrs.frozen(slots=False)
class Branch:
    """A union branch (``key`` is the tag value) or an alternate one (``key`` is a JSON type)."""

    key: str
    type: str
    condition: Condition | None = None


@attrs.frozen(slots=False)
class Object:
    """A JSON object: members, and for a union the tag member and branches."""

    members: tuple[Member, ...] = ()
    tag: str | None = None
    branches: tuple[Branch, ...] = ()


@attrs.frozen(slots=False)
class Alternate:
    """A value of one of several JSON types; branches are keyed by JSON type."""

    branches: tuple[Branch, ...]


Shape: TypeAlias = Scalar | Array | Enum | Object | Alternate


@attrs.frozen(slots=False)
class TypeInfo:
    """A type: its shape, and its name when it is a real, user-visible one."""

    shape: Shape
    name: str | None = None
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()
    location: Location | None = None


@attrs.frozen(slots=False)
class DocText:
    """A definition's doc comment, as part name (``body``, ``member x``, ...) to text."""

    parts: Mapping[str, str]


@attrs.frozen(slots=False)
class Command:
    """A command; ``flags`` holds only the flags the input knows."""

    name: str
    arguments: str
    returns: str
    flags: Mapping[str, bool]
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()
    location: Location | None = None


@attrs.frozen(slots=False)
class Event:
    """An event and the type of its data."""

    name: str
    data: str
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()
    location: Location | None = None


@attrs.frozen(slots=False)
class WireSchema:
    """A whole schema as a client sees it, what the input could tell, and notes on reading it."""

    commands: Mapping[str, Command]
    events: Mapping[str, Event]
    types: Mapping[str, TypeInfo]
    knows: frozenset[str]
    docs: Mapping[str, DocText] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()


def is_unstable(name: str, features: tuple[Feature, ...]) -> bool:
    """Whether a thing is experimental: feature ``unstable``, or a name starting ``x-``."""
    return name.startswith("x-") or any(f.name == "unstable" for f in features)


def is_deprecated(features: tuple[Feature, ...]) -> bool:
    """Whether a thing carries feature ``deprecated``."""
    return any(f.name == "deprecated" for f in features)


def is_empty_object(schema: WireSchema, type_name: str) -> bool:
    """Whether ``type_name`` is an object without members or branches (an empty branch)."""
    shape = schema.types[type_name].shape
    return isinstance(shape, Object) and not shape.members and not shape.branches


def json_type(schema: WireSchema, type_name: str) -> str:
    """The JSON type of values of ``type_name`` (``object``, ``array``, ``string``, ...)."""
    match schema.types[type_name].shape:
        case Scalar(json_type=json):
            return json
        case Array():
            return "array"
        case Enum():
            return "string"
        case Object():
            return "object"
        case Alternate():
            return "alternate"
