"""Comparing two schemas: every change a client can notice, classified by a rule.

Commands and events are matched by name, types by place
(:mod:`qapi_ir.diff.matching`).  A pair whose type has a visible name is
reported under that type; an anonymous one (implicit arguments, masked
introspection names) under the place it was first met.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

import attrs

from qapi_ir.diff import wire_model
from qapi_ir.diff.changes import Change, Finding, Group, Recorder, Where, place_finding
from qapi_ir.diff.matching import Matching, match_types
from qapi_ir.diff.members import compare_node
from qapi_ir.flags import flags_of
from qapi_ir.ir import Location

_Definition = TypeVar("_Definition", wire_model.Command, wire_model.Event)

#: What an input may not know, as the report names it.
_KNOWLEDGE = ((wire_model.KNOWS_CONDITIONS, "conditions"),
              (wire_model.KNOWS_SCALAR_NAMES, "integer widths"))


@attrs.frozen
class DiffResult:
    """All changes in a stable order, and what the reports say besides.

    ``uses`` tells which commands and events reach each type group,
    ``renamed`` the old names of each renamed type, ``not_compared`` what
    could not be compared and why, and ``matching`` the pairs of types.
    """

    changes: tuple[Change, ...]
    uses: Mapping[Group, tuple[str, ...]]
    renamed: Mapping[Group, tuple[str, ...]] = attrs.field(factory=dict)
    not_compared: tuple[str, ...] = ()
    matching: Matching | None = None


class Comparison(Recorder):
    """The comparison of ``old`` with ``new``; :meth:`run` gives the result."""

    def run(self) -> DiffResult:
        """Compare commands, events, then every pair of types they reach."""
        self._compare_commands()
        self._compare_events()
        matching = match_types(self.old, self.new)
        for root in matching.roots:
            where = Where(root.group, root.prefix, frozenset((root.direction,)), root.unstable,
                          *self._locations(root.group))
            for resolved in self.places.resolve(root.old_type, root.new_type):
                self.record(where, place_finding("", resolved))
        for pair, node in matching.nodes.items():
            old_info, new_info = self.old.types[pair[0]], self.new.types[pair[1]]
            locations = self._locations(node.group)
            where = Where(node.group, node.prefix, frozenset(node.directions), node.unstable,
                          new_info.location or locations[0],
                          old_info.location or locations[1], pair)
            compare_node(self, pair, where)
        uses: dict[Group, set[str]] = {}
        renamed: dict[Group, set[str]] = {}
        for pair, node in matching.nodes.items():
            if node.group.kind == "type":
                uses.setdefault(node.group, set()).update(node.uses)
                old_name = self.old.types[pair[0]].name
                if old_name is not None and old_name != node.group.name:
                    renamed.setdefault(node.group, set()).add(old_name)
        return DiffResult(tuple(sorted(self.changes, key=Change.sort_key)),
                          {group: tuple(sorted(places)) for group, places in uses.items()},
                          {group: tuple(sorted(names)) for group, names in renamed.items()},
                          self._not_compared(), matching)

    def _not_compared(self) -> tuple[str, ...]:
        notes = []
        for knowledge, what in _KNOWLEDGE:
            lacking = [side for side, schema in (("OLD", self.old), ("NEW", self.new))
                       if knowledge not in schema.knows]
            if lacking:
                verb = "does" if len(lacking) == 1 else "do"
                notes.append(f"{what} ({' and '.join(lacking)} {verb} not record them)")
        return tuple(notes)

    def _locations(self, group: Group) -> tuple[Location | None, Location | None]:
        """Where a command or event is defined in the new and the old schema."""
        definitions: tuple[Mapping[str, wire_model.Command] | Mapping[str, wire_model.Event], ...]
        if group.kind == "command":
            definitions = (self.new.commands, self.old.commands)
        elif group.kind == "event":
            definitions = (self.new.events, self.old.events)
        else:
            return None, None
        new, old = (d.get(group.name) for d in definitions)
        return (None if new is None else new.location, None if old is None else old.location)

    # ------------------------------------------------------------ commands and events

    def _compare_flags(self, old: Mapping[str, bool], new: Mapping[str, bool]) -> Iterator[Finding]:
        """Flags both inputs know, classified by the rules of the flag table."""
        if old == new:
            return
        for flag in flags_of("command"):
            if flag.diff is None or flag.name not in old.keys() & new.keys():
                continue
            if old[flag.name] == new[flag.name]:
                continue
            back = new[flag.name] == flag.default
            flag_rule = flag.diff.to_default if back else flag.diff.to_other
            was, now = str(old[flag.name]).lower(), str(new[flag.name]).lower()
            yield Finding("", flag_rule.id, f"'{flag.name}' {was} -> {now}", old=was, new=now)

    def _matched(
        self, kind: str, old: Mapping[str, _Definition], new: Mapping[str, _Definition]
    ) -> list[tuple[Where, _Definition, _Definition]]:
        """Commands (or events) present in both, their features, condition and docs compared.

        Those present in only one are reported added or removed.
        """
        matched = []
        for name in sorted(old.keys() | new.keys()):
            group = Group(kind, name)
            was, now = old.get(name), new.get(name)
            where = Where(group, "", frozenset(), False, *self._locations(group))
            if was is None or now is None:
                verb = "added" if was is None else "removed"
                present = now if was is None else was
                assert present is not None
                self.record(where, [Finding(
                    "", f"{kind}-{verb}", f"{kind} {verb}",
                    unstable=was is not None and wire_model.is_unstable(name, present.features),
                    deprecated=wire_model.is_deprecated(present.features),
                    present_if=present.condition)])
                continue
            where = attrs.evolve(where, unstable=wire_model.is_unstable(name, was.features))
            self.record(where, self.features("", was.features, now.features))
            self.record(where, self.condition("", was.condition, now.condition))
            self.record(where, self.docs_findings(name, name))
            matched.append((where, was, now))
        return matched

    def _compare_commands(self) -> None:
        for where, old, new in self._matched("command", self.old.commands, self.new.commands):
            self.record(where, self._compare_flags(old.flags, new.flags))

    def _compare_events(self) -> None:
        self._matched("event", self.old.events, self.new.events)


def compare(old: wire_model.WireSchema, new: wire_model.WireSchema, *,
            docs: bool = False) -> DiffResult:
    """Every change from ``old`` to ``new``; doc changes only when ``docs``."""
    return Comparison(old, new, docs=docs).run()
