"""Lowering: the checked front-end model becomes the frozen IR (:mod:`qapi_ir.ir`)."""

from __future__ import annotations

from typing import Any

from qapi_ir import ir
from qapi_ir.flags import true_flags

from .doc import QAPIDoc
from .model import QAPISchema
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
from .source import QAPISourceInfo


def lower_condition(raw: Any) -> ir.Condition | None:
    """The condition tree of a checked ``'if'`` value (None when absent)."""
    if not raw:
        return None
    return _condition(raw)


def _condition(raw: Any) -> ir.Condition:
    if isinstance(raw, str):
        return ir.IfName(raw)
    if 'not' in raw:
        return ir.IfNot(_condition(raw['not']))
    if 'all' in raw:
        return ir.IfAll(tuple(_condition(c) for c in raw['all']))
    return ir.IfAny(tuple(_condition(c) for c in raw['any']))


def _cond(ifcond: QAPISchemaIfCond) -> ir.Condition | None:
    return lower_condition(ifcond.ifcond)


def _location(info: QAPISourceInfo | None) -> ir.Location | None:
    return ir.Location(file=info.fname, line=info.line) if info else None


def _features(features: list[QAPISchemaFeature]) -> tuple[ir.Feature, ...]:
    return tuple(ir.Feature(f.name, _cond(f.ifcond)) for f in features)


def _value(value: QAPISchemaEnumMember) -> ir.EnumValue:
    return ir.EnumValue(value.name, _cond(value.ifcond), _features(value.features))


def _member(member: QAPISchemaObjectTypeMember) -> ir.Member:
    return ir.Member(member.name, member.type.name, member.optional, _cond(member.ifcond),
                     _features(member.features))


def _branch(variant: QAPISchemaVariant) -> ir.Branch:
    return ir.Branch(variant.name, variant.type.name, _cond(variant.ifcond))


def _object(obj: QAPISchemaObjectType, module: str) -> ir.ObjectType:
    variants = None
    if obj.branches:
        variants = ir.Variants(obj.branches.tag_member.name,
                               tuple(_branch(v) for v in obj.branches.variants))
    return ir.ObjectType(
        name=obj.name, location=_location(obj.info), module=module,
        members=tuple(_member(m) for m in obj.local_members),
        base=obj.base.name if obj.base else None, variants=variants,
        condition=_cond(obj.ifcond), features=_features(obj.features))


def lower_entity(ent: QAPISchemaEntity) -> ir.Entity:
    """The IR entity for one checked model entity."""
    assert ent.module is not None
    module = ent.module.name
    if isinstance(ent, QAPISchemaInclude):
        location = _location(ent.info)
        assert location is not None
        return ir.Include(module=module, target=ent.sub_module.name, location=location)
    if isinstance(ent, QAPISchemaBuiltinType):
        return ir.BuiltinType(ent.name, ent.json_type(), module)
    if isinstance(ent, QAPISchemaObjectType):
        return _object(ent, module)
    location = _location(ent.info)
    if isinstance(ent, QAPISchemaEnumType):
        return ir.EnumType(ent.name, location, module, tuple(_value(v) for v in ent.members),
                           ent.prefix, _cond(ent.ifcond), _features(ent.features))
    if isinstance(ent, QAPISchemaArrayType):
        return ir.ArrayType(ent.name, location, module, ent.element_type.name,
                            _cond(ent.ifcond))
    if isinstance(ent, QAPISchemaAlternateType):
        return ir.AlternateType(ent.name, location, module,
                                tuple(_branch(v) for v in ent.alternatives.variants),
                                _cond(ent.ifcond), _features(ent.features))
    if isinstance(ent, QAPISchemaCommand):
        return ir.Command(
            name=ent.name, location=location, module=module,
            arg_type=ent.arg_type.name if ent.arg_type else None,
            ret_type=ent.ret_type.name if ent.ret_type else None,
            flags=true_flags('command', ent.flags), condition=_cond(ent.ifcond),
            features=_features(ent.features))
    assert isinstance(ent, QAPISchemaEvent)
    return ir.Event(
        name=ent.name, location=location, module=module,
        arg_type=ent.arg_type.name if ent.arg_type else None,
        flags=true_flags('event', ent.flags), condition=_cond(ent.ifcond),
        features=_features(ent.features))


def _section(section: QAPIDoc.Section) -> ir.DocSection:
    location = _location(section.info)
    assert location is not None
    name = section.name if isinstance(section, QAPIDoc.ArgSection) else None
    return ir.DocSection(str(section.kind), section.text, location, name)


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
        modules=tuple(ir.Module(module.name) for module in schema.modules),
        entities=tuple(lower_entity(ent) for ent in schema.entities),
        docs=tuple(lower_doc(doc) for doc in schema.docs))
