"""The comparable model of an IR schema (read from a schema file or an IR snapshot)."""

from __future__ import annotations

from qapi_ir import ir
from qapi_ir.diff import model
from qapi_ir.flags import flags_of


def _features(features: tuple[ir.Feature, ...]) -> tuple[model.Feature, ...]:
    return tuple(model.Feature(f.name, f.condition) for f in features)


def _shape(schema: ir.Schema, typ: ir.Type) -> model.Shape:
    match typ:
        case ir.BuiltinType():
            return model.Scalar(typ.json_type, typ.name)
        case ir.EnumType():
            return model.Enum(tuple(
                model.EnumValue(v.name, v.condition, _features(v.features))
                for v in typ.values))
        case ir.ArrayType():
            return model.Array(typ.element_type)
        case ir.AlternateType():
            return model.Alternate(tuple(
                model.Branch(ir.json_type(schema.type(b.type)), b.type, b.condition)
                for b in typ.branches))
        case ir.ObjectType():
            members = tuple(
                model.Member(m.name, m.type, m.optional, m.condition, _features(m.features))
                for m in schema.all_members(typ))
            if typ.variants is None:
                return model.Object(members)
            return model.Object(members, typ.variants.tag, tuple(
                model.Branch(b.name, b.type, b.condition)
                for b in typ.variants.branches))


def _type_info(schema: ir.Schema, typ: ir.Type) -> model.TypeInfo:
    shape = _shape(schema, typ)
    visible_name = None if typ.name.startswith("q_") else typ.name
    if isinstance(typ, ir.BuiltinType):
        return model.TypeInfo(shape, visible_name)
    features = () if isinstance(typ, ir.ArrayType) else _features(typ.features)
    return model.TypeInfo(shape, visible_name, typ.condition, features, typ.location)


def _doc_text(doc: ir.Doc) -> model.DocText:
    parts = {"body": doc.body.text}
    for section in doc.args:
        parts[f"member {section.name}"] = section.text
    for section in doc.features:
        parts[f"feature {section.name}"] = section.text
    for section in doc.sections:
        key = "text" if section.kind == "Plain" else section.kind
        parts[key] = f"{parts[key]}\n\n{section.text}" if key in parts else section.text
    return model.DocText({key: text for key, text in parts.items() if text})


def _command(cmd: ir.Command) -> model.Command:
    return model.Command(
        cmd.name, cmd.arg_type or ir.EMPTY_OBJECT, cmd.ret_type or ir.EMPTY_OBJECT,
        {flag.name: cmd.flag(flag.name) for flag in flags_of("command") if flag.diff},
        cmd.condition, _features(cmd.features), cmd.location)


def from_ir(schema: ir.Schema, *, docs: bool) -> model.WireSchema:
    """What a client sees of ``schema``; doc comments are kept only when ``docs``."""
    types: dict[str, model.TypeInfo] = {ir.EMPTY_OBJECT: model.TypeInfo(model.Object())}
    commands: dict[str, model.Command] = {}
    events: dict[str, model.Event] = {}
    for definition in schema.definitions():
        if isinstance(definition, ir.Command):
            commands[definition.name] = _command(definition)
        elif isinstance(definition, ir.Event):
            events[definition.name] = model.Event(
                definition.name, definition.arg_type or ir.EMPTY_OBJECT,
                definition.condition, _features(definition.features), definition.location)
        else:
            types[definition.name] = _type_info(schema, definition)
    knows = {model.KNOWS_CONDITIONS, model.KNOWS_SCALAR_NAMES}
    doc_texts: dict[str, model.DocText] = {}
    if docs:
        knows.add(model.KNOWS_DOCS)
        doc_texts = {d.symbol: _doc_text(d) for d in schema.docs if d.symbol is not None}
    return model.WireSchema(commands, events, types, frozenset(knows), doc_texts)
