"""Run-time support of a generated QMP client package: values, codec, errors.

This file is copied verbatim into every generated package as ``runtime.py``;
it needs only the standard library.
"""

from __future__ import annotations

import enum
import importlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar, Final, TypeAlias, TypeVar, cast

from .records import Record, fields

#: A JSON value as :func:`json.loads` returns it.
JSONValue: TypeAlias = (
    bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"] | None
)
#: A JSON object.
JSONObject: TypeAlias = dict[str, JSONValue]

T = TypeVar("T")
#: A decoder turns a wire value into a typed value; the string is the path for errors.
Decoder: TypeAlias = Callable[[object, str], T]


class Absent(enum.Enum):
    """The type of :data:`ABSENT`, the value of an optional member that is not there."""

    ABSENT = "ABSENT"

    def __repr__(self) -> str:
        return "ABSENT"


#: An optional member or argument that is absent (not the same as ``None``, JSON null).
ABSENT: Final = Absent.ABSENT


class DecodeError(ValueError):
    """A wire value that does not match its type; the message starts with its path."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __eq__(self, other: object) -> bool:
        """Errors at the same path for the same reason are equal (events holding them too)."""
        if not isinstance(other, DecodeError):
            return NotImplemented
        return (self.path, self.reason) == (other.path, other.reason)

    def __hash__(self) -> int:
        return hash((self.path, self.reason))


class QAPIEnum(enum.StrEnum):
    """Base of generated enumerations.

    A value this package does not know (sent by a newer QEMU) still decodes: it
    becomes a member outside the declared ones, with ``is_known`` false.
    """

    @classmethod
    def _missing_(cls, value: object) -> QAPIEnum | None:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return cls._value2member_map_.setdefault(value, member)  # type: ignore[return-value]

    @property
    def is_known(self) -> bool:
        """Whether the value is one this package declares."""
        return self._name_ in type(self).__members__


class QAPIObject(Record):
    """Base of generated structs, unions and events (frozen records, see ``records.py``).

    ``unknown_members`` keeps the members a newer QEMU sent that this package
    does not know; encoding sends them back.
    """

    #: Python field name to wire member name, where they differ.
    wire_names: ClassVar[Mapping[str, str]] = {}
    hidden_from_repr = ("unknown_members",)

    unknown_members: Mapping[str, JSONValue] = MappingProxyType({})


class Timestamp(Record, kw_only=False):
    """When the server emitted an event."""

    seconds: int
    microseconds: int


class QAPIEvent(QAPIObject):
    """Base of generated events; ``event_name`` is the event's wire name."""

    event_name: ClassVar[str] = ""
    #: Whether the event's data is the single field ``data`` (a boxed event).
    boxed: ClassVar[bool] = False

    timestamp: Timestamp = Timestamp(0, 0)


class UndecodedEvent(QAPIEvent):
    """An event that did not decode, kept as JSON: its name, data, timestamp and the error.

    Encoding it gives back the message as it was received.
    """

    event: str
    data: JSONValue | Absent = ABSENT
    error: DecodeError


class UnknownEvent(UndecodedEvent):
    """An event whose name this package does not know (sent by a newer QEMU)."""


#: The fields every event has: the data members of an event come after them.
_EVENT_FIELDS = fields(QAPIEvent)


class UnstableWarning(FutureWarning):
    """Issued when a program uses a command the schema marks ``unstable``."""


class CommandError(Exception):
    """A QMP command failed: the server's error ``error_class`` and ``description``."""

    def __init__(self, command: str, error_class: str, description: str) -> None:
        super().__init__(f"{command}: {error_class}: {description}")
        self.command = command
        self.error_class = error_class
        self.description = description


class CommandNotAvailable(CommandError):
    """The connected server lacks the command; raised before anything was sent.

    ``version`` is the server's version (``7.2.19``), from the QMP greeting
    or the guest agent's ``guest-info``; ``program`` names the server.
    """

    def __init__(self, command: str, version: str, program: str = "QEMU") -> None:
        super().__init__(
            command, "CommandNotFound", f"{program} {version} does not have this command"
        )
        self.version = version


class CommandDisabled(CommandError):
    """The server has the command but has it disabled (a guest agent run with ``-b``)."""


class QEMUVersion(Record, kw_only=False):
    """The version of a QEMU, as its greeting gives it."""

    major: int
    minor: int
    micro: int
    package: str = ""

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.micro}"


class Greeting(Record, kw_only=False):
    """The server's greeting: its version and the capabilities it offers (``oob``)."""

    version: QEMUVersion
    capabilities: tuple[str, ...]


