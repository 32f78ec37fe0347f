"""The C visitors generator: ``qapi-visit[-MODULE].c/.h`` as QEMU's ``visit.py`` writes them.

Python computes views of the entities; ``visit.h.mako`` and ``visit.c.mako``
lay them out.
"""

from __future__ import annotations

import attrs

from qapi_ir.ir import (
    EMPTY_OBJECT,
    AlternateType,
    ArrayType,
    Branch,
    Condition,
    Entity,
    EnumType,
    Include,
    Member,
    ObjectType,
    Schema,
    Type,
    json_type,
)
from qapi_ir.plugin_api import Output

from .modules import ModuleNames, modules_to_write, write_pair
from .naming import (
    c_name,
    enum_const,
    feature_flags,
    need_has,
    type_c_name,
)
from .settings import CSettings

#: The ``QType`` of values of each JSON type (as :func:`qapi_ir.ir.json_type` names them).
_QTYPES = {
    "null": "QTYPE_QNULL",
    "string": "QTYPE_QSTRING",
    "number": "QTYPE_QNUM",
    "int": "QTYPE_QNUM",
    "boolean": "QTYPE_QBOOL",
    "array": "QTYPE_QLIST",
    "object": "QTYPE_QDICT",
}


def alternate_qtype(typ: Type) -> str:
    """The ``QType`` constant a value of ``typ`` has inside an alternate."""
    return _QTYPES[json_type(typ)]


@attrs.frozen
class MemberView:
    """How one member is visited.

    ``has`` is the presence flag an optional member is visited with: the
    struct's ``obj->has_NAME``, or a local ``has_NAME`` for pointers.
    """

    name: str
    c_name: str
    visit_type: str
    condition: Condition | None
    optional: bool
    has: str
    features: str

    @property
    def local_has(self) -> bool:
        """Whether the presence flag is a local variable derived from the pointer."""
        return self.optional and not self.has.startswith("obj->")


@attrs.frozen
class CaseView:
    """A branch of a union or alternate: its ``case`` label and what it visits.

    ``visit_type`` is ``None`` for a branch without members; ``is_object``
    tells an alternate to visit the object's members inside a struct.
    """

    label: str
    c_name: str
    visit_type: str | None
    condition: Condition | None
    is_object: bool = False


@attrs.frozen
class VisitView:
    """What one entity contributes to a module's visit files.

    ``kind`` is ``include``, ``enum``, ``array``, ``object`` or ``alternate``.
    """

    kind: str
    c_name: str
    condition: Condition | None = None
    name: str = ""
    include: str = ""
    element: str = ""
    base: str | None = None
    members: tuple[MemberView, ...] = ()
    tag: str | None = None
    cases: tuple[CaseView, ...] = ()
    implicit: bool = False

    @property
    def local_has_members(self) -> tuple[MemberView, ...]:
        """The members whose presence flag is a local variable."""
        return tuple(m for m in self.members if m.local_has)


def _member(schema: Schema, member: Member) -> MemberView:
    name = c_name(member.name)
    return MemberView(
        name=member.name,
        c_name=name,
        visit_type=type_c_name(schema.type(member.type)),
        condition=member.condition,
        optional=member.optional,
        has=("obj->has_" if need_has(schema, member) else "has_") + name,
        features=feature_flags(member.features),
    )


def _union_case(schema: Schema, tag_type: EnumType, branch: Branch) -> CaseView:
    empty = branch.type == EMPTY_OBJECT
    return CaseView(
        enum_const(tag_type, branch.name),
        c_name(branch.name),
        None if empty else type_c_name(schema.type(branch.type)),
        branch.condition,
    )


def _alternate_case(schema: Schema, branch: Branch) -> CaseView:
    typ = schema.type(branch.type)
    return CaseView(
        alternate_qtype(typ),
        c_name(branch.name),
        type_c_name(typ),
        branch.condition,
        isinstance(typ, ObjectType),
    )


def _object(schema: Schema, obj: ObjectType) -> VisitView:
    tag = cases = None
    if obj.variants is not None:
        tag_member = next(m for m in schema.all_members(obj) if m.name == obj.variants.tag)
        tag_type = schema.type(tag_member.type)
        assert isinstance(tag_type, EnumType)
        tag = c_name(tag_member.name)
        cases = tuple(_union_case(schema, tag_type, b) for b in obj.variants.branches)
    return VisitView(
        "object",
        c_name(obj.name),
        obj.condition,
        base=c_name(obj.base) if obj.base else None,
        members=tuple(_member(schema, m) for m in obj.members),
        tag=tag,
        cases=cases or (),
        implicit=obj.is_implicit,
    )


def _view(schema: Schema, names: ModuleNames, module: str, entity: Entity) -> VisitView | None:
    match entity:
        case Include():
            return VisitView(
                "include", "", include=names.include("qapi-visit", module, entity.target))
        case EnumType():
            return VisitView("enum", c_name(entity.name), entity.condition)
        case ArrayType():
            element = type_c_name(schema.type(entity.element_type))
            return VisitView("array", c_name(entity.name), entity.condition, element=element)
        case ObjectType() if entity.name != EMPTY_OBJECT:
            return _object(schema, entity)
        case AlternateType():
            return VisitView(
                "alternate",
                c_name(entity.name),
                entity.condition,
                name=entity.name,
                cases=tuple(_alternate_case(schema, b) for b in entity.branches),
            )
    return None


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write the visit files of every module (built-in ones with ``builtins``)."""
    names = ModuleNames.for_schema(schema, settings)
    for module in modules_to_write(schema, settings):
        views = (_view(schema, names, module.name, e) for e in schema.module_entities(module.name))
        write_pair(
            output,
            settings,
            names.filename("qapi-visit", module.name),
            "visit",
            builtin=module.is_builtin,
            types_h=names.basename("qapi-types", module.name),
            visit_h=names.basename("qapi-visit", module.name),
            features_h=settings.prefix + "qapi-features",
            entities=[v for v in views if v is not None],
        )
