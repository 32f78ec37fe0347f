"""The guest agent half of a generated client, on :class:`AgentProtocol`.

This file is copied verbatim into every generated guest agent package as
``agent_base.py``; the generated ``client.py`` adds one method per command.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping

from qemu.qmp.protocol import SocketAddrT

from .agent_capabilities import AgentCapabilities
from .agent_protocol import AgentProtocol
from .connection import Connection
from .runtime import CommandDisabled, CommandError, DecodeError, JSONObject, describe

#: How qemu-ga words the error for a command it has disabled (7.2 and later, with an
#: optional reason after a colon; before 6.0, "The command X has been disabled for this
#: instance").
_DISABLED = re.compile(r"(?:The command|Command) (\S+) has been disabled\b")


def returned(command: str, reply: JSONObject | None) -> object:
    """The ``return`` value of the agent's ``reply`` to ``command``, or its error raised.

    :class:`CommandDisabled` when the agent says ``command`` is disabled,
    :class:`CommandError` for any other error.
    """
    members = reply if reply is not None else {}
    error = members.get("error")
    if isinstance(error, Mapping):
        error_class, description = str(error.get("class", "")), str(error.get("desc", ""))
        disabled = _DISABLED.match(description)
        if disabled is not None and disabled.group(1) == command:
            raise CommandDisabled(command, error_class, description)
        raise CommandError(command, error_class, description)
    if "return" not in members:
        raise DecodeError(f"{command}: reply", f"expected return or error, got {describe(reply)}")
    return members["return"]


class AgentClientBase(Connection[AgentCapabilities]):
    """Connection handling and command execution shared by generated guest agent clients.

    ``async with Client(path)`` connects (and resynchronises) and disconnects;
    ``agent`` is the underlying :class:`AgentProtocol`.  ``timeout`` bounds
    the wait for each reply, in seconds; after a timeout the next command
    resynchronises first, so a late reply is never taken for its answer.
    """

    protocol = "guest agent"
    program = "qemu-ga"

    def __init__(
        self,
        address: SocketAddrT | None = None,
        *,
        name: str | None = None,
        timeout: float | None = None,
        agent: AgentProtocol | None = None,
    ) -> None:
        super().__init__(address)
        self.agent = agent if agent is not None else AgentProtocol(name, timeout)

    async def _open(self, address: SocketAddrT) -> None:
        await self.agent.connect(address)

    async def _close(self) -> None:
        with contextlib.suppress(EOFError):
            await self.agent.disconnect()

    async def capabilities(self) -> AgentCapabilities:
        """What the connected agent has: one ``guest-info``, asked once per connection.

        Once asked, a command the agent lacks raises :class:`CommandNotAvailable`
        and one it has disabled :class:`CommandDisabled`, before anything is sent.
        """
        if self._capabilities is None:
            self._capabilities = AgentCapabilities(await self._execute("guest-info", None))
        return self._capabilities

    def _version(self, capabilities: AgentCapabilities) -> str:
        return capabilities.version

    def _check_available(self, command: str, capabilities: AgentCapabilities) -> None:
        super()._check_available(command, capabilities)
        if not capabilities.is_enabled(command):
            raise CommandDisabled(
                command, "CommandNotFound", f"Command {command} has been disabled (guest-info)"
            )

    async def _execute(self, command: str, arguments: JSONObject | None) -> object:
        return returned(command, await self.agent.execute(command, arguments))

    async def execute_no_reply(self, command: str, arguments: JSONObject | None = None) -> None:
        """Send ``command``, whose schema says the agent does not reply when it succeeds.

        Returns once the request is written (an error the agent may still
        send is dropped as stale); checked first like :meth:`execute_raw`.
        """
        await self._check(command)
        await self.agent.execute(command, arguments, reply=False)
