"""The ``[diff]`` table of ``plugins.toml`` (or of the file given with ``--config``).

Example::

    [diff.severity]                  # a class for every change of a rule
    condition-narrowed = "breaking"
    unstable-changed = "breaking"    # changes to unstable things count in full

    [[diff.ignore]]                  # changes not to count, each with its reason
    rule = "member-removed-optional"
    path = "MigrateSetParameters.compress-*"
    reason = "removed after two releases of deprecation"

A ``path`` is a shell-style pattern matched against the group's name joined
with the change's path (``migrate.arguments.blk``, ``SevInfo{sev-snp}.handle``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.diff.rules import Severity, rules
from qapi_ir.input_file import read_config_toml

TABLE = "diff"
_KEYS = {"severity", "ignore"}
_IGNORE_KEYS = {"rule", "path", "reason"}


class SettingsError(Exception):
    """A ``[diff]`` table that cannot be read or has the wrong shape; one line."""


@attrs.frozen
class Ignore:
    """Changes of ``rule`` whose place matches ``path`` are not counted, because ``reason``."""

    rule: str
    path: str
    reason: str


@attrs.frozen
class Settings:
    """Per-rule classes that replace the rules' own, and changes to ignore."""

    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    ignore: tuple[Ignore, ...] = ()


def _severity(where: str, rule_id: str, value: Any) -> Severity:
    if rule_id not in rules():
        raise SettingsError(f"{where}: unknown rule '{rule_id}'")
    names = [str(s) for s in Severity]
    if value not in names:
        raise SettingsError(f"{where}: {rule_id} must be one of {', '.join(names)}")
    return Severity[value.upper()]


def _ignore(where: str, index: int, entry: Any) -> Ignore:
    place = f"{where}: [[{TABLE}.ignore]] entry {index + 1}"
    if not isinstance(entry, dict) or set(entry) != _IGNORE_KEYS:
        raise SettingsError(f"{place} needs exactly the keys {', '.join(sorted(_IGNORE_KEYS))}")
    if not all(isinstance(entry[key], str) and entry[key].strip() for key in _IGNORE_KEYS):
        raise SettingsError(f"{place}: rule, path and reason must be non-empty strings")
    if entry["rule"] not in rules():
        raise SettingsError(f"{place}: unknown rule '{entry['rule']}'")
    return Ignore(entry["rule"], entry["path"], entry["reason"])


def from_table(where: str, table: Any) -> Settings:
    """The settings in ``table`` (the ``[diff]`` table read from ``where``)."""
    if not isinstance(table, dict):
        raise SettingsError(f"{where}: [{TABLE}] must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise SettingsError(f"{where}: unknown key '{unknown[0]}' in [{TABLE}]; "
                            f"valid keys: {', '.join(sorted(_KEYS))}")
    severity = table.get("severity", {})
    ignore = table.get("ignore", [])
    if not isinstance(severity, dict):
        raise SettingsError(f"{where}: [{TABLE}.severity] must be a table")
    if not isinstance(ignore, list):
        raise SettingsError(f"{where}: [[{TABLE}.ignore]] must be an array of tables")
    return Settings({rule_id: _severity(where, rule_id, value)
                     for rule_id, value in severity.items()},
                    tuple(_ignore(where, i, entry) for i, entry in enumerate(ignore)))


def load_settings(path: Path) -> Settings:
    """The ``[diff]`` table of the TOML file at ``path`` (defaults when it has none)."""
    return from_table(str(path), read_config_toml(path, SettingsError).get(TABLE, {}))
