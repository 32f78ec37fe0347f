"""The generated guest agent client against a fake agent on a unix socket (no qemu-ga needed)."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.backends.python.fake_agent import FakeAgent, error, reply

#: Upper bound on one whole session with the fake agent, against hangs only.
SESSION_SECONDS = 20

INFO = {
    "version": "9.9.9",
    "supported_commands": [
        {"name": name, "enabled": name != "guest-shutdown", "success-response": True}
        for name in ("guest-sync-delimited", "guest-info", "guest-ping", "guest-shutdown")
    ],
}


def run(coroutine: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coroutine, SESSION_SECONDS))


async def answer(value: object, request: dict[str, Any]) -> list[bytes]:
    return [reply(request, value)]


def answering(value: object) -> Any:
    """A handler that answers every request with ``value`` at once."""
    return lambda request: answer(value, request)


def test_connecting_flushes_and_resynchronises_past_what_an_earlier_client_left(
    agent: ModuleType, tmp_path: Path
) -> None:
    noise = b'{"return": 5, "id": "earlier-1"}\n{"ret\n' + reply({}, 7)
    fake = FakeAgent({"guest-get-time": answering(42)}, greeting_noise=noise)

    async def session() -> int:
        async with fake.client(agent, tmp_path) as client:
            return int(await client.guest_get_time())

    assert run(session()) == 42
    assert fake.commands == ["guest-sync-delimited", "guest-get-time"]
    assert fake.flushes == 1
    assert fake.requests[1]["id"] != fake.requests[0].get("id")


def test_a_reply_that_comes_after_its_call_timed_out_is_not_taken_for_the_next_answer(
    agent: ModuleType, tmp_path: Path
) -> None:
    timed_out = asyncio.Event()
    late = 0

    async def get_time(request: dict[str, Any]) -> list[bytes]:
        nonlocal late
        late += 1
        if late == 1:
            await timed_out.wait()
            return [reply(request, 1111)]
        return [reply(request, 2222)]

    fake = FakeAgent({"guest-get-time": get_time})

    async def session() -> int:
        async with fake.client(agent, tmp_path) as client:
            client.agent.timeout = 0.05
            with pytest.raises(TimeoutError):
                await client.guest_get_time()
            timed_out.set()
            client.agent.timeout = None
            return int(await client.guest_get_time())

    assert run(session()) == 2222
    assert fake.commands == [
        "guest-sync-delimited", "guest-get-time", "guest-sync-delimited", "guest-get-time"
    ]
    assert fake.flushes == 2 and fake.syncs[0] != fake.syncs[1]


def test_a_late_answer_to_an_earlier_sync_is_not_taken_for_the_answer_to_the_next(
    agent: ModuleType, tmp_path: Path
) -> None:
    """The first sync times out; its delimited answer comes just before the second's."""
    released = asyncio.Event()

    async def ping(request: dict[str, Any]) -> list[bytes]:
        await released.wait()
        return [reply(request, {})]

    fake = FakeAgent({"guest-ping": ping, "guest-get-time": answering(3)})

    async def session() -> int:
        async with fake.client(agent, tmp_path) as client:
            client.agent.timeout = 0.05
            with pytest.raises(TimeoutError):
                await client.guest_ping()
            with pytest.raises(TimeoutError):
                await client.guest_get_time()  # its resync waits behind the ping
            released.set()
            client.agent.timeout = None
            return int(await client.guest_get_time())

    assert run(session()) == 3
    assert fake.commands == [
        "guest-sync-delimited", "guest-ping", "guest-sync-delimited", "guest-sync-delimited",
        "guest-get-time",
    ]
    assert len(set(fake.syncs)) == 3


def test_a_command_without_success_response_returns_once_written(
    agent: ModuleType, tmp_path: Path
) -> None:
    async def shutdown(request: dict[str, Any]) -> list[bytes]:
        return []

    fake = FakeAgent({"guest-shutdown": shutdown, "guest-ping": answering({})})

    async def session() -> None:
        async with fake.client(agent, tmp_path) as client:
            assert await client.guest_shutdown(mode="halt") is None
            assert await client.guest_ping() is None

    run(session())
    assert fake.commands == ["guest-sync-delimited", "guest-shutdown", "guest-ping"]
    assert fake.requests[1]["arguments"] == {"mode": "halt"}
    assert inspect.signature(agent.Client.guest_shutdown).return_annotation == "None"


def test_the_error_a_no_reply_command_still_gets_is_not_taken_for_the_next_answer(
    agent: ModuleType, tmp_path: Path
) -> None:
    async def refuse(request: dict[str, Any]) -> list[bytes]:
        return [error(request, "CommandNotFound", "Command guest-shutdown has been disabled")]

    fake = FakeAgent({"guest-shutdown": refuse, "guest-get-time": answering(9)})

    async def session() -> int:
        async with fake.client(agent, tmp_path) as client:
            await client.guest_shutdown()
            return int(await client.guest_get_time())

    assert run(session()) == 9
    assert fake.commands == ["guest-sync-delimited", "guest-shutdown", "guest-get-time"]


@pytest.mark.parametrize(
    "description",
    [
        "Command guest-get-time has been disabled",
        "Command guest-get-time has been disabled: the command is not allowed",
        "The command guest-get-time has been disabled for this instance",
    ],
)
def test_the_agent_refusing_a_disabled_command_raises_command_disabled(
    agent: ModuleType, tmp_path: Path, description: str
) -> None:
    async def refuse(request: dict[str, Any]) -> list[bytes]:
        return [error(request, "CommandNotFound", description)]

    fake = FakeAgent({"guest-get-time": refuse})

    async def session() -> None:
        async with fake.client(agent, tmp_path) as client:
            with pytest.raises(agent.CommandDisabled) as refused:
                await client.guest_get_time()
            assert refused.value.command == "guest-get-time"
            assert refused.value.description == description

    run(session())


