"""Comparing one pair of types met at the same place: members, values and branches.

Members are matched by name (per variant when a struct became a union or
back, see :mod:`qapi_ir.diff.variants`), enum values by name, union branches
by tag value and alternate branches by JSON type.  :func:`children` tells the
walk which places inside a pair to follow; :func:`compare_node` records the
pair's own changes once every direction it is used in is known.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from qapi_ir.diff import wire_model
from qapi_ir.diff.changes import Finding, Recorder, Where, join, place_finding
from qapi_ir.diff.places import Pair, describe
from qapi_ir.diff.variants import VariantPair, is_mixed, member_part, variant_pairs


@attrs.frozen
class Child:
    """A place inside a pair: its path part, the old and new type, and if it is unstable."""

    part: str
    old_type: str
    new_type: str
    unstable: bool = False


def _branch_part(key: str) -> str:
    return "{" + key + "}"


def children(old: wire_model.WireSchema, new: wire_model.WireSchema, pair: Pair) -> Iterator[Child]:
    """Each place inside ``pair`` present in both schemas."""
    old_shape = old.types[pair[0]].shape
    new_shape = new.types[pair[1]].shape
    if isinstance(old_shape, wire_model.Object) and isinstance(new_shape, wire_model.Object):
        for variant in variant_pairs(old, old_shape, new, new_shape):
            for name, member in variant.old.items():
                if name in variant.new:
                    yield Child(member_part(variant, name), member.type, variant.new[name].type,
                                wire_model.is_unstable(name, member.features))
        if is_mixed(old_shape, new_shape):
            return
    if isinstance(old_shape, wire_model.Object | wire_model.Alternate) \
            and isinstance(new_shape, wire_model.Object | wire_model.Alternate):
        new_branches = {b.key: b for b in new_shape.branches}
        for branch in old_shape.branches:
            if branch.key in new_branches:
                yield Child(_branch_part(branch.key), branch.type, new_branches[branch.key].type)


def compare_node(recorder: Recorder, pair: Pair, where: Where) -> None:
    """Record the changes of ``pair`` itself, in the context ``where``."""
    old_info, new_info = recorder.old.types[pair[0]], recorder.new.types[pair[1]]
    if not where.unstable and wire_model.is_unstable(old_info.name or "", old_info.features):
        where = attrs.evolve(where, unstable=True)
    recorder.record(where, recorder.features("", old_info.features, new_info.features))
    if old_info.name and new_info.name:  # an implicit type's condition is its owner's
        recorder.record(where, recorder.condition("", old_info.condition, new_info.condition))
    if where.prefix == "":
        recorder.record(where, recorder.docs_findings(old_info.name, new_info.name))
    old, new = old_info.shape, new_info.shape
    if isinstance(old, wire_model.Enum) and isinstance(new, wire_model.Enum):
        recorder.record(where, _enum_findings(recorder, old, new))
    elif isinstance(old, wire_model.Object) and isinstance(new, wire_model.Object):
        recorder.record(where, _object_findings(recorder, old, new))
    elif isinstance(old, wire_model.Alternate) and isinstance(new, wire_model.Alternate):
        recorder.record(where, _branch_findings(recorder, old.branches, new.branches,
                                                "alternate"))


def _enum_findings(recorder: Recorder, old: wire_model.Enum,
                   new: wire_model.Enum) -> Iterator[Finding]:
    old_values = {v.name: v for v in old.values}
    new_values = {v.name: v for v in new.values}
    for name in sorted(old_values.keys() - new_values.keys()):
        features = old_values[name].features
        yield Finding("", "enum-value-removed", f"value '{name}' removed", old=name,
                      unstable=wire_model.is_unstable(name, features),
                      deprecated=wire_model.is_deprecated(features),
                      present_if=old_values[name].condition)
    for name in sorted(new_values.keys() - old_values.keys()):
        yield Finding("", "enum-value-added", f"value '{name}' added", new=name,
                      deprecated=wire_model.is_deprecated(new_values[name].features),
                      present_if=new_values[name].condition)
    for name in sorted(old_values.keys() & new_values.keys()):
        was, now = old_values[name], new_values[name]
        unstable = wire_model.is_unstable(name, was.features)
        for found in (*recorder.features(name, was.features, now.features),
                      *recorder.condition(name, was.condition, now.condition, f"value '{name}'")):
            yield attrs.evolve(found, unstable=unstable)


def _object_findings(recorder: Recorder, old: wire_model.Object,
                     new: wire_model.Object) -> Iterator[Finding]:
    variants = variant_pairs(recorder.old, old, recorder.new, new)
    per_variant = [list(_member_findings(recorder, variant)) for variant in variants]
    everywhere = [f for f in per_variant[0] if all(f in found for found in per_variant[1:])]
    yield from everywhere
    for variant, found in zip(variants, per_variant, strict=True):
        branch = "" if variant.key is None else _branch_part(variant.key)
        through_new = _new_variant(recorder, old, new, variant.key)
        yield from (attrs.evolve(f, path=join(branch, f.path), through_new=through_new)
                    for f in found if f not in everywhere)
    if is_mixed(old, new):
        return
    if old.tag != new.tag:
        yield Finding("", "union-tag-changed", f"union tag {old.tag} -> {new.tag}",
                      old.tag, new.tag)
    yield from _branch_findings(recorder, old.branches, new.branches, "union")


def _new_variant(recorder: Recorder, old: wire_model.Object, new: wire_model.Object,
                 key: str | None) -> bool:
    """Whether the variant ``key`` of union ``new`` is one old clients never saw: ``old`` was
    a struct without the tag member, or with a tag enum that lacked the value ``key``."""
    if key is None or new.tag is None or old.tag is not None:
        return False
    tag = next((m for m in old.members if m.name == new.tag), None)
    if tag is None:
        return True
    shape = recorder.old.types[tag.type].shape
    return isinstance(shape, wire_model.Enum) and key not in {v.name for v in shape.values}


def _member_findings(recorder: Recorder, variant: VariantPair) -> Iterator[Finding]:
    old_members, new_members = variant.old, variant.new
    for name in sorted(old_members.keys() - new_members.keys()):
        member = old_members[name]
        kind = "optional" if member.optional else "mandatory"
        yield Finding(name, f"member-removed-{kind}", f"{kind} member removed", old=name,
                      unstable=wire_model.is_unstable(name, member.features),
                      deprecated=wire_model.is_deprecated(member.features),
                      present_if=member.condition)
    for name in sorted(new_members.keys() - old_members.keys()):
        member = new_members[name]
        kind = "optional" if member.optional else "mandatory"
        yield Finding(name, f"member-added-{kind}",
                      f"{kind} member added ({describe(recorder.new, member.type)})", new=name,
                      deprecated=wire_model.is_deprecated(member.features),
                      present_if=member.condition)
    for name in sorted(old_members.keys() & new_members.keys()):
        was, now = old_members[name], new_members[name]
        unstable = wire_model.is_unstable(name, was.features)
        found: list[Finding] = []
        if was.optional != now.optional:
            kind = "optional" if now.optional else "mandatory"
            found.append(Finding(name, f"member-made-{kind}", f"member made {kind}"))
        found += recorder.features(name, was.features, now.features)
        found += recorder.condition(name, was.condition, now.condition)
        for resolved in recorder.places.resolve(was.type, now.type):
            found += place_finding(name, resolved)
        yield from (attrs.evolve(f, unstable=unstable) for f in found)


def _branch_findings(recorder: Recorder, old: tuple[wire_model.Branch, ...],
                     new: tuple[wire_model.Branch, ...], kind: str) -> Iterator[Finding]:
    """Branches added, removed or changed; an empty union branch adds nothing on the wire."""
    old_branches = {b.key: b for b in old}
    new_branches = {b.key: b for b in new}

    def visible(schema: wire_model.WireSchema, branch: wire_model.Branch) -> bool:
        return kind == "alternate" or not wire_model.is_empty_object(schema, branch.type)

    for key in sorted(old_branches.keys() - new_branches.keys()):
        if visible(recorder.old, old_branches[key]):
            yield Finding(_branch_part(key), f"{kind}-branch-removed",
                          f"{kind} branch '{key}' removed", old=key,
                          present_if=old_branches[key].condition)
    for key in sorted(new_branches.keys() - old_branches.keys()):
        if visible(recorder.new, new_branches[key]):
            yield Finding(_branch_part(key), f"{kind}-branch-added",
                          f"{kind} branch '{key}' added", new=key,
                          present_if=new_branches[key].condition)
    for key in sorted(old_branches.keys() & new_branches.keys()):
        was, now = old_branches[key], new_branches[key]
        path = _branch_part(key)
        yield from recorder.condition(path, was.condition, now.condition)
        for resolved in recorder.places.resolve(was.type, now.type):
            yield from place_finding(path, resolved)
