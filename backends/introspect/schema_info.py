"""The SchemaInfo list ``query-qmp-schema`` answers, computed from the IR as QEMU 10.2 does.

The result mirrors ``scripts/qapi/introspect.py``: commands and events first
(modules in order, definitions in order), then every type they use, in order of
first use, each type once.  Integer types all appear as ``int`` (arrays of
them as ``intList``); type names are masked as ``"0"``, ``"1"``, ... in order of
first use unless ``unmask`` is set; numbering happens before any condition is
evaluated.  Each entry, feature, member, value and variant is an
:class:`Annotated` that carries its IR condition, so a caller can evaluate the
tree for a set of defines (:func:`resolve`) or render it as ``#if`` blocks.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TypeAlias

import attrs

from qapi_ir.flags import flags_of
from qapi_ir.ir import (
    EMPTY_OBJECT,
    AlternateType,
    ArrayType,
    BuiltinType,
    Command,
    Condition,
    EnumType,
    Event,
    Feature,
    IfAll,
    IfAny,
    IfName,
    ObjectType,
    Schema,
    Type,
)

#: A node of the SchemaInfo tree; list elements may be :class:`Annotated`.
Tree: TypeAlias = "str | bool | list[Tree | Annotated] | dict[str, Tree] | None"
#: Plain JSON, as a resolved tree is.
Json: TypeAlias = "str | bool | int | list[Json] | dict[str, Json] | None"


@attrs.frozen
class Annotated:
    """A list element with the condition it exists under and an optional C comment."""

    value: Tree
    condition: Condition | None = None
    comment: str | None = None


def evaluate(condition: Condition | None, defines: Collection[str]) -> bool:
    """Whether ``condition`` holds when exactly the symbols ``defines`` are defined."""
    if condition is None:
        return True
    if isinstance(condition, IfName):
        return condition.name in defines
    if isinstance(condition, IfAll):
        return all(evaluate(c, defines) for c in condition.operands)
    if isinstance(condition, IfAny):
        return any(evaluate(c, defines) for c in condition.operands)
    return not evaluate(condition.operand, defines)


def resolve(tree: Tree | Annotated, defines: Collection[str]) -> Json:
    """``tree`` as plain JSON, without the elements whose condition is false."""
    if isinstance(tree, Annotated):
        return resolve(tree.value, defines)
    if isinstance(tree, list):
        return [
            resolve(item, defines)
            for item in tree
            if not isinstance(item, Annotated) or evaluate(item.condition, defines)
        ]
    if isinstance(tree, dict):
        return {key: resolve(value, defines) for key, value in tree.items()}
    return tree


class _Builder:
    """The state of one run: used types (a work queue) and the masked names."""

    def __init__(self, schema: Schema, unmask: bool) -> None:
        self._schema = schema
        self._unmask = unmask
        self._used: list[Type] = []
        self._used_names: set[str] = set()
        self._names: dict[str, str] = {}
        self.entries: list[Annotated] = []

    def build(self) -> list[Annotated]:
        for module in self._schema.modules:
            for entity in self._schema.module_entities(module.name):
                if isinstance(entity, Command):
                    self._command(entity)
                elif isinstance(entity, Event):
                    self._event(entity)
        done = 0
        while done < len(self._used):
            self._type(self._used[done])
            done += 1
        return self.entries

    def _name(self, name: str) -> str:
        if self._unmask:
            return name
        return self._names.setdefault(name, str(len(self._names)))

    def _is_int(self, typ: Type) -> bool:
        return isinstance(typ, BuiltinType) and typ.json_type == "int"

    def _use_type(self, name: str) -> str:
        typ = self._schema.type(name)
        if self._is_int(typ):
            typ = self._schema.type("int")
        elif isinstance(typ, ArrayType) and self._is_int(self._schema.type(typ.element_type)):
            typ = self._schema.type("intList")
        if typ.name not in self._used_names:
            self._used_names.add(typ.name)
            self._used.append(typ)
        if isinstance(typ, BuiltinType):
            return typ.name
        if isinstance(typ, ArrayType):
            return "[" + self._use_type(typ.element_type) + "]"
        return self._name(typ.name)

    def _add(
        self,
        name: str,
        meta_type: str,
        info: dict[str, Tree],
        condition: Condition | None = None,
        features: Sequence[Feature] = (),
    ) -> None:
        comment = None
        if meta_type not in ("command", "event", "builtin", "array"):
            if not self._unmask:
                comment = f'"{self._name(name)}" = {name}'
            name = self._name(name)
        info["name"] = name
        info["meta-type"] = meta_type
        if features:
            info["features"] = _features(features)
        self.entries.append(Annotated(info, condition, comment))

    def _command(self, command: Command) -> None:
        info: dict[str, Tree] = {
            "arg-type": self._use_type(command.arg_type or EMPTY_OBJECT),
            "ret-type": self._use_type(command.ret_type or EMPTY_OBJECT),
        }
        for flag in flags_of("command"):
            if flag.introspected and command.flag(flag.name):
                info[flag.name] = True
        self._add(command.name, "command", info, command.condition, command.features)

    def _event(self, event: Event) -> None:
        info: dict[str, Tree] = {"arg-type": self._use_type(event.arg_type or EMPTY_OBJECT)}
        self._add(event.name, "event", info, event.condition, event.features)

    def _type(self, typ: Type) -> None:
        match typ:
            case BuiltinType():
                self._add(typ.name, "builtin", {"json-type": typ.json_type})
            case EnumType():
                self._enum(typ)
            case ArrayType():
                element = self._use_type(typ.element_type)
                self._add(f"[{element}]", "array", {"element-type": element}, typ.condition)
            case ObjectType():
                self._object(typ)
            case AlternateType():
                self._alternate(typ)

    def _enum(self, enum: EnumType) -> None:
        members: list[Tree | Annotated] = []
        for value in enum.values:
            member: dict[str, Tree] = {"name": value.name}
            if value.features:
                member["features"] = _features(value.features)
            members.append(Annotated(member, value.condition))
        values: list[Tree | Annotated] = [Annotated(v.name, v.condition) for v in enum.values]
        info: dict[str, Tree] = {"members": members, "values": values}
        self._add(enum.name, "enum", info, enum.condition, enum.features)

    def _object(self, obj: ObjectType) -> None:
        members: list[Tree | Annotated] = []
        for member in self._schema.all_members(obj):
            entry: dict[str, Tree] = {"name": member.name, "type": self._use_type(member.type)}
            if member.optional:
                entry["default"] = None
            if member.features:
                entry["features"] = _features(member.features)
            members.append(Annotated(entry, member.condition))
        info: dict[str, Tree] = {"members": members}
        if obj.variants is not None:
            info["tag"] = obj.variants.tag
            info["variants"] = [
                Annotated({"case": b.name, "type": self._use_type(b.type)}, b.condition)
                for b in obj.variants.branches
            ]
        self._add(obj.name, "object", info, obj.condition, obj.features)

    def _alternate(self, alternate: AlternateType) -> None:
        members: list[Tree | Annotated] = [
            Annotated({"type": self._use_type(b.type)}, b.condition) for b in alternate.branches
        ]
        self._add(
            alternate.name, "alternate", {"members": members},
            alternate.condition, alternate.features,
        )


def _features(features: Sequence[Feature]) -> list[Tree | Annotated]:
    return [Annotated(f.name, f.condition) for f in features]


def schema_info(schema: Schema, unmask: bool = False) -> list[Annotated]:
    """The SchemaInfo entries of ``schema``, in QEMU's order, conditions attached."""
    return _Builder(schema, unmask).build()
