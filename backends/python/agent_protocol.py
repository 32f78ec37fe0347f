"""The guest agent's wire protocol, on ``qemu.qmp``'s :class:`AsyncProtocol`.

This file is copied verbatim into every generated guest agent package as
``agent_protocol.py``.  A guest agent (``qemu-ga``) reads QMP's JSON requests
and writes one reply per line, without greeting, capabilities negotiation,
events or out-of-band commands, one request at a time.  Its stream may still
hold what an earlier exchange left: half a request, or a reply nobody waited
for any more.  So, on connecting and after any timeout, the protocol
resynchronises as ``guest-sync-delimited`` describes: it sends the byte 0xFF
(the agent's parser drops what it held), then ``guest-sync-delimited`` with a
random id; the agent writes 0xFF just before that reply.  Everything up to
the sentinel, and every reply but the one returning the id, is stale and
dropped.  Each request carries an ``id`` of this connection, which the agent
copies into its reply; a reply with another id is never taken for the answer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable

from qemu.qmp import ExecInterruptedError
from qemu.qmp.protocol import AsyncProtocol, Runstate, require

from .runtime import DecodeError, JSONObject

#: The byte a client sends to reset the agent's parser, and the agent puts before the
#: reply to ``guest-sync-delimited``; it never occurs in UTF-8 text.
SENTINEL = b"\xff"
#: The command that resynchronises the stream.
SYNC_COMMAND = "guest-sync-delimited"

#: Which reply a waiting caller takes; ``None``: it only waits for its request to be written.
Matcher = Callable[[JSONObject], bool] | None


class _Waiting:
    """The one exchange in flight: its command, which reply it takes, where the reply goes."""

    def __init__(self, command: str, matches: Matcher) -> None:
        self.command = command
        self.matches = matches
        self.future: asyncio.Future[JSONObject | None] = asyncio.get_running_loop().create_future()

    def resolve(self, reply: JSONObject | None) -> None:
        if not self.future.done():
            self.future.set_result(reply)


def _json_object(line: bytes) -> JSONObject | None:
    """The JSON object ``line`` holds, or ``None`` when it holds anything else."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return message if isinstance(message, dict) else None


def _encode(message: JSONObject) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n"


def _returns(value: int) -> Callable[[JSONObject], bool]:
    """Whether a reply returns the integer ``value`` (the answer to a sync)."""

    def matches(reply: JSONObject) -> bool:
        returned = reply.get("return")
        return type(returned) is int and returned == value

    return matches


def _answers(request_id: str) -> Callable[[JSONObject], bool]:
    """Whether a reply answers the request ``request_id``.

    It carries the id; or it is an error without any, which the agent sends
    when it could not parse a request (after a resynchronisation, the one in flight).
    """

    def matches(reply: JSONObject) -> bool:
        return reply["id"] == request_id if "id" in reply else "error" in reply

    return matches


class AgentProtocol(AsyncProtocol[bytes]):
    """A connection to a guest agent: one request at a time, resynchronised after timeouts.

    ``timeout`` bounds the wait for each reply (and for each resynchronisation)
    in seconds; ``None`` waits as long as it takes.  A call that times out or
    is cancelled raises as usual and leaves the stream to be resynchronised
    before the next request.  ``readbuflen`` bounds one reply line: a longer
    reply fails its call with :class:`DecodeError` (keep ``guest-file-read``
    counts below three quarters of it).
    """

    #: Logger of the protocol's messages and of the replies it drops.
    logger = logging.getLogger(__name__)

    def __init__(
        self,
        name: str | None = None,
        timeout: float | None = None,
        readbuflen: int = 10 * 1024 * 1024,
    ) -> None:
        super().__init__(name, readbuflen)
        self.timeout = timeout
        self._lock = asyncio.Lock()
        self._waiting: _Waiting | None = None
        self._syncing = False
        self._sentinel_seen = False
        self._stale = True
        self._prefix = secrets.token_hex(4)
        self._count = 0

    async def _establish_session(self) -> None:
        self._waiting = None
        self._stale = True
        await super()._establish_session()
        async with self._lock:
            await self._resync()

    @require(Runstate.RUNNING)
    async def execute(
        self, command: str, arguments: JSONObject | None = None, *, reply: bool = True
    ) -> JSONObject | None:
        """Send ``command`` and return the agent's reply (with ``return`` or ``error``).

        With ``reply=False`` (commands whose schema says ``'success-response':
        false``) return ``None`` as soon as the request is written.
        """
        async with self._lock:
            if self._stale:
                await self._resync()
            self._count += 1
            request_id = f"{self._prefix}-{self._count}"
            message: JSONObject = {"execute": command, "id": request_id}
            if arguments is not None:
                message["arguments"] = arguments
            matches = _answers(request_id) if reply else None
            return await self._exchange(command, _encode(message), matches)

    async def _resync(self) -> None:
        """Flush the agent's parser and drop every reply until the answer to a fresh sync."""
        sync_id = secrets.randbelow(2**31 - 1) + 1
        request: JSONObject = {"execute": SYNC_COMMAND, "arguments": {"id": sync_id}}
        self._syncing, self._sentinel_seen = True, False
        try:
            await self._exchange(SYNC_COMMAND, SENTINEL + _encode(request), _returns(sync_id))
        finally:
            self._syncing = False
        self._stale = False

    async def _exchange(self, command: str, data: bytes, matches: Matcher) -> JSONObject | None:
        """Write ``data`` (of ``command``), wait for the reply ``matches`` takes (or the write)."""
        waiting = _Waiting(command, matches)
        self._waiting = waiting
        try:
            await self._outgoing.put(data)
            async with asyncio.timeout(self.timeout):
                return await waiting.future
        except BaseException:
            self._stale = True
            raise
        finally:
            self._waiting = None

    async def _do_recv(self) -> bytes:
        while True:
            try:
                return await self._readline()
            except ValueError:  # longer than readbuflen: the reader dropped it
                self._reply_too_long()

    def _reply_too_long(self) -> None:
        """Fail the call waiting for a reply (a sync waits for a short one: not that)."""
        waiting = self._waiting
        if self._syncing or waiting is None or waiting.matches is None:
            return
        if not waiting.future.done():
            reason = f"longer than {self.readbuflen} bytes"
            waiting.future.set_exception(DecodeError(f"{waiting.command}: reply", reason))

    def _do_send(self, msg: bytes) -> None:
        assert self._writer is not None
        self._writer.write(msg)
        waiting = self._waiting
        if waiting is not None and waiting.matches is None:
            waiting.resolve(None)

    async def _on_message(self, msg: bytes) -> None:
        line = msg
        if SENTINEL in line:
            self._sentinel_seen = True
            line = line.rpartition(SENTINEL)[2]
        if self._syncing and not self._sentinel_seen:
            self.logger.debug("dropped before the sentinel: %r", msg[:200])
            return
        reply = _json_object(line)
        waiting = self._waiting
        if reply is not None and waiting is not None and waiting.matches and waiting.matches(reply):
            waiting.resolve(reply)
            return
        self.logger.info("dropped a stale or unexpected reply: %r", msg[:200])

    async def _bh_disconnect(self) -> None:
        try:
            await super()._bh_disconnect()
        finally:
            waiting = self._waiting
            if waiting is not None and not waiting.future.done():
                waiting.future.set_exception(ExecInterruptedError("Disconnected"))
