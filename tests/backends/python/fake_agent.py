"""A guest agent for tests: an asyncio unix socket server that answers as ``qemu-ga`` does.

It reads one request per line and handles them one at a time, in order, as
the real agent does: a byte 0xFF makes it drop what it held and answer with
a parse error; ``guest-sync-delimited`` is answered with the byte 0xFF
before the reply; every other command goes to a handler the test gives,
which may wait before answering (to answer late) or not answer at all.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

SENTINEL = b"\xff"

#: A request as received, and what the agent writes back for it (nothing: no reply;
#: ``None``: it hangs up).
Handler = Callable[[dict[str, Any]], Awaitable[list[bytes] | None]]


def reply(request: dict[str, Any], value: object) -> bytes:
    """The line answering ``request`` with ``value``, carrying its id as qemu-ga does."""
    message: dict[str, Any] = {"return": value}
    if "id" in request:
        message["id"] = request["id"]
    return json.dumps(message).encode() + b"\n"


def error(request: dict[str, Any], error_class: str, description: str) -> bytes:
    """The line answering ``request`` with an error."""
    message: dict[str, Any] = {"error": {"class": error_class, "desc": description}}
    if "id" in request:
        message["id"] = request["id"]
    return json.dumps(message).encode() + b"\n"


PARSE_ERROR = b'{"error": {"class": "GenericError", "desc": "JSON parse error, stray byte"}}\n'


class FakeAgent:
    """What the agent received (``requests``, ``flushes``) and how it answers (``handlers``).

    ``greeting_noise`` is written as soon as a client connects: what an
    earlier client may have left in the stream.
    """

    def __init__(self, handlers: dict[str, Handler], greeting_noise: bytes = b"") -> None:
        self.handlers = handlers
        self.greeting_noise = greeting_noise
        self.requests: list[dict[str, Any]] = []
        #: The wire value of ``id`` of each ``guest-sync-delimited``, in order.
        self.syncs: list[int] = []
        self.flushes = 0

    @property
    def commands(self) -> list[str]:
        """The commands received, syncs included, in order."""
        return [request["execute"] for request in self.requests]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(self.greeting_noise)
        while line := await reader.readline():
            if SENTINEL in line:
                self.flushes += 1
                writer.write(PARSE_ERROR)
                line = line.rpartition(SENTINEL)[2]
            request = json.loads(line)
            self.requests.append(request)
            answer: list[bytes] | None
            if request["execute"] == "guest-sync-delimited":
                self.syncs.append(request["arguments"]["id"])
                answer = [SENTINEL + reply(request, request["arguments"]["id"])]
            else:
                answer = await self.handlers[request["execute"]](request)
            if answer is None:
                break
            writer.write(b"".join(answer))
            await writer.drain()
        writer.close()

    @asynccontextmanager
    async def serving(self, socket: str) -> AsyncIterator[None]:
        """Listen on ``socket`` while the block runs."""
        server = await asyncio.start_unix_server(self._serve, socket)
        async with server:
            yield

    @asynccontextmanager
    async def client(self, package: ModuleType, directory: Path) -> AsyncIterator[Any]:
        """A client of ``package`` connected to this agent, listening in ``directory``."""
        socket = str(directory / "qga.sock")
        async with self.serving(socket), package.Client(socket) as client:
            yield client
