"""The C types generator: ``qapi-types[-MODULE].c/.h`` as QEMU's ``types.py`` writes them.

Each module's header declares enums and forward declarations first (QEMU's
preamble), then struct definitions and free functions; its source holds enum
lookup tables and free functions.  Python computes views of the entities;
``types.h.mako`` and ``types.c.mako`` lay them out.
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
)
from qapi_ir.plugin_api import Output

from .modules import ModuleNames, modules_to_write, write_pair
from .naming import (
    c_name,
    c_unboxed_type,
    enum_const,
    enum_max,
    feature_flags,
    is_empty_object,
    need_has,
    type_c_type,
)
from .settings import CSettings


@attrs.frozen
class EnumValueView:
    """One enum constant: its C name, QAPI name, condition and feature flags."""

    const: str
    name: str
    condition: Condition | None
    features: str


@attrs.frozen
class EnumView:
    """An enumeration: its C typedef and lookup table."""

    c_name: str
    condition: Condition | None
    values: tuple[EnumValueView, ...]
    max: str

    @property
    def featured_values(self) -> tuple[EnumValueView, ...]:
        """The values with feature flags (for the lookup's ``.features``)."""
        return tuple(v for v in self.values if v.features != "0")


@attrs.frozen
class FieldView:
    """A field of a C struct: a member, or a branch inside the ``u`` union."""

    c_name: str
    c_type: str
    condition: Condition | None
    has_flag: bool = False


@attrs.frozen
class StructView:
    """A C struct definition of an object or alternate type."""

    c_name: str
    condition: Condition | None
    base: str | None
    base_fields: tuple[FieldView, ...]
    fields: tuple[FieldView, ...]
    tag: str | None
    branches: tuple[FieldView, ...]
    dummy: bool


@attrs.frozen
class TypeView:
    """What one entity contributes to a module's types files.

    ``kind`` is ``include``, ``enum``, ``array``, ``object`` or ``alternate``.
    """

    kind: str
    c_name: str
    condition: Condition | None = None
    include: str = ""
    enum: EnumView | None = None
    element_type: str = ""
    structs: tuple[StructView, ...] = ()
    upcast_base: str | None = None
    cleanup: bool = False


class _TypesBuilder:
    """Builds views, remembering which structs were written (QEMU's ``objects_seen``)."""

    def __init__(self, schema: Schema, names: ModuleNames) -> None:
        self.schema = schema
        self.names = names
        self.seen: set[str] = {EMPTY_OBJECT}

    def field(self, member: Member) -> FieldView:
        return FieldView(
            c_name(member.name),
            type_c_type(self.schema.type(member.type)),
            member.condition,
            need_has(self.schema, member),
        )

    def branch(self, branch: Branch) -> FieldView:
        return FieldView(
            c_name(branch.name), c_unboxed_type(self.schema, branch.type), branch.condition
        )

    def structs(
        self,
        name: str,
        condition: Condition | None,
        base: str | None,
        members: tuple[Member, ...],
        tag: str | None,
        branches: tuple[Branch, ...],
    ) -> tuple[StructView, ...]:
        """The struct of ``name`` preceded by branch structs not written yet."""
        if name in self.seen:
            return ()
        self.seen.add(name)
        ret: list[StructView] = []
        for branch in branches:
            typ = self.schema.type(branch.type)
            if isinstance(typ, ObjectType):
                ret.extend(self.object_structs(typ))
        base_type = self.schema.object_type(base) if base else None
        base_fields = self.schema.all_members(base_type) if base_type else ()
        ret.append(
            StructView(
                c_name=c_name(name),
                condition=condition,
                base=None if base_type is None or base_type.is_implicit else c_name(base_type.name),
                base_fields=tuple(self.field(m) for m in base_fields),
                fields=tuple(self.field(m) for m in members),
                tag=c_name(tag) if tag is not None else None,
                branches=tuple(self.branch(b) for b in branches if b.type != EMPTY_OBJECT),
                dummy=(base_type is None or is_empty_object(self.schema, base_type))
                and not members
                and tag is None,
            )
        )
        return tuple(ret)

    def object_structs(self, obj: ObjectType) -> tuple[StructView, ...]:
        variants = obj.variants
        return self.structs(
            obj.name,
            obj.condition,
            obj.base,
            obj.members,
            variants.tag if variants else None,
            variants.branches if variants else (),
        )

    def enum(self, enum: EnumType) -> EnumView:
        return EnumView(
            c_name(enum.name),
            enum.condition,
            tuple(
                EnumValueView(
                    enum_const(enum, v.name), v.name, v.condition, feature_flags(v.features)
                )
                for v in enum.values
            ),
            enum_max(enum),
        )

    def view(self, module: str, entity: Entity) -> TypeView | None:
        if isinstance(entity, Include):
            return TypeView(
                "include", "", include=self.names.include("qapi-types", module, entity.target)
            )
        if isinstance(entity, EnumType):
            return TypeView("enum", c_name(entity.name), entity.condition, enum=self.enum(entity))
        if isinstance(entity, ArrayType):
            element = type_c_type(self.schema.type(entity.element_type))
            return TypeView(
                "array", c_name(entity.name), entity.condition, element_type=element, cleanup=True
            )
        if isinstance(entity, ObjectType) and entity.name != EMPTY_OBJECT:
            base = self.schema.object_type(entity.base) if entity.base else None
            return TypeView(
                "object",
                c_name(entity.name),
                entity.condition,
                structs=self.object_structs(entity),
                upcast_base=c_name(base.name) if base and not base.is_implicit else None,
                cleanup=not entity.is_implicit,
            )
        if isinstance(entity, AlternateType):
            tag = Member("type", "QType")
            structs = self.structs(
                entity.name, entity.condition, None, (tag,), "type", entity.branches
            )
            return TypeView(
                "alternate", c_name(entity.name), entity.condition, structs=structs, cleanup=True
            )
        return None


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write the types files of every module (built-in ones with ``builtins``)."""
    names = ModuleNames.for_schema(schema, settings)
    builder = _TypesBuilder(schema, names)
    for module in modules_to_write(schema, settings):
        views = [builder.view(module.name, e) for e in schema.module_entities(module.name)]
        write_pair(
            output,
            settings,
            names.filename("qapi-types", module.name),
            "types",
            builtin=module.is_builtin,
            types_h=names.basename("qapi-types", module.name),
            visit_h=names.basename("qapi-visit", module.name),
            features_h=settings.prefix + "qapi-features",
            entities=[v for v in views if v is not None],
        )
