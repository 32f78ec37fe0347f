"""``plugins.toml``: the schema, the output directory, the backends and their options.

Example::

    schema = "examples/service.json"
    output = "out"
    backends = ["c", "introspect"]

    legacy-docs = true    # accept older releases' doc comment rules

    [options.c]
    prefix = "example-"

    [subdirs]             # where below the output directory a backend writes
    docs = "html"

    [extra-backends]      # FILE.py:Class, the file relative to this one
    stats = "tools/stats.py:StatsBackend"

``plugins.toml`` is code, like a Makefile: an extra backend runs with the
user's rights.  It is still named as a file, never as any module on
``sys.path``, so a run imports nothing the configuration does not point at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.input_file import read_config_toml, shown

_KEYS = {"schema", "output", "backends", "options", "extra-backends", "subdirs", "legacy-docs",
         "diff"}


class ConfigError(Exception):
    """A configuration file that cannot be read or has the wrong shape."""


#: ``FILE.py:Class``: a Python file (a package's ``__init__.py``) and a class in it.
_EXTRA_BACKEND = re.compile(r"(?P<file>.+\.py):(?P<cls>[A-Za-z_][A-Za-z0-9_]*)")


@attrs.frozen
class ExtraBackend:
    """A backend class in a Python file named by ``[extra-backends]``."""

    #: The file, relative to the working directory (or absolute).
    file: str
    #: The name of the class in it.
    cls: str
    #: The value as written, for messages.
    written: str


@attrs.frozen
class Config:
    """The settings of a configuration file; paths are relative to the file's directory."""

    schema: str | None = None
    output: str | None = None
    backends: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    extra_backends: dict[str, ExtraBackend] = attrs.field(factory=dict)
    subdirs: dict[str, str] = attrs.field(factory=dict)
    legacy_docs: bool = False


def _string_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def _table_of(path: Path, key: str, value: Any, item_kind: type) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(isinstance(v, item_kind) for v in value.values()):
        raise ConfigError(f"{path}: [{key}] must be a table of {item_kind.__name__} values")
    return dict(value)


def _relative(path: Path, value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: '{key}' must be a string")
    return str(path.parent / value)


def _boolean(path: Path, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{path}: '{key}' must be true or false")
    return value


def _extra_backends(path: Path, value: Any) -> dict[str, ExtraBackend]:
    found = {}
    for name, written in _table_of(path, "extra-backends", value, str).items():
        match = _EXTRA_BACKEND.fullmatch(written)
        if not match:
            raise ConfigError(
                f"{path}: [extra-backends] {name} = '{shown(written)}' must be FILE.py:Class,"
                " a Python file relative to this file (an installed distribution's backends"
                " need no entry)"
            )
        found[name] = ExtraBackend(str(path.parent / match["file"]), match["cls"], written)
    return found


def _subdirs(path: Path, value: Any) -> dict[str, str]:
    subdirs = _table_of(path, "subdirs", value, str)
    for backend, subdir in subdirs.items():
        parts = Path(subdir).parts
        if not parts or Path(subdir).is_absolute() or ".." in parts:
            raise ConfigError(
                f"{path}: [subdirs] {backend} = {subdir!r} must be a relative path"
                " inside the output directory"
            )
    return subdirs


def load_config(path: Path) -> Config:
    """Read and check the configuration file at ``path``."""
    data = read_config_toml(path, ConfigError)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown key '{unknown[0]}'; valid keys: {', '.join(sorted(_KEYS))}"
        )
    return Config(
        schema=_relative(path, data["schema"], "schema") if "schema" in data else None,
        output=_relative(path, data["output"], "output") if "output" in data else None,
        backends=_string_list(path, "backends", data.get("backends", [])),
        options=_table_of(path, "options", data.get("options", {}), dict),
        extra_backends=_extra_backends(path, data.get("extra-backends", {})),
        subdirs=_subdirs(path, data.get("subdirs", {})),
        legacy_docs=_boolean(path, "legacy-docs", data.get("legacy-docs", False)),
    )
