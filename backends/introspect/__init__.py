"""The introspection backend: what ``query-qmp-schema`` answers, as a JSON file.

Writes ``PREFIXqapi-introspect.json`` (the SchemaInfo array a QEMU built from
the schema with the defines ``define`` would return, under the compatibility
policy ``compat``) and ``PREFIXqapi-wire.schema.json`` (a JSON Schema of the
schema's wire messages, see :mod:`qapi_backends.introspect.wire_schema`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, BackendError, Option, OptionValue, Output

from .compat import CompatPolicy, apply_policy
from .schema_info import Json, resolve, schema_info
from .wire_schema import wire_schema

OPTIONS = (
    Option("prefix", "str", "", "prefix for the output file names (-p)"),
    Option("unmask", "bool", False, "show type names instead of numbers (-u)"),
    Option("define", "list", (), "configuration symbols to consider defined"),
    Option(
        "compat", "list", (),
        "output policy as QEMU's -compat: deprecated-output=hide, unstable-output=hide",
    ),
    Option("indent", "int", 0, "spaces of indentation in the JSON files (0: compact)"),
)


def _dumps(value: Any, indent: int) -> str:
    if indent < 0:
        raise BackendError(f"introspect.indent must not be negative, not {indent}")
    if indent == 0:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    return json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False) + "\n"


def introspection(
    schema: Schema,
    defines: tuple[str, ...] = (),
    unmask: bool = False,
    policy: CompatPolicy | None = None,
) -> list[Json]:
    """The ``query-qmp-schema`` answer for ``schema`` built with ``defines``."""
    resolved = resolve(list(schema_info(schema, unmask)), set(defines))
    assert isinstance(resolved, list)
    return apply_policy(policy or CompatPolicy(), resolved)


class IntrospectBackend:
    """``query-qmp-schema`` as JSON, and a JSON Schema of the wire messages."""

    name = "introspect"
    description = "query-qmp-schema's answer as JSON, and a JSON Schema of the QMP messages"
    api_version = PLUGIN_API_VERSION
    options = OPTIONS

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write the introspection JSON and the wire JSON Schema into ``output``."""
        prefix = str(options["prefix"])
        indent = options["indent"]
        defines = options["define"]
        compat = options["compat"]
        assert isinstance(indent, int) and isinstance(defines, tuple)
        assert isinstance(compat, tuple)
        infos = introspection(
            schema, defines, bool(options["unmask"]), CompatPolicy.parse(compat)
        )
        main = schema.main_module
        title = f"QMP wire messages of {main.name if main else 'an empty schema'}"
        output.write(f"{prefix}qapi-introspect.json", _dumps(infos, indent))
        output.write(f"{prefix}qapi-wire.schema.json", _dumps(wire_schema(infos, title), indent))
