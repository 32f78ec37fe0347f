"""The storage daemon's client against ``qemu-storage-daemon`` 7.2 and trixie's 10.0.

The daemon runs as an unprivileged user with its QMP monitor on a unix
socket; the test adds block nodes (``null-co``, and a raw image file in a
temporary directory), exports one over NBD on a unix socket, and calls
every argument-less query.  Skipped when the daemon is absent (Debian
bookworm's ``qemu-system-common``, trixie's ``qemu-utils``), unless
``QAPI_BUILD_REQUIRE_ALL=1``; the 10.0 daemon runs from a Debian trixie
directory and is skipped where there is none.
"""

from __future__ import annotations

import asyncio
import os
import pwd
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.backends.python import test_live as live
from tests.backends.python.live_programs import (
    USER,
    Release,
    each_release,
    require_program,
    running,
    work_directory,
)

SCHEMA = "storage-daemon/qapi/qapi-schema.json"
IMAGE_SIZE = 1 << 20
#: Where each release's daemon comes from, in Debian.
PACKAGES = {"7.2": "qemu-system-common", "10.0": "qemu-utils"}


@pytest.fixture(scope="module")
def qsd_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package generated from QEMU 10.2's storage daemon schema, compatible with 7.2, 10.0."""
    directory = tmp_path_factory.mktemp("qsd-client")
    with live.corpus_client(directory, "qsd102_client", SCHEMA) as package:
        yield package


def image_file(directory: Path) -> Path:
    """A raw image of :data:`IMAGE_SIZE` bytes in ``directory``, which the daemon's user owns."""
    image = directory / "disk.img"
    image.write_bytes(b"")
    os.truncate(image, IMAGE_SIZE)
    if os.geteuid() == 0:
        user = pwd.getpwnam(USER)
        os.chown(image, user.pw_uid, user.pw_gid)
    return image


async def nbd_greeting(socket: Path) -> bytes:
    """The first eight bytes an NBD server sends (``NBDMAGIC``)."""
    reader, writer = await asyncio.open_unix_connection(str(socket))
    try:
        return await reader.readexactly(8)
    finally:
        writer.close()


@each_release
def test_the_daemon_adds_nodes_exports_one_over_nbd_and_answers_every_query(
    qsd_client: ModuleType, release: Release
) -> None:
    require_program(release, "qemu-storage-daemon", PACKAGES[release.label])
    package, types = qsd_client, qsd_client.types
    queries = live.commands_without_arguments(package, "query-")
    assert len(queries) >= 10 and queries["query_named_block_nodes"] == "query-named-block-nodes"

    async def session(directory: Path) -> tuple[dict[str, list[str]], Any, Any]:
        image, nbd = image_file(directory), directory / "nbd.sock"
        async with live.connected(package, str(directory / "qmp.sock")) as client:
            version = client.greeting.version
            assert f"{version.major}.{version.minor}" == release.label
            capabilities = await client.capabilities()
            assert capabilities.has_enum_value("blockdev-add", "driver", "null-co")
            assert capabilities.has_argument("block-export-add", "name")
            await client.blockdev_add(types.BlockdevOptionsNullCoBranch(
                node_name="null0", size=IMAGE_SIZE
            ))
            await client.blockdev_add(types.BlockdevOptionsFileBranch(
                node_name="file0", filename=release.inside(image), read_only=True
            ))
            await client.blockdev_add(types.BlockdevOptionsRawBranch(
                node_name="disk0", file="file0", read_only=True
            ))
            address = types.UnixSocketAddress(path=release.inside(nbd))
            await client.nbd_server_start(addr=types.SocketAddressLegacyUnixBranch(data=address))
            await client.block_export_add(types.BlockExportOptionsNbdBranch(
                id="export0", node_name="disk0", name="disk"
            ))
            assert await nbd_greeting(nbd) == b"NBDMAGIC"
            exports = await client.query_block_exports()
            nodes = await client.query_named_block_nodes()
            outcome = await live.call_each(package, client, queries, release.label)
            await client.block_export_del(id="export0")
            await client.nbd_server_stop()
            await client.quit()
        return outcome, exports, nodes

    with work_directory(release) as directory:
        monitor = release.inside(directory / "qmp.sock")
        command = ["qemu-storage-daemon", "--chardev",
                   f"socket,path={monitor},server=on,wait=off,id=m", "--monitor", "chardev=m"]
        with running(release, command, directory / "qsd.log"):
            outcome, exports, nodes = live.run(session(directory))

    assert [(e.id, e.node_name, e.type_) for e in exports] == [
        ("export0", "disk0", types.BlockExportType.NBD)
    ]
    by_name = {node.node_name: node for node in nodes}
    assert set(by_name) == {"null0", "file0", "disk0"}
    assert (by_name["disk0"].drv, by_name["disk0"].ro) == ("raw", True)
    assert by_name["disk0"].image.virtual_size == IMAGE_SIZE
    assert by_name["null0"].drv == "null-co"
    assert outcome["refused"] == [] and outcome["disabled"] == []
    assert {"query-named-block-nodes", "query-block-exports", "query-version"} <= set(
        outcome["decoded"]
    )
    assert sorted(outcome["decoded"]) == sorted(queries.values()), outcome
    print(f"\nqemu-storage-daemon {release.label}:",
          {kind: len(found) for kind, found in outcome.items()})
