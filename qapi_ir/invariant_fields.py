"""The invariants one IR object satisfies on its own: names, conditions, locations.

The first pass of :mod:`qapi_ir.invariants`; each problem starts with its
path in the snapshot document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence

from qapi_ir import ir
from qapi_ir.language import (
    ARRAY_SUFFIX,
    BUILTIN_TYPES,
    MAX_CONDITION_DEPTH,
    array_type_name,
    implicit_object_parts,
    is_camel_stem,
    is_condition_name,
    is_enum_prefix,
    is_lower_stem,
    is_reserved_member_name,
    is_upper_stem,
    is_value_name,
    mangle,
    name_stem,
)

#: Where the entities are in a snapshot document.
ENTITIES = "$.schema.entities"

#: No schema file read within the input size limit has more lines than this.
MAX_LINE = 64 * 1024 * 1024 + 1

_UNWRITABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
_SECTION_KINDS = {"Plain", "Member", "Feature", "Returns", "Errors", "Since", "Todo"}
_NAMED_SECTIONS = {"Member", "Feature"}


def definition_name_problem(entity: ir.Definition) -> str | None:
    """Why the name of ``entity`` is not one the front end could have made, if it is not.

    The front end's rules (:mod:`qapi_ir.language`), but for what a pragma may
    allow: a snapshot does not say which names a pragma listed.
    """
    name = entity.name
    if isinstance(entity, ir.BuiltinType):
        ok = (name, entity.json_type) in BUILTIN_TYPES
    elif isinstance(entity, ir.ArrayType):
        ok = name == array_type_name(entity.element_type)
    elif isinstance(entity, ir.ObjectType) and name.startswith("q_"):
        implicit = implicit_object_parts(name)
        ok = name == ir.EMPTY_OBJECT or bool(implicit and name_stem(implicit[0]))
    else:
        stem = name_stem(name)
        ok = stem is not None and not name.endswith(ARRAY_SUFFIX) and _STYLES[type(entity)](stem)
    return None if ok else f"{name!r} is not a valid name for {_kind(entity)}"


#: The case rule of the name of each kind of definition.
_STYLES: dict[type, Callable[[str], bool]] = {
    ir.EnumType: is_camel_stem,
    ir.ObjectType: is_camel_stem,
    ir.AlternateType: is_camel_stem,
    ir.Command: functools.partial(is_lower_stem, permit_underscore=True),
    ir.Event: is_upper_stem,
}


def _kind(entity: ir.Definition) -> str:
    return {
        ir.BuiltinType: "a built-in type",
        ir.ArrayType: "an array type (its element type's name + 'List')",
        ir.Command: "a command (lower case)",
        ir.Event: "an event (upper case)",
    }.get(type(entity), "a type (CamelCase)")


def location_problems(location: ir.Location | None, where: str) -> Iterator[str]:
    """A location names a file in printable characters and a plausible line."""
    for field, problem in _location_faults(location):
        yield f"{where}{field}: {problem}"


def _location_faults(location: ir.Location | None) -> Iterator[tuple[str, str]]:
    """What is wrong with ``location``: the field (``.file``, ``.line``) and the problem."""
    if location is None:
        return
    if not location.file or not location.file.isprintable():
        yield ".file", f"{location.file!r} is not a file name"
    if not 1 <= location.line <= MAX_LINE:
        yield ".line", f"{location.line} is not a line number"


def condition_problems(condition: ir.Condition | None, where: str) -> Iterator[str]:
    """Configuration symbols are identifiers; ``all``/``any`` have operands; bounded depth."""
    pending: list[tuple[ir.Condition, str, int]] = []
    if condition is not None:
        pending.append((condition, where, 1))
    while pending:
        current, path, depth = pending.pop()
        if depth > MAX_CONDITION_DEPTH:
            yield f"{path}: conditions nest more than {MAX_CONDITION_DEPTH} deep"
            return
        if isinstance(current, ir.IfName):
            if not is_condition_name(current.name):
                yield f"{path}.name: {current.name!r} is not a configuration symbol"
        elif isinstance(current, ir.IfNot):
            pending.append((current.operand, f"{path}.operand", depth + 1))
        else:
            if not current.operands:
                yield f"{path}.operands: a condition without operands is useless"
            for index, operand in enumerate(current.operands):
                pending.append((operand, f"{path}.operands[{index}]", depth + 1))


def _parts(
    parts: Sequence[ir.Feature | ir.EnumValue | ir.Member | ir.Branch],
    where: str,
    valid: Callable[[str], bool],
) -> Iterator[str]:
    """Each part's name passes ``valid`` and no two mangle alike; their conditions and
    features are well formed.  (Paths are made only for what is there to check.)"""
    seen: dict[str, str] = {}
    for index, part in enumerate(parts):
        if not valid(part.name):
            yield f"{where}[{index}].name: {part.name!r} is not a valid name"
        mangled = mangle(part.name)
        if mangled in seen:
            yield f"{where}[{index}].name: '{part.name}' collides with '{seen[mangled]}'"
        seen[mangled] = part.name
        if part.condition is not None:
            yield from condition_problems(part.condition, f"{where}[{index}].condition")
        features = getattr(part, "features", ())
        if features:
            yield from _parts(features, f"{where}[{index}].features", _lower_name)


def _lower_name(name: str) -> bool:
    """A feature's or an alternate branch's name: lower case, no '_' (no pragma applies)."""
    stem = name_stem(name)
    return stem is not None and is_lower_stem(stem)


def _member_name(name: str) -> bool:
    return name_stem(name) is not None and not is_reserved_member_name(name)


def entity_problems(entity: ir.Entity, where: str) -> Iterator[str]:
    """What is wrong with the fields of ``entity``, each with its path."""
    yield from location_problems(getattr(entity, "location", None), f"{where}.location")
    yield from condition_problems(getattr(entity, "condition", None), f"{where}.condition")
    yield from _parts(getattr(entity, "features", ()), f"{where}.features", _lower_name)
    if isinstance(entity, ir.BuiltinType) and entity.module != ir.BUILTIN_MODULE:
        yield f"{where}.module: built-in types belong to '{ir.BUILTIN_MODULE}'"
    elif isinstance(entity, ir.EnumType):
        yield from _parts(entity.values, f"{where}.values", is_value_name)
        if entity.prefix is not None and not is_enum_prefix(entity.prefix):
            yield f"{where}.prefix: {entity.prefix!r} is not a C identifier"
    elif isinstance(entity, ir.ObjectType):
        yield from _parts(entity.members, f"{where}.members", _member_name)
        if entity.variants is not None:
            if not _member_name(entity.variants.tag):
                yield f"{where}.variants.tag: {entity.variants.tag!r} is not a valid name"
            yield from _parts(entity.variants.branches, f"{where}.variants.branches", is_value_name)
    elif isinstance(entity, ir.AlternateType):
        if not entity.branches:
            yield f"{where}.branches: an alternate needs at least one branch"
        yield from _parts(entity.branches, f"{where}.branches", _lower_name)
    elif isinstance(entity, ir.Include) and entity.module == entity.target:
        yield f"{where}.target: a module cannot include itself"


def doc_problems(doc: ir.Doc, where: str) -> Iterator[str]:
    """Section kinds are known; member and feature sections name one, others none."""
    yield from location_problems(doc.location, f"{where}.location")
    sections = {
        "body": (doc.body,), "args": doc.args, "features": doc.features, "sections": doc.sections
    }
    for field, group in sections.items():
        for index, section in enumerate(group):
            for part, problem in _section_problems(section):
                path = f"{where}.{field}" + ("" if field == "body" else f"[{index}]")
                yield f"{path}{part}: {problem}"


def _section_problems(section: ir.DocSection) -> Iterator[tuple[str, str]]:
    """Each problem of ``section``: the path of the field below the section's, and what
    (so that the section's own path is made only when there is a problem)."""
    if section.kind not in _SECTION_KINDS:
        yield ".kind", f"unknown section kind {section.kind!r}"
    elif (section.name is not None) != (section.kind in _NAMED_SECTIONS):
        yield ".name", "only member and feature sections have a name"
    elif section.name is not None and not is_value_name(section.name):
        yield ".name", f"{section.name!r} is not a valid name"
    if _UNWRITABLE.search(section.text):
        yield ".text", "holds a control character or a lone surrogate"
    for field, problem in _location_faults(section.location):
        yield ".location" + field, problem
