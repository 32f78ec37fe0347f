"""The generated clients against a real QEMU (``qemu-system-x86_64 -machine none``).

Skipped when the binary is absent, unless ``QAPI_BUILD_REQUIRE_ALL=1``.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import warnings
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from qemu.qmp.protocol import ConnectError

from tests.backends.python.live_programs import (
    BOOKWORM,
    TRIXIE_RELEASE,
    require_program,
    running,
    work_directory,
)
from tests.backends.python.test_package import QEMU_SCHEMA
from tests.cli.helpers import run_cli
from tests.conftest import CORPUS_DIR, need

QEMU = "qemu-system-x86_64"
#: Upper bound for one whole QEMU session; the process is killed whatever happens.
SESSION_SECONDS = 120

@pytest.fixture
def qemu_binary() -> str:
    """The QEMU binary, or a skip (a failure under QAPI_BUILD_REQUIRE_ALL=1)."""
    path = shutil.which(QEMU)
    need(path is not None, f"{QEMU} not found (Debian package qemu-system-x86)")
    assert path is not None
    return path


@contextmanager
def running_qemu(binary: str, directory: Path) -> Iterator[str]:
    """Start QEMU with a QMP socket under ``timeout``; kill its process group at the end."""
    socket = directory / "qmp.sock"
    command = [
        "timeout",
        str(SESSION_SECONDS),
        binary,
        "-machine",
        "none",
        "-nodefaults",
        "-display",
        "none",
        "-qmp",
        f"unix:{socket},server=on,wait=off",
    ]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE)
    try:
        yield str(socket)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@asynccontextmanager
async def connected(package: ModuleType, socket: str) -> AsyncIterator[Any]:
    """A client of ``package`` connected to ``socket`` once QEMU listens on it.

    QEMU creates the socket file before it listens: a connection refused is tried again.
    """
    client = package.Client(name="live-test")
    for attempt in range(500):
        try:
            await client.connect(socket)
            break
        except (ConnectError, FileNotFoundError):
            if attempt == 499:
                raise
            await asyncio.sleep(0.02)
    async with client:
        yield client


async def next_event(client: Any, name: str) -> Any:
    """The next event called ``name`` (others are skipped)."""
    async for event in client.events():
        if getattr(event, "event_name", None) == name:
            return event
    raise AssertionError(f"no {name} event")


def run(coroutine: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coroutine, SESSION_SECONDS))


def test_fixture_client_talks_to_qemu(live: ModuleType, qemu_binary: str, tmp_path: Path) -> None:
    types = live.types

    async def session(socket: str) -> None:
        async with connected(live, socket) as client:
            greeting = client.greeting
            assert greeting is not None and "oob" in greeting.capabilities
            assert isinstance(greeting.version, live.QEMUVersion)
            assert greeting.version.major >= 7
            version = await client.query_version()
            assert isinstance(version, types.VersionInfo) and version.qemu.major >= 7
            status = await client.query_status()
            assert status.running is True and status.status is types.RunState.RUNNING
            commands = await client.query_commands()
            assert {"query-status", "stop", "cont", "quit"} <= {c.name for c in commands}
            schema = await client.query_qmp_schema()
            assert all(isinstance(info, types.SchemaInfo) for info in schema)
            by_name = {info.name: info for info in schema}
            assert isinstance(by_name["query-status"], types.SchemaInfoCommandBranch)
            assert isinstance(by_name["STOP"], types.SchemaInfoEventBranch)
            kinds = {type(info).__name__ for info in schema}
            assert {"SchemaInfoObjectBranch", "SchemaInfoEnumBranch"} <= kinds
            await client.stop()
            stop = await next_event(client, "STOP")
            assert isinstance(stop, live.events.StopEvent) and stop.timestamp.seconds > 0
            assert (await client.query_status()).status is types.RunState.PAUSED
            await client.cont()
            assert (await client.query_status()).running is True
            await client.quit()
            shutdown = await next_event(client, "SHUTDOWN")
            assert shutdown.reason is types.ShutdownCause.HOST_QMP_QUIT

    with running_qemu(qemu_binary, tmp_path) as socket:
        run(session(socket))


@contextmanager
def corpus_client(directory: Path, package: str, schema: str) -> Iterator[ModuleType]:
    """The package qapi-build generates from QEMU 10.2's ``schema``, compatible with 7.2 and 10.0.

    ``schema`` is the top file's path in QEMU's source tree; the package,
    written to ``directory``, is importable while the block runs.
    """
    need((CORPUS_DIR / "run").is_file(), f"conformance corpus not found at {CORPUS_DIR}")
    history = CORPUS_DIR / "history"
    result = run_cli(
        "--no-cache", "--backend", "python", "-O", f"python.package={package}",
        "-O", f"python.compat=7.2={history / 'qemu-7.2' / schema}",
        "-O", f"python.compat=10.0={history / 'qemu-10.0' / schema}",
        "-o", directory, CORPUS_DIR / QEMU_SCHEMA.parents[1] / schema,
    )
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(directory))


@pytest.fixture(scope="module")
def compat_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package qapi-build generates from QEMU 10.2's schema, compatible with 7.2 and 10.0."""
    directory = tmp_path_factory.mktemp("qemu-client")
    with corpus_client(directory, "qemu102_client", "qapi/qapi-schema.json") as package:
        yield package


