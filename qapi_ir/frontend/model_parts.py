"""Parts of schema definitions: conditions, features, members, branches.

These mirror the member classes of QEMU's ``scripts/qapi/schema.py``; they
live only inside the front end, where the checks need them, and are lowered
into :mod:`qapi_ir.ir` afterwards.

Derived from QEMU's ``scripts/qapi/schema.py`` and ``scripts/qapi/common.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qapi_ir.language import implicit_object_parts, mangle

from .doc import QAPIDoc
from .errors import QAPISemError
from .source import QAPISourceInfo

if TYPE_CHECKING:
    from .model_types import QAPISchemaType
    from .schema_model import QAPISchema

# Words a generated C name must not be: C89 to C11 keywords, GCC and C++
# words, and identifiers some platforms define as macros.
_PROTECTED_WORDS = frozenset((
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "int", "long", "register", "return",
    "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union",
    "unsigned", "void", "volatile", "while", "inline", "restrict", "_Bool", "_Complex",
    "_Imaginary", "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn",
    "_Static_assert", "_Thread_local", "asm", "typeof", "bool", "catch", "class",
    "const_cast", "delete", "dynamic_cast", "explicit", "false", "friend", "mutable",
    "namespace", "new", "operator", "private", "protected", "public", "reinterpret_cast",
    "static_cast", "template", "this", "throw", "true", "try", "typeid", "typename",
    "using", "virtual", "wchar_t", "and", "and_eq", "bitand", "bitor", "compl", "not",
    "not_eq", "or", "or_eq", "xor", "xor_eq", "unix", "errno", "mips", "sparc", "i386",
    "linux",
))


def c_name(name: str) -> str:
    """The C identifier QEMU derives from ``name``, for clash checks only."""
    cname = mangle(name)
    if cname in _PROTECTED_WORDS or cname[:1].isdigit():
        return 'q_' + cname
    return cname


class QAPISchemaIfCond:
    """An ``'if'`` condition as written: a name, ``{'all'|'any': [...]}``, ``{'not': ...}``."""

    def __init__(self, ifcond: Any = None) -> None:
        self.ifcond = ifcond

    def is_present(self) -> bool:
        """Whether there is a condition at all."""
        return bool(self.ifcond)


class QAPISchemaMember:
    """An object member, enum value, branch or feature, named within its definition."""

    role = 'member'

    def __init__(self, name: str, info: QAPISourceInfo | None,
                 ifcond: QAPISchemaIfCond | None = None) -> None:
        self.name = name
        self.info = info
        self.ifcond = ifcond or QAPISchemaIfCond()
        self.defined_in: str | None = None

    def set_defined_in(self, name: str) -> None:
        """Record the name of the definition this belongs to."""
        assert not self.defined_in
        self.defined_in = name

    def check_clash(self, info: QAPISourceInfo | None,
                    seen: dict[str, QAPISchemaMember]) -> None:
        """Reject a name whose C name is already in ``seen``; then add it."""
        cname = c_name(self.name)
        if cname in seen:
            raise QAPISemError(
                info, f"{self.describe(info)} collides with {seen[cname].describe(info)}")
        seen[cname] = self

    def connect_doc(self, doc: QAPIDoc | None) -> None:
        """Link this to its description in ``doc``."""
        if doc:
            doc.connect_member(self)

    def describe(self, info: QAPISourceInfo | None) -> str:
        """How error messages at ``info`` name this, e.g. ``member 'a' of type 'T'``."""
        role = self.role
        meta = 'type'
        defined_in = self.defined_in
        assert defined_in
        implicit = implicit_object_parts(defined_in)
        if implicit:
            defined_in, owner_role = implicit
            if owner_role == 'arg':
                role = 'parameter'
                meta = 'command'
            else:
                role = 'base ' + role
        assert info is not None
        if defined_in != info.defn_name:
            return f"{role} '{self.name}' of {meta} '{defined_in}'"
        return f"{role} '{self.name}'"


class QAPISchemaFeature(QAPISchemaMember):
    """A feature of a definition or member."""

    role = 'feature'
    SPECIAL_NAMES = ('deprecated', 'unstable')

    def is_special(self) -> bool:
        """Whether the generator gives this feature a meaning of its own."""
        return self.name in self.SPECIAL_NAMES


def _adopt_features(owner: str, features: list[QAPISchemaFeature] | None
                    ) -> list[QAPISchemaFeature]:
    for feature in features or []:
        feature.set_defined_in(owner)
    return features or []


def _connect_features(doc: QAPIDoc | None, features: list[QAPISchemaFeature]) -> None:
    if doc:
        for feature in features:
            doc.connect_feature(feature)


class QAPISchemaEnumMember(QAPISchemaMember):
    """A value of an enumeration."""

    role = 'value'

    def __init__(self, name: str, info: QAPISourceInfo | None,
                 ifcond: QAPISchemaIfCond | None = None,
                 features: list[QAPISchemaFeature] | None = None) -> None:
        super().__init__(name, info, ifcond)
        self.features = _adopt_features(name, features)

    def connect_doc(self, doc: QAPIDoc | None) -> None:
        """Link this value and its features to their descriptions."""
        super().connect_doc(doc)
        _connect_features(doc, self.features)


class QAPISchemaObjectTypeMember(QAPISchemaMember):
    """A member of an object type, of type ``type`` once checked."""

    def __init__(self, name: str, info: QAPISourceInfo | None, typ: str, optional: bool,
                 ifcond: QAPISchemaIfCond | None = None,
                 features: list[QAPISchemaFeature] | None = None) -> None:
        super().__init__(name, info, ifcond)
        self.features = _adopt_features(name, features)
        self.type_name = typ
        self._type: QAPISchemaType | None = None
        self.optional = optional

    @property
    def type(self) -> QAPISchemaType:
        """The member's type (available once checked)."""
        assert self._type is not None
        return self._type

    def check(self, schema: QAPISchema) -> None:
        """Resolve the type; reject clashing features."""
        assert self.defined_in
        self._type = schema.resolve_type(self.type_name, self.info, self.describe)
        seen: dict[str, QAPISchemaMember] = {}
        for feature in self.features:
            feature.check_clash(self.info, seen)

    def connect_doc(self, doc: QAPIDoc | None) -> None:
        """Link this member and its features to their descriptions."""
        super().connect_doc(doc)
        _connect_features(doc, self.features)


class QAPISchemaVariant(QAPISchemaObjectTypeMember):
    """A branch of a union or alternate."""

    role = 'branch'

    def __init__(self, name: str, info: QAPISourceInfo | None, typ: str,
                 ifcond: QAPISchemaIfCond | None = None) -> None:
        super().__init__(name, info, typ, False, ifcond)
