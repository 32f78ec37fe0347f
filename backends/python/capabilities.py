"""What the connected QEMU has, read from its ``query-qmp-schema`` reply.

This file is copied verbatim into every generated package as
``capabilities.py``; it needs only the standard library.  QEMU hides most
type names in that reply (they are numbers), so arguments and enumeration
values are found by their place: a command and a dotted path inside its
arguments, looking through arrays, alternates and union branches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

#: One SchemaInfo object of the reply.
Info = Mapping[str, Any]


class Capabilities:
    """The commands, events, arguments and enum values of one QEMU."""

    def __init__(self, schema: object) -> None:
        infos = schema if isinstance(schema, list) else []
        self._infos: dict[str, Info] = {
            info["name"]: info
            for info in infos
            if isinstance(info, Mapping) and isinstance(info.get("name"), str)
        }

    def _of(self, meta: str, name: str) -> Info | None:
        info = self._infos.get(name)
        return info if info is not None and info.get("meta-type") == meta else None

    def has_command(self, name: str) -> bool:
        """Whether QEMU has the command ``name`` (``blockdev-add``)."""
        return self._of("command", name) is not None

    def has_event(self, name: str) -> bool:
        """Whether QEMU has the event ``name`` (``BLOCK_IO_ERROR``)."""
        return self._of("event", name) is not None

    def has_argument(self, command: str, path: str) -> bool:
        """Whether ``command`` takes the argument at ``path`` (``file.aio`` of ``blockdev-add``).

        Each dotted part is a member of an object the previous part can hold,
        in any union branch or alternate branch.
        """
        return bool(self._argument_types(command, path))

    def has_enum_value(self, command: str, path: str, value: str) -> bool:
        """Whether the enumeration at argument ``path`` of ``command`` has ``value``."""
        for name in self._argument_types(command, path):
            info = self._of("enum", name)
            if info is not None and value in info.get("values", ()):
                return True
        return False

    def _argument_types(self, command: str, path: str) -> set[str]:
        """The types that the argument at ``path`` of ``command`` can have (none: no such)."""
        info = self._of("command", command)
        if info is None or not path:
            return set()
        found = set(self._expand([info["arg-type"]]))
        for part in path.split("."):
            found = set(self._expand(self._member_types(found, part)))
        return found

    def _expand(self, names: Iterable[str]) -> Iterator[str]:
        """``names``, with arrays replaced by their elements and alternates by their branches."""
        pending, seen = list(names), set()
        while pending:
            name = pending.pop()
            if name in seen:
                continue
            seen.add(name)
            info = self._infos.get(name, {})
            if info.get("meta-type") == "array":
                pending.append(info["element-type"])
            elif info.get("meta-type") == "alternate":
                pending += [branch["type"] for branch in info.get("members", ())]
            else:
                yield name

    def _member_types(self, objects: Iterable[str], member: str) -> Iterator[str]:
        """The types of the members called ``member`` of ``objects`` and their union branches."""
        pending, seen = list(objects), set()
        while pending:
            info = self._of("object", pending.pop())
            if info is None or info["name"] in seen:
                continue
            seen.add(info["name"])
            yield from (m["type"] for m in info.get("members", ()) if m.get("name") == member)
            pending += [variant["type"] for variant in info.get("variants", ())]
