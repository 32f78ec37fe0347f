"""Hypothesis strategies: small valid schemas, as a spec that renders to schema text.

Types are drawn from the leaves up: enums first, then structs whose members
use built-in types, enums and earlier structs (or arrays of them), then
commands and events using all of those.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

BUILTINS = ("int", "str", "bool", "number", "int8", "uint64", "size")
CONDITION_NAMES = ("CONFIG_A", "CONFIG_B", "CONFIG_C")


@attrs.frozen
class MemberSpec:
    name: str
    type: str
    optional: bool = False
    condition: str | None = None


@attrs.frozen
class TypeSpec:
    """An enum (``values`` set) or a struct (``members`` set, maybe a ``base``)."""

    name: str
    values: tuple[str, ...] = ()
    members: tuple[MemberSpec, ...] = ()
    base: str | None = None


@attrs.frozen
class CommandSpec:
    name: str
    args: tuple[MemberSpec, ...] = ()
    returns: str | None = None
    allow_oob: bool = False
    features: tuple[str, ...] = ()
    condition: str | None = None


@attrs.frozen
class EventSpec:
    name: str
    data: tuple[MemberSpec, ...] = ()
    features: tuple[str, ...] = ()


@attrs.frozen
class SchemaSpec:
    types: tuple[TypeSpec, ...]
    commands: tuple[CommandSpec, ...]
    events: tuple[EventSpec, ...]


def _condition_text(condition: str | None) -> str:
    if condition is None:
        return ""
    if condition.startswith("all:"):
        names = ", ".join(f"'{n}'" for n in condition[4:].split(","))
        return f", 'if': {{ 'all': [{names}] }}"
    return f", 'if': '{condition}'"


def _type_text(type_name: str) -> str:
    return f"['{type_name[1:-1]}']" if type_name.startswith("[") else f"'{type_name}'"


def _members_text(members: tuple[MemberSpec, ...]) -> str:
    parts = []
    for m in members:
        key = f"'{'*' if m.optional else ''}{m.name}'"
        if m.condition:
            parts.append(f"{key}: {{ 'type': {_type_text(m.type)}{_condition_text(m.condition)} }}")
        else:
            parts.append(f"{key}: {_type_text(m.type)}")
    return "{ " + ", ".join(parts) + " }"


def _features_text(features: tuple[str, ...]) -> str:
    return f", 'features': [{', '.join(repr(f) for f in features)}]" if features else ""


def render(spec: SchemaSpec) -> str:
    """The schema text of ``spec``."""
    lines = []
    for t in spec.types:
        if t.values:
            values = ", ".join(repr(v) for v in t.values)
            lines.append(f"{{ 'enum': '{t.name}', 'data': [{values}] }}")
        else:
            base = f"'base': '{t.base}', " if t.base else ""
            lines.append(f"{{ 'struct': '{t.name}', {base}'data': {_members_text(t.members)} }}")
    for c in spec.commands:
        data = f", 'data': {_members_text(c.args)}" if c.args else ""
        returns = f", 'returns': '{c.returns}'" if c.returns else ""
        oob = ", 'allow-oob': true" if c.allow_oob else ""
        lines.append(f"{{ 'command': '{c.name}'{data}{returns}{oob}"
                     f"{_features_text(c.features)}{_condition_text(c.condition)} }}")
    for e in spec.events:
        data = f", 'data': {_members_text(e.data)}" if e.data else ""
        lines.append(f"{{ 'event': '{e.name}'{data}{_features_text(e.features)} }}")
    return "\n".join(lines) + "\n"


conditions = st.none() | st.sampled_from(CONDITION_NAMES) | st.just("all:CONFIG_A,CONFIG_B")


@st.composite
def _members(draw: st.DrawFn, known: list[str], conditional: bool) -> tuple[MemberSpec, ...]:
    count = draw(st.integers(0, 3))
    element = st.sampled_from(known)
    types = element | element.map(lambda name: f"[{name}]")
    return tuple(
        MemberSpec(f"m{i}", draw(types), draw(st.booleans()),
                   draw(conditions) if conditional else None)
        for i in range(count))


@st.composite
def schemas(draw: st.DrawFn) -> SchemaSpec:
    """A valid schema with a few enums, structs, commands and events."""
    known = list(BUILTINS)
    types = []
    for i in range(draw(st.integers(0, 2))):
        values = tuple(f"v{j}" for j in range(draw(st.integers(1, 3))))
        types.append(TypeSpec(f"Enum{i}", values=values))
        known.append(f"Enum{i}")
    structs = []
    for i in range(draw(st.integers(0, 3))):
        structs.append(TypeSpec(f"Struct{i}", members=draw(_members(known, True))))
        known.append(f"Struct{i}")
    feature_sets = st.sampled_from([(), ("deprecated",), ("unstable", "fancy")])
    commands = tuple(
        CommandSpec(f"cmd-{i}", draw(_members(known, False)),
                    draw(st.none() | st.sampled_from([s.name for s in structs] or [None])),
                    draw(st.booleans()), draw(feature_sets), draw(conditions))
        for i in range(draw(st.integers(1, 3))))
    events = tuple(
        EventSpec(f"EVENT_{i}", draw(_members(known, False)), draw(feature_sets))
        for i in range(draw(st.integers(0, 2))))
    return SchemaSpec(tuple(types + structs), commands, events)
