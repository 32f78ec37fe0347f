"""The command line: exit statuses, messages, and how output files are written."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from qapi_ir.driver import cli
from tests.cli.helpers import EXAMPLE, files_below, run_cli
from tests.conftest import REPO_ROOT

GOOD = "{ 'struct': 'Point', 'data': { 'x': 'int', 'y': 'int' } }\n"
BAD = "{ 'struct': 'Point', 'data': { 'x': 'NoSuchType' } }\n"


def _schema(tmp_path: Path, text: str, name: str = "s.json") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_valid_schema_exits_zero_and_writes_the_dump(tmp_path: Path) -> None:
    result = run_cli("--backend", "dump", "-o", tmp_path / "out", _schema(tmp_path, GOOD))
    assert result.returncode == 0, result.stderr
    assert "object Point" in (tmp_path / "out" / "dump.txt").read_text()


def test_schema_error_prints_qemu_style_message_and_writes_nothing(tmp_path: Path) -> None:
    schema = _schema(tmp_path, BAD)
    result = run_cli("--backend", "dump", "-o", tmp_path / "out", schema.name, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (
        "s.json: In struct 'Point':\n"
        "s.json:1: member 'x' uses unknown type 'NoSuchType'\n"
    )
    assert files_below(tmp_path / "out") == []


def test_unreadable_schema_is_one_line_and_status_one(tmp_path: Path) -> None:
    result = run_cli("--backend", "dump", "-o", tmp_path, "nowhere.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "can't read schema file 'nowhere.json': No such file or directory\n"


def test_unknown_flag_is_a_usage_error_with_status_two(tmp_path: Path) -> None:
    result = run_cli("--no-such-flag", cwd=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments: --no-such-flag" in result.stderr


def test_missing_schema_is_a_usage_error_that_says_how_to_name_one(tmp_path: Path) -> None:
    result = run_cli("--backend", "dump", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("qapi-build: error: no schema given: name one")


def test_a_mistyped_option_gets_the_closest_one_suggested(tmp_path: Path) -> None:
    result = run_cli("--bakend", "c", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(
        "qapi-build: error: unrecognized option '--bakend'; did you mean '--backend'?\n")


def test_a_mistyped_subcommand_gets_the_closest_one_suggested(tmp_path: Path) -> None:
    result = run_cli("dif", "a.json", "b.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "qapi-build: error: no such file or command 'dif'; did you mean 'diff'?\n")
    assert not list(tmp_path.iterdir())


def test_a_build_ends_with_one_summary_line_unless_quiet(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_cli("--backend", "dump", "--backend", "ir", "-o", str(out), str(EXAMPLE),
                    cwd=tmp_path)
    again = run_cli("--backend", "dump", "--backend", "ir", "-o", str(out), str(EXAMPLE),
                    cwd=tmp_path)
    quiet = run_cli("-q", "--backend", "dump", "-o", str(out), str(EXAMPLE), cwd=tmp_path)
    assert re.fullmatch(r"qapi-build: dump, ir: 2 files, 2 changed, in \d+\.\d\d s\n",
                        first.stderr)
    assert re.fullmatch(r"qapi-build: dump, ir: 2 files, 0 changed, in \d+\.\d\d s\n",
                        again.stderr)
    assert (quiet.returncode, quiet.stderr) == (0, "")


def test_prefix_with_a_character_qemu_refuses_is_refused(tmp_path: Path) -> None:
    result = run_cli("-p", "a/b", "-o", tmp_path / "out", _schema(tmp_path, GOOD))
    assert result.returncode == 1
    assert result.stderr == "qapi-build: funny character '/' in argument of --prefix\n"


def test_unchanged_output_keeps_its_modification_time(tmp_path: Path) -> None:
    schema = _schema(tmp_path, GOOD)
    out = tmp_path / "out"
    assert run_cli("--backend", "dump", "-o", out, schema).returncode == 0
    dump = out / "dump.txt"
    os.utime(dump, ns=(1_000_000_000, 1_000_000_000))
    assert run_cli("--backend", "dump", "-o", out, schema).returncode == 0
    assert dump.stat().st_mtime_ns == 1_000_000_000
    schema.write_text(GOOD.replace("'y'", "'z'"))
    assert run_cli("--backend", "dump", "-o", out, schema).returncode == 0
    assert dump.stat().st_mtime_ns != 1_000_000_000
    assert "member z: int" in dump.read_text()


def test_unwritable_output_directory_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the directory should be")
    result = run_cli("--backend", "dump", "-o", blocker, _schema(tmp_path, GOOD))
    assert result.returncode == 1
    assert result.stderr.startswith("can't write ")
    assert "Traceback" not in result.stderr


def test_snapshot_round_trip_through_the_cli_gives_identical_dump(tmp_path: Path) -> None:
    direct, via_ir = tmp_path / "direct", tmp_path / "via-ir"
    assert run_cli("--backend", "dump", "--backend", "ir", "-o", direct, EXAMPLE).returncode == 0
    result = run_cli("--from-ir", direct / "ir.json", "--backend", "dump", "-o", via_ir)
    assert result.returncode == 0, result.stderr
    assert (via_ir / "dump.txt").read_bytes() == (direct / "dump.txt").read_bytes()


def test_corrupt_snapshot_is_one_line_naming_the_file(tmp_path: Path) -> None:
    snapshot = tmp_path / "ir.json"
    snapshot.write_text('{"format": "qapi-build-ir", "version": 1, "schema": {"modu')
    result = run_cli("--from-ir", snapshot, "--backend", "dump", "-o", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"{snapshot}:1:")
    assert files_below(tmp_path / "out") == []


def test_snapshot_of_another_version_is_refused(tmp_path: Path) -> None:
    snapshot = tmp_path / "ir.json"
    snapshot.write_text('{"format": "qapi-build-ir", "version": 99, "schema": {}}')
    result = run_cli("--from-ir", snapshot, "--backend", "dump", "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "version 99 is not supported" in result.stderr


def test_bad_option_value_lists_the_type(tmp_path: Path) -> None:
    result = run_cli("--backend", "c", "-O", "c.builtins=maybe", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == "option c.builtins takes a boolean (true/false), not 'maybe'\n"


def test_unknown_option_lists_the_valid_ones(tmp_path: Path) -> None:
    result = run_cli("--backend", "ir", "-O", "ir.colour=red", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == (
        "backend 'ir' has no option 'colour'; valid options: filename (str)\n"
    )


def test_unknown_backend_lists_the_available_ones(tmp_path: Path) -> None:
    result = run_cli("--backend", "cobol", "-o", tmp_path, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr.startswith("unknown backend 'cobol'; available: ")
    assert "dump" in result.stderr and "ir" in result.stderr



def test_internal_error_is_one_line_unless_debugging(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(args: object, interrupted: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "_run", bug)
    monkeypatch.delenv("QAPI_BUILD_DEBUG", raising=False)
    assert cli.main(["--backend", "dump", str(EXAMPLE)]) == 1
    assert capsys.readouterr().err == (
        "qapi-build: internal error: RuntimeError: a bug (QAPI_BUILD_DEBUG=1 shows the traceback)\n"
    )
    monkeypatch.setenv("QAPI_BUILD_DEBUG", "1")
    with pytest.raises(RuntimeError, match="a bug"):
        cli.main(["--backend", "dump", str(EXAMPLE)])


@pytest.mark.parametrize("args", [("--list-backends",), ("diff", str(EXAMPLE), str(EXAMPLE))])
def test_a_reader_closing_the_pipe_ends_the_run_quietly(args: tuple[str, ...]) -> None:
    """``qapi-build --list-backends | head -1``: no message, the status of SIGPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        result = subprocess.run(
            [sys.executable, "-m", "qapi_ir", *args], cwd=REPO_ROOT, stdout=write_end,
            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, timeout=300,
            check=False)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 128 + signal.SIGPIPE