def commands_without_arguments(package: ModuleType, prefix: str) -> dict[str, str]:
    """Method name to wire name of every command called ``prefix...`` that takes no argument."""
    commands = {}
    for name, method in vars(package.Client).items():
        if not inspect.iscoroutinefunction(method) or name == "events":
            continue
        parameters = list(inspect.signature(method).parameters.values())[1:]
        if any(p.default is inspect.Parameter.empty for p in parameters):
            continue
        wire = re.search(r'execute_(?:raw|no_reply)\(\s*"([^"]+)"', inspect.getsource(method))
        if wire and wire.group(1).startswith(prefix):
            commands[name] = wire.group(1)
    return commands


class RecordedReplies:
    """Wraps a client's ``_execute`` to keep the raw ``return`` value of each command."""

    def __init__(self, client: Any) -> None:
        self.replies: list[tuple[str, object]] = []
        self._execute = client._execute
        client._execute = self.execute

    async def execute(self, command: str, arguments: object = None) -> object:
        reply = await self._execute(command, arguments)
        self.replies.append((command, reply))
        return reply


async def call_each(
    package: ModuleType, client: Any, commands: dict[str, str], release: str
) -> dict[str, list[str]]:
    """Call each of ``commands`` (method name to wire name) without arguments, sorting them.

    ``decoded``: the typed result re-encodes to exactly the raw reply (``{}``
    for a command that returns nothing); ``error``: the server answered with
    an error; ``absent``: the server (of version ``release``) lacks it and
    nothing was sent; ``disabled``: the server has it disabled; ``refused``:
    the reply did not decode.  Asks for the capabilities first, so commands
    are looked up before they are sent.
    """
    capabilities = await client.capabilities()
    recorded = RecordedReplies(client)
    outcome: dict[str, list[str]] = {
        "decoded": [], "error": [], "absent": [], "disabled": [], "refused": []
    }
    for method, wire in sorted(commands.items()):
        sent = len(recorded.replies)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = await getattr(client, method)()
        except package.CommandNotAvailable as error:
            assert not capabilities.has_command(wire) and error.version.startswith(release)
            assert len(recorded.replies) == sent, f"{wire} was sent"
            outcome["absent"].append(wire)
            continue
        except package.runtime.CommandDisabled:
            assert len(recorded.replies) == sent, f"{wire} was sent"
            outcome["disabled"].append(wire)
            continue
        except package.CommandError as error:
            assert error.error_class and error.description
            outcome["error"].append(wire)
            continue
        except package.DecodeError as error:
            outcome["refused"].append(str(error))
            continue
        assert recorded.replies[-1][0] == wire
        encoded = {} if result is None else package.encode(result)
        assert encoded == recorded.replies[-1][1], wire
        outcome["decoded"].append(wire)
    return outcome


#: Per release: its programs, and one command of 10.2 it lacks (never sent to it).
RELEASES = {"7.2": (BOOKWORM, "query-audiodevs"), "10.0": (TRIXIE_RELEASE, "query-accelerators")}


