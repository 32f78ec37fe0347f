"""What the event and client templates need: events and commands, computed from the IR."""

from __future__ import annotations

import attrs

from qapi_ir.backend_helpers import Namer, member_descriptions
from qapi_ir.ir import Command, Event, Feature

from .docstrings import DocBuilder, section_text
from .naming import RESERVED_ATTRIBUTES, attribute_name
from .plan import PyField, PyPlanner, wire_names

#: Names of the client's own attributes, which command methods must not take.
CLIENT_ATTRIBUTES = frozenset(
    {"qmp", "address", "connect", "disconnect", "greeting", "events", "execute_raw"}
    | {"capabilities", "varying_commands", "protocol", "program"}
    | {"agent", "execute_no_reply"}
)


@attrs.frozen
class PyEvent:
    """An event class: its fields, or the single ``data`` field of a boxed event."""

    name: str
    wire: str
    fields: tuple[PyField, ...]
    boxed: bool
    doc: tuple[str, ...]

    @property
    def wire_names(self) -> dict[str, str]:
        """Python name to wire name for the fields whose names differ."""
        return wire_names(self.fields)


@attrs.frozen
class PyCommand:
    """A client method: keyword-only ``params`` or one boxed argument object.

    ``no_reply``: the server does not reply when the command succeeds.
    """

    method: str
    wire: str
    params: tuple[PyField, ...]
    boxed: str
    returns: str
    return_decoder: str
    deprecated: bool
    unstable: bool
    doc: tuple[str, ...]
    no_reply: bool = False


def _special(features: tuple[Feature, ...], name: str) -> bool:
    return any(f.name == name for f in features)


class ApiPlanner:
    """Turns IR commands and events into template models, naming within the client.

    ``protocol`` is how docstrings name the protocol of commands (``QMP``).
    """

    def __init__(self, planner: PyPlanner, protocol: str) -> None:
        self._planner = planner
        self._protocol = protocol
        self._schema = planner.schema
        self._methods = Namer(CLIENT_ATTRIBUTES)

    def event(self, event: Event) -> PyEvent:
        """The model of an event."""
        doc = self._schema.doc_for(event.name)
        namer = Namer(RESERVED_ATTRIBUTES | {"boxed"})
        if event.arg_type is None:
            fields: tuple[PyField, ...] = ()
        elif event.flag("boxed"):
            fields = (self._boxed_field(event.arg_type),)
        else:
            docs = member_descriptions(self._schema, event.arg_type, doc)
            fields = self._planner.fields(event.arg_type, namer, docs)
        builder = DocBuilder(4).body(doc)
        builder.field("Attributes", [(f.name, f.doc) for f in fields])
        builder.definition(doc, event.condition, event.features)
        builder.line("Compatibility", self._planner.compat.event(event.name))
        return PyEvent(
            name=self._planner.event_class(event.name),
            wire=event.name,
            fields=fields,
            boxed=event.flag("boxed"),
            doc=tuple(builder.lines(f"QMP event ``{event.name}``.")),
        )

    def _boxed_field(self, type_name: str) -> PyField:
        types = self._planner.types
        return PyField(
            name="data",
            wire="data",
            annotation=types.annotation(type_name),
            decoder=types.decoder(type_name),
            optional=False,
            doc=f"the event's data, a ``{type_name}``",
        )

    def command(self, command: Command) -> PyCommand:
        """The model of a command's client method."""
        doc = self._schema.doc_for(command.name)
        types = self._planner.types
        params: tuple[PyField, ...] = ()
        boxed = ""
        if command.arg_type is not None and command.flag("boxed"):
            boxed = types.annotation(command.arg_type)
        elif command.arg_type is not None:
            docs = member_descriptions(self._schema, command.arg_type, doc)
            params = self._planner.fields(
                command.arg_type, Namer({"self"}), docs, argument=True
            )
        builder = DocBuilder(8).body(doc)
        if boxed:
            builder.field("Args", [("arguments", f"the ``{command.arg_type}`` arguments")])
        builder.field("Args", [(p.name, p.doc) for p in params])
        no_reply = not command.flag("success-response")
        returns = section_text(doc, "Returns")
        if no_reply:
            returns = "None, as soon as the request is written (no reply comes on success)."
        builder.line("Returns", returns)
        errors = section_text(doc, "Errors") or "the server answered with an error."
        builder.field("Raises", [("CommandError", errors)])
        builder.definition(doc, command.condition, command.features)
        builder.line("Compatibility", self._planner.compat.command(command.name))
        ret = command.ret_type
        return PyCommand(
            method=self._methods.claim(attribute_name(command.name)),
            wire=command.name,
            params=params,
            boxed=boxed,
            returns=types.annotation(ret) if ret else "None",
            return_decoder=types.decoder(ret) if ret else "",
            deprecated=_special(command.features, "deprecated"),
            unstable=_special(command.features, "unstable"),
            doc=tuple(builder.lines(f"Execute {self._protocol} command ``{command.name}``.")),
            no_reply=no_reply,
        )
