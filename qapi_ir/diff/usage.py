"""What a client uses, read from its QMP messages, and which changes touch it.

The file holds one JSON message per line, as a QMP log records them:
commands (``execute`` or ``exec-oob``, with their ``arguments``) and events
the client received; replies and blank lines are skipped.  A change touches
the client when it is in a command it ran (as a whole, in what it returns,
at an argument path its messages carry, a new mandatory member of an object
it sends, or an enum value it sent that is gone) or in an event it received.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable
from typing import Any

import attrs

from qapi_ir.diff.changes import Change, Group
from qapi_ir.diff.matching import Edge, Matching
from qapi_ir.diff.places import Pair
from qapi_ir.input_file import TOO_DEEP, InputFileError, read_text

#: Rules about a member the client does not send but now must.
_NEWLY_REQUIRED = frozenset({"member-added-mandatory", "member-made-mandatory"})
#: The mark of a string value a client sent, among the paths it sent.
_VALUE = "="


class UsageError(Exception):
    """A message file that cannot be read; the message names the file and line."""


@attrs.frozen
class ClientUse:
    """The commands a client ran (each with the arguments it sent) and the events it got."""

    commands: dict[str, list[Any]]
    events: frozenset[str]


def read_usage(path: str) -> ClientUse:
    """The QMP messages in the file at ``path``."""
    try:
        lines = read_text(path).splitlines()
    except OSError as exc:
        raise UsageError(f"can't read '{path}': {exc.strerror or exc}") from exc
    except InputFileError as exc:
        raise UsageError(f"can't read {exc}") from exc
    commands: dict[str, list[Any]] = {}
    events: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not a JSON message: {exc.msg}") from exc
        except RecursionError:
            raise UsageError(f"{path}:{number}: {TOO_DEEP}") from None
        if not isinstance(message, dict):
            raise UsageError(f"{path}:{number}: a QMP message must be a JSON object")
        name = message.get("execute", message.get("exec-oob"))
        if isinstance(name, str):
            commands.setdefault(name, []).append(message.get("arguments", {}))
        elif isinstance(message.get("event"), str):
            events.add(message["event"])
    return ClientUse(commands, frozenset(events))


def _canonical(path: str) -> str:
    """A path as a client's JSON shows it: without branches and array marks."""
    return re.sub(r"\{[^}]*\}|\[\]", "", path).strip(".").replace("..", ".")


def _parent(path: str) -> str:
    return path.rpartition(".")[0]


class _Touched:
    """The pairs a client reads whole, and the paths it sends inside others."""

    def __init__(self, matching: Matching, use: ClientUse) -> None:
        self.matching = matching
        self.whole: set[Pair] = set()
        self.sent: dict[Pair, set[str]] = {}
        for root, entries in matching.entries.items():
            if root.group.kind == "event" and root.group.name in use.events:
                self._read_whole(entries)
            elif root.group.kind == "command" and root.group.name in use.commands:
                if root.prefix == "returns":
                    self._read_whole(entries)
                else:
                    for arguments in use.commands[root.group.name]:
                        for edge in entries:
                            self._send(edge.pair, arguments)

    def _read_whole(self, entries: Iterable[Edge]) -> None:
        queue = deque(edge.pair for edge in entries)
        while queue:
            pair = queue.popleft()
            if pair not in self.whole:
                self.whole.add(pair)
                queue.extend(edge.pair for edge in self.matching.nodes[pair].edges)

    def _send(self, pair: Pair, value: Any) -> None:
        sent = self.sent.setdefault(pair, set())
        sent.add("")
        keys = value if isinstance(value, dict) else {}
        sent.update(keys)
        if isinstance(value, str):
            sent.add(_VALUE + value)
        for edge in self.matching.nodes[pair].edges:
            name = _canonical(edge.path)
            if not name:
                self._send(edge.pair, value)
            elif name in keys:
                for element in _elements(keys[name], edge.path.count("[]")):
                    self._send(edge.pair, element)

    def touches(self, change: Change, use: ClientUse) -> bool:
        group: Group = change.group
        if change.origin is None:
            used = use.commands if group.kind == "command" else use.events
            return group.name in used
        if change.origin in self.whole:
            return True
        sent = self.sent.get(change.origin)
        if sent is None:
            return False
        prefix = self.matching.nodes[change.origin].prefix
        relative = _canonical(change.path[len(prefix):])
        if "enum-value-removed" in (change.rule.id, change.replaced):
            return _VALUE + (change.old or "") in sent
        return relative in sent or (
            change.rule.id in _NEWLY_REQUIRED and _parent(relative) in sent)


def _elements(value: Any, depth: int) -> list[Any]:
    """The values inside ``depth`` levels of arrays (none when ``value`` isn't one)."""
    values = [value]
    for _ in range(depth):
        values = [v for outer in values if isinstance(outer, list) for v in outer]
    return values


def mark_affected(changes: Iterable[Change], matching: Matching,
                  use: ClientUse) -> list[Change]:
    """``changes`` with ``affects`` set to whether each touches the client."""
    touched = _Touched(matching, use)
    return [attrs.evolve(c, affects=touched.touches(c, use)) for c in changes]
