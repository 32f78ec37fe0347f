"""Lowering: the checked front-end model becomes the frozen IR (:mod:`qapi_ir.ir`)."""

from __future__ import annotations

from typing import Any

from qapi_ir import ir
from qapi_ir.flags import true_flags

from .doc import QAPIDoc
from .model_parts import (
    QAPISchemaEnumMember,
    QAPISchemaFeature,
    QAPISchemaIfCond,
    QAPISchemaObjectTypeMember,
    QAPISchemaVariant,
)
from .model_types import (
    QAPISchemaAlternateType,
    QAPISchemaArrayType,
    QAPISchemaBuiltinType,
    QAPISchemaCommand,
    QAPISchemaEntity,
    QAPISchemaEnumType,
    QAPISchemaEvent,
    QAPISchemaInclude,
    QAPISchemaObjectType,
)
from .schema_model import QAPISchema
from .source import QAPISourceInfo


def lower_condition(raw: Any) -> ir.Condition | None:
    """The condition tree of a checked ``'if'`` value (None when absent)."""
    if not raw:
        return None
    return _condition(raw)


def _condition(raw: Any) -> ir.Condition:
    if isinstance(raw, str):
        return ir.IfName(name=raw)
    if 'not' in raw:
        return ir.IfNot(operand=_condition(raw['not']))
    if 'all' in raw:
        return ir.IfAll(operands=tuple(_condition(c) for c in raw['all']))
    return ir.IfAny(operands=tuple(_condition(c) for c in raw['any']))


def _cond(ifcond: QAPISchemaIfCond) -> ir.Condition | None:
    return lower_condition(ifcond.ifcond)


def _location(info: QAPISourceInfo | None) -> ir.Location | None:
    return ir.Location(file=info.fname, line=info.line) if info else None


def _features(features: list[QAPISchemaFeature]) -> tuple[ir.Feature, ...]:
    return tuple(ir.Feature(name=f.name, condition=_cond(f.ifcond)) for f in features)


def _value(value: QAPISchemaEnumMember) -> ir.EnumValue:
    return ir.EnumValue(name=value.name, condition=_cond(value.ifcond),
                        features=_features(value.features))


def _member(member: QAPISchemaObjectTypeMember) -> ir.Member:
    return ir.Member(name=member.name, type=member.type.name, optional=member.optional,
                     condition=_cond(member.ifcond), features=_features(member.features))


def _branch(variant: QAPISchemaVariant) -> ir.Branch:
    return ir.Branch(name=variant.name, type=variant.type.name, condition=_cond(variant.ifcond))


def _variants(obj: QAPISchemaObjectType) -> ir.Variants | None:
    if not obj.branches:
        return None
    return ir.Variants(tag=obj.branches.tag_member.name,
                       branches=tuple(_branch(v) for v in obj.branches.variants))


def _arg_type(call: QAPISchemaCommand | QAPISchemaEvent) -> str | None:
    return call.arg_type.name if call.arg_type else None


def lower_entity(ent: QAPISchemaEntity) -> ir.Entity:
    """The IR entity for one checked model entity."""
    assert ent.module is not None
    module = ent.module.name
    location = _location(ent.info)
    match ent:
        case QAPISchemaInclude():
            assert location is not None
            return ir.Include(module=module, target=ent.sub_module.name, location=location)
        case QAPISchemaBuiltinType():
            return ir.BuiltinType(name=ent.name, json_type=ent.json_type(), module=module)
        case QAPISchemaObjectType():
            return ir.ObjectType(
                name=ent.name, location=location, module=module,
                members=tuple(_member(m) for m in ent.local_members),
                base=ent.base.name if ent.base else None, variants=_variants(ent),
                condition=_cond(ent.ifcond), features=_features(ent.features))
        case QAPISchemaEnumType():
            return ir.EnumType(
                name=ent.name, location=location, module=module,
                values=tuple(_value(v) for v in ent.members), prefix=ent.prefix,
                condition=_cond(ent.ifcond), features=_features(ent.features))
        case QAPISchemaArrayType():
            return ir.ArrayType(name=ent.name, location=location, module=module,
                                element_type=ent.element_type.name, condition=_cond(ent.ifcond))
        case QAPISchemaAlternateType():
            return ir.AlternateType(
                name=ent.name, location=location, module=module,
                branches=tuple(_branch(v) for v in ent.alternatives.variants),
                condition=_cond(ent.ifcond), features=_features(ent.features))
        case QAPISchemaCommand():
            return ir.Command(
                name=ent.name, location=location, module=module, arg_type=_arg_type(ent),
                ret_type=ent.ret_type.name if ent.ret_type else None,
                flags=true_flags('command', ent.flags), condition=_cond(ent.ifcond),
                features=_features(ent.features))
        case QAPISchemaEvent():
            return ir.Event(
                name=ent.name, location=location, module=module, arg_type=_arg_type(ent),
                flags=true_flags('event', ent.flags), condition=_cond(ent.ifcond),
                features=_features(ent.features))
    raise TypeError(f"no IR for {type(ent).__name__}")


def _section(section: QAPIDoc.Section) -> ir.DocSection:
    location = _location(section.info)
    assert location is not None
    name = section.name if isinstance(section, QAPIDoc.ArgSection) else None
    return ir.DocSection(kind=str(section.kind), text=section.text, location=location, name=name)


def lower_doc(doc: QAPIDoc) -> ir.Doc:
    """The IR of one checked doc comment."""
    location = _location(doc.info)
    assert location is not None
    return ir.Doc(
        location=location, symbol=doc.symbol, body=_section(doc.body),
        args=tuple(_section(s) for s in doc.args.values()),
        features=tuple(_section(s) for s in doc.features.values()),
        sections=tuple(_section(s) for s in doc.sections))


def lower(schema: QAPISchema) -> ir.Schema:
    """The IR of a checked schema."""
    return ir.Schema(
        modules=tuple(ir.Module(name=module.name) for module in schema.modules),
        entities=tuple(lower_entity(ent) for ent in schema.entities),
        docs=tuple(lower_doc(doc) for doc in schema.docs))
