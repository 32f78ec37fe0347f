"""The schema-independent half of a generated QMP client, built on ``qemu.qmp``.

This file is copied verbatim into every generated package as
``client_base.py``; the generated ``client.py`` adds one method per command.
"""

from __future__ import annotations

import contextlib
import warnings
from types import TracebackType
from typing import Self

from qemu.qmp import ExecuteError, QMPClient
from qemu.qmp.models import Greeting
from qemu.qmp.protocol import SocketAddrT

from .runtime import CommandError, JSONObject, UnstableWarning


class ClientBase:
    """Connection handling and command execution shared by generated clients.

    ``qmp`` is the underlying :class:`qemu.qmp.QMPClient`; it performs the
    greeting and capabilities negotiation on :meth:`connect`.
    """

    def __init__(self, name: str | None = None, qmp: QMPClient | None = None) -> None:
        self.qmp = qmp if qmp is not None else QMPClient(name)

    async def connect(self, address: SocketAddrT) -> None:
        """Connect to a QMP server and negotiate capabilities."""
        await self.qmp.connect(address)

    async def disconnect(self) -> None:
        """Close the connection; a server that hung up first (as after ``quit``) is fine."""
        with contextlib.suppress(EOFError):
            await self.qmp.disconnect()

    async def __aenter__(self) -> Self:
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
        """The server's greeting (version and offered capabilities), once connected."""
        return self.qmp.greeting

    async def execute_raw(self, command: str, arguments: JSONObject | None = None) -> object:
        """Execute ``command`` with wire ``arguments``; the reply's ``return`` value.

        Raises :class:`CommandError` when the server answers with an error.
        """
        try:
            return await self.qmp.execute(command, arguments)
        except ExecuteError as error:
            raise CommandError(command, error.error_class, str(error)) from error

    @staticmethod
    def _warn_special(command: str, deprecated: bool, unstable: bool) -> None:
        """Warn that ``command`` is deprecated or unstable (pointing at the caller)."""
        if deprecated:
            warnings.warn(f"QMP command '{command}' is deprecated", DeprecationWarning, 3)
        if unstable:
            warnings.warn(f"QMP command '{command}' is unstable", UnstableWarning, 3)
