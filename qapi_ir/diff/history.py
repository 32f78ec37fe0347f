"""What an older release lacks, in the names of a newer schema: the diff's wire matching reused.

:func:`matched_types` is the diff's pairing of types by place
(:func:`~qapi_ir.diff.matching.match_types`, walking from every command and
event both schemas have); :func:`release` reads off
each pair what the newer type has that the older one lacks, and
:func:`changes` what a :mod:`~qapi_ir.diff.lifecycle` says changed in a release.
"""

from __future__ import annotations

from qapi_ir.diff import wire_model
from qapi_ir.diff.lifecycle import Lifecycle
from qapi_ir.diff.matching import defined_types, match_types
from qapi_ir.diff.places import Pair
from qapi_ir.plugin_api import EnumValueKey, MemberKey, Release, ReleaseChange


def matched_types(old: wire_model.WireSchema, new: wire_model.WireSchema) -> frozenset[Pair]:
    """Every (old type, new type) pair met at the same place in both schemas."""
    return frozenset(match_types(old, new).nodes)


def release(label: str, old: wire_model.WireSchema, new: wire_model.WireSchema) -> Release:
    """What the release ``label`` (``old``) lacks of ``new``, keyed by ``new``'s names."""
    absent: set[MemberKey] = set()
    optional: set[MemberKey] = set()
    values: set[EnumValueKey] = set()
    pairs = matched_types(old, new)
    for old_type, new_type in pairs:
        was, now = old.types[old_type].shape, new.types[new_type].shape
        if isinstance(was, wire_model.Object) and isinstance(now, wire_model.Object):
            old_members = {m.name: m for m in was.members}
            for member in now.members:
                before = old_members.get(member.name)
                if before is None:
                    absent.add((new_type, member.name))
                elif before.optional and not member.optional:
                    optional.add((new_type, member.name))
        elif isinstance(was, wire_model.Enum) and isinstance(now, wire_model.Enum):
            old_values = {v.name for v in was.values}
            values.update((new_type, v.name) for v in now.values if v.name not in old_values)
    present = {info.name for info in old.types.values() if info.name}
    present.update(new.types[new_type].name or "" for _, new_type in pairs)
    return Release(
        label=label,
        absent_commands=tuple(sorted(new.commands.keys() - old.commands.keys())),
        absent_events=tuple(sorted(new.events.keys() - old.events.keys())),
        absent_members=tuple(sorted(absent)),
        optional_members=tuple(sorted(optional - absent)),
        absent_enum_values=tuple(sorted(values)),
        absent_types=tuple(sorted(set(defined_types(new).values()) - present)),
        deprecated=tuple(sorted(_deprecated(old))),
    )


def _deprecated(schema: wire_model.WireSchema) -> set[str]:
    """The definitions ``schema`` marks deprecated."""
    definitions: list[tuple[str, tuple[wire_model.Feature, ...]]] = [
        *((name, c.features) for name, c in schema.commands.items()),
        *((name, e.features) for name, e in schema.events.items()),
        *((info.name, info.features) for info in schema.types.values() if info.name)]
    return {name for name, features in definitions if wire_model.is_deprecated(features)}


def changes(history: Lifecycle, label: str) -> tuple[ReleaseChange, ...]:
    """What changed for clients in release ``label`` of ``history``."""
    return tuple(ReleaseChange(step.event, thing.kind, thing.group, thing.place(), step.detail)
                 for thing in history.things for step in thing.steps if step.release == label)
