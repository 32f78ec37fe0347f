"""The Python backend: a typed asynchronous QMP client package generated from the schema."""

from __future__ import annotations

import keyword
from collections.abc import Mapping

from qapi_ir.backend_helpers import COMPAT_OPTION, CompatNotes
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import (
    PLUGIN_API_VERSION,
    BackendError,
    Option,
    OptionValue,
    Output,
)

from .package import PackageWriter


class PythonBackend:
    """Writes package ``NAME/``: types, codec, events and an async client on ``qemu.qmp``."""

    name = "python"
    description = "a typed asyncio QMP client package (frozen records, codec, qemu.qmp client)"
    api_version = PLUGIN_API_VERSION
    options = (
        Option("package", "str", "qmp_client", "name of the generated Python package"),
        COMPAT_OPTION,
    )

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write the package for ``schema`` into ``output``."""
        package = str(options["package"])
        if not package.isidentifier() or keyword.iskeyword(package):
            raise BackendError(f"python.package: {package!r} is not a Python package name")
        compat = CompatNotes.from_option(options.get("compat"))
        for name, text in PackageWriter(schema, compat, output.templates).files().items():
            output.write(f"{package}/{name}", text)
        output.write(f"{package}/py.typed", "")
