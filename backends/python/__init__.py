"""The Python backend: a typed asynchronous client package (QMP or guest agent) from the schema."""

from __future__ import annotations

import keyword
from collections.abc import Mapping

from qapi_ir.backend_helpers import COMPAT_OPTION, PROTOCOL_OPTION, CompatNotes
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import (
    PLUGIN_API_VERSION,
    BackendError,
    Option,
    OptionValue,
    Output,
)

from .distribution import pyproject
from .package import PackageWriter
from .protocol import choose_protocol


class PythonBackend:
    """Writes package ``NAME/`` (types, codec, events and an async client on ``qemu.qmp``)
    and the ``pyproject.toml`` that makes the output directory installable."""

    name = "python"
    description = (
        "a typed asyncio QMP or guest agent client package (frozen records, codec, qemu.qmp)"
    )
    api_version = PLUGIN_API_VERSION
    options = (
        Option("package", "str", "qmp_client", "name of the generated Python package"),
        Option("version", "str", "",
               "version of the distribution (default: the newest release a 'Since:' names)"),
        COMPAT_OPTION,
        PROTOCOL_OPTION,
    )

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write the package for ``schema`` into ``output``."""
        package = str(options["package"])
        if not package.isidentifier() or keyword.iskeyword(package):
            raise BackendError(f"python.package: {package!r} is not a Python package name")
        compat = CompatNotes.from_option(options.get("compat"))
        protocol = choose_protocol(schema, str(options.get("protocol", "")))
        writer = PackageWriter(schema, compat, output.templates, protocol)
        for name, text in writer.files().items():
            output.write(f"{package}/{name}", text)
        output.write(f"{package}/py.typed", "")
        version = str(options.get("version", ""))
        output.write("pyproject.toml",
                     pyproject(schema, writer.schema_name, package, version, output.templates))
