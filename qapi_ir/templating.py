"""Mako rendering for backends: strict names, templates compiled once, clear errors.

A :class:`Renderer` belongs to one build: the command line makes it, with
the cache root, and hands it to each backend in its
:class:`~qapi_ir.plugin_api.Output`.  Templates come compiled with the
package (:mod:`qapi_ir.template_modules`); those that do not are compiled
into ``mako/DIGEST/`` below the cache root, one directory per template
directory, each module beside a MAC of it and its bytecode made with a
secret the cache does not hold: a module that anyone who can write the cache
planted there fails it and is compiled again, never run.  Within
:meth:`Renderer.memoized`, a render whose template and context (compared
pickled) match one of a previous run reuses that run's text, so a changed
schema module re-renders only the files that depend on it.
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
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from qapi_ir.input_file import InputFileError, read_bytes
from qapi_ir.template_modules import OPTIONS, add_compiled, blake2b

#: Makes a memo key of its parts (the build cache's digest).
Digest = Callable[..., str]


def _module_directory(root: Path, templates: str) -> str | None:
    """The writable directory below ``root`` for the compiled templates of ``templates``.

    Each template directory has its own: two backends' ``common.mako`` must not
    share one compiled module (mako reuses a module newer than its template).
    """
    name = blake2b(os.path.abspath(templates).encode(), digest_size=8).hexdigest()
    directory = os.path.join(root, "mako", name)
    try:
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return None
    return directory if os.access(directory, os.W_OK) else None


def _module_writer(secret: bytes) -> Callable[[bytes, str], None]:
    """What writes a compiled template's module atomically, its bytecode next to it, and
    their MAC with ``secret``.

    The bytecode is written even under ``PYTHONDONTWRITEBYTECODE`` (it is
    meant for source trees; this is the build cache): otherwise every run
    compiles every template module again, ~1 ms each.
    """
    def write(source: bytes, path: str) -> None:
        import py_compile

        _write_atomically(path, source)
        with contextlib.suppress(py_compile.PyCompileError, OSError):
            py_compile.compile(path, doraise=True)
        _write_atomically(path + _DIGEST_SUFFIX, _module_digest(path, secret).encode())

    return write


#: Next to each compiled template module: the MAC of it and its bytecode.
_DIGEST_SUFFIX = ".digest"


def _write_atomically(path: str, data: bytes) -> None:
    import tempfile

    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _module_digest(path: str, secret: bytes) -> str:
    """The MAC with ``secret`` of a compiled template module and of its bytecode (if any)."""
    parts = []
    for name in (path, importlib.util.cache_from_source(path)):
        try:
            data = read_bytes(name)
        except (OSError, InputFileError):
            data = b""
        parts.append(len(data).to_bytes(8, "little") + data)
    return blake2b(b"".join(parts), digest_size=32, key=secret).hexdigest()


def _drop_damaged_modules(template_dir: str, module_dir: str, secret: bytes) -> None:
    """Delete each compiled module of ``template_dir``'s templates that fails its MAC,
    so that mako compiles the template again instead of running damaged or planted code."""
    for template in Path(template_dir).rglob("*.mako"):
        path = os.path.join(module_dir, f"{template.relative_to(template_dir)}.py")
        if not os.path.exists(path):
            continue
        try:
            recorded: bytes | None = read_bytes(path + _DIGEST_SUFFIX)
        except (OSError, InputFileError):
            recorded = None
        if recorded != _module_digest(path, secret).encode():
            for damaged in (path, importlib.util.cache_from_source(path), path + _DIGEST_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(damaged)


@attrs.define
class _Memo:
    """Texts of the previous run and of this one, by memo key."""

    previous: Mapping[str, str]
    digest: Digest
    current: dict[str, str] = attrs.field(factory=dict)


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


def _memo_key(memo: _Memo, value: Any) -> str | None:
    """The digest of ``value`` pickled (``None``: it cannot be, so it is rendered every time)."""
    stream = io.BytesIO()
    try:
        _KeyPickler(stream, protocol=5).dump(value)
    except Exception:
        return None
    return memo.digest(stream.getbuffer())


class Renderer:
    """Renders templates for one build; compiled templates are kept below ``cache_root``,
    checked with ``secret`` (kept outside the cache: see the module's docstring).

    Without a ``cache_root`` and a ``secret`` they are kept in memory only.
    """

    def __init__(self, cache_root: Path | None = None, secret: bytes | None = None) -> None:
        self.cache_root = cache_root
        self.secret = secret
        self._lookups: dict[str, Any] = {}
        self._memo: _Memo | None = None

    @contextlib.contextmanager
    def memoized(self, previous: Mapping[str, str], digest: Digest) -> Iterator[dict[str, str]]:
        """Within the block, reuse the texts ``previous`` holds by memo key.

        Yields the texts of the block by memo key (filled as it runs).
        """
        self._memo = _Memo(previous, digest)
        try:
            yield self._memo.current
        finally:
            self._memo = None

    def render(self, template_dir: Path, name: str, /, **context: Any) -> str:
        """Render template ``name`` from ``template_dir`` with ``context``.

        A failure inside the template becomes a :class:`BackendError` that
        names the template file and line.
        """
        memo = self._memo
        key = _memo_key(memo, (str(template_dir), name, context)) if memo else None
        return self._render_memoized(template_dir, name, context, key)

    def render_each(
        self, template_dir: Path, renders: Sequence[tuple[str, dict[str, Any]]], /,
        **shared: Any,
    ) -> list[str]:
        """:meth:`render` each ``(name, context)`` of ``renders``, ``shared`` added to the context.

        ``shared`` is pickled once for all of them (the C backend renders a .c
        and a .h file from one context: half of its memo keys' time).
        """
        memo = self._memo
        shared_key = _memo_key(memo, shared) if memo else None
        texts = []
        for name, own in renders:
            own_key = _memo_key(memo, (str(template_dir), name, own)) if memo and shared_key \
                else None
            key = memo.digest(shared_key, own_key) if memo and shared_key and own_key else None
            texts.append(self._render_memoized(template_dir, name, {**shared, **own}, key))
        return texts

    def _render_memoized(
        self, template_dir: Path, name: str, context: dict[str, Any], key: str | None
    ) -> str:
        """The text of the previous run under ``key``, else rendered; kept under ``key``."""
        memo = self._memo
        if memo is None or key is None:
            return self._render(template_dir, name, context)
        text = memo.previous.get(key)
        if text is None:
            text = self._render(template_dir, name, context)
        memo.current[key] = text
        return text

    def _lookup(self, template_dir: Path) -> Any:
        """The lookup of a directory's templates: those compiled at install time, else
        compiled below the cache root; it lives for one build, so it checks no files again."""
        directory = str(template_dir)
        lookup = self._lookups.get(directory)
        if lookup is None:
            from mako.lookup import TemplateLookup

            root, secret = self.cache_root, self.secret
            module_directory = _module_directory(root, directory) if root and secret else None
            if module_directory and secret:
                _drop_damaged_modules(directory, module_directory, secret)
            lookup = self._lookups[directory] = TemplateLookup(
                directories=[directory],
                module_directory=module_directory,
                module_writer=_module_writer(secret) if secret else None,
                filesystem_checks=False,
                **OPTIONS,
            )
            add_compiled(lookup, directory)
        return lookup

    def _render(self, template_dir: Path, name: str, context: dict[str, Any]) -> str:
        from qapi_ir.plugin_api import BackendError

        try:
            return str(self._lookup(template_dir).get_template(name).render(**context))
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
