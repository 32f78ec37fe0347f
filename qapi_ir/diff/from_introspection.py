"""The comparable model of a saved ``query-qmp-schema`` reply (a list of SchemaInfo).

Such a reply knows neither conditions, nor flags other than the introspected ones, nor
the QAPI names of built-in types (all integer types are ``int``), nor docs; and
type names are usually masked as numbers.  Those things are left unknown.
"""

from __future__ import annotations

from typing import Any

from qapi_ir.diff import wire_model
from qapi_ir.flags import flags_of
from qapi_ir.input_file import shown
from qapi_ir.snapshot import is_json_string


class IntrospectionError(Exception):
    """A SchemaInfo list that is not well formed; the message names the place in it."""


class _Reader:
    """Reads one SchemaInfo object, reporting problems at ``where``."""

    def __init__(self, info: Any, where: str) -> None:
        if not isinstance(info, dict):
            raise IntrospectionError(f"{where}: expected an object")
        self.info: dict[str, Any] = info
        self.where = where

    def string(self, key: str, info: dict[str, Any] | None = None) -> str:
        """The string ``key`` of ``info`` (default: the object being read)."""
        value = (self.info if info is None else info).get(key)
        if not is_json_string(value):
            raise IntrospectionError(f"{self.where}: '{key}' must be a string")
        return value

    def _list(self, key: str, required: bool, kind: type, what: str) -> list[Any]:
        value = self.info.get(key, None if required else [])
        if not isinstance(value, list) or not all(type(v) is kind for v in value):
            raise IntrospectionError(f"{self.where}: '{key}' must be a list of {what}")
        return value

    def objects(self, key: str, required: bool = True) -> list[dict[str, Any]]:
        """The list of objects ``key`` (an empty list when absent and not ``required``)."""
        return self._list(key, required, dict, "objects")

    def strings(self, key: str) -> list[str]:
        """The list of strings ``key``."""
        return self._list(key, True, str, "strings")

    def features(self, info: dict[str, Any] | None = None) -> tuple[wire_model.Feature, ...]:
        """The features of ``info`` (default: the object being read)."""
        names = (self.info if info is None else info).get("features", [])
        if not isinstance(names, list) or not all(is_json_string(n) for n in names):
            raise IntrospectionError(f"{self.where}: 'features' must be a list of strings")
        return tuple(wire_model.Feature(name) for name in names)

    def shape(self, meta: str) -> wire_model.Shape:
        """The shape of a type of meta-type ``meta``."""
        if meta == "builtin":
            return wire_model.Scalar(self.string("json-type"))
        if meta == "enum":
            if "members" in self.info:
                return wire_model.Enum(tuple(
                    wire_model.EnumValue(self.string("name", m), features=self.features(m))
                    for m in self.objects("members")))
            return wire_model.Enum(tuple(wire_model.EnumValue(v) for v in self.strings("values")))
        if meta == "array":
            return wire_model.Array(self.string("element-type"))
        if meta == "alternate":
            # keyed by type name for now; _key_alternates turns that into the JSON type
            return wire_model.Alternate(tuple(
                wire_model.Branch(self.string("type", m), self.string("type", m))
                for m in self.objects("members")))
        if meta == "object":
            members = tuple(
                wire_model.Member(self.string("name", m), self.string("type", m), "default" in m,
                             features=self.features(m))
                for m in self.objects("members"))
            branches = tuple(
                wire_model.Branch(self.string("case", v), self.string("type", v))
                for v in self.objects("variants", required=False))
            tag = self.string("tag") if "tag" in self.info else None
            return wire_model.Object(members, tag, branches)
        raise IntrospectionError(f"{self.where}: unknown meta-type '{shown(str(meta))}'")


def _visible_name(name: str, meta: str) -> str | None:
    """The type's name if the reply shows it (unmasked and not implicit)."""
    if meta in ("builtin", "array") or name.isdigit() or name.startswith("q_"):
        return None
    return name


def _references(shape: wire_model.Shape) -> list[str]:
    if isinstance(shape, wire_model.Array):
        return [shape.element]
    if isinstance(shape, wire_model.Object):
        return [m.type for m in shape.members] + [b.type for b in shape.branches]
    if isinstance(shape, wire_model.Alternate):
        return [b.type for b in shape.branches]
    return []


def _check_references(schema: wire_model.WireSchema, source: str) -> None:
    refs = [(f"command '{c.name}'", t) for c in schema.commands.values()
            for t in (c.arguments, c.returns)]
    refs += [(f"event '{e.name}'", e.data) for e in schema.events.values()]
    refs += [(f"type '{name}'", t) for name, info in schema.types.items()
             for t in _references(info.shape)]
    for what, type_name in refs:
        if type_name not in schema.types:
            raise IntrospectionError(
                f"{source}: {shown(what)} refers to unknown type '{shown(type_name)}'")


def _check_arrays(schema: wire_model.WireSchema, source: str) -> None:
    """Refuse an array that is (through other arrays) its own element: it has no values."""
    for name, info in schema.types.items():
        element = info.shape
        seen = {name}
        while isinstance(element, wire_model.Array):
            if element.element in seen:
                raise IntrospectionError(f"{source}: array type '{shown(name)}' contains itself")
            seen.add(element.element)
            element = schema.types[element.element].shape


def _key_alternates(schema: wire_model.WireSchema) -> dict[str, wire_model.TypeInfo]:
    """The types, with alternate branches keyed by the JSON type of their type."""
    types = dict(schema.types)
    for name, info in schema.types.items():
        if isinstance(info.shape, wire_model.Alternate):
            branches = tuple(wire_model.Branch(wire_model.json_type(schema, b.type), b.type)
                             for b in info.shape.branches)
            types[name] = wire_model.TypeInfo(wire_model.Alternate(branches), info.name,
                                         features=info.features)
    return types


def from_introspection(infos: list[Any], source: str) -> wire_model.WireSchema:
    """The comparable model of the SchemaInfo list ``infos`` read from ``source``."""
    types: dict[str, wire_model.TypeInfo] = {}
    commands: dict[str, wire_model.Command] = {}
    events: dict[str, wire_model.Event] = {}
    for index, info in enumerate(infos):
        reader = _Reader(info, f"{source}: $[{index}]")
        name, meta = reader.string("name"), reader.string("meta-type")
        if meta == "command":
            commands[name] = wire_model.Command(
                name, reader.string("arg-type"), reader.string("ret-type"),
                {flag.name: info.get(flag.name) is True
                 for flag in flags_of("command") if flag.introspected and flag.diff},
                features=reader.features())
        elif meta == "event":
            events[name] = wire_model.Event(name, reader.string("arg-type"),
                                       features=reader.features())
        else:
            types[name] = wire_model.TypeInfo(reader.shape(meta), _visible_name(name, meta),
                                         features=reader.features())
    schema = wire_model.WireSchema(commands, events, types, frozenset())
    _check_references(schema, source)
    _check_arrays(schema, source)
    return wire_model.WireSchema(commands, events, _key_alternates(schema), frozenset())
