"""What the templates show: definitions, member tables and branches, computed from the IR.

Doc text is collected as :class:`Prose` while the pages are built and rendered
afterwards in one batch per page (see :mod:`.rst`).
"""

from __future__ import annotations

import attrs

from qapi_ir.ir import (
    AlternateType,
    ArrayType,
    BuiltinType,
    Command,
    Condition,
    Definition,
    Doc,
    DocSection,
    EnumType,
    Event,
    Feature,
    Location,
    Member,
    ObjectType,
    Schema,
    condition_text,
)

from .describe import badges, is_newer, parse_version, since_note
from .links import Linker, anchor, member_anchor
from .rst import Resolver, Text


@attrs.define
class Prose:
    """A piece of doc text and, once rendered, its HTML."""

    source: Text | None
    html: str = ""


@attrs.frozen
class TypeRef:
    """A type as a page names it: ``url`` is None for built-in types; arrays are ``[T]``."""

    name: str
    url: str | None
    is_array: bool = False


@attrs.frozen
class FeatureRow:
    """A feature with its description; special ones are shown as badges."""

    name: str
    condition: str | None
    description: Prose
    is_special: bool


@attrs.frozen
class Row:
    """A row of a members, values or branches table."""

    name: str
    anchor: str | None
    type: TypeRef | None
    optional: bool
    condition: str | None
    features: tuple[str, ...]
    description: Prose
    inherited_from: TypeRef | None = None
    is_new: bool = False


@attrs.frozen
class BranchView:
    """The members a union adds when its tag has value ``value``."""

    value: str
    type: TypeRef
    condition: str | None
    rows: tuple[Row, ...]


@attrs.frozen
class SectionView:
    """A section after the members: ``title`` is ``Errors``, ``Since`` or None (plain)."""

    title: str | None
    body: Prose


@attrs.frozen
class DefinitionView:
    """One command, event or type with everything its section shows."""

    kind: str
    name: str
    anchor: str
    location: Location | None
    condition: str | None
    badges: tuple[str, ...]
    is_new: bool
    body: Prose
    members_title: str
    rows: tuple[Row, ...]
    branches_tag: str | None
    branches: tuple[BranchView, ...]
    features: tuple[FeatureRow, ...]
    returns: TypeRef | None
    returns_text: Prose | None
    sections: tuple[SectionView, ...]
    since: str | None


def _cond(condition: Condition | None) -> str | None:
    return condition_text(condition) if condition is not None else None


def kind_label(definition: Definition) -> str:
    """The kind of definition as the manual names it."""
    if isinstance(definition, ObjectType):
        return "Union" if definition.is_union else "Struct"
    return {
        Command: "Command", Event: "Event", EnumType: "Enum",
        AlternateType: "Alternate", ArrayType: "Array", BuiltinType: "Built-in type",
    }[type(definition)]


