"""The intermediate representation: a frozen, acyclic description of a QAPI schema.

Everything a backend needs is here, and nothing of the parser: types are
referenced by name, implicit types (command arguments, event data, union bases,
arrays) are ordinary entries, and :class:`Schema` offers constant-time lookup.
The IR knows nothing about C or Python; naming rules live in the backends.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TypeAlias

import attrs

from qapi_ir import flags

#: The module that holds the built-in types.
BUILTIN_MODULE = "./builtin"

#: The predefined object type without members (the type of branches that add nothing).
EMPTY_OBJECT = "q_empty"

#: Feature names with a meaning the generator knows about.
SPECIAL_FEATURES = ("deprecated", "unstable")


@attrs.frozen
class Location:
    """Where something was defined: a schema file (as QAPI names modules) and a line."""

    file: str
    line: int


# ---------------------------------------------------------------- conditions


@attrs.frozen
class IfName:
    """A configuration symbol, true when defined."""

    name: str


@attrs.frozen
class IfAll:
    """True when every operand is true."""

    operands: tuple[Condition, ...]


@attrs.frozen
class IfAny:
    """True when at least one operand is true."""

    operands: tuple[Condition, ...]


@attrs.frozen
class IfNot:
    """True when the operand is false."""

    operand: Condition


Condition: TypeAlias = IfName | IfAll | IfAny | IfNot


def condition_text(condition: Condition) -> str:
    """The condition in words, for people: ``CONFIG_A and not (CONFIG_B or CONFIG_C)``."""
    return _condition_words(condition, nested=False)


def _condition_words(condition: Condition, nested: bool) -> str:
    if isinstance(condition, IfName):
        return condition.name
    if isinstance(condition, IfNot):
        return f"not {_condition_words(condition.operand, nested=True)}"
    joiner = " and " if isinstance(condition, IfAll) else " or "
    text = joiner.join(_condition_words(op, nested=True) for op in condition.operands)
    return f"({text})" if nested and len(condition.operands) > 1 else text


# ---------------------------------------------------------------- docs


@attrs.frozen
class DocSection:
    """A section of a doc comment.

    ``kind`` is one of ``Plain``, ``Member``, ``Feature``, ``Returns``,
    ``Errors``, ``Since``, ``Todo``; ``name`` is the member or feature
    described (``None`` for other kinds).
    """

    kind: str
    text: str
    location: Location
    name: str | None = None


@attrs.frozen
class Doc:
    """A doc comment: free-form (``symbol`` is ``None``) or describing a definition.

    ``args`` describes every member of the definition (undocumented ones with
    empty text), ``features`` every feature, ``sections`` the sections after
    them, in source order.
    """

    location: Location
    symbol: str | None
    body: DocSection
    args: tuple[DocSection, ...] = ()
    features: tuple[DocSection, ...] = ()
    sections: tuple[DocSection, ...] = ()


# ---------------------------------------------------------------- parts


@attrs.frozen
class Feature:
    """A feature of a definition or member; ``deprecated`` and ``unstable`` are special."""

    name: str
    condition: Condition | None = None

    @property
    def is_special(self) -> bool:
        """Whether the generator gives this feature a meaning of its own."""
        return self.name in SPECIAL_FEATURES


@attrs.frozen
class EnumValue:
    """One value of an enumeration."""

    name: str
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()


@attrs.frozen
class Member:
    """A member of an object type; ``type`` names its type."""

    name: str
    type: str
    optional: bool = False
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()


@attrs.frozen
class Branch:
    """A branch of a union or alternate: the tag value ``name`` selects type ``type``."""

    name: str
    type: str
    condition: Condition | None = None


@attrs.frozen
class Variants:
    """The branches of a union, selected by the member named ``tag``."""

    tag: str
    branches: tuple[Branch, ...]


# ---------------------------------------------------------------- entities


@attrs.frozen
class BuiltinType:
    """A predefined scalar type; ``json_type`` is its JSON type as introspection names it."""

    name: str
    json_type: str
    module: str = BUILTIN_MODULE


@attrs.frozen
class EnumType:
    """An enumeration; ``prefix`` overrides the prefix of generated constants."""

    name: str
    location: Location | None
    module: str
    values: tuple[EnumValue, ...]
    prefix: str | None = None
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()


@attrs.frozen
class ObjectType:
    """A struct, a union (``variants`` set) or an implicit object type.

    ``members`` holds the local members only; :meth:`Schema.all_members`
    prepends the base's.
    """

    name: str
    location: Location | None
    module: str
    members: tuple[Member, ...] = ()
    base: str | None = None
    variants: Variants | None = None
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()

    @property
    def is_implicit(self) -> bool:
        """Whether the type was made by the front end (argument, data, base, empty)."""
        return self.name.startswith("q_")

    @property
    def is_union(self) -> bool:
        """Whether the type has branches."""
        return self.variants is not None


@attrs.frozen
class ArrayType:
    """An array of ``element_type``; its condition is the element type's."""

    name: str
    location: Location | None
    module: str
    element_type: str
    condition: Condition | None = None


@attrs.frozen
class AlternateType:
    """A value of one of several types, told apart by JSON type (tag ``type``, a QType)."""

    name: str
    location: Location | None
    module: str
    branches: tuple[Branch, ...]
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()


def _flags_field(owner: str) -> tuple[str, ...]:
    """The ``flags`` field of a definition of kind ``owner``: its defaults from the table."""
    return attrs.field(
        factory=functools.partial(flags.default_true, owner), metadata={"flags_of": owner})


