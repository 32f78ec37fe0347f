"""Comparing one pair of types met at the same place: members, values and branches.

Members are matched by name, enum values by name, union branches by tag value
and alternate branches by JSON type.  :func:`children` tells the walk which
places inside a pair to follow; :func:`compare_node` records the pair's own
changes once every direction it is used in is known.
"""

from __future__ import annotations

from collections.abc import Iterator

from qapi_ir.diff import model
from qapi_ir.diff.changes import Group, Recorder, join
from qapi_ir.diff.places import Pair, describe
from qapi_ir.diff.rules import Direction

Directions = frozenset[Direction]


def _branch_part(key: str) -> str:
    return "{" + key + "}"


def children(old: model.WireSchema, new: model.WireSchema,
             pair: Pair) -> Iterator[tuple[str, str, str]]:
    """(path part, old type, new type) for each place inside ``pair`` present in both."""
    old_shape = old.types[pair[0]].shape
    new_shape = new.types[pair[1]].shape
    if isinstance(old_shape, model.Object) and isinstance(new_shape, model.Object):
        new_members = {m.name: m for m in new_shape.members}
        for member in old_shape.members:
            if member.name in new_members:
                yield member.name, member.type, new_members[member.name].type
    if isinstance(old_shape, model.Object | model.Alternate) \
            and isinstance(new_shape, model.Object | model.Alternate):
        new_branches = {b.key: b for b in new_shape.branches}
        for branch in old_shape.branches:
            if branch.key in new_branches:
                yield _branch_part(branch.key), branch.type, new_branches[branch.key].type


def compare_node(recorder: Recorder, pair: Pair, group: Group, prefix: str,
                 directions: Directions) -> None:
    """Record the changes of ``pair`` itself, reported under ``group`` at ``prefix``."""
    old_info, new_info = recorder.old.types[pair[0]], recorder.new.types[pair[1]]
    recorder.compare_features(group, prefix, old_info.features, new_info.features, directions)
    if old_info.name and new_info.name:  # an implicit type's condition is its owner's
        recorder.compare_condition(group, prefix, old_info.condition, new_info.condition,
                                   directions)
    if prefix == "":
        recorder.compare_docs(group, old_info.name, new_info.name)
    old, new = old_info.shape, new_info.shape
    if isinstance(old, model.Enum) and isinstance(new, model.Enum):
        _compare_enums(recorder, old, new, group, prefix, directions)
    elif isinstance(old, model.Object) and isinstance(new, model.Object):
        _compare_members(recorder, old, new, group, prefix, directions)
        if old.tag != new.tag:
            recorder.emit(group, prefix, "union-tag-changed",
                          f"union tag {old.tag or 'none'} -> {new.tag or 'none'}", directions,
                          old.tag, new.tag)
        _compare_branches(recorder, old.branches, new.branches, "union", group, prefix,
                          directions)
    elif isinstance(old, model.Alternate) and isinstance(new, model.Alternate):
        _compare_branches(recorder, old.branches, new.branches, "alternate", group, prefix,
                          directions)


def _compare_enums(recorder: Recorder, old: model.Enum, new: model.Enum, group: Group,
                   prefix: str, directions: Directions) -> None:
    old_values = {v.name: v for v in old.values}
    new_values = {v.name: v for v in new.values}
    for name in sorted(old_values.keys() - new_values.keys()):
        recorder.emit(group, prefix, "enum-value-removed", f"value '{name}' removed",
                      directions, old=name)
    for name in sorted(new_values.keys() - old_values.keys()):
        recorder.emit(group, prefix, "enum-value-added", f"value '{name}' added", directions,
                      new=name)
    for name in sorted(old_values.keys() & new_values.keys()):
        was, now = old_values[name], new_values[name]
        recorder.compare_features(group, join(prefix, name), was.features, now.features,
                                  directions)
        recorder.compare_condition(group, join(prefix, name), was.condition, now.condition,
                                   directions, f"value '{name}'")


def _compare_members(recorder: Recorder, old: model.Object, new: model.Object, group: Group,
                     prefix: str, directions: Directions) -> None:
    old_members = {m.name: m for m in old.members}
    new_members = {m.name: m for m in new.members}
    for name in sorted(old_members.keys() - new_members.keys()):
        kind = "optional" if old_members[name].optional else "mandatory"
        recorder.emit(group, join(prefix, name), f"member-removed-{kind}",
                      f"{kind} member removed", directions, old=name)
    for name in sorted(new_members.keys() - old_members.keys()):
        kind = "optional" if new_members[name].optional else "mandatory"
        recorder.emit(group, join(prefix, name), f"member-added-{kind}",
                      f"{kind} member added ({describe(recorder.new, new_members[name].type)})",
                      directions, new=name)
    for name in sorted(old_members.keys() & new_members.keys()):
        was, now = old_members[name], new_members[name]
        path = join(prefix, name)
        if was.optional != now.optional:
            kind = "optional" if now.optional else "mandatory"
            recorder.emit(group, path, f"member-made-{kind}", f"member made {kind}",
                          directions)
        recorder.compare_features(group, path, was.features, now.features, directions)
        recorder.compare_condition(group, path, was.condition, now.condition, directions)
        for resolved in recorder.places.resolve(was.type, now.type):
            recorder.emit_place(group, path, resolved, directions)


def _compare_branches(recorder: Recorder, old: tuple[model.Branch, ...],
                      new: tuple[model.Branch, ...], kind: str, group: Group, prefix: str,
                      directions: Directions) -> None:
    old_branches = {b.key: b for b in old}
    new_branches = {b.key: b for b in new}
    for key in sorted(old_branches.keys() - new_branches.keys()):
        recorder.emit(group, join(prefix, _branch_part(key)), f"{kind}-branch-removed",
                      f"{kind} branch '{key}' removed", directions, old=key)
    for key in sorted(new_branches.keys() - old_branches.keys()):
        recorder.emit(group, join(prefix, _branch_part(key)), f"{kind}-branch-added",
                      f"{kind} branch '{key}' added", directions, new=key)
    for key in sorted(old_branches.keys() & new_branches.keys()):
        was, now = old_branches[key], new_branches[key]
        path = join(prefix, _branch_part(key))
        recorder.compare_condition(group, path, was.condition, now.condition, directions)
        for resolved in recorder.places.resolve(was.type, now.type):
            recorder.emit_place(group, path, resolved, directions)
