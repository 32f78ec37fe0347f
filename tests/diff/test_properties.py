"""Properties of diff over generated schemas: self-diffs are empty, mutations are classified."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from qapi_backends.introspect import introspection
from qapi_ir import snapshot
from qapi_ir.diff.compare import compare
from qapi_ir.diff.from_ir import from_ir
from qapi_ir.diff.inputs import read_input
from qapi_ir.diff.rules import Severity
from qapi_ir.frontend import load_schema
from qapi_ir.ir import Schema
from tests.diff.helpers import summarise, write
from tests.diff.strategies import (
    CONDITION_NAMES,
    CommandSpec,
    EventSpec,
    MemberSpec,
    SchemaSpec,
    TypeSpec,
    render,
    schemas,
)


def _load(spec: SchemaSpec, directory: Path, name: str = "schema.json") -> tuple[Path, Schema]:
    path = write(directory, name, render(spec))
    return path, load_schema(str(path))


@given(schemas())
def test_a_schema_diffed_against_itself_is_empty(spec: SchemaSpec) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _, schema = _load(spec, Path(tmp))
    assert compare(from_ir(schema, docs=True), from_ir(schema, docs=True), docs=True).changes == ()


@given(schemas())
def test_a_snapshot_diffed_against_its_own_schema_is_empty(spec: SchemaSpec) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, schema = _load(spec, Path(tmp))
        snap = write(Path(tmp), "ir.json", snapshot.dumps(schema))
        changes = compare(read_input(str(snap), docs=True), read_input(str(path), docs=True),
                          docs=True).changes
    assert changes == ()


@given(schemas())
def test_a_saved_introspection_diffed_against_its_schema_reports_nothing_breaking(
    spec: SchemaSpec,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, schema = _load(spec, Path(tmp))
        reply = write(Path(tmp), "reply.json",
                      json.dumps(introspection(schema, defines=CONDITION_NAMES)))
        old, new = read_input(str(reply), docs=False), read_input(str(path), docs=False)
    forwards, backwards = compare(old, new).changes, compare(new, old).changes
    assert [c for c in forwards + backwards if c.severity is Severity.BREAKING] == []
    assert forwards == backwards == ()


Expected = tuple[str, str, str, str]
Mutation = Callable[[SchemaSpec, st.DataObject], tuple[SchemaSpec, Expected] | None]
NEW_MEMBER = "zz-new"


def _with_command(spec: SchemaSpec, index: int, command: CommandSpec | None) -> SchemaSpec:
    commands = list(spec.commands)
    if command is None:
        del commands[index]
    else:
        commands[index] = command
    return attrs.evolve(spec, commands=tuple(commands))


def _with_event(spec: SchemaSpec, index: int, event: EventSpec | None) -> SchemaSpec:
    events = list(spec.events)
    if event is None:
        del events[index]
    else:
        events[index] = event
    return attrs.evolve(spec, events=tuple(events))


def remove_command(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected]:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    expected = (f"command {spec.commands[index].name}", "", "command-removed", "breaking")
    return _with_command(spec, index, None), expected


def add_command(spec: SchemaSpec, _: st.DataObject) -> tuple[SchemaSpec, Expected]:
    added = CommandSpec("zz-cmd")
    return (attrs.evolve(spec, commands=(*spec.commands, added)),
            ("command zz-cmd", "", "command-added", "compatible"))


def add_argument(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected]:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    optional = data.draw(st.booleans())
    command = spec.commands[index]
    changed = attrs.evolve(command, args=(*command.args, MemberSpec(NEW_MEMBER, "int", optional)))
    expected = (f"command {command.name}", f"arguments.{NEW_MEMBER}",
                "member-added-optional" if optional else "member-added-mandatory",
                "compatible" if optional else "breaking")
    return _with_command(spec, index, changed), expected


def toggle_argument(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected] | None:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    command = spec.commands[index]
    if not command.args:
        return None
    arg = data.draw(st.integers(0, len(command.args) - 1))
    args = list(command.args)
    args[arg] = attrs.evolve(args[arg], optional=not args[arg].optional)
    kind = "optional" if args[arg].optional else "mandatory"
    expected = (f"command {command.name}", f"arguments.{args[arg].name}", f"member-made-{kind}",
                "compatible" if args[arg].optional else "breaking")
    return _with_command(spec, index, attrs.evolve(command, args=tuple(args))), expected


def remove_argument(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected] | None:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    command = spec.commands[index]
    if not command.args:
        return None
    removed = command.args[-1]
    kind = "optional" if removed.optional else "mandatory"
    expected = (f"command {command.name}", f"arguments.{removed.name}",
                f"member-removed-{kind}", "breaking")
    return _with_command(spec, index, attrs.evolve(command, args=command.args[:-1])), expected


def toggle_allow_oob(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected]:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    command = spec.commands[index]
    changed = attrs.evolve(command, allow_oob=not command.allow_oob)
    expected = (f"command {command.name}", "",
                "allow-oob-added" if changed.allow_oob else "allow-oob-removed",
                "compatible" if changed.allow_oob else "breaking")
    return _with_command(spec, index, changed), expected


def deprecate_command(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected] | None:
    index = data.draw(st.integers(0, len(spec.commands) - 1))
    command = spec.commands[index]
    if "deprecated" in command.features:
        return None
    changed = attrs.evolve(command, features=(*command.features, "deprecated"))
    return _with_command(spec, index, changed), (
        f"command {command.name}", "", "deprecated-added", "notice")


def remove_event(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected] | None:
    if not spec.events:
        return None
    index = data.draw(st.integers(0, len(spec.events) - 1))
    return _with_event(spec, index, None), (
        f"event {spec.events[index].name}", "", "event-removed", "notice")


def change_event_data(spec: SchemaSpec, data: st.DataObject) -> tuple[SchemaSpec, Expected] | None:
    if not spec.events:
        return None
    index = data.draw(st.integers(0, len(spec.events) - 1))
    event = spec.events[index]
    if event.data and data.draw(st.booleans()):
        removed = event.data[-1]
        kind = "optional" if removed.optional else "mandatory"
        expected = (f"event {event.name}", f"data.{removed.name}", f"member-removed-{kind}",
                    "notice" if removed.optional else "breaking")
        return _with_event(spec, index, attrs.evolve(event, data=event.data[:-1])), expected
    changed = attrs.evolve(event, data=(*event.data, MemberSpec(NEW_MEMBER, "str")))
    return _with_event(spec, index, changed), (
        f"event {event.name}", f"data.{NEW_MEMBER}", "member-added-mandatory", "compatible")


MUTATIONS: list[Mutation] = [
    remove_command, add_command, add_argument, toggle_argument, remove_argument,
    toggle_allow_oob, deprecate_command, remove_event, change_event_data,
]


@given(schemas(), st.sampled_from(MUTATIONS), st.data())
def test_each_single_step_mutation_is_reported_alone_with_its_class(
    spec: SchemaSpec, mutation: Mutation, data: st.DataObject
) -> None:
    mutated = mutation(spec, data)
    assume(mutated is not None)
    assert mutated is not None
    new_spec, expected = mutated
    with tempfile.TemporaryDirectory() as tmp:
        _, old = _load(spec, Path(tmp), "old.json")
        _, new = _load(new_spec, Path(tmp), "new.json")
    changes = compare(from_ir(old, docs=False), from_ir(new, docs=False)).changes
    assert summarise(list(changes)) == [expected]


def _renamed(spec: SchemaSpec, names: dict[str, str]) -> SchemaSpec:
    """``spec`` with its types renamed by ``names`` everywhere they are used."""

    def rename(type_name: str | None) -> str | None:
        if type_name is None:
            return None
        if type_name.startswith("["):
            return f"[{names.get(type_name[1:-1], type_name[1:-1])}]"
        return names.get(type_name, type_name)

    def members(specs: tuple[MemberSpec, ...]) -> tuple[MemberSpec, ...]:
        return tuple(attrs.evolve(m, type=rename(m.type)) for m in specs)

    return SchemaSpec(
        tuple(attrs.evolve(t, name=names[t.name], members=members(t.members)) for t in spec.types),
        tuple(attrs.evolve(c, args=members(c.args), returns=rename(c.returns))
              for c in spec.commands),
        tuple(attrs.evolve(e, data=members(e.data)) for e in spec.events))


@st.composite
def wire_preserving_refactors(draw: st.DrawFn) -> tuple[SchemaSpec, SchemaSpec]:
    """A schema, and the same schema with types renamed and struct members moved to bases."""
    spec = draw(schemas())
    names = {t.name: f"{t.name}Renamed" if draw(st.booleans()) else t.name for t in spec.types}
    refactored = _renamed(spec, names)
    types: list[TypeSpec] = []
    for t in refactored.types:
        into_base = draw(st.integers(0, len(t.members)))  # all: moved; some: split
        if t.values or into_base == 0:
            types.append(t)
            continue
        base = TypeSpec(f"{t.name}Base", members=t.members[:into_base])
        types += [base, attrs.evolve(t, members=t.members[into_base:], base=base.name)]
    return spec, attrs.evolve(refactored, types=tuple(types))


@given(wire_preserving_refactors())
def test_a_refactoring_that_keeps_the_wire_diffs_to_no_finding(
    specs: tuple[SchemaSpec, SchemaSpec],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _, old = _load(specs[0], Path(tmp), "old.json")
        _, new = _load(specs[1], Path(tmp), "new.json")
    forwards = compare(from_ir(old, docs=False), from_ir(new, docs=False))
    backwards = compare(from_ir(new, docs=False), from_ir(old, docs=False))
    assert forwards.changes == backwards.changes == ()