def decode_greeting(value: object) -> Greeting:
    """The greeting ``{"QMP": {"version": ..., "capabilities": [...]}}``."""
    qmp = Members(Members(value, "greeting").required("QMP", decode_any), "greeting.QMP")
    version = Members(qmp.required("version", decode_any), "greeting.QMP.version")
    numbers = Members(version.required("qemu", decode_any), "greeting.QMP.version.qemu")
    return Greeting(
        version=QEMUVersion(
            major=numbers.required("major", decode_int),
            minor=numbers.required("minor", decode_int),
            micro=numbers.required("micro", decode_int),
            package=version.required("package", decode_str),
        ),
        capabilities=qmp.required("capabilities", array_decoder(decode_str)),
    )


# ---------------------------------------------------------------- encoding


def encode(value: object) -> JSONValue:
    """The wire JSON of ``value``: a generated object, an enum, a scalar, a sequence."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, QAPIEvent):
        return _encode_event(value)
    if isinstance(value, QAPIObject):
        return encode_members(value)
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def encode_members(value: QAPIObject) -> JSONObject:
    """The wire members of ``value``: absent ones left out, unknown ones put back."""
    wire = type(value).wire_names
    members: JSONObject = {}
    for field in fields(type(value)):
        item = getattr(value, field.name)
        if field.name in ("unknown_members", "timestamp") or item is ABSENT:
            continue
        members[wire.get(field.name, field.name)] = encode(item)
    members.update(value.unknown_members)
    return members


def encode_arguments(arguments: Mapping[str, object]) -> JSONObject:
    """Wire arguments of a command from ``{wire name: value}``, leaving out absent ones."""
    return {name: encode(item) for name, item in arguments.items() if item is not ABSENT}


def _has_data(event: QAPIEvent) -> bool:
    """Whether the event's class declares data members, or it kept unknown ones."""
    return len(fields(type(event))) > len(_EVENT_FIELDS) or bool(event.unknown_members)


def _encode_event(event: QAPIEvent) -> JSONObject:
    data: JSONValue | Absent
    if isinstance(event, UndecodedEvent):
        name, data = event.event, event.data
    else:
        name, data = event.event_name, encode_members(event) if _has_data(event) else ABSENT
        if event.boxed and isinstance(data, dict):
            data = data["data"]
    message: JSONObject = {"event": name}
    if data is not ABSENT:
        message["data"] = data
    message["timestamp"] = {
        "seconds": event.timestamp.seconds,
        "microseconds": event.timestamp.microseconds,
    }
    return message


# ---------------------------------------------------------------- decoding


def describe(value: object) -> str:
    """A short JSON rendering of ``value`` for error messages."""
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def mismatch(path: str, expected: str, value: object) -> DecodeError:
    """The error for ``value`` found where ``expected`` was."""
    return DecodeError(path, f"expected {expected}, got {describe(value)}")


def is_integer(value: object) -> bool:
    """Whether ``value`` is a JSON integer (``bool`` is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> bool:
    """Whether ``value`` is a JSON number."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def decode_str(value: object, path: str) -> str:
    """A JSON string."""
    if not isinstance(value, str):
        raise mismatch(path, "string", value)
    return value


def decode_bool(value: object, path: str) -> bool:
    """A JSON boolean."""
    if not isinstance(value, bool):
        raise mismatch(path, "bool", value)
    return value


