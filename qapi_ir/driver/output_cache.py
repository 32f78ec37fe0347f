"""Running a backend through the build cache.

A backend's whole output is cached under the IR's key, the code of the backend
and of :mod:`qapi_ir`, and its options, so a build where nothing changed runs
no backend.  When the IR changed, its renders are memoized under the same key
without the IR, so only files whose inputs changed are rendered again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping

from qapi_ir.driver.cache_store import CacheStore, code_fingerprint, digest
from qapi_ir.driver.ir_cache import SchemaSource
from qapi_ir.plugin_api import Backend, OptionValue, Output
from qapi_ir.templating import Renderer


def _code_key(name: str, backend: Backend, options: Mapping[str, OptionValue]) -> str:
    return digest(
        code_fingerprint(__name__),
        code_fingerprint(type(backend).__module__),
        type(backend).__qualname__,
        name,
        repr(sorted(options.items())),
    )


@contextlib.contextmanager
def _memoized(store: CacheStore, renderer: Renderer, key: str) -> Iterator[None]:
    """Reuse, within the block, the texts the renders stored under ``key`` had last time.

    Afterwards the texts of this block replace them; when there were none,
    only an empty mark is stored, so that the next run keeps its texts (a
    build that nothing follows does not pay for them, ~30 ms of a C build).
    """
    previous = store.get_object(key)
    if not isinstance(previous, dict):
        yield
        store.put_object(key, {})
        return
    with renderer.memoized(previous, digest) as current:
        yield
    store.put_object(key, current)


def generate_cached(
    store: CacheStore | None,
    renderer: Renderer,
    source: SchemaSource,
    name: str,
    backend: Backend,
    options: Mapping[str, OptionValue],
) -> Output:
    """What ``backend`` (called ``name``) generates from ``source``, cached in ``store``."""
    output = Output(renderer)
    if store is None:
        backend.generate(source.schema(), output, options)
        return output
    code_key = _code_key(name, backend, options)
    key = source.key and digest("output", code_key, source.key)
    cached = store.get_object(key) if key else None
    if isinstance(cached, tuple) and len(cached) == 2:
        output.files, output.warnings = cached
        return output
    with _memoized(store, renderer, digest("renders", code_key)):
        backend.generate(source.schema(), output, options)
    if key:
        store.put_object(key, (output.files, output.warnings))
    return output
