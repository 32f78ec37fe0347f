"""The Go backend: a typed QMP client package, standard library only, from the schema.

It is shipped as a distribution of its own and uses only what any third-party
backend may: the IR (:mod:`qapi_ir.ir`), the plugin API
(:mod:`qapi_ir.plugin_api`), the helpers client backends share
(:mod:`qapi_ir.backend_helpers`) and template rendering (:mod:`qapi_ir.templating`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from qapi_ir.backend_helpers import COMPAT_OPTION, PROTOCOL_OPTION, CompatNotes
from qapi_ir.ir import Schema
from qapi_ir.plugin_api import PLUGIN_API_VERSION, BackendError, Option, OptionValue, Output

from qapi_build_go.package import PackageWriter
from qapi_build_go.protocol import protocol_for

#: Go's keywords, which a package name must not be.
_GO_KEYWORDS = frozenset(
    {"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough"}
    | {"for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range"}
    | {"return", "select", "struct", "switch", "type", "var"}
)
_PACKAGE = re.compile(r"[a-z][a-z0-9_]*\Z")
_MODULE = re.compile(r"[A-Za-z0-9_.~-]+(/[A-Za-z0-9_.~-]+)*\Z")


class GoBackend:
    """Writes ``PACKAGE/``: go.mod and the package's types, events, commands and client."""

    name = "go"
    description = "a Go QMP client package (encoding/json types, net.Conn client)"
    api_version = PLUGIN_API_VERSION
    options = (
        Option("package", "str", "qmp", "name of the generated Go package (and its directory)"),
        Option("module", "str", "", "module path in go.mod (default: the package name)"),
        COMPAT_OPTION,
        PROTOCOL_OPTION,
    )

    def generate(
        self, schema: Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write the package for ``schema`` into ``output``."""
        package = str(options["package"])
        if not _PACKAGE.match(package) or package in _GO_KEYWORDS:
            raise BackendError(f"go.package: {package!r} is not a Go package name")
        module = str(options["module"]) or package
        if not _MODULE.match(module):
            raise BackendError(f"go.module: {module!r} is not a Go module path")
        compat = CompatNotes.from_option(options.get("compat"))
        protocol = protocol_for(schema, str(options.get("protocol", "")))
        writer = PackageWriter(schema, package, module, compat, output.templates, protocol)
        for name, text in writer.files().items():
            output.write(f"{package}/{name}", text)
