"""The order of releases named by labels, and how many releases lie between two of them.

Labels are put in release order when every one holds a number: by their
numbers, as versions compare (``7.2`` < ``8.0`` < ``10.0``), not as text;
otherwise the order given stands.  :func:`release_numbers` places each label
in the sequence of QEMU releases (2.0 to 2.12, 3.0 and 3.1, then three a year:
X.0, X.1, X.2), so that ``7.2`` then ``10.0`` is seen to skip eight releases;
labels that are not all QEMU versions are taken as consecutive releases.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_NUMBER = re.compile(r"(\d+)")
_QEMU_VERSION = re.compile(r"(?:v|qemu-?)?(\d+)\.(\d+)(?:\.\d+)?(?:-rc\d+)?")
#: The last minor version of each QEMU major version before the three-a-year rhythm.
_LAST_MINOR = {2: 12, 3: 1}
_YEARLY_FROM = 4
_PER_YEAR = 3


def version_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key comparing the numbers inside ``label`` as numbers (``9.2`` < ``10.0``)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in _NUMBER.split(label) if part)


def in_release_order(labels: Sequence[str]) -> list[str]:
    """``labels`` by version when each holds a number, else in the order given."""
    if all(_NUMBER.search(label) for label in labels):
        return sorted(labels, key=version_key)
    return list(labels)


def qemu_release_number(label: str) -> int | None:
    """The position of QEMU release ``label`` (``10.2``, ``v7.2.0``) among all releases."""
    match = _QEMU_VERSION.fullmatch(label)
    if match is None:
        return None
    major, minor = int(match[1]), int(match[2])
    if major < _YEARLY_FROM:
        last = _LAST_MINOR.get(major)
        if last is None or minor > last:
            return None
        return sum(_LAST_MINOR[m] + 1 for m in _LAST_MINOR if m < major) + minor
    if minor >= _PER_YEAR:
        return None
    before = sum(last + 1 for last in _LAST_MINOR.values())
    return before + (major - _YEARLY_FROM) * _PER_YEAR + minor


def release_numbers(labels: Sequence[str]) -> list[int]:
    """The position of each of ``labels`` (in release order) in the sequence of releases:
    QEMU's when each is a QEMU version, else consecutive."""
    numbers = [n for n in map(qemu_release_number, labels) if n is not None]
    if len(numbers) == len(labels) and numbers == sorted(set(numbers)):
        return numbers
    return list(range(len(labels)))
