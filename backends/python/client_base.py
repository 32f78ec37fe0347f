"""The QMP half of a generated client, built on ``qemu.qmp``'s :class:`QMPClient`.

This file is copied verbatim into every generated QMP package as
``client_base.py``; the generated ``client.py`` adds one method per command.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TypeVar

from qemu.qmp import ExecuteError, QMPClient
from qemu.qmp.protocol import SocketAddrT

from .capabilities import Capabilities
from .connection import Connection
from .runtime import (
    CommandError,
    Greeting,
    JSONObject,
    QAPIEvent,
    UndecodedEvent,
    decode_greeting,
)

#: Where undecoded events are reported (once per event name and client).
LOGGER = logging.getLogger(__name__.rpartition(".")[0] or __name__)

E = TypeVar("E", bound=QAPIEvent)


class ClientBase(Connection[Capabilities]):
    """Connection handling and command execution shared by generated QMP clients.

    ``async with Client(address)`` connects and disconnects; ``qmp`` is the
    underlying :class:`qemu.qmp.QMPClient`, which performs the greeting and
    capabilities negotiation.
    """

    def __init__(
        self,
        address: SocketAddrT | None = None,
        *,
        name: str | None = None,
        qmp: QMPClient | None = None,
    ) -> None:
        super().__init__(address)
        self.qmp = qmp if qmp is not None else QMPClient(name)
        self._reported: set[str] = set()

    async def _open(self, address: SocketAddrT) -> None:
        await self.qmp.connect(address)

    async def _close(self) -> None:
        with contextlib.suppress(EOFError):
            await self.qmp.disconnect()

    @property
    def greeting(self) -> Greeting | None:
        """The server's greeting (QEMU version, offered capabilities), once connected."""
        raw = getattr(self.qmp, "greeting", None)
        return None if raw is None else decode_greeting(raw._asdict())

    async def capabilities(self) -> Capabilities:
        """What the connected QEMU has: one ``query-qmp-schema``, asked once per connection."""
        if self._capabilities is None:
            self._capabilities = Capabilities(await self._execute("query-qmp-schema", None))
        return self._capabilities

    def _version(self, capabilities: Capabilities) -> str:
        greeting = self.greeting
        return str(greeting.version) if greeting else "unknown"

    async def _execute(self, command: str, arguments: JSONObject | None) -> object:
        try:
            return await self.qmp.execute(command, arguments)
        except ExecuteError as error:
            raise CommandError(command, error.error_class, str(error)) from error

    def _noted(self, event: E) -> E:
        """``event``, with a warning the first time an event of its name did not decode."""
        if isinstance(event, UndecodedEvent) and event.event not in self._reported:
            self._reported.add(event.event)
            LOGGER.warning("QMP event %s kept undecoded: %s", event.event, event.error)
        return event
