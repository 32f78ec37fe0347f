"""Comparing two schemas: every change a client can notice, classified by a rule.

Commands and events are matched by name.  Types are matched by place: walking
from each command's arguments and returns and each event's data, the old and
new type met at the same place form a pair, compared once.  A pair whose type
has a visible name is reported under that type; an anonymous one (implicit
arguments, masked introspection names) under the place it was first met.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from typing import TypeVar

import attrs

from qapi_ir.diff import model
from qapi_ir.diff.changes import Change, DiffResult, Group, Recorder, join
from qapi_ir.diff.members import children, compare_node
from qapi_ir.diff.places import Pair
from qapi_ir.diff.rules import Direction, Rule
from qapi_ir.flags import flags_of

_Definition = TypeVar("_Definition", model.Command, model.Event)


@attrs.define
class _Node:
    """A pair of types being compared: where it is reported, and who reaches it how."""

    group: Group
    prefix: str
    directions: set[Direction] = attrs.field(factory=set)
    uses: set[str] = attrs.field(factory=set)


@attrs.frozen
class _Root:
    """Where a walk starts: a command's arguments or returns, or an event's data."""

    group: Group
    prefix: str
    old_type: str
    new_type: str
    direction: Direction


class Comparison(Recorder):
    """The comparison of ``old`` with ``new``; :meth:`run` gives the result."""

    def __init__(self, old: model.WireSchema, new: model.WireSchema, *, docs: bool) -> None:
        super().__init__(old, new, docs=docs)
        self.nodes: dict[Pair, _Node] = {}

    def run(self) -> DiffResult:
        """Compare commands, events, then every pair of types they reach."""
        roots = self._compare_commands() + self._compare_events()
        for root in roots:
            self._walk(root)
        for pair, node in self.nodes.items():
            compare_node(self, pair, node.group, node.prefix, frozenset(node.directions))
        uses: dict[Group, set[str]] = {}
        for node in self.nodes.values():
            if node.group.kind == "type":
                uses.setdefault(node.group, set()).update(node.uses)
        return DiffResult(tuple(sorted(self.changes, key=Change.sort_key)),
                          {group: tuple(sorted(places)) for group, places in uses.items()})

    # ------------------------------------------------------------ commands and events

    def _compare_flags(self, group: Group, old: Mapping[str, bool],
                       new: Mapping[str, bool]) -> None:
        """Flags both inputs know, classified by the rules of the flag table."""
        for flag in flags_of("command"):
            if flag.diff is None or flag.name not in old.keys() & new.keys():
                continue
            if old[flag.name] == new[flag.name]:
                continue
            back = new[flag.name] == flag.default
            flag_rule = flag.diff.to_default if back else flag.diff.to_other
            was, now = str(old[flag.name]).lower(), str(new[flag.name]).lower()
            self.emit_rule(group, "", Rule.for_flag(flag_rule),
                           f"'{flag.name}' {was} -> {now}", old=was, new=now)

    def _matched(
        self, kind: str, old: Mapping[str, _Definition], new: Mapping[str, _Definition]
    ) -> Iterator[tuple[Group, _Definition, _Definition]]:
        """Commands (or events) present in both, their features, condition and docs compared.

        Those present in only one are reported added or removed.
        """
        for name in sorted(old.keys() | new.keys()):
            group = Group(kind, name)
            was, now = old.get(name), new.get(name)
            if was is None or now is None:
                verb = "added" if was is None else "removed"
                self.emit(group, "", f"{kind}-{verb}", f"{kind} {verb}")
                continue
            self.compare_features(group, "", was.features, now.features, ())
            self.compare_condition(group, "", was.condition, now.condition, ())
            self.compare_docs(group, name, name)
            yield group, was, now

    def _compare_commands(self) -> list[_Root]:
        roots = []
        for group, old, new in self._matched("command", self.old.commands, self.new.commands):
            self._compare_flags(group, old.flags, new.flags)
            roots.append(_Root(group, "arguments", old.arguments, new.arguments, Direction.INTO))
            roots.append(_Root(group, "returns", old.returns, new.returns, Direction.OUT))
        return roots

    def _compare_events(self) -> list[_Root]:
        return [
            _Root(group, "data", old.data, new.data, Direction.OUT)
            for group, old, new in self._matched("event", self.old.events, self.new.events)
        ]

    # ------------------------------------------------------------ walking the types

    def _node(self, pair: Pair, group: Group, prefix: str) -> _Node:
        node = self.nodes.get(pair)
        if node is None:
            old_name = self.old.types[pair[0]].name
            new_name = self.new.types[pair[1]].name
            name = new_name or old_name
            if name is not None:
                renamed = old_name if old_name not in (None, name) else None
                node = _Node(Group("type", name, renamed), "")
            else:
                node = _Node(group, prefix)
            self.nodes[pair] = node
        return node

    def _walk(self, root: _Root) -> None:
        """Visit every pair reachable from ``root``, breadth first, recording its use."""
        queue: deque[tuple[Pair, str]] = deque()
        for resolved in self.places.resolve(root.old_type, root.new_type):
            self.emit_place(root.group, root.prefix, resolved, (root.direction,))
            if resolved.pair is not None:
                queue.append((resolved.pair, join(root.prefix, resolved.suffix)))
        seen: set[Pair] = set()
        while queue:
            pair, prefix = queue.popleft()
            if pair in seen:
                continue
            seen.add(pair)
            node = self._node(pair, root.group, prefix)
            node.directions.add(root.direction)
            node.uses.add(f"{root.group.kind} {root.group.name} {root.prefix}")
            for part, old_type, new_type in children(self.old, self.new, pair):
                for resolved in self.places.resolve(old_type, new_type):
                    if resolved.pair is not None:
                        queue.append((resolved.pair, join(join(prefix, part), resolved.suffix)))


def compare(old: model.WireSchema, new: model.WireSchema, *, docs: bool = False) -> DiffResult:
    """Every change from ``old`` to ``new``; doc changes only when ``docs``."""
    return Comparison(old, new, docs=docs).run()
