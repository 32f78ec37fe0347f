"""Checking top-level expressions: names, keys, conditions, features, flags.

This mirrors QEMU's ``scripts/qapi/expr.py``: every check works on the raw
expressions the parser produced, reports the first problem as a
:class:`QAPISemError` with QEMU's exact wording, and normalizes the shorthand
forms (``'member': 'type'`` becomes ``'member': {'type': 'type'}``, a feature
or enum value given as a string becomes ``{'name': ...}``) so that the model
sees one form only.

Derived from QEMU's ``scripts/qapi/expr.py`` and ``scripts/qapi/common.py``
(GPL-2.0-only; see NOTICE).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qapi_ir.flags import flags_of
from qapi_ir.language import (
    ARRAY_SUFFIX,
    MAX_CONDITION_DEPTH,
    is_camel_stem,
    is_condition_name,
    is_enum_prefix,
    is_lower_stem,
    is_reserved_member_name,
    is_upper_stem,
    name_stem,
    value_as_name,
)

from .errors import QAPISemError
from .parser import QAPIExpression
from .source import QAPISourceInfo

#: The keys naming the kind of a definition.
METAS = ('enum', 'struct', 'union', 'alternate', 'command', 'event')

def check_name_is_str(name: object, info: QAPISourceInfo, source: str) -> None:
    """Reject a name that is not a string."""
    if not isinstance(name, str):
        raise QAPISemError(info, f"{source} requires a string name")


def check_name_str(name: str, info: QAPISourceInfo, source: str) -> str:
    """Reject an ill-formed or reserved name; return its stem (without prefixes)."""
    stem = name_stem(name)
    if stem is None:
        raise QAPISemError(info, f"{source} has an invalid name")
    return stem


def check_name_upper(name: str, info: QAPISourceInfo, source: str) -> None:
    """Check an event name: upper case, no '-'."""
    if not is_upper_stem(check_name_str(name, info, source)):
        raise QAPISemError(info, f"name of {source} must not use lowercase or '-'")


def check_name_lower(name: str, info: QAPISourceInfo, source: str,
                     permit_upper: bool = False, permit_underscore: bool = False) -> None:
    """Check a command, member or value name: lower case, no '_' (unless permitted)."""
    stem = check_name_str(name, info, source)
    if not is_lower_stem(stem, permit_upper=permit_upper, permit_underscore=permit_underscore):
        raise QAPISemError(info, f"name of {source} must not use uppercase or '_'")


def check_name_camel(name: str, info: QAPISourceInfo, source: str) -> None:
    """Check a type name: CamelCase."""
    if not is_camel_stem(check_name_str(name, info, source)):
        raise QAPISemError(info, f"name of {source} must use CamelCase")


def check_defn_name_str(name: str, info: QAPISourceInfo, meta: str) -> None:
    """Check the name of a definition of kind ``meta``."""
    if meta == 'event':
        check_name_upper(name, info, meta)
    elif meta == 'command':
        check_name_lower(name, info, meta,
                         permit_underscore=name in info.pragma.command_name_exceptions)
    else:
        check_name_camel(name, info, meta)
    if name.endswith(ARRAY_SUFFIX):
        raise QAPISemError(info, f"{meta} name should not end in '{ARRAY_SUFFIX}'")


def check_keys(value: dict[str, object], info: QAPISourceInfo, source: str,
               required: Iterable[str], optional: Iterable[str]) -> None:
    """Require the keys ``required`` and allow only those and ``optional``."""

    def pprint(elems: Iterable[str]) -> str:
        return ', '.join(f"'{e}'" for e in sorted(elems))

    missing = set(required) - set(value)
    if missing:
        plural = 's' if len(missing) > 1 else ''
        raise QAPISemError(info, f"{source} misses key{plural} {pprint(missing)}")
    allowed = set(required) | set(optional)
    unknown = set(value) - allowed
    if unknown:
        plural = 's' if len(unknown) > 1 else ''
        raise QAPISemError(
            info, f"{source} has unknown key{plural} {pprint(unknown)}\n"
            f"Valid keys are {pprint(allowed)}.")


def check_flags(expr: QAPIExpression, owner: str) -> None:
    """Check the boolean flags of a command or event (``owner``) against the flag table."""
    table = flags_of(owner)
    for flag in table:
        if flag.name in expr and expr[flag.name] is not (not flag.default):
            value = str(not flag.default).lower()
            raise QAPISemError(expr.info, f"flag '{flag.name}' may only use {value} value")
    for flag in table:
        for other in flag.incompatible:
            if flag.name in expr and other in expr:
                raise QAPISemError(
                    expr.info, f"flags '{flag.name}' and '{other}' are incompatible")


def check_if(expr: dict[str, Any], info: QAPISourceInfo, source: str) -> None:
    """Check the ``'if'`` condition of ``expr``, if any."""
    ifcond = expr.get('if')
    if ifcond is not None:
        _check_cond(ifcond, info, source)


# module-level rather than closures: mutually recursive closures form a
# reference cycle per call, garbage only the cyclic collector frees
def _check_cond(cond: object, info: QAPISourceInfo, source: str, depth: int = 1) -> None:
    if isinstance(cond, str):
        if not is_condition_name(cond):
            raise QAPISemError(
                info, f"'if' condition '{cond}' of {source} is not a valid identifier")
        return
    if not isinstance(cond, dict):
        raise QAPISemError(
            info, f"'if' condition of {source} must be a string or an object")
    if depth > MAX_CONDITION_DEPTH:
        raise QAPISemError(
            info, f"'if' condition of {source} nests more than {MAX_CONDITION_DEPTH} deep")
    check_keys(cond, info, f"'if' condition of {source}", [], ['all', 'any', 'not'])
    if len(cond) != 1:
        raise QAPISemError(info, f"'if' condition of {source} has conflicting keys")
    if 'not' in cond:
        _check_cond(cond['not'], info, source, depth + 1)
    else:
        operator = 'all' if 'all' in cond else 'any'
        _check_infix(operator, cond[operator], info, source, depth)


def _check_infix(operator: str, operands: object, info: QAPISourceInfo, source: str,
                 depth: int) -> None:
    if not isinstance(operands, list):
        raise QAPISemError(info, f"'{operator}' condition of {source} must be an array")
    if not operands:
        raise QAPISemError(info, f"'if' condition [] of {source} is useless")
    for operand in operands:
        _check_cond(operand, info, source, depth + 1)


def normalize_members(members: object) -> None:
    """Turn ``'NAME': 'TYPE'`` shorthand into ``'NAME': {'type': 'TYPE'}``."""
    if isinstance(members, dict):
        for key, arg in members.items():
            if not isinstance(arg, dict):
                members[key] = {'type': arg}


def check_type_name(value: object, info: QAPISourceInfo, source: str) -> None:
    """Require a type name (or nothing)."""
    if value is not None and not isinstance(value, str):
        raise QAPISemError(info, f"{source} should be a type name")


def check_type_name_or_array(value: object, info: QAPISourceInfo, source: str) -> None:
    """Require a type name or a one-element array of a type name (or nothing)."""
    if value is None or isinstance(value, str):
        return
    if not isinstance(value, list):
        raise QAPISemError(info, f"{source} should be a type name or array")
    if len(value) != 1 or not isinstance(value[0], str):
        raise QAPISemError(info, f"{source}: array type must contain single type name")


def check_type_implicit(value: object, info: QAPISourceInfo, source: str,
                        parent_name: str | None) -> None:
    """Require an object of members (an implicit type), or nothing."""
    if value is None:
        return
    if not isinstance(value, dict):
        raise QAPISemError(info, f"{source} should be an object or type name")
    permissive = parent_name in info.pragma.member_name_exceptions
    for key, arg in value.items():
        key_source = f"{source} member '{key}'"
        name = key[1:] if key.startswith('*') else key
        check_name_lower(name, info, key_source,
                         permit_upper=permissive, permit_underscore=permissive)
        if is_reserved_member_name(name):
            raise QAPISemError(info, f"{key_source} uses reserved name")
        check_keys(arg, info, key_source, ['type'], ['if', 'features'])
        check_if(arg, info, key_source)
        check_features(arg.get('features'), info)
        check_type_name_or_array(arg['type'], info, key_source)


def check_type_name_or_implicit(value: object, info: QAPISourceInfo, source: str,
                                parent_name: str | None) -> None:
    """Require a type name or an object of members (or nothing)."""
    if value is None or isinstance(value, str):
        return
    check_type_implicit(value, info, source, parent_name)


def check_features(features: object, info: QAPISourceInfo) -> None:
    """Check a ``'features'`` array, normalizing string entries to ``{'name': ...}``."""
    if features is None:
        return
    if not isinstance(features, list):
        raise QAPISemError(info, "'features' must be an array")
    features[:] = [f if isinstance(f, dict) else {'name': f} for f in features]
    for feat in features:
        source = "'features' member"
        check_keys(feat, info, source, ['name'], ['if'])
        check_name_is_str(feat['name'], info, source)
        source = f"{source} '{feat['name']}'"
        check_name_lower(feat['name'], info, source)
        check_if(feat, info, source)


def check_enum(expr: QAPIExpression) -> None:
    """Check an enum's values and prefix."""
    name = expr['enum']
    members = expr['data']
    prefix = expr.get('prefix')
    info = expr.info
    if not isinstance(members, list):
        raise QAPISemError(info, "'data' must be an array")
    if prefix is not None and not isinstance(prefix, str):
        raise QAPISemError(info, "'prefix' must be a string")
    if prefix is not None and not is_enum_prefix(prefix):
        raise QAPISemError(info, "'prefix' must be a C identifier")
    permissive = name in info.pragma.member_name_exceptions
    members[:] = [m if isinstance(m, dict) else {'name': m} for m in members]
    for member in members:
        source = "'data' member"
        check_keys(member, info, source, ['name'], ['if', 'features'])
        member_name = member['name']
        check_name_is_str(member_name, info, source)
        source = f"{source} '{member_name}'"
        check_name_lower(value_as_name(member_name), info, source,
                         permit_upper=permissive, permit_underscore=permissive)
        check_if(member, info, source)
        check_features(member.get('features'), info)


