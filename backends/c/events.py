"""The C event generator, as QEMU's ``events.py`` writes it.

Per user module: ``qapi-events[-MODULE].c/.h`` with one
``qapi_event_send_NAME()`` per event.  For the whole schema:
``qapi-emit-events.c/.h`` with the ``QAPIEvent`` enumeration (every event,
whatever its condition, so target-independent code can use it) and the
declaration of ``qapi_event_emit``.
"""

from __future__ import annotations

import attrs

from qapi_ir.ir import Condition, Event, Schema
from qapi_ir.plugin_api import Output

from .commands import ArgsView, args_view
from .modules import EMIT_MODULE, ModuleNames, write_pair
from .naming import c_enum_const, c_name
from .settings import CSettings
from .types import EnumValueView, EnumView


@attrs.frozen
class EventView:
    """A generated event sender: names, arguments and the outputs it hides from."""

    name: str
    c_name: str
    condition: Condition | None
    args: ArgsView
    enum_const: str
    hidden_by: tuple[str, ...]


def event_view(schema: Schema, event: Event, enum_name: str) -> EventView:
    """What the templates need to know about ``event``."""
    return EventView(
        name=event.name,
        c_name=c_name(event.name.lower()),
        condition=event.condition,
        args=args_view(schema, event),
        enum_const=c_enum_const(enum_name, event.name),
        hidden_by=tuple(f.name for f in event.features if f.is_special),
    )


def generate(schema: Schema, settings: CSettings, output: Output) -> None:
    """Write the event files of every user module and the emission files."""
    names = ModuleNames.for_schema(schema, settings)
    enum_name = c_name(settings.prefix + "QAPIEvent", protect=False)
    emit = c_name(settings.prefix + "qapi_event_emit")
    emit_h = names.basename("qapi-events", EMIT_MODULE)
    every: list[EventView] = []
    for module in schema.modules:
        if module.is_builtin:
            continue
        entities = schema.module_entities(module.name)
        events = [event_view(schema, e, enum_name) for e in entities if isinstance(e, Event)]
        every.extend(events)
        write_pair(
            output,
            settings,
            names.filename("qapi-events", module.name),
            "events",
            includes=names.includes("qapi-events", module.name, entities),
            emit_h=emit_h,
            events_h=names.basename("qapi-events", module.name),
            types_h=names.basename("qapi-types", module.name),
            visit_h=names.basename("qapi-visit", module.name),
            emit=emit,
            events=events,
        )
    enum = EnumView(
        enum_name,
        None,
        tuple(EnumValueView(e.enum_const, e.name, None, "0") for e in every),
        c_enum_const(enum_name, "_MAX"),
    )
    write_pair(
        output,
        settings,
        names.filename("qapi-events", EMIT_MODULE),
        "emit_events",
        emit_h=emit_h,
        emit=emit,
        enum=enum,
    )
