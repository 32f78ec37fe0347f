"""The changes a comparison finds, and the recorder that collects them.

Comparing a pair of things yields :class:`Finding` objects (a path relative
to the pair, a rule and what changed); the :class:`Recorder` turns them into
:class:`Change` objects placed in a group, with the directions the data flows
in, how stable the changed thing is and where it is defined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from qapi_ir.diff import conditions, wire_model
from qapi_ir.diff.places import Pair, PlaceResolver, Resolved
from qapi_ir.diff.rules import (
    ABSENT_FROM_BUILD,
    ADDED_DEPRECATED,
    ADDITIONS,
    REMOVALS,
    THROUGH_NEW,
    Direction,
    Rule,
    Severity,
    rule,
)
from qapi_ir.ir import Condition, Location

GROUP_KINDS = ("command", "event", "type")


@attrs.frozen(order=True)
class Group:
    """What a change is reported under: a command, an event or a type (by its new name)."""

    kind: str
    name: str


@attrs.frozen
class Finding:
    """One change found inside a pair, at ``path`` relative to it.

    ``unstable`` says the changed thing itself is unstable or ``x-`` named,
    ``deprecated`` that the removed (or added) thing is marked deprecated;
    ``through_new`` that only a variant new to clients reaches it, and
    ``present_if`` is the condition of a thing only one side has.
    """

    path: str
    rule_id: str
    detail: str
    old: str | None = None
    new: str | None = None
    unstable: bool = False
    deprecated: bool = False
    through_new: bool = False
    present_if: Condition | None = None


@attrs.frozen
class Where:
    """The context a pair's findings are recorded in."""

    group: Group
    prefix: str
    directions: frozenset[Direction] = frozenset()
    unstable: bool = False
    location: Location | None = None
    old_location: Location | None = None
    origin: Pair | None = None


@attrs.frozen
class Change:
    """One change: where (group, path), which rule, in which directions, and its class.

    ``severity`` starts as the rule's class; :mod:`qapi_ir.diff.policy` may
    replace the rule (``replaced`` then names the one it replaced), raise or
    lower the class, mark it ``ignored`` (with the reason) or say whether it
    ``affects`` a given client.  ``origin`` is the pair of types the change
    was found in (``None`` for a command or event as a whole).
    ``context_rule`` is the rule the change's context calls for in place of
    its own: ``added-deprecated``, ``through-new-variant`` or ``absent-from-build``.
    """

    group: Group
    path: str
    rule: Rule
    directions: frozenset[Direction]
    detail: str
    severity: Severity
    old: str | None = None
    new: str | None = None
    unstable: bool = False
    deprecated: bool = False
    location: Location | None = None
    old_location: Location | None = None
    replaced: str | None = None
    ignored: str | None = None
    affects: bool = True
    origin: Pair | None = None
    context_rule: str | None = None

    def sort_key(self) -> tuple[int, str, str, str, str]:
        """Commands, then events, then types; by name, path, rule and detail."""
        return (GROUP_KINDS.index(self.group.kind), self.group.name, self.path, self.rule.id,
                self.detail)


def join(prefix: str, part: str) -> str:
    """A path inside a group: members joined with dots, ``[]`` and ``{branch}`` appended."""
    if not prefix or not part or part[0] in "[{":
        return prefix + part
    return f"{prefix}.{part}"


def feature_findings(path: str, old: tuple[wire_model.Feature, ...],
                     new: tuple[wire_model.Feature, ...],
                     know_conditions: bool) -> Iterator[Finding]:
    """Features added, removed, or with a changed condition."""
    if old == new:  # most things: no feature, or the same ones
        return
    old_by_name = {f.name: f for f in old}
    new_by_name = {f.name: f for f in new}
    for name in sorted(old_by_name.keys() - new_by_name.keys()):
        kind = name if name in ("deprecated", "unstable") else "feature"
        yield Finding(path, f"{kind}-removed", f"feature '{name}' removed", old=name)
    for name in sorted(new_by_name.keys() - old_by_name.keys()):
        kind = name if name in ("deprecated", "unstable") else "feature"
        yield Finding(path, f"{kind}-added", f"feature '{name}' added", new=name)
    if know_conditions:
        for name in sorted(old_by_name.keys() & new_by_name.keys()):
            yield from condition_findings(path, old_by_name[name].condition,
                                          new_by_name[name].condition, f"feature '{name}'")