@pytest.mark.parametrize("label", list(RELEASES))
def test_qemu_10_2_client_decodes_every_reply_of_an_older_qemu(
    compat_client: ModuleType, label: str
) -> None:
    """Every argument-less query of QEMU 7.2 and 10.0 (run unprivileged) decodes and encodes
    back to exactly its raw reply; what the release lacks is never sent."""
    release, lacking = RELEASES[label]
    require_program(release, QEMU, "qemu-system-x86")
    package, types = compat_client, compat_client.types
    queries = commands_without_arguments(package, "query-")
    assert len(queries) > 60 and queries["query_machines"] == "query-machines"
    major, minor = map(int, label.split("."))

    async def session(socket: str) -> dict[str, list[str]]:
        async with connected(package, socket) as client:
            greeting = client.greeting
            assert (greeting.version.major, greeting.version.minor) == (major, minor)
            capabilities = await client.capabilities()
            assert capabilities.has_argument("blockdev-add", "file.aio")
            assert capabilities.has_enum_value("blockdev-add", "driver", "null-co")
            assert not capabilities.has_argument("blockdev-add", "file.no-such-member")
            node = types.BlockdevOptionsNullCoBranch(node_name="null0", size=1 << 20)
            await client.blockdev_add(node)
            outcome = await call_each(package, client, queries, label)
            await client.stop()
            assert isinstance(await next_event(client, "STOP"), package.events.StopEvent)
            await client.cont()
            await client.quit()
        return outcome

    with work_directory(release) as directory:
        socket = directory / "qmp.sock"
        command = [QEMU, "-machine", "none", "-nodefaults", "-display", "none",
                   "-qmp", f"unix:{release.inside(socket)},server=on,wait=off"]
        with running(release, command, directory / "qemu.log"):
            outcome = run(session(str(socket)))
    print(f"QEMU {label}: " + ", ".join(f"{len(v)} {k}" for k, v in outcome.items()))
    assert outcome["refused"] == []
    assert {"query-machines", "query-named-block-nodes", "query-block"} <= set(outcome["decoded"])
    assert len(outcome["decoded"]) >= 45, outcome
    assert lacking in outcome["absent"]


GREETING = {
    "QMP": {
        "version": {"qemu": {"major": 7, "minor": 2, "micro": 19}, "package": "Debian"},
        "capabilities": [],
    }
}


async def read_message(reader: asyncio.StreamReader) -> Any:
    """The next JSON message from a client (qemu.qmp ends none with a newline)."""
    text = b""
    while True:
        chunk = await reader.read(4096)
        assert chunk, "the client hung up"
        text += chunk
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            continue


async def fake_qmp_server(socket: str, events: list[dict[str, Any]]) -> asyncio.Server:
    """A QMP server on ``socket`` that greets, negotiates, then sends ``events``."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(json.dumps(GREETING).encode() + b"\n")
        request = await read_message(reader)
        assert request["execute"] == "qmp_capabilities"
        reply = {"return": {}} | ({"id": request["id"]} if "id" in request else {})
        writer.write(json.dumps(reply).encode() + b"\n")
        for event in events:
            writer.write(json.dumps(event).encode() + b"\n")
        await writer.drain()
        await reader.read()
        writer.close()

    return await asyncio.start_unix_server(serve, socket)


def test_event_loop_sees_an_undecodable_event_between_two_good_ones(
    compat_client: ModuleType, tmp_path: Path
) -> None:
    package = compat_client
    stamp = {"seconds": 1700000000, "microseconds": 5}
    stop = {"event": "STOP", "timestamp": stamp}
    bad = {"event": "SHUTDOWN", "data": {"guest": "yes", "reason": 42}, "timestamp": stamp}
    resume = {"event": "RESUME", "timestamp": stamp}
    socket = str(tmp_path / "fake.sock")

    async def session() -> list[Any]:
        server = await fake_qmp_server(socket, [stop, bad, resume])
        async with server, package.Client(socket) as client:
            assert client.greeting == package.Greeting(
                package.QEMUVersion(7, 2, 19, "Debian"), ()
            )
            seen = []
            async for event in client.events():
                seen.append(event)
                if len(seen) == 3:
                    return seen
        raise AssertionError(f"the stream ended after {seen}")

    first, middle, last = asyncio.run(asyncio.wait_for(session(), 20))
    assert isinstance(first, package.events.StopEvent)
    assert isinstance(middle, package.UndecodedEvent) and middle.event == "SHUTDOWN"
    assert middle.data == bad["data"] and middle.error.path.startswith("SHUTDOWN: data.")
    assert package.encode(middle) == bad
    assert isinstance(last, package.events.ResumeEvent) and package.encode(last) == resume