@attrs.frozen
class Command:
    """A QMP command with its argument type, return type and flags.

    ``flags`` names the flags that are true, in the order of
    :data:`qapi_ir.flags.FLAGS`; :meth:`flag` reads one.
    """

    name: str
    location: Location | None
    module: str
    arg_type: str | None = None
    ret_type: str | None = None
    flags: tuple[str, ...] = _flags_field("command")
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()

    def flag(self, name: str) -> bool:
        """The value of the flag ``name`` (a row of :data:`qapi_ir.flags.FLAGS`)."""
        return _flag_value(self.flags, name)


@attrs.frozen
class Event:
    """A QMP event with its data type and flags (as :class:`Command`'s)."""

    name: str
    location: Location | None
    module: str
    arg_type: str | None = None
    flags: tuple[str, ...] = _flags_field("event")
    condition: Condition | None = None
    features: tuple[Feature, ...] = ()

    def flag(self, name: str) -> bool:
        """The value of the flag ``name`` (a row of :data:`qapi_ir.flags.FLAGS`)."""
        return _flag_value(self.flags, name)


def _flag_value(true_flags: tuple[str, ...], name: str) -> bool:
    if name in true_flags:
        return True
    flags.flag_named(name)  # a misspelt name fails rather than reads as false
    return False


@attrs.frozen
class Include:
    """An include directive of ``module``, naming the included module ``target``."""

    module: str
    target: str
    location: Location


Type: TypeAlias = BuiltinType | EnumType | ObjectType | ArrayType | AlternateType
Definition: TypeAlias = Type | Command | Event
Entity: TypeAlias = Definition | Include

TYPE_CLASSES = (BuiltinType, EnumType, ObjectType, ArrayType, AlternateType)


def json_type(typ: Type) -> str:
    """The JSON type of values of ``typ`` as introspection names it.

    A built-in type's own (``string``, ``number``, ``int``, ``boolean``, ``null``,
    ``value``), ``string`` for an enum, ``array``, ``object``, and ``value`` for
    an alternate.
    """
    match typ:
        case BuiltinType(json_type=json):
            return json
        case EnumType():
            return "string"
        case ArrayType():
            return "array"
        case ObjectType():
            return "object"
        case AlternateType():
            return "value"


@attrs.frozen
class Module:
    """A schema file (or the built-in module ``./builtin``)."""

    name: str

    @property
    def is_builtin(self) -> bool:
        """Whether this is the module of the predefined types."""
        return self.name == BUILTIN_MODULE


def _index_by_name(entities: tuple[Entity, ...]) -> dict[str, Definition]:
    return {e.name: e for e in entities if not isinstance(e, Include)}


def _index_by_module(entities: tuple[Entity, ...]) -> dict[str, tuple[Entity, ...]]:
    grouped: dict[str, list[Entity]] = {}
    for entity in entities:
        grouped.setdefault(entity.module, []).append(entity)
    return {name: tuple(group) for name, group in grouped.items()}


def _index_docs(docs: tuple[Doc, ...]) -> dict[str, Doc]:
    return {doc.symbol: doc for doc in docs if doc.symbol is not None}


@attrs.frozen
class Schema:
    """A whole schema: modules in order, entities in definition order, doc comments.

    The main module is the first module that is not built-in.
    """

    modules: tuple[Module, ...]
    entities: tuple[Entity, ...]
    docs: tuple[Doc, ...] = ()
    _by_name: dict[str, Definition] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _by_module: dict[str, tuple[Entity, ...]] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _doc_by_symbol: dict[str, Doc] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", _index_by_name(self.entities))
        object.__setattr__(self, "_by_module", _index_by_module(self.entities))
        object.__setattr__(self, "_doc_by_symbol", _index_docs(self.docs))

    @property
    def main_module(self) -> Module | None:
        """The schema file that was read first, if any."""
        return next((m for m in self.modules if not m.is_builtin), None)

    def definitions(self) -> Iterator[Definition]:
        """Every named entity, in definition order."""
        return (e for e in self.entities if not isinstance(e, Include))

    def lookup(self, name: str) -> Definition | None:
        """The definition called ``name``, if any."""
        return self._by_name.get(name)

    def lookup_type(self, name: str) -> Type | None:
        """The type called ``name``, if there is one."""
        found = self._by_name.get(name)
        return found if isinstance(found, TYPE_CLASSES) else None

    def type(self, name: str) -> Type:
        """The type called ``name``; raises ``KeyError`` when there is none."""
        found = self.lookup_type(name)
        if found is None:
            raise KeyError(name)
        return found

    def object_type(self, name: str) -> ObjectType:
        """The object type called ``name``; raises ``KeyError`` when there is none."""
        found = self._by_name.get(name)
        if not isinstance(found, ObjectType):
            raise KeyError(name)
        return found

    def module_entities(self, module: str) -> tuple[Entity, ...]:
        """The entities of ``module``, in definition order."""
        return self._by_module.get(module, ())

    def doc_for(self, symbol: str) -> Doc | None:
        """The doc comment that documents ``symbol``, if any."""
        return self._doc_by_symbol.get(symbol)

    def all_members(self, obj: ObjectType) -> tuple[Member, ...]:
        """The members of ``obj``: its base's (recursively) first, then its own."""
        if obj.base is None:
            return obj.members
        return self.all_members(self.object_type(obj.base)) + obj.members
