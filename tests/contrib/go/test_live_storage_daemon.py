"""The Go QMP client generated from QEMU 10.2's storage daemon schema against a real
``qemu-storage-daemon`` (7.2 on PATH, 10.0 from a trixie directory), run as an
unprivileged user with its monitor on a unix socket.

Skipped when the binary is absent (Debian package ``qemu-system-common``) unless
``QAPI_BUILD_REQUIRE_ALL=1``; the 10.0 daemon is skipped where the trixie
directory, or the binary in it, is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.backends.python.live_programs import (
    Release,
    each_release,
    require_program,
)
from tests.contrib.go.live_calls import build_live_test, figures, run_against

SCHEMA = Path("qemu-10.2/codegen/schemas/storage-daemon/qapi/qapi-schema.json")
#: The storage daemon's schema in a release's history directory.
HISTORY = Path("storage-daemon/qapi/qapi-schema.json")
#: Commands callable without arguments that only read: ``query-*`` and ``x-debug-query-*``.
QUERY_PREFIXES = ("query-", "x-debug-query-")


@pytest.fixture(scope="module")
def storage_test(go_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The live test binary of the package generated from QEMU 10.2's storage daemon schema,
    compatible with 7.2 and 10.0 (``go.compat``: members they lack are optional)."""
    return build_live_test(go_cache, tmp_path_factory.mktemp("qsd"), SCHEMA, "qmp",
                           ("live_helpers_test.go", "live_storage_test.go"),
                           lambda name: name.startswith(QUERY_PREFIXES), HISTORY)


@each_release
def test_block_node_nbd_export_and_every_query_through_the_storage_daemon(
    storage_test: tuple[Path, int], release: Release
) -> None:
    require_program(release, "qemu-storage-daemon", "qemu-system-common")
    binary, table_size = storage_test

    def daemon(directory: Path) -> list[str]:
        monitor = release.inside(directory / "qmp.sock")
        return ["qemu-storage-daemon",
                "--chardev", f"socket,path={monitor},server=on,wait=off,id=m",
                "--monitor", "chardev=m"]

    report = run_against(release, daemon, binary, "TestLiveStorageDaemon", lambda directory: {
        "QMP_SOCKET": str(directory / "qmp.sock"),
        "NBD_SOCKET": release.inside(directory / "nbd.sock"),
        "NBD_DIAL": str(directory / "nbd.sock"),
    })
    print(f"\nGo, storage daemon, qemu-storage-daemon {report['notes']['version']}:"
          f" {figures(report)} of {table_size}; mismatches: {sorted(report['mismatch'])}")
    assert report["notes"]["version"].startswith(release.label)
    # With go.compat, members an older release lacks (BlockDeviceInfo's active and
    # children) are optional: every reply encodes back exactly.
    assert report["mismatch"] == {}
    assert report["errors"] == {}
    assert {"query-block-exports", "query-qmp-schema", "query-version"} <= set(report["exact"])
    assert len(report["exact"]) + len(report["mismatch"]) == table_size
