"""The life of each part of an API across releases, read off the diff of consecutive ones.

Each pair of consecutive releases is compared by the diff (:func:`compare`,
judged so that the context rules apply); every change becomes a :class:`Step`
in the life of the thing it concerns: a command, event, named type, member,
enumeration value, branch or feature, keyed by where the diff reports it
(the group and path of the newer release).  A thing that only changed in the
build a ``query-qmp-schema`` reply shows (``absent-from-build``) or that only
a new union variant lacks (``through-new-variant``) has not appeared or gone,
and gets no step.  Named types that appear or go (other than renamed, which
the diff follows) get steps of their own, with the rules ``type-added`` and
``type-removed``.  A label means the first release given where a thing is seen
so: with gaps between the releases given, it may have happened earlier.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import attrs

from qapi_ir.diff import wire_model
from qapi_ir.diff.changes import Change, Group, join
from qapi_ir.diff.compare import DiffResult, compare
from qapi_ir.diff.matching import defined_types
from qapi_ir.diff.policy import judge
from qapi_ir.diff.rules import (
    ABSENT_FROM_BUILD,
    ADDED_DEPRECATED,
    ADDITIONS,
    ANNOUNCED_REMOVAL,
    REMOVALS,
    THROUGH_NEW,
    UNSTABLE_CHANGED,
)
from qapi_ir.diff.settings import Settings

APPEARED = "appeared"
REMOVED = "removed"
DEPRECATED = "deprecated"

#: The step each rule of the diff makes in the life of what it changed.
_STEPS = {
    **{rule_id: APPEARED for rule_id in ADDITIONS | {"feature-added"}},
    **{rule_id: REMOVED for rule_id in REMOVALS | {"feature-removed"}},
    "deprecated-added": DEPRECATED,
    "deprecated-removed": "no longer deprecated",
    "unstable-added": "unstable",
    "unstable-removed": "stable",
    "member-made-optional": "made optional",
    "member-made-mandatory": "made mandatory",
    "type-changed": "type changed",
    "type-widened-to-alternate": "type changed",
    "type-narrowed-from-alternate": "type changed",
    "enum-widened-to-str": "type changed",
    "str-narrowed-to-enum": "type changed",
    "integer-type-changed": "type changed",
    "union-tag-changed": "type changed",
    "condition-narrowed": "condition changed",
    "condition-widened": "condition changed",
    "condition-changed": "condition changed",
}

#: The kind of thing a rule of the diff names, where its path alone does not tell.
_KINDS = {"member-": "member", "enum-value-": "value", "union-branch-": "branch",
          "alternate-branch-": "branch", "feature-": "feature"}


@attrs.frozen
class Step:
    """One event in a thing's life: the release, what happened, and the diff's words for it.

    ``unstable`` says the thing was unstable or ``x-`` named then;
    ``deprecated`` that it was deprecated (a thing removed or added so).
    """

    release: str
    event: str
    detail: str
    rule: str
    unstable: bool
    deprecated: bool


@attrs.frozen
class Thing:
    """A command, event, type, member, enumeration value, branch or feature, and its life.

    ``group_kind`` and ``group`` name the command, event or type it is
    reported under, ``path`` its place inside (``""`` for the group itself),
    ``feature`` the feature's name for a feature; ``used_by`` the commands and
    events that reach a type.
    """

    kind: str
    group_kind: str
    group: str
    path: str
    feature: str | None
    used_by: tuple[str, ...]
    steps: tuple[Step, ...]

    def address(self) -> str:
        """Where the thing is: ``query-migrate.arguments.blk``, ``SevInfo.handle``."""
        return self._with_feature(join(self.group, self.path))

    def place(self) -> str:
        """Where the thing is inside its group: ``arguments.blk``, ``feature 'fdset'``."""
        return self._with_feature(self.path)

    def _with_feature(self, where: str) -> str:
        if self.feature is None:
            return where
        return f"{where} feature '{self.feature}'" if where else f"feature '{self.feature}'"


@attrs.frozen
class Lifecycle:
    """The releases compared (in release order) and every thing that changed across them."""

    releases: tuple[str, ...]
    things: tuple[Thing, ...]

    def in_release(self, label: str) -> Lifecycle:
        """Only the steps of release ``label``: what changed for clients in it."""
        things = []
        for thing in self.things:
            steps = tuple(s for s in thing.steps if s.release == label)
            if steps:
                things.append(attrs.evolve(thing, steps=steps))
        return Lifecycle(self.releases, tuple(things))


Compare = Callable[[wire_model.WireSchema, wire_model.WireSchema], DiffResult]


def _compare(old: wire_model.WireSchema, new: wire_model.WireSchema) -> DiffResult:
    return compare(old, new, docs=False)


def _kind(change: Change, rule_id: str, schema: wire_model.WireSchema) -> str:
    for prefix, kind in _KINDS.items():
        if rule_id.startswith(prefix):
            return kind
    if not change.path:
        return change.group.kind
    if change.path.endswith("}"):
        return "branch"
    info = schema.types.get(change.group.name)
    return "value" if info is not None and isinstance(info.shape, wire_model.Enum) else "member"


def _key(change: Change, rule_id: str) -> tuple[str, str, str, str | None]:
    """Group kind and name, path and feature name of the thing ``change`` concerns."""
    path, feature = change.path, None
    if rule_id.startswith("enum-value-"):
        path = join(path, change.old or change.new or "")
    elif rule_id.startswith("feature-"):
        feature = change.old or change.new
    return change.group.kind, change.group.name, path, feature


class _Collector:
    def __init__(self) -> None:
        self.kinds: dict[tuple[str, str, str, str | None], str] = {}
        self.steps: dict[tuple[str, str, str, str | None], list[Step]] = {}
        self.uses: dict[Group, set[str]] = {}

    def add(self, key: tuple[str, str, str, str | None], kind: str, step: Step) -> None:
        self.kinds.setdefault(key, kind)
        self.steps.setdefault(key, []).append(step)

    def changes(self, label: str, result: DiffResult, new: wire_model.WireSchema) -> None:
        for group, uses in result.uses.items():
            self.uses.setdefault(group, set()).update(uses)
        for found in result.changes:
            change = judge(found, Settings())
            rule_id = change.replaced or change.rule.id
            event = _STEPS.get(rule_id)
            if event is None or change.rule.id == ABSENT_FROM_BUILD \
                    or (change.rule.id == THROUGH_NEW and event == REMOVED):
                continue
            key = _key(change, rule_id)
            unstable = change.unstable or change.rule.id == UNSTABLE_CHANGED
            deprecated = change.deprecated or change.rule.id in (ANNOUNCED_REMOVAL,
                                                                  ADDED_DEPRECATED)
            kind = _kind(change, rule_id, new)
            self.add(key, kind, Step(label, event, change.detail, change.rule.id, unstable,
                                     deprecated))
            if change.rule.id == ADDED_DEPRECATED:
                self.add(key, kind, Step(label, DEPRECATED, "added already deprecated",
                                         change.rule.id, unstable, True))

    def types(self, label: str, old_defined: dict[str, str], new_defined: dict[str, str],
              result: DiffResult) -> None:
        """Named types that appeared or went: a type a command or event reaches on one side
        only (``*_defined``: see :func:`defined_types`), neither matched by place to one of
        the other (renamed, or masked in a reply) nor named alike there."""
        pairs = result.matching.nodes if result.matching is not None else {}
        old_names = set(old_defined.values()) | {
            new_defined[n] for _, n in pairs if n in new_defined}
        new_names = set(new_defined.values()) | {
            old_defined[o] for o, _ in pairs if o in old_defined}
        for name in sorted(new_names - old_names):
            self.add(("type", name, "", None), "type",
                     Step(label, APPEARED, "type added", "type-added", False, False))
        for name in sorted(old_names - new_names):
            self.add(("type", name, "", None), "type",
                     Step(label, REMOVED, "type removed", "type-removed", False, False))

    def things(self) -> tuple[Thing, ...]:
        found = []
        for key in sorted(self.steps):
            group_kind, group, path, feature = key
            uses = self.uses.get(Group(group_kind, group), set())
            found.append(Thing(self.kinds[key], group_kind, group, path, feature,
                               tuple(sorted(uses)), tuple(self.steps[key])))
        return tuple(found)


def lifecycle(releases: Sequence[tuple[str, wire_model.WireSchema]],
              compare_pair: Compare = _compare) -> Lifecycle:
    """The life of every thing that changed across ``releases`` (label, model) in order."""
    collector = _Collector()
    defined = [defined_types(model) for _, model in releases]
    for index, ((_, old), (label, new)) in enumerate(itertools.pairwise(releases)):
        result = compare_pair(old, new)
        collector.changes(label, result, new)
        collector.types(label, defined[index], defined[index + 1], result)
    return Lifecycle(tuple(label for label, _ in releases), collector.things())
