"""What the templates show: definitions, member tables and branches, computed from the IR.

Doc text is collected as :class:`Prose` while the pages are built and rendered
afterwards in one batch per page (see :mod:`.rst`).
"""

from __future__ import annotations

import attrs

from qapi_ir.ir import (
    SPECIAL_FEATURES,
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
    """A type as a page names it: ``url`` is None for a type without a section (built-in
    types link to the index's legend); arrays are ``[T]``."""

    name: str
    url: str | None
    is_array: bool = False


@attrs.frozen
class MemberLink:
    """A member named in the text around a table, linked to its row when it has one."""

    name: str
    url: str | None


@attrs.frozen
class FeatureRow:
    """A feature with its description; special ones are shown as badges.

    ``members`` are the members carrying the feature: a "Features:" section
    describes those too, not only the features of the definition itself
    (``is_own``).
    """

    name: str
    condition: str | None
    description: Prose
    is_special: bool
    members: tuple[MemberLink, ...] = ()
    is_own: bool = True


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


#: The columns a table of rows may have, in order; the name and description are always there.
COLUMNS = ("Type", "Optional", "Condition", "Features")


@attrs.frozen
class Table:
    """Rows and the columns they need: a column every row leaves empty is left out."""

    rows: tuple[Row, ...]
    columns: tuple[str, ...]

    @classmethod
    def of(cls, rows: tuple[Row, ...], *, optional: bool = True) -> Table:
        """The table of ``rows``; ``optional`` is False where nothing can be optional."""
        used = {
            "Type": any(r.type for r in rows),
            "Optional": optional and any(r.type for r in rows),
            "Condition": any(r.condition for r in rows),
            "Features": any(r.features for r in rows),
        }
        return cls(rows, tuple(c for c in COLUMNS if used[c]))


@attrs.frozen
class BranchView:
    """The members a union adds when its tag has value ``value``."""

    value: str
    type: TypeRef
    condition: str | None
    table: Table


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
    members_of: TypeRef | None
    table: Table
    branches_tag: str | None
    branches: tuple[BranchView, ...]
    features: tuple[FeatureRow, ...]
    returns: TypeRef | None
    returns_text: Prose | None
    sections: tuple[SectionView, ...]
    since: str | None
    level: int = 2
    #: Notes from the release history: (text, URL of the release's page or ``None``).
    history_notes: tuple[tuple[str, str | None], ...] = ()

    @property
    def rows(self) -> tuple[Row, ...]:
        """The rows of the members table."""
        return self.table.rows


@attrs.frozen
class _Layout:
    """What :meth:`ViewBuilder._layout` computes: the members part of a section."""

    title: str
    table: Table
    members_of: TypeRef | None = None
    tag: str | None = None
    branches: tuple[BranchView, ...] = ()


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
        resolver = self.linker.resolver(self._member_anchors(definition))
        sections = doc.sections if doc else ()
        since_section = next((s for s in sections if s.kind == "Since"), None)
        since = since_section.text.strip() if since_section else None
        layout = self._layout(definition, doc, resolver)
        features = getattr(definition, "features", ())
        returns = (self.type_ref(definition.ret_type)
                   if isinstance(definition, Command) and definition.ret_type else None)
        returns_section = next((s for s in sections if s.kind == "Returns"), None)
        return DefinitionView(
            kind=kind_label(definition),
            name=definition.name,
            anchor=anchor(definition),
            location=getattr(definition, "location", None),
            condition=_cond(getattr(definition, "condition", None)),
            badges=badges(features),
            is_new=is_newer(parse_version(since) if since else None, self.since),
            body=self._prose(doc.body if doc else None, resolver),
            members_title=layout.title,
            members_of=layout.members_of,
            table=layout.table,
            branches_tag=layout.tag,
            branches=layout.branches,
            features=self._features(features, layout, doc, resolver),
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
        """Where ``@name`` in the definition's text points: a row of its table, or of the
        union its arguments are (a union argument is shown in its own section only)."""
        owner, names = definition.name, []
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
                if arg.is_union:
                    return {n: u for n in names
                            if (u := self.linker.member_url(arg.name, n)) is not None}
        return {n: f"#{member_anchor(owner, n)}" for n in names}

    def _features(
        self, features: tuple[Feature, ...], layout: _Layout, doc: Doc | None,
        resolver: Resolver,
    ) -> tuple[FeatureRow, ...]:
        """The definition's features and those the doc describes for its members."""
        described = {s.name: s for s in doc.features if s.name} if doc else {}
        own = {f.name: f for f in features}
        carriers: dict[str, list[MemberLink]] = {}
        for row in layout.table.rows:
            for name in row.features:
                carriers.setdefault(name, []).append(
                    MemberLink(row.name, f"#{row.anchor}" if row.anchor else None))
        names = [*own, *(n for n in described if n not in own)]
        return tuple(
            FeatureRow(
                name=name,
                condition=_cond(own[name].condition) if name in own else None,
                description=self._prose(described.get(name), resolver),
                is_special=name in SPECIAL_FEATURES,
                members=tuple(carriers.get(name, ())),
                is_own=name in own,
            )
            for name in names
        )

    def _layout(self, definition: Definition, doc: Doc | None, resolver: Resolver) -> _Layout:
        described = {s.name: s for s in doc.args} if doc else {}
        if isinstance(definition, EnumType):
            return _Layout("Values", Table.of(tuple(
                self._row(definition.name, v.name, None, False, v.condition, v.features,
                          described.get(v.name), resolver)
                for v in definition.values
            )))
        if isinstance(definition, AlternateType):
            return _Layout("Alternatives", Table.of(tuple(
                self._row(definition.name, b.name, b.type, False, b.condition, (),
                          described.get(b.name), resolver)
                for b in definition.branches
            ), optional=False))
        if isinstance(definition, ObjectType):
            return self._object(definition.name, definition, doc, resolver)
        if isinstance(definition, Command | Event) and definition.arg_type:
            title = "Arguments" if isinstance(definition, Command) else "Data"
            arg = self.schema.object_type(definition.arg_type)
            if arg.is_implicit:
                return attrs.evolve(self._object(definition.name, arg, doc, resolver),
                                    title=title)
            members_of = self.type_ref(arg.name)
            if arg.is_union:
                return _Layout(title, Table.of(()), members_of)
            layout = self._object(definition.name, arg, self.schema.doc_for(arg.name),
                                  resolver)
            return attrs.evolve(layout, title=title, members_of=members_of)
        return _Layout("Members", Table.of(()))

    def _object(
        self, owner: str, obj: ObjectType, doc: Doc | None, resolver: Resolver
    ) -> _Layout:
        """Members of ``obj`` shown in the section of ``owner`` (itself, a command or event)."""
        rows = tuple(self._members(owner, obj, doc, resolver, top=obj))
        if obj.variants is None:
            return _Layout("Members", Table.of(rows))
        branches = tuple(
            BranchView(b.name, self.type_ref(b.type), _cond(b.condition),
                       self._branch_table(b.type))
            for b in obj.variants.branches
        )
        return _Layout("Members", Table.of(rows), tag=obj.variants.tag, branches=branches)

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

    def _branch_table(self, name: str) -> Table:
        branch = self.schema.object_type(name)
        doc = self.schema.doc_for(name)
        urls = {m.name: self.linker.member_url(name, m.name)
                for m in self.schema.all_members(branch)}
        resolver = self.linker.resolver({n: u for n, u in urls.items() if u})
        rows = self._members(name, branch, doc, resolver, top=branch)
        return Table.of(tuple(attrs.evolve(r, anchor=None) for r in rows))

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
