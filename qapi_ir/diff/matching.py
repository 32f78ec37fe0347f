"""Matching the types of two wire models by where they appear, not by name.

Walking from each command's arguments and returns and each event's data
(present in both models), the old and new type met at the same place form a
pair.  The result is a graph: each pair once, with the group it is reported
under, the directions data flows through it, who uses it, and the places
inside it that lead to further pairs.  :func:`match_types` is all a tool
needs to follow one model's types into the other's.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

import attrs

from qapi_ir.diff import wire_model
from qapi_ir.diff.changes import Group, join
from qapi_ir.diff.members import children
from qapi_ir.diff.places import Pair, PlaceResolver
from qapi_ir.diff.rules import Direction


@attrs.frozen
class Root:
    """Where a walk starts: a command's arguments or returns, or an event's data."""

    group: Group
    prefix: str
    old_type: str
    new_type: str
    direction: Direction
    unstable: bool = False


@attrs.frozen(order=True)
class Edge:
    """A place leading to ``pair``: its path relative to where it starts (``a[]``, ``{k}.b``)."""

    path: str
    pair: Pair


@attrs.define
class Node:
    """A pair of types: where it is reported, who reaches it how, and what it leads to.

    ``unstable`` stays true while every path reaching the pair passes through
    something unstable or ``x-`` named.
    """

    group: Group
    prefix: str
    directions: set[Direction] = attrs.field(factory=set)
    uses: set[str] = attrs.field(factory=set)
    unstable: bool = True
    edges: set[Edge] = attrs.field(factory=set)


@attrs.frozen
class Matching:
    """The pairs reachable from ``roots``; ``entries`` gives each root's first edges."""

    roots: tuple[Root, ...]
    entries: Mapping[Root, tuple[Edge, ...]]
    nodes: Mapping[Pair, Node]


def roots_of(old: wire_model.WireSchema, new: wire_model.WireSchema) -> list[Root]:
    """The arguments and returns of each command, and the data of each event, in both."""
    roots = []
    for name in sorted(old.commands.keys() & new.commands.keys()):
        was, now = old.commands[name], new.commands[name]
        unstable = wire_model.is_unstable(name, was.features)
        group = Group("command", name)
        roots.append(Root(group, "arguments", was.arguments, now.arguments, Direction.INTO,
                          unstable))
        roots.append(Root(group, "returns", was.returns, now.returns, Direction.OUT, unstable))
    for name in sorted(old.events.keys() & new.events.keys()):
        was_event, now_event = old.events[name], new.events[name]
        roots.append(Root(Group("event", name), "data", was_event.data, now_event.data,
                          Direction.OUT, wire_model.is_unstable(name, was_event.features)))
    return roots


class _Walk:
    def __init__(self, old: wire_model.WireSchema, new: wire_model.WireSchema) -> None:
        self.old = old
        self.new = new
        self.places = PlaceResolver(old, new)
        self.nodes: dict[Pair, Node] = {}
        self._inner: dict[Pair, list[tuple[Edge, bool]]] = {}

    def _node(self, pair: Pair, group: Group, prefix: str) -> Node:
        node = self.nodes.get(pair)
        if node is None:
            name = self.new.types[pair[1]].name or self.old.types[pair[0]].name
            node = Node(Group("type", name), "") if name is not None else Node(group, prefix)
            self.nodes[pair] = node
        return node

    def _edges(self, old_type: str, new_type: str, path: str) -> list[Edge]:
        return [Edge(join(path, r.suffix), r.pair)
                for r in self.places.resolve(old_type, new_type) if r.pair is not None]

    def _inner_edges(self, pair: Pair) -> list[tuple[Edge, bool]]:
        """The edges inside ``pair``, each with whether its place is unstable (found once:
        many roots reach the same pairs)."""
        inner = self._inner.get(pair)
        if inner is None:
            inner = self._inner[pair] = [
                (edge, child.unstable) for child in children(self.old, self.new, pair)
                for edge in self._edges(child.old_type, child.new_type, child.part)]
        return inner

    def walk(self, root: Root) -> tuple[Edge, ...]:
        """Visit every pair reachable from ``root``, breadth first; the root's own edges."""
        entries = self._edges(root.old_type, root.new_type, "")
        queue = deque((e.pair, join(root.prefix, e.path), root.unstable) for e in entries)
        seen: set[tuple[Pair, bool]] = set()
        while queue:
            pair, prefix, unstable = queue.popleft()
            if (pair, unstable) in seen:
                continue
            seen.add((pair, unstable))
            node = self._node(pair, root.group, prefix)
            node.directions.add(root.direction)
            node.uses.add(f"{root.group.kind} {root.group.name} {root.prefix}")
            node.unstable = node.unstable and unstable
            for edge, inner_unstable in self._inner_edges(pair):
                node.edges.add(edge)
                queue.append((edge.pair, join(prefix, edge.path), unstable or inner_unstable))
        return tuple(entries)


def match_types(old: wire_model.WireSchema, new: wire_model.WireSchema,
                roots: Iterable[Root] | None = None) -> Matching:
    """The pairs of types at the same places of ``old`` and ``new``, from ``roots``.

    By default the roots are every command and event present in both.
    """
    walk = _Walk(old, new)
    chosen = tuple(roots_of(old, new) if roots is None else roots)
    entries = {root: walk.walk(root) for root in chosen}
    return Matching(chosen, entries, walk.nodes)


def defined_types(schema: wire_model.WireSchema) -> dict[str, str]:
    """The enumerations, objects and alternates with a visible name that a command or
    event of ``schema`` reaches (a ``query-qmp-schema`` reply holds no others): each
    type's key in ``schema.types`` and its name."""
    reached = {new for _, new in match_types(schema, schema).nodes}
    return {key: info.name for key, info in schema.types.items()
            if info.name and key in reached
            and not isinstance(info.shape, wire_model.Scalar | wire_model.Array)}
