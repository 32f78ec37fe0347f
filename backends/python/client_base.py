"""The schema-independent half of a generated QMP client, built on ``qemu.qmp``.

This file is copied verbatim into every generated package as
``client_base.py``; the generated ``client.py`` adds one method per command.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from types import TracebackType
from typing import ClassVar, Self, TypeVar

from qemu.qmp import ExecuteError, QMPClient
from qemu.qmp.protocol import SocketAddrT

from .capabilities import Capabilities
from .runtime import (
    CommandError,
    CommandNotAvailable,
    Greeting,
    JSONObject,
    QAPIEvent,
    UndecodedEvent,
    UnstableWarning,
    decode_greeting,
)

#: Where undecoded events are reported (once per event name and client).
LOGGER = logging.getLogger(__name__.rpartition(".")[0] or __name__)

E = TypeVar("E", bound=QAPIEvent)


class ClientBase:
    """Connection handling and command execution shared by generated clients.

    ``async with Client(address)`` connects and disconnects; ``qmp`` is the
    underlying :class:`qemu.qmp.QMPClient`, which performs the greeting and
    capabilities negotiation.
    """

    #: Commands some older release lacks: checked against :meth:`capabilities` before sending.
    varying_commands: ClassVar[frozenset[str]] = frozenset()

    def __init__(
        self,
        address: SocketAddrT | None = None,
        *,
        name: str | None = None,
        qmp: QMPClient | None = None,
    ) -> None:
        self.address = address
        self.qmp = qmp if qmp is not None else QMPClient(name)
        self._capabilities: Capabilities | None = None
        self._reported: set[str] = set()

    async def connect(self, address: SocketAddrT | None = None) -> None:
        """Connect to ``address`` (default: the one given when created), negotiate capabilities."""
        target = address if address is not None else self.address
        if target is None:
            raise ValueError("no address to connect to: give one to Client() or connect()")
        self._capabilities = None
        await self.qmp.connect(target)

    async def disconnect(self) -> None:
        """Close the connection; a server that hung up first (as after ``quit``) is fine."""
        self._capabilities = None
        with contextlib.suppress(EOFError):
            await self.qmp.disconnect()

    async def __aenter__(self) -> Self:
        if self.address is not None:
            await self.connect()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.disconnect()

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

    async def execute_raw(self, command: str, arguments: JSONObject | None = None) -> object:
        """Execute ``command`` with wire ``arguments``; the reply's ``return`` value.

        A command of :attr:`varying_commands`, or any once :meth:`capabilities`
        was asked, is first looked up: :class:`CommandNotAvailable` when QEMU
        lacks it.  Raises :class:`CommandError` when the server answers with an error.
        """
        if command in self.varying_commands or self._capabilities is not None:
            await self._check_available(command)
        return await self._execute(command, arguments)

    async def _check_available(self, command: str) -> None:
        """Raise :class:`CommandNotAvailable` when the connected QEMU lacks ``command``."""
        if not (await self.capabilities()).has_command(command):
            greeting = self.greeting
            raise CommandNotAvailable(command, str(greeting.version) if greeting else "unknown")

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

    @staticmethod
    def _warn_special(command: str, deprecated: bool, unstable: bool) -> None:
        """Warn that ``command`` is deprecated or unstable (pointing at the caller)."""
        if deprecated:
            warnings.warn(f"QMP command '{command}' is deprecated", DeprecationWarning, 3)
        if unstable:
            warnings.warn(f"QMP command '{command}' is unstable", UnstableWarning, 3)
