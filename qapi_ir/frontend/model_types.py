"""The definitions of a schema and their semantic checks.

These mirror the entity classes of QEMU's ``scripts/qapi/schema.py`` and
report the same errors in the same order; they live only inside the front
end and are lowered into :mod:`qapi_ir.ir` once the whole schema checks out.

Derived from QEMU's ``scripts/qapi/schema.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qapi_ir.language import ALTERNATE_QTYPES, alternate_conflicts

from .doc import QAPIDoc
from .errors import QAPISemError
from .model_parts import (
    QAPISchemaEnumMember,
    QAPISchemaFeature,
    QAPISchemaIfCond,
    QAPISchemaMember,
    QAPISchemaObjectTypeMember,
)
from .source import QAPISourceInfo

if TYPE_CHECKING:
    from .model_variants import QAPISchemaAlternatives, QAPISchemaBranches
    from .schema_model import QAPISchema, QAPISchemaModule

BUILTIN_MODULE_NAME = './builtin'


class QAPISchemaEntity:
    """Anything that goes into a module: a definition or an include directive."""

    def __init__(self, info: QAPISourceInfo | None) -> None:
        self.info = info
        self.module: QAPISchemaModule | None = None
        self._checked = False

    def check(self, schema: QAPISchema) -> None:
        """Check this entity against the rest of ``schema``."""
        self._checked = True

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link members and features to the doc comment."""

    def _set_module(self, schema: QAPISchema, info: QAPISourceInfo | None) -> None:
        assert self._checked
        fname = info.fname if info else BUILTIN_MODULE_NAME
        self.module = schema.module_by_fname(fname)
        self.module.add_entity(self)

    def set_module(self, schema: QAPISchema) -> None:
        """Add this entity to the module of the file that defines it."""
        self._set_module(schema, self.info)


class QAPISchemaInclude(QAPISchemaEntity):
    """An include directive of ``sub_module``."""

    def __init__(self, sub_module: QAPISchemaModule, info: QAPISourceInfo) -> None:
        super().__init__(info)
        self.sub_module = sub_module


class QAPISchemaDefinition(QAPISchemaEntity):
    """A named definition with a condition, features and documentation."""

    meta = ''

    def __init__(self, name: str, info: QAPISourceInfo | None, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None = None,
                 features: list[QAPISchemaFeature] | None = None) -> None:
        super().__init__(info)
        for feature in features or []:
            feature.set_defined_in(name)
        self.name = name
        self.doc = doc
        self.ifcond = ifcond or QAPISchemaIfCond()
        self.features = features or []

    def check(self, schema: QAPISchema) -> None:
        """Reject clashing features."""
        assert not self._checked
        super().check(schema)
        seen: dict[str, QAPISchemaMember] = {}
        for feature in self.features:
            feature.check_clash(self.info, seen)

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link the features to the doc comment."""
        doc = doc or self.doc
        if doc:
            for feature in self.features:
                doc.connect_feature(feature)

    def is_implicit(self) -> bool:
        """Whether the front end made this definition up."""
        return not self.info

    def describe(self) -> str:
        """How error messages name this, e.g. ``command 'foo'``."""
        return f"{self.meta} '{self.name}'"


class QAPISchemaType(QAPISchemaDefinition):
    """A type."""

    def check(self, schema: QAPISchema) -> None:
        """Also reject special features, which types cannot have."""
        super().check(schema)
        for feature in self.features:
            if feature.is_special():
                raise QAPISemError(
                    self.info, f"feature '{feature.name}' is not supported for types")

    def json_type(self) -> str | None:
        """The JSON type of the values, as introspection names it."""
        return None

    def alternate_qtype(self) -> str | None:
        """The QType that tells this type apart in an alternate, if any."""
        return ALTERNATE_QTYPES.get(self.json_type() or '')

    def describe(self) -> str:
        """How error messages name this, e.g. ``enum type 'E'``."""
        return f"{self.meta} type '{self.name}'"


class QAPISchemaBuiltinType(QAPISchemaType):
    """A predefined scalar type."""

    meta = 'built-in'

    def __init__(self, name: str, json_type: str) -> None:
        super().__init__(name, None, None)
        self._json_type = json_type

    def json_type(self) -> str:
        """The JSON type: string, number, int, boolean, null or value."""
        return self._json_type


class QAPISchemaEnumType(QAPISchemaType):
    """An enumeration."""

    meta = 'enum'

    def __init__(self, name: str, info: QAPISourceInfo | None, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None, features: list[QAPISchemaFeature] | None,
                 members: list[QAPISchemaEnumMember], prefix: str | None) -> None:
        super().__init__(name, info, doc, ifcond, features)
        for member in members:
            member.set_defined_in(name)
        self.members = members
        self.prefix = prefix

    def check(self, schema: QAPISchema) -> None:
        """Also reject clashing values."""
        super().check(schema)
        seen: dict[str, QAPISchemaMember] = {}
        for member in self.members:
            member.check_clash(self.info, seen)

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link features and values to the doc comment."""
        super().connect_doc(doc)
        doc = doc or self.doc
        for member in self.members:
            member.connect_doc(doc)

    def json_type(self) -> str:
        """Enumeration values travel as strings."""
        return 'string'