def test_another_error_is_a_plain_command_error(agent: ModuleType, tmp_path: Path) -> None:
    async def fail(request: dict[str, Any]) -> list[bytes]:
        return [error(request, "GenericError", "Command guest-ping has been disabled")]

    fake = FakeAgent({"guest-get-time": fail})

    async def session() -> Any:
        async with fake.client(agent, tmp_path) as client:
            with pytest.raises(agent.CommandError) as failed:
                await client.guest_get_time()
            return failed.value

    failure = run(session())
    assert not isinstance(failure, agent.CommandDisabled)
    assert (failure.error_class, failure.command) == ("GenericError", "guest-get-time")


def test_guest_info_answers_capability_queries_and_disabled_commands_are_not_sent(
    agent: ModuleType, tmp_path: Path
) -> None:
    fake = FakeAgent({"guest-info": answering(INFO), "guest-ping": answering({})})

    async def session() -> Any:
        async with fake.client(agent, tmp_path) as client:
            capabilities = await client.capabilities()
            assert await client.capabilities() is capabilities
            with pytest.raises(agent.CommandDisabled, match="guest-shutdown"):
                await client.guest_shutdown()
            with pytest.raises(agent.CommandNotAvailable) as absent:
                await client.guest_get_time()
            assert await client.guest_ping() is None
            return capabilities, absent.value

    capabilities, absent = run(session())
    assert isinstance(capabilities, agent.AgentCapabilities) and capabilities.version == "9.9.9"
    assert capabilities.has_command("guest-shutdown") and not capabilities.has_command("x")
    assert not capabilities.is_enabled("guest-shutdown") and capabilities.is_enabled("guest-ping")
    assert capabilities.disabled_commands == {"guest-shutdown"}
    assert str(absent) == (
        "guest-get-time: CommandNotFound: qemu-ga 9.9.9 does not have this command"
    )
    assert fake.commands == ["guest-sync-delimited", "guest-info", "guest-ping"]


def test_the_timeout_given_to_the_client_bounds_each_reply(agent: ModuleType) -> None:
    assert agent.Client("unused", timeout=2.5).agent.timeout == 2.5


def test_a_command_some_release_lacks_is_looked_up_first(
    agent: ModuleType, tmp_path: Path
) -> None:
    fake = FakeAgent({"guest-info": answering(INFO)})

    async def session() -> None:
        async with fake.client(agent, tmp_path) as client:
            with pytest.raises(agent.CommandNotAvailable, match=r"qemu-ga 9\.9\.9"):
                await client.guest_get_load()

    run(session())
    assert agent.Client.varying_commands == {"guest-get-load"}
    assert fake.commands == ["guest-sync-delimited", "guest-info"]


def test_a_reply_neither_returning_nor_failing_is_a_decode_error(
    agent: ModuleType, tmp_path: Path
) -> None:
    async def odd(request: dict[str, Any]) -> list[bytes]:
        return [b'{"id": "%s", "result": 1}\n' % request["id"].encode()]

    fake = FakeAgent({"guest-get-time": odd})

    async def session() -> None:
        async with fake.client(agent, tmp_path) as client:
            with pytest.raises(agent.DecodeError, match=r"^guest-get-time: reply: expected"):
                await client.guest_get_time()

    run(session())


def test_the_agent_hanging_up_ends_the_waiting_call(agent: ModuleType, tmp_path: Path) -> None:
    async def hang_up(request: dict[str, Any]) -> None:
        return None

    fake = FakeAgent({"guest-get-time": hang_up})

    async def session() -> None:
        async with fake.client(agent, tmp_path) as client:
            with pytest.raises(Exception, match="Disconnected"):
                await client.guest_get_time()

    run(session())


@pytest.mark.parametrize("size", [1500, 5000])  # within the reader's buffer, or beyond it
def test_a_reply_longer_than_the_read_bound_fails_its_call_and_the_next_call_works(
    agent: ModuleType, tmp_path: Path, size: int
) -> None:
    calls = 0

    async def huge_then_small(request: dict[str, Any]) -> list[bytes]:
        nonlocal calls
        calls += 1
        return [reply(request, "x" * size if calls == 1 else 5)]

    fake = FakeAgent({"guest-get-time": huge_then_small})
    socket = str(tmp_path / "qga.sock")
    protocol = agent.agent_protocol.AgentProtocol(readbuflen=1024)

    async def session() -> int:
        async with fake.serving(socket), agent.Client(socket, agent=protocol) as client:
            with pytest.raises(agent.DecodeError) as refused:
                await client.guest_get_time()
            assert str(refused.value) == "guest-get-time: reply: longer than 1024 bytes"
            return int(await client.guest_get_time())

    assert run(session()) == 5
    assert fake.commands == [
        "guest-sync-delimited", "guest-get-time", "guest-sync-delimited", "guest-get-time"
    ]


def test_capabilities_from_a_malformed_guest_info_know_nothing_and_fail_nothing(
    agent: ModuleType,
) -> None:
    read = agent.AgentCapabilities
    assert read(["not", "an", "object"]).version == "unknown"
    assert not read(None).has_command("guest-ping")
    odd = read({"version": 7, "supported_commands": [
        {"name": "guest-ping", "enabled": "yes"}, {"name": 3}, "guest-info", {"enabled": True},
    ]})
    assert odd.version == "unknown" and odd.has_command("guest-ping")
    assert not odd.is_enabled("guest-ping") and odd.disabled_commands == {"guest-ping"}
    assert not odd.has_command("guest-info")
