"""Finding and loading backend plugins, and telling the user clearly when one is broken."""

from __future__ import annotations

import pkgutil
import re
import sys
from collections.abc import Callable
from typing import Any, cast, get_args

import attrs

from qapi_ir.driver.config import ExtraBackend
from qapi_ir.driver.hashing import hasher
from qapi_ir.driver.installed import EntryPointInfo, Installed
from qapi_ir.driver.options import OptionError, check_value
from qapi_ir.plugin_api import SUPPORTED_API_VERSIONS, Backend, Option, OptionKind

_REQUIRED = ("name", "description", "api_version", "options", "generate")


class PluginError(Exception):
    """A backend that cannot be found, loaded or used."""


@attrs.frozen
class LoadedBackend:
    """A backend instance and where it came from (for messages and ``--list-backends``)."""

    backend: Backend
    origin: str


_OPTION_NAME = re.compile(r"[a-z][a-z0-9_-]*")


#: The backends that come with qapi-build, by name (``module:attribute``).  They
#: are found without reading any distribution's metadata (the scan of every
#: distribution costs a build with a fresh cache 4-11 ms); an entry point of an
#: installed distribution cannot take one of their names.
BUILTIN_BACKENDS = {
    "c": "qapi_backends.c:CBackend",
    "docs": "qapi_backends.docs:DocsBackend",
    "dump": "qapi_backends.dump:DumpBackend",
    "introspect": "qapi_backends.introspect:IntrospectBackend",
    "ir": "qapi_backends.ir:IrBackend",
    "python": "qapi_backends.python:PythonBackend",
}
_BUILTIN = "built in"


class AvailableBackends:
    """The backends by name: qapi-build's own, then those that installed distributions
    register through entry points, read (by ``read_installed``) only when first needed."""

    def __init__(self, read_installed: Callable[[], Installed]) -> None:
        self._read_installed = read_installed
        self._installed: dict[str, EntryPointInfo] | None = None

    def find(self, name: str) -> EntryPointInfo | None:
        """The backend called ``name``, or ``None``."""
        if name in BUILTIN_BACKENDS:
            return EntryPointInfo(name, BUILTIN_BACKENDS[name], _BUILTIN)
        return self._installed_ones().get(name)

    def names(self) -> list[str]:
        """Every name, qapi-build's own first, each group sorted."""
        return sorted(BUILTIN_BACKENDS) + list(self._installed_ones())

    def _installed_ones(self) -> dict[str, EntryPointInfo]:
        if self._installed is None:
            self._installed = {point.name: point for point in self._read_installed().backends
                               if point.name not in BUILTIN_BACKENDS}
        return self._installed


def _origin(entry_point: EntryPointInfo) -> str:
    if entry_point.distribution == _BUILTIN:
        return _BUILTIN
    if entry_point.distribution is None:
        return f"entry point {entry_point.value}"
    return f"distribution {entry_point.distribution}"


def _load(entry_point: EntryPointInfo) -> Any:
    """The object ``entry_point`` names (``module:attribute``, extras aside).

    The standard library's :func:`pkgutil.resolve_name` reads the value as
    ``EntryPoint.load`` does, without importing :mod:`importlib.metadata`,
    whose answers the build cache keeps (see :mod:`qapi_ir.driver.installed`).
    """
    return pkgutil.resolve_name(entry_point.value.partition("[")[0].strip())


def _instantiate(obj: Any, label: str) -> Backend:
    """Turn a loaded class (or instance) into a backend and check its interface.

    A class is called only once it has every attribute of a backend.
    """
    missing = [attr for attr in _REQUIRED if not hasattr(obj, attr)]
    if missing:
        raise PluginError(f"{label}: not a qapi-build backend (lacks {', '.join(missing)})")
    try:
        backend: Any = obj() if isinstance(obj, type) else obj
    except Exception as exc:
        raise PluginError(f"{label}: could not be created: {type(exc).__name__}: {exc}") from exc
    options = backend.options
    if not isinstance(options, tuple | list) or not all(isinstance(o, Option) for o in options):
        raise PluginError(f"{label}: 'options' must be a tuple of qapi_ir.plugin_api.Option")
    for option in options:
        problem = _option_problem(option)
        if problem:
            raise PluginError(f"{label}: option {option.name!r}: {problem}")
    names = [option.name for option in options]
    if len(set(names)) != len(names):
        raise PluginError(f"{label}: two options have the same name")
    version = backend.api_version
    if version not in SUPPORTED_API_VERSIONS:
        expected = " or ".join(map(str, SUPPORTED_API_VERSIONS))
        raise PluginError(
            f"{label}: written for plugin API version {version!r},"
            f" but this qapi-build expects version {expected}"
        )
    return cast(Backend, backend)


def _option_problem(option: Option) -> str | None:
    """What is wrong with a declared option, if anything."""
    if not isinstance(option.name, str) or not _OPTION_NAME.fullmatch(option.name):
        return "the name must be lower-case letters, digits, '-' and '_'"
    if option.kind not in get_args(OptionKind):
        return f"kind must be one of {', '.join(get_args(OptionKind))}, not {option.kind!r}"
    if not isinstance(option.help, str):
        return "help must be a string"
    try:
        if option.kind != "releases":  # made from the command line only
            check_value("", option, option.default)
    except OptionError:
        return f"the default {option.default!r} is not a {option.kind}"
    return None


def load_installed(name: str, available: AvailableBackends) -> LoadedBackend:
    """Load the backend called ``name`` from the ``available`` ones."""
    entry_point = available.find(name)
    if entry_point is None:
        raise PluginError(f"unknown backend '{name}'; available: {', '.join(available.names())}")
    origin = _origin(entry_point)
    label = f"backend '{name}' ({origin})"
    try:
        obj = _load(entry_point)
    except (Exception, SystemExit) as exc:
        raise PluginError(f"{label}: failed to load: {type(exc).__name__}: {exc}") from exc
    return LoadedBackend(_instantiate(obj, label), origin)


def load_by_path(name: str, extra: ExtraBackend) -> LoadedBackend:
    """Load the backend class ``extra`` names in a Python file under the name ``name``.

    The file is imported under a name of its own (a package's ``__init__.py``
    with its directory, so its relative imports work); nothing else on
    ``sys.path`` is looked for.
    """
    import importlib.util
    import os

    origin = f"file {extra.written}"
    label = f"backend '{name}' ({origin})"
    if not os.path.isfile(extra.file):
        raise PluginError(f"{label}: no such file {extra.file}")
    path = os.path.abspath(extra.file)
    module_name = f"_qapi_build_extra_{hasher(path.encode()).hexdigest()[:16]}"
    module = sys.modules.get(module_name)
    if module is None:
        package = os.path.basename(path) == "__init__.py"
        spec = importlib.util.spec_from_file_location(
            module_name, path,
            submodule_search_locations=[os.path.dirname(path)] if package else None)
        if spec is None or spec.loader is None:
            raise PluginError(f"{label}: {extra.file} cannot be imported")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # what it defines names its module: attrs needs it
        try:
            spec.loader.exec_module(module)
        except (Exception, SystemExit) as exc:
            del sys.modules[module_name]
            raise PluginError(f"{label}: failed to load: {type(exc).__name__}: {exc}") from exc
    obj = getattr(module, extra.cls, None)
    if not isinstance(obj, type):
        raise PluginError(f"{label}: {extra.file} has no class {extra.cls}")
    return LoadedBackend(_instantiate(obj, label), origin)
