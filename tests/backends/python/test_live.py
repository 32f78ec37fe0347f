"""The generated clients against a real QEMU (``qemu-system-x86_64 -machine none``).

Skipped when the binary is absent, unless ``QAPI_BUILD_REQUIRE_ALL=1``.
"""

from __future__ import annotations

import asyncio
import importlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from qapi_ir.frontend import load_schema
from tests.backends.python.conftest import generate
from tests.backends.python.test_package import QEMU_SCHEMA
from tests.conftest import need

QEMU = "qemu-system-x86_64"
#: Upper bound for one whole QEMU session; the process is killed whatever happens.
SESSION_SECONDS = 120

#: Queries answerable by a QEMU without a machine, decoded with QEMU 10.2's client.
QUERIES = (
    "query-name",
    "query-uuid",
    "query-kvm",
    "query-machines",
    "query-target",
    "query-iothreads",
    "query-chardev",
    "query-chardev-backends",
    "query-migrate",
    "query-migrate-capabilities",
    "query-migrate-parameters",
    "query-block",
    "query-named-block-nodes",
    "query-jobs",
    "query-block-jobs",
    "query-cpu-definitions",
    "query-display-options",
    "query-memdev",
    "query-fdsets",
    "query-tpm-models",
)


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
    """A client of ``package`` connected to ``socket`` once QEMU has created it."""
    for _ in range(500):
        if os.path.exists(socket):
            break
        await asyncio.sleep(0.02)
    async with package.Client(socket, name="live-test") as client:
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


@pytest.fixture
def qemu_client(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from QEMU 10.2's schema."""
    directory = tmp_path_factory.mktemp("qemu-client")
    generate(load_schema(str(corpus_dir / QEMU_SCHEMA)), "qemu102_client", directory)
    sys.path.insert(0, str(directory))
    importlib.invalidate_caches()
    yield importlib.import_module("qemu102_client")
    sys.path.remove(str(directory))


def test_qemu_10_2_client_decodes_an_older_qemu(
    qemu_client: ModuleType, qemu_binary: str, tmp_path: Path
) -> None:
    types = qemu_client.types

    async def session(socket: str) -> tuple[list[str], list[str]]:
        decoded: list[str] = []
        missing: list[str] = []
        async with connected(qemu_client, socket) as client:
            assert isinstance(await client.query_version(), types.VersionInfo)
            assert isinstance(await client.query_status(), types.StatusInfo)
            available = {c.name for c in await client.query_commands()}
            schema = await client.query_qmp_schema()
            assert all(isinstance(info, types.SchemaInfo) for info in schema)
            for name in QUERIES:
                if name in available:
                    method = getattr(client, name.replace("-", "_"))
                    try:
                        await method()
                    except qemu_client.CommandError as error:
                        assert error.error_class and error.description
                    except qemu_client.DecodeError as error:
                        # A member QEMU 10.2 made mandatory after 7.2: a clear error.
                        assert error.path.startswith(f"{name}: return")
                        assert error.reason.startswith("missing mandatory member")
                        missing.append(f"{error}")
                        continue
                    decoded.append(name)
            with pytest.raises(qemu_client.CommandError) as error:
                await client.query_balloon()
            assert error.value.error_class == "DeviceNotActive"
            await client.stop()
            assert isinstance(await next_event(client, "STOP"), qemu_client.events.StopEvent)
            await client.cont()
            await client.quit()
        return decoded, missing

    with running_qemu(qemu_binary, tmp_path) as socket:
        decoded, missing = run(session(socket))
    assert len(decoded) >= 12, (decoded, missing)
    assert len(missing) <= 4, missing
