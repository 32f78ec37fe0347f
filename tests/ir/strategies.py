"""Hypothesis strategies: valid QAPI schemas as text, built from the leaves up, and conditions.

Schemas are generated as Python data (enums first, then structs that use them,
then unions, alternates, commands and events) and rendered in the QAPI dialect
(single quotes), so the front end reads them exactly as it reads a real file.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from qapi_ir import ir

SYMBOLS = ("CONFIG_A", "CONFIG_B", "CONFIG_C")
SCALARS = ("str", "int", "bool", "number", "uint8", "int64", "size", "any")
_MEMBER_WORDS = ("alpha", "beta", "gamma", "delta", "node-name", "count", "ready", "x")


def condition_texts() -> st.SearchStrategy[Any]:
    """Conditions in schema syntax: a symbol, or all/any/not of conditions."""
    return st.recursive(
        st.sampled_from(SYMBOLS),
        lambda inner: st.one_of(
            st.builds(lambda ops: {"all": ops}, st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda ops: {"any": ops}, st.lists(inner, min_size=1, max_size=3)),
            st.builds(lambda op: {"not": op}, inner),
        ),
        max_leaves=4,
    )


def conditions() -> st.SearchStrategy[ir.Condition]:
    """Condition trees of the IR."""
    return st.recursive(
        st.builds(ir.IfName, st.sampled_from(SYMBOLS)),
        lambda inner: st.one_of(
            st.builds(ir.IfAll, st.lists(inner, min_size=1, max_size=3).map(tuple)),
            st.builds(ir.IfAny, st.lists(inner, min_size=1, max_size=3).map(tuple)),
            st.builds(ir.IfNot, inner),
        ),
        max_leaves=4,
    )


def render(value: Any) -> str:
    """``value`` in the QAPI dialect of JSON."""
    if isinstance(value, str):
        return "'" + value + "'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[ " + ", ".join(render(v) for v in value) + " ]"
    assert isinstance(value, dict)
    return "{ " + ", ".join(f"{render(k)}: {render(v)}" for k, v in value.items()) + " }"


def _maybe_if(draw: st.DrawFn, expr: dict[str, Any]) -> dict[str, Any]:
    if draw(st.booleans()):
        expr["if"] = draw(condition_texts())
    return expr


def _features(draw: st.DrawFn, allow_special: bool) -> list[Any]:
    pool = ["feat-a", "feat-b"] + (["deprecated", "unstable"] if allow_special else [])
    names = draw(st.lists(st.sampled_from(pool), unique=True, max_size=2))
    return [n if draw(st.booleans()) else {"name": n, "if": draw(condition_texts())}
            for n in names]


def _members(draw: st.DrawFn, types: list[str], conditional: bool = True) -> dict[str, Any]:
    """Members of struct-like data; command and event data take no conditions unboxed."""
    names = draw(st.lists(st.sampled_from(_MEMBER_WORDS), unique=True, max_size=4))
    members: dict[str, Any] = {}
    for name in names:
        key = ("*" if draw(st.booleans()) else "") + name
        type_ref: Any = draw(st.sampled_from(types))
        if draw(st.integers(0, 4)) == 0:
            type_ref = [type_ref]
        if draw(st.booleans()):
            members[key] = type_ref
            continue
        member = {"type": type_ref, "features": _features(draw, True)}
        members[key] = _maybe_if(draw, member) if conditional else member
    return members


@st.composite
def schema_texts(draw: st.DrawFn) -> str:
    """The text of a valid schema with enums, structs, a union, an alternate, commands, events."""
    exprs: list[dict[str, Any]] = []
    enums = [f"Enum{i}" for i in range(draw(st.integers(1, 3)))]
    for name in enums:
        values = draw(st.lists(st.sampled_from(("one", "two", "three", "four")),
                               unique=True, min_size=1, max_size=4))
        exprs.append(_maybe_if(draw, {"enum": name, "data": values,
                                      "features": _features(draw, False)}))
    # a base whose one member no other struct has, so that any struct may extend it
    exprs.append({"struct": "Base0", "data": {"base-member": draw(st.sampled_from(SCALARS))},
                  "features": _features(draw, False)})
    structs: list[str] = []
    for i in range(draw(st.integers(1, 4))):
        name = f"Struct{i}"
        struct = {"struct": name, "data": _members(draw, list(SCALARS) + enums + structs),
                  "features": _features(draw, False)}
        if draw(st.booleans()):
            struct["base"] = "Base0"
        exprs.append(struct)
        structs.append(name)
    tag_enum = enums[0]
    tag_values = next(e["data"] for e in exprs if e.get("enum") == tag_enum)
    branches = draw(st.lists(st.sampled_from(tag_values), unique=True, min_size=1))
    exprs.append({"union": "Union0", "base": {"tag": tag_enum}, "discriminator": "tag",
                  "data": {b: draw(st.sampled_from(structs)) for b in branches},
                  "features": _features(draw, False)})
    # A string can't be told from a number or a boolean (keyval input), so
    # an alternate takes either 'str' or some of 'int' and 'bool'.
    scalar_branches = draw(st.sampled_from(({"s": "str"}, {"i": "int"}, {"b": "bool"},
                                            {"i": "int", "b": "bool"}, {})))
    alt_data = dict(scalar_branches)
    if draw(st.booleans()) or not alt_data:
        alt_data["o"] = structs[0]
    exprs.append(_maybe_if(draw, {"alternate": "Alt0", "data": alt_data,
                                  "features": _features(draw, False)}))
    object_types = [*structs, "Union0"]
    for i in range(draw(st.integers(0, 3))):
        command: dict[str, Any] = {"command": f"cmd-{i}"}
        if draw(st.integers(0, 3)) == 0:
            command.update({"data": draw(st.sampled_from(structs)), "boxed": True})
        elif draw(st.booleans()):
            command["data"] = _members(draw, [*SCALARS, *enums, *structs, "Alt0"], False)
        if draw(st.booleans()):
            command["returns"] = draw(st.sampled_from(object_types))
        flag = draw(st.sampled_from(("allow-oob", "allow-preconfig", "coroutine", None)))
        if flag:
            command[flag] = True
        command["features"] = _features(draw, True)
        exprs.append(_maybe_if(draw, command))
    for i in range(draw(st.integers(0, 2))):
        exprs.append(_maybe_if(draw, {"event": f"EVENT_{i}",
                                      "data": _members(draw, [*SCALARS, *enums], False)}))
    return "\n".join(render(expr) for expr in exprs) + "\n"
