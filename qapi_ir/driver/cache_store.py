"""The build cache on disk: checked entries written atomically, named by digests.

An entry is ``MAGIC + payload + hash(payload)`` (:mod:`qapi_ir.driver.hashing`);
one that is truncated or altered fails the check and reads as missing, so the
caller rebuilds it.  Anyone who can write the cache (a CI cache restored from
another branch, a shared directory) can also recompute that hash, so an entry
is data that cannot run code: objects are unpickled by :class:`_DataUnpickler`,
which makes only the attrs classes and enums of the IR, of ``diff`` and of the
installed backends' list (nothing else can be named, so no function is ever
called); and an entry that decides what code runs is checked with a secret the
cache does not hold (``secret``: see :func:`~qapi_ir.driver.hashing.local_secret`).
Writers go through a temporary file and :func:`os.replace`, so a concurrent
build sees either the old entry, the new one or none, never half of one.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import gc
import io
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from qapi_ir.driver.hashing import DIGEST_SIZE, hasher
from qapi_ir.input_file import InputFileError, imported_class, read_bytes

_MAGIC = b"qapi-build-cache 2\n"
#: The size the entries are pruned to after a build that added some.
MAX_BYTES = 256 * 1024 * 1024


def default_root() -> Path:
    """``$QAPI_BUILD_CACHE``, else ``qapi-build`` in the XDG cache directory."""
    explicit = os.environ.get("QAPI_BUILD_CACHE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return Path(xdg) / "qapi-build"


def digest(*parts: str | bytes | memoryview) -> str:
    """A hex digest of ``parts``, each length-prefixed so that no two splits collide."""
    digester = hasher()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digester.update(len(data).to_bytes(8, "little"))
        digester.update(data)
    return digester.hexdigest()


def package_files(module: str) -> tuple[str, ...]:
    """The source files (``.py``, ``.mako``, ``.json``) of ``module``'s top package, sorted,
    with absolute paths; a single-module plugin's file; none when it has no file."""
    return _source_files(sys.modules[module.partition(".")[0]].__file__)


@functools.cache
def _source_files(top_file: str | None) -> tuple[str, ...]:
    """:func:`package_files` of the top package or module at ``top_file``: walked once
    per run, however many modules of it ask (the caches' keys, the depfile)."""
    if not top_file:
        return ()
    source = Path(top_file).resolve()
    if source.name != "__init__.py":  # a single-module plugin: that file is all its code
        return (str(source),)
    found: list[str] = []
    for directory, subdirs, files in os.walk(source.parent):
        subdirs[:] = sorted(d for d in subdirs if d != "__pycache__")
        found.extend(f"{directory}/{name}" for name in sorted(files)
                     if name.endswith((".py", ".mako", ".json")))
    return tuple(found)


def code_fingerprint(module: str) -> str:
    """Every source file (name, size, mtime) of ``module``'s top package.

    Installing another version, or editing a template or module of an
    editable install, changes it, so cached results of older code are not reused.
    """
    return _fingerprint(package_files(module))


@functools.cache
def _fingerprint(files: tuple[str, ...]) -> str:
    if not files:  # no files to check: never reuse its results
        return os.urandom(16).hex()
    parts = []
    for path in files:
        status = os.stat(path)
        parts.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return digest(*parts)


