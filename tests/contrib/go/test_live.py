"""The Go client against a real QEMU (``qemu-system-x86_64 -machine none``) over a unix socket.

Skipped when Go or the QEMU binary is absent, unless ``QAPI_BUILD_REQUIRE_ALL=1``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from tests.conftest import need
from tests.contrib.go.conftest import FIXTURES, GO_TESTS, GoTools, generate

QEMU = "qemu-system-x86_64"
#: Upper bound for the QEMU process; it is killed whatever happens.
SESSION_SECONDS = 600


def test_go_client_drives_qemu(go_tools: GoTools, tmp_path: Path) -> None:
    binary = shutil.which(QEMU)
    need(binary is not None, f"{QEMU} not found (Debian package qemu-system-x86)")
    assert binary is not None
    package = generate(FIXTURES / "live.json", tmp_path)
    shutil.copy(GO_TESTS / "live_test.go", package)
    built = go_tools.run(package, "test", "-c", "-o", str(tmp_path / "live.test"))
    assert built.returncode == 0, built.stdout + built.stderr
    socket = tmp_path / "qmp.sock"
    qemu = subprocess.Popen(
        ["timeout", str(SESSION_SECONDS), binary, "-machine", "none", "-nodefaults",
         "-display", "none", "-qmp", f"unix:{socket},server=on,wait=off"],
        start_new_session=True, stderr=subprocess.PIPE,
    )
    try:
        result = subprocess.run(
            [str(tmp_path / "live.test"), "-test.v", "-test.run", "TestLiveSessionWithQEMU"],
            cwd=package, env={**os.environ, "QMP_SOCKET": str(socket)},
            capture_output=True, text=True, timeout=SESSION_SECONDS, check=False,
        )
    finally:
        os.killpg(qemu.pid, signal.SIGKILL)
        qemu.wait()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "--- PASS: TestLiveSessionWithQEMU" in result.stdout
