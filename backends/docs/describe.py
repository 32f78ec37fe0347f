"""Small facts the pages state in words: release versions, feature badges."""

from __future__ import annotations

import re

from qapi_ir.ir import Feature

#: A release number; longer runs of digits are not one (and would not convert to int).
_VERSION = re.compile(r"(?<!\d)\d{1,4}(?:\.\d{1,4})+(?!\d)")
_SINCE_NOTE = re.compile(r"\(\s*since:?\s+(\d+(?:\.\d+)+)\s*\)", re.IGNORECASE)


def parse_version(text: str) -> tuple[int, ...] | None:
    """The first release number in ``text`` (``"10.1"`` gives ``(10, 1)``), if any."""
    match = _VERSION.search(text)
    return tuple(int(part) for part in match.group().split(".")) if match else None


def since_note(text: str) -> tuple[int, ...] | None:
    """The release of a ``(since x.y)`` note in a member description, if any."""
    match = _SINCE_NOTE.search(text)
    return parse_version(match.group(1)) if match else None


def is_newer(version: tuple[int, ...] | None, baseline: tuple[int, ...] | None) -> bool:
    """Whether ``version`` is a later release than ``baseline`` (False when either is unknown)."""
    if version is None or baseline is None:
        return False
    width = max(len(version), len(baseline))
    return version + (0,) * (width - len(version)) > baseline + (0,) * (width - len(baseline))


def badges(features: tuple[Feature, ...]) -> tuple[str, ...]:
    """The special features (``deprecated``, ``unstable``) shown as badges."""
    return tuple(f.name for f in features if f.is_special)
