"""The invariants every IR must satisfy, whether built by the front end or loaded.

A backend may rely on them: names obey the language's rules (so none can
smuggle code into generated files), every reference resolves, bases and
branches form no cycle, unions, alternates and commands are well formed,
docs document existing definitions.  Each problem names its place as a path
into the snapshot document (``$.schema.entities[3].members[0].name``).

The checks run in three passes, each only when the one before found
nothing, so that a later pass may follow references without guarding each
step: the fields of each object; references and the shape of the graphs
(bases, branches, includes); then what needs the whole schema.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from qapi_ir import ir
from qapi_ir.flags import flag_named, flags_of
from qapi_ir.invariant_fields import (
    ENTITIES,
    definition_name_problem,
    doc_problems,
    entity_problems,
)
from qapi_ir.language import (
    BUILTIN_TYPES,
    MAX_CHAIN_DEPTH,
    MAX_FEATURES,
    QTYPE_VALUES,
    alternate_conflicts,
    array_type_name,
    is_module_name,
    mangle,
)


class InvariantError(Exception):
    """An IR that breaks an invariant; the message lists the problems on one line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "IR invariant violated: " + "; ".join(problems[:5])
            + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        )
        self.problems = problems


def check_invariants(schema: ir.Schema) -> None:
    """Raise :class:`InvariantError` listing the invariants ``schema`` breaks."""
    for check in (_field_problems, _reference_problems, _schema_problems):
        problems = list(check(schema))
        if problems:
            raise InvariantError(problems)


# ---------------------------------------------------------------- pass 1: fields


def _field_problems(schema: ir.Schema) -> Iterator[str]:
    names = [m.name for m in schema.modules]
    for index, name in enumerate(names):
        if name != ir.BUILTIN_MODULE and not is_module_name(name):
            yield f"$.schema.modules[{index}].name: {name!r} cannot name a module"
    if len(set(names)) != len(names):
        yield "$.schema.modules: module names are not unique"
    for index, entity in enumerate(schema.entities):
        where = f"{ENTITIES}[{index}]"
        if not isinstance(entity, ir.Include):
            problem = definition_name_problem(entity)
            if problem:
                yield f"{where}.name: {problem}"
        yield from entity_problems(entity, where)
        if isinstance(entity, ir.Command | ir.Event):
            yield from (f"{where}.flags: {problem}" for problem in _check_flags(entity))
    for index, doc in enumerate(schema.docs):
        yield from doc_problems(doc, f"$.schema.docs[{index}]")


# ---------------------------------------------------------------- pass 2: references


def _referenced_types(entity: ir.Entity) -> Iterator[tuple[str, str]]:
    """(field path, type name) for every type reference ``entity`` makes."""
    if isinstance(entity, ir.ObjectType):
        if entity.base is not None:
            yield "base", entity.base
        for index, member in enumerate(entity.members):
            yield f"members[{index}].type", member.type
        if entity.variants is not None:
            for index, branch in enumerate(entity.variants.branches):
                yield f"variants.branches[{index}].type", branch.type
    elif isinstance(entity, ir.AlternateType):
        for index, branch in enumerate(entity.branches):
            yield f"branches[{index}].type", branch.type
    elif isinstance(entity, ir.ArrayType):
        yield "element_type", entity.element_type
    elif isinstance(entity, ir.Command):
        if entity.arg_type is not None:
            yield "arg_type", entity.arg_type
        if entity.ret_type is not None:
            yield "ret_type", entity.ret_type
    elif isinstance(entity, ir.Event) and entity.arg_type is not None:
        yield "arg_type", entity.arg_type


def _reference_problems(schema: ir.Schema) -> Iterator[str]:
    modules = {m.name for m in schema.modules}
    seen: set[str] = set()
    includes: dict[str, list[str]] = {}
    contains: dict[str, list[str]] = {}
    for index, entity in enumerate(schema.entities):
        where = f"{ENTITIES}[{index}]"
        if entity.module not in modules:
            yield f"{where}.module: unknown module {entity.module!r}"
        if isinstance(entity, ir.Include):
            if entity.target not in modules or entity.target == ir.BUILTIN_MODULE:
                yield f"{where}.target: unknown module {entity.target!r}"
            includes.setdefault(entity.module, []).append(entity.target)
            continue
        if entity.name in seen:
            yield f"{where}.name: '{entity.name}' is defined more than once"
        seen.add(entity.name)
        for field, type_name in _referenced_types(entity):
            found = schema.lookup_type(type_name)
            if found is None:
                yield f"{where}.{field}: unknown type {type_name!r}"
            elif field == "element_type" and isinstance(found, ir.ArrayType):
                yield f"{where}.{field}: an array of arrays"
            elif field == "base" and not _is_struct(found):
                yield f"{where}.base: '{type_name}' is not a struct type"
            elif field.startswith("variants") and not isinstance(found, ir.ObjectType):
                yield f"{where}.{field}: '{type_name}' is not an object type"
        if isinstance(entity, ir.ObjectType):
            contains[entity.name] = [
                name for field, name in _referenced_types(entity)
                if field == "base" or field.startswith("variants")
            ]
    yield from _predefined_problems(schema)
    yield from _chain_problems(contains, "type", "contains itself")
    yield from _chain_problems(includes, "module", "includes itself")
    yield from _doc_reference_problems(schema, seen)
    feature_names = {f.name for f in _all_features(schema)} | set(ir.SPECIAL_FEATURES)
    if len(feature_names) > MAX_FEATURES:
        yield f"{ENTITIES}: more than {MAX_FEATURES} distinct feature names"


