"""What every generated client does, whatever its protocol: connecting, checking, warning.

This file is copied verbatim into every generated package as ``connection.py``;
``client_base.py`` (QMP) or ``agent_base.py`` (guest agent) builds the
protocol's half on it, and the generated ``client.py`` adds one method per command.
"""

from __future__ import annotations

import warnings
from abc import ABC, abstractmethod
from types import TracebackType
from typing import ClassVar, Generic, Protocol, Self, TypeVar

from qemu.qmp.protocol import SocketAddrT

from .runtime import CommandNotAvailable, JSONObject, UnstableWarning


class ServerCapabilities(Protocol):
    """What a client asks of the capabilities of a server before sending a command."""

    def has_command(self, name: str) -> bool:
        """Whether the server has the command ``name``."""
        ...


CapabilitiesT = TypeVar("CapabilitiesT", bound=ServerCapabilities)


class Connection(ABC, Generic[CapabilitiesT]):
    """A client of one server at ``address``: ``async with`` connects and disconnects.

    Subclasses open and close the connection, execute commands and say what
    the server has (:meth:`capabilities`, asked at most once per connection).
    """

    #: Commands some older release lacks: checked against :meth:`capabilities` before sending.
    varying_commands: ClassVar[frozenset[str]] = frozenset()
    #: How messages name the protocol and the server.
    protocol: ClassVar[str] = "QMP"
    program: ClassVar[str] = "QEMU"

    def __init__(self, address: SocketAddrT | None = None) -> None:
        self.address = address
        self._capabilities: CapabilitiesT | None = None

    async def connect(self, address: SocketAddrT | None = None) -> None:
        """Connect to ``address`` (default: the one given when created)."""
        target = address if address is not None else self.address
        if target is None:
            raise ValueError("no address to connect to: give one to Client() or connect()")
        self._capabilities = None
        await self._open(target)

    async def disconnect(self) -> None:
        """Close the connection; a server that hung up first is fine."""
        self._capabilities = None
        await self._close()

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

    @abstractmethod
    async def capabilities(self) -> CapabilitiesT:
        """What the connected server has, asked once per connection."""

    async def execute_raw(self, command: str, arguments: JSONObject | None = None) -> object:
        """Execute ``command`` with wire ``arguments``; the reply's ``return`` value.

        A command of :attr:`varying_commands`, or any once :meth:`capabilities`
        was asked, is first looked up: :class:`CommandNotAvailable` when the
        server lacks it.  Raises :class:`CommandError` when the server answers
        with an error.
        """
        await self._check(command)
        return await self._execute(command, arguments)

    async def _check(self, command: str) -> None:
        """Look ``command`` up first when it varies or the capabilities are known."""
        if command in self.varying_commands or self._capabilities is not None:
            self._check_available(command, await self.capabilities())

    def _check_available(self, command: str, capabilities: CapabilitiesT) -> None:
        """Raise :class:`CommandNotAvailable` when the server lacks ``command``."""
        if not capabilities.has_command(command):
            raise CommandNotAvailable(command, self._version(capabilities), self.program)

    @abstractmethod
    def _version(self, capabilities: CapabilitiesT) -> str:
        """The server's version, as errors name it."""

    @abstractmethod
    async def _open(self, address: SocketAddrT) -> None:
        """Open the connection to ``address`` and start the session."""

    @abstractmethod
    async def _close(self) -> None:
        """Close the connection."""

    @abstractmethod
    async def _execute(self, command: str, arguments: JSONObject | None) -> object:
        """Send ``command`` and return the ``return`` value of its reply."""

    @classmethod
    def _warn_special(cls, command: str, deprecated: bool, unstable: bool) -> None:
        """Warn that ``command`` is deprecated or unstable (pointing at the caller)."""
        name = f"{cls.protocol} command '{command}'"
        if deprecated:
            warnings.warn(f"{name} is deprecated", DeprecationWarning, 3)
        if unstable:
            warnings.warn(f"{name} is unstable", UnstableWarning, 3)
