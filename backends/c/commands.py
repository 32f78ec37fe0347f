"""The C command generator, as QEMU's ``commands.py`` writes it.

Per user module: ``qapi-commands[-MODULE].c/.h`` (handler declarations and
QMP marshallers) and, unless tracing is suppressed, ``.trace-events``.  For
the whole schema: ``qapi-init-commands.c/.h`` with ``qmp_init_marshal``
registering every command with its flags and feature mask.  Python computes
views of the commands; the ``commands.*`` and ``init_commands.*`` templates
lay them out.
"""

from __future__ import annotations

import attrs

from qapi_ir.flags import flags_of
from qapi_ir.ir import Command, Condition, Event, Schema
from qapi_ir.plugin_api import Output

from .modules import INIT_MODULE, ModuleNames, render_file, write_file, write_pair
from .naming import (
    c_name,
    c_param_type,
    c_type,
    feature_flags,
    is_empty_object,
    need_has,
    type_c_name,
    visit_type_fn,
)
from .settings import CSettings


@attrs.frozen
class ParamView:
    """One exploded argument: C type, C name, whether a ``has_`` flag precedes it."""

    c_type: str
    c_name: str
    has_flag: bool
    is_str: bool


@attrs.frozen
class ArgsView:
    """How a command or event takes its arguments (QEMU's ``build_params``).

    ``type_c_name`` is the C name of the argument type when there are
    arguments to visit; ``params`` are the exploded members (none when boxed).
    """

    boxed: bool
    params: tuple[ParamView, ...] = ()
    boxed_type: str = ""
    type_c_name: str | None = None
    implicit: bool = False


def args_view(schema: Schema, definition: Command | Event) -> ArgsView:
    """The arguments of ``definition`` as its C function receives them."""
    name = definition.arg_type
    if name is None:
        return ArgsView(boxed=False)
    typ = schema.object_type(name)
    have_args = definition.flag("boxed") or not is_empty_object(schema, typ)
    c_arg = type_c_name(typ) if have_args else None
    if definition.flag("boxed"):
        return ArgsView(True, boxed_type=c_param_type(schema, name), type_c_name=c_arg)
    params = tuple(
        ParamView(
            c_param_type(schema, m.type), c_name(m.name), need_has(schema, m), m.type == "str"
        )
        for m in schema.all_members(typ)
    )
    return ArgsView(False, params, type_c_name=c_arg, implicit=typ.is_implicit)


@attrs.frozen
class CommandView:
    """A generated command: names, arguments, return type and registration."""

    name: str
    c_name: str
    condition: Condition | None
    coroutine: bool
    args: ArgsView
    ret_c_type: str | None
    ret_visit: str | None
    options: tuple[str, ...]
    features: str


def _options(command: Command) -> tuple[str, ...]:
    """The ``QCO_*`` registration options of ``command``, from the flag table."""
    return tuple(
        flag.c_option for flag in flags_of("command")
        if flag.c_option and command.flag(flag.name) != flag.default
    )


def command_view(schema: Schema, command: Command) -> CommandView:
    """What the templates need to know about ``command``."""
    ret = command.ret_type
    return CommandView(
        name=command.name,
        c_name=c_name(command.name),
        condition=command.condition,
        coroutine=command.flag("coroutine"),
        args=args_view(schema, command),
        ret_c_type=c_type(schema, ret) if ret else None,
        ret_visit=visit_type_fn(schema, ret) if ret else None,
        options=_options(command),
        features=feature_flags(command.features),
    )


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write the command files of every user module and the registration files."""
    names = ModuleNames.for_schema(schema, settings)
    tracing = not settings.suppress_tracing
    registered: list[CommandView] = []
    for module in schema.modules:
        if module.is_builtin:
            continue
        entities = schema.module_entities(module.name)
        commands = [command_view(schema, e) for e in entities
                    if isinstance(e, Command) and e.flag("gen")]
        registered.extend(commands)
        base = names.filename("qapi-commands", module.name)
        basename = names.basename("qapi-commands", module.name)
        write_pair(
            output,
            settings,
            base,
            "commands",
            includes=names.includes("qapi-commands", module.name, entities),
            commands_h=basename,
            types_h=names.basename("qapi-types", module.name),
            visit_h=names.basename("qapi-visit", module.name),
            trace_h=c_name(basename, protect=False)
            if tracing and basename != "qapi-commands"
            else None,
            tracing=tracing,
            commands=commands,
        )
        if tracing:
            _write_trace_events(output, settings, base, commands)
    init = names.filename("qapi-commands", INIT_MODULE)
    write_pair(
        output,
        settings,
        init,
        "init_commands",
        prefix=settings.prefix,
        c_prefix=c_name(settings.prefix, protect=False),
        commands=registered,
    )
    if tracing:
        _write_trace_events(output, settings, init, [])


def _write_trace_events(
    output: Output, settings: CSettings, base: str, commands: list[CommandView]
) -> None:
    path = f"{base}.trace-events"
    text = render_file(output, "commands.trace-events.mako", path, settings,
                       commands=commands)
    write_file(output, path, text)