def _is_struct(found: ir.Type) -> bool:
    return isinstance(found, ir.ObjectType) and found.variants is None


def _predefined_problems(schema: ir.Schema) -> Iterator[str]:
    """The built-in module holds only predefined types, as the front end makes them."""
    predefined: dict[str, type] = {ir.EMPTY_OBJECT: ir.ObjectType, "QType": ir.EnumType}
    for name, _ in BUILTIN_TYPES:
        predefined[name] = ir.BuiltinType
        predefined[array_type_name(name)] = ir.ArrayType
    where = f"{ENTITIES} (module {ir.BUILTIN_MODULE})"
    for entity in schema.module_entities(ir.BUILTIN_MODULE):
        if isinstance(entity, ir.Include) or predefined.get(entity.name) is not type(entity):
            yield f"{where}: {entity!r:.60} is not a predefined type"
    qtype = schema.lookup("QType")
    if isinstance(qtype, ir.EnumType) and (
        tuple(v.name for v in qtype.values) != QTYPE_VALUES or qtype.condition is not None
    ):
        yield f"{where}: 'QType' does not have the predefined values"
    empty = schema.lookup(ir.EMPTY_OBJECT)
    if isinstance(empty, ir.ObjectType) and empty != ir.ObjectType(
        name=ir.EMPTY_OBJECT, location=None, module=ir.BUILTIN_MODULE
    ):
        yield f"{where}: '{ir.EMPTY_OBJECT}' is not the empty object type"


def _chain_problems(edges: Mapping[str, Sequence[str]], what: str, cycle: str) -> Iterator[str]:
    """Cycles and chains longer than ``MAX_CHAIN_DEPTH`` in the graph ``edges``."""
    depth: dict[str, int] = {}
    for start in edges:
        if start in depth:
            continue
        # iterative depth-first search: a chain may be as long as the schema
        on_path: set[str] = {start}
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(node)
                depth[node] = 1 + max((depth.get(c, 0) for c in edges.get(node, ())), default=0)
                continue
            if child in on_path:
                yield f"{ENTITIES}: {what} '{child}' {cycle}"
                return
            if child not in depth:
                on_path.add(child)
                stack.append((child, iter(edges.get(child, ()))))
        if depth[start] > MAX_CHAIN_DEPTH:
            yield f"{ENTITIES}: {what} '{start}' starts a chain deeper than {MAX_CHAIN_DEPTH}"
            return


def _all_features(schema: ir.Schema) -> Iterator[ir.Feature]:
    for entity in schema.definitions():
        yield from getattr(entity, "features", ())
        for part in (*getattr(entity, "members", ()), *getattr(entity, "values", ())):
            yield from part.features


def _doc_reference_problems(schema: ir.Schema, names: set[str]) -> Iterator[str]:
    documented: set[str] = set()
    for index, doc in enumerate(schema.docs):
        if doc.symbol is None:
            continue
        if doc.symbol not in names:
            yield f"$.schema.docs[{index}].symbol: unknown definition '{doc.symbol}'"
        elif doc.symbol in documented:
            yield f"$.schema.docs[{index}].symbol: '{doc.symbol}' is documented twice"
        documented.add(doc.symbol)


# ---------------------------------------------------------------- pass 3: the whole schema


def _schema_problems(schema: ir.Schema) -> Iterator[str]:
    checks: dict[type, Callable[[ir.Schema, ir.Entity], Iterator[str]]] = {
        ir.ObjectType: _object_problems,
        ir.AlternateType: _alternate_problems,
        ir.Command: _call_problems,
        ir.Event: _call_problems,
    }
    for index, entity in enumerate(schema.entities):
        check = checks.get(type(entity))
        if check is not None:
            for problem in check(schema, entity):
                yield f"{ENTITIES}[{index}] ('{getattr(entity, 'name', '')}'): {problem}"
        if isinstance(entity, ir.TYPE_CLASSES):
            special = [f.name for f in getattr(entity, "features", ()) if f.is_special]
            if special:
                yield f"{ENTITIES}[{index}].features: types cannot have feature '{special[0]}'"


