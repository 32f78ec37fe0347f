"""Mako rendering shared by backends: strict names, compiled-once templates, clear errors.

Templates come compiled with the package (:mod:`qapi_ir.template_modules`);
those that do not are compiled into ``mako/DIGEST/`` below the cache root, one
directory per template directory.  Within
:func:`memoized`, a render whose template and context (compared pickled)
match one of the previous run reuses that run's text, so a changed schema
module re-renders only the files that depend on it.  The first run under a
key keeps no texts, only a mark that the next run does: a build that nothing
follows does not pay for them (~30 ms of a C build of QEMU's schema).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import operator
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from qapi_ir.build.cache_store import CacheStore, default_root, digest
from qapi_ir.plugin_api import BackendError
from qapi_ir.template_modules import OPTIONS, add_compiled

#: Where compiled templates are cached: ``None`` for :func:`default_root`, ``False`` for nowhere.
_cache_root: Path | Literal[False] | None = None


def use_cache_root(root: Path | None) -> None:
    """Cache compiled templates below ``root`` (``None``: do not cache them)."""
    global _cache_root
    _cache_root = False if root is None else root


def _module_directory(root: Path, templates: str) -> str | None:
    """The writable directory below ``root`` for the compiled templates of ``templates``.

    Each template directory has its own: two backends' ``common.mako`` must not
    share one compiled module (mako reuses a module newer than its template).
    """
    directory = os.path.join(root, "mako", digest(os.path.abspath(templates))[:16])
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    return directory if os.access(directory, os.W_OK) else None


def _import_lazily(name: str) -> None:
    """Make module ``name`` one that loads on first use (the recipe of :mod:`importlib`)."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


def _import_template_lookup() -> Any:
    """Mako's ``TemplateLookup``, imported without pygments or importlib.metadata.

    ``mako.exceptions`` loads pygments, when installed, only to colour HTML
    tracebacks; we report errors as text, so it would be ~50 ms for nothing.
    ``mako.compat`` imports :mod:`importlib.metadata` (10 ms, 2.5 MiB) for
    plugins we do not use: it gets a module that loads only if something uses it.
    """
    if "importlib.metadata" not in sys.modules:
        _import_lazily("importlib.metadata")
    blocked = "pygments" not in sys.modules
    if blocked:
        sys.modules["pygments"] = None  # type: ignore[assignment]  # import fails: fallback
    try:
        from mako.lookup import TemplateLookup
    finally:
        if blocked:
            del sys.modules["pygments"]
    return TemplateLookup


def _write_module(source: bytes, path: str) -> None:
    """Write a compiled template's module atomically, and its bytecode next to it.

    The bytecode is written even under ``PYTHONDONTWRITEBYTECODE`` (it is
    meant for source trees; this is the build cache): otherwise every run
    compiles every template module again, ~1 ms each.
    """
    import py_compile
    import tempfile

    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(source)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    with contextlib.suppress(py_compile.PyCompileError, OSError):
        py_compile.compile(path, doraise=True)


@functools.cache
def _lookup(directory: str, root: Path | None) -> Any:
    """The lookup of ``directory``'s templates: those compiled at install time, else compiled
    below ``root``; a lookup lives for one run, so it does not check files again."""
    lookup = _import_template_lookup()(
        directories=[directory],
        module_directory=_module_directory(root, directory) if root else None,
        module_writer=_write_module,
        filesystem_checks=False,
        **OPTIONS,
    )
    add_compiled(lookup, directory)
    return lookup


class _Memo:
    """Texts of the previous run and of this one, by the digest of template and context."""

    def __init__(self, previous: dict[str, str]) -> None:
        self.previous = previous
        self.current: dict[str, str] = {}


_memo: _Memo | None = None


@contextlib.contextmanager
def memoized(store: CacheStore | None, key: str | None) -> Iterator[None]:
    """Reuse, within the block, the texts the renders stored under ``key`` had last time.

    Afterwards the texts of this block replace them (nothing when ``store`` or
    ``key`` is ``None``); when there were none, only an empty mark is stored,
    so that the next run keeps its texts.
    """
    global _memo
    if store is None or key is None:
        yield
        return
    previous = store.get_object(key)
    if not isinstance(previous, dict):
        yield
        store.put_object(key, {})
        return
    _memo = _Memo(previous)
    try:
        yield
        store.put_object(key, _memo.current)
    finally:
        _memo = None


@functools.cache
def _field_values(cls: type) -> Callable[[Any], Any] | None:
    """What gives the field values of an attrs instance of ``cls`` (``None``: not attrs)."""
    if not attrs.has(cls):
        return None
    names = [field.name for field in attrs.fields(cls)]
    if len(names) > 1:
        return operator.attrgetter(*names)
    return lambda obj: tuple(getattr(obj, name) for name in names)


class _KeyPickler(pickle.Pickler):
    """Pickles attrs instances as their class and field values: 3x faster, never loaded."""

    def reducer_override(self, obj: Any) -> Any:
        cls: type = type(obj)
        values = _field_values(cls)
        return NotImplemented if values is None else (cls, values(obj))


def _memo_key(value: Any) -> str | None:
    """The digest of ``value`` pickled (``None``: it cannot be, so it is rendered every time)."""
    stream = io.BytesIO()
    try:
        _KeyPickler(stream, protocol=5).dump(value)
    except Exception:
        return None
    return digest(stream.getbuffer())


def render(template_dir: Path, name: str, /, **context: Any) -> str:
    """Render template ``name`` from ``template_dir`` with ``context``.

    A failure inside the template becomes a :class:`BackendError` that names
    the template file and line.
    """
    key = _memo_key((str(template_dir), name, context)) if _memo else None
    return _render_memoized(template_dir, name, context, key)


def render_each(
    template_dir: Path, renders: Sequence[tuple[str, dict[str, Any]]], /, **shared: Any
) -> list[str]:
    """:func:`render` each ``(name, context)`` of ``renders``, ``shared`` added to the context.

    ``shared`` is pickled once for all of them (the C backend renders a .c and
    a .h file from one context: half of its memo keys' time).
    """
    shared_key = _memo_key(shared) if _memo else None
    texts = []
    for name, own in renders:
        own_key = _memo_key((str(template_dir), name, own)) if shared_key else None
        key = digest(shared_key, own_key) if shared_key and own_key else None
        texts.append(_render_memoized(template_dir, name, {**shared, **own}, key))
    return texts


def _render_memoized(
    template_dir: Path, name: str, context: dict[str, Any], key: str | None
) -> str:
    """The text of the memo's previous run under ``key``, else rendered; kept under ``key``."""
    memo = _memo
    if memo is None or key is None:
        return _render(template_dir, name, context)
    text = memo.previous.get(key)
    if text is None:
        text = _render(template_dir, name, context)
    memo.current[key] = text
    return text


def _render(template_dir: Path, name: str, context: dict[str, Any]) -> str:
    try:
        root = None if _cache_root is False else _cache_root or default_root()
        lookup = _lookup(str(template_dir), root)
        return str(lookup.get_template(name).render(**context))
    except Exception as exc:
        from mako import exceptions

        detail = exceptions.text_error_template().render().strip().splitlines()
        where = [line.strip() for line in detail if line.strip().startswith("File ")]
        raise BackendError(
            f"template {name} failed: {type(exc).__name__}: {exc}"
            + (f" ({where[-1]})" if where else "")
        ) from exc


_BLANK_RUNS = re.compile(r"\n{3,}")


def squeeze_blank_lines(text: str) -> str:
    """Collapse runs of blank lines into one blank line."""
    return _BLANK_RUNS.sub("\n\n", text)
