"""What the type templates need: enums, structs, unions and alternates, computed from the IR."""

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
    Doc,
    EnumType,
    Member,
    ObjectType,
    Schema,
)

from qapi_build_go.docs import definition_comment, member_comment
from qapi_build_go.doctext import one_line
from qapi_build_go.layout import Entry, layout
from qapi_build_go.naming import check_wire_name, exported, go_string, unexported
from qapi_build_go.typemap import TypeMap

#: Method names of generated structs, which no field may take.
STRUCT_METHODS = frozenset({"MarshalJSON", "UnmarshalJSON"})

#: The field of every struct that keeps the members this package does not know (unexported,
#: so no member's field can take its name).
EXTRA_FIELD = Entry(
    ("// extra keeps the members this package does not know, written back when encoding.",),
    ("extra", "map[string]json.RawMessage"),
)


@attrs.frozen
class GoField:
    """A struct field: Go name, wire name, Go type, comment.

    ``optional`` fields (optional members, and mandatory ones that an older
    release lacks or makes optional) are pointers left out when nil.
    """

    name: str
    wire: str
    type: str
    optional: bool
    comment: tuple[str, ...]

    @property
    def entry(self) -> Entry:
        """The field as gofmt lays it out."""
        options = ",omitempty" if self.optional else ""
        return Entry(self.comment, (self.name, self.type, f'`json:"{self.wire}{options}"`'))


@attrs.frozen
class Fixup:
    """A field whose JSON encoding/json gets wrong alone, with its Go type (pointer removed).

    A mandatory array must go out as ``[]`` when nil; an optional member that
    can be null must come back as present when the wire says ``null``.
    """

    field: str
    wire: str
    go_type: str


@attrs.frozen
class GoEnum:
    """A string type with one constant per value (``constants``: name and Go literal)."""

    name: str
    comment: tuple[str, ...]
    constants: tuple[tuple[str, str], ...]
    lines: tuple[str, ...]


@attrs.frozen
class GoBranch:
    """A union branch: ``alias`` names the struct it is defined as, else ``struct`` is its own."""

    name: str
    constant: str
    comment: tuple[str, ...]
    alias: str
    struct: GoStruct | None


@attrs.frozen
class GoUnion:
    """What a struct that is a union adds: the branch interface and the branches."""

    interface: str
    tag_method: str
    tag_accessor: str
    tag_wire: str
    tag_type: str
    branch_field: str
    branches: tuple[GoBranch, ...]
    unknown: str
    #: Whether an older release lacks the tag: a reply without it decodes with no branch.
    tag_optional: bool


@attrs.frozen
class GoStruct:
    """A struct (or union): its fields laid out, the fix-ups its JSON methods make.

    ``codec``: whether it has the JSON methods that keep unknown members (a
    boxed event has its own).
    """

    name: str
    comment: tuple[str, ...]
    lines: tuple[str, ...]
    empty_slices: tuple[Fixup, ...]
    present_nulls: tuple[Fixup, ...]
    union: GoUnion | None = None
    codec: bool = True


@attrs.frozen
class GoAlternate:
    """An alternate: a pointer field per branch, chosen by the JSON kind of the value."""

    name: str
    comment: tuple[str, ...]
    lines: tuple[str, ...]
    branches: tuple[tuple[str, str, str], ...]
    expected: str