def check_struct(expr: QAPIExpression) -> None:
    """Check a struct's members and base."""
    check_type_implicit(expr['data'], expr.info, "'data'", expr['struct'])
    check_type_name(expr.get('base'), expr.info, "'base'")


def check_union(expr: QAPIExpression) -> None:
    """Check a union's base, discriminator and branches."""
    info = expr.info
    members = expr['data']
    check_type_name_or_implicit(expr['base'], info, "'base'", expr['union'])
    check_name_is_str(expr['discriminator'], info, "'discriminator'")
    if not isinstance(members, dict):
        raise QAPISemError(info, "'data' must be an object")
    for key, value in members.items():
        source = f"'data' member '{key}'"
        check_keys(value, info, source, ['type'], ['if'])
        check_if(value, info, source)
        check_type_name(value['type'], info, source)


def check_alternate(expr: QAPIExpression) -> None:
    """Check an alternate's branches."""
    members = expr['data']
    info = expr.info
    if not members:
        raise QAPISemError(info, "'data' must not be empty")
    if not isinstance(members, dict):
        raise QAPISemError(info, "'data' must be an object")
    for key, value in members.items():
        source = f"'data' member '{key}'"
        check_name_lower(key, info, source)
        check_keys(value, info, source, ['type'], ['if'])
        check_if(value, info, source)
        check_type_name_or_array(value['type'], info, source)


