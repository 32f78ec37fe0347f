"""Which protocol a schema is spoken over (QMP or the guest agent's), and what that changes.

QEMU ships three QAPI schemas: two for QMP (the system emulator and
``qemu-storage-daemon``) and one for the guest agent, whose protocol has no
greeting, no capabilities negotiation and no events, and resynchronises with
``guest-sync-delimited`` instead.  The generated package differs only in its
client runtime, in whether it has events, and in commands that send no reply.
"""

from __future__ import annotations

import attrs
from qapi_ir.backend_helpers import protocol_name
from qapi_ir.ir import Schema


@attrs.frozen
class Protocol:
    """How the generated package talks: its runtime template and the names that runtime takes."""

    #: ``qmp`` or ``qga``, as ``-O go.protocol`` spells it.
    name: str
    #: What a command is called in doc comments ("QMP command").
    command_kind: str
    #: Files of the package that hold no schema-specific code: template -> file name.
    static_files: dict[str, str]
    #: How errors name the server ("QEMU", "the guest agent").
    program: str
    #: Whether the package has events (``events.go``).
    events: bool
    #: Whether commands without a success response get a method (that returns once sent).
    no_reply_commands: bool
    #: Exported package-level names the runtime defines, which no generated name may take.
    runtime_names: frozenset[str]
    #: Methods of the runtime's ``Client``, which no command method may take.
    client_methods: frozenset[str]


#: Names of the shared values file (``values.go``), whatever the protocol.
_VALUE_NAMES = frozenset({"CommandNotAvailableError", "Error", "ErrClosed", "Null"})

PROTOCOLS = {
    "qmp": Protocol(
        name="qmp",
        command_kind="QMP command",
        static_files={
            "runtime.go.mako": "runtime.go",
            "capabilities.go.mako": "capabilities.go",
            "objects.go.mako": "objects.go",
        },
        program="QEMU",
        events=True,
        no_reply_commands=False,
        runtime_names=_VALUE_NAMES
        | {"Client", "Connect", "DecodeEvent", "Event", "Greeting", "GreetingNumbers"}
        | {"GreetingVersion", "RawEvent", "Timestamp", "Capabilities", "NewCapabilities"},
        client_methods=frozenset({"Capabilities", "Close", "Events", "Execute", "Greeting"}),
    ),
    "qga": Protocol(
        name="qga",
        command_kind="guest agent command",
        static_files={"agent.go.mako": "agent.go", "objects.go.mako": "objects.go"},
        program="the guest agent",
        events=False,
        no_reply_commands=True,
        runtime_names=_VALUE_NAMES | {"Client", "CommandDisabledError", "Connect"},
        client_methods=frozenset({"Close", "Execute", "HasCommand", "Resync"}),
    ),
}


def protocol_for(schema: Schema, option: str) -> Protocol:
    """The protocol ``-O go.protocol`` names, or the schema's when the option is empty.

    Raises :class:`BackendError` for an unknown name, or when the guest agent
    protocol is chosen for a schema it cannot work with.
    """
    return PROTOCOLS[protocol_name(schema, option, "go.protocol")]
