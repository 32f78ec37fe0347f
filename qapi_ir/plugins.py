"""Finding and loading backend plugins, and telling the user clearly when one is broken."""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import EntryPoint, entry_points
from typing import Any, cast

import attrs

from qapi_ir.plugin_api import ENTRY_POINT_GROUP, PLUGIN_API_VERSION, Backend, Option

_REQUIRED = ("name", "description", "api_version", "options", "generate")


class PluginError(Exception):
    """A backend that cannot be found, loaded or used."""


@attrs.frozen
class LoadedBackend:
    """A backend instance and where it came from (for messages and ``--list-backends``)."""

    backend: Backend
    origin: str


@functools.cache
def installed_backends() -> dict[str, EntryPoint]:
    """The backends registered through entry points, sorted by name."""
    found = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return dict(sorted(found.items()))


def _origin(entry_point: EntryPoint) -> str:
    dist = entry_point.dist
    if dist is None:
        return f"entry point {entry_point.value}"
    return f"distribution {dist.name} {dist.version}"


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
    if version != PLUGIN_API_VERSION:
        raise PluginError(
            f"{label}: written for plugin API version {version!r},"
            f" but this qapi-build expects version {PLUGIN_API_VERSION}"
        )
    return cast(Backend, backend)


def load_installed(name: str) -> LoadedBackend:
    """Load the installed backend called ``name``."""
    available = installed_backends()
    if name not in available:
        raise PluginError(
            f"unknown backend '{name}'; available: {', '.join(available) or 'none'}"
        )
    entry_point = available[name]
    origin = _origin(entry_point)
    label = f"backend '{name}' ({origin})"
    try:
        obj = entry_point.load()
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