class QAPISchemaArrayType(QAPISchemaType):
    """An array of ``element_type_name``, in its element type's module and under its condition."""

    meta = 'array'

    def __init__(self, name: str, info: QAPISourceInfo | None, element_type: str) -> None:
        super().__init__(name, info, None)
        self.element_type_name = element_type
        self._element_type: QAPISchemaType | None = None

    @property
    def element_type(self) -> QAPISchemaType:
        """The element type (available once checked)."""
        assert self._element_type is not None
        return self._element_type

    def check(self, schema: QAPISchema) -> None:
        """Resolve the element type."""
        super().check(schema)
        self._element_type = schema.resolve_type(
            self.element_type_name, self.info, self.info.defn_meta if self.info else None)
        assert not isinstance(self._element_type, QAPISchemaArrayType)
        self.ifcond = self._element_type.ifcond

    def set_module(self, schema: QAPISchema) -> None:
        """Put the array in its element type's module."""
        self._set_module(schema, self.element_type.info)

    def is_implicit(self) -> bool:
        """Array types are always made up by the front end."""
        return True

    def json_type(self) -> str:
        """Arrays travel as JSON arrays."""
        return 'array'

    def describe(self) -> str:
        """How error messages name this, e.g. ``array type ['int']``."""
        return f"{self.meta} type ['{self.element_type_name}']"


class QAPISchemaObjectType(QAPISchemaType):
    """A struct, union or implicit object type."""

    def __init__(self, name: str, info: QAPISourceInfo | None, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None, features: list[QAPISchemaFeature] | None,
                 base: str | None, local_members: list[QAPISchemaObjectTypeMember],
                 branches: QAPISchemaBranches | None) -> None:
        super().__init__(name, info, doc, ifcond, features)
        self.meta = 'union' if branches else 'struct'
        for member in local_members:
            member.set_defined_in(name)
        if branches is not None:
            branches.set_defined_in(name)
        self.base_name = base
        self.base: QAPISchemaObjectType | None = None
        self.local_members = local_members
        self.branches = branches
        self.members: list[QAPISchemaObjectTypeMember] = []
        self._check_complete = False

    def check(self, schema: QAPISchema) -> None:
        """Resolve base and members, reject clashes and a type containing itself."""
        if self._check_complete:
            return
        if self._checked:
            raise QAPISemError(self.info, f"object {self.name} contains itself")
        super().check(schema)
        seen: dict[str, QAPISchemaMember] = {}
        if self.base_name:
            base = schema.resolve_type(self.base_name, self.info, "'base'")
            if not isinstance(base, QAPISchemaObjectType) or base.branches:
                raise QAPISemError(
                    self.info, f"'base' requires a struct type, {base.describe()} isn't")
            self.base = base
            base.check(schema)
            base.check_clash(self.info, seen)
        for member in self.local_members:
            member.check(schema)
            member.check_clash(self.info, seen)
        members = [m for m in seen.values() if isinstance(m, QAPISchemaObjectTypeMember)]
        if self.branches:
            self.branches.check(schema, seen)
            self.branches.check_clash(self.info, seen)
        self.members = members
        self._check_complete = True

    def check_clash(self, info: QAPISourceInfo | None,
                    seen: dict[str, QAPISchemaMember]) -> None:
        """Reject members (branches included) that clash with those in ``seen``."""
        assert self._checked
        for member in self.members:
            member.check_clash(info, seen)
        if self.branches:
            self.branches.check_clash(info, seen)

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link features, an implicit base's members and local members to the doc."""
        super().connect_doc(doc)
        doc = doc or self.doc
        if self.base and self.base.is_implicit():
            self.base.connect_doc(doc)
        for member in self.local_members:
            member.connect_doc(doc)

    def is_implicit(self) -> bool:
        """Whether this is q_empty or an implicit argument, data or base type."""
        return self.name.startswith('q_')

    def has_conditional_members(self) -> bool:
        """Whether any member has a condition."""
        return any(m.ifcond.is_present() for m in self.members)

    def json_type(self) -> str:
        """Objects travel as JSON objects."""
        return 'object'