def decode_number(value: object, path: str) -> float:
    """A JSON number (integers accepted, as QEMU does)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise mismatch(path, "number", value)
    return float(value)


def decode_null(value: object, path: str) -> None:
    """JSON null."""
    if value is not None:
        raise mismatch(path, "null", value)


def decode_any(value: object, path: str) -> JSONValue:
    """Any JSON value, as it is."""
    return cast(JSONValue, value)


def integer_decoder(name: str, low: int, high: int) -> Decoder[int]:
    """A decoder of integers of the QAPI type ``name``, between ``low`` and ``high``."""

    def decode(value: object, path: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise mismatch(path, name, value)
        if not low <= value <= high:
            raise DecodeError(path, f"{value} is out of range for {name}")
        return value

    return decode


decode_int = integer_decoder("int", -(2**63), 2**63 - 1)
decode_int8 = integer_decoder("int8", -(2**7), 2**7 - 1)
decode_int16 = integer_decoder("int16", -(2**15), 2**15 - 1)
decode_int32 = integer_decoder("int32", -(2**31), 2**31 - 1)
decode_int64 = integer_decoder("int64", -(2**63), 2**63 - 1)
decode_uint8 = integer_decoder("uint8", 0, 2**8 - 1)
decode_uint16 = integer_decoder("uint16", 0, 2**16 - 1)
decode_uint32 = integer_decoder("uint32", 0, 2**32 - 1)
decode_uint64 = integer_decoder("uint64", 0, 2**64 - 1)
decode_size = integer_decoder("size", 0, 2**64 - 1)

def array_decoder(element: Decoder[T]) -> Decoder[tuple[T, ...]]:
    """A decoder of JSON arrays whose elements ``element`` decodes."""

    def decode(value: object, path: str) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise mismatch(path, "array", value)
        return tuple(element(item, f"{path}[{index}]") for index, item in enumerate(value))

    return decode


class Members:
    """The members of a JSON object being decoded; what nobody takes is unknown."""

    __slots__ = ("_left", "path")

    def __init__(self, value: object, path: str) -> None:
        if not isinstance(value, Mapping):
            raise mismatch(path, "object", value)
        self._left: dict[str, Any] = dict(value)
        self.path = path

    def required(self, name: str, decode: Decoder[T]) -> T:
        """Take the mandatory member ``name``."""
        if name not in self._left:
            raise DecodeError(self.path, f"missing mandatory member '{name}'")
        return decode(self._left.pop(name), f"{self.path}.{name}")

    def optional(self, name: str, decode: Decoder[T]) -> T | Absent:
        """Take the optional member ``name``; :data:`ABSENT` when it is not there."""
        if name not in self._left:
            return ABSENT
        return decode(self._left.pop(name), f"{self.path}.{name}")

    def rest(self) -> dict[str, JSONValue]:
        """The members nobody took."""
        return self._left


def decode_timestamp(value: object, path: str) -> Timestamp:
    """The ``timestamp`` of an event."""
    members = Members(value, path)
    return Timestamp(
        seconds=members.required("seconds", decode_int),
        microseconds=members.required("microseconds", decode_int),
    )


#: Decodes the ``data`` of one event (at a path) into the typed event.
EventDecoder: TypeAlias = Callable[[object, str, Timestamp], QAPIEvent]


def decode_event(message: object, decoders: Mapping[str, EventDecoder]) -> QAPIEvent:
    """A typed event from a QMP event message, or an :class:`UndecodedEvent` holding it.

    An event name the package does not know gives an :class:`UnknownEvent`;
    only a message that is not an event at all (no name) raises :class:`DecodeError`.
    """
    members = Members(message, "event")
    name = members.required("event", decode_str)
    data = members.optional("data", decode_any)
    try:
        timestamp = members.required("timestamp", decode_timestamp)
    except DecodeError as error:
        return UndecodedEvent(event=name, data=data, error=error)
    decoder = decoders.get(name)
    if decoder is None:
        unknown = DecodeError(f"{name}: event", "not an event of this schema")
        return UnknownEvent(event=name, data=data, error=unknown, timestamp=timestamp)
    try:
        return decoder({} if data is ABSENT else data, f"{name}: data", timestamp)
    except DecodeError as error:
        return UndecodedEvent(event=name, data=data, error=error, timestamp=timestamp)


def decode_as(types: object, codec: object, cls: type[T], value: object, path: str) -> T:
    """Decode ``value`` as class ``cls`` with the decoder of ``cls`` or of its union base.

    ``types`` and ``codec`` are the package's modules: a class of ``types``
    called ``Name`` is decoded by ``codec.decode_Name``.
    """
    for base in cls.__mro__:
        name = base.__name__
        decoder = getattr(codec, f"decode_{name}", None)
        if decoder is not None and getattr(types, name, None) is base:
            result = decoder(value, path)
            if not isinstance(result, cls):
                raise mismatch(path, cls.__name__, value)
            return result
    raise TypeError(f"no decoder for {cls.__name__}")


# ---------------------------------------------------------------- loading on first use


def lazy_attributes(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` of ``package``, whose names live in its ``modules``.

    ``modules`` gives the names each module of the package defines; the first
    use of one imports its module and keeps all of that module's names in
    ``package``, so the next uses cost nothing.
    """
    home = {name: module for module, names in modules.items() for name in names}
    namespace = vars(sys.modules[package])

    def get(name: str) -> object:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        loaded = importlib.import_module(f"{package}.{module}")
        defined = vars(loaded)  # all of them, unless the module is still being imported
        namespace.update({found: defined[found] for found in modules[module] if found in defined})
        return getattr(loaded, name)

    def listing() -> list[str]:
        return sorted(namespace.keys() | home.keys())

    return get, listing


class LazyDecoders(Mapping[str, Decoder[object]]):
    """Decoders by wire name, each an attribute of ``codec`` looked up when asked for."""

    def __init__(self, codec: object, names: Mapping[str, str]) -> None:
        self._codec = codec
        self._names = names

    def __getitem__(self, wire: str) -> Decoder[object]:
        return cast(Decoder[object], getattr(self._codec, self._names[wire]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)
