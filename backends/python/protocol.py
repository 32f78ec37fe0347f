"""Which protocol a generated client speaks: QMP, or the guest agent's.

QEMU ships three QAPI schemas: two are spoken over QMP (the system emulator's
and ``qemu-storage-daemon``'s), the third by the guest agent (``qemu-ga``),
which has no events and resynchronises with ``guest-sync-delimited``.
"""

from __future__ import annotations

import attrs

from qapi_ir.backend_helpers import protocol_name
from qapi_ir.ir import Schema


@attrs.frozen
class ClientProtocol:
    """What a protocol changes in the generated package."""

    #: The value of ``-O python.protocol``.
    name: str
    #: How docstrings name the protocol (``QMP command ...``).
    label: str
    #: The module and class the generated ``Client`` derives from.
    base_module: str
    base_class: str
    #: Files copied verbatim into the package beside the common ones.
    static_files: tuple[str, ...]
    #: Whether the package has ``events.py`` and ``Client.events()``.
    events: bool
    #: What commands that do not reply on success (``'success-response': false``) become:
    #: methods that return once the request is written, or none at all.
    no_reply_methods: bool
    #: The lines of the package docstring's paragraph on its modules.
    modules_doc: tuple[str, ...]
    #: What the package's ``__init__`` re-exports: (module, names), the runtime's last.
    exports: tuple[tuple[str, tuple[str, ...]], ...]


#: Files every package holds, copied verbatim.
COMMON_FILES = ("runtime.py", "records.py", "connection.py")

PROTOCOLS = {
    protocol.name: protocol
    for protocol in (
        ClientProtocol(
            name="qmp",
            label="QMP",
            base_module="client_base",
            base_class="ClientBase",
            static_files=("client_base.py", "capabilities.py"),
            events=True,
            no_reply_methods=False,
            modules_doc=(
                "Types live in :mod:`.types`, their decoders in :mod:`.codec`, events in",
                ":mod:`.events` and the client in :mod:`.client`; :mod:`.capabilities` tells",
                "what the connected QEMU has.",
            ),
            exports=(
                ("capabilities", ("Capabilities",)),
                ("client", ("Client",)),
                ("codec", ("decode",)),
                ("events", ("Event", "decode_event")),
                ("runtime", (
                    "ABSENT", "Absent", "CommandError", "CommandNotAvailable", "DecodeError",
                    "Greeting", "JSONValue", "QEMUVersion", "UndecodedEvent", "UnknownEvent",
                    "UnstableWarning", "encode",
                )),
            ),
        ),
        ClientProtocol(
            name="qga",
            label="guest agent",
            base_module="agent_base",
            base_class="AgentClientBase",
            static_files=("agent_base.py", "agent_protocol.py", "agent_capabilities.py"),
            events=False,
            no_reply_methods=True,
            modules_doc=(
                "Types live in :mod:`.types`, their decoders in :mod:`.codec` and the client",
                "in :mod:`.client`; :mod:`.agent_capabilities` tells what the connected agent",
                "has and has enabled.",
            ),
            exports=(
                ("agent_capabilities", ("AgentCapabilities",)),
                ("client", ("Client",)),
                ("codec", ("decode",)),
                ("runtime", (
                    "ABSENT", "Absent", "CommandDisabled", "CommandError", "CommandNotAvailable",
                    "DecodeError", "JSONValue", "UnstableWarning", "encode",
                )),
            ),
        ),
    )
}


def choose_protocol(schema: Schema, asked: str) -> ClientProtocol:
    """The protocol ``-O python.protocol`` asks for, or the one the schema's shape tells.

    Raises :class:`BackendError` for an unknown name, or when the guest agent
    protocol is chosen for a schema it cannot work with.
    """
    return PROTOCOLS[protocol_name(schema, asked, "python.protocol")]
