"""``diff`` through the build cache: each schema's comparable model, and comparisons.

A diff reads a schema file into the IR (through :mod:`qapi_ir.driver.ir_cache`)
and then into the comparable model (:mod:`qapi_ir.diff.from_ir`).  A repeated
diff of unchanged files does neither: the model is stored under the IR's key
(the content of every file read and qapi-build's code) and whether doc
comments are kept.  An entry named by the main file, the doc rules asked for
and ``docs`` lists the files read with their digests, the model's key and the
warnings reading gave; while none of those files changed, reading gives the
same model and warnings again (also when today's doc rules rejected the file
and older releases' were used), so they are taken from the cache.

The comparison of two models read so is stored under their keys too: before
the settings, the client's use and the format apply, so a diff repeated with
another ``--format``, ``--fail-on``, ``--config`` or ``--used-by`` reuses it.
Like every entry, a model or comparison is checked (digest, then type): a bad
one is made again.
"""

from __future__ import annotations

import os
from pathlib import Path

from qapi_ir.diff.compare import DiffResult, compare
from qapi_ir.diff.inputs import Warn, read_schema, warn_on_stderr
from qapi_ir.diff.wire_model import WireSchema
from qapi_ir.driver.cache_store import CacheStore, code_fingerprint, default_root, digest
from qapi_ir.driver.ir_cache import SchemaSource, from_schema_file, unchanged
from qapi_ir.ir import Schema


class DiffCache:
    """Reads schema files into comparable models and compares them, through ``store``."""

    def __init__(self, store: CacheStore) -> None:
        self._store = store
        #: The key of each model :meth:`read` gave, by identity (the list keeps them alive).
        self._keys: dict[int, str] = {}
        self._models: list[WireSchema] = []

    def _remember(self, model: WireSchema, key: str) -> WireSchema:
        self._keys[id(model)] = key
        self._models.append(model)
        return model

    def _cached(self, key: str, warn: Warn) -> WireSchema | None:
        """The model the entry under ``key`` names, when its files are unchanged."""
        entry = self._store.get_object(key)
        if not (isinstance(entry, tuple) and len(entry) == 3):
            return None
        files, model_key, warnings = entry
        if not unchanged(files):
            return None
        model = self._store.get_object(model_key)
        if not isinstance(model, WireSchema):
            return None
        for warning in warnings:
            warn(warning)
        return self._remember(model, model_key)

    def read(self, path: str, *, docs: bool, legacy_docs: bool,
             warn: Warn = warn_on_stderr) -> WireSchema:
        """The comparable model of schema file ``path``, as :func:`read_schema` gives it.

        It gives ``warn`` the warnings reading gives, as reading afresh does.
        """
        key = digest("diff-input", code_fingerprint(__name__), os.path.abspath(path),
                     str(legacy_docs), str(docs))
        model = self._cached(key, warn)
        if model is not None:
            return model
        store = self._store
        sources: list[SchemaSource] = []

        def load(path: str, *, legacy_docs: bool, warn: Warn) -> Schema:
            source = from_schema_file(path, store, legacy_docs=legacy_docs)
            for warning in source.warnings:
                warn(warning)
            sources.append(source)
            return source.schema()

        model = read_schema(path, docs=docs, legacy_docs=legacy_docs, warn=warn, load=load)
        source = sources[-1]  # the read that succeeded
        model_key = digest("diff-model", str(source.key), str(docs))
        store.put_object(model_key, model)
        store.put_object(key, (source.files, model_key, source.warnings))
        return self._remember(model, model_key)

    def compare(self, old: WireSchema, new: WireSchema, *, docs: bool) -> DiffResult:
        """:func:`~qapi_ir.diff.compare.compare`, kept when both models came from :meth:`read`."""
        old_key, new_key = self._keys.get(id(old)), self._keys.get(id(new))
        if old_key is None or new_key is None:
            return compare(old, new, docs=docs)
        key = digest("diff-result", code_fingerprint(__name__), old_key, new_key, str(docs))
        result = self._store.get_object(key)
        if not isinstance(result, DiffResult):
            result = compare(old, new, docs=docs)
            self._store.put_object(key, result)
        return result


def cache_in(cache_dir: str | None) -> DiffCache:
    """The :class:`DiffCache` of the build cache in ``cache_dir`` (``None``: the default one)."""
    return DiffCache(CacheStore(Path(cache_dir) if cache_dir else default_root()))
