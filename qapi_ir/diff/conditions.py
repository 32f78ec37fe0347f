"""Whether a changed ``if`` condition makes a thing exist in fewer builds, more, or neither.

A condition is a formula over configuration symbols; ``None`` is always true.
The new condition *narrows* the old one when every build where it holds also
satisfied the old one (and not the reverse), and *widens* it in the opposite
case.  Formulas are compared by truth table, which is exact and quick for the
handful of symbols a condition names; past :data:`MAX_SYMBOLS` the change is
classified as neither.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping

from qapi_ir import ir

MAX_SYMBOLS = 12

NARROWED = "condition-narrowed"
WIDENED = "condition-widened"
CHANGED = "condition-changed"


def text(condition: ir.Condition | None) -> str:
    """The condition in words, ``none`` when there is none."""
    return "none" if condition is None else ir.condition_text(condition)


def _symbols(condition: ir.Condition | None) -> Iterator[str]:
    if isinstance(condition, ir.IfName):
        yield condition.name
    elif isinstance(condition, ir.IfNot):
        yield from _symbols(condition.operand)
    elif isinstance(condition, ir.IfAll | ir.IfAny):
        for operand in condition.operands:
            yield from _symbols(operand)


def _holds(condition: ir.Condition | None, defined: Mapping[str, bool]) -> bool:
    if condition is None:
        return True
    if isinstance(condition, ir.IfName):
        return defined[condition.name]
    if isinstance(condition, ir.IfNot):
        return not _holds(condition.operand, defined)
    results = (_holds(operand, defined) for operand in condition.operands)
    return all(results) if isinstance(condition, ir.IfAll) else any(results)


def classify(old: ir.Condition | None, new: ir.Condition | None) -> str | None:
    """The rule of a change of condition from ``old`` to ``new``; ``None`` if they agree."""
    symbols = sorted(set(_symbols(old)) | set(_symbols(new)))
    if len(symbols) > MAX_SYMBOLS:
        return CHANGED if old != new else None
    gained = lost = False
    for values in itertools.product((False, True), repeat=len(symbols)):
        defined = dict(zip(symbols, values, strict=True))
        was, now = _holds(old, defined), _holds(new, defined)
        gained |= now and not was
        lost |= was and not now
    if lost and not gained:
        return NARROWED
    if gained and not lost:
        return WIDENED
    return CHANGED if gained else None
