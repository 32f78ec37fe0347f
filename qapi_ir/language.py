"""Rules of the QAPI language that every IR obeys, whoever made it.

The front end applies them to schema text and the invariant checker to any
IR (a loaded snapshot included), so both refuse the same names.  The IR
contract may not import the front end: the front end imports these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: The built-in scalar types and their JSON types, in QEMU's order.
BUILTIN_TYPES = (
    ('str', 'string'), ('number', 'number'), ('int', 'int'), ('int8', 'int'),
    ('int16', 'int'), ('int32', 'int'), ('int64', 'int'), ('uint8', 'int'),
    ('uint16', 'int'), ('uint32', 'int'), ('uint64', 'int'), ('size', 'int'),
    ('bool', 'boolean'), ('any', 'value'), ('null', 'null'),
)

#: The values of the predefined enum ``QType``.
QTYPE_VALUES = ('none', 'qnull', 'qnum', 'qstring', 'qdict', 'qlist', 'qbool')

#: At most this many distinct feature names, the special ones included.
MAX_FEATURES = 64

#: How deeply ``'if'`` conditions may nest (``all``/``any``/``not`` levels).
MAX_CONDITION_DEPTH = 32

#: How long a chain of bases, branches or includes may be.
MAX_CHAIN_DEPTH = 64

#: The QType that tells a value of each JSON type apart in an alternate.
ALTERNATE_QTYPES = {
    'null': 'QTYPE_QNULL',
    'string': 'QTYPE_QSTRING',
    'number': 'QTYPE_QNUM',
    'int': 'QTYPE_QNUM',
    'boolean': 'QTYPE_QBOOL',
    'array': 'QTYPE_QLIST',
    'object': 'QTYPE_QDICT',
}

# Names consist of ASCII letters, digits, -, and _, starting with a letter.  An
# experimental name is prefixed with x-, a downstream extension's with
# __RFQDN_ (which goes first).  Always matched whole (``fullmatch``): ``$``
# would also match before a final newline, and ``re.IGNORECASE`` folds
# non-ASCII letters (U+212A KELVIN SIGN, U+017F, U+0130) into ``[a-z]``.
_VALID_NAME = re.compile(r'(__[A-Za-z0-9.-]+_)?([xX]-)?([A-Za-z][A-Za-z0-9_-]*)')
_NOT_C_NAME_CHAR = re.compile(r'[^A-Za-z0-9_]')
_CONDITION_NAME = re.compile(r'[A-Z][A-Z0-9_]*')
_ENUM_PREFIX = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
_MODULE_PART = re.compile(r'[A-Za-z0-9_+-][A-Za-z0-9_.+-]*|\.\.')
_CAMEL_STEM = re.compile(r'[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*')

#: The suffix of an array type's name (the element type's name + ``List``), which
#: no definition's own name may have.
ARRAY_SUFFIX = 'List'

#: The roles of implicit object types: a command's or event's arguments, a union's base.
IMPLICIT_ROLES = ('arg', 'base')
_IMPLICIT_OBJECT = re.compile(rf"q_obj_(?P<owner>.+)-(?P<role>{'|'.join(IMPLICIT_ROLES)})")


def mangle(name: str) -> str:
    """``name`` with every character that is not a letter, digit or '_' made '_'.

    Two names that mangle alike would clash in generated code, and the
    ``q_`` prefix of a mangled name is reserved.
    """
    return _NOT_C_NAME_CHAR.sub('_', name)


def name_stem(name: str) -> str | None:
    """The stem of a well-formed name (without prefixes); ``None`` when ill-formed or reserved."""
    match = _VALID_NAME.fullmatch(name)
    if not match or mangle(name).startswith('q_'):
        return None
    return match.group(3)


def array_type_name(element_type: str) -> str:
    """The name of the array type of ``element_type``."""
    return element_type + ARRAY_SUFFIX


def implicit_object_name(owner: str, role: str) -> str:
    """The name of the implicit object type that holds ``owner``'s members in ``role``
    (one of :data:`IMPLICIT_ROLES`)."""
    return f'q_obj_{owner}-{role}'


def implicit_object_parts(name: str) -> tuple[str, str] | None:
    """The owner and role an implicit object type's ``name`` was made from, if it was."""
    match = _IMPLICIT_OBJECT.fullmatch(name)
    return (match['owner'], match['role']) if match else None


def value_as_name(value: str) -> str:
    """An enum value as the name rules check it: values alone may start with a digit."""
    return 'd' + value if value[:1].isdigit() else value


def is_value_name(name: str) -> bool:
    """Whether ``name`` is a well-formed enum value."""
    return name_stem(value_as_name(name)) is not None


def is_upper_stem(stem: str) -> bool:
    """Whether the stem of an event's name is upper case without '-'."""
    return not any(c in stem for c in '-abcdefghijklmnopqrstuvwxyz')


def is_lower_stem(stem: str, *, permit_upper: bool = False,
                  permit_underscore: bool = False) -> bool:
    """Whether the stem of a command, member, value or feature name is lower case without
    '_' (each allowed by a pragma for the names it lists)."""
    return ((permit_upper or stem.lower() == stem)
            and (permit_underscore or '_' not in stem))


def is_camel_stem(stem: str) -> bool:
    """Whether the stem of a type's name is CamelCase."""
    return _CAMEL_STEM.fullmatch(stem) is not None


def is_reserved_member_name(name: str) -> bool:
    """Whether a member may not be called ``name`` (``u`` and ``has_*`` are the C code's)."""
    return mangle(name) == 'u' or mangle(name).startswith('has_')


def is_condition_name(name: str) -> bool:
    """Whether ``name`` is a configuration symbol an ``'if'`` may test."""
    return _CONDITION_NAME.fullmatch(name) is not None


def is_enum_prefix(prefix: str) -> bool:
    """Whether ``prefix`` can start the C constants of an enum."""
    return _ENUM_PREFIX.fullmatch(prefix) is not None


def is_module_name(name: str) -> bool:
    """Whether ``name`` can name a schema module: a relative path of plain file names
    (``..`` allowed), which generated code may quote in file names and includes."""
    return all(_MODULE_PART.fullmatch(part) for part in name.split('/'))


def alternate_conflicts(json_type: str, enum_values: Sequence[str] | None) -> list[str]:
    """The QTypes an alternate branch of ``json_type`` claims (empty: it cannot be a branch).

    A string may also parse as a number or a boolean, unless it is an enum
    (``enum_values``) none of whose values looks like one.
    """
    qtype = ALTERNATE_QTYPES.get(json_type)
    if qtype is None:
        return []
    conflicting = [qtype]
    if qtype == 'QTYPE_QSTRING':
        if enum_values is None:
            conflicting += ['QTYPE_QNUM', 'QTYPE_QBOOL']
        for value in enum_values or ():
            if value in ('on', 'off'):
                conflicting.append('QTYPE_QBOOL')
            if re.match(r'[-+0-9.]', value):
                conflicting.append('QTYPE_QNUM')
    return list(dict.fromkeys(conflicting))
