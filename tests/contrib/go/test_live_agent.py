"""The Go guest agent client against real guest agents: qemu-ga 7.2 and trixie's 10.0.

The agent runs on this machine as an unprivileged user, listening on a unix
socket, with every command it has blocked (``-b``) except :data:`READ_ONLY`;
the Go test checks with ``guest-info`` that nothing else is enabled before it
sends anything else.  Skipped when ``qemu-ga`` is absent (Debian package
``qemu-guest-agent``) unless ``QAPI_BUILD_REQUIRE_ALL=1``; the 10.0 agent runs
from a Debian trixie directory and is skipped where there is none.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.backends.python.live_programs import (
    Release,
    each_release,
    require_program,
)
from tests.contrib.go.live_calls import build_live_test, figures, run_against

SCHEMA = Path("qemu-10.2/codegen/schemas/qga/qapi-schema.json")
#: The guest agent's schema in a release's history directory.
HISTORY = Path("qga/qapi-schema.json")

#: The commands left enabled, reviewed one by one: each only reads the guest's state.
#: Everything else the agent has (guest-shutdown, guest-exec*, guest-file-*,
#: guest-fsfreeze-freeze*/-thaw, guest-fstrim, guest-suspend-*, guest-set-*,
#: guest-ssh-*, and whatever a later agent adds) is blocked.
READ_ONLY = frozenset(
    {"guest-sync", "guest-sync-delimited", "guest-ping", "guest-info", "guest-fsfreeze-status"}
    | {"guest-get-time", "guest-get-timezone", "guest-get-host-name", "guest-get-osinfo"}
    | {"guest-get-users", "guest-get-vcpus", "guest-get-fsinfo", "guest-get-disks"}
    | {"guest-get-diskstats", "guest-get-cpustats", "guest-get-load", "guest-get-devices"}
    | {"guest-get-memory-blocks", "guest-get-memory-block-info"}
    | {"guest-network-get-interfaces", "guest-network-get-route"}
)
#: Left blocked where ``/proc`` is not mounted (the trixie directory): qemu-ga 10.0
#: aborts on guest-network-get-route when neither of its route files opens.
ABORTS_WITHOUT_PROC = frozenset({"guest-network-get-route"})
_COMMAND = re.compile(r"guest-[a-z0-9-]+\Z")


def agent_commands(release: Release) -> set[str]:
    """Every command ``release``'s qemu-ga has, as ``qemu-ga -b help`` lists them."""
    chroot = ["chroot", str(release.root)] if release.chrooted else []
    listed = subprocess.run(
        [*chroot, "qemu-ga", "-b", "help"], capture_output=True, text=True, timeout=60,
        check=False,
    )
    names = set(listed.stdout.split())
    assert listed.returncode == 0 and names and all(map(_COMMAND.match, names)), listed
    return names


@pytest.fixture(scope="module")
def agent_test(go_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The live test binary of the package generated from QEMU 10.2's guest agent schema."""
    return build_live_test(go_cache, tmp_path_factory.mktemp("qga"), SCHEMA, "qga",
                           ("live_agent_test.go",), READ_ONLY.__contains__, HISTORY)


def test_only_reads_are_left_enabled() -> None:
    assert all(
        name.startswith(("guest-get-", "guest-sync", "guest-network-get-"))
        or name in {"guest-ping", "guest-info", "guest-fsfreeze-status"}
        for name in READ_ONLY
    )
    assert not {name for name in READ_ONLY if re.search(r"-(set|file|exec|ssh)-?", name)}


@each_release
def test_every_allowed_argument_less_command_re_encodes_exactly(
    agent_test: tuple[Path, int], release: Release
) -> None:
    require_program(release, "qemu-ga", "qemu-guest-agent")
    binary, table_size = agent_test
    allowed = READ_ONLY - (ABORTS_WITHOUT_PROC if release.chrooted else frozenset())
    blocked = sorted(agent_commands(release) - allowed)
    assert {"guest-shutdown", "guest-exec", "guest-exec-status", "guest-file-open"} <= set(blocked)

    def agent(directory: Path) -> list[str]:
        return [
            "qemu-ga", "-m", "unix-listen", "-p", release.inside(directory / "qga.sock"),
            "-t", release.inside(directory), "-f", release.inside(directory / "qemu-ga.pid"),
            "-b", ",".join(blocked),
        ]

    report = run_against(release, agent, binary, "TestLiveAgent", lambda directory: {
        "QGA_SOCKET": str(directory / "qga.sock"), "QGA_ALLOWED": ",".join(sorted(allowed)),
    })
    print(f"\nGo, guest agent, qemu-ga {report['notes']['version']}: {figures(report)}"
          f" of {table_size}; not enabled: {report['skipped']}; errors: {sorted(report['errors'])}")
    assert report["notes"]["version"].startswith(release.label)
    assert report["notes"]["refused"].startswith(
        "guest-exec-status is disabled in the guest agent: Command guest-exec-status has been"
        " disabled"
    )
    assert report["mismatch"] == {}
    # guest-get-load came after 7.2: with go.compat, the client finds in guest-info that
    # the 7.2 agent lacks it and does not send it.
    absent = report["notes"].get("absent", "")
    assert bool(absent) == (release.label == "7.2"), absent
    assert not absent or re.fullmatch(
        r"qga: guest agent 7\.2\.\d+ has no command guest-get-load", absent
    ), absent
    assert {"guest-info", "guest-get-osinfo", "guest-network-get-interfaces"} <= set(
        report["exact"]
    )
    # Without /proc and /sys (the trixie directory), the agent fails what reads them.
    assert len(report["exact"]) >= (8 if release.chrooted else 14), report
    assert release.chrooted or report["errors"] == {}, report
