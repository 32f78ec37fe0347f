"""Frozen keyword-only records, declared like dataclasses but built for a quick import.

This file is copied verbatim into every generated package as ``records.py``;
it needs only the standard library (not even :mod:`dataclasses`, whose import
costs more than creating a schema module's classes).  A class body declares
fields with annotations and defaults, as for ``@dataclass(frozen=True,
kw_only=True)``, and type checkers read it so (:func:`typing.dataclass_transform`);
``class Name(Record, kw_only=False)`` takes its fields by position too.  What
the dataclass decorator would compute at import (``__init__``, ``__eq__``,
``__repr__``, ``__hash__`` for each of a thousand classes) is computed here
once per class, on its first use: importing a schema's types costs only
creating the classes.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Literal, NamedTuple, TypeVar, cast, dataclass_transform

T = TypeVar("T")
_REQUIRED: Any = object()


class FieldInfo(NamedTuple):
    """A field of a record class: its name, default (if any) and whether ``__init__`` sets it."""

    name: str
    default: object
    init: bool

    @property
    def required(self) -> bool:
        """Whether ``__init__`` must be given the field."""
        return self.init and self.default is _REQUIRED


class _Fixed(Generic[T]):
    """What :func:`fixed` leaves in a class body until the class exists."""

    def __init__(self, value: T) -> None:
        self.value = value

    def __set_name__(self, owner: type, name: str) -> None:
        _FIXED.setdefault(owner, set()).add(name)
        setattr(owner, name, self.value)


_FIXED: dict[type, set[str]] = {}
_FIELDS: dict[type, tuple[FieldInfo, ...]] = {}
_ARGUMENTS: dict[type, tuple[frozenset[str], frozenset[str]]] = {}
#: The record classes whose ``__init__`` takes fields by position too.
_POSITIONAL: set[type] = set()


def fixed(*, default: T, init: Literal[False] = False) -> T:
    """A field whose value is always ``default``: ``__init__`` does not take it."""
    return cast(T, _Fixed(default))


def fields(cls: type) -> tuple[FieldInfo, ...]:
    """The fields of record class ``cls``, those of its bases first, in declaration order."""
    found = _FIELDS.get(cls)
    if found is None:
        collected: dict[str, FieldInfo] = {}
        for klass in reversed(cls.__mro__):
            for name, annotation in vars(klass).get("__annotations__", {}).items():
                if not str(annotation).startswith("ClassVar"):
                    default = vars(klass).get(name, _REQUIRED)
                    collected[name] = FieldInfo(name, default, name not in _FIXED.get(klass, ()))
        found = _FIELDS[cls] = tuple(collected.values())
    return found


def _arguments(cls: type) -> tuple[frozenset[str], frozenset[str]]:
    """The keyword arguments ``cls()`` accepts, and those it requires."""
    found = _ARGUMENTS.get(cls)
    if found is None:
        accepted = frozenset(f.name for f in fields(cls) if f.init)
        found = _ARGUMENTS[cls] = (accepted, frozenset(f.name for f in fields(cls) if f.required))
    return found


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(fixed,))
class Record:
    """Base of frozen records: fields set once, by keyword; compared, hashed and shown by value.

    A field that is not given takes the default declared in the class body.
    Fields named in ``hidden_from_repr`` are left out of ``repr``.
    """

    hidden_from_repr: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, *, kw_only: bool = True, **options: Any) -> None:
        super().__init_subclass__(**options)
        if not kw_only:
            _POSITIONAL.add(cls)

    def __init__(self, *positional: Any, **values: Any) -> None:
        cls = type(self)
        if positional:
            values = _by_name(cls, positional, values)
        accepted, required = _arguments(cls)
        if not accepted.issuperset(values):
            unexpected = sorted(values.keys() - accepted)[0]
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {unexpected!r}")
        if not required.issubset(values):
            missing = sorted(required - values.keys())[0]
            raise TypeError(f"{cls.__name__}() missing required keyword argument {missing!r}")
        vars(self).update(values)

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(type(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = (f.name for f in fields(type(self)) if f.name not in self.hidden_from_repr)
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({values})"

    def __setattr__(self, name: str, value: object) -> None:
        from dataclasses import FrozenInstanceError  # only now: a mistake need not be quick

        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        from dataclasses import FrozenInstanceError

        raise FrozenInstanceError(f"cannot delete field {name!r}")


def _by_name(cls: type, positional: tuple[Any, ...], values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with the ``positional`` arguments of ``cls()`` added under their fields' names."""
    names = [f.name for f in fields(cls) if f.init] if cls in _POSITIONAL else []
    if len(positional) > len(names):
        counts = f"{len(names)} positional arguments but {len(positional)} were given"
        raise TypeError(f"{cls.__name__}() takes {counts}")
    for name in names[: len(positional)]:
        if name in values:
            raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
    return dict(zip(names, positional, strict=False)) | values
