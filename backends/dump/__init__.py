"""The ``dump`` backend: the schema as QEMU's ``tests/qapi-schema/test-qapi.py`` prints it.

One line per entity, module by module, with indented detail lines, then the
doc comments.  Built-in scalars and built-in arrays are left out, as QEMU
does.  Everything is computed from the IR, so a snapshot dumps the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from qapi_ir import ir
from qapi_ir.flags import flags_of
from qapi_ir.plugin_api import PLUGIN_API_VERSION, Option, OptionValue, Output
from qapi_ir.templating import Renderer

TEMPLATES = Path(__file__).parent / "templates"

_RawCondition = str | dict[str, object]


def raw_condition(condition: ir.Condition) -> _RawCondition:
    """``condition`` as written in the schema: a name, ``{'all': [...]}``, ``{'not': ...}``."""
    if isinstance(condition, ir.IfName):
        return condition.name
    if isinstance(condition, ir.IfNot):
        return {"not": raw_condition(condition.operand)}
    operator = "all" if isinstance(condition, ir.IfAll) else "any"
    return {operator: [raw_condition(c) for c in condition.operands]}


def condition_text(condition: ir.Condition) -> str:
    """How QEMU's dump prints a condition: a bare name, else the Python repr."""
    raw = raw_condition(condition)
    return raw if isinstance(raw, str) else repr(raw)


def flags_text(definition: ir.Command | ir.Event) -> str:
    """The flags line of a command or event, as the flag table spells them for the dump:
    those QEMU's dump always shows, and every other one that is set."""
    owner = "command" if isinstance(definition, ir.Command) else "event"
    shown = [
        f"{flag.dump_spelling}={definition.flag(flag.name)}"
        for flag in flags_of(owner)
        if flag.dump_always or definition.flag(flag.name) != flag.default
    ]
    return " ".join(shown)


def is_dumped(entity: ir.Entity) -> bool:
    """Whether QEMU's dump shows ``entity``: not built-in scalars or built-in arrays."""
    if isinstance(entity, ir.BuiltinType):
        return False
    return not (isinstance(entity, ir.ArrayType) and entity.location is None)


def dump(schema: ir.Schema, templates: Renderer | None = None) -> str:
    """The text of ``dump.txt`` for ``schema`` (``templates``: the build's renderer)."""
    modules = [
        (module.name, [e for e in schema.module_entities(module.name) if is_dumped(e)])
        for module in schema.modules
    ]
    return (templates or Renderer()).render(
        TEMPLATES, "dump.txt.mako", modules=modules, docs=schema.docs,
                  ir=ir, cond=condition_text, flags_text=flags_text)


class DumpBackend:
    """Writes ``dump.txt``, the textual dump QEMU's schema tests compare against."""

    name = "dump"
    description = "textual dump of the schema as QEMU's test-qapi.py prints it (dump.txt)"
    api_version = PLUGIN_API_VERSION
    options: tuple[Option, ...] = ()

    def generate(
        self, schema: ir.Schema, output: Output, options: Mapping[str, OptionValue]
    ) -> None:
        """Write ``dump.txt``."""
        output.write("dump.txt", dump(schema, output.templates))
