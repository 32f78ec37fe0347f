"""How each QAPI type appears in Go: its type expression and the JSON kinds it takes."""

from __future__ import annotations

from qapi_ir.ir import AlternateType, ArrayType, BuiltinType, Schema, json_type
from qapi_ir.plugin_api import BackendError

#: Built-in QAPI type -> Go type (``Null`` is the runtime's type of JSON null).
BUILTINS: dict[str, str] = {
    "str": "string",
    "number": "float64",
    "int": "int64",
    "int8": "int8",
    "int16": "int16",
    "int32": "int32",
    "int64": "int64",
    "uint8": "uint8",
    "uint16": "uint16",
    "uint32": "uint32",
    "uint64": "uint64",
    "size": "uint64",
    "bool": "bool",
    "null": "Null",
    "any": "json.RawMessage",
}

#: Introspection's JSON type -> the JSON kind an alternate dispatches on (``value``,
#: an alternate or ``any``, cannot be a branch).
_KIND_OF_JSON_TYPE = {"int": "number", "number": "number", "string": "string",
                      "boolean": "boolean", "null": "null", "array": "array",
                      "object": "object"}


class TypeMap:
    """Go type expressions for the types of one schema, given the names of generated types."""

    def __init__(self, schema: Schema, names: dict[str, str]) -> None:
        self._schema = schema
        self._names = names

    def go_type(self, name: str) -> str:
        """The Go type of a value of QAPI type ``name``."""
        entity = self._schema.type(name)
        if isinstance(entity, BuiltinType):
            if entity.name not in BUILTINS:
                raise BackendError(f"built-in type {entity.name!r} has no Go type")
            return BUILTINS[entity.name]
        if isinstance(entity, ArrayType):
            return "[]" + self.go_type(entity.element_type)
        if name not in self._names:
            raise BackendError(f"type {name!r} cannot be used as a value in Go")
        return self._names[name]

    def kind(self, name: str) -> str:
        """The JSON kind of a value of type ``name``: how an alternate recognises it."""
        json = json_type(self._schema.type(name))
        if json not in _KIND_OF_JSON_TYPE:
            raise BackendError(f"type {name!r} cannot be a branch of an alternate")
        return _KIND_OF_JSON_TYPE[json]

    def nullable(self, name: str) -> bool:
        """Whether a value of type ``name`` can be JSON null (``null``, an alternate of it)."""
        entity = self._schema.type(name)
        if isinstance(entity, AlternateType):
            return any(self.kind(branch.type) == "null" for branch in entity.branches)
        return isinstance(entity, BuiltinType) and entity.json_type == "null"

    def is_array(self, name: str) -> bool:
        """Whether type ``name`` is an array (a Go slice, nil unless filled)."""
        return isinstance(self._schema.type(name), ArrayType)

    def is_any(self, name: str) -> bool:
        """Whether type ``name`` is ``any`` (raw JSON; its absence is the empty message)."""
        entity = self._schema.type(name)
        return isinstance(entity, BuiltinType) and entity.json_type == "value"
