"""The front end: reads a schema, checks it and lowers it into the IR."""

from __future__ import annotations

import gc

from qapi_ir.ir import Schema

from .parse_cache import ParseCache


def load_schema(
    path: str, *, lenient_docs: bool = False, parse_cache: ParseCache | None = None
) -> Schema:
    """Read, check and lower the schema in file ``path`` (and what it includes).

    Raises :class:`~qapi_ir.frontend.errors.QAPIError` on the first problem,
    with QEMU's message.  With ``lenient_docs`` (for ``diff`` of older
    schemas), doc comments are skipped like plain comments, so none of
    their rules apply and the IR has no docs.  Files read before are taken
    from ``parse_cache`` when given.
    """
    from .lower import lower
    from .model import QAPISchema

    # The model is long-lived objects in a web of cycles (entities, members,
    # docs): rather than the collector walking it again and again while it
    # grows (10 ms), it is collected once, when lowered, and its ~5 MiB serve
    # the backends instead of adding to the peak.
    enabled = gc.isenabled()
    gc.disable()
    try:
        schema = lower(QAPISchema(path, lenient_docs=lenient_docs, parse_cache=parse_cache))
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    return schema
