"""Go clients against a real QEMU (``qemu-system-x86_64 -machine none``) over a unix socket.

Debian's QEMU 7.2 is found on the ``PATH``; skipped when it or Go is absent, unless
``QAPI_BUILD_REQUIRE_ALL=1``.  QEMU 10.0 runs in the Debian trixie chroot at
``$QAPI_BUILD_TRIXIE`` (default ``build/trixie``), skipped where there is none.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import TRIXIE_DIR, need
from tests.contrib.go.conftest import FIXTURES, GO_TESTS, GoTools, generate

QEMU = "qemu-system-x86_64"
#: Upper bound for the QEMU process; it is killed whatever happens.
SESSION_SECONDS = 600
#: The trixie chroot with QEMU 10.0 (CI does not build one: a skip even under REQUIRE_ALL).
TRIXIE = TRIXIE_DIR
#: The outcomes the release test prints, one line each.
OUTCOMES = ("decoded exactly", "refused", "not available", "QEMU errors")


@pytest.fixture
def qemu_binary() -> str:
    """The QEMU binary, or a skip (a failure under QAPI_BUILD_REQUIRE_ALL=1)."""
    binary = shutil.which(QEMU)
    need(binary is not None, f"{QEMU} not found (Debian package qemu-system-x86)")
    assert binary is not None
    return binary


@pytest.fixture
def trixie_root() -> Path:
    """The trixie chroot holding QEMU 10.0, or a skip (also under QAPI_BUILD_REQUIRE_ALL=1)."""
    if not (TRIXIE / "usr" / "bin" / QEMU).is_file() or os.geteuid() != 0:
        pytest.skip(f"no trixie chroot with {QEMU} at {TRIXIE} (or not root to enter it)")
    return TRIXIE


@contextmanager
def running_qemu(command: list[str], socket: str) -> Iterator[None]:
    """QEMU run as ``command`` with its QMP socket at ``socket``; its process group is killed."""
    qemu = subprocess.Popen(
        ["timeout", str(SESSION_SECONDS), *command, "-machine", "none", "-nodefaults",
         "-display", "none", "-qmp", f"unix:{socket},server=on,wait=off"],
        start_new_session=True, stderr=subprocess.PIPE,
    )
    try:
        yield
    finally:
        os.killpg(qemu.pid, signal.SIGKILL)
        qemu.wait()


def run_against_qemu(
    go_tools: GoTools, package: Path, test: str, name: str, command: list[str],
    socket: Path | None = None, inside: str = "",
) -> str:
    """Build the package's tests with ``test`` copied in, run ``name`` against a fresh QEMU.

    QEMU listens on ``socket`` (default: beside the package); ``inside`` is the socket's
    path as ``command`` sees it, when it runs in a chroot.
    """
    for source in (test, "live_helpers_test.go", "same_json_test.go"):
        shutil.copy(GO_TESTS / source, package)
    binary = package.parent / "live.test"
    built = go_tools.run(package, "test", "-c", "-o", str(binary))
    assert built.returncode == 0, built.stdout + built.stderr
    socket = socket or package.parent / "qmp.sock"
    with running_qemu(command, inside or str(socket)):
        result = subprocess.run(
            [str(binary), "-test.v", "-test.run", f"^{name}$"],
            cwd=package, env={**os.environ, "QMP_SOCKET": str(socket)},
            capture_output=True, text=True, timeout=SESSION_SECONDS, check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"--- PASS: {name}" in result.stdout
    return result.stdout


def test_go_client_drives_qemu(go_tools: GoTools, qemu_binary: str, tmp_path: Path) -> None:
    package = generate(FIXTURES / "live.json", tmp_path)
    run_against_qemu(go_tools, package, "live_test.go", "TestLiveSessionWithQEMU", [qemu_binary])


def outcomes(output: str) -> dict[str, list[str]]:
    """What each argument-less query came to, as the release test printed it."""
    found = {}
    for kind in OUTCOMES:
        match = re.search(rf"OUTCOME {kind}: (\d+): ?(.*)$", output, re.MULTILINE)
        assert match, output
        found[kind] = match.group(2).split()
        assert len(found[kind]) == int(match.group(1)), output
    return found


def _copy(package: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "qmp"
    shutil.copytree(package, copy)
    return copy


def test_qemu_10_2_package_decodes_every_reply_of_qemu_7_2_exactly(
    go_tools: GoTools, qemu_binary: str, qemu_package: Path, tmp_path: Path
) -> None:
    output = run_against_qemu(
        go_tools, _copy(qemu_package, tmp_path), "live_releases_test.go",
        "TestQEMU102PackageAcrossReleases", [qemu_binary],
    )
    found = outcomes(output)
    assert found["refused"] == []
    assert len(found["decoded exactly"]) >= 45
    assert {"query-sev", "query-machines", "query-status", "query-migrate-parameters",
            "query-dirty-rate", "query-named-block-nodes"} <= set(found["decoded exactly"])
    assert {"query-audiodevs", "query-accelerators"} <= set(found["not available"])


def test_qemu_10_2_package_decodes_every_reply_of_qemu_10_0_exactly(
    go_tools: GoTools, trixie_root: Path, qemu_package: Path, tmp_path: Path
) -> None:
    socket = trixie_root / "tmp" / f"qapi-build-go-{os.getpid()}.sock"
    try:
        output = run_against_qemu(
            go_tools, _copy(qemu_package, tmp_path), "live_releases_test.go",
            "TestQEMU102PackageAcrossReleases", ["chroot", str(trixie_root), QEMU],
            socket=socket, inside=f"/tmp/{socket.name}",
        )
    finally:
        socket.unlink(missing_ok=True)
    found = outcomes(output)
    assert found["refused"] == []
    assert len(found["decoded exactly"]) >= 45
    assert {"query-audiodevs", "query-sev"} <= set(found["decoded exactly"])
    assert "query-accelerators" in found["not available"]
