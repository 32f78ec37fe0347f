"""A JSON Schema (draft 2020-12) for the QMP wire messages a schema defines.

It is computed from the resolved ``query-qmp-schema`` answer, so it describes
exactly the commands, events and members that answer shows (defines and
compatibility policy applied, type names as masked there).  Layout of
``$defs``:

``type-NAME``
    A value of the type called ``NAME`` in the introspection data: builtins by
    JSON type, enums as their member names, objects closed with
    ``unevaluatedProperties: false``, alternates as ``anyOf`` their branches.
    Arrays have no definition of their own; references to ``[NAME]`` become
    ``{"type": "array", "items": ...}`` in place.
``members-NAME``
    The open member set of object type ``NAME``: ``properties``, ``required``
    and, for unions, one ``if``/``then`` per variant referring to the variant's
    ``members-`` definition.  ``type-NAME`` closes it.
``command-NAME``
    A request ``{"execute": NAME, "arguments": ..., "id": ...}``;
    ``exec-oob`` instead of ``execute`` when the command allows out-of-band
    execution.  ``arguments`` is required only when some argument is.
``return-NAME``
    The success response ``{"return": ..., "id": ...}`` to command ``NAME``.
``event-NAME``
    An event message ``{"event": NAME, "data": ..., "timestamp": ...}``.

The document itself accepts any request or event (``anyOf`` the ``command-``
and ``event-`` definitions); responses can only be checked against the
``return-`` definition of the command they answer.
"""

from __future__ import annotations

from typing import Any

from .schema_info import Json

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_JSON_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "null": {"type": "null"},
    "value": {},
}

_TIMESTAMP = {
    "type": "object",
    "properties": {"seconds": {"type": "integer"}, "microseconds": {"type": "integer"}},
    "required": ["seconds", "microseconds"],
    "additionalProperties": False,
}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


class _Writer:
    """Turns SchemaInfo objects into definitions."""

    def __init__(self, infos: list[dict[str, Any]]) -> None:
        self._infos = {info["name"]: info for info in infos}
        self.defs: dict[str, Any] = {}

    def value(self, name: str) -> dict[str, Any]:
        """The schema of a value of type ``name`` (a reference, or an inline array)."""
        info = self._infos.get(name)
        if info is None:
            return {}
        if info["meta-type"] == "array":
            return {"type": "array", "items": self.value(info["element-type"])}
        return _ref(f"type-{name}")

    def _members_ref(self, name: str) -> dict[str, Any]:
        return _ref(f"members-{name}") if name in self._infos else {}

    def has_required(self, name: str) -> bool:
        """Whether a value of object type ``name`` has a required member."""
        info = self._infos.get(name, {})
        return any("default" not in m for m in info.get("members", ()))

    def add_type(self, info: dict[str, Any]) -> None:
        name, meta = info["name"], info["meta-type"]
        if meta == "builtin":
            self.defs[f"type-{name}"] = _JSON_TYPES[info["json-type"]]
        elif meta == "enum":
            self.defs[f"type-{name}"] = {"enum": [m["name"] for m in info["members"]]}
        elif meta == "alternate":
            self.defs[f"type-{name}"] = {"anyOf": [self.value(m["type"]) for m in info["members"]]}
        elif meta == "object":
            self.defs[f"members-{name}"] = self._members(info)
            self.defs[f"type-{name}"] = {
                **_ref(f"members-{name}"), "unevaluatedProperties": False,
            }

    def _members(self, info: dict[str, Any]) -> dict[str, Any]:
        members = info["members"]
        result: dict[str, Any] = {
            "type": "object",
            "properties": {m["name"]: self.value(m["type"]) for m in members},
            "required": [m["name"] for m in members if "default" not in m],
        }
        if "tag" in info:
            tag = info["tag"]
            result["allOf"] = [
                {
                    "if": {"properties": {tag: {"const": v["case"]}}, "required": [tag]},
                    "then": self._members_ref(v["type"]),
                }
                for v in info["variants"]
            ]
        return result

    def add_command(self, info: dict[str, Any]) -> None:
        name = info["name"]
        properties: dict[str, Any] = {
            "execute": {"const": name},
            "arguments": self.value(info["arg-type"]),
            "id": {},
        }
        request: dict[str, Any] = {"type": "object", "properties": properties}
        if info.get("allow-oob"):
            properties["exec-oob"] = {"const": name}
            request["oneOf"] = [{"required": ["execute"]}, {"required": ["exec-oob"]}]
        else:
            request["required"] = ["execute"]
        if self.has_required(info["arg-type"]):
            request.setdefault("required", []).append("arguments")
        request["additionalProperties"] = False
        self.defs[f"command-{name}"] = request
        self.defs[f"return-{name}"] = {
            "type": "object",
            "properties": {"return": self.value(info["ret-type"]), "id": {}},
            "required": ["return"],
            "additionalProperties": False,
        }

    def add_event(self, info: dict[str, Any]) -> None:
        name = info["name"]
        required = ["event", "timestamp"]
        if self.has_required(info["arg-type"]):
            required.append("data")
        self.defs[f"event-{name}"] = {
            "type": "object",
            "properties": {
                "event": {"const": name},
                "data": self.value(info["arg-type"]),
                "timestamp": _TIMESTAMP,
            },
            "required": required,
            "additionalProperties": False,
        }


def wire_schema(infos: list[Json], title: str) -> dict[str, Any]:
    """The JSON Schema of the wire messages described by ``infos`` (resolved SchemaInfo)."""
    entries = [info for info in infos if isinstance(info, dict)]
    writer = _Writer(entries)
    messages: list[Any] = []
    for info in entries:
        if info["meta-type"] == "command":
            writer.add_command(info)
            messages.append(_ref(f"command-{info['name']}"))
        elif info["meta-type"] == "event":
            writer.add_event(info)
            messages.append(_ref(f"event-{info['name']}"))
        else:
            writer.add_type(info)
    return {
        "$schema": DIALECT,
        "title": title,
        "anyOf": messages or [False],
        "$defs": writer.defs,
    }
