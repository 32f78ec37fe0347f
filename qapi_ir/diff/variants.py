"""The member sets a JSON object can have on the wire, and how two objects' sets pair up.

A struct has one set of members.  A union has one per tag value: its own
(base) members plus those of the branch's type; an empty branch (QAPI adds
one for each tag value without a branch) has just the base members.  When a
struct becomes a union or a union a struct, the struct's set is compared with
each of the union's, so that a member moved into every branch is not taken
for a removed one.
"""

from __future__ import annotations

import attrs

from qapi_ir.diff import wire_model

Members = dict[str, wire_model.Member]


@attrs.frozen
class VariantPair:
    """The old and new members of one variant; ``key`` is the union's tag value, if any.

    ``shared`` holds the names of members that are in the union's base, so
    that their path needs no branch.
    """

    key: str | None
    old: Members
    new: Members
    shared: frozenset[str]


def _by_name(members: tuple[wire_model.Member, ...]) -> Members:
    return {m.name: m for m in members}


def _variants(schema: wire_model.WireSchema, shape: wire_model.Object) -> list[tuple[str, Members]]:
    """(tag value, members) for each variant of the union ``shape``."""
    found = []
    for branch in shape.branches:
        branch_shape = schema.types[branch.type].shape
        extra = branch_shape.members if isinstance(branch_shape, wire_model.Object) else ()
        found.append((branch.key, _by_name(shape.members + extra)))
    return found


def is_mixed(old: wire_model.Object, new: wire_model.Object) -> bool:
    """Whether one of ``old`` and ``new`` is a union and the other is not."""
    return (old.tag is None) != (new.tag is None) and bool(old.branches or new.branches)


def variant_pairs(old_schema: wire_model.WireSchema, old: wire_model.Object,
                  new_schema: wire_model.WireSchema, new: wire_model.Object) -> list[VariantPair]:
    """The variants to compare member by member, for a struct against a union (or back)."""
    if not is_mixed(old, new):
        return [VariantPair(None, _by_name(old.members), _by_name(new.members),
                            frozenset(m.name for m in old.members))]
    if old.tag is None:
        single, shared = _by_name(old.members), frozenset(m.name for m in new.members)
        return [VariantPair(key, single, members, shared)
                for key, members in _variants(new_schema, new)]
    single, shared = _by_name(new.members), frozenset(m.name for m in old.members)
    return [VariantPair(key, members, single, shared)
            for key, members in _variants(old_schema, old)]


def member_part(pair: VariantPair, name: str) -> str:
    """The path part of member ``name`` of the variant: ``{key}.name`` unless in the base."""
    if pair.key is None or name in pair.shared:
        return name
    return "{" + pair.key + "}." + name
