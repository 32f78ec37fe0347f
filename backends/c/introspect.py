"""``PREFIXqapi-introspect.c``/``.h``: the SchemaInfo list as a ``QLitObject``, as QEMU writes it.

The tree comes from :func:`qapi_backends.introspect.schema_info.schema_info`;
the templates render it exactly like QEMU's ``_tree_to_qlit``: keys sorted,
four spaces per level, masking comments and ``#if`` blocks around conditional
list elements.
"""

from __future__ import annotations

from qapi_backends.c.modules import write_pair
from qapi_backends.c.naming import c_name
from qapi_backends.c.settings import CSettings
from qapi_backends.introspect.schema_info import schema_info
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import Output


def c_string(text: str) -> str:
    """``text`` as a C string literal, escaped as QEMU's ``to_c_string`` does."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write ``PREFIXqapi-introspect.c`` and ``.h`` for ``schema``."""
    base = settings.prefix + "qapi-introspect"
    write_pair(
        output,
        settings,
        base,
        "introspect",
        header=f"{base}.h",
        variable=c_name(c_name(settings.prefix, protect=False) + "qmp_schema_qlit"),
        entries=schema_info(schema, settings.unmask),
    )
