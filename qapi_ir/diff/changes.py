"""The changes a comparison finds, and the recorder that collects them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from qapi_ir.diff import model
from qapi_ir.diff.places import PlaceResolver, Resolved
from qapi_ir.diff.rules import Direction, Rule, Severity, rule

GROUP_KINDS = ("command", "event", "type")


@attrs.frozen(order=True)
class Group:
    """What a change is reported under: a command, an event or a type (new name first)."""

    kind: str
    name: str
    old_name: str | None = None


@attrs.frozen
class Change:
    """One change: where (group and path inside it), which rule, in which directions."""

    group: Group
    path: str
    rule: Rule
    directions: frozenset[Direction]
    detail: str
    old: str | None = None
    new: str | None = None

    @property
    def severity(self) -> Severity:
        """The class of the change for a client."""
        return self.rule.classify(self.directions)

    def sort_key(self) -> tuple[int, str, str, str, str]:
        """Commands, then events, then types; by name, path, rule and detail."""
        return (GROUP_KINDS.index(self.group.kind), self.group.name, self.path, self.rule.id,
                self.detail)


@attrs.frozen
class DiffResult:
    """All changes in a stable order, and which commands and events reach each type group."""

    changes: tuple[Change, ...]
    uses: Mapping[Group, tuple[str, ...]]


def join(prefix: str, part: str) -> str:
    """A path inside a group: members joined with dots, ``[]`` and ``{branch}`` appended."""
    if not prefix or not part or part[0] in "[{":
        return prefix + part
    return f"{prefix}.{part}"


class Recorder:
    """Collects the changes between ``old`` and ``new``, with the helpers every part uses."""

    def __init__(self, old: model.WireSchema, new: model.WireSchema, *, docs: bool) -> None:
        self.old = old
        self.new = new
        self.places = PlaceResolver(old, new)
        both = old.knows & new.knows
        self.conditions = model.KNOWS_CONDITIONS in both
        self.docs = docs and model.KNOWS_DOCS in both
        self.changes: list[Change] = []

    def emit(self, group: Group, path: str, rule_id: str, detail: str,
             directions: Iterable[Direction] = (), old: str | None = None,
             new: str | None = None) -> None:
        """Record a change under the rule called ``rule_id``."""
        self.emit_rule(group, path, rule(rule_id), detail, directions, old, new)

    def emit_rule(self, group: Group, path: str, change_rule: Rule, detail: str,
                  directions: Iterable[Direction] = (), old: str | None = None,
                  new: str | None = None) -> None:
        """Record a change under ``change_rule``."""
        self.changes.append(
            Change(group, path, change_rule, frozenset(directions), detail, old, new))

    def compare_features(self, group: Group, path: str, old: tuple[model.Feature, ...],
                         new: tuple[model.Feature, ...], directions: Iterable[Direction]) -> None:
        """Features added, removed, or with a changed condition."""
        old_by_name = {f.name: f for f in old}
        new_by_name = {f.name: f for f in new}
        for name in sorted(old_by_name.keys() - new_by_name.keys()):
            kind = name if name in ("deprecated", "unstable") else "feature"
            self.emit(group, path, f"{kind}-removed", f"feature '{name}' removed", directions,
                      old=name)
        for name in sorted(new_by_name.keys() - old_by_name.keys()):
            kind = name if name in ("deprecated", "unstable") else "feature"
            self.emit(group, path, f"{kind}-added", f"feature '{name}' added", directions,
                      new=name)
        for name in sorted(old_by_name.keys() & new_by_name.keys()):
            self.compare_condition(group, path, old_by_name[name].condition,
                                   new_by_name[name].condition, directions, f"feature '{name}'")

    def compare_condition(self, group: Group, path: str, old: str | None, new: str | None,
                          directions: Iterable[Direction], what: str = "") -> None:
        """A changed condition, when both inputs know conditions."""
        if self.conditions and old != new:
            subject = f" of {what}" if what else ""
            self.emit(group, path, "condition-changed",
                      f"condition{subject} changed: {old or 'none'} -> {new or 'none'}",
                      directions, old, new)

    def compare_docs(self, group: Group, old_symbol: str | None,
                     new_symbol: str | None) -> None:
        """Doc changes between two definitions, when docs are compared."""
        if not self.docs or old_symbol is None or new_symbol is None:
            return
        empty = model.DocText({})
        old = self.old.docs.get(old_symbol, empty).parts
        new = self.new.docs.get(new_symbol, empty).parts
        for part in sorted(old.keys() | new.keys()):
            if old.get(part) != new.get(part):
                verb = "added" if part not in old else "removed" if part not in new else "changed"
                self.emit(group, "", "doc-changed", f"doc {part} {verb}",
                          old=old.get(part), new=new.get(part))

    def emit_place(self, group: Group, path: str, resolved: Resolved,
                   directions: Iterable[Direction]) -> None:
        """Record the change of type a resolved place holds, if any."""
        if resolved.rule_id is not None:
            self.emit(group, join(path, resolved.suffix), resolved.rule_id,
                      f"type {resolved.old} -> {resolved.new}", directions,
                      resolved.old, resolved.new)
