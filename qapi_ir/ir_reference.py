"""The reference of the IR classes for plugin authors, from :mod:`qapi_ir.ir` itself.

Each public class of the IR with its docstring, its fields (type and default)
and its methods and properties; ``docs/ir.md`` holds the result between two
marker lines, written by ``python -m qapi_ir.regenerate --update``.
"""

from __future__ import annotations

import inspect
import re
import typing

import attrs

from qapi_ir import ir

#: The sections of the reference and the classes of each, in reading order.
SECTIONS: tuple[tuple[str, tuple[type, ...]], ...] = (
    ("The whole schema", (ir.Schema, ir.Module)),
    ("Types", (ir.BuiltinType, ir.EnumType, ir.ObjectType, ir.ArrayType, ir.AlternateType)),
    ("Commands and events", (ir.Command, ir.Event)),
    ("Parts of definitions", (ir.Member, ir.EnumValue, ir.Variants, ir.Branch, ir.Feature)),
    ("Conditions", (ir.IfName, ir.IfAll, ir.IfAny, ir.IfNot)),
    ("Where things come from", (ir.Include, ir.Location)),
    ("Doc comments", (ir.Doc, ir.DocSection)),
)


def public_classes() -> list[type]:
    """Every public attrs class of :mod:`qapi_ir.ir`, in definition order."""
    return [value for name, value in vars(ir).items()
            if not name.startswith("_") and inspect.isclass(value) and attrs.has(value)
            and value.__module__ == ir.__name__]


#: Unions spelled by the name the IR gives them.
_UNION_NAMES = (
    (" | ".join(c.__name__ for c in typing.get_args(ir.Entity)), "Entity"),
    (" | ".join(c.__name__ for c in typing.get_args(ir.Condition)), "Condition"),
)
_ROLE = re.compile(r":\w+:`~?([^`]*)`")


def _type_text(hint: object) -> str:
    text = str(hint) if not isinstance(hint, type) else hint.__name__
    for prefix in ("qapi_ir.ir.", "typing."):
        text = text.replace(prefix, "")
    for union, name in _UNION_NAMES:
        text = text.replace(union, name)
    return text.replace("NoneType", "None")


def _default_text(field: attrs.Attribute) -> str:  # type: ignore[type-arg]
    if field.default is attrs.NOTHING:
        return ""
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        owner = field.metadata.get("flags_of")
        return f" = the flag table's defaults for a {owner}" if owner else ""
    return f" = `{field.default!r}`"


def _doc(obj: object) -> str:
    """A docstring as one Markdown paragraph (reST roles and literals made code)."""
    text = " ".join(inspect.cleandoc(obj.__doc__ or "").split())
    return _ROLE.sub(r"`\1`", text).replace("``", "`")


def _class_text(cls: type) -> list[str]:
    hints = typing.get_type_hints(cls)
    lines = [f"### `{cls.__name__}`", "", _doc(cls), ""]
    for field in attrs.fields(cls):
        if field.init:
            lines.append(f"- `{field.name}`: `{_type_text(hints[field.name])}`"
                         f"{_default_text(field)}")
    for name, member in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            lines.append(f"- `{name}` (property): {_doc(member)}")
        elif inspect.isfunction(member):
            signature = str(inspect.signature(member)).replace("'", "")
            lines.append(f"- `{name}{signature}`: {_doc(member)}")
    return [*lines, ""]


def _functions_text() -> list[str]:
    lines = ["## Functions", ""]
    for name, value in vars(ir).items():
        if not name.startswith("_") and inspect.isfunction(value) \
                and value.__module__ == ir.__name__:
            signature = str(inspect.signature(value)).replace("'", "")
            lines.append(f"- `{name}{signature}`: {_doc(value)}")
    return [*lines, ""]


def reference_markdown() -> str:
    """The class reference, in Markdown (level-2 sections, level-3 classes), then the
    module's functions."""
    lines: list[str] = []
    for title, classes in SECTIONS:
        lines += [f"## {title}", ""]
        for cls in classes:
            lines += _class_text(cls)
    return "\n".join(lines + _functions_text())
