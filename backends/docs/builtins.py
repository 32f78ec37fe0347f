"""The legend of built-in types: what each predefined type of the schema language means."""

from __future__ import annotations

import attrs

from qapi_ir.ir import BuiltinType, Schema

from .links import builtin_anchor

#: What each built-in type holds on the wire (qapi-code-gen.rst, "Built-in Types").
MEANINGS = {
    "str": "a JSON string",
    "number": "a JSON number",
    "int": "a JSON number without a fractional part, fits a 64-bit signed integer",
    "int8": "an integer from -128 to 127",
    "int16": "an integer from -32768 to 32767",
    "int32": "a 32-bit signed integer",
    "int64": "a 64-bit signed integer",
    "uint8": "an integer from 0 to 255",
    "uint16": "an integer from 0 to 65535",
    "uint32": "a 32-bit unsigned integer",
    "uint64": "a 64-bit unsigned integer",
    "size": "a 64-bit unsigned integer, a size in bytes",
    "bool": "JSON true or false",
    "null": "JSON null",
    "any": "any JSON value",
}


@attrs.frozen
class BuiltinEntry:
    """A built-in type in the legend: its name, anchor, JSON type and meaning."""

    name: str
    anchor: str
    json_type: str
    meaning: str


def legend(schema: Schema) -> tuple[BuiltinEntry, ...]:
    """The schema's built-in types in their order, each with what it means."""
    return tuple(
        BuiltinEntry(e.name, builtin_anchor(e.name), e.json_type,
                     MEANINGS.get(e.name, f"a JSON {e.json_type}"))
        for e in schema.entities if isinstance(e, BuiltinType)
    )
