"""How each QAPI type appears in generated Python: its annotation and its decoder."""

from __future__ import annotations

from qapi_ir.ir import AlternateType, ArrayType, BuiltinType, Schema, json_type

from .naming import class_name

#: Built-in type -> (annotation, runtime decoder).
BUILTINS: dict[str, tuple[str, str]] = {
    "str": ("str", "decode_str"),
    "number": ("float", "decode_number"),
    "bool": ("bool", "decode_bool"),
    "null": ("None", "decode_null"),
    "any": ("JSONValue", "decode_any"),
    "size": ("int", "decode_size"),
    "uint64": ("int", "decode_uint64"),
    **{
        name: ("int", f"decode_{name}")
        for name in ("int", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32")
    },
}

#: JSON kinds a value can take on the wire, with the runtime check that tells them apart.
JSON_KIND_CHECKS: dict[str, str] = {
    "string": "isinstance(value, str)",
    "number": "_rt.is_number(value)",
    "boolean": "isinstance(value, bool)",
    "null": "value is None",
    "object": "isinstance(value, dict)",
    "array": "isinstance(value, list)",
}


class TypeMap:
    """Annotations, decoders and JSON kinds of the types of one schema.

    Each generated class lives in a module of the ``types`` package (and its
    decoder in the same module of ``codec``), one per schema module: code in
    module ``home`` names that module's classes plainly, and the others through
    the packages (``_t.Name``, ``_c.decode_Name``).  Code outside both packages
    has no ``home``.
    """

    def __init__(
        self, schema: Schema, class_names: dict[str, str], modules: dict[str, str]
    ) -> None:
        self._schema = schema
        self._class_names = class_names
        self._modules = modules

    def class_of(self, name: str) -> str:
        """The Python class (or alias) generated for the named type."""
        return self._class_names.get(name) or class_name(name)

    def module_of(self, name: str) -> str:
        """The module of ``types`` and ``codec`` that holds the named type and its decoder."""
        return self._modules[name]

    def annotation(self, name: str, *, argument: bool = False, home: str | None = None) -> str:
        """The annotation of a value of type ``name`` in code of module ``home``.

        Arrays are sequences in arguments.
        """
        entity = self._schema.type(name)
        if isinstance(entity, BuiltinType):
            return BUILTINS[entity.name][0]
        if isinstance(entity, ArrayType):
            element = self.annotation(entity.element_type, home=home)
            return f"Sequence[{element}]" if argument else f"tuple[{element}, ...]"
        return ("" if self._is_local(name, home) else "_t.") + self.class_of(name)

    def decoder(self, name: str, home: str | None = None) -> str:
        """An expression for the decoder of type ``name`` in code of module ``home``."""
        entity = self._schema.type(name)
        if isinstance(entity, BuiltinType):
            return f"_rt.{BUILTINS[entity.name][1]}"
        if isinstance(entity, ArrayType):
            return f"_rt.array_decoder({self.decoder(entity.element_type, home)})"
        prefix = "" if self._is_local(name, home) else "_c."
        return f"{prefix}decode_{self.class_of(name)}"

    def _is_local(self, name: str, home: str | None) -> bool:
        return home is not None and self._modules.get(name) == home

    def json_kind(self, name: str) -> str:
        """The JSON kind a value of type ``name`` takes (for alternate dispatch)."""
        entity = self._schema.type(name)
        if isinstance(entity, AlternateType):
            raise ValueError(f"alternate {name} cannot be a branch of an alternate")
        kind = json_type(entity)
        return {"int": "number", "value": "any"}.get(kind, kind)
