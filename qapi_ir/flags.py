"""The flags of commands and events: one table that every part of qapi-build reads.

A row says how the schema spells a flag, its default (the schema may give
only the other value), which flags it excludes, whether events take it too,
the ``QCO_*`` option C registration sets when it has its other value and that
option's bit, whether introspection shows it (as ``"NAME": true``), how QEMU's
test dump spells it, and how the diff classifies a change of it.  The front
end checks and lowers flags by this table, the IR carries the names of the
flags that are true (``Command.flag(name)``), and the backends and the diff
read their columns.  A new flag is a new row here, then ``python -m
qapi_ir.regenerate --update`` (a new snapshot format version, the C test
stand-in's ``QCO_*`` values), plus the backend that gives it a meaning of its
own.

The table is read at each use (never copied at import), so a test may add a row.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs


class Severity(enum.IntEnum):
    """How a change affects existing clients, from harmless to harmful."""

    COMPATIBLE = 0
    NOTICE = 1
    BREAKING = 2

    def __str__(self) -> str:
        return self.name.lower()


@attrs.frozen
class FlagRule:
    """A diff rule for a change of a flag: its id, its class and why."""

    id: str
    severity: Severity
    reason: str


@attrs.frozen
class FlagDiff:
    """The diff rules of a flag: one for a change to its other value, one for the way back."""

    to_other: FlagRule
    to_default: FlagRule

    @classmethod
    def either_way(cls, rule: FlagRule) -> FlagDiff:
        """The same rule for a change in both directions."""
        return cls(rule, rule)


@attrs.frozen
class Flag:
    """A boolean flag of a command (and of an event when ``events``)."""

    name: str
    default: bool
    incompatible: tuple[str, ...] = ()
    events: bool = False
    #: The C registration option set when the flag has its other value.
    c_option: str | None = None
    #: The bit of ``c_option`` in QEMU's ``QmpCommandOptions`` (``1U << c_bit``).
    c_bit: int | None = attrs.field(default=None)
    #: Whether ``query-qmp-schema`` shows the flag when it is true.
    introspected: bool = False
    #: How the diff classifies a change (``None``: not compared, clients cannot see it).
    diff: FlagDiff | None = None
    #: How QEMU's test dump (``test-qapi.py``) spells the flag; by default its name
    #: with ``_`` for ``-``.
    dump_name: str | None = None
    #: Whether that dump shows the flag at its default value too (else only when set).
    dump_always: bool = False

    @c_bit.validator
    def _c_bit_with_c_option(self, _: object, bit: int | None) -> None:
        if (bit is None) != (self.c_option is None):
            raise ValueError(f"flag '{self.name}': c_option and c_bit go together")

    @property
    def dump_spelling(self) -> str:
        """The flag's name in QEMU's test dump."""
        return self.dump_name or self.name.replace("-", "_")

    def takes(self, owner: str) -> bool:
        """Whether definitions of kind ``owner`` (``command``, ``event``) take this flag."""
        return owner == "command" or (owner == "event" and self.events)


_B, _C, _N = Severity.BREAKING, Severity.COMPATIBLE, Severity.NOTICE

#: Every flag, in the order checks, dumps and registrations list them.
FLAGS: tuple[Flag, ...] = (
    Flag("gen", default=True, dump_always=True),
    Flag("success-response", default=True, c_option="QCO_NO_SUCCESS_RESP", c_bit=0,
         dump_always=True,
         diff=FlagDiff.either_way(FlagRule(
             "success-response-changed", _B,
             "clients wait for a reply that doesn't come, or get one they don't expect"))),
    Flag("boxed", default=False, events=True, dump_always=True),
    Flag("allow-oob", default=False, incompatible=("coroutine",), c_option="QCO_ALLOW_OOB",
         c_bit=1, introspected=True, dump_name="oob", dump_always=True,
         diff=FlagDiff(
             FlagRule("allow-oob-added", _C, "the command can now also run out of band"),
             FlagRule("allow-oob-removed", _B, "clients running the command out of band fail"))),
    Flag("allow-preconfig", default=False, c_option="QCO_ALLOW_PRECONFIG", c_bit=2,
         dump_name="preconfig", dump_always=True,
         diff=FlagDiff(
             FlagRule("allow-preconfig-added", _C,
                      "the command can now also run before configuration"),
             FlagRule("allow-preconfig-removed", _B,
                      "clients running the command in preconfig fail"))),
    Flag("coroutine", default=False, c_option="QCO_COROUTINE", c_bit=3,
         diff=FlagDiff.either_way(FlagRule(
             "coroutine-changed", _N, "how QEMU runs the command; no change on the wire"))),
)


def flags_of(owner: str) -> tuple[Flag, ...]:
    """The flags that definitions of kind ``owner`` take, in table order (none for a type)."""
    return tuple(flag for flag in FLAGS if flag.takes(owner))


def c_options() -> tuple[tuple[str, int], ...]:
    """Each ``QCO_*`` registration option with its bit, in table order."""
    return tuple((flag.c_option, flag.c_bit) for flag in FLAGS
                 if flag.c_option is not None and flag.c_bit is not None)


def flag_named(name: str) -> Flag:
    """The flag called ``name``; raises ``KeyError`` when there is none."""
    for flag in FLAGS:
        if flag.name == name:
            return flag
    raise KeyError(name)


def default_true(owner: str) -> tuple[str, ...]:
    """The names of the flags of ``owner`` that are true by default."""
    return tuple(flag.name for flag in flags_of(owner) if flag.default)


def true_flags(owner: str, values: Mapping[str, bool]) -> tuple[str, ...]:
    """The names of the flags of ``owner`` that are true in ``values`` (else by default)."""
    return tuple(flag.name for flag in flags_of(owner) if values.get(flag.name, flag.default))
