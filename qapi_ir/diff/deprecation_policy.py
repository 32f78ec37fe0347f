"""QEMU's deprecation policy held against a lifecycle (``qapi-build history --policy qemu``).

``docs/about/deprecated.rst``: a deprecated feature stays functional in the
release that deprecated it and one further release, and only then may go.
So a thing deprecated in release D may be removed from D + 2 on.  The
releases given may leave gaps (:func:`~qapi_ir.diff.release_order.release_numbers`
counts the releases between them): a thing first seen deprecated in release
R_j was deprecated after R_(j-1) and by R_j, and one first missing from R_k was
removed after R_(k-1) and by R_k.  A removal is a violation when no release
inside those bounds keeps the policy, and *not checkable* when some would and
some would not; it is never guessed a violation.  Removing something unstable
or ``x-`` named is exempt, and so are named types (only what they hold reaches
clients).  A thing added already deprecated is reported too.
"""

from __future__ import annotations

import attrs

from qapi_ir.diff.lifecycle import APPEARED, DEPRECATED, REMOVED, Lifecycle, Step, Thing
from qapi_ir.diff.release_order import release_numbers
from qapi_ir.diff.rules import ADDED_DEPRECATED

NEVER_DEPRECATED = "removed-never-deprecated"
TOO_SOON = "removed-too-soon"
ADDED_ALREADY_DEPRECATED = "added-deprecated"
NOT_CHECKABLE = "not-checkable"

#: What each verdict says, and whether it breaks the policy.
VERDICTS = {
    NEVER_DEPRECATED: ("removed without being deprecated first", True),
    TOO_SOON: ("removed too soon: a deprecated thing stays in the release that deprecated"
               " it and the next one", True),
    ADDED_ALREADY_DEPRECATED: ("added already deprecated", True),
    NOT_CHECKABLE: ("the releases given leave too wide a gap to tell", False),
}
_EXEMPT_KINDS = frozenset({"type", "feature"})
_UNBOUNDED = -(10**9)


@attrs.frozen
class PolicyFinding:
    """One verdict: the release, the thing (kind and address) and why."""

    verdict: str
    violation: bool
    release: str
    kind: str
    address: str
    detail: str


class _Check:
    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels
        self.numbers = release_numbers(labels)

    def _after(self, index: int) -> int:
        """The first release that can follow the ``index``-th given one."""
        return self.numbers[index] + 1

    def _deprecated_since(self, thing: Thing, removal: int) -> tuple[int, int, str]:
        """The bounds of the release that deprecated ``thing`` before step ``removal``, and
        how to say it."""
        for step in reversed(thing.steps[:removal]):
            if step.event == DEPRECATED or (step.event == APPEARED and step.deprecated):
                j = self.labels.index(step.release)
                low = self._after(j - 1) if j > 0 else _UNBOUNDED
                return low, self.numbers[j], f"deprecated in {step.release}"
        return _UNBOUNDED, self.numbers[0], f"deprecated in {self.labels[0]} or earlier"

    def removal(self, thing: Thing, index: int, step: Step) -> PolicyFinding | None:
        k = self.labels.index(step.release)
        earliest, latest = self._after(k - 1), self.numbers[k]
        if step.deprecated:
            low, high, said = self._deprecated_since(thing, index)
            if earliest >= high + 2:
                return None
            verdict = TOO_SOON if latest < low + 2 else NOT_CHECKABLE
        else:
            said = f"not deprecated in {self.labels[k - 1]}"
            verdict = NEVER_DEPRECATED if latest < earliest + 2 else NOT_CHECKABLE
        what, violation = VERDICTS[verdict]
        return PolicyFinding(verdict, violation, step.release, thing.kind, thing.address(),
                             f"{what} ({said}, removed in {step.release})")

    def addition(self, thing: Thing, step: Step) -> PolicyFinding:
        k = self.labels.index(step.release)
        if self.numbers[k] == self._after(k - 1):
            verdict, said = ADDED_ALREADY_DEPRECATED, f"in {step.release}"
        else:
            verdict = NOT_CHECKABLE
            said = (f"added already deprecated by {step.release}: it may have been added and"
                    f" deprecated in different releases after {self.labels[k - 1]}")
        what, violation = VERDICTS[verdict]
        detail = f"{what} {said}" if verdict == ADDED_ALREADY_DEPRECATED else f"{what} ({said})"
        return PolicyFinding(verdict, violation, step.release, thing.kind, thing.address(),
                             detail)


def check_policy(history: Lifecycle) -> tuple[PolicyFinding, ...]:
    """Every removal that breaks QEMU's deprecation policy or cannot be checked, and every
    thing added already deprecated, in the order of ``history``'s things."""
    check = _Check(history.releases)
    found = []
    for thing in history.things:
        if thing.kind in _EXEMPT_KINDS:
            continue
        for index, step in enumerate(thing.steps):
            if step.event == REMOVED and not step.unstable:
                finding = check.removal(thing, index, step)
                if finding is not None:
                    found.append(finding)
            elif step.event == APPEARED and step.rule == ADDED_DEPRECATED:
                found.append(check.addition(thing, step))
    return tuple(found)
