"""Go clients against a real QEMU (``qemu-system-x86_64 -machine none``) over a unix socket.

Skipped when Go or the QEMU binary is absent, unless ``QAPI_BUILD_REQUIRE_ALL=1``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.conftest import need
from tests.contrib.go.conftest import FIXTURES, GO_TESTS, QEMU_SCHEMA, GoTools, generate

QEMU = "qemu-system-x86_64"
#: Upper bound for the QEMU process; it is killed whatever happens.
SESSION_SECONDS = 600


@pytest.fixture
def qemu_binary() -> str:
    """The QEMU binary, or a skip (a failure under QAPI_BUILD_REQUIRE_ALL=1)."""
    binary = shutil.which(QEMU)
    need(binary is not None, f"{QEMU} not found (Debian package qemu-system-x86)")
    assert binary is not None
    return binary


def run_against_qemu(
    go_tools: GoTools, qemu_binary: str, package: Path, test: str, name: str
) -> str:
    """Build the package's tests with ``test`` copied in, run ``name`` against a fresh QEMU."""
    for source in (test, "live_helpers_test.go"):
        shutil.copy(GO_TESTS / source, package)
    binary = package.parent / "live.test"
    built = go_tools.run(package, "test", "-c", "-o", str(binary))
    assert built.returncode == 0, built.stdout + built.stderr
    socket = package.parent / "qmp.sock"
    qemu = subprocess.Popen(
        ["timeout", str(SESSION_SECONDS), qemu_binary, "-machine", "none", "-nodefaults",
         "-display", "none", "-qmp", f"unix:{socket},server=on,wait=off"],
        start_new_session=True, stderr=subprocess.PIPE,
    )
    try:
        result = subprocess.run(
            [str(binary), "-test.v", "-test.run", f"^{name}$"],
            cwd=package, env={**os.environ, "QMP_SOCKET": str(socket)},
            capture_output=True, text=True, timeout=SESSION_SECONDS, check=False,
        )
    finally:
        os.killpg(qemu.pid, signal.SIGKILL)
        qemu.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_go_client_drives_qemu(go_tools: GoTools, qemu_binary: str, tmp_path: Path) -> None:
    package = generate(FIXTURES / "live.json", tmp_path)
    out = run_against_qemu(go_tools, qemu_binary, package, "live_test.go",
                           "TestLiveSessionWithQEMU")
    assert "--- PASS: TestLiveSessionWithQEMU" in out


def test_qemu_10_2_package_talks_to_an_older_qemu(
    go_tools: GoTools, qemu_binary: str, corpus_dir: Path, tmp_path: Path
) -> None:
    package = generate(corpus_dir / QEMU_SCHEMA, tmp_path)
    out = run_against_qemu(go_tools, qemu_binary, package, "live_qemu102_test.go",
                           "TestQEMU102PackageTalksToAnOlderQEMU")
    assert "--- PASS: TestQEMU102PackageTalksToAnOlderQEMU" in out
