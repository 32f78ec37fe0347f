"""The branches of unions and alternates, and their checks.

These mirror QEMU's ``QAPISchemaVariants`` family: a union's branches are
selected by a discriminator member of its base (values without a branch get
the empty type ``q_empty``); an alternate's by the JSON type of the value.

Derived from QEMU's ``scripts/qapi/schema.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import QAPISemError
from .model_parts import QAPISchemaMember, QAPISchemaObjectTypeMember, QAPISchemaVariant, c_name
from .model_types import QAPISchemaEnumType, QAPISchemaObjectType
from .source import QAPISourceInfo

if TYPE_CHECKING:
    from .schema_model import QAPISchema


class QAPISchemaVariants:
    """The branches of a union or an alternate."""

    def __init__(self, info: QAPISourceInfo | None,
                 variants: list[QAPISchemaVariant]) -> None:
        self.info = info
        self.variants = variants
        self._tag_member: QAPISchemaObjectTypeMember | None = None

    @property
    def tag_member(self) -> QAPISchemaObjectTypeMember:
        """The member whose value selects the branch (available once checked)."""
        assert self._tag_member is not None
        return self._tag_member

    def set_defined_in(self, name: str) -> None:
        """Record the definition the branches belong to."""
        for variant in self.variants:
            variant.set_defined_in(name)

    def check(self, schema: QAPISchema, seen: dict[str, QAPISchemaMember]) -> None:
        """Resolve the branch types."""
        for variant in self.variants:
            variant.check(schema)


class QAPISchemaAlternatives(QAPISchemaVariants):
    """The branches of an alternate, told apart by the implicit tag ``type``."""

    def __init__(self, info: QAPISourceInfo | None, variants: list[QAPISchemaVariant],
                 tag_member: QAPISchemaObjectTypeMember) -> None:
        super().__init__(info, variants)
        self._tag_member = tag_member


class QAPISchemaBranches(QAPISchemaVariants):
    """The branches of a union, selected by the base member ``tag_name``."""

    def __init__(self, info: QAPISourceInfo, variants: list[QAPISchemaVariant],
                 tag_name: str) -> None:
        super().__init__(info, variants)
        self.tag_name = tag_name

    def _check_tag(self, schema: QAPISchema, seen: dict[str, QAPISchemaMember]
                   ) -> QAPISchemaEnumType:
        tag_member = seen.get(c_name(self.tag_name))
        base = "'base'"
        if (not isinstance(tag_member, QAPISchemaObjectTypeMember)
                or self.tag_name != tag_member.name):
            raise QAPISemError(
                self.info, f"discriminator '{self.tag_name}' is not a member of {base}")
        self._tag_member = tag_member
        assert tag_member.defined_in
        base_type = schema.lookup_type(tag_member.defined_in)
        assert base_type
        if not base_type.is_implicit():
            base = f"base type '{tag_member.defined_in}'"
        what = f"discriminator member '{self.tag_name}' of {base}"
        if not isinstance(tag_member.type, QAPISchemaEnumType):
            raise QAPISemError(self.info, f"{what} must be of enum type")
        if tag_member.optional:
            raise QAPISemError(self.info, f"{what} must not be optional")
        if tag_member.ifcond.is_present():
            raise QAPISemError(self.info, f"{what} must not be conditional")
        return tag_member.type

    def check(self, schema: QAPISchema, seen: dict[str, QAPISchemaMember]) -> None:
        """Check the tag; add ``q_empty`` branches for values not listed; check branches."""
        enum = self._check_tag(schema, seen)
        cases = {v.name for v in self.variants}
        for value in enum.members:
            if value.name not in cases:
                variant = QAPISchemaVariant(value.name, self.info, 'q_empty', value.ifcond)
                assert self.tag_member.defined_in
                variant.set_defined_in(self.tag_member.defined_in)
                self.variants.append(variant)
        if not self.variants:
            raise QAPISemError(self.info, "union has no branches")
        values = [m.name for m in enum.members]
        for variant in self.variants:
            variant.check(schema)
            if variant.name not in values:
                raise QAPISemError(
                    self.info,
                    f"branch '{variant.name}' is not a value of {enum.describe()}")
            if not isinstance(variant.type, QAPISchemaObjectType):
                raise QAPISemError(
                    self.info,
                    f"{variant.describe(self.info)} cannot use {variant.type.describe()}")
            variant.type.check(schema)

    def check_clash(self, info: QAPISourceInfo | None,
                    seen: dict[str, QAPISchemaMember]) -> None:
        """Reject branch members that clash with the members in ``seen``."""
        for variant in self.variants:
            # Each branch may reuse the names of the other branches.
            assert isinstance(variant.type, QAPISchemaObjectType)
            variant.type.check_clash(info, dict(seen))
