"""The comparable model of an IR schema (read from a schema file or an IR snapshot)."""

from __future__ import annotations

from qapi_ir import ir
from qapi_ir.diff import wire_model
from qapi_ir.flags import flags_of


def _shape(schema: ir.Schema, typ: ir.Type) -> wire_model.Shape:
    match typ:
        case ir.BuiltinType():
            return wire_model.Scalar(typ.json_type, typ.name)
        case ir.EnumType():
            return wire_model.Enum(typ.values)
        case ir.ArrayType():
            return wire_model.Array(typ.element_type)
        case ir.AlternateType():
            return wire_model.Alternate(tuple(
                wire_model.Branch(ir.json_type(schema.type(b.type)), b.type, b.condition)
                for b in typ.branches))
        case ir.ObjectType():
            members = schema.all_members(typ)
            if typ.variants is None:
                return wire_model.Object(members)
            return wire_model.Object(members, typ.variants.tag, tuple(
                wire_model.Branch(b.name, b.type, b.condition)
                for b in typ.variants.branches))


def _type_info(schema: ir.Schema, typ: ir.Type) -> wire_model.TypeInfo:
    shape = _shape(schema, typ)
    visible_name = None if typ.name.startswith("q_") else typ.name
    if isinstance(typ, ir.BuiltinType):
        return wire_model.TypeInfo(shape, visible_name)
    features = () if isinstance(typ, ir.ArrayType) else typ.features
    return wire_model.TypeInfo(shape, visible_name, typ.condition, features, typ.location)


def _doc_text(doc: ir.Doc) -> wire_model.DocText:
    parts = {"body": doc.body.text}
    for section in doc.args:
        parts[f"member {section.name}"] = section.text
    for section in doc.features:
        parts[f"feature {section.name}"] = section.text
    for section in doc.sections:
        key = "text" if section.kind == "Plain" else section.kind
        parts[key] = f"{parts[key]}\n\n{section.text}" if key in parts else section.text
    return wire_model.DocText({key: text for key, text in parts.items() if text})


def _command(cmd: ir.Command) -> wire_model.Command:
    return wire_model.Command(
        cmd.name, cmd.arg_type or ir.EMPTY_OBJECT, cmd.ret_type or ir.EMPTY_OBJECT,
        {flag.name: cmd.flag(flag.name) for flag in flags_of("command") if flag.diff},
        cmd.condition, cmd.features, cmd.location)


def from_ir(schema: ir.Schema, *, docs: bool) -> wire_model.WireSchema:
    """What a client sees of ``schema``; doc comments are kept only when ``docs``."""
    types: dict[str, wire_model.TypeInfo] = {
        ir.EMPTY_OBJECT: wire_model.TypeInfo(wire_model.Object())}
    commands: dict[str, wire_model.Command] = {}
    events: dict[str, wire_model.Event] = {}
    for definition in schema.definitions():
        if isinstance(definition, ir.Command):
            commands[definition.name] = _command(definition)
        elif isinstance(definition, ir.Event):
            events[definition.name] = wire_model.Event(
                definition.name, definition.arg_type or ir.EMPTY_OBJECT,
                definition.condition, definition.features, definition.location)
        else:
            types[definition.name] = _type_info(schema, definition)
    knows = {wire_model.KNOWS_CONDITIONS, wire_model.KNOWS_SCALAR_NAMES}
    doc_texts: dict[str, wire_model.DocText] = {}
    if docs:
        knows.add(wire_model.KNOWS_DOCS)
        doc_texts = {d.symbol: _doc_text(d) for d in schema.docs if d.symbol is not None}
    return wire_model.WireSchema(commands, events, types, frozenset(knows), doc_texts)
