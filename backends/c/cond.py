"""Conditions as C preprocessor expressions, exactly as QEMU's common.py writes them."""

from __future__ import annotations

from qapi_ir.ir import Condition, IfAll, IfName, IfNot


def _gen(cond: Condition, need_parens: bool) -> str:
    if isinstance(cond, IfName):
        return f"defined({cond.name})"
    if isinstance(cond, IfNot):
        return "!" + _gen(cond.operand, True)
    operator = " && " if isinstance(cond, IfAll) else " || "
    text = operator.join(_gen(o, True) for o in cond.operands)
    return f"({text})" if need_parens else text


def cgen_ifcond(cond: Condition | None) -> str:
    """``cond`` as a C expression (``''`` when there is no condition)."""
    return "" if cond is None else _gen(cond, False)


def gen_if(cond: Condition | None) -> str:
    """The ``#if`` line opening ``cond`` (``''`` when there is no condition)."""
    text = cgen_ifcond(cond)
    return f"#if {text}\n" if text else ""


def gen_endif(cond: Condition | None) -> str:
    """The ``#endif`` line closing ``cond`` (``''`` when there is no condition)."""
    text = cgen_ifcond(cond)
    return f"#endif /* {text} */\n" if text else ""


def wrap_if(cond: Condition | None, text: str) -> str:
    """``text`` inside ``#if``/``#endif`` for ``cond``, like QEMU's ``_wrap_ifcond``.

    Nothing is wrapped when ``text`` is empty; a leading blank line stays
    outside the ``#if``.
    """
    if not text or cond is None:
        return text
    lead = ""
    if text.startswith("\n"):
        lead, text = "\n", text[1:]
    return lead + gen_if(cond) + text + gen_endif(cond)
