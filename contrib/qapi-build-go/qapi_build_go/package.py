"""The files of a generated Go package: models from the IR, imports, rendering."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from qapi_ir.backend_helpers import CompatNotes, DefinitionPlan
from qapi_ir.ir import Schema
from qapi_ir.templating import Renderer, squeeze_blank_lines

from qapi_build_go.api_model import ApiPlanner, GoCommand, GoEvent
from qapi_build_go.naming import go_string
from qapi_build_go.plan import GoAlternate, GoEnum, GoPlanner, GoStruct
from qapi_build_go.protocol import Protocol

TEMPLATES = Path(__file__).parent / "templates"

#: Packages the generated files may import, with the pattern that shows a file uses one.
_IMPORTS = (
    ("bytes", re.compile(r"\bbytes\.")),
    ("context", re.compile(r"\bcontext\.")),
    ("encoding/json", re.compile(r"\bjson\.")),
    ("errors", re.compile(r"\berrors\.")),
    ("fmt", re.compile(r"\bfmt\.")),
)


def _imports(body: str) -> list[str]:
    """The standard packages ``body`` refers to, in gofmt's (sorted) order."""
    code = "\n".join(line for line in body.split("\n") if not line.lstrip().startswith("//"))
    return [name for name, pattern in _IMPORTS if pattern.search(code)]


class PackageWriter:
    """Computes the models once and renders each file of the package.

    ``compat`` tells what older releases lack (nothing when none was given).
    """

    def __init__(
        self,
        schema: Schema,
        package: str,
        module: str,
        compat: CompatNotes,
        templates: Renderer,
        protocol: Protocol,
    ) -> None:
        self._templates = templates
        self.package = package
        self.module = module
        self.protocol = protocol
        plan = DefinitionPlan.of(schema, no_reply_commands=protocol.no_reply_commands)
        planner = GoPlanner(schema, plan, compat, protocol.runtime_names)
        self.enums: list[GoEnum] = [planner.enum(e) for e in plan.enums]
        self.structs: list[GoStruct] = [planner.object_type(o) for o in plan.objects]
        self.alternates: list[GoAlternate] = [planner.alternate(a) for a in plan.alternates]
        api = ApiPlanner(planner, protocol)
        self.events: list[GoEvent] = [api.event(e) for e in plan.events]
        self.commands: list[GoCommand] = [api.command(c) for c in plan.commands]
        self.arg_structs: Sequence[GoStruct] = api.arg_structs
        self.varying = compat.varying_commands()
        main = schema.main_module
        self.schema_name = Path(main.name).name if main else "a QAPI schema"

    def files(self) -> dict[str, str]:
        """Every file of the package by name, rendered."""
        files = {
            "go.mod": self._templates.render(TEMPLATES, "go.mod.mako", module=self.module),
            **{name: self._render(t) for t, name in self.protocol.static_files.items()},
            "values.go": self._source("values.go.mako"),
            "types.go": self._source(
                "types.go.mako", enums=self.enums, structs=self.structs,
                alternates=self.alternates,
            ),
            "commands.go": self._source(
                "commands.go.mako", arg_structs=self.arg_structs, commands=self.commands,
                varying=self.varying,
            ),
        }
        if self.protocol.events:
            files["events.go"] = self._source("events.go.mako", events=self.events)
        return files

    def _render(self, template: str, **context: Any) -> str:
        return self._templates.render(
            TEMPLATES, template, package=self.package, schema_name=self.schema_name,
            go_string=go_string, protocol=self.protocol.name, program=self.protocol.program,
            **context,
        )

    def _source(self, template: str, **context: Any) -> str:
        """A Go file: the header with the imports the body needs, then the body."""
        body = self._render(template, **context)
        header = self._render("header.mako", imports=_imports(body))
        return squeeze_blank_lines(header + body).rstrip("\n") + "\n"
