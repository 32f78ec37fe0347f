"""The write step: all files or none, never through a link, the previous output kept on failure."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from qapi_ir.driver import output_dir
from qapi_ir.driver.output_dir import OutputError, write_files
from tests.conftest import need


def _state(directory: Path) -> dict[str, tuple[bytes | str, int]]:
    """Every entry below ``directory``: content (or link target) and modification time."""
    state: dict[str, tuple[bytes | str, int]] = {}
    for path in sorted(directory.rglob("*")):
        status = path.lstat()
        if path.is_symlink():
            state[str(path.relative_to(directory))] = (os.readlink(path), 0)
        elif path.is_file():
            state[str(path.relative_to(directory))] = (path.read_bytes(), status.st_mtime_ns)
    return state


OLD = {"a.h": "old a\n", "sub/b.c": "old b\n", "z.txt": "old z\n"}
NEW = {"a.h": "new a\n", "sub/b.c": "new b\n", "z.txt": "new z\n"}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    directory = tmp_path / "out"
    write_files(directory, OLD)
    return directory


def test_new_contents_replace_the_old_and_no_staging_is_left(out: Path) -> None:
    assert write_files(out, NEW) == sorted(NEW)
    assert {k: v for k, (v, _) in _state(out).items()} == {k: v.encode() for k, v in NEW.items()}


def test_unchanged_files_are_not_rewritten(out: Path) -> None:
    before = _state(out)
    assert write_files(out, {**OLD, "a.h": "new a\n"}) == ["a.h"]
    after = _state(out)
    assert after["sub/b.c"] == before["sub/b.c"] and after["z.txt"] == before["z.txt"]


def test_a_directory_where_a_file_goes_changes_nothing(out: Path) -> None:
    (out / "z.txt").unlink()
    (out / "z.txt").mkdir()
    before = _state(out)
    with pytest.raises(OutputError, match=r"z\.txt': something that is not a file is there"):
        write_files(out, NEW)
    assert _state(out) == before


def test_a_path_both_file_and_directory_changes_nothing(out: Path) -> None:
    before = _state(out)
    with pytest.raises(OutputError, match=r"'a\.h': it is both a file and a directory"):
        write_files(out, {**NEW, "a.h/index.html": "x"})
    assert _state(out) == before


@pytest.mark.parametrize(
    ("path", "text", "problem"),
    [
        (".", "x", "not a path inside the output directory"),
        ("a/../../x", "x", "not a path inside the output directory"),
        ("/etc/x", "x", "not a relative path"),
        ("a\0b", "x", "not a relative path"),
        ("gone\n::error file=x.json,line=1::INJECTED", "x", "has a control character"),
        ("a/b\rc", "x", "has a control character"),
        ("tab\there", "x", "has a control character"),
        ("del\x7f", "x", "has a control character"),
        ("c1\x9b2J", "x", "has a control character"),
        ("n" * 256, "x", "longer than 255 bytes"),
        ("b.txt", b"bytes", "is bytes, not str"),
        ("c.txt", None, "is NoneType, not str"),
        ("d.txt", "\udc80", "not valid text"),
    ],
)
def test_bad_paths_and_contents_are_refused_before_anything_is_written(
    out: Path, path: str, text: object, problem: str
) -> None:
    before = _state(out)
    with pytest.raises(OutputError, match=problem):
        write_files(out, {**NEW, path: text})  # type: ignore[dict-item]
    assert _state(out) == before


def test_a_name_of_255_bytes_is_written_though_a_temporary_twin_would_not_fit(out: Path) -> None:
    write_files(out, {**NEW, "n" * 255: "long\n"})
    assert (out / ("n" * 255)).read_text() == "long\n"


def test_a_symlinked_directory_in_the_output_is_not_written_through(
    out: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "sub" / "b.c").unlink()
    (out / "sub").rmdir()
    (out / "sub").symlink_to(elsewhere)
    before = _state(out)
    with pytest.raises(OutputError, match="refusing to write through the symbolic link"):
        write_files(out, NEW)
    assert _state(out) == before
    assert list(elsewhere.iterdir()) == []


def test_a_symlinked_file_in_the_output_is_not_written_through(out: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    (out / "z.txt").unlink()
    (out / "z.txt").symlink_to(victim)
    with pytest.raises(OutputError, match=r"symbolic link .*z\.txt"):
        write_files(out, NEW)
    assert victim.read_text() == "precious\n"


def test_a_failing_rename_puts_back_the_files_already_replaced(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _state(out)
    real_replace = os.replace
    calls = iter(range(100))

    def failing_replace(source: str | Path, target: str | Path) -> None:
        if next(calls) == 2:
            raise OSError(5, "Input/output error", str(target))
        real_replace(source, target)

    monkeypatch.setattr(output_dir.os, "replace", failing_replace)
    with pytest.raises(OutputError, match="Input/output error"):
        write_files(out, {**NEW, "new/dir/c.txt": "c\n"})
    monkeypatch.undo()
    assert {k: v for k, (v, _) in _state(out).items()} == {
        k: v for k, (v, _) in before.items()
    }
    assert not (out / "new").exists()


def test_staging_left_by_a_killed_run_is_removed(out: Path) -> None:
    dead = out / ".qapi-build-999999999-x1"
    dead.mkdir()
    (dead / "0").write_text("half")
    write_files(out, NEW)
    assert not dead.exists()


def test_output_directory_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError, match="it is not a directory"):
        write_files(tmp_path / "out", NEW)
    assert (tmp_path / "out").read_text() == "a file"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs mounted for the test (root only)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True, check=False,
    ).returncode == 0 if os.geteuid() == 0 else False
    need(mounted, "a full-disk test needs to mount a small tmpfs (root, mount permitted)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_leaves_the_previous_output_as_it_was(small_disk: Path) -> None:
    out = small_disk / "out"
    write_files(out, OLD)
    before = _state(out)
    big = {f"f{n:03}.c": "x" * 50_000 for n in range(40)}  # 2 MB into 1 MiB
    with pytest.raises(OutputError, match="No space left on device"):
        write_files(out, {**NEW, **big})
    assert _state(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["a.h", "sub", "z.txt"]
