"""Pairing the old and new type found at one place (a member, a branch, a return value).

Arrays are looked through (the element takes the place, with ``[]`` on the
path); two objects, enums or alternates form a pair to compare further; a
scalar against a scalar of the same JSON type is the same wire type.  Every
other combination is a change of type at that place, some of them compatible
in one direction (a type turned into an alternate of it, an enum into a string).
"""

from __future__ import annotations

import attrs

from qapi_ir.diff import wire_model

Pair = tuple[str, str]


@attrs.frozen
class Resolved:
    """What a place holds: a pair of types to compare further, a change of type, or both."""

    suffix: str
    pair: Pair | None = None
    rule_id: str | None = None
    old: str | None = None
    new: str | None = None
    #: The values a string place now accepts (a ``str`` turned into an enum).
    accepted: tuple[str, ...] = ()


def describe(schema: wire_model.WireSchema, type_name: str) -> str:
    """A short human name of a type: its name when visible, else what it is."""
    info = schema.types[type_name]
    shape = info.shape
    if isinstance(shape, wire_model.Array):
        return f"[{describe(schema, shape.element)}]"
    if isinstance(shape, wire_model.Scalar):
        return shape.name or shape.json_type
    return info.name or type(shape).__name__.lower()


def _branch_of(alternate: wire_model.Alternate, json_type: str) -> str | None:
    found = [b.type for b in alternate.branches if b.key == json_type]
    return found[0] if found else None


class PlaceResolver:
    """Resolves places between an old and a new schema."""

    def __init__(self, old: wire_model.WireSchema, new: wire_model.WireSchema) -> None:
        self.old = old
        self.new = new
        self._scalar_names = wire_model.KNOWS_SCALAR_NAMES in old.knows & new.knows
        self._resolved: dict[tuple[str, str, str], tuple[Resolved, ...]] = {}

    def _change(self, suffix: str, rule_id: str, old_type: str, new_type: str) -> Resolved:
        return Resolved(suffix, None, rule_id, describe(self.old, old_type),
                        describe(self.new, new_type))

    def resolve(self, old_type: str, new_type: str, suffix: str = "") -> tuple[Resolved, ...]:
        """What the place with ``old_type`` then ``new_type`` holds; ``suffix`` extends its path.

        Each place is resolved once: a type is met at many places.
        """
        key = (old_type, new_type, suffix)
        resolved = self._resolved.get(key)
        if resolved is None:
            resolved = self._resolved[key] = self._resolve(old_type, new_type, suffix)
        return resolved

    def _resolve(self, old_type: str, new_type: str, suffix: str) -> tuple[Resolved, ...]:
        old_shape = self.old.types[old_type].shape
        new_shape = self.new.types[new_type].shape
        if isinstance(old_shape, wire_model.Array) and isinstance(new_shape, wire_model.Array):
            return self.resolve(old_shape.element, new_shape.element, suffix + "[]")
        if isinstance(old_shape, wire_model.Scalar) and isinstance(new_shape, wire_model.Scalar):
            if old_shape.json_type != new_shape.json_type:
                return (self._change(suffix, "type-changed", old_type, new_type),)
            if self._scalar_names and old_shape.name != new_shape.name:
                return (self._change(suffix, "integer-type-changed", old_type, new_type),)
            return ()
        if type(old_shape) is type(new_shape):
            return (Resolved(suffix, (old_type, new_type)),)
        return self._resolve_mismatch(old_type, new_type, suffix)

    def _resolve_mismatch(self, old_type: str, new_type: str, suffix: str) -> tuple[Resolved, ...]:
        old_shape = self.old.types[old_type].shape
        new_shape = self.new.types[new_type].shape
        if isinstance(new_shape, wire_model.Alternate):
            branch = _branch_of(new_shape, wire_model.json_type(self.old, old_type))
            if branch is not None:
                inner = self.resolve(old_type, branch, suffix)
                return (self._change(suffix, "type-widened-to-alternate", old_type, new_type),
                        *inner)
        if isinstance(old_shape, wire_model.Alternate):
            branch = _branch_of(old_shape, wire_model.json_type(self.new, new_type))
            if branch is not None:
                inner = self.resolve(branch, new_type, suffix)
                return (self._change(suffix, "type-narrowed-from-alternate", old_type, new_type),
                        *inner)
        if isinstance(old_shape, wire_model.Enum) and isinstance(new_shape, wire_model.Scalar) \
                and new_shape.json_type == "string":
            return (self._change(suffix, "enum-widened-to-str", old_type, new_type),)
        if isinstance(new_shape, wire_model.Enum) and isinstance(old_shape, wire_model.Scalar) \
                and old_shape.json_type == "string":
            narrowed = self._change(suffix, "str-narrowed-to-enum", old_type, new_type)
            return (attrs.evolve(narrowed, accepted=tuple(v.name for v in new_shape.values)),)
        return (self._change(suffix, "type-changed", old_type, new_type),)