def _check_boxable_data(expr: QAPIExpression) -> None:
    args = expr.get('data')
    if expr.get('boxed', False):
        if 'data' not in expr:
            raise QAPISemError(expr.info, "'boxed': true requires 'data'")
        check_type_name(args, expr.info, "'data'")
    else:
        check_type_name_or_implicit(args, expr.info, "'data'", None)


def check_command(expr: QAPIExpression) -> None:
    """Check a command's arguments and return type."""
    _check_boxable_data(expr)
    check_type_name_or_array(expr.get('returns'), expr.info, "'returns'")


def check_event(expr: QAPIExpression) -> None:
    """Check an event's data."""
    _check_boxable_data(expr)


#: The required and optional keys of each kind of definition (flags aside).
_KEYS: dict[str, tuple[list[str], list[str]]] = {
    'enum': (['enum', 'data'], ['if', 'features', 'prefix']),
    'union': (['union', 'base', 'discriminator', 'data'], ['if', 'features']),
    'alternate': (['alternate', 'data'], ['if', 'features']),
    'struct': (['struct', 'data'], ['base', 'if', 'features']),
    'command': (['command'], ['data', 'returns', 'if', 'features']),
    'event': (['event'], ['data', 'if', 'features']),
}


def _check_definition(expr: QAPIExpression) -> None:
    info = expr.info
    metas = expr.keys() & set(METAS)
    if len(metas) != 1:
        raise QAPISemError(
            info, "expression must have exactly one key"
            " 'enum', 'struct', 'union', 'alternate', 'command', 'event'")
    meta = metas.pop()
    check_name_is_str(expr[meta], info, f"'{meta}'")
    name = expr[meta]
    info.set_defn(meta, name)
    check_defn_name_str(name, info, meta)

    doc = expr.doc
    if doc:
        if doc.symbol != name:
            raise QAPISemError(info, f"documentation comment is for '{doc.symbol}'")
        doc.check_expr(expr)
    elif info.pragma.doc_required:
        raise QAPISemError(info, "documentation comment required")

    required, optional = _KEYS[meta]
    optional = optional + [flag.name for flag in flags_of(meta)]
    check_keys(expr, info, meta, required, optional)
    if meta == 'enum':
        check_enum(expr)
    elif meta == 'union':
        normalize_members(expr.get('base'))
        normalize_members(expr['data'])
        check_union(expr)
    elif meta == 'alternate':
        normalize_members(expr['data'])
        check_alternate(expr)
    elif meta == 'struct':
        normalize_members(expr['data'])
        check_struct(expr)
    elif meta == 'command':
        normalize_members(expr.get('data'))
        check_command(expr)
    else:
        normalize_members(expr.get('data'))
        check_event(expr)
    check_if(expr, info, meta)
    check_features(expr.get('features'), info)
    check_flags(expr, meta)


def check_exprs(exprs: list[QAPIExpression]) -> list[QAPIExpression]:
    """Check and normalize every expression in place; return them."""
    for expr in exprs:
        if 'include' not in expr:
            _check_definition(expr)
    return exprs
