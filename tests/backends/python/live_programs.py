"""Running QEMU's programs for the live tests: as an unprivileged user, bounded, cleaned up.

Two releases: the programs on ``PATH`` (Debian bookworm's 7.2) and those of a
Debian trixie directory made by ``debootstrap`` (10.0), run with ``chroot``;
``$QAPI_BUILD_TRIXIE`` locates it (default ``build/trixie``; ``.ci/make-trixie``
makes one).  Its absence is a skip even under ``QAPI_BUILD_REQUIRE_ALL=1``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs
import pytest

from tests.conftest import TRIXIE_DIR, need

#: Upper bound for one whole session with a program; it is killed whatever happens.
SESSION_SECONDS = 120
#: The unprivileged user programs run as when the tests run as root.
USER = "nobody"
TRIXIE = TRIXIE_DIR


@attrs.frozen
class Release:
    """Where a release's programs are: ``root`` is ``/`` or the trixie directory."""

    label: str
    root: Path

    @property
    def chrooted(self) -> bool:
        return self.root != Path("/")

    def outside(self, inside: str) -> Path:
        """The path, as this process sees it, of ``inside`` as the release's programs see it."""
        return self.root / inside.lstrip("/")

    def inside(self, outside: Path) -> str:
        """The path, as the release's programs see it, of ``outside`` as this process sees it."""
        return "/" + str(outside.relative_to(self.root)).lstrip("/")


BOOKWORM = Release("7.2", Path("/"))
TRIXIE_RELEASE = Release("10.0", TRIXIE)
#: Runs a test once with each release above, as its argument ``release``.
each_release = pytest.mark.parametrize("release", [BOOKWORM, TRIXIE_RELEASE],
                                       ids=lambda r: r.label)


def require_program(release: Release, program: str, package: str) -> None:
    """Skip (fail under QAPI_BUILD_REQUIRE_ALL=1) when ``program`` is missing from ``release``.

    The trixie directory, and root to enter it, are plain skips: CI has neither.
    """
    if not release.chrooted:
        need(shutil.which(program) is not None, f"{program} not found (Debian package {package})")
        return
    for directory in ("usr/bin", "usr/sbin"):
        if (release.root / directory / program).is_file():
            break
    else:
        pytest.skip(f"no {program} in a Debian trixie directory at {release.root}"
                    f" (.ci/make-trixie DIR makes one; QAPI_BUILD_TRIXIE=DIR)")
    if os.geteuid() != 0:
        pytest.skip(f"entering {release.root} with chroot needs root")


def _user_prefix(release: Release) -> list[str]:
    """What runs a command of ``release`` as an unprivileged user.

    As root: the user ``nobody`` (with ``chroot --userspec`` for trixie); as
    anyone else, the tests' own user, unprivileged already.
    """
    if os.geteuid() != 0:
        return []
    user = pwd.getpwnam(USER)
    ids = f"{user.pw_uid}:{user.pw_gid}"
    if release.chrooted:
        return ["chroot", f"--userspec={ids}", str(release.root)]
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups",
            "--no-new-privs"]


@contextmanager
def work_directory(release: Release) -> Iterator[Path]:
    """A fresh directory the program's user owns, under the release's ``/tmp``; removed after.

    Not the test's ``tmp_path``: the unprivileged user cannot reach into that.
    """
    directory = Path(tempfile.mkdtemp(prefix="qapi-live-", dir=release.outside("/tmp")))
    try:
        if os.geteuid() == 0:
            user = pwd.getpwnam(USER)
            os.chown(directory, user.pw_uid, user.pw_gid)
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def running(release: Release, command: list[str], log: Path) -> Iterator[None]:
    """Run ``command`` of ``release`` unprivileged under ``timeout``; kill its group at the end.

    What it prints goes to ``log``, whose end is added to any error the block raises.
    """
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["timeout", str(SESSION_SECONDS), *_user_prefix(release), *command],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield
    except BaseException as error:
        printed = log.read_bytes()[-2000:].decode(errors="replace")
        error.add_note(f"{command[0]} printed:\n{printed}")
        raise
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
