"""The schema of a run, from the schema files, a snapshot or the build cache.

The IR of a schema is cached under a key made of the content of every schema
file read and the code of :mod:`qapi_ir` (its version and files).  A manifest
named by the main file lists the files read with the digest of their content;
when one of them changed, the schema is read again.  The IR itself is
stored only when a later build finds the files unchanged yet must run a
backend (new options, say), so a first build does not pay for pickling it;
it is unpickled only when a backend runs.  When the schema must be read
again, files whose text is unchanged are not parsed again (:class:`_ParseCache`);
so too when it failed before (``diff`` tries today's doc rules on an old
release first): only the file with the error is parsed again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from qapi_ir.driver.cache_store import CacheStore, code_fingerprint, digest
from qapi_ir.input_file import InputFileError, read_bytes
from qapi_ir.ir import Schema

if TYPE_CHECKING:  # the front end is imported only when a schema must be read
    from qapi_ir.frontend.parse_cache import Writable


#: Schema files read, each with the digest of its content (``None``: unreadable).
FilesRead = tuple[tuple[str, str | None], ...]


class SchemaSource:
    """A schema read on first use, and ``key``, which names its content (or ``None``).

    ``warnings`` are the lines reading it gave (see ``load_schema``'s ``warn``),
    ``files`` the schema files it came from (known only through the cache).
    """

    def __init__(self, key: str | None, load: Callable[[], Schema],
                 warnings: tuple[str, ...] = (), files: FilesRead = ()) -> None:
        self.key = key
        self.warnings = warnings
        self.files = files
        self._load = load
        self._schema: Schema | None = None

    def schema(self) -> Schema:
        """The schema, read (or unpickled) now if it was not yet."""
        if self._schema is None:
            self._schema = self._load()
        return self._schema


class _ParseCache:
    """Schema files' parses in ``store``, by name and text (see ``frontend/parse_cache.py``).

    They are written only by a build that found the schema changed since the
    previous one (``write``): a first build does not pay for them, and while
    one module is edited, every other file is read from here.
    """

    def __init__(self, store: CacheStore, write: bool) -> None:
        self._store = store
        self._write = write
        self._code = code_fingerprint(__name__)  # once: it walks the package's files

    def _key(self, fname: str, text: str, legacy_docs: bool) -> str:
        return digest("parse", self._code, fname, str(legacy_docs), text)

    def get(self, fname: str, text: str, legacy_docs: bool) -> memoryview | None:
        return self._store.get(self._key(fname, text, legacy_docs))

    def put(self, fname: str, text: str, legacy_docs: bool,
            write: Callable[[Writable], object]) -> None:
        if self._write:
            self._store.put(self._key(fname, text, legacy_docs), write)


def _read(path: str, legacy_docs: bool, parse_cache: _ParseCache | None = None
          ) -> tuple[Schema, tuple[str, ...]]:
    """The schema and the warnings reading it gave.

    The invariants are not checked again here: the front end's IR satisfies
    them by construction, which the tests check on generated schemas and on
    every schema of the corpus; an IR snapshot, which anyone may write, is
    checked where it is read (:mod:`qapi_ir.snapshot`).
    """
    from qapi_ir.frontend import load_schema

    warnings: list[str] = []
    schema = load_schema(path, legacy_docs=legacy_docs, parse_cache=parse_cache,
                         warn=warnings.append)
    return schema, tuple(warnings)


def _file_digest(path: str) -> str | None:
    try:
        return digest(read_bytes(path))
    except (OSError, InputFileError):
        return None


def unchanged(files: FilesRead) -> bool:
    """Whether every file of ``files`` still has the content it had."""
    return all(_file_digest(name) == content for name, content in files)


def _module_files(path: str, schema: Schema) -> tuple[str, ...]:
    """Each schema file ``schema``, read from the main file ``path``, came from."""
    directory = os.path.dirname(path)
    return tuple(os.path.join(directory, m.name) for m in schema.modules if not m.is_builtin)


def _files_read(path: str, schema: Schema) -> FilesRead:
    """Each schema file ``schema`` came from, with the digest of its content."""
    return tuple((name, _file_digest(name)) for name in _module_files(path, schema))


def schema_files(path: str, source: SchemaSource) -> tuple[str, ...]:
    """The schema files ``source``, read from the main file ``path``, came from
    (the main file and those it includes, directly or not)."""
    if source.files:
        return tuple(name for name, _ in source.files)
    return _module_files(path, source.schema())


def from_schema_file(path: str, store: CacheStore | None, *,
                     legacy_docs: bool = False) -> SchemaSource:
    """The schema in file ``path``, from ``store`` when every file it read is unchanged.

    ``legacy_docs`` is the front end's switch of that name (older doc comment rules).
    """
    if store is None:
        schema, warnings = _read(path, legacy_docs)
        return SchemaSource(None, lambda: schema, warnings)
    manifest_key = digest("manifest", code_fingerprint(__name__), os.path.abspath(path),
                          str(legacy_docs))
    manifest = store.get_object(manifest_key)
    if isinstance(manifest, tuple) and len(manifest) == 3:
        files, ir_key, warnings = manifest
        if unchanged(files):
            return SchemaSource(
                ir_key, lambda: _unpickle(store, ir_key, path, legacy_docs), warnings, files)
    read_before = manifest is not None
    try:
        schema, warnings = _read(path, legacy_docs,
                                           _ParseCache(store, write=read_before))
    except Exception:
        if not read_before:  # an empty manifest: the next read keeps the files that parse
            store.put_object(manifest_key, ())
        raise
    files = _files_read(path, schema)
    ir_key = digest(manifest_key, *(f"{name}\0{content}" for name, content in files))
    store.put_object(manifest_key, (files, ir_key, warnings))
    return SchemaSource(ir_key, lambda: schema, warnings, files)


def _unpickle(store: CacheStore, key: str, path: str, legacy_docs: bool) -> Schema:
    """The cached IR under ``key``, or the schema read again when that entry is bad."""
    schema = store.get_object(key)
    if isinstance(schema, Schema):
        return schema
    schema, _ = _read(path, legacy_docs)
    store.put_object(key, schema)
    return schema


def from_snapshot(path: str) -> SchemaSource:
    """The schema in the IR snapshot at ``path``, named by the snapshot's content."""
    from qapi_ir.snapshot import load

    content = _file_digest(path)
    schema = load(path)
    return SchemaSource(content and digest("snapshot", content), lambda: schema)
