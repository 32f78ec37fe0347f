"""Finding and loading backend plugins, and telling the user clearly when one is broken."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Mapping
from typing import Any, cast

import attrs

from qapi_ir.build.installed import EntryPointInfo, Installed
from qapi_ir.plugin_api import SUPPORTED_API_VERSIONS, Backend, Option

_REQUIRED = ("name", "description", "api_version", "options", "generate")


class PluginError(Exception):
    """A backend that cannot be found, loaded or used."""


@attrs.frozen
class LoadedBackend:
    """A backend instance and where it came from (for messages and ``--list-backends``)."""

    backend: Backend
    origin: str


#: An entry point's value, as :mod:`importlib.metadata` reads it.
_ENTRY_POINT_VALUE = re.compile(
    r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$"
)


def installed_backends(installed: Installed) -> dict[str, EntryPointInfo]:
    """The backends registered through entry points, sorted by name."""
    return {point.name: point for point in installed.backends}


def _origin(entry_point: EntryPointInfo) -> str:
    if entry_point.distribution is None:
        return f"entry point {entry_point.value}"
    return f"distribution {entry_point.distribution}"


def _load(entry_point: EntryPointInfo) -> Any:
    """The object ``entry_point`` names, found as ``EntryPoint.load`` finds it."""
    match = _ENTRY_POINT_VALUE.match(entry_point.value)
    if match is None:
        raise ValueError(f"malformed entry point '{entry_point.value}'")
    module = importlib.import_module(match.group("module"))
    attributes = filter(None, (match.group("attr") or "").split("."))
    return functools.reduce(getattr, attributes, module)


def _instantiate(obj: Any, label: str) -> Backend:
    """Turn a loaded class (or instance) into a backend and check its interface."""
    try:
        backend: Any = obj() if isinstance(obj, type) else obj
    except Exception as exc:
        raise PluginError(f"{label}: could not be created: {type(exc).__name__}: {exc}") from exc
    missing = [attr for attr in _REQUIRED if not hasattr(backend, attr)]
    if missing:
        raise PluginError(f"{label}: not a qapi-build backend (lacks {', '.join(missing)})")
    options = backend.options
    if not isinstance(options, tuple | list) or not all(isinstance(o, Option) for o in options):
        raise PluginError(f"{label}: 'options' must be a tuple of qapi_ir.plugin_api.Option")
    version = backend.api_version
    if version not in SUPPORTED_API_VERSIONS:
        expected = " or ".join(map(str, SUPPORTED_API_VERSIONS))
        raise PluginError(
            f"{label}: written for plugin API version {version!r},"
            f" but this qapi-build expects version {expected}"
        )
    return cast(Backend, backend)


def load_installed(name: str, available: Mapping[str, EntryPointInfo]) -> LoadedBackend:
    """Load the backend called ``name`` from the ``available`` installed ones."""
    if name not in available:
        raise PluginError(
            f"unknown backend '{name}'; available: {', '.join(available) or 'none'}"
        )
    entry_point = available[name]
    origin = _origin(entry_point)
    label = f"backend '{name}' ({origin})"
    try:
        obj = _load(entry_point)
    except Exception as exc:
        raise PluginError(f"{label}: failed to load: {type(exc).__name__}: {exc}") from exc
    return LoadedBackend(_instantiate(obj, label), origin)


def load_by_path(name: str, path: str) -> LoadedBackend:
    """Load the backend at import path ``module:attribute`` under the name ``name``."""
    origin = f"import path {path}"
    label = f"backend '{name}' ({origin})"
    module_name, _, attribute = path.partition(":")
    if not module_name or not attribute:
        raise PluginError(f"{label}: an import path has the form 'module:Class'")
    try:
        obj = getattr(importlib.import_module(module_name), attribute)
    except Exception as exc:
        raise PluginError(f"{label}: failed to load: {type(exc).__name__}: {exc}") from exc
    return LoadedBackend(_instantiate(obj, label), origin)
