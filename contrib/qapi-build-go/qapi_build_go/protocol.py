"""Which protocol a schema is spoken over (QMP or the guest agent's), and what that changes.

QEMU ships three QAPI schemas: two for QMP (the system emulator and
``qemu-storage-daemon``) and one for the guest agent, whose protocol has no
greeting, no capabilities negotiation and no events, and resynchronises with
``guest-sync-delimited`` instead.  The generated package differs only in its
client runtime and in whether it has events.
"""

from __future__ import annotations

import attrs
from qapi_ir.ir import Command, Event, Schema
from qapi_ir.plugin_api import BackendError

#: The command only the guest agent's schema has; with no events, it names that protocol.
GUEST_SYNC = "guest-sync"


@attrs.frozen
class Protocol:
    """How the generated package talks: its runtime template and the names that runtime takes."""

    #: ``qmp`` or ``qga``, as ``-O go.protocol`` spells it.
    name: str
    #: What a command is called in doc comments ("QMP command").
    command_kind: str
    #: The client runtime: template and file name in the package.
    runtime_template: str
    runtime_file: str
    #: Whether the package has events (``events.go``).
    events: bool
    #: Whether commands without a success response get a method (that returns once sent).
    no_reply_commands: bool
    #: Exported package-level names the runtime defines, which no generated name may take.
    runtime_names: frozenset[str]
    #: Methods of the runtime's ``Client``, which no command method may take.
    client_methods: frozenset[str]


#: Names of the shared values file (``values.go``), whatever the protocol.
_VALUE_NAMES = frozenset({"Error", "ErrClosed", "Null"})

PROTOCOLS = {
    "qmp": Protocol(
        name="qmp",
        command_kind="QMP command",
        runtime_template="runtime.go.mako",
        runtime_file="runtime.go",
        events=True,
        no_reply_commands=False,
        runtime_names=_VALUE_NAMES
        | {"Client", "Connect", "DecodeEvent", "Event", "Greeting", "GreetingNumbers"}
        | {"GreetingVersion", "RawEvent", "Timestamp"},
        client_methods=frozenset({"Close", "Events", "Execute", "Greeting"}),
    ),
    "qga": Protocol(
        name="qga",
        command_kind="guest agent command",
        runtime_template="agent.go.mako",
        runtime_file="agent.go",
        events=False,
        no_reply_commands=True,
        runtime_names=_VALUE_NAMES | {"Client", "CommandDisabledError", "Connect"},
        client_methods=frozenset({"Close", "Execute", "HasCommand", "Resync"}),
    ),
}


def is_guest_agent_schema(schema: Schema) -> bool:
    """Whether ``schema`` is a guest agent's: no events, and a ``guest-sync`` command."""
    definitions = list(schema.definitions())
    return not any(isinstance(d, Event) for d in definitions) and any(
        isinstance(d, Command) and d.name == GUEST_SYNC for d in definitions
    )


def protocol_for(schema: Schema, option: str) -> Protocol:
    """The protocol ``-O go.protocol`` names, or the schema's when the option is empty."""
    if not option:
        return PROTOCOLS["qga" if is_guest_agent_schema(schema) else "qmp"]
    if option not in PROTOCOLS:
        choices = " or ".join(PROTOCOLS)
        raise BackendError(f"go.protocol: {option!r} is not a protocol ({choices})")
    return PROTOCOLS[option]