_LONG_DOC = "##\n# @{name}:\n#\n# " + "word " * 20 + "\n##\n{{ 'command': '{name}' }}\n"


def test_older_doc_rules_are_one_warning_per_input_and_each_file_with_v(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(_LONG_DOC.format(name="one"))
    (tmp_path / "two.json").write_text(_LONG_DOC.format(name="two"))
    (tmp_path / "main.json").write_text("{ 'include': 'one.json' }\n{ 'include': 'two.json' }\n")
    common = ("--legacy-docs", "--backend", "ir", "-o", "out", "main.json")
    summary = run_cli("-q", *common, cwd=tmp_path)
    detailed = run_cli("-q", "-v", *common, cwd=tmp_path)
    assert summary.stderr == (
        "main.json: warning: accepted older doc comment rules in 2 files:"
        " lines longer than 70 characters (-v lists each file)\n")
    assert detailed.stderr.splitlines() == [
        f"{name}: warning: accepted older doc comment rules: lines longer than 70 characters"
        for name in ("one.json", "two.json")]


def test_an_empty_prefix_on_the_command_line_overrides_the_configured_one(tmp_path: Path) -> None:
    (tmp_path / "plugins.toml").write_text('[options.c]\nprefix = "configured-"\n')
    result = run_cli("-q", "-p", "", "--backend", "c", "-o", "out", EXAMPLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "qapi-types.h").is_file()
    assert not list((tmp_path / "out").glob("configured-*"))
