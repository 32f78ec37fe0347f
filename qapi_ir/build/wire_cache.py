"""``diff``'s comparable model of each schema file, kept in the build cache.

A diff reads a schema file into the IR (through :mod:`qapi_ir.build.ir_cache`)
and then into the comparable model (:mod:`qapi_ir.diff.from_ir`).  A repeated
diff of unchanged files does neither: the model is stored under the IR's key
(the content of every file read and qapi-build's code) and whether doc
comments are kept.  An entry named by the main file, the doc rules asked for
and ``docs`` lists the files read with their digests, the model's key and the
warnings reading gave; while none of those files changed, reading gives the
same model and warnings again (also when today's doc rules rejected the file
and older releases' were used), so they are taken from the cache.  Like every
entry, the model is checked (digest, then type): a bad one is read again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qapi_ir.build.cache_store import CacheStore, code_fingerprint, default_root, digest
from qapi_ir.build.ir_cache import SchemaSource, from_schema_file, unchanged
from qapi_ir.diff.inputs import SchemaReader, read_schema
from qapi_ir.diff.model import WireSchema
from qapi_ir.ir import Schema


def _print(warnings: tuple[str, ...]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _cached(store: CacheStore, key: str) -> WireSchema | None:
    """The model the entry under ``key`` names, when its files are unchanged."""
    entry = store.get_object(key)
    if not (isinstance(entry, tuple) and len(entry) == 3):
        return None
    files, model_key, warnings = entry
    if not unchanged(files):
        return None
    model = store.get_object(model_key)
    if not isinstance(model, WireSchema):
        return None
    _print(warnings)
    return model


def cached_reader(store: CacheStore) -> SchemaReader:
    """A reader of schema files into the comparable model through ``store``.

    It prints the warnings reading gives, as reading afresh does.
    """

    def read(path: str, *, docs: bool, legacy_docs: bool) -> WireSchema:
        key = digest("diff-input", code_fingerprint(__name__), os.path.abspath(path),
                     str(legacy_docs), str(docs))
        model = _cached(store, key)
        if model is not None:
            return model
        sources: list[SchemaSource] = []

        def load(path: str, *, legacy_docs: bool) -> Schema:
            source = from_schema_file(path, store, legacy_docs=legacy_docs)
            _print(source.warnings)
            sources.append(source)
            return source.schema()

        model = read_schema(path, docs=docs, legacy_docs=legacy_docs, load=load)
        source = sources[-1]  # the read that succeeded
        model_key = digest("diff-model", str(source.key), str(docs))
        store.put_object(model_key, model)
        store.put_object(key, (source.files, model_key, source.warnings))
        return model

    return read


def reader_in(cache_dir: str | None) -> SchemaReader:
    """:func:`cached_reader` of the build cache in ``cache_dir`` (``None``: the default one)."""
    return cached_reader(CacheStore(Path(cache_dir) if cache_dir else default_root()))