class GoPlanner:
    """Names every package-level identifier once and turns IR types into template models."""

    def __init__(
        self,
        schema: Schema,
        plan: DefinitionPlan,
        compat: CompatNotes,
        reserved: frozenset[str],
    ) -> None:
        self.schema = schema
        self.compat = compat
        self.namer = Namer(reserved)
        names = {t.name: self.namer.claim(exported(t.name)) for t in plan.named_types}
        self.types = TypeMap(schema, names)
        self.constants = {
            e.name: {v.name: self.namer.claim(names[e.name] + exported(v.name)) for v in e.values}
            for e in plan.enums
        }

    def name_of(self, type_name: str) -> str:
        """The Go name of a generated type."""
        return self.types.go_type(type_name)

    def fields(
        self, owner: str, members: Sequence[Member], namer: Namer, doc: Doc | None, what: str
    ) -> tuple[GoField, ...]:
        """Fields for ``members`` of object type ``owner``, named within ``namer``'s scope.

        ``doc`` documents the members (with ``owner``'s bases and own doc comment).
        """
        texts = member_descriptions(self.schema, owner, doc) if owner else member_texts(doc)
        fields = []
        for member in members:
            check_wire_name(member.name, f"{what}: member")
            go_type = self.types.go_type(member.type)
            note = self.compat.member(owner, member.name)
            optional = member.optional or bool(note)
            pointer = optional and not self.types.is_any(member.type)
            comment = member_comment(
                texts.get(member.name, ""), member.features, member.condition, doc, note
            )
            fields.append(
                GoField(
                    name=namer.claim(exported(member.name)),
                    wire=member.name,
                    type=("*" if pointer else "") + go_type,
                    optional=optional,
                    comment=tuple(comment),
                )
            )
        return tuple(fields)

    def struct(
        self,
        name: str,
        owner: str,
        members: Sequence[Member],
        doc: Doc | None,
        comment: Sequence[str],
        extra: Sequence[GoField] = (),
        reserved: frozenset[str] = frozenset(),
        codec: bool = True,
    ) -> GoStruct:
        """A struct with fields for ``members`` of type ``owner`` and ``extra`` fields after them.

        ``owner`` is the QAPI object type that holds the members (empty when none does);
        ``codec``: whether it gets the JSON methods that keep unknown members.
        """
        namer = Namer(STRUCT_METHODS | reserved)
        fields = self.fields(owner, members, namer, doc, name)
        by_wire = {m.name: m for m in members}
        entries = [f.entry for f in (*fields, *extra)] + [EXTRA_FIELD] * codec
        return GoStruct(
            name=name,
            comment=tuple(comment),
            lines=tuple(layout(entries)),
            empty_slices=tuple(
                Fixup(f.name, f.wire, f.type)
                for f in fields
                if not f.optional and self.types.is_array(by_wire[f.wire].type)
            ),
            present_nulls=tuple(
                Fixup(f.name, f.wire, f.type[1:])
                for f in fields
                if f.optional and self.types.nullable(by_wire[f.wire].type)
            ),
            codec=codec,
        )

    def enum(self, enum: EnumType) -> GoEnum:
        """The model of an enumeration."""
        doc = self.schema.doc_for(enum.name)
        texts = member_texts(doc)
        name = self.name_of(enum.name)
        constants = []
        entries = []
        for value in enum.values:
            constant = self.constants[enum.name][value.name]
            literal = go_string(value.name)
            constants.append((constant, literal))
            comment = member_comment(
                texts.get(value.name, ""), value.features, value.condition, doc,
                self.compat.enum_value(enum.name, value.name),
            )
            entries.append(Entry(tuple(comment), (constant, name, f"= {literal}")))
        return GoEnum(
            name=name,
            comment=tuple(self._comment(name, "enumeration", enum)),
            constants=tuple(constants),
            lines=tuple(layout(entries)),
        )

    def _comment(
        self, name: str, what: str, entity: EnumType | ObjectType | AlternateType
    ) -> list[str]:
        return definition_comment(
            f"{name} is the QAPI {what} {entity.name}.",
            self.schema.doc_for(entity.name),
            entity.features,
            entity.condition,
        )

    def object_type(self, obj: ObjectType) -> GoStruct:
        """The model of a struct or union."""
        name = self.name_of(obj.name)
        doc = self.schema.doc_for(obj.name)
        members = self.schema.all_members(obj)
        if obj.variants is None:
            return self.struct(name, obj.name, members, doc, self._comment(name, "struct", obj))
        tag = obj.variants.tag
        base = [m for m in members if m.name != tag]
        tag_type = next(m.type for m in members if m.name == tag)
        tag_note = self.compat.member(obj.name, tag)
        interface = self.namer.claim(name + "Branch")
        namer = Namer(STRUCT_METHODS | {exported(m.name) for m in base})
        branch_field = namer.claim("Branch")
        nil_branch = (
            [f"// It is nil when a reply has no {go_string(tag)} ({one_line(tag_note)})."]
            if tag_note else []
        )
        field = GoField(
            name=branch_field,
            wire="-",
            type=interface,
            optional=False,
            comment=(
                f"// {branch_field} holds the members the tag {go_string(tag)} selects;",
                "// its type tells the tag's value.",
                *nil_branch,
            ),
        )
        tag_accessor = namer.claim(exported(tag))
        struct = self.struct(name, obj.name, base, doc, self._comment(name, "union", obj),
                             (field,), frozenset({branch_field, tag_accessor}))
        union = GoUnion(
            interface=interface,
            tag_method=unexported(name) + "Tag",
            tag_accessor=tag_accessor,
            tag_wire=check_wire_name(tag, f"{obj.name}: tag"),
            tag_type=self.name_of(tag_type),
            branch_field=branch_field,
            branches=self._branches(obj, name, tag_type),
            unknown=self.namer.claim(name + "Unknown"),
            tag_optional=bool(tag_note),
        )
        return attrs.evolve(struct, union=union)

    def _branches(self, obj: ObjectType, union: str, tag_type: str) -> tuple[GoBranch, ...]:
        assert obj.variants is not None
        explicit = {b.name: b for b in obj.variants.branches}
        enum = self.schema.type(tag_type)
        assert isinstance(enum, EnumType)
        branches = []
        for value in enum.values:
            plain = union + exported(value.name)
            name = self.namer.claim(plain, plain + "Branch")
            branch = explicit.get(value.name)
            comment = (f"// {name} is the branch of {union} whose tag is {go_string(value.name)}.",)
            constant = self.constants[tag_type][value.name]
            target = self.schema.object_type(branch.type) if branch else None
            if target is not None and not target.is_implicit:
                branches.append(GoBranch(name, constant, comment, self.name_of(target.name), None))
                continue
            members = self.schema.all_members(target) if target else ()
            struct = self.struct(name, target.name if target else "", members, None, comment)
            branches.append(GoBranch(name, constant, comment, "", struct))
        return tuple(branches)

    def alternate(self, alt: AlternateType) -> GoAlternate:
        """The model of an alternate."""
        name = self.name_of(alt.name)
        doc = self.schema.doc_for(alt.name)
        texts = member_texts(doc)
        namer = Namer(STRUCT_METHODS)
        branches = []
        entries = []
        for branch in alt.branches:
            field = namer.claim(exported(branch.name))
            kind = self.types.kind(branch.type)
            branches.append((field, kind, self.types.go_type(branch.type)))
            comment = member_comment(texts.get(branch.name, ""), (), branch.condition, doc)
            entries.append(Entry(tuple(comment), (field, "*" + self.types.go_type(branch.type))))
        return GoAlternate(
            name=name,
            comment=tuple(self._comment(name, "alternate", alt)),
            lines=tuple(layout(entries)),
            branches=tuple(branches),
            expected=" or ".join(kind for _, kind, _ in branches),
        )

