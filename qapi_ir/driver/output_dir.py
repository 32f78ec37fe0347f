"""Writing generated files: all of them or none, never through a link, unchanged ones untouched.

Every path is checked first (again: a backend may have filled ``Output.files``
directly), and so is what lies on disk in its way: a symbolic link anywhere
below the output directory is refused, not followed, as is a directory where
a file should go.  The new contents are then written into a staging directory
inside the output directory (short names, so a long final name still fits),
and only when all of them are there are they renamed into place.  Should a
rename fail, the files already replaced are put back.  A staging directory
left by a killed run is removed by the next run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from collections.abc import Mapping
from pathlib import Path

from qapi_ir.plugin_api import output_path_problem

#: Staging directories are named ``.qapi-build-PID-XXXX``.
_STAGING_PREFIX = ".qapi-build-"


class OutputError(Exception):
    """The output directory or a file in it cannot be written."""


def _check_paths(files: Mapping[str, str]) -> None:
    for path, text in files.items():
        problem = output_path_problem(path, text)
        if problem:
            raise OutputError(f"can't write {problem}")
    paths = set(files)
    for path in paths:
        parent = path.rpartition("/")[0]
        while parent:
            if parent in paths:
                raise OutputError(f"can't write '{parent}': it is both a file and a directory")
            parent = parent.rpartition("/")[0]


def _check_on_disk(directory: str, relative: str) -> bool:
    """Whether ``relative`` exists as a regular file; refuses links and misplaced kinds."""
    current = directory
    parts = relative.split("/")
    for index, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return False
        last = index == len(parts) - 1
        if stat.S_ISLNK(mode):
            raise OutputError(f"refusing to write through the symbolic link '{current}'")
        if last and not stat.S_ISREG(mode):
            raise OutputError(f"can't write '{current}': something that is not a file is there")
        if not last and not stat.S_ISDIR(mode):
            raise OutputError(
                f"can't write '{os.path.join(directory, relative)}': '{current}' is not a directory"
            )
    return True


def _remove_leftovers(directory: Path) -> None:
    """Remove staging directories of runs that no longer run (killed ones)."""
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            if not entry.name.startswith(_STAGING_PREFIX):
                continue
            pid = entry.name[len(_STAGING_PREFIX):].partition("-")[0]
            staging = entry.is_dir(follow_symlinks=False)
            if staging and pid.isdigit() and not _is_running(int(pid)):
                shutil.rmtree(entry.path, ignore_errors=True)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return pid != 0


def _changed(directory: str, files: Mapping[str, str], made: bool) -> dict[str, bytes]:
    """The files whose content on disk differs from what it should be, encoded.

    In a directory just ``made``, that is all of them: nothing is looked up.
    """
    changed = {}
    for relative, text in sorted(files.items()):
        data = text.encode("utf-8")
        if not made and _check_on_disk(directory, relative):
            target = os.path.join(directory, relative)
            if os.stat(target).st_size == len(data) and _read(target) == data:
                continue
        changed[relative] = data
    return changed


def _read(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _prepare_directory(directory: Path) -> bool:
    """Make ``directory`` if missing; whether it was made."""
    try:
        mode = os.lstat(directory).st_mode
    except FileNotFoundError:
        directory.mkdir(parents=True)
        return True
    if not stat.S_ISDIR(os.stat(directory).st_mode if stat.S_ISLNK(mode) else mode):
        raise OutputError(f"can't write into '{directory}': it is not a directory")
    return False


def write_files(directory: Path, files: Mapping[str, str]) -> list[str]:
    """Write ``files`` (relative path to text) below ``directory``, all or none.

    A file whose content is already what it should be is left alone, so its
    modification time does not change.  Returns the paths actually written.
    """
    _check_paths(files)
    made = False
    try:
        made = _prepare_directory(directory)
        _remove_leftovers(directory)
        changed = _changed(str(directory), files, made)
        if changed:
            _stage_and_swap(str(directory), changed)
    except OSError as exc:
        if made:
            shutil.rmtree(directory, ignore_errors=True)
        where = f"'{exc.filename}'" if exc.filename else f"into '{directory}'"
        raise OutputError(f"can't write {where}: {exc.strerror or exc}") from exc
    except BaseException:
        if made:
            shutil.rmtree(directory, ignore_errors=True)
        raise
    return list(changed)


def _stage_and_swap(directory: str, changed: Mapping[str, bytes]) -> None:
    import tempfile  # a build that changes nothing does without it (and random)

    staging = tempfile.mkdtemp(prefix=f"{_STAGING_PREFIX}{os.getpid()}-", dir=directory)
    try:
        staged = {}
        for number, (relative, data) in enumerate(changed.items()):
            staged[relative] = path = os.path.join(staging, str(number))
            _write_new(path, data)
        _swap(directory, staging, staged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_new(path: str, data: bytes) -> None:
    """Create ``path`` (it must not exist) holding ``data``, readable by all whatever the
    umask; unbuffered, as one write does it (no terminal check, no seek of a buffered file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        os.fchmod(fd, 0o644)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _swap(directory: str, staging: str, staged: Mapping[str, str]) -> None:
    """Rename each staged file into place; on failure put back what was there."""
    made_dirs: list[str] = []
    present = {""}  # the sub-directories known to exist
    done: list[tuple[str, str | None]] = []
    try:
        for number, (relative, source) in enumerate(staged.items()):
            _make_parents(directory, relative.rpartition("/")[0], present, made_dirs)
            target = os.path.join(directory, relative)
            backup = None
            if os.path.exists(target):
                backup = os.path.join(staging, f"old{number}")
                os.link(target, backup)
            os.replace(source, target)
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        for folder in reversed(made_dirs):
            with contextlib.suppress(OSError):
                os.rmdir(folder)
        raise


def _make_parents(directory: str, parent: str, present: set[str], made: list[str]) -> None:
    """Make sub-directory ``parent`` of ``directory`` and those above it, where missing.

    ``present`` holds those known to exist; ``made`` gets each one made.
    """
    if parent in present:
        return
    _make_parents(directory, parent.rpartition("/")[0], present, made)
    folder = os.path.join(directory, parent)
    if not os.path.isdir(folder):
        os.mkdir(folder)
        made.append(folder)
    present.add(parent)
