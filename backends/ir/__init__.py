"""The ``ir`` backend: writes the IR snapshot ``ir.json``."""

from __future__ import annotations

from collections.abc import Mapping

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, Option, OptionValue, Output
from qapi_ir.snapshot import dumps


class IrBackend:
    """Writes the schema's IR as a JSON snapshot that any backend can read back."""

    name = "ir"
    description = "the IR snapshot (ir.json), for --from-ir and for backends in other languages"
    api_version = PLUGIN_API_VERSION
    options = (Option("filename", "str", "ir.json", "name of the snapshot file"),)

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write the snapshot of ``schema``."""
        output.write(str(options["filename"]), dumps(schema))
