"""Misbehaving plugins, crafted snapshots, planted links, Ctrl-C and SIGKILL, end to end.

Each run ends with one line naming the culprit and a non-zero status, and the
previous output stays byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qapi_ir import snapshot
from qapi_ir.frontend import load_schema
from tests.cli.helpers import EXAMPLE, run_cli
from tests.conftest import REPO_ROOT

HOSTILE_PLUGINS = Path(__file__).parent / "hostile_plugins.py"


def _state(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Content and modification time of each file below ``directory`` (staging left out)."""
    return {
        str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and not p.is_symlink()
        and not p.relative_to(directory).parts[0].startswith(".qapi-build-")
    }


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output directory holding a previous run's output."""
    directory = tmp_path / "out"
    result = run_cli("--backend", "ir", "--backend", "dump", "-o", directory, EXAMPLE)
    assert result.returncode == 0, result.stderr
    return directory


def _config(tmp_path: Path, backend: str, extra: str = "") -> Path:
    config = tmp_path / "plugins.toml"
    config.write_text(
        f'backends = ["dump", "hostile"]\n{extra}\n'
        f'[extra-backends]\nhostile = "{HOSTILE_PLUGINS}:{backend}"\n'
    )
    return config


@pytest.mark.parametrize(
    ("backend", "message"),
    [
        ("Exits", "called sys.exit(0)"),
        ("Interrupts", "raised KeyboardInterrupt"),
        ("WritesBytes", "the content of 'b.txt' is bytes, not str"),
        ("WritesNone", "the content of 'n.txt' is NoneType, not str"),
        ("WritesNul", "'a\\x00b.txt' is not a relative path"),
        ("WritesNewline", "'a\\nb.txt' has a control character"),
        ("FillsFilesDirectly", "'../escaped.txt' is not a path inside the output directory"),
        ("BadOption", "option 'level': kind must be one of str, bool, int, list, releases,"),
        ("BadDefault", "option 'count': the default 'many' is not a int"),
    ],
)
def test_misbehaving_plugin_gives_one_line_naming_it_and_changes_nothing(
    tmp_path: Path, out: Path, backend: str, message: str
) -> None:
    before = _state(out)
    result = run_cli("--config", _config(tmp_path, backend), "-o", out, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("backend 'hostile'")
    assert message in result.stderr
    assert result.stdout == ""
    assert _state(out) == before
    assert not (tmp_path / "escaped.txt").exists()


def test_a_plugins_print_goes_to_stderr_not_stdout(tmp_path: Path, out: Path) -> None:
    result = run_cli("--config", _config(tmp_path, "Prints"), "-o", out, EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "chatter from a plugin" in result.stderr


def test_code_in_a_snapshot_name_is_refused_and_nothing_is_written(
    tmp_path: Path, out: Path
) -> None:
    document = json.loads(snapshot.dumps(load_schema(str(EXAMPLE))))
    struct = next(e for e in document["schema"]["entities"] if e.get("name") == "JobInfo")
    struct["members"][0]["name"] = 'a"+__import__("os").system("touch X")+"'
    crafted = tmp_path / "ir.json"
    crafted.write_text(json.dumps(document))
    before = _state(out)
    result = run_cli("--backend", "python", "-o", out, "--from-ir", crafted)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert ".members[0].name: 'a\"+__import__" in result.stderr
    assert _state(out) == before


def test_ir_filename_dot_is_refused_and_the_output_stays(out: Path) -> None:
    before = _state(out)
    result = run_cli("--backend", "ir", "-O", "ir.filename=.", "-o", out, EXAMPLE)
    assert result.returncode == 1
    assert "'.' is not a path inside the output directory" in result.stderr
    assert out.is_dir() and _state(out) == before


def test_subdir_naming_a_generated_file_is_refused_and_the_output_stays(
    tmp_path: Path, out: Path
) -> None:
    config = tmp_path / "plugins.toml"
    config.write_text('backends = ["ir", "dump"]\n[subdirs]\ndump = "ir.json"\n')
    before = _state(out)
    result = run_cli("--config", config, "-o", out, EXAMPLE)
    assert result.returncode == 1
    assert "'ir.json': it is both a file and a directory" in result.stderr
    assert _state(out) == before


def test_a_symlinked_directory_inside_the_output_is_not_written_through(tmp_path: Path) -> None:
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "jobservice").symlink_to(elsewhere)
    result = run_cli("--backend", "python", "-o", out, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "refusing to write through the symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["jobservice"]


def _start(args: list[str | Path], **env: str) -> subprocess.Popen[str]:
    environment = {**os.environ, **env, "PYTHONPATH": str(REPO_ROOT)}
    environment.pop("QAPI_BUILD_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "qapi_ir", *map(str, args)], cwd=REPO_ROOT, env=environment,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
    )


def _wait_for(condition: object, seconds: float = 120) -> None:
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.0005)


def test_ctrl_c_ends_with_one_line_and_status_130_leaving_the_output(
    tmp_path: Path, out: Path
) -> None:
    mark = tmp_path / "generating"
    before = _state(out)
    process = _start(
        ["--config", _config(tmp_path, "Sleeps"), "-o", out, EXAMPLE], HOSTILE_MARK=str(mark)
    )
    _wait_for(mark.exists)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines()[-1:] == ["qapi-build: interrupted"]
    assert "Traceback" not in stderr and stdout == ""
    assert _state(out) == before


def test_a_run_killed_while_writing_leaves_the_output_and_the_next_run_cleans_up(
    tmp_path: Path, out: Path
) -> None:
    before = _state(out)
    process = _start(["--config", _config(tmp_path, "Large"), "-o", out, EXAMPLE])

    def staging() -> list[Path]:
        return [p for p in out.iterdir() if p.name.startswith(".qapi-build-")]

    _wait_for(lambda: staging() or process.poll() is not None)
    process.kill()
    process.communicate(timeout=60)
    assert staging(), "the run ended before it could be killed while writing"
    assert _state(out) == before
    result = run_cli("--backend", "ir", "--backend", "dump", "-o", out, EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert staging() == []
    assert _state(out) == before