class CacheStore:
    """Entries below ``root``, one file each, named by their key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._wrote = False

    def _path(self, key: str) -> Path:
        return self.root / "entries" / key[:2] / key[2:]

    def get(self, key: str, secret: bytes = b"") -> memoryview | None:
        """The payload stored under ``key``; ``None`` when missing, not a regular file,
        corrupt, or (with ``secret``) not written with that secret."""
        path = self._path(key)
        try:
            data = memoryview(read_bytes(path))
            os.utime(path)  # recently used: pruned last
        except (OSError, InputFileError):
            return None
        payload = data[len(_MAGIC):-DIGEST_SIZE]
        if (
            len(data) < len(_MAGIC) + DIGEST_SIZE
            or data[: len(_MAGIC)] != _MAGIC
            or data[-DIGEST_SIZE:] != hasher(payload, secret).digest()
        ):
            return None
        return payload

    def put(self, key: str, write: Callable[[_HashingWriter], object],
            secret: bytes = b"") -> None:
        """Store what ``write`` writes to the stream it is given under ``key`` (checked
        with ``secret`` when one is given).

        A cache that cannot be written is skipped.
        """
        import tempfile  # a run that finds everything in the cache writes nothing

        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(_MAGIC)
                    hashing = _HashingWriter(stream, secret)
                    write(hashing)
                    stream.write(hashing.hasher.digest())
                os.replace(temporary, target)
                self._wrote = True
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return

    def prune(self, max_bytes: int = MAX_BYTES) -> None:
        """After a build that added entries, delete the least recently used beyond ``max_bytes``."""
        if not self._wrote:
            return
        entries = []
        for path in (self.root / "entries").glob("*/*"):
            try:
                status = path.stat()
            except OSError:
                continue
            entries.append((status.st_mtime_ns, status.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
            total -= size

    def get_object(self, key: str, secret: bytes = b"") -> Any:
        """The data pickled under ``key``; ``None`` when missing or unreadable, or when
        it names anything but data (see :class:`_DataUnpickler`).

        The cyclic collector is off meanwhile: unpickling an IR creates tens of
        thousands of objects, none garbage, that it would walk again and again (-25%).
        """
        payload = self.get(key, secret)
        if payload is None:
            return None
        enabled = gc.isenabled()
        gc.disable()
        try:
            return _DataUnpickler(_stream(payload)).load()
        except Exception:
            return None
        finally:
            if enabled:
                gc.enable()

    def put_object(self, key: str, value: Any, secret: bytes = b"") -> None:
        """Pickle ``value`` under ``key`` (streamed: no copy of the whole pickle in memory)."""
        self.put(key, lambda stream: pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL),
                 secret)


def _stream(payload: memoryview) -> io.BytesIO:
    """A stream of ``payload`` made without copying it: over the whole entry, which a
    :class:`io.BytesIO` shares, at the payload (pickle stops at its end, before the digest)."""
    stream = io.BytesIO(payload.obj)
    stream.seek(len(_MAGIC))
    return stream


#: The modules whose attrs classes and enums cache entries hold, and the packages.
_DATA_MODULES = ("qapi_ir.ir", "qapi_ir.flags", "qapi_ir.driver.installed")
_DATA_PACKAGES = ("qapi_ir.diff.",)


class _DataUnpickler(pickle.Unpickler):
    """Unpickles data only.

    Beside strings, numbers, tuples, lists, dicts and sets, which pickle makes
    itself, the only thing an entry can name is an attrs class or enum of
    :data:`_DATA_MODULES` or :data:`_DATA_PACKAGES` (already imported): made
    from its fields, it runs no code but ours.  Naming anything else (a
    function such as ``os.system``, a class of another module) fails the entry,
    which then reads as missing, before anything is called.
    """

    def find_class(self, module: str, name: str) -> Any:
        if module in _DATA_MODULES or module.startswith(_DATA_PACKAGES):
            cls = imported_class(module, name)
            if cls is not None and (attrs.has(cls) or issubclass(cls, enum.Enum)):
                return cls
        raise pickle.UnpicklingError(f"a cache entry names {module}.{name}, which is not data")


class _HashingWriter:
    """A binary stream that digests what goes through it (keyed with ``secret``, if any)."""

    def __init__(self, stream: BinaryIO, secret: bytes = b"") -> None:
        self._stream = stream
        self.hasher = hasher(secret=secret)

    def write(self, data: bytes) -> int:
        self.hasher.update(data)
        return self._stream.write(data)
