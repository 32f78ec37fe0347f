"""The invariants every IR must satisfy, whether built by the front end or loaded.

A backend may rely on them: every type reference resolves, names are unique,
unions are well formed, docs document existing definitions.
"""

from __future__ import annotations

from collections.abc import Iterator

from qapi_ir import ir
from qapi_ir.flags import flag_named, flags_of


class InvariantError(Exception):
    """An IR that breaks an invariant; the message lists the problems."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "IR invariant violated: " + "; ".join(problems[:5])
            + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        )
        self.problems = problems


def _referenced_types(entity: ir.Entity) -> Iterator[tuple[str, str]]:
    """(what, type name) for every type reference ``entity`` makes."""
    match entity:
        case ir.ObjectType():
            if entity.base is not None:
                yield "base", entity.base
            for member in entity.members:
                yield f"member '{member.name}'", member.type
            if entity.variants is not None:
                for branch in entity.variants.branches:
                    yield f"branch '{branch.name}'", branch.type
        case ir.AlternateType():
            for branch in entity.branches:
                yield f"branch '{branch.name}'", branch.type
        case ir.ArrayType():
            yield "element type", entity.element_type
        case ir.Command():
            if entity.arg_type is not None:
                yield "argument type", entity.arg_type
            if entity.ret_type is not None:
                yield "return type", entity.ret_type
        case ir.Event(arg_type=str(arg_type)):
            yield "data type", arg_type


def _check_union(schema: ir.Schema, obj: ir.ObjectType) -> Iterator[str]:
    assert obj.variants is not None
    tag = next((m for m in schema.all_members(obj) if m.name == obj.variants.tag), None)
    if tag is None:
        yield f"union '{obj.name}': tag '{obj.variants.tag}' is not a member"
        return
    if tag.optional:
        yield f"union '{obj.name}': tag '{tag.name}' is optional"
    enum = schema.lookup(tag.type)
    if not isinstance(enum, ir.EnumType):
        yield f"union '{obj.name}': tag '{tag.name}' is not of an enum type"
        return
    values = {value.name for value in enum.values}
    for branch in obj.variants.branches:
        if branch.name not in values:
            yield f"union '{obj.name}': branch '{branch.name}' is not a value of '{enum.name}'"


def _check_bases(schema: ir.Schema, obj: ir.ObjectType) -> Iterator[str]:
    seen = {obj.name}
    current = obj
    while current.base is not None:
        base = schema.lookup(current.base)
        if not isinstance(base, ir.ObjectType):
            yield f"object '{current.name}': base '{current.base}' is not an object type"
            return
        if base.name in seen:
            yield f"object '{obj.name}': base chain is cyclic"
            return
        seen.add(base.name)
        current = base


def _check_flags(definition: ir.Command | ir.Event) -> Iterator[str]:
    owner = "command" if isinstance(definition, ir.Command) else "event"
    table = flags_of(owner)
    if definition.flags != tuple(f.name for f in table if f.name in definition.flags):
        yield (f"{owner} '{definition.name}': flags must be distinct flags of a {owner},"
               " in the order of the flag table")
        return
    for flag in table:
        for other in flag.incompatible:
            if (definition.flag(flag.name) != flag.default
                    and definition.flag(other) != flag_named(other).default):
                yield f"{owner} '{definition.name}': flags '{flag.name}' and '{other}' conflict"


def _problems(schema: ir.Schema) -> Iterator[str]:
    module_names = [m.name for m in schema.modules]
    if len(set(module_names)) != len(module_names):
        yield "module names are not unique"
    known_modules = set(module_names)
    names: set[str] = set()
    for entity in schema.entities:
        if entity.module not in known_modules:
            yield f"entity in unknown module '{entity.module}'"
        if isinstance(entity, ir.Include):
            if entity.target not in known_modules:
                yield f"include of unknown module '{entity.target}'"
            continue
        if entity.name in names:
            yield f"'{entity.name}' is defined more than once"
        names.add(entity.name)
    for entity in schema.entities:
        for what, type_name in _referenced_types(entity):
            if schema.lookup_type(type_name) is None:
                name = getattr(entity, "name", "")
                yield f"'{name}': {what} refers to unknown type '{type_name}'"
        if isinstance(entity, ir.ObjectType):
            base_problems = list(_check_bases(schema, entity))
            yield from base_problems
            if entity.variants is not None and not base_problems:
                yield from _check_union(schema, entity)
        elif isinstance(entity, ir.Command | ir.Event):
            yield from _check_flags(entity)
        elif isinstance(entity, ir.EnumType):
            values = [v.name for v in entity.values]
            if len(set(values)) != len(values):
                yield f"enum '{entity.name}': values are not unique"
    for doc in schema.docs:
        if doc.symbol is not None and doc.symbol not in names:
            yield f"doc comment for unknown definition '{doc.symbol}'"


def check_invariants(schema: ir.Schema) -> None:
    """Raise :class:`InvariantError` listing every invariant ``schema`` breaks."""
    problems = list(_problems(schema))
    if problems:
        raise InvariantError(problems)
