"""The compatibility rules: how each kind of change affects a client, by direction.

Following "Compatibility considerations" in the QAPI language reference, data
flows *into* QEMU (command arguments) or *out of* it (command returns, event
data).  A rule gives a class for each direction; a change in a type used in
both directions gets the worse of the two.  Changes to a command or event as
a whole have no direction and use the ``into`` class.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from qapi_ir import flags
from qapi_ir.flags import FlagRule
from qapi_ir.flags import Severity as Severity  # the diff's classes: defined with the flags


class Direction(enum.Enum):
    """Which way data flows through a place."""

    INTO = "into"
    OUT = "out"

    def __str__(self) -> str:
        return self.value


B, C, N = Severity.BREAKING, Severity.COMPATIBLE, Severity.NOTICE

#: The rules that replace another for things marked deprecated (removed) or unstable,
#: things added already deprecated, changes only a new variant reaches, and things a
#: ``query-qmp-schema`` reply lacks that the other side has under a condition.
ANNOUNCED_REMOVAL = "announced-removal"
UNSTABLE_CHANGED = "unstable-changed"
ADDED_DEPRECATED = "added-deprecated"
THROUGH_NEW = "through-new-variant"
ABSENT_FROM_BUILD = "absent-from-build"


@attrs.frozen
class Rule:
    """A kind of change, its class per direction, and why."""

    id: str
    into: Severity
    out: Severity
    reason: str

    def classify(self, directions: Iterable[Direction]) -> Severity:
        """The class of a change seen in ``directions`` (none: a whole command or event)."""
        found = set(directions) or {Direction.INTO}
        return max(self.into if d is Direction.INTO else self.out for d in found)

    @classmethod
    def for_flag(cls, flag_rule: FlagRule) -> Rule:
        """The rule of a change of a flag (a command as a whole: no direction)."""
        return cls(flag_rule.id, flag_rule.severity, flag_rule.severity, flag_rule.reason)


_RULES = (
    Rule("command-added", C, C, "clients oblivious of a new command keep working"),
    Rule("command-removed", B, B, "clients using the command fail"),
    Rule("event-added", C, C, "clients ignore events they don't know"),
    Rule("event-removed", N, N, "no client breaks, but one waiting for the event may wait"),
    Rule("member-added-optional", C, C, "an absent optional member keeps its old meaning"),
    Rule("member-added-mandatory", B, C,
         "clients don't send a new mandatory argument; they ignore new output"),
    Rule("member-removed-optional", B, N,
         "clients sending the argument fail; clients cope with an absent optional member"),
    Rule("member-removed-mandatory", B, B, "clients sending or reading the member fail"),
    Rule("member-made-optional", C, B,
         "clients still send it; clients relying on its presence in output fail"),
    Rule("member-made-mandatory", B, C,
         "clients omitting the argument fail; output that is always present is fine"),
    Rule("type-changed", B, B, "the member's JSON value changes shape"),
    Rule("type-widened-to-alternate", C, B,
         "an alternate accepts the old type; clients may receive a new JSON type"),
    Rule("type-narrowed-from-alternate", B, C,
         "clients may send a JSON type no longer accepted; output stays within the old one"),
    Rule("enum-widened-to-str", C, B,
         "any string is accepted; clients may receive a string that is no known value"),
    Rule("str-narrowed-to-enum", N, C,
         "QEMU validated the string before: clients sending one of the values keep working"),
    Rule("integer-type-changed", N, N, "same JSON type, but the range of values changes"),
    Rule("enum-value-added", C, N, "clients may receive a value they don't know"),
    Rule("enum-value-removed", B, N, "clients sending the value fail; output can't break"),
    Rule("union-branch-added", C, N, "clients may receive a variant they don't know"),
    Rule("union-branch-removed", B, N, "clients sending the variant fail; output can't break"),
    Rule("union-tag-changed", B, B, "the member that selects the variant changes"),
    Rule("alternate-branch-added", C, B, "clients may receive a JSON type they don't expect"),
    Rule("alternate-branch-removed", B, N,
         "clients sending that JSON type fail; output can't break"),
    Rule("deprecated-added", N, N, "the thing will go away: clients should stop using it"),
    Rule("deprecated-removed", C, C, "the thing stays"),
    Rule("unstable-added", N, N, "the thing is now experimental and may change"),
    Rule("unstable-removed", C, C, "the thing is now stable"),
    Rule("feature-added", C, C, "a feature announces something new"),
    Rule("feature-removed", N, N, "clients testing for the feature change behaviour"),
    Rule("condition-narrowed", N, N,
         "the thing exists in fewer builds: clients of a build without it fail"),
    Rule("condition-widened", C, C, "the thing exists in more builds; no build loses it"),
    Rule("condition-changed", N, N,
         "the thing exists in some builds that lacked it and is gone from others"),
    Rule("doc-changed", N, N, "only the documentation changed"),
    Rule(ANNOUNCED_REMOVAL, N, N,
         "the old schema marked it deprecated: clients were told it would go"),
    Rule(UNSTABLE_CHANGED, N, N,
         "it is unstable or x- named: clients were told it may change without notice"),
    Rule(ADDED_DEPRECATED, N, N, "added already deprecated: clients should not start using it"),
    Rule(THROUGH_NEW, N, N,
         "only a variant old clients never see reaches it: what they saw is unchanged"),
    Rule(ABSENT_FROM_BUILD, N, N,
         "a query-qmp-schema reply shows one build, and the other side has it under a"
         " condition that build may not meet"),
)

#: Rules that remove something a client could use, and those that add one.
REMOVALS = frozenset({"command-removed", "event-removed", "member-removed-optional",
                      "member-removed-mandatory", "enum-value-removed", "union-branch-removed",
                      "alternate-branch-removed"})
ADDITIONS = frozenset({"command-added", "event-added", "member-added-optional",
                       "member-added-mandatory", "enum-value-added", "union-branch-added",
                       "alternate-branch-added"})

_FIXED_RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


def rules() -> dict[str, Rule]:
    """Every rule by id; those of flags come from the flag table, read at each use."""
    return _FIXED_RULES | {
        rule.id: Rule.for_flag(rule)
        for flag in flags.FLAGS if flag.diff
        for rule in (flag.diff.to_other, flag.diff.to_default)
    }


def rule(rule_id: str) -> Rule:
    """The rule called ``rule_id``."""
    return _FIXED_RULES.get(rule_id) or rules()[rule_id]
