"""A JSON Schema of the IR snapshot format, derived from the attrs classes.

The repository keeps it in ``schema/ir.schema.json``, written with the
format version and the shape record by ``python -m qapi_ir.regenerate
--update`` (:mod:`qapi_ir.snapshot_format`); a test checks all three are in step.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from typing import Any

import attrs

from qapi_ir import flags, ir
from qapi_ir.snapshot import CONDITION_KINDS, ENTITY_KINDS, FORMAT_NAME, FORMAT_VERSION

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}
_TAGGED: dict[str, dict[type, str]] = {"Condition": CONDITION_KINDS, "Entity": ENTITY_KINDS}


def _flag_names(owner: str) -> dict[str, Any]:
    """The names of true flags of ``owner``: a table order subset of :data:`flags.FLAGS`.

    The default (the flags true when the field is left out) is part of the shape: a
    reader in another language needs it, and a changed default is not additive.
    """
    return {"type": "array", "items": {"enum": [f.name for f in flags.flags_of(owner)]},
            "uniqueItems": True, "default": list(flags.default_true(owner))}


class SchemaBuilder:
    """Collects ``$defs`` while translating type hints of attrs classes into JSON Schema.

    ``tagged`` names the unions whose members carry a ``kind`` tag, with the
    tag of each class.
    """

    def __init__(self, tagged: dict[str, dict[type, str]] | None = None) -> None:
        self.defs: dict[str, Any] = {}
        self.tagged = _TAGGED if tagged is None else tagged

    def for_type(self, hint: Any) -> dict[str, Any]:
        """The JSON Schema of values of ``hint`` (named classes go to ``defs``)."""
        if hint in _SCALARS:
            return dict(_SCALARS[hint])
        origin = typing.get_origin(hint)
        args = set(typing.get_args(hint))
        for union_name, kinds in self.tagged.items():
            if args == set(kinds):
                return self._tagged_union(union_name, kinds)
            if args == {*kinds, type(None)}:
                return {"anyOf": [self._tagged_union(union_name, kinds), {"type": "null"}]}
        if origin is tuple:
            element, _ = typing.get_args(hint)
            return {"type": "array", "items": self.for_type(element)}
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.for_type(arg) for arg in typing.get_args(hint)]}
        if attrs.has(hint):
            return self._class(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")

    def _class(self, cls: type, tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}
            hints = typing.get_type_hints(cls)
            properties: dict[str, Any] = {}
            required: list[str] = []
            if tag is not None:
                properties["kind"] = {"const": tag}
                required.append("kind")
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                owner = field.metadata.get("flags_of")
                properties[field.name] = (
                    _flag_names(owner) if owner else self.for_type(hints[field.name]))
                if field.default is attrs.NOTHING:
                    required.append(field.name)
            self.defs[name] = {
                "type": "object",
                "description": (cls.__doc__ or "").strip().splitlines()[0],
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}

    def _tagged_union(self, union_name: str, kinds: dict[type, str]) -> dict[str, Any]:
        if union_name not in self.defs:
            self.defs[union_name] = {}
            self.defs[union_name] = {
                "oneOf": [self._class(cls, tag) for cls, tag in kinds.items()]
            }
        return {"$ref": f"#/$defs/{union_name}"}


def snapshot_json_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every IR snapshot document of format
    ``version`` (by default the one this qapi-build writes) satisfies."""
    builder = SchemaBuilder()
    schema_ref = builder.for_type(ir.Schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"qapi-build IR snapshot, format version {version}",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": version},
            "schema": schema_ref,
        },
        "required": ["format", "version", "schema"],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def shape_digest(document: dict[str, Any]) -> str:
    """The digest of a snapshot JSON Schema ``document`` with its version left out.

    ``schema/ir-format-versions.json`` records it for every format version: a
    shape without a version of its own fails a test.
    """
    shape = {key: value for key, value in document.items() if key != "title"}
    shape["properties"] = {
        key: value for key, value in document["properties"].items() if key != "version"}
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()


def render(version: int = FORMAT_VERSION) -> str:
    """The JSON Schema of format ``version`` as the text kept in the repository."""
    return json.dumps(snapshot_json_schema(version), indent=2) + "\n"