def condition_findings(path: str, old: Condition | None, new: Condition | None,
                       what: str = "") -> Iterator[Finding]:
    """A condition that narrows, widens or otherwise changes where the thing exists."""
    rule_id = conditions.classify(old, new) if old != new else None
    if rule_id is not None:
        subject = f" of {what}" if what else ""
        was, now = conditions.text(old), conditions.text(new)
        yield Finding(path, rule_id, f"condition{subject}: {was} -> {now}", was, now)


class Recorder:
    """Collects the changes between ``old`` and ``new``, with the helpers every part uses."""

    def __init__(self, old: wire_model.WireSchema, new: wire_model.WireSchema, *,
                 docs: bool) -> None:
        self.old = old
        self.new = new
        self.places = PlaceResolver(old, new)
        both = old.knows & new.knows
        self.conditions = wire_model.KNOWS_CONDITIONS in both
        self.docs = docs and wire_model.KNOWS_DOCS in both
        self.changes: list[Change] = []

    def record(self, where: Where, findings: Iterable[Finding]) -> None:
        """Record ``findings`` made inside the pair described by ``where``."""
        for found in findings:
            removal = found.rule_id.endswith("-removed") or "-removed-" in found.rule_id
            the_rule = rule(found.rule_id)
            severity = the_rule.classify(where.directions)
            context_rule = self._context_rule(found, severity)
            detail = found.detail
            if context_rule == ABSENT_FROM_BUILD:
                detail += f" (absent from this build; the other side has it under " \
                    f"{conditions.text(found.present_if)})"
            self.changes.append(Change(
                where.group, join(where.prefix, found.path), the_rule, where.directions,
                detail, severity, found.old, found.new,
                where.unstable or found.unstable, found.deprecated,
                where.location, where.old_location if removal else None, origin=where.origin,
                context_rule=context_rule))

    def _context_rule(self, found: Finding, severity: Severity) -> str | None:
        """The rule the context of ``found`` (of class ``severity``) calls for in place of
        its own, if any; a change only a new variant reaches is lowered, never raised."""
        if found.present_if is not None:
            lacking = self.new if found.rule_id in REMOVALS else self.old
            if found.rule_id in REMOVALS | ADDITIONS \
                    and wire_model.KNOWS_CONDITIONS not in lacking.knows:
                return ABSENT_FROM_BUILD
        if found.through_new and severity > Severity.NOTICE:
            return THROUGH_NEW
        if found.deprecated and found.rule_id in ADDITIONS:
            return ADDED_DEPRECATED
        return None

    def features(self, path: str, old: tuple[wire_model.Feature, ...],
                 new: tuple[wire_model.Feature, ...]) -> Iterator[Finding]:
        """Features changed between ``old`` and ``new``."""
        return feature_findings(path, old, new, self.conditions)

    def condition(self, path: str, old: Condition | None, new: Condition | None,
                  what: str = "") -> Iterator[Finding]:
        """A changed condition, when both inputs know conditions."""
        return condition_findings(path, old, new, what) if self.conditions else iter(())

    def docs_findings(self, old_symbol: str | None, new_symbol: str | None) -> Iterator[Finding]:
        """Doc changes between two definitions, when docs are compared."""
        if not self.docs or old_symbol is None or new_symbol is None:
            return
        empty = wire_model.DocText({})
        old = self.old.docs.get(old_symbol, empty).parts
        new = self.new.docs.get(new_symbol, empty).parts
        for part in sorted(old.keys() | new.keys()):
            if old.get(part) != new.get(part):
                verb = "added" if part not in old else "removed" if part not in new else "changed"
                yield Finding("", "doc-changed", f"doc {part} {verb}", old.get(part),
                              new.get(part))


def place_finding(path: str, resolved: Resolved) -> Iterator[Finding]:
    """The change of type a resolved place holds, if any."""
    if resolved.rule_id is not None:
        accepts = f" (accepts {', '.join(resolved.accepted)})" if resolved.accepted else ""
        yield Finding(join(path, resolved.suffix), resolved.rule_id,
                      f"type {resolved.old} -> {resolved.new}{accepts}", resolved.old,
                      resolved.new)