def _object_problems(schema: ir.Schema, obj: ir.Entity) -> Iterator[str]:
    assert isinstance(obj, ir.ObjectType)
    seen: dict[str, str] = {}
    for member in schema.all_members(obj):
        yield from _clash(member.name, seen)
    if obj.variants is None:
        return
    yield from _union_problems(schema, obj, obj.variants)
    for branch in obj.variants.branches:
        for name in _names_with_branches(schema, schema.object_type(branch.type)):
            yield from _clash(name, dict(seen))


def _clash(name: str, seen: dict[str, str]) -> Iterator[str]:
    """A problem when ``name`` mangles like a name in ``seen``; then ``name`` is in it."""
    mangled = mangle(name)
    if mangled in seen:
        yield f"member '{name}' collides with '{seen[mangled]}'"
    seen[mangled] = name


def _names_with_branches(schema: ir.Schema, obj: ir.ObjectType) -> Iterator[str]:
    """The member names of ``obj`` and of its branches' types (bounded: no cycles)."""
    for member in schema.all_members(obj):
        yield member.name
    if obj.variants is not None:
        for branch in obj.variants.branches:
            yield from _names_with_branches(schema, schema.object_type(branch.type))


def _union_problems(schema: ir.Schema, obj: ir.ObjectType, variants: ir.Variants) -> Iterator[str]:
    tag = next((m for m in schema.all_members(obj) if m.name == variants.tag), None)
    if tag is None:
        yield f"tag '{variants.tag}' is not a member"
        return
    enum = schema.lookup(tag.type)
    if tag.optional or tag.condition is not None or not isinstance(enum, ir.EnumType):
        yield f"tag '{tag.name}' must be a mandatory, unconditional member of an enum type"
        return
    values = {value.name for value in enum.values}
    branches = {branch.name for branch in variants.branches}
    if not branches:
        yield "union has no branches"
    for name in sorted(branches - values):
        yield f"branch '{name}' is not a value of '{enum.name}'"
    for name in sorted(values - branches):
        yield f"value '{name}' of '{enum.name}' has no branch"


def _branch_json_type(schema: ir.Schema, branch_type: str) -> tuple[str, list[str] | None]:
    found = schema.type(branch_type)
    if isinstance(found, ir.BuiltinType):
        return found.json_type, None
    if isinstance(found, ir.EnumType):
        return "string", [v.name for v in found.values]
    json_types = {ir.ObjectType: "object", ir.ArrayType: "array"}
    return json_types.get(type(found), "value"), None


def _alternate_problems(schema: ir.Schema, alternate: ir.Entity) -> Iterator[str]:
    assert isinstance(alternate, ir.AlternateType)
    claimed: dict[str, str] = {}
    for branch in alternate.branches:
        conflicts = alternate_conflicts(*_branch_json_type(schema, branch.type))
        if not conflicts:
            yield f"branch '{branch.name}' cannot be of type '{branch.type}'"
        for qtype in conflicts:
            if qtype in claimed:
                yield f"branch '{branch.name}' can't be told apart from '{claimed[qtype]}'"
                break
            claimed[qtype] = branch.name


def _check_flags(definition: ir.Command | ir.Event) -> Iterator[str]:
    owner = "command" if isinstance(definition, ir.Command) else "event"
    table = flags_of(owner)
    if definition.flags != tuple(f.name for f in table if f.name in definition.flags):
        yield (f"{owner} '{definition.name}': flags must be distinct flags of a {owner},"
               " in the order of the flag table")
        return
    for flag in table:
        for other in flag.incompatible:
            if (definition.flag(flag.name) != flag.default
                    and definition.flag(other) != flag_named(other).default):
                yield f"{owner} '{definition.name}': flags '{flag.name}' and '{other}' conflict"


def _call_problems(schema: ir.Schema, call: ir.Entity) -> Iterator[str]:
    assert isinstance(call, ir.Command | ir.Event)
    if call.arg_type is None:
        if call.flag("boxed"):
            yield "'boxed' requires an argument type"
        return
    arg_type = schema.lookup_type(call.arg_type)
    if not isinstance(arg_type, ir.ObjectType):
        yield f"argument type '{call.arg_type}' is not an object type"
    elif not call.flag("boxed") and (
        arg_type.variants is not None
        or any(m.condition is not None for m in schema.all_members(arg_type))
    ):
        yield f"argument type '{call.arg_type}' needs 'boxed' (a union or conditional members)"
