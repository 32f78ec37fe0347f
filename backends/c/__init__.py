"""The C backend: the C that QEMU's own generator writes, file for file."""

from __future__ import annotations

from collections.abc import Mapping

from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, OptionValue, Output

from .settings import OPTIONS, CSettings


class CBackend:
    """Types, visitors, command marshallers, events, features and introspection in C."""

    name = "c"
    description = "C types, visitors, commands, events and introspection as QEMU generates them"
    api_version = PLUGIN_API_VERSION
    options = OPTIONS

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write every C file for ``schema`` into ``output``."""
        # imported here: a build whose output is cached needs none of them
        from . import commands, events, features, introspect, types, visit

        main = schema.main_module
        settings = CSettings.from_options(options, main.name if main else "the schema")
        for generator in (types, visit, commands, events, features, introspect):
            generator.generate(schema, settings, output)
