"""What the event and command templates need, computed from the IR."""

from __future__ import annotations

import attrs
from qapi_ir.backend_helpers import Namer
from qapi_ir.ir import Command, Event, Member

from qapi_build_go.docs import definition_comment
from qapi_build_go.naming import check_wire_name, exported, go_string
from qapi_build_go.plan import GoField, GoPlanner, GoStruct
from qapi_build_go.protocol import Protocol

#: Methods every event type has, which no event field may take.
EVENT_METHODS = frozenset({"EventName", "EventTime"})


@attrs.frozen
class GoEvent:
    """An event type: a struct of its data members (or one ``Data`` field) and a timestamp."""

    wire: str
    literal: str
    struct: GoStruct
    timestamp: str
    boxed: str


@attrs.frozen
class GoCommand:
    """A client method: ``args`` and ``result`` are Go types, empty when there are none.

    ``no_reply``: the command sends no reply on success; its method returns once it is sent.
    """

    method: str
    literal: str
    comment: tuple[str, ...]
    args: str
    result: str
    no_reply: bool


class ApiPlanner:
    """Turns IR commands and events into template models, naming within the package."""

    def __init__(self, planner: GoPlanner, protocol: Protocol) -> None:
        self._planner = planner
        self._schema = planner.schema
        self._protocol = protocol
        self._methods = Namer(protocol.client_methods)
        self.arg_structs: list[GoStruct] = []

    def event(self, event: Event) -> GoEvent:
        """The model of an event."""
        check_wire_name(event.name, "event")
        name = self._planner.namer.claim(exported(event.name.lower()) + "Event")
        doc = self._schema.doc_for(event.name)
        comment = definition_comment(
            f"{name} is the QMP event {event.name}.", doc, event.features, event.condition,
            self._planner.compat.event(event.name),
        )
        reserved = EVENT_METHODS
        members: tuple[Member, ...] = ()
        boxed = ""
        owner = ""
        if event.arg_type is not None and event.flag("boxed"):
            boxed = self._planner.types.go_type(event.arg_type)
            reserved |= {"Data"}
        elif event.arg_type is not None:
            owner = event.arg_type
            members = self._schema.all_members(self._schema.object_type(owner))
        timestamp = Namer(reserved | {exported(m.name) for m in members}).claim("Timestamp")
        extra = [GoField(timestamp, "-", "Timestamp", False,
                         ("// " + timestamp + " is when the server emitted the event.",))]
        if boxed:
            extra.insert(0, GoField("Data", "-", boxed, False, ()))
        struct = self._planner.struct(name, owner, members, doc, comment, extra,
                                      reserved | {timestamp}, codec=not boxed)
        return GoEvent(event.name, go_string(event.name), struct, timestamp, boxed)

    def command(self, command: Command) -> GoCommand:
        """The model of a command's client method (and its argument struct, if implicit)."""
        check_wire_name(command.name, "command")
        method = self._methods.claim(exported(command.name))
        doc = self._schema.doc_for(command.name)
        comment = definition_comment(
            f"{method} runs the {self._protocol.command_kind} {command.name}.",
            doc,
            command.features,
            command.condition,
            self._planner.compat.command(command.name),
        )
        types = self._planner.types
        args = ""
        if command.arg_type is not None:
            arg_type = self._schema.object_type(command.arg_type)
            if arg_type.is_implicit:
                args = self._planner.namer.claim(exported(command.name) + "Args")
                self.arg_structs.append(self._planner.struct(
                    args,
                    arg_type.name,
                    self._schema.all_members(arg_type),
                    doc,
                    [f"// {args} holds the arguments of {method}."],
                ))
            else:
                args = types.go_type(command.arg_type)
        result = types.go_type(command.ret_type) if command.ret_type else ""
        no_reply = not command.flag("success-response")
        return GoCommand(method, go_string(command.name), tuple(comment), args, result, no_reply)
