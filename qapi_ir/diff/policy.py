"""Turning found changes into verdicts: stability, per-rule classes, ignores, a client's use.

In order: removing something the old schema marked deprecated becomes an
*announced removal*; a rule the context of a change gives (added already
deprecated, reached only through a new variant, absent from a reply's build:
see :class:`~qapi_ir.diff.changes.Change`) replaces the found one; a rule's
class is replaced by the one the settings give;
a change to something unstable or ``x-`` named that would count for more
than the ``unstable-changed`` rule becomes that rule; a change matching an
ignore entry is set aside with its reason.  Both stability rules are rules
like any other, so the settings can give them a class.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

import attrs

from qapi_ir.diff.changes import Change, join
from qapi_ir.diff.rules import ANNOUNCED_REMOVAL, REMOVALS, UNSTABLE_CHANGED, Severity, rule
from qapi_ir.diff.settings import Ignore, Settings


def address(change: Change) -> str:
    """The place an ignore pattern is matched against: group name and path."""
    return join(change.group.name, change.path)


def _severity(change: Change, settings: Settings) -> Severity:
    override = settings.severity.get(change.rule.id)
    return override if override is not None else change.rule.classify(change.directions)


def _replace(change: Change, rule_id: str, settings: Settings) -> Change:
    replaced = attrs.evolve(change, rule=rule(rule_id), replaced=change.rule.id)
    return attrs.evolve(replaced, severity=_severity(replaced, settings))


def _matches(entry: Ignore, change: Change) -> bool:
    return entry.rule in (change.rule.id, change.replaced) \
        and fnmatchcase(address(change), entry.path)


def _ignored_by(change: Change, entries: tuple[Ignore, ...]) -> str | None:
    return next((entry.reason for entry in entries if _matches(entry, change)), None)


def unused_ignores(settings: Settings, changes: Iterable[Change]) -> list[Ignore]:
    """The ignore entries of ``settings`` that match none of the judged ``changes``."""
    found = list(changes)
    return [entry for entry in settings.ignore if not any(_matches(entry, c) for c in found)]


def judge(change: Change, settings: Settings) -> Change:
    """``change`` with its final rule, class, and ignore reason."""
    if change.deprecated and change.rule.id in REMOVALS:
        change = _replace(change, ANNOUNCED_REMOVAL, settings)
    elif change.context_rule is not None:
        change = _replace(change, change.context_rule, settings)
    else:
        change = attrs.evolve(change, severity=_severity(change, settings))
        cap = _severity(attrs.evolve(change, rule=rule(UNSTABLE_CHANGED)), settings)
        if change.unstable and change.severity > cap:
            change = _replace(change, UNSTABLE_CHANGED, settings)
    return attrs.evolve(change, ignored=_ignored_by(change, settings.ignore))


def fails(change: Change, fail_on: str) -> bool:
    """Whether ``change`` (counted) reaches the ``--fail-on`` class."""
    return fail_on == "any" or (fail_on == "breaking" and change.severity is Severity.BREAKING)


def counted(change: Change) -> bool:
    """Whether ``change`` counts toward the exit status: not ignored, and affecting the client."""
    return change.ignored is None and change.affects
