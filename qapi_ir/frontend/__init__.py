"""The front end: reads a schema, checks it and lowers it into the IR.

It follows the structure of QEMU's ``scripts/qapi`` front end (parser,
expression checks, schema model), from which it derives: see NOTICE.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from qapi_ir.ir import Schema

from .parse_cache import ParseCache


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def load_schema(
    path: str, *, legacy_docs: bool = False, parse_cache: ParseCache | None = None,
    warn: Callable[[str], object] = _to_stderr,
) -> Schema:
    """Read, check and lower the schema in file ``path`` (and what it includes).

    Raises :class:`~qapi_ir.frontend.errors.QAPIError` on the first problem,
    with QEMU's message.  With ``legacy_docs``, doc comments written under
    the rules of older QEMU releases are accepted and kept (every definition
    is still checked in full); each file that needed it gets one line, given
    to ``warn`` (default: printed on stderr), saying which rules were relaxed.
    Files read before are taken from ``parse_cache`` when given.
    """
    from .lower import lower
    from .schema_model import QAPISchema

    # The model is long-lived objects in a web of cycles (entities, members,
    # docs): rather than the collector walking it again and again while it
    # grows (10 ms), it is collected once, when lowered, and its ~5 MiB serve
    # the backends instead of adding to the peak.
    enabled = gc.isenabled()
    gc.disable()
    try:
        model = QAPISchema(path, legacy_docs=legacy_docs, parse_cache=parse_cache)
        schema = lower(model)
    finally:
        if enabled:
            gc.enable()
    gc.collect()
    for fname, relaxed in model.relaxed().items():
        rules = ', '.join(relaxation.value for relaxation in relaxed)
        warn(f"{fname}: warning: accepted older doc comment rules: {rules}")
    return schema