class ViewBuilder:
    """Builds :class:`DefinitionView` objects, collecting their doc text as :class:`Prose`."""

    def __init__(self, schema: Schema, linker: Linker, since: tuple[int, ...] | None) -> None:
        self.schema = schema
        self.linker = linker
        self.since = since
        self.prose: list[Prose] = []

    def _prose(self, section: DocSection | None, resolver: Resolver) -> Prose:
        if section is None or not section.text.strip():
            return Prose(None)
        prose = Prose(Text(section.text, section.location, resolver, section.kind != "Plain"))
        self.prose.append(prose)
        return prose

    def type_ref(self, name: str) -> TypeRef:
        """How a member's type is shown and linked."""
        found = self.schema.lookup_type(name)
        if isinstance(found, ArrayType):
            return attrs.evolve(self.type_ref(found.element_type), is_array=True)
        return TypeRef(name, self.linker.url(name))

    def definition(self, definition: Definition) -> DefinitionView:
        """The view of a definition that has a section of its own."""
        doc = self.schema.doc_for(definition.name)
        own = anchor(definition)
        resolver = Resolver(self.linker.url, self._member_anchors(definition))
        sections = doc.sections if doc else ()
        since_section = next((s for s in sections if s.kind == "Since"), None)
        since = since_section.text.strip() if since_section else None
        rows, members_title, tag, branches = self._layout(definition, doc, resolver)
        features = getattr(definition, "features", ())
        returns = (self.type_ref(definition.ret_type)
                   if isinstance(definition, Command) and definition.ret_type else None)
        returns_section = next((s for s in sections if s.kind == "Returns"), None)
        return DefinitionView(
            kind=kind_label(definition),
            name=definition.name,
            anchor=own,
            location=getattr(definition, "location", None),
            condition=_cond(getattr(definition, "condition", None)),
            badges=badges(features),
            is_new=is_newer(parse_version(since) if since else None, self.since),
            body=self._prose(doc.body if doc else None, resolver),
            members_title=members_title,
            rows=rows,
            branches_tag=tag,
            branches=branches,
            features=self._features(features, doc, resolver),
            returns=returns,
            returns_text=(self._prose(returns_section, resolver)
                          if returns_section else None),
            sections=tuple(
                SectionView(None if s.kind == "Plain" else s.kind, self._prose(s, resolver))
                for s in sections if s.kind not in ("Todo", "Returns", "Since")
            ),
            since=since,
        )

    def _member_anchors(self, definition: Definition) -> dict[str, str]:
        names: list[str] = []
        if isinstance(definition, EnumType):
            names = [v.name for v in definition.values]
        elif isinstance(definition, AlternateType):
            names = [b.name for b in definition.branches]
        elif isinstance(definition, ObjectType):
            names = [m.name for m in self.schema.all_members(definition)]
        elif isinstance(definition, Command | Event) and definition.arg_type:
            arg = self.schema.lookup_type(definition.arg_type)
            if isinstance(arg, ObjectType):
                names = [m.name for m in self.schema.all_members(arg)]
        return {n: f"#{member_anchor(definition.name, n)}" for n in names}

    def _features(
        self, features: tuple[Feature, ...], doc: Doc | None, resolver: Resolver
    ) -> tuple[FeatureRow, ...]:
        described = {s.name: s for s in doc.features} if doc else {}
        return tuple(
            FeatureRow(f.name, _cond(f.condition),
                       self._prose(described.get(f.name), resolver), f.is_special)
            for f in features
        )

    def _layout(
        self, definition: Definition, doc: Doc | None, resolver: Resolver
    ) -> tuple[tuple[Row, ...], str, str | None, tuple[BranchView, ...]]:
        described = {s.name: s for s in doc.args} if doc else {}
        if isinstance(definition, EnumType):
            return tuple(
                self._row(definition.name, v.name, None, False, v.condition, v.features,
                          described.get(v.name), resolver)
                for v in definition.values
            ), "Values", None, ()
        if isinstance(definition, AlternateType):
            return tuple(
                self._row(definition.name, b.name, b.type, False, b.condition, (),
                          described.get(b.name), resolver)
                for b in definition.branches
            ), "Members", None, ()
        if isinstance(definition, ObjectType):
            return self._object(definition.name, definition, doc, resolver)
        if isinstance(definition, Command | Event) and definition.arg_type:
            title = "Arguments" if isinstance(definition, Command) else "Data"
            arg = self.schema.object_type(definition.arg_type)
            arg_doc = doc if arg.is_implicit else self.schema.doc_for(arg.name)
            rows, _, tag, branches = self._object(definition.name, arg, arg_doc, resolver)
            if not arg.is_implicit:
                title = f"{title}: the members of {arg.name}"
            return rows, title, tag, branches
        return (), "Members", None, ()

    def _object(
        self, owner: str, obj: ObjectType, doc: Doc | None, resolver: Resolver
    ) -> tuple[tuple[Row, ...], str, str | None, tuple[BranchView, ...]]:
        """Members of ``obj`` shown in the section of ``owner`` (itself, a command or event)."""
        rows = tuple(self._members(owner, obj, doc, resolver, top=obj))
        branches: tuple[BranchView, ...] = ()
        tag = None
        if obj.variants is not None:
            tag = obj.variants.tag
            branches = tuple(
                BranchView(b.name, self.type_ref(b.type), _cond(b.condition),
                           self._branch_rows(b.type))
                for b in obj.variants.branches
            )
        return rows, "Members", tag, branches

    def _members(
        self, owner: str, obj: ObjectType, doc: Doc | None, resolver: Resolver,
        top: ObjectType,
    ) -> list[Row]:
        rows: list[Row] = []
        if obj.base is not None:
            base = self.schema.object_type(obj.base)
            base_doc = doc if base.is_implicit else self.schema.doc_for(base.name)
            rows = self._members(owner, base, base_doc, resolver, top)
        own_doc = doc if obj.is_implicit or obj is top else self.schema.doc_for(obj.name)
        described = {s.name: s for s in own_doc.args} if own_doc else {}
        inherited = None if obj is top or obj.is_implicit else self.type_ref(obj.name)
        for member in obj.members:
            rows.append(self._member_row(owner, member, described.get(member.name),
                                         resolver, inherited))
        return rows

    def _member_row(
        self, owner: str, member: Member, section: DocSection | None, resolver: Resolver,
        inherited: TypeRef | None,
    ) -> Row:
        row = self._row(owner, member.name, member.type, member.optional, member.condition,
                        member.features, section, resolver)
        return attrs.evolve(row, inherited_from=inherited)

    def _branch_rows(self, name: str) -> tuple[Row, ...]:
        branch = self.schema.object_type(name)
        doc = self.schema.doc_for(name)
        urls = {m.name: self.linker.member_url(name, m.name)
                for m in self.schema.all_members(branch)}
        resolver = Resolver(self.linker.url, {n: u for n, u in urls.items() if u})
        rows = self._members(name, branch, doc, resolver, top=branch)
        return tuple(attrs.evolve(r, anchor=None) for r in rows)

    def _row(
        self, owner: str, name: str, type_name: str | None, optional: bool,
        condition: Condition | None, features: tuple[Feature, ...],
        section: DocSection | None, resolver: Resolver,
    ) -> Row:
        return Row(
            name=name,
            anchor=member_anchor(owner, name),
            type=self.type_ref(type_name) if type_name else None,
            optional=optional,
            condition=_cond(condition),
            features=tuple(f.name for f in features),
            description=self._prose(section, resolver),
            is_new=is_newer(since_note(section.text) if section else None, self.since),
        )
