"""What older releases lack, as the generated client says it: notes and ``T | Absent`` members.

A note names the releases given with ``-O python.compat=LABEL=PATH`` and no
others: ``absent in 7.2`` says what was compared, where ``absent before 8.0``
would claim a release nobody gave.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from qapi_ir.plugin_api import Release, ReleaseHistory


def _labels_by_key(releases: Iterable[Release], field: str) -> dict[Hashable, list[str]]:
    """The labels of the releases whose ``field`` holds each key."""
    found: dict[Hashable, list[str]] = {}
    for release in releases:
        for key in getattr(release, field):
            found.setdefault(key, []).append(release.label)
    return found


def _note(verb: str, labels: list[str] | None) -> str:
    if not labels:
        return ""
    listed = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    return f"{verb} in {listed}"


class CompatNotes:
    """Looks up, by the generated schema's names, what each given release lacks."""

    def __init__(self, history: ReleaseHistory) -> None:
        releases = history.releases
        self._commands = _labels_by_key(releases, "absent_commands")
        self._events = _labels_by_key(releases, "absent_events")
        self._absent = _labels_by_key(releases, "absent_members")
        self._optional = _labels_by_key(releases, "optional_members")
        self._values = _labels_by_key(releases, "absent_enum_values")

    def command(self, name: str) -> str:
        """``absent in 7.2`` for a command some release lacks; empty otherwise."""
        return _note("absent", self._commands.get(name))

    def event(self, name: str) -> str:
        """``absent in 7.2`` for an event some release lacks; empty otherwise."""
        return _note("absent", self._events.get(name))

    def enum_value(self, enum: str, value: str) -> str:
        """``absent in 7.2`` for an enumeration value some release lacks; empty otherwise."""
        return _note("absent", self._values.get((enum, value)))

    def member(self, owner: str, name: str) -> str:
        """``absent in 7.2; optional in 10.0`` for member ``name`` of type ``owner``."""
        notes = (
            _note("absent", self._absent.get((owner, name))),
            _note("optional", self._optional.get((owner, name))),
        )
        return "; ".join(note for note in notes if note)

    def varying_commands(self) -> tuple[str, ...]:
        """The commands some release lacks, sorted."""
        return tuple(sorted(str(name) for name in self._commands))