class QAPISchemaAlternateType(QAPISchemaType):
    """An alternate: a value of one of several types, told apart by JSON type."""

    meta = 'alternate'

    def __init__(self, name: str, info: QAPISourceInfo, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None, features: list[QAPISchemaFeature] | None,
                 alternatives: QAPISchemaAlternatives) -> None:
        super().__init__(name, info, doc, ifcond, features)
        alternatives.set_defined_in(name)
        alternatives.tag_member.set_defined_in(name)
        self.alternatives = alternatives

    def check(self, schema: QAPISchema) -> None:
        """Resolve branches; reject clashes and branches JSON cannot tell apart."""
        super().check(schema)
        self.alternatives.tag_member.check(schema)
        self.alternatives.check(schema, {})
        seen: dict[str, QAPISchemaMember] = {}
        types_seen: dict[str, str] = {}
        for variant in self.alternatives.variants:
            variant.check_clash(self.info, seen)
            qtype = variant.type.alternate_qtype()
            if not qtype:
                raise QAPISemError(
                    self.info,
                    f"{variant.describe(self.info)} cannot use {variant.type.describe()}")
            for conflict in _conflicting_qtypes(variant.type):
                if conflict in types_seen:
                    raise QAPISemError(
                        self.info, f"{variant.describe(self.info)} can't be distinguished"
                        f" from '{types_seen[conflict]}'")
                types_seen[conflict] = variant.name

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link features and branches to the doc comment."""
        super().connect_doc(doc)
        doc = doc or self.doc
        for variant in self.alternatives.variants:
            variant.connect_doc(doc)

    def json_type(self) -> str:
        """An alternate's values may be of any JSON type."""
        return 'value'


def _conflicting_qtypes(typ: QAPISchemaType) -> list[str]:
    """The QTypes a branch of type ``typ`` claims: strings may also parse as numbers."""
    values = [m.name for m in typ.members] if isinstance(typ, QAPISchemaEnumType) else None
    return alternate_conflicts(typ.json_type() or '', values)


class _QAPISchemaCall(QAPISchemaDefinition):
    """What commands and events share: an argument type, possibly boxed, and flags by name."""

    def __init__(self, name: str, info: QAPISourceInfo, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None, features: list[QAPISchemaFeature] | None,
                 arg_type: str | None, flags: dict[str, bool]) -> None:
        super().__init__(name, info, doc, ifcond, features)
        self.arg_type_name = arg_type
        self.arg_type: QAPISchemaObjectType | None = None
        self.flags = flags
        self.boxed = flags['boxed']

    def check(self, schema: QAPISchema) -> None:
        """Resolve the argument type; unions and conditional members need boxing."""
        super().check(schema)
        if not self.arg_type_name:
            return
        what = f"{self.meta}'s 'data'"
        typ = schema.resolve_type(self.arg_type_name, self.info, what)
        if not isinstance(typ, QAPISchemaObjectType):
            raise QAPISemError(self.info, f"{what} cannot take {typ.describe()}")
        self.arg_type = typ
        if typ.branches and not self.boxed:
            raise QAPISemError(
                self.info, f"{what} can take {typ.describe()} only with 'boxed': true")
        typ.check(schema)
        if typ.has_conditional_members() and not self.boxed:
            raise QAPISemError(
                self.info, f"conditional {self.meta} arguments require 'boxed': true")

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Link features and implicit argument members to the doc comment."""
        super().connect_doc(doc)
        doc = doc or self.doc
        if doc and self.arg_type and self.arg_type.is_implicit():
            self.arg_type.connect_doc(doc)


class QAPISchemaCommand(_QAPISchemaCall):
    """A command with its flags."""

    meta = 'command'

    def __init__(self, name: str, info: QAPISourceInfo, doc: QAPIDoc | None,
                 ifcond: QAPISchemaIfCond | None, features: list[QAPISchemaFeature] | None,
                 arg_type: str | None, ret_type: str | None, flags: dict[str, bool]) -> None:
        super().__init__(name, info, doc, ifcond, features, arg_type, flags)
        self.ret_type_name = ret_type
        self.ret_type: QAPISchemaType | None = None

    def check(self, schema: QAPISchema) -> None:
        """Also resolve the return type, which must be an object (or array of them)."""
        super().check(schema)
        if not self.ret_type_name:
            return
        assert self.info
        self.ret_type = schema.resolve_type(self.ret_type_name, self.info, "command's 'returns'")
        if self.name in self.info.pragma.command_returns_exceptions:
            return
        typ = self.ret_type
        if isinstance(typ, QAPISchemaArrayType):
            typ = typ.element_type
        if not isinstance(typ, QAPISchemaObjectType):
            raise QAPISemError(
                self.info, f"command's 'returns' cannot take {self.ret_type.describe()}")

    def connect_doc(self, doc: QAPIDoc | None = None) -> None:
        """Also give a documented command that returns something a Returns section."""
        super().connect_doc(doc)
        doc = doc or self.doc
        if doc and self.ret_type and self.info:
            doc.ensure_returns(self.info)


class QAPISchemaEvent(_QAPISchemaCall):
    """An event."""

    meta = 'event'
