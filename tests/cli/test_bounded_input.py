"""Input files are regular, bounded, UTF-8 and shallow: anything else is one line, never a hang.

Builds end with status 1, ``diff`` with 2 (its error status), and neither
prints a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from qapi_ir import input_file
from qapi_ir.driver import cli, entry
from qapi_ir.input_file import InputFileError, read_text
from tests.cli.helpers import EXAMPLE


def _fifo(tmp_path: Path) -> str:
    path = tmp_path / "fifo.json"
    os.mkfifo(path)
    return str(path)


def _deep_nesting(tmp_path: Path) -> str:
    path = tmp_path / "deep.json"
    value = "[" * 600 + "'int'" + "]" * 600
    path.write_text("{ 'struct': 'Thing', 'data': { 'a': " + value + " } }\n")
    return str(path)


def _deep_condition(depth: int) -> Callable[[Path], str]:
    def schema(tmp_path: Path) -> str:
        condition = "'CONFIG_X'"
        for _ in range(depth):
            condition = "{ 'not': " + condition + " }"
        path = tmp_path / f"if{depth}.json"
        path.write_text("{ 'struct': 'Thing', 'data': { 'a': 'int' }, 'if': " + condition + " }\n")
        return str(path)

    return schema


def _include_chain(tmp_path: Path) -> str:
    for number in range(200):
        (tmp_path / f"c{number}.json").write_text(f"{{ 'include': 'c{number + 1}.json' }}\n")
    (tmp_path / "c200.json").write_text("{ 'struct': 'Thing', 'data': { 'a': 'int' } }\n")
    return str(tmp_path / "c0.json")


def _bad_utf8(tmp_path: Path) -> str:
    path = tmp_path / "latin1.json"
    path.write_bytes(b"# comment\n# caf\xe9\n{ 'struct': 'Thing', 'data': { 'a': 'int' } }\n")
    return str(path)


def _including(target: str) -> Callable[[Path], str]:
    def schema(tmp_path: Path) -> str:
        path = tmp_path / "main.json"
        path.write_text(f"{{ 'include': '{target}' }}\n")
        return str(path)

    return schema


CASES: dict[str, tuple[Callable[[Path], str], str]] = {
    "include of /dev/zero": (
        _including("/dev/zero"), "main.json:1: can't read include file '/dev/zero': not a regular"
    ),
    "include of /dev/urandom": (_including("/dev/urandom"), "not a regular file"),
    "schema that is a FIFO": (_fifo, "not a regular file"),
    "nesting 600 deep": (_deep_nesting, "deep.json:1:"),
    "'if' 350 deep": (_deep_condition(350), "values nest deeper than 100"),
    "'if' 40 deep": (_deep_condition(40), "'if' condition of struct nests more than 32 deep"),
    "include chain 200 deep": (_include_chain, "includes nest deeper than 64"),
    "invalid UTF-8": (_bad_utf8, "latin1.json:2: invalid UTF-8 (byte 0xe9)"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_line_and_status_1_for_a_build(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, expected = CASES[case]
    status = cli.main(["--no-cache", "--backend", "dump", "-o", str(tmp_path / "out"),
                       make(tmp_path)])
    err = capsys.readouterr().err
    assert status == 1
    assert expected in err.splitlines()[-1]
    assert len(err.splitlines()) <= 2, err  # QEMU's form: "In struct 'Thing':", then the error
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_reads_as_for_a_build_with_status_2_for_diff(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, expected = CASES[case]
    path = make(tmp_path)
    build_status = cli.main(["--no-cache", "--backend", "dump", "-o", str(tmp_path / "out"), path])
    build_err = capsys.readouterr().err
    status = entry.main(["diff", str(EXAMPLE), path])
    err = capsys.readouterr().err
    assert (build_status, status) == (1, 2)
    assert expected in err.splitlines()[-1]
    # a schema error in QEMU's form, as the build prints it; other faults one line of diff's
    assert err == build_err or (err.startswith("qapi-build diff: error: ")
                                and err.count("\n") == 1), err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_snapshot_and_config_from_a_device_are_refused(
    device: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--no-cache", "--backend", "dump", "--from-ir", device]) == 1
    assert capsys.readouterr().err == f"can't read IR snapshot {device}: not a regular file\n"
    assert cli.main(["--no-cache", "--config", device]) == 1
    assert capsys.readouterr().err == (
        f"can't read configuration file {device}: not a regular file\n"
    )


def test_a_file_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.json"
    path.write_text("x" * 101)
    monkeypatch.setattr(input_file, "MAX_INPUT_BYTES", 100)
    with pytest.raises(InputFileError, match=r"big\.json: larger than the limit"):
        read_text(path)
    path.write_text("x" * 100)
    assert read_text(path) == "x" * 100


def _deep_json_line(tmp_path: Path) -> str:
    path = tmp_path / "deep.log"
    path.write_text("[" * 100_000 + "\n")
    return str(path)


def _deep_toml(tmp_path: Path) -> str:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    return str(path)


def _device(name: str) -> Callable[[Path], str]:
    return lambda _tmp_path: name


#: Side inputs of every subcommand: (arguments before the file, how to make it, the message).
SIDE_INPUTS: dict[str, tuple[list[str], Callable[[Path], str], str]] = {
    "diff --used-by FIFO": (["diff", str(EXAMPLE), str(EXAMPLE), "--used-by"], _fifo,
                            "fifo.json: not a regular file"),
    "diff --used-by /dev/zero": (["diff", str(EXAMPLE), str(EXAMPLE), "--used-by"],
                                 _device("/dev/zero"), "/dev/zero: not a regular file"),
    "diff --used-by 100000 [": (["diff", str(EXAMPLE), str(EXAMPLE), "--used-by"],
                                _deep_json_line, "deep.log:1: values nest too deeply"),
    "diff --config FIFO": (["diff", str(EXAMPLE), str(EXAMPLE), "--config"], _fifo,
                           "fifo.json: not a regular file"),
    "diff --config /dev/zero": (["diff", str(EXAMPLE), str(EXAMPLE), "--config"],
                                _device("/dev/zero"), "/dev/zero: not a regular file"),
    "diff --config 5000-deep TOML": (["diff", str(EXAMPLE), str(EXAMPLE), "--config"],
                                     _deep_toml, "deep.toml: values nest too deeply"),
    "diff reply 100000 [": (["diff", str(EXAMPLE)], _deep_json_line,
                            "deep.log: values nest deeper than 100"),
    "build --config FIFO": (["--no-cache", "--config"], _fifo,
                            "fifo.json: not a regular file"),
    "build --config 5000-deep TOML": (["--no-cache", "--config"], _deep_toml,
                                      "deep.toml: values nest too deeply"),
    "build --from-ir 100000 [": (["--no-cache", "--backend", "dump", "--from-ir"],
                                 _deep_json_line, "deep.log: values nest deeper than 100"),
}


@pytest.mark.parametrize("case", sorted(SIDE_INPUTS))
def test_every_file_read_is_bounded_with_a_one_line_error(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before, make, expected = SIDE_INPUTS[case]
    monkeypatch.chdir(tmp_path)
    status = entry.main([*before, make(tmp_path)])
    err = capsys.readouterr().err
    assert status == (2 if before[0] == "diff" else 1)
    assert err.count("\n") == 1 and expected in err, err
    assert "internal error" not in err
