"""What the type templates need: enums, classes, alternates, computed from the IR."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from qapi_ir.backend_helpers import (
    CompatNotes,
    DefinitionPlan,
    Namer,
    member_descriptions,
    member_texts,
)
from qapi_ir.ir import (
    AlternateType,
    Branch,
    EnumType,
    Member,
    ObjectType,
    Schema,
    condition_text,
)

from .docstrings import DocBuilder
from .naming import (
    RESERVED_ATTRIBUTES,
    attribute_name,
    branch_class_name,
    class_name,
    constant_name,
    event_class_name,
    module_name,
)
from .typemap import JSON_KIND_CHECKS, TypeMap

#: Names the generated modules import or define themselves.
RESERVED_CLASSES = frozenset(
    {"ABSENT", "Absent", "JSONValue", "QAPIEnum", "QAPIObject", "QAPIEvent", "Timestamp"}
    | {"UnknownEvent", "UndecodedEvent", "TypeAlias", "ClassVar", "Mapping", "Sequence", "Client"}
    | {"CommandError", "DecodeError", "UnstableWarning", "decode", "encode", "fixed"}
)
#: Names the ``types`` and ``codec`` packages hold beside their modules.
RESERVED_MODULES = frozenset({"_rt", "_t", "_c", "_e"})


@attrs.frozen
class PyField:
    """A member as a record field or keyword argument.

    ``maybe_absent`` marks a mandatory member that an older release lacks or
    makes optional: typed ``T | Absent``, yet without a default.
    """

    name: str
    wire: str
    annotation: str
    decoder: str
    optional: bool
    doc: str
    maybe_absent: bool = False

    @property
    def full_annotation(self) -> str:
        """The annotation, ``| Absent`` added when the member may be missing."""
        return self.annotation + (" | Absent" if self.optional or self.maybe_absent else "")

    @property
    def taken(self) -> str:
        """How a decoder takes the member from the wire: ``optional`` or ``required``."""
        return "optional" if self.optional or self.maybe_absent else "required"


@attrs.frozen
class PyEnum:
    """An enumeration: ``members`` pairs Python member names with wire values."""

    name: str
    wire: str
    module: str
    members: tuple[tuple[str, str], ...]
    doc: tuple[str, ...]


@attrs.frozen
class PyBranch:
    """A union branch: a subclass that fixes the tag (wire value ``tag_wire``) and adds members."""

    name: str
    tag_wire: str
    tag_constant: str
    fields: tuple[PyField, ...]
    doc: tuple[str, ...]
    wire_names: dict[str, str]


@attrs.frozen
class PyClass:
    """A struct, or a union's base class with its branches.

    ``fields`` are all members of the struct or of the union's base; ``tag``
    names the tag field of a union and ``tag_enum`` its enumeration class, as ``module`` names it.
    """

    name: str
    wire: str
    module: str
    fields: tuple[PyField, ...]
    doc: tuple[str, ...]
    tag: PyField | None = None
    tag_enum: str = ""
    branches: tuple[PyBranch, ...] = ()

    @property
    def wire_names(self) -> dict[str, str]:
        """Python name to wire name for the fields whose names differ."""
        return wire_names(self.fields)


@attrs.frozen
class PyAlternate:
    """An alternate: a type alias and, per JSON kind, the check and the decoding expression."""

    name: str
    wire: str
    module: str
    annotation: str
    dispatch: tuple[tuple[str, str], ...]
    expected: str
    doc: tuple[str, ...]


def wire_names(fields: Sequence[PyField]) -> dict[str, str]:
    """Python name to wire name for the fields whose names differ."""
    return {f.name: f.wire for f in fields if f.name != f.wire}


class PyPlanner:
    """Names every generated class once and turns IR types into template models."""

    def __init__(self, schema: Schema, plan: DefinitionPlan, compat: CompatNotes) -> None:
        self.schema = schema
        self.compat = compat
        namer, module_namer = Namer(RESERVED_CLASSES), Namer(RESERVED_MODULES)
        names: dict[str, str] = {}
        #: The module of ``types`` and ``codec`` of each schema module that defines a type.
        self.modules: dict[str, str] = {}
        homes: dict[str, str] = {}
        for entity in plan.named_types:
            names[entity.name] = namer.claim(class_name(entity.name))
            if entity.module not in self.modules:
                self.modules[entity.module] = module_namer.claim(module_name(entity.module))
            homes[entity.name] = self.modules[entity.module]
        self._namer = namer
        self.types = TypeMap(schema, names, homes)
        self.enum_members = {e.name: self._enum_member_names(e) for e in plan.enums}

    def claim_class(self, identifier: str) -> str:
        """A class name for something that is not a type (branch subclass, event)."""
        return self._namer.claim(identifier)

    def event_class(self, name: str) -> str:
        """The class name of the event called ``name``."""
        return self.claim_class(event_class_name(name))

    @staticmethod
    def _enum_member_names(enum: EnumType) -> dict[str, str]:
        namer = Namer({"is_known"})
        return {v.name: namer.claim(constant_name(v.name)) for v in enum.values}

    def fields(
        self,
        owner: str,
        namer: Namer,
        docs: dict[str, str],
        home: str | None = None,
        argument: bool = False,
    ) -> tuple[PyField, ...]:
        """Fields for the members of object type ``owner``, named within ``namer``'s scope.

        ``home`` is the module of ``types`` and ``codec`` the fields are written
        in (none: another module); ``argument`` types arrays as sequences.
        """
        members = self.schema.all_members(self.schema.object_type(owner))
        names = [namer.claim(attribute_name(m.name)) for m in members]
        fields = []
        for name, member in zip(names, members, strict=True):
            note = self.compat.member(owner, member.name)
            fields.append(PyField(
                name=name,
                wire=member.name,
                annotation=self.types.annotation(member.type, argument=argument, home=home),
                decoder=self.types.decoder(member.type, home),
                optional=member.optional,
                doc=self._member_doc(member, name, docs.get(member.name, ""), note),
                maybe_absent=bool(note) and not member.optional,
            ))
        return tuple(fields)

    @staticmethod
    def _member_doc(member: Member, name: str, text: str, note: str) -> str:
        extra = [f"feature {f.name}" for f in member.features]
        if member.condition is not None:
            extra.insert(0, f"only if {condition_text(member.condition)}")
        if name != member.name:
            extra.insert(0, f"wire name ``{member.name}``")
        if note:
            extra.append(note)
        return " ".join(text.split()) + (f" ({'; '.join(extra)})" if extra else "")

    def doc_lines(
        self,
        entity: EnumType | ObjectType | AlternateType,
        heading: str,
        entries: list[tuple[str, str]],
        indent: int = 4,
    ) -> tuple[str, ...]:
        """The docstring of a type: body, ``heading`` list of entries, closing sections."""
        doc = self.schema.doc_for(entity.name)
        builder = DocBuilder(indent).body(doc)
        builder.field(heading, entries)
        builder.definition(doc, entity.condition, entity.features)
        return tuple(builder.lines(f"QAPI type ``{entity.name}``."))

    def enum(self, enum: EnumType) -> PyEnum:
        """The model of an enumeration."""
        names = self.enum_members[enum.name]
        docs = member_texts(self.schema.doc_for(enum.name))
        entries = []
        for value in enum.values:
            note = self.compat.enum_value(enum.name, value.name)
            if value.name in docs or note:
                text = " ".join(docs.get(value.name, "").split())
                entries.append((names[value.name], f"{text} ({note})" if note else text))
        return PyEnum(
            name=self.types.class_of(enum.name),
            wire=enum.name,
            module=self.types.module_of(enum.name),
            members=tuple((names[v.name], v.name) for v in enum.values),
            doc=self.doc_lines(enum, "Values", entries),
        )

    def object_class(self, obj: ObjectType) -> PyClass:
        """The model of a struct or union."""
        home = self.types.module_of(obj.name)
        docs = member_descriptions(self.schema, obj.name)
        fields = self.fields(obj.name, Namer(RESERVED_ATTRIBUTES), docs, home)
        doc = self.doc_lines(obj, "Attributes", [(f.name, f.doc) for f in fields])
        name = self.types.class_of(obj.name)
        if obj.variants is None:
            return PyClass(name=name, wire=obj.name, module=home, fields=fields, doc=doc)
        tag = next(f for f in fields if f.wire == obj.variants.tag)
        tag_type = next(m.type for m in self.schema.all_members(obj) if m.name == tag.wire)
        branches = tuple(
            self._branch(obj.name, tag.wire, tag_type, fields, branch)
            for branch in obj.variants.branches
        )
        return PyClass(
            name=name,
            wire=obj.name,
            module=home,
            fields=fields,
            doc=doc,
            tag=tag,
            tag_enum=self.types.annotation(tag_type, home=home),
            branches=tuple(b for b in branches if b.fields),
        )

    def _branch(
        self,
        union: str,
        tag: str,
        tag_type: str,
        base_fields: tuple[PyField, ...],
        branch: Branch,
    ) -> PyBranch:
        home = self.types.module_of(union)
        namer = Namer(RESERVED_ATTRIBUTES | {f.name for f in base_fields})
        docs = member_descriptions(self.schema, branch.type)
        fields = self.fields(branch.type, namer, docs, home)
        builder = DocBuilder(4).text(f"``{union}`` whose ``{tag}`` is ``{branch.name}``.")
        builder.field("Attributes", [(f.name, f.doc) for f in fields])
        return PyBranch(
            name=self.claim_class(branch_class_name(union, branch.name)),
            tag_wire=branch.name,
            tag_constant=f"{self.types.annotation(tag_type, home=home)}."
            f"{self.enum_members[tag_type][branch.name]}",
            fields=fields,
            doc=tuple(builder.lines("")),
            wire_names=wire_names(base_fields + fields),
        )

    def alternate(self, alt: AlternateType) -> PyAlternate:
        """The model of an alternate."""
        home = self.types.module_of(alt.name)
        kinds: dict[str, str] = {}
        for branch in alt.branches:
            kind = self.types.json_kind(branch.type)
            decoder = self.types.decoder(branch.type, home)
            kinds[kind] = "None" if kind == "null" else f"{decoder}(value, path)"
        annotations = [self.types.annotation(b.type, home=home) for b in alt.branches]
        docs = member_texts(self.schema.doc_for(alt.name))
        entries = [
            (a, docs.get(b.name, "")) for a, b in zip(annotations, alt.branches, strict=True)
        ]
        return PyAlternate(
            name=self.types.class_of(alt.name),
            wire=alt.name,
            module=home,
            annotation=" | ".join(sorted(dict.fromkeys(annotations), key=lambda a: a == "None")),
            dispatch=tuple((JSON_KIND_CHECKS[kind], dec) for kind, dec in kinds.items()),
            expected=" or ".join(kinds),
            doc=self.doc_lines(alt, "Branches", entries, indent=3),
        )
