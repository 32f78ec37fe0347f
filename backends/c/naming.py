"""QEMU's C naming rules: identifiers, enum constants, C types and visitor names.

These mirror ``scripts/qapi/common.py`` and the ``c_name``/``c_type`` methods
of QEMU's schema classes, computed here from the IR and the schema.

C types that are pointers end in ``*`` (``"char *"``); join a type and a name
with :func:`c_decl`, which writes ``char *name`` as QEMU's ``EATSPACE`` does.
"""

from __future__ import annotations

import functools
import re

from qapi_ir.ir import ArrayType, BuiltinType, EnumType, Feature, Member, ObjectType, Schema, Type

_C89 = {
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
    "else", "enum", "extern", "float", "for", "goto", "if", "int", "long", "register",
    "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while",
}  # fmt: skip
_C99 = {"inline", "restrict", "_Bool", "_Complex", "_Imaginary"}
_C11 = {
    "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Noreturn", "_Static_assert",
    "_Thread_local",
}  # fmt: skip
_GCC = {"asm", "typeof"}
_CPP = {
    "bool", "catch", "class", "const_cast", "delete", "dynamic_cast", "explicit",
    "false", "friend", "mutable", "namespace", "new", "operator", "private",
    "protected", "public", "reinterpret_cast", "static_cast", "template", "this",
    "throw", "true", "try", "typeid", "typename", "using", "virtual", "wchar_t",
    "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq",
    "xor", "xor_eq",
}  # fmt: skip
_POLLUTED = {"unix", "errno", "mips", "sparc", "i386", "linux"}

#: Words that ``c_name(..., protect=True)`` prefixes with ``q_``.
RESERVED_WORDS = frozenset(_C89 | _C99 | _C11 | _GCC | _CPP | _POLLUTED)

#: The C type of each built-in type.
BUILTIN_C_TYPES = {
    "str": "char *",
    "number": "double",
    "int": "int64_t",
    "int8": "int8_t",
    "int16": "int16_t",
    "int32": "int32_t",
    "int64": "int64_t",
    "uint8": "uint8_t",
    "uint16": "uint16_t",
    "uint32": "uint32_t",
    "uint64": "uint64_t",
    "size": "uint64_t",
    "bool": "bool",
    "any": "QObject *",
    "null": "QNull *",
}


_NON_IDENT = re.compile(r"[^A-Za-z0-9_]")


@functools.cache  # pure, and asked for the same names again and again (17k calls, 3k names)
def c_name(name: str, protect: bool = True) -> str:
    """``name`` as a C identifier; with ``protect``, reserved words and leading digits
    get a ``q_`` prefix."""
    name = _NON_IDENT.sub("_", name)
    if protect and (name in RESERVED_WORDS or name[0].isdigit()):
        return "q_" + name
    return name


def c_fname(filename: str) -> str:
    """``filename`` as a C identifier fragment (every other character becomes ``_``)."""
    return _NON_IDENT.sub("_", filename)


@functools.cache  # pure, and asked once per enum value
def camel_to_upper(value: str) -> str:
    """``CamelCase`` as ``CAMEL_CASE`` (``ENUMName`` -> ``ENUM_NAME``)."""
    ret = value[0]
    upc = value[0].isupper()
    for ch in value[1:]:
        if not ch.isalpha() or ch.isupper() == upc:
            pass
        elif upc:
            if len(ret) > 2 and ret[-2].isalnum():
                ret = ret[:-1] + "_" + ret[-1]
        elif ret[-1].isalnum():
            ret += "_"
        ret += ch
        upc = ch.isupper()
    return c_name(ret.upper()).lstrip("_")


def c_enum_const(type_name: str, const_name: str, prefix: str | None = None) -> str:
    """The C constant for value ``const_name`` of enum ``type_name``."""
    if prefix is None:
        prefix = camel_to_upper(type_name)
    return prefix + "_" + c_name(const_name, False).upper()


def enum_const(enum: EnumType, value: str) -> str:
    """The C constant for ``value`` of ``enum``, honouring its ``prefix``."""
    return c_enum_const(enum.name, value, enum.prefix)


def enum_max(enum: EnumType) -> str:
    """The ``..._MAX`` constant of ``enum``."""
    return c_enum_const(enum.name, "_MAX", enum.prefix)


def c_decl(ctype: str, name: str) -> str:
    """A declaration of ``name`` with type ``ctype``: ``char *name``, ``int64_t name``."""
    return ctype + name if ctype.endswith("*") else f"{ctype} {name}"


def type_c_name(typ: Type) -> str:
    """The C name of a type (built-in types keep their QAPI name)."""
    return typ.name if isinstance(typ, BuiltinType) else c_name(typ.name)


def type_c_type(typ: Type) -> str:
    """The C type holding a value of ``typ`` (a pointer for objects, arrays, alternates)."""
    if isinstance(typ, BuiltinType):
        return BUILTIN_C_TYPES[typ.name]
    if isinstance(typ, EnumType):
        return c_name(typ.name)
    return c_name(typ.name) + " *"


def c_type(schema: Schema, name: str) -> str:
    """The C type of the type called ``name``."""
    return type_c_type(schema.type(name))


def c_param_type(schema: Schema, name: str) -> str:
    """The C type of a parameter of type ``name`` (strings are ``const char *``)."""
    ctype = c_type(schema, name)
    return "const " + ctype if name == "str" else ctype


def c_unboxed_type(schema: Schema, name: str) -> str:
    """The C type of ``name`` when stored inline (object types lose the pointer)."""
    typ = schema.type(name)
    if isinstance(typ, ObjectType):
        return c_name(typ.name)
    return type_c_type(typ)


def is_pointer_type(typ: Type) -> bool:
    """Whether values of ``typ`` are held by pointer in C."""
    return type_c_type(typ).endswith("*")


def visit_type_fn(schema: Schema, name: str) -> str:
    """The name of the visitor function of the type called ``name``."""
    return "visit_type_" + type_c_name(schema.type(name))


def array_name(element: str) -> str:
    """The QAPI name of the array of ``element`` (``intList``)."""
    return element + "List"


def is_empty_object(schema: Schema, typ: Type) -> bool:
    """Whether ``typ`` is an object type without members or branches (QEMU's is_empty)."""
    return isinstance(typ, ObjectType) and not schema.all_members(typ) and typ.variants is None


def need_has(schema: Schema, member: Member) -> bool:
    """Whether optional ``member`` gets a ``has_NAME`` flag: when it is not a pointer,
    or is an array (to tell absent from empty)."""
    if not member.optional:
        return False
    typ = schema.type(member.type)
    return isinstance(typ, ArrayType) or not is_pointer_type(typ)


def feature_flags(features: tuple[Feature, ...]) -> str:
    """The C bit mask of ``features`` (``1u << QAPI_FEATURE_X | ...``), ``0`` for none."""
    flags = [f"1u << {c_enum_const('qapi_feature', f.name)}" for f in features]
    return " | ".join(flags) or "0"
